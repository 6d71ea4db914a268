"""Request bodies that are not what GraphQL over HTTP expects get a 4xx with a GraphQL-style error, never a 500."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest

from models import Project
from tests.conftest import MakeCaller

QUERY = b'{"query": "{ capabilities { provider } }"}'


@pytest.mark.parametrize(
    "body",
    [
        b"null",
        b"42",
        b'"a string"',
        b"true",
        b'{"query": "{ capabilities { provider } }", "x": "\xff\xfe"}',  # invalid UTF-8
        b"[" * 100_000 + b"]" * 100_000,  # nested deeper than any parser goes
        b'{"query": ',  # cut short
        b'{"query": "{ capabilities { provider } }", "variables": {"x": NaN}}',  # Python reads these; JSON has none
        b'{"query": "{ capabilities { provider } }", "variables": {"x": Infinity}}',
        b'{"query": "{ capabilities { provider } }", "variables": {"x": -Infinity}}',
        b'{"query": "{ capabilities { provider } }", "variables": {"x": ' + b"7" * 5000 + b"}}",  # past int()'s limit
        # Variables thousands deep inside an otherwise valid body.
        b'{"query": "{ capabilities { provider } }", "variables": {"x": '
        + b'{"a": ' * 5000
        + b"1"
        + b"}" * 5001
        + b"}",
    ],
    ids=["null", "number", "string", "true", "utf8", "deep", "cut", "nan", "inf", "-inf", "bigint", "deep-variables"],
)
async def test_bodies_that_are_not_a_json_object_are_400(client: httpx.AsyncClient, body: bytes) -> None:
    response = await client.post("/graphql", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400, response.text
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_REQUEST"
    assert error["message"]


async def test_a_well_formed_body_still_works(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", content=QUERY, headers={"Content-Type": "application/json"})
    assert response.status_code == 200
    assert response.json()["data"]["capabilities"]["provider"] == "simulator"


async def test_a_chunked_body_past_the_cap_is_413_and_runs_nothing(client: httpx.AsyncClient) -> None:
    before = await Project.all().count()
    name = "x" * (2 * 1024 * 1024)

    async def chunks() -> AsyncIterator[bytes]:
        # No Content-Length: the size is only known as the body arrives.
        yield b'{"query": "mutation { projectCreate(input: {name: \\"'
        for start in range(0, len(name), 65536):
            yield name[start : start + 65536].encode()
        yield b'\\"}) { project { id } } }"}'

    response = await client.post("/graphql", content=chunks(), headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert await Project.all().count() == before


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
async def test_a_body_in_utf16_or_utf32_is_400_and_runs_nothing(
    client: httpx.AsyncClient, make_caller: MakeCaller, encoding: str
) -> None:
    """JSON's parser would guess these encodings from the first bytes; the README promises UTF-8 only."""
    caller = make_caller("encodings")
    create = json.dumps({"query": 'mutation { projectCreate(input: {name: "utf16"}) { project { id } } }'})
    headers = {"Content-Type": "application/json", **caller.headers}
    response = await client.post("/graphql", content=create.encode(encoding), headers=headers)
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["message"].startswith("the request body must be UTF-8 JSON")
    assert not await Project.filter(name="utf16").exists()


async def test_a_body_in_utf8_with_a_byte_order_mark_is_read(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", content=b"\xef\xbb\xbf" + QUERY, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["data"]["capabilities"]["provider"]


async def test_a_document_of_two_operations_without_an_operation_name_runs_neither(
    client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    caller = make_caller("two-operations")
    document = 'mutation A { projectCreate(input: {name: "first-of-two"}) { project { id } } } query B { me { id } }'
    response = await client.post("/graphql", json={"query": document}, headers=caller.headers)
    body = response.json()
    assert body["data"] is None, body
    assert "operation name" in body["errors"][0]["message"], body
    assert not await Project.filter(name="first-of-two").exists()
    named = await client.post("/graphql", json={"query": document, "operationName": "A"}, headers=caller.headers)
    assert named.json()["data"]["projectCreate"]["project"]["id"], named.text


SUBSCRIPTION = 'subscription { batchProgress(batchJobId: "QmF0Y2hKb2I6MQ==") { seq } }'


async def test_a_subscription_over_http_post_is_a_400_naming_the_websocket(
    client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    caller = make_caller()
    response = await client.post("/graphql", json={"query": SUBSCRIPTION}, headers=caller.headers)
    assert response.status_code == 400, response.text
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_REQUEST"
    assert "WebSocket" in error["message"]


async def test_a_subscription_over_http_get_is_a_400_naming_the_websocket(
    client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    caller = make_caller()
    response = await client.get("/graphql", params={"query": SUBSCRIPTION}, headers=caller.headers)
    assert response.status_code == 400, response.text
    assert "WebSocket" in response.json()["errors"][0]["message"]


async def test_a_query_over_get_is_a_400_naming_post(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", params={"query": "{ capabilities { provider } }"})
    assert response.status_code == 400, response.text
    assert "POST" in response.json()["errors"][0]["message"]
