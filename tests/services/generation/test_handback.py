"""A batch whose run stops before it ends (its worker stops, or its job is swept) waits for a worker again and says
so, instead of showing RUNNING with frozen progress until another worker takes it.

In process: the embedded queue's abort cancels the runner as a stopping SAQ worker does (the handler sees the same
CancelledError), with no cancel asked for. The process-level path (a worker SIGTERMed with SHUTDOWN_GRACE_SECONDS=0)
runs the same runner code.
"""

from __future__ import annotations

import uuid

from starlette.applications import Starlette

from models import BatchJob, BatchStatus
from services.generation.tasks import RUN_BATCH
from services.progress.channels import batch_channel
from tests.conftest import GQL, MakeCaller
from tests.distributed_support import poll
from tests.generation_support import generate, new_project, wait_until_ended
from tests.services.infra.bus_support import next_event

CANCEL = "mutation($id: ID!) { batchJobCancel(id: $id) { batchJob { status } userErrors { code } } }"


async def test_a_batch_handed_back_mid_run_shows_as_waiting_again(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    # The simulator holds this call for 30 s: the batch is mid-run when its job is stopped.
    payload = await generate(gql, alice, projectId=project, prompt="a slow lighthouse [[delay:30]]", size="1024x1024")
    batch_id = uuid.UUID(payload["batchJob"]["id"])
    services = app.state.services

    async def running() -> bool:
        return await BatchJob.filter(id=batch_id, status=BatchStatus.RUNNING).exists()

    await poll(running, within=15, what="the batch to start")
    try:
        async with services.bus.subscribe(batch_channel(batch_id)) as events:
            await services.outbox.abort(RUN_BATCH, batch_id)  # the job stops; nobody cancelled the batch
            event = await next_event(events)
            while event["status"] == "RUNNING":  # what the run committed before it stopped may come first
                event = await next_event(events)
        assert event["status"] == "QUEUED", event
        assert event["batch_job_id"] == str(batch_id), event
        stored = await BatchJob.get(id=batch_id)
        assert stored.status is BatchStatus.QUEUED
        assert stored.event_seq == event["seq"]
    finally:
        cancelled = await gql(CANCEL, {"id": str(batch_id)}, alice)
        assert cancelled["data"]["batchJobCancel"]["batchJob"]["status"] == "CANCELLED", cancelled
        await wait_until_ended(app, str(batch_id))


async def test_a_cancelled_batch_is_not_handed_back(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    payload = await generate(gql, alice, projectId=project, prompt="a slow harbour [[delay:30]]", size="1024x1024")
    batch_id = uuid.UUID(payload["batchJob"]["id"])

    async def running() -> bool:
        return await BatchJob.filter(id=batch_id, status=BatchStatus.RUNNING).exists()

    await poll(running, within=15, what="the batch to start")
    cancelled = await gql(CANCEL, {"id": str(batch_id)}, alice)
    assert cancelled["data"]["batchJobCancel"]["batchJob"]["status"] == "CANCELLED", cancelled
    stored = await BatchJob.get(id=batch_id)
    assert stored.status is BatchStatus.CANCELLED  # the runner's stop did not put it back in the queue
