"""Every string input under the text policy (``services/core/text.py``), through the API, on both databases.

Each field is sent a NUL, a lone surrogate, a control character and an over-long value: the answer names the field
(a ``userErrors`` entry on a mutation, ``BAD_USER_INPUT`` with a reason elsewhere), is never a 5xx or "Unexpected
error.", and nothing the user owns changes. On PostgreSQL a missing guard shows as a masked error (the database
refuses NUL and surrogates); on SQLite as the bad value stored and a mutation that succeeded: either fails here.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from models import Project, User
from services.core.auth import issue_token
from services.core.config import Settings
from tests.conftest import Caller, MakeCaller
from tests.generation_support import wait_until_ended
from tests.input_support import (
    CREDITS_GRANT,
    GALLERY_ADD,
    GALLERY_UPDATE,
    GENERATE,
    PRESET_CREATE,
    PRESET_FORK,
    PRESET_IMPORT,
    PRESET_UPDATE,
    PROJECT_CREATE,
    PROJECT_UPDATE,
    World,
    assert_no_server_error,
    build_world,
    import_document,
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


@dataclass(frozen=True)
class Case:
    query: str
    payload: str
    variables: Callable[[World, str], dict[str, Any]]
    field: list[str]
    admin: bool = False


def generating(**fields: Any) -> Callable[[World, str], dict[str, Any]]:
    """Generate variables with ``fields``; the string "{v}" in a field's value (or a list's item) is the bad value."""

    def build(world: World, value: str) -> dict[str, Any]:
        def put(item: Any) -> Any:
            if isinstance(item, str):
                return item.replace("{v}", value)
            if isinstance(item, list):
                return [put(each) for each in item]
            if isinstance(item, dict):
                return {key: put(each) for key, each in item.items()}
            return item

        return {"input": {"projectId": world.project_id, **put(fields)}}

    return build


MUTATIONS: dict[str, Case] = {
    "projectCreate.name": Case(PROJECT_CREATE, "projectCreate", lambda w, v: {"input": {"name": v}}, ["input", "name"]),
    "projectCreate.description": Case(
        PROJECT_CREATE,
        "projectCreate",
        lambda w, v: {"input": {"name": "fine", "description": v}},
        ["input", "description"],
    ),
    "projectCreate.metadata-value": Case(
        PROJECT_CREATE,
        "projectCreate",
        lambda w, v: {"input": {"name": "fine", "metadata": {"notes": [{"text": v}]}}},
        ["input", "metadata"],
    ),
    "projectCreate.metadata-key": Case(
        PROJECT_CREATE,
        "projectCreate",
        lambda w, v: {"input": {"name": "fine", "metadata": {"ok": 1, f"k{v}": 2}}},
        ["input", "metadata"],
    ),
    "projectUpdate.name": Case(
        PROJECT_UPDATE, "projectUpdate", lambda w, v: {"id": w.project_id, "input": {"name": v}}, ["input", "name"]
    ),
    "projectUpdate.description": Case(
        PROJECT_UPDATE,
        "projectUpdate",
        lambda w, v: {"id": w.project_id, "input": {"name": "renamed", "description": v}},
        ["input", "description"],
    ),
    "projectUpdate.metadata": Case(
        PROJECT_UPDATE,
        "projectUpdate",
        lambda w, v: {"id": w.project_id, "input": {"metadata": {"a": {"b": v}}}},
        ["input", "metadata"],
    ),
    "generate.prompt": Case(GENERATE, "generate", generating(prompt="{v}"), ["input", "prompt"]),
    "generate.prompts": Case(GENERATE, "generate", generating(prompts=["fine", "{v}"]), ["input", "prompts", "1"]),
    "generate.idempotencyKey": Case(
        GENERATE, "generate", generating(prompt="fine", idempotencyKey="key-{v}"), ["input", "idempotencyKey"]
    ),
    "generate.size": Case(GENERATE, "generate", generating(prompt="fine", size="{v}"), ["input", "size"]),
    "generate.aspectRatio": Case(
        GENERATE, "generate", generating(prompt="fine", aspectRatio="{v}"), ["input", "aspectRatio"]
    ),
    "generate.references.url": Case(
        GENERATE,
        "generate",
        generating(prompt="fine", mode="EDIT", references=[{"url": "https://images.example.test/{v}.png"}]),
        ["input", "references", "0", "url"],
    ),
    "stylePresetCreate.name": Case(
        PRESET_CREATE, "stylePresetCreate", lambda w, v: {"input": {"name": v}}, ["input", "name"]
    ),
    **{
        f"stylePresetCreate.{name}": Case(
            PRESET_CREATE,
            "stylePresetCreate",
            lambda w, v, name=name: {"input": {"name": "fine", name: v}},  # type: ignore[misc]
            ["input", name],
        )
        for name in ("description", "promptTemplate", "promptSuffix", "defaultSize", "defaultAspectRatio")
    },
    "stylePresetCreate.tags": Case(
        PRESET_CREATE,
        "stylePresetCreate",
        lambda w, v: {"input": {"name": "fine", "tags": ["ok", v]}},
        ["input", "tags", "1"],
    ),
    "stylePresetUpdate.name": Case(
        PRESET_UPDATE, "stylePresetUpdate", lambda w, v: {"id": w.preset_id, "input": {"name": v}}, ["input", "name"]
    ),
    "stylePresetUpdate.promptTemplate": Case(
        PRESET_UPDATE,
        "stylePresetUpdate",
        lambda w, v: {"id": w.preset_id, "input": {"promptTemplate": v + " {prompt}"}},
        ["input", "promptTemplate"],
    ),
    "stylePresetFork.shareCode": Case(PRESET_FORK, "stylePresetFork", lambda w, v: {"code": v}, ["shareCode"]),
    "stylePresetImport.name": Case(
        PRESET_IMPORT, "stylePresetImport", lambda w, v: {"doc": import_document(name=v)}, ["document"]
    ),
    "stylePresetImport.key": Case(
        PRESET_IMPORT, "stylePresetImport", lambda w, v: {"doc": {**import_document(), f"x{v}": 1}}, ["document"]
    ),
    "galleryAdd.title": Case(
        GALLERY_ADD, "galleryAdd", lambda w, v: {"input": {"imageEditId": w.image_id, "title": v}}, ["input", "title"]
    ),
    "galleryAdd.tags": Case(
        GALLERY_ADD,
        "galleryAdd",
        lambda w, v: {"input": {"imageEditId": w.image_id, "tags": ["ok", v]}},
        ["input", "tags", "1"],
    ),
    "galleryUpdate.title": Case(
        GALLERY_UPDATE,
        "galleryUpdate",
        lambda w, v: {"id": w.gallery_item_id, "input": {"title": v, "favorite": True}},
        ["input", "title"],
    ),
    "galleryUpdate.tags": Case(
        GALLERY_UPDATE,
        "galleryUpdate",
        lambda w, v: {"id": w.gallery_item_id, "input": {"tags": [v]}},
        ["input", "tags", "0"],
    ),
    "creditsGrant.reason": Case(
        CREDITS_GRANT,
        "creditsGrant",
        lambda w, v: {"input": {"userId": w.user_id, "amount": 5, "reason": v}},
        ["input", "reason"],
        admin=True,
    ),
    "creditsGrant.idempotencyKey": Case(
        CREDITS_GRANT,
        "creditsGrant",
        lambda w, v: {"input": {"userId": w.user_id, "amount": 5, "idempotencyKey": v}},
        ["input", "idempotencyKey"],
        admin=True,
    ),
}


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


QUERIES: dict[str, tuple[str, Callable[[World, str], dict[str, Any]], list[str]]] = {
    "projects.search": (
        "query($v: String) { projects(filter: {search: $v}) { totalCount } }",
        lambda w, v: {"v": v},
        ["filter", "search"],
    ),
    "stylePresets.search": (
        "query($v: String) { stylePresets(search: $v) { totalCount } }",
        lambda w, v: {"v": v},
        ["search"],
    ),
    "stylePresets.tags": (
        "query($v: String!) { stylePresets(tags: [$v]) { totalCount } }",
        lambda w, v: {"v": v},
        ["tags", "0"],
    ),
    "stylePresetByShareCode": (
        "query($v: String!) { stylePresetByShareCode(code: $v) { id } }",
        lambda w, v: {"v": v},
        ["code"],
    ),
    "gallery.search": (
        "query($v: String) { gallery(filter: {search: $v}) { totalCount } }",
        lambda w, v: {"v": v},
        ["filter", "search"],
    ),
    "gallery.tags": (
        "query($v: String!) { gallery(filter: {tags: [$v]}) { totalCount } }",
        lambda w, v: {"v": v},
        ["filter", "tags", "0"],
    ),
    "publicGallery.search": (
        "query($v: String) { publicGallery(filter: {search: $v}) { totalCount } }",
        lambda w, v: {"v": v},
        ["filter", "search"],
    ),
    "quote.prompt": (
        "query($p: ID!, $v: String) { quote(input: {projectId: $p, prompt: $v}) { totalCredits } }",
        lambda w, v: {"p": w.project_id, "v": v},
        ["input", "prompt"],
    ),
}


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
    await wait_until_ended(app, spent["data"]["generate"]["batchJob"]["id"])
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
