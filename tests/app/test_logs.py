"""Structured logs: JSON lines carrying the request id and, once known, the user and the batch; no secrets."""

from __future__ import annotations

import io
from collections.abc import Iterator

import httpx
import pytest
from starlette.applications import Starlette

from tests.conftest import GQL, MakeCaller
from tests.distributed_support import poll
from tests.generation_support import generate, new_project, wait_until_ended
from tests.log_capture import captured_json_logs, lines


@pytest.fixture
def json_logs() -> Iterator[io.StringIO]:
    """Our logging in JSON, written to a buffer for the test; the previous handlers come back afterwards."""
    with captured_json_logs() as buffer:
        yield buffer


async def test_request_id_user_and_batch_reach_the_logs_and_secrets_do_not(
    json_logs: io.StringIO, app: Starlette, client: httpx.AsyncClient, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    response = await client.post(
        "/graphql",
        json={
            "query": "mutation($input: GenerateInput!) { generate(input: $input) { batchJob { id } } }",
            "variables": {"input": {"projectId": project, "prompt": "a secret garden", "size": "1024x1024"}},
        },
        headers={**alice.headers, "X-Request-ID": "req-test-0001"},
    )
    assert response.headers["x-request-id"] == "req-test-0001"
    batch_id = response.json()["data"]["generate"]["batchJob"]["id"]
    await wait_until_ended(app, batch_id)

    def events() -> list[str]:
        return [
            str(r["event"])
            for r in lines(json_logs)
            if r.get("request_id") == "req-test-0001" and r.get("batch_id") == batch_id and r.get("user_id")
        ]

    # The mutation and the job it enqueued (the embedded queue runs it in this process) carry the same ids. The
    # job logs its end just after the terminal event went out: wait for the line, within a bound.
    async def job_ended() -> bool:
        return any(e.startswith("batch finished") for e in events())

    await poll(job_ended, within=10, what="the job's end")
    assert any(e.startswith("batch submitted") for e in events()), events()
    records = lines(json_logs)
    text = json_logs.getvalue()
    assert alice.token not in text
    assert "a secret garden" not in text
    assert all({"event", "level", "logger", "timestamp"} <= r.keys() for r in records)


async def test_a_request_without_an_id_gets_one(client: httpx.AsyncClient) -> None:
    first = await client.get("/healthz")
    second = await client.get("/healthz", headers={"X-Request-ID": "bad id with spaces"})
    assert len(first.headers["x-request-id"]) == 32
    assert second.headers["x-request-id"] not in ("bad id with spaces", first.headers["x-request-id"])


async def test_generate_still_answers_while_logging_json(
    json_logs: io.StringIO, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    payload = await generate(gql, alice, projectId=await new_project(gql, alice), prompt="x", size="1024x1024")
    assert payload["userErrors"] == []
