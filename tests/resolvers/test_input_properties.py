"""Property-based: any string (or JSON value) in any argument of any mutation or query ends well, on both databases.

For every example hypothesis draws (any code point, lone surrogates and control characters included, lengths
around the limits): the answer is never a 5xx nor "Unexpected error."; a refused mutation (a GraphQL error or
``userErrors``) leaves everything its user owns unchanged, ledger included; an accepted one is settled before the
next example (its batch ended, its gallery item or preset removed again) so the next snapshot is stable. The number
of examples per test is bounded (``PLAYGROUND_HYPOTHESIS_EXAMPLES``, see ``tests/conftest.py``).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.applications import Starlette
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from models import User
from services.core.auth import issue_token
from services.core.config import Settings
from tests.conftest import Caller
from tests.generation_support import wait_until_let_go
from tests.input_support import (
    CREDITS_GRANT,
    GALLERY_ADD,
    GALLERY_UPDATE,
    GENERATE,
    MUTATIONS,
    PRESET_CREATE,
    PRESET_FORK,
    PRESET_IMPORT,
    PRESET_UPDATE,
    PROJECT_CREATE,
    PROJECT_DELETE,
    PROJECT_UPDATE,
    QUERIES,
    Case,
    World,
    any_id,
    any_text,
    assert_no_server_error,
    build_world,
    calendar_end_times,
    forged_cursors,
    import_document,
    owned_state,
    post,
    refused,
)


@pytest.fixture(scope="module")
async def world(app: Starlette, settings: Settings) -> AsyncIterator[World]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        yield await build_world(app, settings, client)


def _by_id(query: str, payload: str, variables: Callable[[World, str], dict[str, Any]]) -> Case:
    return Case(query, payload, variables, field=[])


def _id_mutation(name: str, returns: str) -> tuple[str, Case]:
    query = f"mutation($id: ID!) {{ {name}(id: $id) {{ {returns} userErrors {{ field code message }} }} }}"
    return f"{name}.id", _by_id(query, name, lambda w, v: {"id": v})


# Every ID argument of every mutation (the string arguments are in MUTATIONS).
ID_MUTATIONS: dict[str, Case] = dict(
    [
        _id_mutation("batchJobCancel", "batchJob { id }"),
        _id_mutation("batchJobRetry", "batchJob { id }"),
        _id_mutation("imageEditDelete", "deletedId"),
        _id_mutation("uploadDelete", "deletedId"),
        _id_mutation("stylePresetDelete", "deletedId"),
        _id_mutation("stylePresetPreview", "batchJob { id }"),
        _id_mutation("galleryRemove", "removedId"),
    ]
) | {
    "projectUpdate.id": _by_id(PROJECT_UPDATE, "projectUpdate", lambda w, v: {"id": v, "input": {"name": "n"}}),
    "projectDelete.id": _by_id(PROJECT_DELETE, "projectDelete", lambda w, v: {"id": v}),
    "generate.projectId": _by_id(GENERATE, "generate", lambda w, v: {"input": {"projectId": v, "prompt": "p"}}),
    "generate.stylePresetId": _by_id(
        GENERATE, "generate", lambda w, v: {"input": {"projectId": w.project_id, "prompt": "p", "stylePresetId": v}}
    ),
    "generate.presets.presetId": _by_id(
        GENERATE,
        "generate",
        lambda w, v: {"input": {"projectId": w.project_id, "prompt": "p", "presets": [{"presetId": v}]}},
    ),
    "generate.references.uploadId": _by_id(
        GENERATE,
        "generate",
        lambda w, v: {
            "input": {"projectId": w.project_id, "prompt": "p", "mode": "EDIT", "references": [{"uploadId": v}]}
        },
    ),
    "stylePresetCreate.referenceImages": _by_id(
        PRESET_CREATE, "stylePresetCreate", lambda w, v: {"input": {"name": "n", "referenceImages": [v]}}
    ),
    "stylePresetUpdate.id": _by_id(PRESET_UPDATE, "stylePresetUpdate", lambda w, v: {"id": v, "input": {"name": "n"}}),
    "stylePresetShare.id": _by_id(
        "mutation($id: ID!) { stylePresetShare(id: $id, visibility: PUBLIC) "
        "{ stylePreset { id } userErrors { code } } }",
        "stylePresetShare",
        lambda w, v: {"id": v},
    ),
    "stylePresetFork.id": _by_id(PRESET_FORK, "stylePresetFork", lambda w, v: {"id": v}),
    "galleryAdd.imageEditId": _by_id(GALLERY_ADD, "galleryAdd", lambda w, v: {"input": {"imageEditId": v}}),
    "galleryUpdate.id": _by_id(GALLERY_UPDATE, "galleryUpdate", lambda w, v: {"id": v, "input": {"favorite": True}}),
    "creditsGrant.userId": Case(
        CREDITS_GRANT, "creditsGrant", lambda w, v: {"input": {"userId": v, "amount": 1}}, field=[], admin=True
    ),
}

# Every ID and cursor argument of the queries (their text arguments are in QUERIES).
ID_QUERIES: dict[str, tuple[str, Callable[[World, str], dict[str, Any]]]] = (
    {
        f"{name}.id": (f"query($v: ID!) {{ {name}(id: $v) {selection} }}", lambda w, v: {"v": v})
        for name, selection in (
            ("project", "{ id }"),
            ("batchJob", "{ id }"),
            ("imageEdit", "{ id }"),
            ("stylePreset", "{ id }"),
            ("galleryItem", "{ id }"),
            ("stylePresetExport", ""),
        )
    }
    | {
        f"{name}.after": (f"query($v: String) {{ {name}(after: $v) {{ totalCount }} }}", lambda w, v: {"v": v})
        for name in (
            "projects",
            "creditTransactions",
            "batchJobs",
            "uploads",
            "stylePresets",
            "gallery",
            "publicGallery",
        )
    }
    | {
        "batchJobs.filter.projectId": (
            "query($v: ID) { batchJobs(filter: {projectId: $v}) { totalCount } }",
            lambda w, v: {"v": v},
        ),
        "gallery.filter.ids": (
            "query($v: ID) { gallery(filter: {projectId: $v, presetId: $v}) { totalCount } }",
            lambda w, v: {"v": v},
        ),
    }
)


async def _settle(app: Starlette, world: World, case: Case, body: dict[str, Any]) -> None:
    """After an accepted mutation: wait for its batch, and take back what would crowd out later examples."""
    payload = body["data"][case.payload]
    if case.payload == "generate":
        await wait_until_let_go(app, payload["batchJob"]["id"])
    elif case.payload == "galleryAdd":
        removal = "mutation($id: ID!) { galleryRemove(id: $id) { removedId } }"
        await post(world.client, removal, {"id": payload["galleryItem"]["id"]}, world.caller)
    elif case.payload == "workspaceCreate":
        deletion = "mutation($id: ID!) { workspaceDelete(id: $id) { workspaceId } }"
        await post(world.client, deletion, {"id": payload["workspace"]["id"]}, world.caller)
    elif case.payload in ("stylePresetCreate", "stylePresetFork", "stylePresetImport"):
        deletion = "mutation($id: ID!) { stylePresetDelete(id: $id) { deletedId } }"
        await post(world.client, deletion, {"id": payload["stylePreset"]["id"]}, world.caller)


async def _mutate_and_check(app: Starlette, world: World, case: Case, value: Any) -> None:
    before = await owned_state(world.caller.subject)
    caller = world.admin if case.admin else world.caller
    body = assert_no_server_error(await post(world.client, case.query, case.variables(world, value), caller))
    if refused(body, case.payload):
        assert await owned_state(world.caller.subject) == before, body
    else:
        await _settle(app, world, case, body)


@pytest.mark.parametrize("case", sorted(MUTATIONS))
@given(value=any_text())
async def test_any_string_argument_of_a_mutation_ends_well(app: Starlette, world: World, case: str, value: str) -> None:
    await _mutate_and_check(app, world, MUTATIONS[case], value)


@pytest.mark.parametrize("case", sorted(ID_MUTATIONS))
@given(value=any_id())
async def test_any_id_argument_of_a_mutation_ends_well(app: Starlette, world: World, case: str, value: str) -> None:
    await _mutate_and_check(app, world, ID_MUTATIONS[case], value)


def json_values() -> st.SearchStrategy[Any]:
    """JSON a client could send: any strings and keys, numbers of every size, and nesting shallow or deep."""
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        any_text(),
    )
    tree = st.recursive(
        scalars,
        lambda children: st.lists(children, max_size=4) | st.dictionaries(any_text(12), children, max_size=4),
        max_leaves=12,
    )

    def nest(depth: int) -> Any:
        value: Any = "leaf"
        for level in range(depth):
            value = {"a": value} if level % 2 else [value]
        return value

    return st.one_of(tree, tree, st.integers(1, 120).map(nest))


JSON_CASES: dict[str, Case] = {
    "projectCreate.metadata": Case(
        PROJECT_CREATE, "projectCreate", lambda w, v: {"input": {"name": "json", "metadata": {"v": v}}}, field=[]
    ),
    "projectUpdate.metadata": Case(
        PROJECT_UPDATE,
        "projectUpdate",
        lambda w, v: {"id": w.project_id, "input": {"metadata": v if isinstance(v, dict) else {"v": v}}},
        field=[],
    ),
    "stylePresetImport.document": Case(PRESET_IMPORT, "stylePresetImport", lambda w, v: {"doc": v}, field=[]),
    "stylePresetImport.preset": Case(
        PRESET_IMPORT,
        "stylePresetImport",
        lambda w, v: {"doc": import_document(**(v if isinstance(v, dict) else {"description": v}))},
        field=[],
    ),
}


@pytest.mark.parametrize("case", sorted(JSON_CASES))
@given(value=json_values())
async def test_any_json_argument_of_a_mutation_ends_well(app: Starlette, world: World, case: str, value: Any) -> None:
    await _mutate_and_check(app, world, JSON_CASES[case], value)


def _assert_query_answer(body: dict[str, Any]) -> None:
    for error in body.get("errors") or []:
        # A refused argument (BAD_USER_INPUT), or a GraphQL validation error about the request (no extensions).
        assert error.get("extensions", {}).get("code", "BAD_USER_INPUT") == "BAD_USER_INPUT", body


@pytest.mark.parametrize("case", sorted(QUERIES))
@given(value=any_text())
async def test_any_string_argument_of_a_query_ends_well(world: World, case: str, value: str) -> None:
    query, variables, _ = QUERIES[case]
    _assert_query_answer(assert_no_server_error(await post(world.client, query, variables(world, value), world.caller)))


@pytest.mark.parametrize("case", sorted(ID_QUERIES))
@given(value=any_id())
async def test_any_id_or_cursor_argument_of_a_query_ends_well(world: World, case: str, value: str) -> None:
    query, variables = ID_QUERIES[case]
    _assert_query_answer(assert_no_server_error(await post(world.client, query, variables(world, value), world.caller)))


@given(subject=any_text(), email=any_text(), name=any_text())
async def test_any_claim_strings_end_well(
    world: World, settings: Settings, subject: str, email: str, name: str
) -> None:
    """Whatever the token's subject, email and name hold: the caller is served, or refused as unauthenticated
    with no user created; never a server error."""
    caller = Caller(subject=subject, token=issue_token(settings, subject or "s", email=email, name=name))
    users = await User.all().count()
    body = assert_no_server_error(await post(world.client, "{ me { id displayName } }", {}, caller))
    if body.get("errors"):
        assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"], body
        assert await User.all().count() == users


@given(
    text=st.one_of(
        json_values().filter(lambda value: not isinstance(value, dict)).map(json.dumps),
        # (text a client can send: no lone surrogates)
        any_text().filter(lambda text: (not text.lstrip().startswith("{") and text.isprintable()) or text == ""),
    )
)
async def test_any_socket_message_that_is_not_a_json_object_closes_with_4400(live_url: str, text: str) -> None:
    """Non-object socket messages (a list, a string, null, a number, text that is not JSON): the protocol's 4400,
    with a close frame, before or without ``connection_init``."""
    async with connect(f"ws://{live_url}/graphql", subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
        await ws.send(text)
        with pytest.raises(ConnectionClosed) as closed:
            await ws.recv()
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4400


# Every DateTime argument (each is read as UTC; an instant outside years 1..9999 in UTC is refused).
DATE_QUERIES: dict[str, tuple[str, Callable[[str], dict[str, Any]]]] = {
    "usageAnalytics.range.from": (
        "query($r: DateRangeInput!) { usageAnalytics(range: $r) { totals { generations } } }",
        lambda v: {"r": {"from": v, "to": "9999-12-31T00:00:00+00:00"}},
    ),
    "usageAnalytics.range.to": (
        "query($r: DateRangeInput!) { usageAnalytics(range: $r) { totals { generations } } }",
        lambda v: {"r": {"from": "0001-01-01T12:00:00+00:00", "to": v}},
    ),
    "usageAnalytics.range.both": (
        "query($r: DateRangeInput!) { usageAnalytics(range: $r, granularity: WEEK) { series { start } } }",
        lambda v: {"r": {"from": v, "to": v[:4] + "-12-31T23:00:00" if v[:4] in ("0001", "9999") else v}},
    ),
    "gallery.filter.createdAfter": (
        "query($v: DateTime) { gallery(filter: {createdAfter: $v}) { totalCount } }",
        lambda v: {"v": v},
    ),
    "gallery.filter.createdBefore": (
        "query($v: DateTime) { gallery(filter: {createdBefore: $v}) { totalCount } }",
        lambda v: {"v": v},
    ),
}


@pytest.mark.parametrize("case", sorted(DATE_QUERIES))
@given(value=calendar_end_times())
async def test_any_time_at_the_ends_of_the_calendar_ends_well(world: World, case: str, value: str) -> None:
    query, variables = DATE_QUERIES[case]
    _assert_query_answer(assert_no_server_error(await post(world.client, query, variables(value), world.caller)))


CURSOR_QUERIES = {
    "stylePresets.MOST_USED": "query($v: String) { stylePresets(orderBy: MOST_USED, after: $v) { totalCount } }",
    "gallery.favoritesFirst": "query($v: String) { gallery(orderBy: FAVORITES_FIRST, after: $v) { totalCount } }",
    "projects": "query($v: String) { projects(after: $v) { edges { cursor } } }",
    "projects.batchJobs": "query($v: String) { projects(first: 2) { edges { node { batchJobs(after: $v) "
    "{ totalCount } } } } }",
}


@pytest.mark.parametrize("case", sorted(CURSOR_QUERIES))
@given(value=forged_cursors())
async def test_any_forged_cursor_ends_well(world: World, case: str, value: str) -> None:
    """A cursor with numbers out of range (a rank of 2**70, a time past year 9999 in UTC) is refused as a bad
    cursor on both databases, never an overflow in the driver."""
    body = assert_no_server_error(await post(world.client, CURSOR_QUERIES[case], {"v": value}, world.caller))
    _assert_query_answer(body)


NON_UTF8 = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "cp1252", "latin-1", "cp500"]


@given(name=any_text(20), encoding=st.sampled_from(NON_UTF8))
async def test_a_body_that_is_not_utf8_is_400_and_writes_nothing(world: World, name: str, encoding: str) -> None:
    """Any mutation body in another encoding (where the bytes are not also valid UTF-8 of the same text) is a 400
    and writes nothing."""
    text = json.dumps({"query": PROJECT_CREATE, "variables": {"input": {"name": f"é{name}"}}}, ensure_ascii=False)
    try:
        encoded = text.encode(encoding)
    except UnicodeError:
        return  # not representable in that encoding: nothing a client could send
    before = await owned_state(world.caller.subject)
    headers = {"Content-Type": "application/json", **world.caller.headers}
    response = await world.client.post("/graphql", content=encoded, headers=headers)
    assert response.status_code == 400, response.text
    assert await owned_state(world.caller.subject) == before


@given(
    names=st.lists(st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,8}", fullmatch=True), min_size=2, max_size=4, unique=True),
    anonymous_first=st.booleans(),
)
async def test_a_document_of_several_operations_without_a_name_runs_none(
    world: World, names: list[str], anonymous_first: bool
) -> None:
    create = 'mutation {name} {{ projectCreate(input: {{name: "several"}}) {{ project {{ id }} }} }}'
    operations = [create.format(name=name) for name in names]
    if anonymous_first:
        operations[0] = create.format(name="")
    before = await owned_state(world.caller.subject)
    body = assert_no_server_error(await post(world.client, " ".join(operations), {}, world.caller))
    assert body.get("data") is None, body
    assert body["errors"], body
    assert await owned_state(world.caller.subject) == before
