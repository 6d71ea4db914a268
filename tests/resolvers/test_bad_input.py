"""Every string input under the text policy (``services/core/text.py``), through the API, on both databases.

Each field is sent a NUL, a lone surrogate, a control character and an over-long value: the answer names the field
(a ``userErrors`` entry on a mutation, ``BAD_USER_INPUT`` with a reason elsewhere), is never a 5xx or "Unexpected
error.", and nothing the user owns changes. On PostgreSQL a missing guard shows as a masked error (the database
refuses NUL and surrogates); on SQLite as the bad value stored and a mutation that succeeded: either fails here.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from models import Project, User
from services.core.auth import issue_token
from services.core.config import Settings
from tests.conftest import Caller, MakeCaller
from tests.generation_support import wait_until_let_go
from tests.input_support import (
    GENERATE,
    MUTATIONS,
    PRESET_CREATE,
    PRESET_FORK,
    PROJECT_CREATE,
    QUERIES,
    World,
    assert_no_server_error,
    build_world,
    generating,
    owned_state,
    post,
)

# (value, what the message says, the reason a GraphQL error carries)
BAD_VALUES = {
    "nul": ("a\x00b", "NUL character", "NUL_CHARACTER"),
    "surrogate": ("a\ud800b", "lone surrogate", "LONE_SURROGATE"),
    "control": ("a\x1bb", "control character", "CONTROL_CHARACTER"),
    "too-long": ("x" * 70_000, "at most", "TOO_LONG"),
}


@pytest.fixture(scope="module")
async def world(app: Starlette, settings: Settings) -> AsyncIterator[World]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        yield await build_world(app, settings, client)


@pytest.mark.parametrize("bad", BAD_VALUES, ids=list(BAD_VALUES))
@pytest.mark.parametrize("case", MUTATIONS, ids=list(MUTATIONS))
async def test_a_bad_string_is_a_user_error_and_writes_nothing(world: World, case: str, bad: str) -> None:
    spec = MUTATIONS[case]
    value, said, _ = BAD_VALUES[bad]
    before = await owned_state(world.caller.subject)
    caller = world.admin if spec.admin else world.caller
    body = assert_no_server_error(await post(world.client, spec.query, spec.variables(world, value), caller))
    assert "errors" not in body, body
    payload = body["data"][spec.payload]
    errors = payload["userErrors"]
    assert [e for e in errors if e["field"] == spec.field and e["code"] == "INVALID" and said in e["message"]], errors
    assert await owned_state(world.caller.subject) == before


@pytest.mark.parametrize("bad", BAD_VALUES, ids=list(BAD_VALUES))
@pytest.mark.parametrize("case", QUERIES, ids=list(QUERIES))
async def test_a_bad_string_in_a_query_is_bad_user_input_with_its_reason(world: World, case: str, bad: str) -> None:
    query, variables, field = QUERIES[case]
    value, _, reason = BAD_VALUES[bad]
    body = assert_no_server_error(await post(world.client, query, variables(world, value), world.caller))
    [error] = body["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "reason": reason, "field": field}, error


async def test_tab_and_line_breaks_pass_in_multi_line_text_but_not_in_single_line_text(world: World) -> None:
    text = "first line\r\n\tsecond line\n"
    body = assert_no_server_error(
        await post(
            world.client,
            PROJECT_CREATE.replace("project { id name }", "project { id name description metadata }"),
            {"input": {"name": "Tabs", "description": text, "metadata": {"note": text, "emoji": "😀\u2028é"}}},
            world.caller,
        )
    )
    project = body["data"]["projectCreate"]["project"]
    assert project["description"] == text
    assert project["metadata"] == {"note": text, "emoji": "😀\u2028é"}
    for name in ("a\tb", "a\nb"):
        before = await owned_state(world.caller.subject)
        refused = assert_no_server_error(
            await post(world.client, PROJECT_CREATE, {"input": {"name": name}}, world.caller)
        )
        [error] = refused["data"]["projectCreate"]["userErrors"]
        assert error["field"] == ["input", "name"]
        assert "control character" in error["message"]
        assert await owned_state(world.caller.subject) == before


@pytest.mark.parametrize(
    ("metadata", "said"),
    [({"a": 2**53}, "integers"), ({"a": [-(2**60)]}, "integers"), ({"a": "x" * 17_000}, "at most")],
    ids=["2^53", "-2^60", "too-big"],
)
async def test_metadata_numbers_and_size_are_checked_before_anything_is_written(
    world: World, metadata: dict[str, Any], said: str
) -> None:
    before = await owned_state(world.caller.subject)
    body = assert_no_server_error(
        await post(world.client, PROJECT_CREATE, {"input": {"name": "n", "metadata": metadata}}, world.caller)
    )
    [error] = body["data"]["projectCreate"]["userErrors"]
    assert error["field"] == ["input", "metadata"]
    assert said in error["message"]
    assert await owned_state(world.caller.subject) == before


@pytest.mark.parametrize("depth", [33, 900])
async def test_deep_metadata_is_refused_without_recursion(world: World, depth: int) -> None:
    nested: dict[str, Any] = {"leaf": True}
    for _ in range(depth - 1):
        nested = {"a": nested}
    before = await owned_state(world.caller.subject)
    body = assert_no_server_error(
        await post(world.client, PROJECT_CREATE, {"input": {"name": "deep", "metadata": nested}}, world.caller)
    )
    [error] = body["data"]["projectCreate"]["userErrors"]
    assert error["field"] == ["input", "metadata"]
    assert "nested more than 32 levels" in error["message"]
    assert await owned_state(world.caller.subject) == before


async def test_metadata_literals_in_the_document_are_checked_too(world: World) -> None:
    """A JSON literal written in the query (not a variable) reaches the service as Python values, 1e400 as inf."""
    before = await owned_state(world.caller.subject)
    query = (
        'mutation { projectCreate(input: {name: "lit", metadata: {a: 1e400, b: "x"}}) '
        "{ project { id } userErrors { field message } } }"
    )
    body = assert_no_server_error(await post(world.client, query, {}, world.caller))
    [error] = body["data"]["projectCreate"]["userErrors"]
    assert error["field"] == ["input", "metadata"]
    assert "finite" in error["message"]
    assert await owned_state(world.caller.subject) == before


async def test_an_over_long_idempotency_key_is_refused_before_it_is_looked_up_or_logged(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    marker = f"idem-{uuid.uuid4().hex}"
    key = marker + "x" * 300
    caplog.set_level(logging.DEBUG)  # the database clients log their statements and arguments at DEBUG
    before = await owned_state(world.caller.subject)
    body = assert_no_server_error(
        await post(world.client, GENERATE, generating(prompt="fine", idempotencyKey=key)(world, ""), world.caller)
    )
    [error] = body["data"]["generate"]["userErrors"]
    assert error["field"] == ["input", "idempotencyKey"]
    assert await owned_state(world.caller.subject) == before
    assert caplog.records  # the capture works: the request logged something
    assert not [r for r in caplog.records if marker in r.getMessage()]


async def test_a_refused_preview_leaves_no_preview_project(
    app: Starlette, client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    """The preview needs a project, made on first use; when the preview is refused (here: no credits left) the
    project it made goes too, so the call leaves nothing behind."""
    caller = make_caller("broke")
    project = (await post(client, PROJECT_CREATE, {"input": {"name": "Spend"}}, caller)).json()
    spent = assert_no_server_error(
        await post(
            client,
            GENERATE,
            {
                "input": {
                    "projectId": project["data"]["projectCreate"]["project"]["id"],
                    "prompts": ["a", "b", "c", "d", "e"],
                    "count": 4,
                    "size": "1024x1024",
                }
            },
            caller,
        )
    )
    await wait_until_let_go(app, spent["data"]["generate"]["batchJob"]["id"])
    preset = (await post(client, PRESET_CREATE, {"input": {"name": "Preview me"}}, caller)).json()
    assert (await User.get(subject=caller.subject)).credits == 0
    before = await owned_state(caller.subject)
    body = assert_no_server_error(
        await post(
            client,
            "mutation($id: ID!) { stylePresetPreview(id: $id) { batchJob { id } userErrors { code } } }",
            {"id": preset["data"]["stylePresetCreate"]["stylePreset"]["id"]},
            caller,
        )
    )
    assert body["data"]["stylePresetPreview"]["userErrors"] == [{"code": "INSUFFICIENT_CREDITS"}]
    assert await owned_state(caller.subject) == before
    owner = await User.get(subject=caller.subject)
    assert not await Project.filter(owner_id=owner.id, name="Preset previews").exists()


@pytest.mark.parametrize(
    ("subject", "email", "claim"),
    [
        (None, "ann\x07@example.test", "email"),
        (None, "ann\ud800@example.test", "email"),
        ("sub\x00ject", None, "sub"),
        ("sub\udfffject", None, "sub"),
        ("sub\nject", None, "sub"),
    ],
    ids=["email-control", "email-surrogate", "sub-nul", "sub-surrogate", "sub-newline"],
)
async def test_a_token_carrying_unstorable_claims_is_refused_and_creates_no_user(
    client: httpx.AsyncClient, settings: Settings, subject: str | None, email: str | None, claim: str
) -> None:
    subject = subject or f"claims-{uuid.uuid4().hex[:8]}"
    caller = Caller(subject=subject, token=issue_token(settings, subject, email=email))
    users = await User.all().count()  # (the subject itself may not even be a query argument)
    body = assert_no_server_error(await post(client, "{ me { id } }", {}, caller))
    [error] = body["errors"]
    assert error["extensions"]["code"] == "UNAUTHENTICATED"
    assert f"{claim} claim" in error["message"]
    assert await User.all().count() == users


async def test_every_reference_url_is_checked_before_any_is_fetched(world: World) -> None:
    """The second URL is malformed: the answer names it, so the first (which would need the network) was never
    fetched; checking one by one while fetching would fail on the first instead."""
    variables = generating(
        prompt="fine",
        mode="MULTI_REFERENCE",
        references=[{"url": "https://images.example.test/a.png"}, {"url": "http://a..b/b.png"}],
    )(world, "")
    before = await owned_state(world.caller.subject)
    body = assert_no_server_error(await post(world.client, GENERATE, variables, world.caller))
    [error] = body["data"]["generate"]["userErrors"]
    assert error["field"] == ["input", "references", "1", "url"]
    assert await owned_state(world.caller.subject) == before


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        ('mutation { imageUpload(file: "not a file") { image { id } } }', {}),
        ("mutation($f: Upload!) { imageUpload(file: $f) { image { id } } }", {"f": "not a file"}),
        ("mutation($f: Upload!) { imageUpload(file: $f) { image { id } } }", {"f": {"name": "x.png"}}),
    ],
    ids=["literal", "variable-string", "variable-object"],
)
async def test_an_upload_argument_that_is_not_a_file_is_a_validation_error(
    world: World, query: str, variables: dict[str, Any]
) -> None:
    """Found by schemathesis: a string in place of the file reached the resolver, which failed (masked)."""
    before = await owned_state(world.caller.subject)
    body = assert_no_server_error(await post(world.client, query, variables, world.caller))
    [error] = body["errors"]
    assert "multipart request" in error["message"]
    assert "path" not in error  # refused while the request was validated, before any resolver ran
    assert await owned_state(world.caller.subject) == before


@pytest.mark.parametrize(("length", "refused"), [(32, False), (33, True), (64, True)])
async def test_a_share_code_is_at_most_as_long_as_the_column(world: World, length: int, refused: bool) -> None:
    """Found by the property tests: a 33-64 character code passed the old check (64) and failed the column's (32),
    masked; now the policy's limit is the column's."""
    body = assert_no_server_error(
        await post(
            world.client,
            "query($v: String!) { stylePresetByShareCode(code: $v) { id } }",
            {"v": "a" * length},
            world.caller,
        )
    )
    assert body["data"]["stylePresetByShareCode"] is None
    if refused:
        assert [e["extensions"]["reason"] for e in body["errors"]] == ["TOO_LONG"]
    else:
        assert "errors" not in body
    fork = assert_no_server_error(await post(world.client, PRESET_FORK, {"code": "a" * length}, world.caller))
    [error] = fork["data"]["stylePresetFork"]["userErrors"]
    assert (error["code"], error["field"]) == (("INVALID" if refused else "NOT_FOUND"), ["shareCode"])
