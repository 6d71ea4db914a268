"""Helpers for bad-input tests: sending any string (lone surrogates included), telling a clean refusal from a server
error, and a snapshot of everything a user owns, to prove that a refused call wrote nothing."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
from hypothesis import strategies as st
from starlette.applications import Starlette

from models import (
    BatchItem,
    BatchJob,
    BatchPresetUse,
    CreditLedgerEntry,
    GalleryCollection,
    GalleryItem,
    ImageEdit,
    Project,
    Role,
    StylePreset,
    StylePresetVersion,
    Upload,
    User,
    Workspace,
)
from services import credits
from services.core.auth import issue_token
from services.core.config import Settings
from tests.conftest import Caller
from tests.generation_support import wait_until_ended

MASKED = "Unexpected error."


async def post(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any] | None = None, caller: Caller | None = None
) -> httpx.Response:
    """POST a GraphQL request whose strings may hold anything: the body is ASCII JSON (``\\ud800`` escapes), which
    httpx's own JSON encoding (UTF-8) could not send."""
    body = json.dumps({"query": query, "variables": variables or {}})
    headers = {"Content-Type": "application/json", **(caller.headers if caller else {})}
    return await client.post("/graphql", content=body, headers=headers)


def assert_no_server_error(response: httpx.Response) -> dict[str, Any]:
    """The response is a GraphQL answer (200) or a request refusal (4xx), never a 5xx nor a masked error."""
    assert response.status_code < 500, response.text
    body: dict[str, Any] = response.json()
    messages = [error.get("message") for error in body.get("errors") or []]
    assert MASKED not in messages, body
    return body


def refused(body: dict[str, Any], field: str) -> bool:
    """Whether the mutation ``field`` was refused: a GraphQL error, or ``userErrors`` in its payload."""
    payload = (body.get("data") or {}).get(field)
    return bool(body.get("errors")) or payload is None or bool(payload.get("userErrors"))


async def owned_state(subject: str) -> dict[str, Any]:
    """Every row the user owns or that hangs off one (sorted values), the balance and the ledger: equal before and
    after a refused call when the call wrote nothing."""
    user = await User.get(subject=subject)
    state: dict[str, Any] = {"user": await User.filter(id=user.id).values()}
    owned = (Project, BatchJob, ImageEdit, Upload, StylePreset, GalleryItem, GalleryCollection, Workspace)
    for model in owned:
        state[model.__name__] = _sorted(await model.filter(owner_id=user.id).values())
    state["StylePresetVersion"] = _sorted(await StylePresetVersion.filter(preset__owner_id=user.id).values())
    state["BatchItem"] = _sorted(await BatchItem.filter(batch_job__owner_id=user.id).values())
    state["BatchPresetUse"] = _sorted(await BatchPresetUse.filter(batch_job__owner_id=user.id).values())
    state["CreditLedgerEntry"] = _sorted(await CreditLedgerEntry.filter(user_id=user.id).values())
    return state


def _sorted(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda row: str(row.get("id", "")))


# Characters that each break a rule of the policy, and some that must pass.
BAD_CHARACTERS = ["\x00", "\ud800", "\udfff", "\x07", "\x1b", "\x7f", "\x85"]
AWKWARD_GOOD = ["é", "€", "😀", "\u2028", "\ufeff", "\u200d", " ", ",", "|", "'", '"', "\\", "%", "_", "\t", "\n", "\r"]
FRAGMENTS = ["{prompt}", "\r\n", "%00", "\\u0000", "xn--", "a", "Z", "0"]


def any_text(max_size: int = 40) -> st.SearchStrategy[str]:
    """Strings a client could send in JSON: any code point, lone surrogates and control characters included, mixed
    with the characters the policy is about, short or around a field's limit."""
    every = st.characters(exclude_categories=())  # surrogates (Cs) are excluded unless asked for
    pieces = st.one_of(every, st.sampled_from(BAD_CHARACTERS + AWKWARD_GOOD + FRAGMENTS))
    short = st.lists(pieces, max_size=max_size).map("".join)
    long = st.builds(
        lambda unit, count, tail: unit * count + tail,
        st.sampled_from(["a", "é", "😀", " "]),
        st.sampled_from([31, 32, 33, 63, 64, 65, 119, 120, 121, 199, 200, 201, 300, 301, 1000, 1001, 2000, 2001, 2049]),
        st.sampled_from(["", "\x00", "\ud800", "x"]),
    )
    return st.one_of(short, short, long)


def calendar_end_times() -> st.SearchStrategy[str]:
    """ISO 8601 times at the ends of the calendar, with offsets that push them past year 1 or 9999 in UTC (or not),
    and a few ordinary ones."""
    offsets = st.sampled_from(["", "Z", "+00:00", "+01:00", "-01:00", "+14:00", "-14:00", "+23:59", "-23:59"])
    early = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(1, 1, 3))
    late = st.datetimes(min_value=datetime(9999, 12, 30), max_value=datetime(9999, 12, 31, 23, 59, 59))
    ordinary = st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2100, 1, 1))
    return st.builds(lambda when, offset: when.isoformat() + offset, early | late | ordinary, offsets)


def _cursor(*parts: object) -> str:
    return base64.urlsafe_b64encode("|".join(str(part) for part in parts).encode()).decode().rstrip("=")


def forged_cursors() -> st.SearchStrategy[str]:
    """Well-formed cursors with fields out of range: ranks of any size (2**40, 2**70, negative), times at the ends
    of the calendar, and a flag suffix on either."""
    ranks = st.one_of(st.integers(), st.sampled_from([2**31, 2**40, 2**63, 2**70, -(2**63) - 1]))
    ident = st.builds(lambda: str(uuid.uuid4()))
    plain = st.builds(_cursor, calendar_end_times(), ident)
    ranked = st.builds(_cursor, ranks, calendar_end_times(), ident)
    flagged = st.builds(lambda cursor, flag: f"{cursor}~{flag}", plain, st.sampled_from(["0", "1"]))
    return st.one_of(plain, ranked, flagged)


def any_id() -> st.SearchStrategy[str]:
    """Ids a client could send: random text, and well-formed ids of nothing."""
    return st.one_of(any_text(50), st.builds(lambda: str(uuid.uuid4())))


@dataclass
class World:
    """One user's objects for bad-input tests to aim at: a project, an UNLISTED preset (its share code), a delivered
    image not in the gallery, a gallery item, and plenty of credits; an administrator for grants."""

    client: httpx.AsyncClient
    caller: Caller
    admin: Caller
    user_id: str
    project_id: str
    preset_id: str
    share_code: str
    image_id: str
    gallery_item_id: str


async def build_world(app: Starlette, settings: Settings, client: httpx.AsyncClient) -> World:
    caller = Caller(subject=f"inputs-{uuid.uuid4().hex[:8]}", token="")
    caller.token = issue_token(settings, caller.subject)
    admin_subject = f"inputs-admin-{uuid.uuid4().hex[:8]}"
    admin = Caller(subject=admin_subject, token=issue_token(settings, admin_subject, role=Role.ADMIN))

    async def run(query: str, variables: dict[str, Any], field: str) -> dict[str, Any]:
        body = assert_no_server_error(await post(client, query, variables, caller))
        payload: dict[str, Any] = body["data"][field]
        assert not payload.get("userErrors"), payload
        return payload

    me = await run("{ me { id } }", {}, "me")
    await credits.grant(me["id"], 100_000, reason="bad-input tests")
    project = await run(PROJECT_CREATE, {"input": {"name": "Bad input"}}, "projectCreate")
    preset = await run(PRESET_CREATE, {"input": {"name": "Bad input"}}, "stylePresetCreate")
    shared = await run(
        "mutation($id: ID!) { stylePresetShare(id: $id, visibility: UNLISTED) { stylePreset { shareCode } } }",
        {"id": preset["stylePreset"]["id"]},
        "stylePresetShare",
    )
    generated = await run(
        GENERATE,
        {
            "input": {
                "projectId": project["project"]["id"],
                "mode": "SEQUENTIAL",
                "prompt": "two frames",
                "maxImages": 2,
                "size": "1024x1024",
            }
        },
        "generate",
    )
    await wait_until_ended(app, generated["batchJob"]["id"])
    images = [
        str(i) for i in await ImageEdit.filter(batch_job_id=generated["batchJob"]["id"]).values_list("id", flat=True)
    ]
    item = await run(GALLERY_ADD, {"input": {"imageEditId": images[0]}}, "galleryAdd")
    return World(
        client=client,
        caller=caller,
        admin=admin,
        user_id=me["id"],
        project_id=project["project"]["id"],
        preset_id=preset["stylePreset"]["id"],
        share_code=shared["stylePreset"]["shareCode"],
        image_id=images[1],
        gallery_item_id=item["galleryItem"]["id"],
    )


def _mutation(arguments: str, call: str, returns: str) -> str:
    return f"mutation({arguments}) {{ {call} {{ {returns} userErrors {{ field code message }} }} }}"


GALLERY_REPORT = _mutation("$id: ID!, $reason: String", "galleryReport(id: $id, reason: $reason)", "item { id }")
PROJECT_CREATE = _mutation("$input: ProjectCreateInput!", "projectCreate(input: $input)", "project { id name }")
PROJECT_UPDATE = _mutation(
    "$id: ID!, $input: ProjectUpdateInput!", "projectUpdate(id: $id, input: $input)", "project { id }"
)
PROJECT_DELETE = _mutation("$id: ID!", "projectDelete(id: $id)", "deletedId")
GENERATE = _mutation("$input: GenerateInput!", "generate(input: $input)", "batchJob { id }")
PRESET_CREATE = _mutation("$input: StylePresetInput!", "stylePresetCreate(input: $input)", "stylePreset { id }")
PRESET_UPDATE = _mutation(
    "$id: ID!, $input: StylePresetUpdateInput!", "stylePresetUpdate(id: $id, input: $input)", "stylePreset { id }"
)
PRESET_FORK = _mutation("$id: ID, $code: String", "stylePresetFork(id: $id, shareCode: $code)", "stylePreset { id }")
PRESET_IMPORT = _mutation("$doc: JSON!", "stylePresetImport(document: $doc)", "stylePreset { id }")
GALLERY_ADD = _mutation("$input: GalleryAddInput!", "galleryAdd(input: $input)", "galleryItem { id }")
GALLERY_UPDATE = _mutation(
    "$id: ID!, $input: GalleryUpdateInput!", "galleryUpdate(id: $id, input: $input)", "galleryItem { id }"
)
COLLECTION_CREATE = _mutation(
    "$input: GalleryCollectionInput!", "galleryCollectionCreate(input: $input)", "collection { id }"
)
WORKSPACE_CREATE = _mutation("$name: String!", "workspaceCreate(input: {name: $name})", "workspace { id }")
WORKSPACE_ACCEPT = _mutation("$token: String!", "workspaceInvitationAccept(token: $token)", "workspace { id }")
CREDITS_GRANT = _mutation("$input: CreditsGrantInput!", "creditsGrant(input: $input)", "transaction { id }")


def import_document(**preset: Any) -> dict[str, Any]:
    """A stylePresetImport document holding ``preset``."""
    return {"format": "preset-playground.style-preset", "formatVersion": 1, "preset": {"name": "Imported", **preset}}


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
    "galleryReport.reason": Case(
        GALLERY_REPORT, "galleryReport", lambda w, v: {"id": w.gallery_item_id, "reason": v}, ["reason"]
    ),
    "galleryCollectionCreate.name": Case(
        COLLECTION_CREATE, "galleryCollectionCreate", lambda w, v: {"input": {"name": v}}, ["input", "name"]
    ),
    "galleryCollectionCreate.description": Case(
        COLLECTION_CREATE,
        "galleryCollectionCreate",
        lambda w, v: {"input": {"name": "fine", "description": v}},
        ["input", "description"],
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
    "workspaceCreate.name": Case(WORKSPACE_CREATE, "workspaceCreate", lambda w, v: {"name": v}, ["input", "name"]),
    "workspaceInvitationAccept.token": Case(
        WORKSPACE_ACCEPT, "workspaceInvitationAccept", lambda w, v: {"token": v}, ["token"]
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
