"""schemathesis against the running app: every query and mutation of the published schema, fuzzed over real HTTP.

The app is served by uvicorn on a free loopback port (``live_url``, on the test database: this runs on SQLite and on
PostgreSQL). schemathesis loads the schema by introspection with an administrator's token (so no operation is
refused for lack of a role) and generates, per operation, schema-valid requests and invalid ones (its negative
mode), a bounded number of each (``PLAYGROUND_SCHEMATHESIS_EXAMPLES``). Every response must pass schemathesis'
``not_a_server_error`` check (no 5xx, and no GraphQL error that is not a client error) and ours: no "Unexpected
error.". schemathesis is synchronous (requests): it runs in a worker thread while the event loop serves the app.
"""

from __future__ import annotations

import asyncio
import os
from collections import Counter
from typing import Any

import graphql
import requests
import schemathesis
import schemathesis.graphql
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Err
from schemathesis.graphql import nodes

from models import Role
from tests.conftest import MakeCaller
from tests.input_support import MASKED

EXAMPLES = int(os.environ.get("PLAYGROUND_SCHEMATHESIS_EXAMPLES", "6"))
MODES = (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)


def _json_nodes() -> st.SearchStrategy[graphql.ValueNode]:
    """JSON scalar literals: any strings, numbers of every size, objects and lists (literal keys are GraphQL names)."""
    names = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,12}", fullmatch=True)
    scalars = st.one_of(
        st.text().map(nodes.String),
        st.integers().map(nodes.Int),
        st.floats(allow_nan=False, allow_infinity=False).map(nodes.Float),
        st.booleans().map(nodes.Boolean),
        st.just(nodes.Null),
    )

    def containers(children: st.SearchStrategy[graphql.ValueNode]) -> st.SearchStrategy[graphql.ValueNode]:
        fields = st.dictionaries(names, children, max_size=4).map(
            lambda entries: [
                graphql.ObjectFieldNode(name=graphql.NameNode(value=key), value=value) for key, value in entries.items()
            ]
        )
        return st.lists(children, max_size=4).map(nodes.List) | fields.map(nodes.Object)

    return st.recursive(scalars, containers, max_leaves=10)


# The schema's own scalars that schemathesis does not know. An upload cannot travel in a JSON body: a string stands
# in, which the server refuses as a client error.
schemathesis.graphql.scalar("JSON", _json_nodes())
schemathesis.graphql.scalar("Upload", st.text(max_size=20).map(nodes.String))


@schemathesis.check
def no_masked_error(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case[Any]
) -> None:
    """No error of the response is the masked "Unexpected error." (an unexpected exception in a resolver)."""
    body = response.json()
    errors = body.get("errors") if isinstance(body, dict) else None
    assert not [e for e in errors or [] if e.get("message") == MASKED], f"masked error for {case.body!r}"


def fuzz(url: str, headers: dict[str, str]) -> tuple[Counter[str], dict[str, str]]:
    """Every operation, every mode: how many requests each operation got, and what failed (operation → why)."""
    schema = schemathesis.graphql.from_url(url, headers=headers, timeout=30)
    sent: Counter[str] = Counter()
    failures: dict[str, str] = {}
    with requests.Session() as session:
        for result in schema.get_all_operations():
            if isinstance(result, Err):  # an operation schemathesis cannot build is a failure, not a skip
                failures[repr(result.err())] = "invalid schema"
                continue
            operation = result.ok()
            for mode in MODES:

                @settings(
                    max_examples=EXAMPLES,
                    deadline=None,
                    database=None,
                    derandomize=False,
                    suppress_health_check=list(HealthCheck),
                )
                @given(case=operation.as_strategy(generation_mode=mode))
                def send(case: Any) -> None:
                    response = case.call(session=session, headers=headers, timeout=60)
                    sent[case.operation.label] += 1
                    case.validate_response(response, checks=[not_a_server_error, no_masked_error])

                try:
                    send()
                except Exception as failure:  # every failure is collected; the test reports them together
                    failures[f"{operation.label} ({mode.value})"] = f"{type(failure).__name__}: {failure}"[:3000]
    return sent, failures


async def test_schemathesis_finds_no_server_error(live_url: str, make_caller: MakeCaller) -> None:
    admin = make_caller("fuzz", role=Role.ADMIN)
    url = f"http://{live_url}/graphql"
    sent, failures = await asyncio.to_thread(fuzz, url, admin.headers)
    assert failures == {}
    schema = graphql.build_client_schema(
        (
            await asyncio.to_thread(requests.post, url, json={"query": graphql.get_introspection_query()}, timeout=30)
        ).json()["data"]
    )
    assert schema.query_type is not None
    assert schema.mutation_type is not None
    operations = {f"Query.{name}" for name in schema.query_type.fields} | {
        f"Mutation.{name}" for name in schema.mutation_type.fields
    }
    assert set(sent) == operations  # every operation was exercised
