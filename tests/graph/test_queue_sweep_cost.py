"""What a queue sweep costs: the events of every moved batch are numbered and read together, so a sweep runs the
same statements whether 3 or 9 batches moved, and each event says what that batch's own snapshot says."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from starlette.applications import Starlette

from models import BatchJob, BatchStatus, User
from services.generation.cancel import cancel
from services.infra.bus import create_bus
from services.progress.eta import queue_positions
from services.progress.publisher import ProgressPublisher
from services.progress.snapshot import batch_snapshot, queue_snapshots
from tests.conftest import GQL, MakeCaller
from tests.graph.test_queue_progress import Clock, clock, waiting_batches
from tests.services.generation.test_reconcile import DeadQueue
from tests.sql_count import sql_statements

__all__ = ["clock"]  # the fixture, used by name


async def _sweep_after_a_move(app: Starlette, gql: GQL, make_caller: MakeCaller, name: str, moved: int) -> list[str]:
    """``moved`` + 1 waiting batches; the first leaves the queue (cancelled through a publisher of its own, whose
    sweep does not count); the statements of the app publisher's sweep that tells the others their new position."""
    caller = make_caller(name)
    publisher: ProgressPublisher = app.state.services.publisher
    first, *rest = await waiting_batches(app, gql, caller, moved + 1)
    await publisher.settled()
    seqs = {batch_id: (await BatchJob.get(id=batch_id)).event_seq for batch_id in rest}
    bus = create_bus(None)
    await bus.start()
    elsewhere = ProgressPublisher(bus)
    try:
        await cancel(await User.get(subject=caller.subject), first, queue=DeadQueue(), publisher=elsewhere)
        await elsewhere.settled()
    finally:
        await elsewhere.close()
        await bus.close()
    with sql_statements(task_name="queue-sweep") as statements:
        publisher.queue_changed()
        await publisher.queue_settled()
    for batch_id in rest:  # each moved batch got one event from this sweep (and one from the other publisher's)
        stored = await BatchJob.get(id=batch_id)
        assert stored.status is BatchStatus.QUEUED
        assert stored.event_seq == seqs[batch_id] + 2
        events = await publisher.history.since(uuid.UUID(batch_id), stored.event_seq - 1)
        assert events is not None
        assert [(event.seq, event.queue_position is not None) for event in events] == [(stored.event_seq, True)]
    return statements


async def test_a_sweep_costs_the_same_statements_however_many_batches_moved(
    app: Starlette, gql: GQL, make_caller: MakeCaller, clock: Clock
) -> None:
    few = await _sweep_after_a_move(app, gql, make_caller, "few", 3)
    clock.now += 10  # a new coalescing interval for every batch
    many = await _sweep_after_a_move(app, gql, make_caller, "many", 9)
    assert len(many) == len(few)
    assert len(few) <= 12, few


async def test_the_events_of_a_sweep_say_what_each_batch_s_snapshot_says(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    ids = {uuid.UUID(batch_id) for batch_id in await waiting_batches(app, gql, make_caller("alice"), 3)}
    positions = dict(await queue_positions())
    batches = await BatchJob.filter(id__in=list(ids))
    now = datetime.now(UTC)
    together = await queue_snapshots(batches, positions, item_concurrency=4, now=now)
    one_by_one = [await batch_snapshot(batch, item_concurrency=4, now=now) for batch in batches]
    assert [event.to_json() for event in together] == [event.to_json() for event in one_by_one]
    assert {event.batch_job_id for event in together} == ids
    assert all(event.queue_position is not None for event in together)
