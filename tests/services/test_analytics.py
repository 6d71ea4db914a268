"""Usage analytics: every provider call leaves rows that say what it delivered, what failed and why."""

from __future__ import annotations

from starlette.applications import Starlette

from models import ErrorCategory, UsageEvent
from tests.conftest import GQL, MakeCaller
from tests.generation_support import generate, new_project, wait_until_ended


async def test_a_partial_set_records_its_delivered_and_failed_images(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    payload = await generate(
        gql, alice, projectId=project, mode="SEQUENTIAL", prompt="four seasons [[partial:2]]", maxImages=4
    )
    batch_id = payload["batchJob"]["id"]
    await wait_until_ended(app, batch_id)

    rows = await UsageEvent.filter(batch_job_id=batch_id).order_by("-succeeded")
    assert [(r.succeeded, r.images) for r in rows] == [(True, 2), (False, 2)]
    delivered, failed = rows
    assert delivered.credits == 2 * payload["batchJob"]["creditsReserved"] // 4
    assert failed.credits == 0
    assert failed.error_category is not None
    assert failed.error_category is not ErrorCategory.INTERNAL
    assert {str(r.project_id) for r in rows} == {project}
    assert {r.mode.value for r in rows} == {"SEQUENTIAL"}
