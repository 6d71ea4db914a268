"""What a shared preset shows to others, and what a fork or an import owns: versions published from the sharing on,
no upload ids or media URLs of the owner, copies of the reference images that survive the author's deletions, and
exports that another user can import with their images."""

from __future__ import annotations

import base64
import io
import json
import os
from typing import Any

import httpx
from PIL import Image

from tests.conftest import GQL, Caller, MakeCaller
from tests.generation_support import upload

PRESET = """
  id name description promptTemplate version visibility shareCode referenceImageCount
  versions { version description promptTemplate referenceImageCount }
  referenceImages { id url }
"""
CREATE = f"""mutation($input: StylePresetInput!) {{
  stylePresetCreate(input: $input) {{ stylePreset {{ {PRESET} }} userErrors {{ field code reason }} }}
}}"""
UPDATE = f"""mutation($id: ID!, $input: StylePresetUpdateInput!) {{
  stylePresetUpdate(id: $id, input: $input) {{ stylePreset {{ {PRESET} }} userErrors {{ field code }} }}
}}"""
SHARE = """mutation($id: ID!, $v: PresetVisibility!) {
  stylePresetShare(id: $id, visibility: $v) { stylePreset { id shareCode } userErrors { field code } }
}"""
BY_ID = f"query($id: ID!) {{ stylePreset(id: $id) {{ {PRESET} }} }}"
FORK = f"""mutation($id: ID, $code: String) {{
  stylePresetFork(id: $id, shareCode: $code) {{ stylePreset {{ {PRESET} }} userErrors {{ field code }} }}
}}"""
EXPORT = "query($id: ID!) { stylePresetExport(id: $id) }"
IMPORT = f"""mutation($doc: JSON!) {{
  stylePresetImport(document: $doc) {{ stylePreset {{ {PRESET} }} userErrors {{ field code reason }} }}
}}"""
UPLOADS = "query { uploads(first: 50) { edges { node { id } } totalCount } }"
UPLOAD_DELETE = "mutation($id: ID!) { uploadDelete(id: $id) { userErrors { code } } }"
MY_COUNT = "query { stylePresets(scope: MINE, first: 1) { totalCount } }"


async def create(gql: GQL, caller: Caller, **fields: Any) -> dict[str, Any]:
    payload = (await gql(CREATE, {"input": {"name": "Noir", **fields}}, caller))["data"]["stylePresetCreate"]
    assert payload["userErrors"] == [], payload
    preset: dict[str, Any] = payload["stylePreset"]
    return preset


async def read(gql: GQL, caller: Caller, preset_id: str) -> dict[str, Any]:
    body = await gql(BY_ID, {"id": preset_id}, caller)
    assert "errors" not in body, body
    preset: dict[str, Any] = body["data"]["stylePreset"]
    return preset


async def upload_ids(gql: GQL, caller: Caller) -> set[str]:
    body = await gql(UPLOADS, caller=caller)
    return {edge["node"]["id"] for edge in body["data"]["uploads"]["edges"]}


async def upload_bytes(client: httpx.AsyncClient, caller: Caller, data: bytes) -> str:
    """Upload any bytes as a PNG file (GraphQL multipart); returns the upload's id."""
    query = "mutation($file: Upload!) { imageUpload(file: $file) { image { id } userErrors { code } } }"
    form = {
        "operations": json.dumps({"query": query, "variables": {"file": None}}),
        "map": json.dumps({"0": ["variables.file"]}),
    }
    response = await client.post(
        "/graphql",
        data=form,
        files={"0": ("ref.png", data, "image/png")},
        headers={**caller.headers, "X-Playground-Upload": "1"},
    )
    image_id: str = response.json()["data"]["imageUpload"]["image"]["id"]
    return image_id


def png(size: tuple[int, int], *, noise: bool = False) -> bytes:
    image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)) if noise else Image.new("RGB", size, "teal")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


async def test_others_see_only_the_versions_published_from_the_sharing_on(gql: GQL, make_caller: MakeCaller) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    preset = await create(gql, alice, description="private notes", promptTemplate="{prompt}, secret recipe")
    await gql(UPDATE, {"id": preset["id"], "input": {"description": "still private"}}, alice)
    await gql(UPDATE, {"id": preset["id"], "input": {"description": "for everyone"}}, alice)
    await gql(SHARE, {"id": preset["id"], "v": "PUBLIC"}, alice)

    seen = await read(gql, bob, preset["id"])
    assert [(v["version"], v["description"]) for v in seen["versions"]] == [(3, "for everyone")]
    assert "private" not in json.dumps(seen)
    # A version saved while public is public too; the owner still sees them all.
    await gql(UPDATE, {"id": preset["id"], "input": {"description": "v4"}}, alice)
    assert [v["version"] for v in (await read(gql, bob, preset["id"]))["versions"]] == [4, 3]
    assert [v["version"] for v in (await read(gql, alice, preset["id"]))["versions"]] == [4, 3, 2, 1]

    # Private again, edited, shared again: only what was published after the second sharing.
    await gql(SHARE, {"id": preset["id"], "v": "PRIVATE"}, alice)
    assert (await gql(BY_ID, {"id": preset["id"]}, bob))["data"]["stylePreset"] is None
    await gql(UPDATE, {"id": preset["id"], "input": {"description": "private draft"}}, alice)
    code = (await gql(SHARE, {"id": preset["id"], "v": "UNLISTED"}, alice))["data"]["stylePresetShare"]
    by_code = await gql(
        "query($c: String!) { stylePresetByShareCode(code: $c) { versions { version description } } }",
        {"c": code["stylePreset"]["shareCode"]},
        bob,
    )
    assert by_code["data"]["stylePresetByShareCode"]["versions"] == [{"version": 5, "description": "private draft"}]


async def test_a_public_preset_and_its_export_carry_no_upload_ids_or_urls_of_the_owner(
    client: httpx.AsyncClient, gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    ref = await upload(client, alice)
    preset = await create(gql, alice, referenceImages=[ref])
    await gql(SHARE, {"id": preset["id"], "v": "PUBLIC"}, alice)

    seen = await read(gql, bob, preset["id"])
    assert seen["referenceImages"] == []
    assert seen["referenceImageCount"] == 1
    assert seen["shareCode"] is None
    owner_view = await read(gql, alice, preset["id"])
    assert [r["id"] for r in owner_view["referenceImages"]] == [ref]
    url = owner_view["referenceImages"][0]["url"]

    document = (await gql(EXPORT, {"id": preset["id"]}, bob))["data"]["stylePresetExport"]
    text = json.dumps(document)
    assert ref not in text
    assert url not in text
    assert "/media/" not in text
    assert document["formatVersion"] == 2
    [embedded] = document["preset"]["referenceImages"]
    assert embedded["contentType"] == "image/png"
    assert Image.open(io.BytesIO(base64.b64decode(embedded["data"]))).size == (64, 48)


async def test_a_fork_owns_copies_of_the_reference_images(
    client: httpx.AsyncClient, gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    ref = await upload(client, alice)
    preset = await create(gql, alice, referenceImages=[ref])
    await gql(SHARE, {"id": preset["id"], "v": "PUBLIC"}, alice)
    bobs_before = await upload_ids(gql, bob)

    fork = (await gql(FORK, {"id": preset["id"]}, bob))["data"]["stylePresetFork"]["stylePreset"]
    [copy] = fork["referenceImages"]
    assert copy["id"] != ref
    assert await upload_ids(gql, bob) == bobs_before | {copy["id"]}

    # The author deletes the upload: the fork keeps its own copy, still loadable and exportable.
    assert (await gql(UPLOAD_DELETE, {"id": ref}, alice))["data"]["uploadDelete"]["userErrors"] == []
    again = await read(gql, bob, fork["id"])
    assert [r["id"] for r in again["referenceImages"]] == [copy["id"]]
    assert (await client.get(copy["url"])).status_code == 200
    document = (await gql(EXPORT, {"id": fork["id"]}, bob))["data"]["stylePresetExport"]
    assert len(document["preset"]["referenceImages"]) == 1
    # Forking one's own preset shares nothing with anyone: no copy is made.
    own = await create(gql, bob, name="Mine", referenceImages=[copy["id"]])
    own_fork = (await gql(FORK, {"id": own["id"]}, bob))["data"]["stylePresetFork"]["stylePreset"]
    assert [r["id"] for r in own_fork["referenceImages"]] == [copy["id"]]


async def test_another_user_imports_an_export_with_its_images_as_their_own_uploads(
    client: httpx.AsyncClient, gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    refs = [await upload(client, alice, (200, 30, 30)), await upload(client, alice, (30, 30, 200))]
    preset = await create(gql, alice, promptTemplate="{prompt}, ink", referenceImages=refs)
    document = (await gql(EXPORT, {"id": preset["id"]}, alice))["data"]["stylePresetExport"]
    bobs_before = await upload_ids(gql, bob)

    payload = (await gql(IMPORT, {"doc": document}, bob))["data"]["stylePresetImport"]
    assert payload["userErrors"] == []
    imported = payload["stylePreset"]
    assert imported["promptTemplate"] == "{prompt}, ink"
    new_ids = [r["id"] for r in imported["referenceImages"]]
    assert len(new_ids) == 2
    assert not set(new_ids) & set(refs)
    assert await upload_ids(gql, bob) == bobs_before | set(new_ids)
    for reference, original in zip(imported["referenceImages"], document["preset"]["referenceImages"], strict=True):
        stored = (await client.get(reference["url"])).content
        assert Image.open(io.BytesIO(stored)).getpixel((0, 0)) == Image.open(
            io.BytesIO(base64.b64decode(original["data"]))
        ).getpixel((0, 0))


async def test_an_import_with_bad_embedded_images_creates_nothing(gql: GQL, make_caller: MakeCaller) -> None:
    bob = make_caller("bob")
    presets_before = (await gql(MY_COUNT, caller=bob))["data"]["stylePresets"]["totalCount"]
    uploads_before = await upload_ids(gql, bob)
    good = {"contentType": "image/png", "data": base64.b64encode(png((8, 8))).decode()}
    cases = [
        ([good, {"contentType": "image/png", "data": "not base64!"}], ["1", "data"], "NOT_BASE64"),
        ([good, {"data": base64.b64encode(b"just text").decode()}], ["1", "data"], "NOT_AN_IMAGE"),
        ([good, "an upload id"], ["1"], "INVALID"),
    ]
    for images, at, reason in cases:
        document = {
            "format": "preset-playground.style-preset",
            "formatVersion": 2,
            "preset": {"name": "x", "referenceImages": images},
        }
        payload = (await gql(IMPORT, {"doc": document}, bob))["data"]["stylePresetImport"]
        assert payload["stylePreset"] is None
        assert payload["userErrors"] == [
            {"field": ["document", "preset", "referenceImages", *at], "code": "INVALID", "reason": reason}
        ], payload
    assert (await gql(MY_COUNT, caller=bob))["data"]["stylePresets"]["totalCount"] == presets_before
    assert await upload_ids(gql, bob) == uploads_before


async def test_an_export_past_the_embedding_limit_is_refused_with_its_reason(
    client: httpx.AsyncClient, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    big = await upload_bytes(client, alice, png((400, 400), noise=True))  # ~480 KB of noise
    other = await upload_bytes(client, alice, png((200, 200), noise=True))  # ~120 KB more
    preset = await create(gql, alice, referenceImages=[big, other])
    body = await gql(EXPORT, {"id": preset["id"]}, alice)
    assert body["data"] is None or body["data"]["stylePresetExport"] is None
    assert body["errors"][0]["extensions"]["reason"] == "TOO_LARGE", body
    assert body["errors"][0]["extensions"]["field"] == ["id"]


LINEAGE = """query($id: ID!) { stylePreset(id: $id) {
  forkedFrom { id name } forkOrigin { presetId name authorDisplayName version }
} }"""
DELETE = "mutation($id: ID!) { stylePresetDelete(id: $id) { userErrors { code } } }"


async def test_a_fork_keeps_what_the_forker_saw_through_privacy_and_deletion(gql: GQL, make_caller: MakeCaller) -> None:
    alice, bob, carol = make_caller("alice", name="Alice"), make_caller("bob"), make_caller("carol")
    origin = await create(gql, alice, name="Noir")
    await gql(UPDATE, {"id": origin["id"], "input": {"description": "v2"}}, alice)
    code = (await gql(SHARE, {"id": origin["id"], "v": "UNLISTED"}, alice))["data"]["stylePresetShare"]
    fork = (await gql(FORK, {"code": code["stylePreset"]["shareCode"]}, bob))["data"]["stylePresetFork"]["stylePreset"]
    recorded = {"presetId": origin["id"], "name": "Noir", "authorDisplayName": "Alice", "version": 2}

    # By share code: the forker sees both the live origin (still shared) and the record.
    seen = (await gql(LINEAGE, {"id": fork["id"]}, bob))["data"]["stylePreset"]
    assert seen == {"forkedFrom": {"id": origin["id"], "name": "Noir"}, "forkOrigin": recorded}

    # The origin is renamed and turns private: the live link goes, the record stays as forked.
    await gql(UPDATE, {"id": origin["id"], "input": {"name": "Renamed"}}, alice)
    await gql(SHARE, {"id": origin["id"], "v": "PRIVATE"}, alice)
    seen = (await gql(LINEAGE, {"id": fork["id"]}, bob))["data"]["stylePreset"]
    assert seen == {"forkedFrom": None, "forkOrigin": recorded}

    # Deleted: the same. A third user reading bob's public fork sees no lineage they could not read.
    assert (await gql(DELETE, {"id": origin["id"]}, alice))["data"]["stylePresetDelete"]["userErrors"] == []
    assert (await gql(LINEAGE, {"id": fork["id"]}, bob))["data"]["stylePreset"]["forkOrigin"] == recorded
    await gql(SHARE, {"id": fork["id"], "v": "PUBLIC"}, bob)
    assert (await gql(LINEAGE, {"id": fork["id"]}, carol))["data"]["stylePreset"] == {
        "forkedFrom": None,
        "forkOrigin": None,
    }


async def test_a_public_origin_shows_its_lineage_to_everyone(gql: GQL, make_caller: MakeCaller) -> None:
    alice, bob, carol = make_caller("alice", name="Alice"), make_caller("bob"), make_caller("carol")
    origin = await create(gql, alice, name="Open")
    await gql(SHARE, {"id": origin["id"], "v": "PUBLIC"}, alice)
    fork = (await gql(FORK, {"id": origin["id"]}, bob))["data"]["stylePresetFork"]["stylePreset"]
    await gql(SHARE, {"id": fork["id"], "v": "PUBLIC"}, bob)
    seen = (await gql(LINEAGE, {"id": fork["id"]}, carol))["data"]["stylePreset"]
    assert seen == {
        "forkedFrom": {"id": origin["id"], "name": "Open"},
        "forkOrigin": {"presetId": origin["id"], "name": "Open", "authorDisplayName": "Alice", "version": 1},
    }
