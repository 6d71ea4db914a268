"""The reconciler: an open batch nobody works on (no live job, no lease) is handed back once, whatever the number of
processes reconciling, or ended with a refund after too many hand-backs; a batch with a live lease or a live job is
left alone."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import httpx
from prometheus_client import REGISTRY
from starlette.applications import Starlette

from models import BatchJob, BatchStatus, EditStatus, GenerationMode, ImageEdit, User
from models.jobs import JobOutbox
from services.generation import lease
from services.generation.plan import SubmitRequest
from services.generation.reconciler import Reconciler
from services.generation.submit import submit
from services.generation.tasks import RUN_BATCH
from services.infra.jobs import JobKind
from tests.conftest import GQL, MakeCaller
from tests.distributed_support import poll
from tests.generation_support import assert_ledger_consistent, new_project, wait_until_ended
from tests.log_capture import captured_json_logs, lines
from tests.services.generation.test_reconcile import DeadQueue


class LiveQueue(DeadQueue):
    """A queue that says every job is running."""

    async def status(self, kind: JobKind, key: uuid.UUID) -> str | None:
        return "active"


async def _stranded(app: Starlette, gql: GQL, make_caller: MakeCaller, images: int = 3) -> tuple[str, uuid.UUID]:
    """A RUNNING batch whose job was lost (accepted by a queue that died), older than the new-batch grace."""
    caller = make_caller("stranded")
    project = await new_project(gql, caller)
    runtime = app.state.services
    user = await User.get(subject=caller.subject)
    submitted = await submit(
        user,
        SubmitRequest(
            project_id=project, mode=GenerationMode.SEQUENTIAL, prompt="strand me", max_images=images, size="1024x1024"
        ),
        settings=runtime.settings,
        storage=runtime.storage,
        http=runtime.http,
        queue=DeadQueue(),
        publisher=runtime.publisher,
    )
    batch_id = submitted.batch.id
    await JobOutbox.filter(key=batch_id).delete()  # handed over to the queue, which then lost it
    await BatchJob.filter(id=batch_id).update(
        status=BatchStatus.RUNNING, created_at=datetime.now(UTC) - timedelta(minutes=1)
    )
    return caller.subject, batch_id


def _acted(action: str) -> float:
    """``playground_reconciler_batches_total{action}`` so far."""
    return REGISTRY.get_sample_value("playground_reconciler_batches_total", {"action": action}) or 0.0


def _reconciler(app: Starlette, queue: DeadQueue, *, max_handbacks: int = 3) -> Reconciler:
    return Reconciler(queue, app.state.services.publisher, interval_s=60, lease_s=30, max_handbacks=max_handbacks)


async def test_a_stranded_batch_is_handed_back_once_by_several_reconcilers(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    _, batch_id = await _stranded(app, gql, make_caller)
    queues = [DeadQueue() for _ in range(3)]
    reconcilers = [_reconciler(app, queue) for queue in queues]
    handed_back = _acted("handed_back")
    with captured_json_logs() as logs:
        await asyncio.gather(*(r.reconcile_once() for r in reconcilers))
    assert sum(q.enqueued.count(batch_id) for q in queues) == 1
    # One metric and one log line for the batch handed back, from whichever process did it.
    assert _acted("handed_back") == handed_back + 1
    told = [r for r in lines(logs) if str(batch_id) in r["event"]]
    assert [r["event"].startswith("reconciler: batch") and "handed back" in r["event"] for r in told] == [True], told
    batch = await BatchJob.get(id=batch_id)
    assert batch.handbacks == 1
    assert batch.lease_owner is not None
    assert batch.lease_owner.startswith(lease.HANDBACK_PREFIX)
    assert sum(r.state.handed_back for r in reconcilers) == 1
    # The hand-back's lease is live: the next passes leave the batch to the job just queued.
    await asyncio.gather(*(r.reconcile_once() for r in reconcilers))
    assert sum(len(q.enqueued) for q in queues) == 1


async def test_a_batch_with_a_live_lease_or_a_live_job_is_left_alone(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    _, batch_id = await _stranded(app, gql, make_caller)
    live = LiveQueue()
    await _reconciler(app, live).reconcile_once()
    assert live.enqueued == []
    assert await lease.acquire(batch_id, "run:someone", 30)
    dead = DeadQueue()
    await _reconciler(app, dead).reconcile_once()
    assert dead.enqueued == []
    # A second runner cannot take the lease while the first holds it.
    assert not await lease.acquire(batch_id, "run:another", 30)
    batch = await BatchJob.get(id=batch_id)
    assert (batch.lease_owner, batch.handbacks) == ("run:someone", 0)


async def test_a_batch_handed_back_too_often_is_ended_and_refunded(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    subject, batch_id = await _stranded(app, gql, make_caller)
    await BatchJob.filter(id=batch_id).update(handbacks=2)
    dead = DeadQueue()
    reconciler = _reconciler(app, dead, max_handbacks=2)
    ended = _acted("ended")
    with captured_json_logs() as logs:
        assert await reconciler.reconcile_once() == 1
    assert _acted("ended") == ended + 1
    # The reconciler's own line (settlement adds the batch's usual end line, at info, from its logger).
    told = [r for r in lines(logs) if str(batch_id) in r["event"] and r["logger"] == "services.generation.reconciler"]
    assert [(r["level"], "ended" in r["event"]) for r in told] == [("warning", True)], told
    assert dead.enqueued == []
    batch = await BatchJob.get(id=batch_id)
    assert batch.status is BatchStatus.FAILED
    assert batch.finished_at is not None
    assert batch.credits_refunded == batch.credits_reserved
    assert {e.status for e in await ImageEdit.filter(batch_job_id=batch_id)} == {EditStatus.FAILED}
    assert reconciler.state.ended == 1
    await assert_ledger_consistent(subject)


async def test_a_handed_back_batch_runs_to_its_end_through_the_real_queue(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    subject, batch_id = await _stranded(app, gql, make_caller, images=2)
    runtime = app.state.services
    reconciler = Reconciler(runtime.outbox, runtime.publisher, interval_s=60, lease_s=30, max_handbacks=3)
    ended = asyncio.create_task(wait_until_ended(app, str(batch_id)))
    await asyncio.sleep(0)  # let the follower subscribe before the batch can end
    assert await reconciler.reconcile_once() >= 1
    await ended
    batch = await BatchJob.get(id=batch_id)
    assert batch.status is BatchStatus.SUCCEEDED

    async def job_complete() -> bool:  # the job ends just after the terminal event
        status: str | None = await runtime.outbox.status(RUN_BATCH, batch_id)
        return status == "complete"

    await poll(job_complete, within=10, what="the job to end")
    batch = await BatchJob.get(id=batch_id)
    assert (batch.lease_owner, batch.lease_until) == (None, None)  # the runner gave its lease back
    user = await assert_ledger_consistent(subject)
    assert user.credits == 20 - 2


async def test_readyz_counts_what_the_processs_reconciler_handed_back(
    app: Starlette, gql: GQL, make_caller: MakeCaller, client: httpx.AsyncClient
) -> None:
    # An operator reads the process's reconciler on /readyz: a hand-back shows there as it happens.
    before = (await client.get("/readyz")).json()["reconciler"]
    subject, batch_id = await _stranded(app, gql, make_caller, images=1)
    ended = asyncio.create_task(wait_until_ended(app, str(batch_id)))
    await asyncio.sleep(0)  # let the follower subscribe before the batch can end
    assert await app.state.reconciler.reconcile_once() >= 1  # the process's own reconciler, as its loop runs it
    await ended

    after = (await client.get("/readyz")).json()["reconciler"]
    assert after["handedBack"] >= before["handedBack"] + 1
    assert after["passes"] >= before["passes"] + 1
    assert after["lastPassSecondsAgo"] is not None
    assert (await BatchJob.get(id=batch_id)).handbacks == 1
    await assert_ledger_consistent(subject)
