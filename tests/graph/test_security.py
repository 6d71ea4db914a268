"""The HTTP GraphQL endpoint's limits and refusals (the graphql-cop style probes)."""

from __future__ import annotations

from pathlib import Path

import httpx

from app.schema import create_schema
from services.core.config import Settings
from tests.conftest import GQL, MakeCaller, error_codes


async def test_depth_limit(tmp_path: Path) -> None:
    # Our types are not recursive yet, so the configured limit is lowered to meet a real query.
    schema = create_schema(Settings(var_dir=tmp_path, graphql_max_depth=2))
    result = await schema.execute("{ projects { edges { node { id } } } }")
    assert result.data is None
    assert result.errors is not None
    assert "exceeds maximum operation depth" in result.errors[0].message


async def test_circular_introspection_is_refused(gql: GQL) -> None:
    circular = "{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }"
    body = await gql(circular)
    assert body.get("data") is None
    assert "introspection" in body["errors"][0]["message"].lower()


async def test_alias_overload_is_refused(gql: GQL, make_caller: MakeCaller) -> None:
    query = "{ " + " ".join(f"a{i}: me {{ id }}" for i in range(16)) + " }"
    body = await gql(query, caller=make_caller())
    assert body.get("data") is None
    assert "aliases" in body["errors"][0]["message"]


async def test_token_limit(gql: GQL) -> None:
    query = "{ capabilities { " + "provider " * 2100 + "} }"
    body = await gql(query)
    assert body.get("data") is None
    assert "token" in body["errors"][0]["message"].lower()


async def test_queries_over_get_are_refused(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", params={"query": "{ capabilities { provider } }"})
    assert response.status_code in {400, 405}
    assert "provider" not in response.text


async def test_urlencoded_post_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", data={"query": "{ capabilities { provider } }"})
    assert response.status_code in {400, 415}
    assert "simulator" not in response.text


async def test_array_batching_is_refused(client: httpx.AsyncClient) -> None:
    batch = [{"query": "{ capabilities { provider } }"}] * 3
    response = await client.post("/graphql", json=batch)
    assert response.status_code == 400
    assert "simulator" not in response.text


async def test_introspection_stays_available(gql: GQL) -> None:
    body = await gql("{ __schema { queryType { name } } }")
    assert body["data"]["__schema"]["queryType"]["name"] == "Query"


async def test_syntax_errors_are_client_errors_not_500(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": "{ me { "})
    assert response.status_code in {200, 400}
    assert "Syntax Error" in response.json()["errors"][0]["message"]


async def test_unexpected_errors_are_masked(gql: GQL, make_caller: MakeCaller) -> None:
    from graphql import GraphQLError

    from graph.core.errors import should_mask_error
    from services.core.errors import NotFound

    assert should_mask_error(GraphQLError("boom", original_error=RuntimeError("password=hunter2")))
    assert not should_mask_error(GraphQLError("nope", original_error=NotFound("x")))
    assert not should_mask_error(GraphQLError("Syntax Error"))
    body = await gql("{ me { doesNotExist } }", caller=make_caller())
    assert "Cannot query field" in body["errors"][0]["message"]
    assert error_codes(body) == [None]


async def test_health_endpoints(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ok", "database": True, "bus": True}


async def test_oversized_bodies_are_refused(client: httpx.AsyncClient) -> None:
    padding = "x" * (1024 * 1024 + 10)
    response = await client.post(
        "/graphql", json={"query": "{ capabilities { provider } }", "variables": {"p": padding}}
    )
    assert response.status_code == 413
    assert "simulator" not in response.text
