"""Style presets through the API: versions, sharing and forking, mixing and intensity in real batches, statistics,
export and import, previews, and a page of presets in a fixed number of statements."""

from __future__ import annotations

from typing import Any

import httpx
from starlette.applications import Starlette

from tests.conftest import GQL, Caller, MakeCaller
from tests.generation_support import assert_ledger_consistent, generate, new_project, upload, wait_until_ended
from tests.sql_count import sql_statements

PRESET_FIELDS = """
  id name description tags promptTemplate promptSuffix defaultMode defaultSize defaultAspectRatio
  defaultResolution maxImages defaultIntensity visibility shareCode version builtIn deleted
  versions { version promptTemplate } forkedFrom { id } owner { displayName }
  stats { uses imagesDelivered imagesFailed successRate medianProcessingMs }
  preview { url } referenceImages { id }
"""
CREATE = f"""mutation($input: StylePresetInput!) {{
  stylePresetCreate(input: $input) {{ stylePreset {{ {PRESET_FIELDS} }} userErrors {{ field code message }} }}
}}"""
UPDATE = f"""mutation($id: ID!, $input: StylePresetUpdateInput!) {{
  stylePresetUpdate(id: $id, input: $input) {{ stylePreset {{ {PRESET_FIELDS} }} userErrors {{ field code }} }}
}}"""
SHARE = """mutation($id: ID!, $v: PresetVisibility!) {
  stylePresetShare(id: $id, visibility: $v) { stylePreset { id visibility shareCode } userErrors { field code } }
}"""
FORK = f"""mutation($id: ID, $code: String) {{
  stylePresetFork(id: $id, shareCode: $code) {{ stylePreset {{ {PRESET_FIELDS} }} userErrors {{ field code }} }}
}}"""
BY_CODE = f"query($code: String!) {{ stylePresetByShareCode(code: $code) {{ {PRESET_FIELDS} }} }}"
BY_ID = f"query($id: ID!) {{ stylePreset(id: $id) {{ {PRESET_FIELDS} }} }}"
LIST = """query($scope: PresetScope!, $first: Int!, $search: String, $tags: [String!], $order: PresetOrder!) {
  stylePresets(scope: $scope, first: $first, search: $search, tags: $tags, orderBy: $order) {
    edges { node { id name builtIn stats { uses } } } pageInfo { hasNextPage endCursor } totalCount
  }
}"""
PAGE = (
    f"query($first: Int!) {{ stylePresets(scope: MINE, first: $first) {{ edges {{ node {{ {PRESET_FIELDS} }} }} }} }}"
)
BATCH = """query($id: ID!) { batchJob(id: $id) {
  status parameters
  presetsUsed { presetId name version weight intensity position presetVersion { version promptTemplate } }
  images { finalPrompt prompt sourceImages }
} }"""
EXPORT = "query($id: ID!) { stylePresetExport(id: $id) }"
IMPORT = f"""mutation($doc: JSON!) {{
  stylePresetImport(document: $doc) {{ stylePreset {{ {PRESET_FIELDS} }} userErrors {{ field code message }} }}
}}"""
PREVIEW = """mutation($id: ID!) {
  stylePresetPreview(id: $id) { batchJob { id creditsReserved } stylePreset { id } userErrors { field code } }
}"""
ME = "{ me { credits } }"


async def create_preset(gql: GQL, caller: Caller, **fields: Any) -> dict[str, Any]:
    body = await gql(CREATE, {"input": {"name": "Noir", **fields}}, caller)
    payload: dict[str, Any] = body["data"]["stylePresetCreate"]
    assert payload["userErrors"] == [], payload
    preset: dict[str, Any] = payload["stylePreset"]
    return preset


async def built_in(gql: GQL, caller: Caller, name: str) -> dict[str, Any]:
    body = await gql(LIST, {"scope": "BUILT_IN", "first": 50, "search": name, "order": "NEWEST"}, caller)
    nodes = [edge["node"] for edge in body["data"]["stylePresets"]["edges"] if edge["node"]["name"] == name]
    assert len(nodes) == 1, body
    node: dict[str, Any] = nodes[0]
    return node


async def test_share_fork_mix_and_versions_as_the_issue_describes(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice", name="Alice"), make_caller("bob")
    noir = await create_preset(
        gql,
        alice,
        promptTemplate="{prompt}, film noir, high contrast",
        promptSuffix="film grain",
        tags=["Film", "noir", "film"],
        defaultIntensity=0.8,
    )
    assert (noir["version"], noir["visibility"], noir["tags"]) == (1, "PRIVATE", ["film", "noir"])
    assert noir["owner"] == {"displayName": "Alice"}

    shared = (await gql(SHARE, {"id": noir["id"], "v": "UNLISTED"}, alice))["data"]["stylePresetShare"]
    code = shared["stylePreset"]["shareCode"]
    assert len(code) >= 16

    # Bob reads it by code only, without its code; he forks it by code.
    assert (await gql(BY_ID, {"id": noir["id"]}, bob))["data"]["stylePreset"] is None
    seen = (await gql(BY_CODE, {"code": code}, bob))["data"]["stylePresetByShareCode"]
    assert (seen["name"], seen["shareCode"]) == ("Noir", None)
    fork = (await gql(FORK, {"code": code}, bob))["data"]["stylePresetFork"]["stylePreset"]
    assert (fork["visibility"], fork["version"], fork["promptTemplate"]) == (
        "PRIVATE",
        1,
        "{prompt}, film noir, high contrast",
    )
    watercolor = await built_in(gql, bob, "Watercolor")

    # Bob mixes his fork 70/30 with a built-in preset, his fork at intensity 0.3.
    project = await new_project(gql, bob)
    payload = await generate(
        gql,
        bob,
        projectId=project,
        mode="TEXT_TO_IMAGE",
        prompt="a harbor at dusk",
        size="1024x1024",
        presets=[
            {"presetId": watercolor["id"], "weight": 0.3},
            {"presetId": fork["id"], "weight": 0.7, "intensity": 0.3},
        ],
    )
    assert payload["userErrors"] == [], payload
    batch_id = payload["batchJob"]["id"]
    await wait_until_ended(app, batch_id)

    # Alice changes her preset: version 2. Bob's fork and Bob's batch keep what they used.
    updated = (await gql(UPDATE, {"id": noir["id"], "input": {"promptTemplate": "{prompt}, neo-noir"}}, alice))["data"][
        "stylePresetUpdate"
    ]["stylePreset"]
    assert updated["version"] == 2
    assert [v["version"] for v in updated["versions"]] == [2, 1]

    job = (await gql(BATCH, {"id": batch_id}, bob))["data"]["batchJob"]
    assert job["status"] == "SUCCEEDED"
    used = job["presetsUsed"]
    assert [(u["presetId"], u["name"], u["version"], u["weight"], u["intensity"], u["position"]) for u in used] == [
        (fork["id"], "Noir", 1, 0.7, 0.3, 0),
        (watercolor["id"], "Watercolor", 1, 0.3, 0.8, 1),  # the built-in's own intensity
    ]
    assert used[0]["presetVersion"]["promptTemplate"] == "{prompt}, film noir, high contrast"
    assert job["parameters"]["presets"] == [
        {"presetId": fork["id"], "version": 1, "weight": 0.7, "intensity": 0.3},
        {"presetId": watercolor["id"], "version": 1, "weight": 0.3, "intensity": 0.8},
    ]
    # Lead at 0.3: a subtle touch; Watercolor at 0.8 * 0.3 / 0.7 = 0.34: blended (balanced, no suffix).
    final = job["images"][0]["finalPrompt"]
    assert final.startswith("a harbor at dusk, with a subtle touch of film noir, high contrast, blended with ")
    assert job["images"][0]["prompt"] == "a harbor at dusk"

    # Statistics: Bob's use counts for his fork, not for Alice's preset.
    fork_now = (await gql(BY_ID, {"id": fork["id"]}, bob))["data"]["stylePreset"]
    assert fork_now["stats"]["uses"] == 1
    assert fork_now["stats"]["imagesDelivered"] == 1
    assert fork_now["stats"]["successRate"] == 1.0
    assert fork_now["stats"]["medianProcessingMs"] is not None
    alice_now = (await gql(BY_ID, {"id": noir["id"]}, alice))["data"]["stylePreset"]
    assert alice_now["stats"]["uses"] == 0
    # The forker made it with the share code: the UNLISTED origin shows as long as it stays shared (issue 23).
    assert fork_now["forkedFrom"] == {"id": noir["id"]}
    await assert_ledger_consistent(bob.subject)


async def test_a_batch_can_use_an_earlier_version(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    preset = await create_preset(gql, alice, promptTemplate="{prompt}, version one", defaultIntensity=0.5)
    await gql(UPDATE, {"id": preset["id"], "input": {"promptTemplate": "{prompt}, version two"}}, alice)
    project = await new_project(gql, alice)
    payload = await generate(
        gql,
        alice,
        projectId=project,
        prompt="a cat",
        size="1024x1024",
        presets=[{"presetId": preset["id"], "version": 1}],
    )
    await wait_until_ended(app, payload["batchJob"]["id"])
    job = (await gql(BATCH, {"id": payload["batchJob"]["id"]}, alice))["data"]["batchJob"]
    assert job["presetsUsed"][0]["version"] == 1
    assert job["images"][0]["finalPrompt"] == "a cat, version one"
    missing = await generate(
        gql, alice, projectId=project, prompt="a cat", presets=[{"presetId": preset["id"], "version": 7}]
    )
    assert missing["userErrors"][0]["field"] == ["input", "presets", "0", "version"]


async def test_an_update_that_changes_nothing_makes_no_version(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    preset = await create_preset(gql, alice, description="same")
    again = (await gql(UPDATE, {"id": preset["id"], "input": {"description": "same"}}, alice))["data"]
    assert again["stylePresetUpdate"]["stylePreset"]["version"] == 1
    cleared = (
        await gql(
            UPDATE, {"id": preset["id"], "input": {"defaultAspectRatio": "16:9", "defaultResolution": "K1"}}, alice
        )
    )["data"]["stylePresetUpdate"]["stylePreset"]
    assert (cleared["version"], cleared["defaultAspectRatio"]) == (2, "16:9")
    reset = (await gql(UPDATE, {"id": preset["id"], "input": {"defaultAspectRatio": None}}, alice))["data"]
    assert reset["stylePresetUpdate"]["stylePreset"]["defaultAspectRatio"] is None


async def test_the_lead_presets_defaults_fill_what_the_request_leaves_out(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    preset = await create_preset(
        gql, alice, defaultMode="SEQUENTIAL", maxImages=2, defaultAspectRatio="16:9", defaultResolution="K1"
    )
    project = await new_project(gql, alice)
    payload = await generate(gql, alice, projectId=project, prompt="seasons", presets=[{"presetId": preset["id"]}])
    assert payload["userErrors"] == [], payload
    assert payload["batchJob"]["totalImages"] == 2
    await wait_until_ended(app, payload["batchJob"]["id"])
    job = (await gql(BATCH, {"id": payload["batchJob"]["id"]}, alice))["data"]["batchJob"]
    width, height = (int(side) for side in job["parameters"]["size"].split("x"))
    assert width > height  # 16:9 at 1K


async def test_intensity_decides_how_many_style_references_an_edit_sends(
    app: Starlette, client: httpx.AsyncClient, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    refs = [await upload(client, alice, (40 * n, 20, 200)) for n in range(4)]
    preset = await create_preset(gql, alice, referenceImages=refs, defaultIntensity=0.5)
    assert [r["id"] for r in preset["referenceImages"]] == refs
    own = await upload(client, alice, (0, 200, 0))
    project = await new_project(gql, alice)
    for intensity, expected in ((0.5, 2), (1.0, 4), (0.0, 0)):
        payload = await generate(
            gql,
            alice,
            projectId=project,
            mode="EDIT",
            prompt="make it night",
            size="1024x1024",
            references=[{"uploadId": own}],
            presets=[{"presetId": preset["id"], "intensity": intensity}],
        )
        assert payload["userErrors"] == [], payload
        await wait_until_ended(app, payload["batchJob"]["id"])
        job = (await gql(BATCH, {"id": payload["batchJob"]["id"]}, alice))["data"]["batchJob"]
        assert job["parameters"]["references"] == [own, *refs[:expected]]
        assert len(job["images"][0]["sourceImages"]) == 1 + expected
        assert job["status"] == "SUCCEEDED"


async def test_export_then_import_round_trips_a_preset_exactly(
    client: httpx.AsyncClient, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    ref = await upload(client, alice)
    preset = await create_preset(
        gql,
        alice,
        description="moody",
        tags=["film"],
        promptTemplate="noir still of {prompt}, rain",
        promptSuffix="grain",
        defaultMode="EDIT",
        defaultAspectRatio="3:2",
        defaultResolution="K2",
        maxImages=3,
        referenceImages=[ref],
        defaultIntensity=0.6,
    )
    document = (await gql(EXPORT, {"id": preset["id"]}, alice))["data"]["stylePresetExport"]
    assert (document["format"], document["formatVersion"]) == ("preset-playground.style-preset", 2)
    imported = (await gql(IMPORT, {"doc": document}, alice))["data"]["stylePresetImport"]
    assert imported["userErrors"] == []
    copy = imported["stylePreset"]
    assert copy["id"] != preset["id"]
    again = (await gql(EXPORT, {"id": copy["id"]}, alice))["data"]["stylePresetExport"]
    assert again["preset"] == document["preset"]


async def test_a_malformed_document_reports_each_field_and_creates_nothing(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    count = "query { stylePresets(scope: MINE, first: 1) { totalCount } }"
    before = (await gql(count, caller=alice))["data"]["stylePresets"]["totalCount"]
    document = {
        "format": "preset-playground.style-preset",
        "formatVersion": 1,
        "preset": {
            "name": "",
            "promptTemplate": "{prompt} and {prompt}",
            "defaultIntensity": "high",
            "maxImages": 99,
            "colour": "red",
        },
    }
    errors = (await gql(IMPORT, {"doc": document}, alice))["data"]["stylePresetImport"]["userErrors"]
    assert sorted(tuple(e["field"]) for e in errors) == sorted(
        ("document", "preset", name) for name in ("colour", "defaultIntensity", "name", "promptTemplate", "maxImages")
    ), errors
    assert {e["code"] for e in errors} == {"INVALID"}
    wrong_format = (await gql(IMPORT, {"doc": {"format": "x", "preset": {"name": "a"}}}, alice))["data"]
    assert {tuple(e["field"]) for e in wrong_format["stylePresetImport"]["userErrors"]} == {
        ("document", "format"),
        ("document", "formatVersion"),
    }
    not_an_object = (await gql(IMPORT, {"doc": [1, 2]}, alice))["data"]["stylePresetImport"]["userErrors"]
    assert not_an_object[0]["field"] == ["document"]
    assert (await gql(count, caller=alice))["data"]["stylePresets"]["totalCount"] == before


async def test_a_preview_is_one_charged_image_that_becomes_the_preview(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    preset = await create_preset(gql, alice, defaultAspectRatio="1:1", defaultResolution="K1")
    before = (await gql(ME, caller=alice))["data"]["me"]["credits"]
    payload = (await gql(PREVIEW, {"id": preset["id"]}, alice))["data"]["stylePresetPreview"]
    assert payload["userErrors"] == []
    await wait_until_ended(app, payload["batchJob"]["id"])
    after = (await gql(ME, caller=alice))["data"]["me"]["credits"]
    assert before - after == payload["batchJob"]["creditsReserved"] > 0
    shown = (await gql(BY_ID, {"id": preset["id"]}, alice))["data"]["stylePreset"]
    assert shown["preview"]["url"].startswith("/media/")
    assert shown["stats"]["uses"] == 1


async def test_most_used_orders_public_presets_by_real_use(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    tag = f"t{id(alice)}"
    rare = await create_preset(gql, alice, name="Rare", tags=[tag])
    popular = await create_preset(gql, alice, name="Popular", tags=[tag])
    for preset in (rare, popular):
        await gql(SHARE, {"id": preset["id"], "v": "PUBLIC"}, alice)
    project = await new_project(gql, bob)
    for _ in range(2):
        payload = await generate(
            gql, bob, projectId=project, prompt="x", size="1024x1024", presets=[{"presetId": popular["id"]}]
        )
        await wait_until_ended(app, payload["batchJob"]["id"])
    listed = await gql(LIST, {"scope": "PUBLIC", "first": 10, "tags": [tag], "order": "MOST_USED"}, bob)
    names = [edge["node"]["name"] for edge in listed["data"]["stylePresets"]["edges"]]
    assert names == ["Popular", "Rare"]
    second = await gql(
        """query($tags: [String!], $after: String) { stylePresets(scope: PUBLIC, tags: $tags, orderBy: MOST_USED,
           first: 1, after: $after) { edges { node { name } } } }""",
        {"tags": [tag], "after": listed["data"]["stylePresets"]["pageInfo"]["endCursor"]},
        bob,
    )
    assert second["data"]["stylePresets"]["edges"] == []
    first_only = await gql(LIST, {"scope": "PUBLIC", "first": 1, "tags": [tag], "order": "MOST_USED"}, bob)
    cursor = first_only["data"]["stylePresets"]["pageInfo"]["endCursor"]
    rest = await gql(
        """query($tags: [String!], $after: String) { stylePresets(scope: PUBLIC, tags: $tags, orderBy: MOST_USED,
           first: 5, after: $after) { edges { node { name } } } }""",
        {"tags": [tag], "after": cursor},
        bob,
    )
    assert [e["node"]["name"] for e in rest["data"]["stylePresets"]["edges"]] == ["Rare"]


async def test_a_page_of_presets_runs_the_same_statements_for_10_or_50(
    app: Starlette, client: httpx.AsyncClient, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    ref = await upload(client, alice)
    for n in range(47):
        await create_preset(gql, alice, name=f"P{n}", tags=["bulk"], referenceImages=[ref])
    # The newest presets (first on every page) have a preview, a fork origin and references.
    origin = await create_preset(gql, alice, name="Origin", referenceImages=[ref])
    preview = (await gql(PREVIEW, {"id": origin["id"]}, alice))["data"]["stylePresetPreview"]
    await wait_until_ended(app, preview["batchJob"]["id"])
    fork = (await gql(FORK, {"id": origin["id"]}, alice))["data"]["stylePresetFork"]["stylePreset"]
    assert fork["forkedFrom"] == {"id": origin["id"]}

    async def run(size: int) -> list[str]:
        with sql_statements() as statements:
            body = await gql(PAGE, {"first": size}, alice)
        nodes = [edge["node"] for edge in body["data"]["stylePresets"]["edges"]]
        assert len(nodes) == size
        assert any(node["preview"] for node in nodes)
        assert any(node["forkedFrom"] for node in nodes)
        return statements

    small, large = await run(10), await run(49)
    # The page, then one statement per relation: versions, owners, previews, fork origins, references, and the two
    # statistics statements. Never one per preset. (The caller comes from the per-token user cache.)
    assert len(small) == len(large) == 8, "\n".join(large)


async def test_a_format_version_that_is_not_the_integer_1_is_refused_with_its_reason(
    gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    count = "query { stylePresets(scope: MINE, first: 1) { totalCount } }"
    before = (await gql(count, caller=alice))["data"]["stylePresets"]["totalCount"]
    query = """mutation($doc: JSON!) {
      stylePresetImport(document: $doc) { stylePreset { id } userErrors { field code reason } }
    }"""
    for version in (True, 1.0, "1", None, 3):
        document = {"format": "preset-playground.style-preset", "formatVersion": version, "preset": {"name": "x"}}
        payload = (await gql(query, {"doc": document}, alice))["data"]["stylePresetImport"]
        assert payload["stylePreset"] is None, version
        assert payload["userErrors"] == [
            {"field": ["document", "formatVersion"], "code": "INVALID", "reason": "UNSUPPORTED_FORMAT_VERSION"}
        ], version
    assert (await gql(count, caller=alice))["data"]["stylePresets"]["totalCount"] == before


async def test_user_errors_carry_the_services_reason(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    query = (
        "mutation($input: StylePresetInput!) { stylePresetCreate(input: $input) { userErrors { field code reason } } }"
    )
    too_long = (await gql(query, {"input": {"name": "n" * 500}}, alice))["data"]["stylePresetCreate"]["userErrors"]
    assert too_long == [{"field": ["input", "name"], "code": "INVALID", "reason": "TOO_LONG"}]
    control = (await gql(query, {"input": {"name": "a\x07b"}}, alice))["data"]["stylePresetCreate"]["userErrors"]
    assert control == [{"field": ["input", "name"], "code": "INVALID", "reason": "CONTROL_CHARACTER"}]
    missing = "mutation($id: ID!) { stylePresetDelete(id: $id) { userErrors { code reason } } }"
    body = await gql(missing, {"id": "00000000-0000-0000-0000-000000000000"}, alice)
    assert body["data"]["stylePresetDelete"]["userErrors"] == [{"code": "NOT_FOUND", "reason": "NOT_FOUND"}]
