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
