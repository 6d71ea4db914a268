"""graphql-cop's probes, re-created against the app: each one refused (or harmless), with a clear error.

graphql-cop checks: introspection, field suggestions, alias overloading, batch queries (array batching), field
duplication, directive overloading, circular introspection, circular fragments, GET-based queries and mutations
(CSRF), url-encoded POST (CSRF), trace mode, debug/unhandled errors. Introspection has a file of its own
(``test_introspection.py``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.schema import create_schema
from models import Project
from services.core.config import Settings
from tests.conftest import GQL, TEST_SECRET, MakeCaller, error_codes


def no_debug_details(body: dict[str, Any]) -> None:
    """graphql-cop's debug/trace detection: no stack traces, exception details or tracing in a response."""
    text = json.dumps(body).lower()
    for leak in ("traceback", "stacktrace", '"exception"', "tracing", 'file "/', ".py"):
        assert leak not in text, f"{leak!r} in {body}"


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


async def test_circular_fragments_are_refused(gql: GQL, make_caller: MakeCaller) -> None:
    query = "query { ...A } fragment A on Query { me { id } ...B } fragment B on Query { ...A }"
    body = await gql(query, caller=make_caller())
    assert body.get("data") is None
    assert any("Cannot spread fragment" in e["message"] for e in body["errors"]), body


async def test_alias_overload_is_refused(gql: GQL, make_caller: MakeCaller) -> None:
    query = "{ " + " ".join(f"a{i}: me {{ id }}" for i in range(16)) + " }"
    body = await gql(query, caller=make_caller())
    assert body.get("data") is None
    assert "aliases" in body["errors"][0]["message"]


async def test_field_duplication_is_bounded_by_the_token_limit(gql: GQL) -> None:
    # graphql-cop sends 500 copies of a field; duplicates merge into one (no extra work), and the document size
    # is capped by the token limit: 2,100 copies are refused before anything runs.
    merged = await gql("{ " + "__typename " * 500 + "}")
    assert merged["data"] == {"__typename": "Query"}
    refused = await gql("{ " + "__typename " * 2100 + "}")
    assert refused.get("data") is None
    assert "token" in refused["errors"][0]["message"].lower()


async def test_directive_overloading_is_refused(gql: GQL) -> None:
    body = await gql("query { __typename" + " @aa" * 11 + " }")
    assert body.get("data") is None
    assert "11 directives found; at most 10 are allowed" in [e["message"] for e in body["errors"]]
    # Known directives count too: repeating @include is no way around the cap.
    body = await gql("query { __typename" + " @include(if: true)" * 11 + " }")
    assert body.get("data") is None
    assert any("directives found" in e["message"] for e in body["errors"])


async def test_token_limit(gql: GQL) -> None:
    query = "{ capabilities { " + "provider " * 2100 + "} }"
    body = await gql(query)
    assert body.get("data") is None
    assert "token" in body["errors"][0]["message"].lower()


async def test_queries_over_get_are_refused(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", params={"query": "{ capabilities { provider } }"})
    assert response.status_code in {400, 405}
    assert "provider" not in response.text


async def test_mutations_over_get_are_refused_and_change_nothing(
    client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    before = await Project.filter(name="via-get").count()
    response = await client.get(
        "/graphql",
        params={"query": 'mutation { projectCreate(input: {name: "via-get"}) { project { id } } }'},
        headers=alice.headers,
    )
    assert response.status_code in {400, 405}
    assert await Project.filter(name="via-get").count() == before


async def test_urlencoded_post_is_refused(client: httpx.AsyncClient, make_caller: MakeCaller) -> None:
    # A cross-site form can send this without a CORS preflight; it must not run (CSRF), query or mutation.
    response = await client.post("/graphql", data={"query": "{ capabilities { provider } }"})
    assert response.status_code in {400, 415}
    assert "simulator" not in response.text
    before = await Project.filter(name="via-form").count()
    response = await client.post(
        "/graphql",
        data={"query": 'mutation { projectCreate(input: {name: "via-form"}) { project { id } } }'},
        headers=make_caller().headers,
    )
    assert response.status_code in {400, 415}
    assert await Project.filter(name="via-form").count() == before


async def test_multipart_without_the_preflight_header_is_refused(client: httpx.AsyncClient) -> None:
    form = {"operations": json.dumps({"query": "{ capabilities { provider } }"}), "map": "{}"}
    response = await client.post("/graphql", data=form, files={"x": ("a", b"a")})
    assert response.status_code == 400
    assert "X-Playground-Upload" in response.json()["errors"][0]["message"]


async def test_array_batching_is_refused(client: httpx.AsyncClient) -> None:
    batch = [{"query": "{ capabilities { provider } }"}] * 3
    response = await client.post("/graphql", json=batch)
    assert response.status_code == 400
    assert "simulator" not in response.text


async def test_trace_mode_is_off(gql: GQL) -> None:
    # graphql-cop's trace probe: no Apollo tracing (or any timing) in the response's extensions.
    body = await gql("{ __typename }")
    assert body == {"data": {"__typename": "Query"}}


async def test_field_suggestions_are_off_in_production(tmp_path: Path) -> None:
    production = create_schema(Settings(var_dir=tmp_path, environment="production", jwt_secret=TEST_SECRET))
    result = await production.execute("{ capabilitie { provider } }")
    assert result.errors is not None
    assert "Did you mean" not in result.errors[0].message
    development = create_schema(Settings(var_dir=tmp_path))
    result = await development.execute("{ capabilitie { provider } }")
    assert result.errors is not None
    assert "Did you mean" in result.errors[0].message  # development helps the developer


@pytest.mark.parametrize(
    ("document", "variables"),
    [
        ("query($i: GenerateInpt!) { quote(input: $i) { totalImages } }", None),  # a type
        ("{ stylePresets(orderBy: MOST_USE) { totalCount } }", None),  # an enum value
        ("query($o: PresetOrder!) { stylePresets(orderBy: $o) { totalCount } }", {"o": "MOST_USE"}),
        ("{ stylePresets(ordrBy: MOST_USED) { totalCount } }", None),  # an argument
        ("{ gallery(filter: {projectI: null}) { totalCount } }", None),  # an input field
    ],
)
async def test_no_suggestions_name_the_schema_in_production(
    tmp_path: Path, document: str, variables: dict[str, Any] | None
) -> None:
    production = create_schema(Settings(var_dir=tmp_path, environment="production", jwt_secret=TEST_SECRET))
    result = await production.execute(document, variable_values=variables)
    assert result.errors, result
    assert not [e.message for e in result.errors if "Did you mean" in e.message], result.errors
    development = create_schema(Settings(var_dir=tmp_path))
    result = await development.execute(document, variable_values=variables)
    assert result.errors, result
    assert [e.message for e in result.errors if "Did you mean" in e.message], result.errors


async def test_syntax_errors_are_client_errors_not_500(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": "{ me { "})
    assert response.status_code in {200, 400}
    assert "Syntax Error" in response.json()["errors"][0]["message"]
    no_debug_details(response.json())


async def test_unexpected_errors_are_masked(gql: GQL, make_caller: MakeCaller, monkeypatch: pytest.MonkeyPatch) -> None:
    # graphql-cop's "unhandled error detection": a bug inside a resolver reaches the client as a masked error,
    # without its message, type or traceback.
    import services.projects

    async def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("password=hunter2 at /srv/app/services/projects.py")

    monkeypatch.setattr(services.projects, "list_page", broken)
    body = await gql("{ projects { edges { node { id } } } }", caller=make_caller())
    assert [e["message"] for e in body["errors"]] == ["Unexpected error."]
    assert "hunter2" not in json.dumps(body)
    no_debug_details(body)
    body = await gql("{ me { doesNotExist } }", caller=make_caller())
    assert "Cannot query field" in body["errors"][0]["message"]
    assert error_codes(body) == [None]
    no_debug_details(body)


async def test_health_endpoints(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    body = ready.json()
    assert set(body.pop("reconciler")) >= {"passes", "handedBack", "ended", "lastPassSecondsAgo", "waitingFor"}
    assert body == {
        "status": "ok",
        "components": {
            "database": {"status": "ok", "required": True},
            "redis": {"status": "disabled", "required": True},  # embedded: no Redis to need
            "bus": {"status": "ok", "required": False},
        },
    }


async def test_oversized_bodies_are_refused(client: httpx.AsyncClient) -> None:
    padding = "x" * (1024 * 1024 + 10)
    response = await client.post(
        "/graphql", json={"query": "{ capabilities { provider } }", "variables": {"p": padding}}
    )
    assert response.status_code == 413
    assert "simulator" not in response.text
