"""Usage analytics rows: one IMAGE row per settled image (with its credits), one CALL row per provider call."""

from __future__ import annotations

from starlette.applications import Starlette

from models import ErrorCategory, UsageEvent, UsageKind, UsageOutcome
from tests.conftest import GQL, MakeCaller
from tests.generation_support import generate, new_project, wait_until_ended


async def test_a_partial_set_records_its_images_and_its_call(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    payload = await generate(
        gql, alice, projectId=project, mode="SEQUENTIAL", prompt="four seasons [[partial:2]]", maxImages=4
    )
    batch_id = payload["batchJob"]["id"]
    price = payload["batchJob"]["creditsReserved"] // 4
    await wait_until_ended(app, batch_id)

    images = await UsageEvent.filter(batch_job_id=batch_id, kind=UsageKind.IMAGE).order_by("-images_delivered")
    assert [(r.outcome, r.images_requested, r.images_delivered) for r in images] == [
        (UsageOutcome.SUCCEEDED, 1, 1),
        (UsageOutcome.SUCCEEDED, 1, 1),
        (UsageOutcome.FAILED, 1, 0),
        (UsageOutcome.FAILED, 1, 0),
    ]
    assert [(r.credits_captured, r.credits_refunded) for r in images] == [(price, 0)] * 2 + [(0, price)] * 2
    failed = images[2:]
    assert all(r.error_category is not None and r.error_category is not ErrorCategory.INTERNAL for r in failed)
    assert all(r.processing_time_ms is not None for r in images[:2])
    assert {str(r.project_id) for r in images} == {project}
    assert {r.mode.value for r in images} == {"SEQUENTIAL"}
    assert {r.provider for r in images} == {"simulator"}

    calls = await UsageEvent.filter(batch_job_id=batch_id, kind=UsageKind.CALL)
    assert [(c.outcome, c.images_requested, c.images_delivered) for c in calls] == [(UsageOutcome.PARTIAL, 4, 2)]
    assert calls[0].credits_captured == calls[0].credits_refunded == 0
    assert calls[0].processing_time_ms is not None


async def test_a_retried_call_leaves_a_retried_row_then_the_successful_one(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    bob = make_caller("bob")
    project = await new_project(gql, bob)
    payload = await generate(gql, bob, projectId=project, mode="TEXT_TO_IMAGE", prompt="a kite [[fail:500:once]]")
    await wait_until_ended(app, payload["batchJob"]["id"])

    calls = await UsageEvent.filter(batch_job_id=payload["batchJob"]["id"], kind=UsageKind.CALL).order_by("created_at")
    assert [(c.outcome, c.error_category) for c in calls] == [
        (UsageOutcome.RETRIED, ErrorCategory.TRANSIENT),
        (UsageOutcome.SUCCEEDED, None),
    ]
