"""Remix: an image's exact parameters, shaped like GenerateInput; submitted unchanged they make the same batch."""

from __future__ import annotations

import io
from typing import Any

import httpx
from PIL import Image
from starlette.applications import Starlette

from models import BatchItem, BatchJob, ImageEdit, User
from services.generation.references import store_upload
from tests.conftest import GQL, MakeCaller
from tests.generation_support import generate, new_project, upload, wait_until_ended

REMIX = """
query($id: ID!) {
  imageEdit(id: $id) {
    remix {
      projectId mode prompt maxImages size seed references { uploadId } presets { presetId version weight intensity }
    }
  }
}"""


def call_of(batch: BatchJob, items: list[BatchItem]) -> dict[str, Any]:
    """What a batch asks of the provider: everything but ids, times and outcomes."""
    parameters = {k: v for k, v in batch.parameters.items()}
    return {
        "project": batch.project_id,
        "mode": batch.mode,
        "prompts": batch.prompts,
        "size": (batch.width, batch.height, batch.size_tier),
        "total": batch.total_images,
        "reserved": batch.credits_reserved,
        "preset": batch.style_preset_id,
        "parameters": parameters,
        "items": [(i.prompt, i.max_images, i.seed) for i in items],
    }


async def remix_and_resubmit(app: Starlette, gql: GQL, caller: Any, image_id: str) -> tuple[dict[str, Any], str]:
    body = await gql(REMIX, {"id": image_id}, caller)
    assert "errors" not in body, body
    remix: dict[str, Any] = body["data"]["imageEdit"]["remix"]
    payload = await generate(gql, caller, **remix)
    assert payload["userErrors"] == [], payload
    await wait_until_ended(app, payload["batchJob"]["id"])
    return remix, payload["batchJob"]["id"]


async def test_remix_of_a_delivered_image_submitted_unchanged_makes_an_identical_batch(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    original = (
        await generate(
            gql, alice, projectId=project, mode="TEXT_TO_IMAGE", prompt="a red kite", size="1536x1024", seed=42, count=2
        )
    )["batchJob"]
    await wait_until_ended(app, original["id"])
    second = await ImageEdit.get(batch_job_id=original["id"], batch_index=1)

    remix, again = await remix_and_resubmit(app, gql, alice, str(second.id))
    assert remix == {
        "projectId": project,
        "mode": "TEXT_TO_IMAGE",
        "prompt": "a red kite",
        "maxImages": None,
        "size": "1536x1024",
        "seed": 43,  # the second variation's own seed
        "references": [],
        "presets": [],
    }
    made = await BatchJob.get(id=again)
    items = await BatchItem.filter(batch_job_id=again)
    source_item = await BatchItem.get(id=second.item_id)
    assert call_of(made, items) == {
        **call_of(await BatchJob.get(id=original["id"]), [source_item]),
        "total": 1,
        "reserved": made.credits_reserved,
    }
    assert made.credits_reserved == second.credits


async def test_remix_of_an_edit_set_keeps_references_and_set_size(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    await gql("{ me { id } }", caller=alice)
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(buffer, format="PNG")
    reference = await store_upload(await User.get(subject=alice.subject), buffer.getvalue(), app.state.services.storage)
    project = await new_project(gql, alice)
    original = (
        await generate(
            gql,
            alice,
            projectId=project,
            mode="EDIT_SEQUENTIAL",
            prompt="the same cat in four seasons",
            maxImages=3,
            seed=7,
            references=[{"uploadId": str(reference.id)}],
        )
    )["batchJob"]
    await wait_until_ended(app, original["id"])
    image = await ImageEdit.get(batch_job_id=original["id"], batch_index=2)

    remix, again = await remix_and_resubmit(app, gql, alice, str(image.id))
    assert (remix["maxImages"], remix["seed"], remix["references"]) == (3, 7, [{"uploadId": str(reference.id)}])
    original_batch = await BatchJob.get(id=original["id"])
    original_items = await BatchItem.filter(batch_job_id=original["id"])
    made = await BatchJob.get(id=again)
    assert call_of(made, await BatchItem.filter(batch_job_id=again)) == call_of(original_batch, original_items)
    assert (await gql(REMIX, {"id": str(image.id)}, bob))["data"]["imageEdit"] is None


async def test_remix_with_mixed_presets_and_style_references_makes_an_identical_batch(
    app: Starlette, client: httpx.AsyncClient, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    style = await upload(client, alice, (10, 10, 200))
    own = await upload(client, alice, (200, 10, 10))
    created = await gql(
        """mutation($input: StylePresetInput!) { stylePresetCreate(input: $input) { stylePreset { id } } }""",
        {"input": {"name": "Ink", "promptTemplate": "{prompt}, ink wash", "referenceImages": [style]}},
        alice,
    )
    ink = created["data"]["stylePresetCreate"]["stylePreset"]["id"]
    listed = await gql('{ stylePresets(scope: BUILT_IN, search: "Anime") { edges { node { id } } } }', caller=alice)
    anime = listed["data"]["stylePresets"]["edges"][0]["node"]["id"]
    project = await new_project(gql, alice)
    original = (
        await generate(
            gql,
            alice,
            projectId=project,
            mode="EDIT",
            prompt="a heron",
            size="1024x1024",
            references=[{"uploadId": own}],
            presets=[{"presetId": ink, "weight": 2, "intensity": 1.0}, {"presetId": anime, "intensity": 0.6}],
        )
    )["batchJob"]
    await wait_until_ended(app, original["id"])
    image = await ImageEdit.get(batch_job_id=original["id"])

    remix, again = await remix_and_resubmit(app, gql, alice, str(image.id))
    assert remix["references"] == [{"uploadId": own}]
    assert [p["presetId"] for p in remix["presets"]] == [ink, anime]
    before, after = await BatchJob.get(id=original["id"]), await BatchJob.get(id=again)
    assert after.parameters["references"] == [own, style]  # the preset's reference is sent once, by the preset
    assert call_of(after, await BatchItem.filter(batch_job_id=again)) == call_of(
        before, await BatchItem.filter(batch_job_id=original["id"])
    )


ORIGIN = "query($id: ID!) { batchJob(id: $id) { remixedFrom { imageEditId galleryItemId author } } }"
PRESET_CREATE = "mutation($input: StylePresetInput!) { stylePresetCreate(input: $input) { stylePreset { id } } }"
PRESET_UPDATE = """mutation($id: ID!, $input: StylePresetUpdateInput!) {
  stylePresetUpdate(id: $id, input: $input) { stylePreset { version } userErrors { code } }
}"""
PRESET_DELETE = "mutation($id: ID!) { stylePresetDelete(id: $id) { userErrors { code } } }"
PUBLIC_REMIX = """query { publicGallery(first: 100) { edges { node { id remix {
  mode prompt maxImages size seed presets { presetId version } referencesLeftOut presetsLeftOut
} } } } }"""


async def origin_of(gql: GQL, caller: Any, batch_id: str) -> Any:
    body = await gql(ORIGIN, {"id": batch_id}, caller)
    assert "errors" not in body, body
    return body["data"]["batchJob"]["remixedFrom"]


async def test_a_remix_records_its_image_and_survives_the_preset_being_deleted(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    created = await gql(PRESET_CREATE, {"input": {"name": "Chalk", "promptTemplate": "{prompt}, in chalk"}}, alice)
    chalk = created["data"]["stylePresetCreate"]["stylePreset"]["id"]
    project = await new_project(gql, alice)
    original = (
        await generate(
            gql, alice, projectId=project, mode="TEXT_TO_IMAGE", prompt="a fox", presets=[{"presetId": chalk}]
        )
    )["batchJob"]
    await wait_until_ended(app, original["id"])
    image = await ImageEdit.get(batch_job_id=original["id"])
    assert await origin_of(gql, alice, original["id"]) is None

    # The preset moves on to version 2, then is deleted.
    changed = await gql(PRESET_UPDATE, {"id": chalk, "input": {"promptTemplate": "{prompt}, in oil"}}, alice)
    assert changed["data"]["stylePresetUpdate"]["stylePreset"]["version"] == 2
    assert (await gql(PRESET_DELETE, {"id": chalk}, alice))["data"]["stylePresetDelete"]["userErrors"] == []

    remix = (await gql(REMIX, {"id": str(image.id)}, alice))["data"]["imageEdit"]["remix"]
    assert remix["presets"] == [{"presetId": chalk, "version": 1, "weight": 1.0, "intensity": 0.75}]
    # Without naming the image, the deleted preset is gone; naming another version is refused too.
    refused = await generate(gql, alice, **remix)
    assert [e["code"] for e in refused["userErrors"]] == ["NOT_FOUND"]
    other_version = {**remix, "presets": [{"presetId": chalk, "version": 2}], "remixOfImageId": str(image.id)}
    assert [e["code"] for e in (await generate(gql, alice, **other_version))["userErrors"]] == ["NOT_FOUND"]
    batches = await BatchJob.filter(owner_id=image.owner_id).count()

    payload = await generate(gql, alice, **remix, remixOfImageId=str(image.id))
    assert payload["userErrors"] == []
    await wait_until_ended(app, payload["batchJob"]["id"])
    made = await BatchJob.get(id=payload["batchJob"]["id"])
    assert made.parameters["presets"][0]["version"] == 1
    first_item = await BatchItem.filter(batch_job_id=made.id).first()
    assert first_item is not None
    assert first_item.prompt == "a fox, in chalk"
    assert await origin_of(gql, alice, str(made.id)) == {
        "imageEditId": str(image.id),
        "galleryItemId": None,
        "author": None,
    }
    assert await BatchJob.filter(owner_id=image.owner_id).count() == batches + 1  # the refusals wrote nothing
    # Another user cannot name Alice's image.
    bob = make_caller("bob")
    bob_project = await new_project(gql, bob)
    stolen = await generate(gql, bob, projectId=bob_project, prompt="x", remixOfImageId=str(image.id))
    assert [e["code"] for e in stolen["userErrors"]] == ["NOT_FOUND"]


async def test_remixing_another_users_public_image_reuses_only_what_the_remixer_may_read(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    from tests.resolvers.test_gallery import add
    from tests.resolvers.test_gallery_people import PUBLISH

    alice, bob = make_caller("alice", name="Alice Remix"), make_caller("bob")
    created = await gql(PRESET_CREATE, {"input": {"name": "Secret sauce", "promptTemplate": "{prompt}, secret"}}, alice)
    secret = created["data"]["stylePresetCreate"]["stylePreset"]["id"]
    listed = await gql('{ stylePresets(scope: BUILT_IN, search: "Anime") { edges { node { id } } } }', caller=alice)
    anime = listed["data"]["stylePresets"]["edges"][0]["node"]["id"]
    project = await new_project(gql, alice)
    original = (
        await generate(
            gql,
            alice,
            projectId=project,
            mode="TEXT_TO_IMAGE",
            prompt="a lantern",
            size="1024x1024",
            seed=9,
            presets=[{"presetId": secret}, {"presetId": anime, "intensity": 0.5}],
        )
    )["batchJob"]
    await wait_until_ended(app, original["id"])
    image = await ImageEdit.get(batch_job_id=original["id"])
    item = (await add(gql, alice, str(image.id)))["galleryItem"]["id"]

    # Private: Bob cannot remix it by its item id.
    bob_project = await new_project(gql, bob)
    early = await generate(gql, bob, projectId=bob_project, prompt="x", remixOfGalleryItemId=item)
    assert [e["code"] for e in early["userErrors"]] == ["NOT_FOUND"]
    assert (await gql(PUBLISH, {"id": item}, alice))["data"]["galleryUpdate"]["userErrors"] == []

    feed = (await gql(PUBLIC_REMIX, caller=bob))["data"]["publicGallery"]["edges"]
    remix = next(edge["node"]["remix"] for edge in feed if edge["node"]["id"] == item)
    assert remix == {
        "mode": "TEXT_TO_IMAGE",
        "prompt": "a lantern",
        "maxImages": None,
        "size": "1024x1024",
        "seed": 9,
        "presets": [{"presetId": anime, "version": 1}],  # Alice's private preset is left out
        "referencesLeftOut": 0,
        "presetsLeftOut": 1,
    }
    # Naming Alice's private preset does not work, even when remixing her image.
    sneaky = await generate(
        gql, bob, projectId=bob_project, prompt="a lantern", presets=[{"presetId": secret}], remixOfGalleryItemId=item
    )
    assert [e["code"] for e in sneaky["userErrors"]] == ["NOT_FOUND"]

    fields = {k: v for k, v in remix.items() if k not in ("referencesLeftOut", "presetsLeftOut")}
    payload = await generate(gql, bob, projectId=bob_project, **fields, remixOfGalleryItemId=item)
    assert payload["userErrors"] == []
    await wait_until_ended(app, payload["batchJob"]["id"])
    assert await origin_of(gql, bob, payload["batchJob"]["id"]) == {
        "imageEditId": str(image.id),
        "galleryItemId": item,
        "author": "Alice Remix",
    }
    # The lineage stays when Alice makes the item private again.
    await gql(
        "mutation($id: ID!) { galleryUpdate(id: $id, input: {visibility: PRIVATE}) { userErrors { code } } }",
        {"id": item},
        alice,
    )
    assert (await origin_of(gql, bob, payload["batchJob"]["id"]))["author"] == "Alice Remix"
