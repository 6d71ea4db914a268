"""``GRAPHQL_INTROSPECTION``: ``on``, ``authenticated`` (the production default) or ``off``, over HTTP and WebSocket."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.applications import Starlette

from services.core.config import IntrospectionPolicy, Settings
from tests.conftest import GQL, TEST_SECRET, Caller, MakeCaller, error_codes
from tests.security.support import changed_settings, socket, ws_operation

SCHEMA = "{ __schema { queryType { name } } }"
TYPE = '{ __type(name: "Project") { name } }'
# Hidden in a fragment, or under an alias: still introspection.
HIDDEN = "query { ...F } fragment F on Query { s: __schema { types { name } } }"


def test_the_defaults_follow_the_environment(tmp_path: Path) -> None:
    assert Settings(var_dir=tmp_path).resolved_introspection is IntrospectionPolicy.ON
    production = Settings(var_dir=tmp_path, environment="production", jwt_secret=TEST_SECRET)
    assert production.resolved_introspection is IntrospectionPolicy.AUTHENTICATED
    assert Settings(var_dir=tmp_path, graphql_introspection="off").resolved_introspection is IntrospectionPolicy.OFF


@pytest.mark.parametrize("query", [SCHEMA, TYPE, HIDDEN], ids=["schema", "type", "fragment"])
async def test_authenticated_policy_refuses_anonymous_callers_over_http(
    app: Starlette, gql: GQL, make_caller: MakeCaller, query: str
) -> None:
    with changed_settings(app, graphql_introspection=IntrospectionPolicy.AUTHENTICATED):
        anonymous = await gql(query)
        assert anonymous.get("data") is None
        assert error_codes(anonymous) == ["UNAUTHENTICATED"]
        bad_token = await gql(query, caller=Caller("x", "not-a-token"))
        assert error_codes(bad_token) == ["UNAUTHENTICATED"]
        member = await gql(query, caller=make_caller())
        assert "errors" not in member
        assert member["data"]
        # __typename is not introspection: clients need it for unions.
        assert (await gql("{ __typename }"))["data"] == {"__typename": "Query"}


async def test_off_refuses_everybody_and_on_admits_everybody(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    with changed_settings(app, graphql_introspection=IntrospectionPolicy.OFF):
        for caller in (None, make_caller()):
            body = await gql(SCHEMA, caller=caller)
            assert body.get("data") is None
            assert error_codes(body) == ["FORBIDDEN"]
        assert (await gql("{ capabilities { provider } }"))["data"]  # the rest of the API is unaffected
    with changed_settings(app, graphql_introspection=IntrospectionPolicy.ON):
        assert (await gql(SCHEMA))["data"] == {"__schema": {"queryType": {"name": "Query"}}}


async def test_a_string_that_mentions_schema_is_not_introspection(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    with changed_settings(app, graphql_introspection=IntrospectionPolicy.OFF):
        body = await gql(
            'mutation { projectCreate(input: {name: "__schema __type"}) { project { name } } }', caller=make_caller()
        )
        assert body["data"]["projectCreate"]["project"]["name"] == "__schema __type"


async def test_the_policy_applies_over_websocket(app: Starlette, live_url: str, make_caller: MakeCaller) -> None:
    # A socket is always authenticated, so `authenticated` admits it and only `off` refuses.
    with changed_settings(app, graphql_introspection=IntrospectionPolicy.OFF):
        async with socket(live_url, make_caller()) as ws:
            answer = await ws_operation(ws, "1", SCHEMA)
            assert answer["type"] == "error", answer
            assert answer["payload"][0]["extensions"]["code"] == "FORBIDDEN"
            answer = await ws_operation(ws, "2", "{ me { subject } }")
            assert answer["type"] == "next"
            assert answer["payload"]["data"]["me"]
    with changed_settings(app, graphql_introspection=IntrospectionPolicy.AUTHENTICATED):
        async with socket(live_url, make_caller()) as ws:
            answer = await ws_operation(ws, "1", SCHEMA)
            assert answer["type"] == "next"
            assert answer["payload"]["data"] == {"__schema": {"queryType": {"name": "Query"}}}
