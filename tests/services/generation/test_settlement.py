"""The worker's group commit: how many statements a settlement costs, a cancel racing deliveries, the estimate
counting down."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta
from typing import Any

import pytest
from starlette.applications import Starlette

from app.runtime import batch_runner
from models import (
    BatchItem,
    BatchJob,
    BatchStatus,
    CreditLedgerEntry,
    EditStatus,
    GenerationMode,
    ImageEdit,
    LedgerKind,
    UsageEvent,
    User,
)
from models.jobs import JobOutbox
from services.analytics import recording
from services.generation.cancel import cancel
from services.generation.plan import SubmitRequest
from services.generation.settlement import BatchSettlement, Delivered, ItemEnd, Outcome
from services.generation.submit import submit
from services.generation.tasks import RUN_BATCH
from services.infra.jobs import InProcessQueue, Jobs
from services.infra.storage import ObjectNotFound
from services.progress.eta import RunTracker, estimate, remaining_seconds
from services.progress.events import BatchProgress
from services.progress.follow import follow_batch
from services.progress.publisher import ProgressPublisher, Turn
from tests.conftest import GQL, MakeCaller
from tests.generation_support import assert_ledger_consistent, new_project
from tests.services.generation.test_reconcile import DeadQueue
from tests.sql_count import sql_statements


async def _submitted(app: Starlette, gql: GQL, make_caller: MakeCaller, images: int) -> tuple[str, BatchJob]:
    """A batch of ``images`` one-image items, created but never run (its queue accepts and runs nothing)."""
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    runtime = app.state.services
    user = await User.get(subject=alice.subject)
    submitted = await submit(
        user,
        SubmitRequest(
            project_id=project, mode=GenerationMode.TEXT_TO_IMAGE, prompt="counted", count=images, size="1024x1024"
        ),
        settings=runtime.settings,
        storage=runtime.storage,
        http=runtime.http,
        queue=DeadQueue(),
        publisher=runtime.publisher,
    )
    # The dead queue "took" it: its outbox row goes, or the app's drainer would hand the batch to the live queue.
    await JobOutbox.filter(key=submitted.batch.id).delete()
    await BatchJob.filter(id=submitted.batch.id).update(status=BatchStatus.RUNNING)
    return alice.subject, await BatchJob.get(id=submitted.batch.id)


async def _delivered(app: Starlette, edit: ImageEdit) -> Outcome:
    stored = await app.state.services.storage.put(b"\x89PNG stored", "image/png", prefix="outputs")
    return Outcome(edit, delivered=Delivered(stored.key, stored.url, 1024, 1024, "image/png", stored.size_bytes, 5, {}))


async def test_settling_images_costs_the_same_few_statements_for_one_or_many(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    subject, batch = await _submitted(app, gql, make_caller, images=5)
    items = await BatchItem.filter(batch_job_id=batch.id).order_by("item_index")
    edits = {e.item_id: e for e in await ImageEdit.filter(batch_job_id=batch.id)}
    tracker = RunTracker(per_item=1.0, concurrency=4, pending={item.id for item in items})
    settlement = BatchSettlement(
        batch, publisher=app.state.services.publisher, storage=app.state.services.storage, tracker=tracker
    )
    await settlement.settle(starts=list(items))

    def call(item: BatchItem) -> UsageEvent:
        return recording.call_row(batch, item.id, provider="simulator", requested=1, delivered=1, processing_ms=5)

    # One image with its item's end and its call row: the image (claimed and written), the analytics rows, the
    # balance and held credits (moved and returned in one statement) and the ledger entries, the item, the batch's
    # counters and seq (returned by the same statement).
    first = items[0]
    outcome = await _delivered(app, edits[first.id])
    committer = f"settle:{batch.id}"  # the settlement's own task: other tests' batches may run meanwhile
    with sql_statements(task_name=committer) as one:
        settled = await settlement.settle(
            outcomes=[outcome], ends=[ItemEnd(first, EditStatus.SUCCEEDED, 5, {})], calls=[call(first)]
        )
    assert settled == {outcome.edit.id}
    # 6: the balance event's held credits come from the balance's statement (was 8 with a ledger sum for them), and
    # the batch's counters are read back by their UPDATE's RETURNING; the webhook recorder's reads (the owner's
    # endpoints) run in its own task, off the settlement's path.
    assert len(one) == 6, one

    # Four more in one group cost exactly as many statements as one did.
    rest = items[1:]
    outcomes = [await _delivered(app, edits[item.id]) for item in rest]
    with sql_statements(task_name=committer) as four:
        settled = await settlement.settle(
            outcomes=outcomes,
            ends=[ItemEnd(item, EditStatus.SUCCEEDED, 5, {}) for item in rest],
            calls=[call(item) for item in rest],
        )
    assert settled == {o.edit.id for o in outcomes}
    assert len(four) == 6, four

    stored = await BatchJob.get(id=batch.id)
    assert (stored.completed_images, stored.credits_captured, stored.event_seq) == (5, 5, batch.event_seq + 5)
    item_statuses: list[Any] = await BatchItem.filter(batch_job_id=batch.id).values_list("status", flat=True)
    assert set(item_statuses) == {EditStatus.SUCCEEDED}
    user = await assert_ledger_consistent(subject)
    captures = await CreditLedgerEntry.filter(user_id=user.id, kind=LedgerKind.CAPTURE)
    assert sorted(c.idempotency_key for c in captures) == sorted(f"capture:{e.id}" for e in edits.values())
    assert [c.balance_after for c in captures] == [user.credits] * 5

    # Settled images are never settled again: the group rolls back, each is tried alone and none is taken.
    again = await _delivered(app, edits[first.id])
    assert await settlement.settle(outcomes=[again]) == set()
    assert await CreditLedgerEntry.filter(user_id=user.id, kind=LedgerKind.CAPTURE).count() == 5
    assert again.delivered is not None
    with pytest.raises(ObjectNotFound):  # the file stored for it is not kept
        await app.state.services.storage.get(again.delivered.storage_key)


class PausedPublisher(ProgressPublisher):
    """Holds the first events that carry a delivered image until released: the worker has committed the image and
    not yet told anyone."""

    def __init__(self, inner: ProgressPublisher) -> None:
        super().__init__(inner.bus, item_concurrency=inner.item_concurrency)
        self.reached = asyncio.Event()
        self.release = asyncio.Event()

    async def _emit(self, batch_id: uuid.UUID, turn: Turn) -> None:
        if not self.reached.is_set() and any(event.image is not None for event in turn.events):
            self.reached.set()
            await self.release.wait()
        await super()._emit(batch_id, turn)


class WatchedQueue(InProcessQueue):
    """The in-process queue, telling when an abort has been asked for."""

    aborting: asyncio.Event

    async def abort(self, key: uuid.UUID) -> None:
        self.aborting.set()
        await super().abort(key)


async def test_cancel_while_images_are_in_flight_keeps_items_images_ledger_and_events_in_agreement(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    runtime = app.state.services
    settings = runtime.settings.model_copy(update={"batch_item_concurrency": 8})
    user = await User.get(subject=alice.subject)
    publisher = PausedPublisher(runtime.publisher)
    prompts = [f"fast {i}" for i in range(4)] + [f"slow {i} [[delay:60]]" for i in range(4)]
    async with batch_runner(settings, storage=runtime.storage, publisher=publisher, http=runtime.http) as runner:
        watched = WatchedQueue(runner, concurrency=1)
        watched.aborting = asyncio.Event()
        queue = Jobs({RUN_BATCH: watched})
        try:
            submitted = await submit(
                user,
                SubmitRequest(project_id=project, mode=GenerationMode.TEXT_TO_IMAGE, prompts=prompts, size="1024x1024"),
                settings=settings,
                storage=runtime.storage,
                http=runtime.http,
                queue=queue,
                publisher=publisher,
            )
            batch_id = submitted.batch.id
            events: list[BatchProgress] = []
            subscribed = asyncio.Event()

            async def follow() -> None:
                async for event in follow_batch(runtime.bus, batch_id, idle_resync_seconds=5.0):
                    events.append(event)
                    subscribed.set()

            follower = asyncio.create_task(follow())
            await subscribed.wait()
            await queue.start()
            # A fast image is settled (captured, committed) and its event held; the slow ones are at the provider.
            await publisher.reached.wait()
            cancelling = asyncio.create_task(cancel(user, str(batch_id), queue=queue, publisher=publisher))
            await watched.aborting.wait()  # the worker is being cancelled right now; let its held events go
            publisher.release.set()
            outcome = await cancelling
            await asyncio.wait_for(follower, 30)
        finally:
            await queue.close()

    batch = await BatchJob.get(id=batch_id)
    assert batch.status is BatchStatus.CANCELLED
    edits = await ImageEdit.filter(batch_job_id=batch_id).order_by("batch_index")
    delivered = {e.id for e in edits if e.status is EditStatus.SUCCEEDED}
    assert delivered, "the held image was delivered"
    assert all(e.status is EditStatus.CANCELLED for e in edits[4:])  # the slow ones never came back
    assert {e.status for e in edits} <= {EditStatus.SUCCEEDED, EditStatus.CANCELLED}
    assert batch.completed_images == len(delivered) == outcome.kept_images
    assert outcome.refunded_images == 8 - len(delivered)
    # Each item says what its image says: a delivered image's item is SUCCEEDED, never CANCELLED.
    items = {i.id: i.status for i in await BatchItem.filter(batch_job_id=batch_id)}
    for edit in edits:
        assert edit.item_id is not None
        assert items[edit.item_id] is edit.status, (edit.batch_index, items[edit.item_id], edit.status)
    # Exactly one ledger entry per image: captured if delivered, refunded otherwise.
    entries = await CreditLedgerEntry.filter(reference=str(batch_id)).exclude(kind=LedgerKind.RESERVE)
    assert sorted(e.idempotency_key for e in entries) == sorted(
        f"capture:{e.id}" if e.id in delivered else f"refund:{e.id}" for e in edits
    )
    await assert_ledger_consistent(alice.subject)
    # Every delivered image was in the stream, and fraction is completed / total throughout.
    assert {e.image.image_edit_id for e in events if e.image is not None} == delivered
    assert all(e.fraction == round(e.completed / e.total, 4) for e in events)
    last = events[-1]
    assert last.terminal
    assert last.status is BatchStatus.CANCELLED
    assert (last.completed, last.cancelled, last.fraction) == (len(delivered), 8 - len(delivered), len(delivered) / 8)
    assert [e.seq for e in events] == sorted({e.seq for e in events})


def test_remaining_time_counts_down_as_items_run() -> None:
    now = [100.0]
    tracker = RunTracker(per_item=10.0, concurrency=2, pending={uuid.uuid4() for _ in range(3)}, clock=lambda: now[0])
    first, second = sorted(tracker.pending)[:2]
    assert tracker.estimate().run_seconds == 20.0  # 3 items on 2 slots: two waves
    tracker.start(first)
    tracker.start(second)
    seen = []
    for at in (100.0, 103.0, 106.0, 109.0):
        now[0] = at
        seen.append(tracker.estimate().run_seconds)
    assert seen == [20.0, 17.0, 14.0, 11.0]
    tracker.close(first)
    assert tracker.estimate().run_seconds == 10.0  # the third item starts in the freed slot now
    # A set (one item) that runs past its estimate says 0 seconds left, never a negative time.
    assert remaining_seconds(10.0, 4, [12.0], 0) == 0.0
    assert remaining_seconds(10.0, 4, [], 0) == 0.0


async def test_snapshot_estimate_counts_down_from_when_items_started(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    _, batch = await _submitted(app, gql, make_caller, images=5)
    items = await BatchItem.filter(batch_job_id=batch.id).order_by("item_index")
    tracker = RunTracker(per_item=10.0, concurrency=4, pending={item.id for item in items})
    settlement = BatchSettlement(
        batch, publisher=app.state.services.publisher, storage=app.state.services.storage, tracker=tracker
    )
    await settlement.settle(starts=[items[0]])
    started = (await BatchItem.get(id=items[0].id)).started_at
    assert started is not None
    runs = [
        (await estimate(batch, 4, now=started + timedelta(seconds=s), per_item=10.0)).run_seconds for s in (1, 4, 8)
    ]
    # One item in flight (10 s minus its time so far), four pending on the other three slots and then its slot.
    assert runs == [19.0, 16.0, 12.0]
