"""Style presets over GraphQL: who may read, list, change, share, fork and use a preset, and the bounds of what a
preset (and a generation with presets) may hold. A denied call reads as "not found" and changes nothing."""

from __future__ import annotations

import re
import secrets
import uuid
from typing import Any

import httpx
from starlette.applications import Starlette

from models import Role
from tests.conftest import GQL, Caller, MakeCaller, error_codes
from tests.generation_support import generate, new_project, upload, wait_until_ended

USER_ERRORS = "userErrors { field code message }"
PRESET_FIELDS = """
  id name description tags promptTemplate defaultIntensity maxImages defaultSize visibility version builtIn deleted
  shareCode versions { version name description } forkedFrom { id name }
"""
CREATE = f"""
mutation($input: StylePresetInput!) {{
  stylePresetCreate(input: $input) {{ stylePreset {{ {PRESET_FIELDS} }} {USER_ERRORS} }}
}}"""
UPDATE = f"""
mutation($id: ID!, $input: StylePresetUpdateInput!) {{
  stylePresetUpdate(id: $id, input: $input) {{ stylePreset {{ {PRESET_FIELDS} }} {USER_ERRORS} }}
}}"""
DELETE = f"mutation($id: ID!) {{ stylePresetDelete(id: $id) {{ deletedId {USER_ERRORS} }} }}"
SHARE = f"""
mutation($id: ID!, $visibility: PresetVisibility!) {{
  stylePresetShare(id: $id, visibility: $visibility) {{ stylePreset {{ {PRESET_FIELDS} }} {USER_ERRORS} }}
}}"""
FORK = f"""
mutation($id: ID, $shareCode: String) {{
  stylePresetFork(id: $id, shareCode: $shareCode) {{ stylePreset {{ {PRESET_FIELDS} }} {USER_ERRORS} }}
}}"""
PREVIEW = f"""
mutation($id: ID!) {{ stylePresetPreview(id: $id) {{ stylePreset {{ id }} batchJob {{ id }} {USER_ERRORS} }} }}"""
GET = f"query($id: ID!) {{ stylePreset(id: $id) {{ {PRESET_FIELDS} }} }}"
BY_CODE = f"query($code: String!) {{ stylePresetByShareCode(code: $code) {{ {PRESET_FIELDS} }} }}"
EXPORT = "query($id: ID!) { stylePresetExport(id: $id) }"
LIST = """
query($scope: PresetScope!, $search: String, $first: Int!) {
  stylePresets(scope: $scope, search: $search, first: $first) {
    totalCount edges { node { id name builtIn visibility } }
  }
}"""
STATE = """
{
  me { credits creditsHeld }
  batchJobs(first: 0) { totalCount }
  projects(first: 0) { totalCount }
  stylePresets(scope: MINE, first: 0) { totalCount }
}"""
PRESETS_USED = """
query($id: ID!) {
  batchJob(id: $id) { id status presetsUsed { presetId name version position preset { id } } }
}"""

SCOPES = ("MINE", "PUBLIC", "BUILT_IN", "VISIBLE")
SHARE_CODE = re.compile(r"^[A-Za-z0-9_-]{16,}$")
NOT_FOUND_BY_ID = [{"field": ["id"], "code": "NOT_FOUND", "message": "style preset not found"}]
NOT_FOUND_AS_PRESET = [
    {"field": ["input", "presets", "0", "presetId"], "code": "NOT_FOUND", "message": "style preset not found"}
]


def unique(label: str) -> str:
    """A name no other test uses, so that `search` finds exactly this test's presets."""
    return f"{label} {uuid.uuid4().hex[:10]}"


async def create(gql: GQL, caller: Caller, **fields: Any) -> dict[str, Any]:
    body = await gql(CREATE, {"input": {"name": "Preset", **fields}}, caller)
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["stylePresetCreate"]
    return payload


async def create_preset(gql: GQL, caller: Caller, **fields: Any) -> dict[str, Any]:
    payload = await create(gql, caller, **fields)
    assert payload["userErrors"] == []
    preset: dict[str, Any] = payload["stylePreset"]
    return preset


async def mutate(gql: GQL, caller: Caller, query: str, name: str, **variables: Any) -> dict[str, Any]:
    body = await gql(query, variables, caller)
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"][name]
    return payload


async def share(gql: GQL, caller: Caller, preset_id: str, visibility: str) -> dict[str, Any]:
    return await mutate(gql, caller, SHARE, "stylePresetShare", id=preset_id, visibility=visibility)


async def get(gql: GQL, caller: Caller, preset_id: str) -> dict[str, Any] | None:
    body = await gql(GET, {"id": preset_id}, caller)
    assert "errors" not in body, body
    found: dict[str, Any] | None = body["data"]["stylePreset"]
    return found


async def by_code(gql: GQL, caller: Caller, code: str) -> dict[str, Any] | None:
    body = await gql(BY_CODE, {"code": code}, caller)
    assert "errors" not in body, body
    found: dict[str, Any] | None = body["data"]["stylePresetByShareCode"]
    return found


async def listed(gql: GQL, caller: Caller, scope: str, search: str | None = None) -> list[str]:
    """Ids of the presets in ``scope`` matching ``search`` (the whole list fits on one page)."""
    body = await gql(LIST, {"scope": scope, "search": search, "first": 100}, caller)
    assert "errors" not in body, body
    connection = body["data"]["stylePresets"]
    ids = [edge["node"]["id"] for edge in connection["edges"]]
    assert connection["totalCount"] == len(ids)
    return ids


async def state(gql: GQL, caller: Caller) -> dict[str, int]:
    """What a denied call must leave as it was: credits, credits on hold, batches, projects and presets."""
    body = await gql(STATE, caller=caller)
    assert "errors" not in body, body
    data = body["data"]
    return {
        "credits": data["me"]["credits"],
        "held": data["me"]["creditsHeld"],
        "batches": data["batchJobs"]["totalCount"],
        "projects": data["projects"]["totalCount"],
        "presets": data["stylePresets"]["totalCount"],
    }


async def assert_denied_everything(gql: GQL, bob: Caller, preset_id: str, *, can_fork: bool) -> None:
    """Every change Bob tries on someone else's preset reads as not found (forking too, unless he may read it)."""
    updated = await mutate(gql, bob, UPDATE, "stylePresetUpdate", id=preset_id, input={"name": "Bob's now"})
    assert updated == {"stylePreset": None, "userErrors": NOT_FOUND_BY_ID}
    updated = await mutate(gql, bob, UPDATE, "stylePresetUpdate", id=preset_id, input={"description": "defaced"})
    assert updated == {"stylePreset": None, "userErrors": NOT_FOUND_BY_ID}
    deleted = await mutate(gql, bob, DELETE, "stylePresetDelete", id=preset_id)
    assert deleted == {"deletedId": None, "userErrors": NOT_FOUND_BY_ID}
    for visibility in ("PRIVATE", "UNLISTED", "PUBLIC"):
        assert await share(gql, bob, preset_id, visibility) == {"stylePreset": None, "userErrors": NOT_FOUND_BY_ID}
    previewed = await mutate(gql, bob, PREVIEW, "stylePresetPreview", id=preset_id)
    assert previewed == {"stylePreset": None, "batchJob": None, "userErrors": NOT_FOUND_BY_ID}
    if not can_fork:
        forked = await mutate(gql, bob, FORK, "stylePresetFork", id=preset_id)
        assert forked == {"stylePreset": None, "userErrors": NOT_FOUND_BY_ID}


# --- PRIVATE ---------------------------------------------------------------------------------------------------------


async def test_a_private_preset_is_invisible_to_another_user(gql: GQL, make_caller: MakeCaller) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    name = unique("Alice secret")
    preset = await create_preset(gql, alice, name=name, description="mine only", tags=["noir"])
    assert preset["visibility"] == "PRIVATE"
    assert preset["shareCode"] is None

    assert await get(gql, bob, preset["id"]) is None
    for scope in SCOPES:
        assert await listed(gql, bob, scope, search=name) == [], scope
    assert preset["id"] not in await listed(gql, bob, "VISIBLE", search="Alice secret")
    for code in (secrets.token_urlsafe(12), ""):
        assert await by_code(gql, bob, code) is None
    # A code that cannot be one is refused by the text policy, saying why and nothing about any preset.
    too_long = await gql(BY_CODE, {"code": "x" * 65}, bob)
    assert too_long["data"]["stylePresetByShareCode"] is None
    assert [e["extensions"]["reason"] for e in too_long["errors"]] == ["TOO_LONG"]
    exported = await gql(EXPORT, {"id": preset["id"]}, bob)
    assert exported["data"] is None
    assert error_codes(exported) == ["BAD_USER_INPUT"]
    assert exported["errors"][0]["extensions"]["reason"] == "NOT_FOUND"

    # The guard is the only difference: Alice reads and lists the same preset.
    assert await get(gql, alice, preset["id"]) == preset
    assert await listed(gql, alice, "MINE", search=name) == [preset["id"]]
    assert await listed(gql, alice, "VISIBLE", search=name) == [preset["id"]]
    assert await listed(gql, alice, "PUBLIC", search=name) == []


async def test_another_user_cannot_change_fork_preview_or_use_a_private_preset(
    gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    preset = await create_preset(gql, alice, name=unique("Alice private"), promptTemplate="{prompt}, in ink")
    project = await new_project(gql, bob)
    before = await get(gql, alice, preset["id"])
    bob_before = await state(gql, bob)

    await assert_denied_everything(gql, bob, preset["id"], can_fork=False)
    used = await generate(
        gql, bob, projectId=project, prompt="a cat", size="1024x1024", presets=[{"presetId": preset["id"]}]
    )
    assert used == {"created": False, "batchJob": None, "userErrors": NOT_FOUND_AS_PRESET}
    shorthand = await generate(
        gql, bob, projectId=project, prompt="a cat", size="1024x1024", stylePresetId=preset["id"]
    )
    assert shorthand["batchJob"] is None
    assert [(e["field"], e["code"]) for e in shorthand["userErrors"]] == [(["input", "stylePresetId"], "NOT_FOUND")]

    after = await get(gql, alice, preset["id"])
    assert after == before
    assert after is not None
    assert (after["version"], after["visibility"], after["shareCode"], after["deleted"]) == (1, "PRIVATE", None, False)
    assert [v["version"] for v in after["versions"]] == [1]
    assert await state(gql, bob) == bob_before  # no fork, no preview project, no batch, no credits moved
    assert await listed(gql, alice, "MINE", search=preset["name"]) == [preset["id"]]


# --- UNLISTED --------------------------------------------------------------------------------------------------------


async def test_an_unlisted_preset_is_readable_and_forkable_only_by_its_share_code(
    gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    name = unique("Alice unlisted")
    preset = await create_preset(gql, alice, name=name, promptTemplate="{prompt}, faded film")
    shared = await share(gql, alice, preset["id"], "UNLISTED")
    assert shared["userErrors"] == []
    code = shared["stylePreset"]["shareCode"]
    assert isinstance(code, str)
    assert SHARE_CODE.match(code), code
    assert shared["stylePreset"]["visibility"] == "UNLISTED"
    assert shared["stylePreset"]["version"] == 1  # sharing is not a new version
    as_alice = await get(gql, alice, preset["id"])
    assert as_alice is not None
    assert as_alice["shareCode"] == code

    # By id, in lists, in generate: as if it did not exist.
    assert await get(gql, bob, preset["id"]) is None
    for scope in SCOPES:
        assert await listed(gql, bob, scope, search=name) == [], scope
    project = await new_project(gql, bob)
    used = await generate(
        gql, bob, projectId=project, prompt="x", size="1024x1024", presets=[{"presetId": preset["id"]}]
    )
    assert used["batchJob"] is None
    assert used["userErrors"] == NOT_FOUND_AS_PRESET
    bob_before = await state(gql, bob)
    await assert_denied_everything(gql, bob, preset["id"], can_fork=False)
    assert await state(gql, bob) == bob_before

    # With the code: readable, but the code itself is only shown to its owner.
    seen = await by_code(gql, bob, code)
    assert seen is not None
    assert (seen["id"], seen["name"], seen["visibility"], seen["shareCode"]) == (preset["id"], name, "UNLISTED", None)
    assert await by_code(gql, alice, code) == as_alice

    forked = await mutate(gql, bob, FORK, "stylePresetFork", shareCode=code)
    assert forked["userErrors"] == []
    copy = forked["stylePreset"]
    assert copy["id"] != preset["id"]
    assert (copy["name"], copy["promptTemplate"]) == (name, "{prompt}, faded film")
    assert (copy["visibility"], copy["version"], copy["shareCode"], copy["builtIn"]) == ("PRIVATE", 1, None, False)
    # The forker used the share code: the origin shows to him through his fork while it stays shared (issue 23).
    assert copy["forkedFrom"]["id"] == preset["id"]
    assert await state(gql, bob) == {**bob_before, "presets": bob_before["presets"] + 1}
    assert await listed(gql, bob, "MINE", search=name) == [copy["id"]]
    assert await get(gql, alice, copy["id"]) is None  # the fork is Bob's, private
    assert await get(gql, alice, preset["id"]) == as_alice

    # The link was recorded: once Alice makes the origin PUBLIC, Bob's fork resolves it.
    assert (await share(gql, alice, preset["id"], "PUBLIC"))["stylePreset"]["shareCode"] == code  # code kept
    again = await get(gql, bob, copy["id"])
    assert again is not None
    assert again["forkedFrom"] == {"id": preset["id"], "name": name}


async def test_making_a_preset_private_again_revokes_its_share_code(gql: GQL, make_caller: MakeCaller) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    preset = await create_preset(gql, alice, name=unique("Revoked"))
    old_code = (await share(gql, alice, preset["id"], "UNLISTED"))["stylePreset"]["shareCode"]
    assert (await by_code(gql, bob, old_code) or {}).get("id") == preset["id"]

    private = await share(gql, alice, preset["id"], "PRIVATE")
    assert private["userErrors"] == []
    assert (private["stylePreset"]["visibility"], private["stylePreset"]["shareCode"]) == ("PRIVATE", None)
    assert await by_code(gql, bob, old_code) is None
    assert await by_code(gql, alice, old_code) is None
    bob_before = await state(gql, bob)
    forked = await mutate(gql, bob, FORK, "stylePresetFork", shareCode=old_code)
    assert forked == {
        "stylePreset": None,
        "userErrors": [{"field": ["shareCode"], "code": "NOT_FOUND", "message": "style preset not found"}],
    }
    assert await state(gql, bob) == bob_before

    new_code = (await share(gql, alice, preset["id"], "UNLISTED"))["stylePreset"]["shareCode"]
    assert SHARE_CODE.match(new_code), new_code
    assert new_code != old_code
    assert await by_code(gql, bob, old_code) is None
    assert (await by_code(gql, bob, new_code) or {}).get("id") == preset["id"]


# --- PUBLIC ----------------------------------------------------------------------------------------------------------


async def test_a_public_preset_is_readable_forkable_and_usable_but_not_changeable(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    name = unique("Alice public")
    preset = await create_preset(gql, alice, name=name, promptTemplate="{prompt}, bold poster style")
    shared = (await share(gql, alice, preset["id"], "PUBLIC"))["stylePreset"]
    assert shared["visibility"] == "PUBLIC"
    before = await get(gql, alice, preset["id"])

    seen = await get(gql, bob, preset["id"])
    assert seen is not None
    assert (seen["name"], seen["visibility"], seen["builtIn"], seen["shareCode"]) == (name, "PUBLIC", False, None)
    assert await listed(gql, bob, "PUBLIC", search=name) == [preset["id"]]
    assert await listed(gql, bob, "VISIBLE", search=name) == [preset["id"]]
    assert await listed(gql, bob, "MINE", search=name) == []
    assert await listed(gql, bob, "BUILT_IN", search=name) == []
    assert await listed(gql, alice, "PUBLIC", search=name) == [preset["id"]]

    bob_before = await state(gql, bob)
    await assert_denied_everything(gql, bob, preset["id"], can_fork=True)
    assert await get(gql, alice, preset["id"]) == before
    assert await state(gql, bob) == bob_before

    forked = await mutate(gql, bob, FORK, "stylePresetFork", id=preset["id"])
    assert forked["userErrors"] == []
    copy = forked["stylePreset"]
    assert (copy["name"], copy["visibility"], copy["version"], copy["shareCode"]) == (name, "PRIVATE", 1, None)
    assert copy["forkedFrom"] == {"id": preset["id"], "name": name}
    assert await listed(gql, bob, "MINE", search=name) == [copy["id"]]
    assert await listed(gql, alice, "PUBLIC", search=name) == [preset["id"]]  # the private fork is not listed

    project = await new_project(gql, bob)
    used = await generate(
        gql, bob, projectId=project, prompt="a lighthouse", size="1024x1024", presets=[{"presetId": preset["id"]}]
    )
    assert used["userErrors"] == []
    job = used["batchJob"]
    await wait_until_ended(app, job["id"])
    record = (await gql(PRESETS_USED, {"id": job["id"]}, bob))["data"]["batchJob"]
    assert record["status"] == "SUCCEEDED"
    assert record["presetsUsed"] == [
        {"presetId": preset["id"], "name": name, "version": 1, "position": 0, "preset": {"id": preset["id"]}}
    ]
    assert await get(gql, alice, preset["id"]) == before  # using it changes nothing of it


# --- Built-in library ------------------------------------------------------------------------------------------------


async def built_in(gql: GQL, caller: Caller, name: str) -> dict[str, Any]:
    body = await gql(LIST, {"scope": "BUILT_IN", "search": name, "first": 100}, caller)
    matches = [edge["node"] for edge in body["data"]["stylePresets"]["edges"] if edge["node"]["name"] == name]
    assert len(matches) == 1, body
    found = await get(gql, caller, matches[0]["id"])
    assert found is not None
    return found


async def test_the_built_in_library_is_listed_for_everyone(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    body = await gql(LIST, {"scope": "BUILT_IN", "search": None, "first": 100}, alice)
    nodes = [edge["node"] for edge in body["data"]["stylePresets"]["edges"]]
    assert body["data"]["stylePresets"]["totalCount"] == len(nodes)
    assert len(nodes) >= 6
    assert all(node["builtIn"] is True for node in nodes)
    assert {"Watercolor", "Cinematic", "Pixel art"} <= {node["name"] for node in nodes}
    assert await listed(gql, alice, "MINE") == []
    for node in nodes:  # usable by everyone, but not "other users' public presets"
        assert node["id"] in await listed(gql, alice, "VISIBLE", search=node["name"])
        assert node["id"] not in await listed(gql, alice, "PUBLIC", search=node["name"])
    watercolor = await built_in(gql, alice, "Watercolor")
    assert (watercolor["builtIn"], watercolor["visibility"], watercolor["shareCode"]) == (True, "PUBLIC", None)


async def test_a_user_cannot_change_a_built_in_preset(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    watercolor = await built_in(gql, alice, "Watercolor")
    before = await state(gql, alice)

    await assert_denied_everything(gql, alice, watercolor["id"], can_fork=True)

    assert await built_in(gql, alice, "Watercolor") == watercolor
    assert await state(gql, alice) == before


async def test_an_administrator_updates_a_built_in_preset_as_a_new_version(gql: GQL, make_caller: MakeCaller) -> None:
    root, alice = make_caller("root", role=Role.ADMIN), make_caller("alice")
    before = await built_in(gql, root, "Isometric 3D")
    description = unique("A miniature isometric diorama render, revised")

    updated = await mutate(gql, root, UPDATE, "stylePresetUpdate", id=before["id"], input={"description": description})
    assert updated["userErrors"] == []
    after = updated["stylePreset"]
    assert after["version"] == before["version"] + 1
    assert after["description"] == description
    assert (after["name"], after["builtIn"], after["visibility"]) == ("Isometric 3D", True, "PUBLIC")
    assert [v["version"] for v in after["versions"]] == [after["version"], *[v["version"] for v in before["versions"]]]
    assert after["versions"][1] == before["versions"][0]  # the earlier version stays as it was
    seen = await built_in(gql, alice, "Isometric 3D")
    assert (seen["version"], seen["description"]) == (after["version"], description)


# --- Deleted presets -------------------------------------------------------------------------------------------------


async def test_a_deleted_preset_is_gone_but_batches_that_used_it_still_show_it(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    name = unique("Short-lived")
    preset = await create_preset(gql, alice, name=name)
    code = (await share(gql, alice, preset["id"], "UNLISTED"))["stylePreset"]["shareCode"]
    project = await new_project(gql, alice)
    used = await generate(
        gql, alice, projectId=project, prompt="a fox", size="1024x1024", presets=[{"presetId": preset["id"]}]
    )
    job = used["batchJob"]
    await wait_until_ended(app, job["id"])

    deleted = await mutate(gql, alice, DELETE, "stylePresetDelete", id=preset["id"])
    assert deleted == {"deletedId": preset["id"], "userErrors": []}

    assert await get(gql, alice, preset["id"]) is None
    for scope in SCOPES:
        assert await listed(gql, alice, scope, search=name) == [], scope
    assert await by_code(gql, alice, code) is None
    before = await state(gql, alice)
    again = await generate(
        gql, alice, projectId=project, prompt="a fox", size="1024x1024", presets=[{"presetId": preset["id"]}]
    )
    assert again["batchJob"] is None
    assert again["userErrors"] == NOT_FOUND_AS_PRESET
    await assert_denied_everything(gql, alice, preset["id"], can_fork=False)
    assert await state(gql, alice) == before

    record = (await gql(PRESETS_USED, {"id": job["id"]}, alice))["data"]["batchJob"]
    assert record["presetsUsed"] == [
        {"presetId": preset["id"], "name": name, "version": 1, "position": 0, "preset": None}
    ]


# --- Bounds ----------------------------------------------------------------------------------------------------------

CREATE_CASES: list[tuple[dict[str, Any], list[str]]] = [
    ({"name": ""}, ["input", "name"]),
    ({"name": "   "}, ["input", "name"]),
    ({"name": "x" * 121}, ["input", "name"]),
    ({"tags": [f"tag{i}" for i in range(21)]}, ["input", "tags"]),
    ({"promptTemplate": "{prompt} and again {prompt}"}, ["input", "promptTemplate"]),
    ({"promptTemplate": "x" * 1001}, ["input", "promptTemplate"]),
    ({"defaultIntensity": 1.5}, ["input", "defaultIntensity"]),
    ({"defaultIntensity": -0.1}, ["input", "defaultIntensity"]),
    ({"maxImages": 16}, ["input", "maxImages"]),
    ({"maxImages": 0}, ["input", "maxImages"]),
    ({"defaultSize": "100x100"}, ["input", "defaultSize"]),
]


async def test_invalid_preset_settings_are_user_errors_and_create_nothing(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    before = await state(gql, alice)
    for fields, path in CREATE_CASES:
        payload = await create(gql, alice, **{"name": "Bounded", **fields})
        assert payload["stylePreset"] is None, fields
        assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(path, "INVALID")], fields
        assert payload["userErrors"][0]["message"]
    assert await state(gql, alice) == before

    # Right at the bounds, the same settings are accepted.
    accepted = await create_preset(
        gql,
        alice,
        name="x" * 120,
        tags=[f"tag{i}" for i in range(20)],
        promptTemplate="y" * 1000,
        defaultIntensity=1.0,
        maxImages=15,
    )
    assert (len(accepted["name"]), len(accepted["tags"]), accepted["maxImages"]) == (120, 20, 15)


async def test_invalid_settings_on_update_keep_the_preset_as_it_was(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    preset = await create_preset(gql, alice, name=unique("Stable"))
    for fields, path in CREATE_CASES:
        payload = await mutate(gql, alice, UPDATE, "stylePresetUpdate", id=preset["id"], input=fields)
        assert payload["stylePreset"] is None, fields
        assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(path, "INVALID")], fields
    assert await get(gql, alice, preset["id"]) == preset


async def test_reference_images_must_be_the_callers_own_uploads(
    client: httpx.AsyncClient, gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    bobs_upload = await upload(client, bob)
    before = await state(gql, alice)

    stolen = await create(gql, alice, name="Borrowed", referenceImages=[bobs_upload])
    assert stolen == {
        "stylePreset": None,
        "userErrors": [
            {"field": ["input", "referenceImages", "0"], "code": "NOT_FOUND", "message": "uploaded image not found"}
        ],
    }
    # Someone else's upload reads exactly like one that does not exist.
    assert await create(gql, alice, name="Borrowed", referenceImages=[str(uuid.uuid4())]) == stolen
    too_many = await create(gql, alice, name="Borrowed", referenceImages=[str(uuid.uuid4()) for _ in range(11)])
    assert too_many["stylePreset"] is None
    assert [(e["field"], e["code"]) for e in too_many["userErrors"]] == [(["input", "referenceImages"], "INVALID")]
    assert await state(gql, alice) == before

    own = await upload(client, alice)
    mine = await create_preset(gql, alice, name=unique("Own"), referenceImages=[own])
    assert await state(gql, alice) == {**before, "presets": before["presets"] + 1}

    # On update too: the second reference is Bob's, so nothing changes (not even the first).
    refused = await mutate(
        gql, alice, UPDATE, "stylePresetUpdate", id=mine["id"], input={"referenceImages": [own, bobs_upload]}
    )
    assert refused == {
        "stylePreset": None,
        "userErrors": [
            {"field": ["input", "referenceImages", "1"], "code": "NOT_FOUND", "message": "uploaded image not found"}
        ],
    }
    assert await get(gql, alice, mine["id"]) == mine


async def test_presets_in_generate_are_bounded_and_nothing_is_charged_when_refused(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    presets = [(await create_preset(gql, alice, name=unique(f"Mix {i}")))["id"] for i in range(4)]
    before = await state(gql, alice)
    request = {"projectId": project, "prompt": "a tree", "size": "1024x1024"}

    cases: list[tuple[list[dict[str, Any]], list[str]]] = [
        ([{"presetId": ident} for ident in presets], ["input", "presets"]),
        ([{"presetId": presets[0], "weight": 0}], ["input", "presets", "0", "weight"]),
        ([{"presetId": presets[0]}, {"presetId": presets[1], "weight": -1}], ["input", "presets", "1", "weight"]),
        ([{"presetId": presets[0], "intensity": -0.1}], ["input", "presets", "0", "intensity"]),
        ([{"presetId": presets[0], "intensity": 1.1}], ["input", "presets", "0", "intensity"]),
        ([{"presetId": presets[0]}, {"presetId": presets[0]}], ["input", "presets", "1", "presetId"]),
    ]
    for uses, path in cases:
        payload = await generate(gql, alice, **request, presets=uses)
        assert payload["batchJob"] is None, uses
        assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(path, "INVALID")], uses
    missing = await generate(gql, alice, **request, presets=[{"presetId": presets[0], "version": 2}])
    assert [(e["field"], e["code"]) for e in missing["userErrors"]] == [
        (["input", "presets", "0", "version"], "NOT_FOUND")
    ]
    assert await state(gql, alice) == before

    # Three is the limit, not fewer.
    accepted = await generate(gql, alice, **request, presets=[{"presetId": ident} for ident in presets[:3]])
    assert accepted["userErrors"] == []
    await wait_until_ended(app, accepted["batchJob"]["id"])
    after = await state(gql, alice)
    assert after["batches"] == before["batches"] + 1
