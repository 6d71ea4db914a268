"""Honest progress estimates: queue wait and run time, estimated separately from measured processing times.

Run time comes from the recent provider calls of the same mode and size tier (an item is one provider call: one
image, or a whole set); queue wait from the batches ahead in the queue and the recent batch durations.

The run time counts down while a batch runs: an item in flight is charged only what it has left of the mean (from
its start), and the items still pending are laid onto the item slots as those free up. The worker keeps the same
picture in memory (``RunTracker``), so the events it builds need no query; a snapshot reads it from SQL.
"""

from __future__ import annotations

import heapq
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from models import BatchItem, BatchJob, BatchStatus, EditStatus
from models.enums import OPEN_EDIT_STATUSES

DEFAULT_ITEM_SECONDS = 10.0
SAMPLE = 50


@dataclass(frozen=True, slots=True)
class Estimate:
    queue_position: int | None
    queue_wait_seconds: float
    run_seconds: float

    @property
    def total_seconds(self) -> float:
        return round(self.queue_wait_seconds + self.run_seconds, 1)


def remaining_seconds(per_item: float, concurrency: int, running_elapsed: Iterable[float], pending: int) -> float:
    """Seconds until the last open item should end.

    ``running_elapsed``: how long each item in flight has run; ``pending``: items not started. Each running item has
    ``per_item`` minus its elapsed time left (never below zero); pending items take the earliest free slot of
    ``concurrency``.
    """
    slots = [max(0.0, per_item - elapsed) for elapsed in running_elapsed]
    if not slots and not pending:
        return 0.0
    slots.extend([0.0] * max(0, concurrency - len(slots)))
    heapq.heapify(slots)
    for _ in range(pending):
        heapq.heappush(slots, heapq.heappop(slots) + per_item)
    return max(slots)


async def item_seconds(batch: BatchJob) -> float:
    """Mean seconds per provider call for this batch's mode and size tier, over the latest calls."""
    recent: list[Any] = (
        await BatchItem.filter(
            status=EditStatus.SUCCEEDED,
            processing_time_ms__isnull=False,
            batch_job__mode=batch.mode,
            batch_job__size_tier=batch.size_tier,
        )
        .order_by("-finished_at")
        .limit(SAMPLE)
        .values_list("processing_time_ms", flat=True)
    )
    if not recent:
        return DEFAULT_ITEM_SECONDS
    return sum(int(ms) for ms in recent) / len(recent) / 1000


async def estimate(
    batch: BatchJob, item_concurrency: int, *, now: datetime | None = None, per_item: float | None = None
) -> Estimate:
    """Where the batch stands and how long it should still take (``item_concurrency``: calls in flight per batch).

    ``now`` (default: the current time) and ``per_item`` (default: measured, ``item_seconds``) are for tests.
    """
    per_item = await item_seconds(batch) if per_item is None else per_item
    now = now or datetime.now(UTC)
    open_items: list[tuple[Any, Any]] = await BatchItem.filter(
        batch_job_id=batch.id, status__in=OPEN_EDIT_STATUSES
    ).values_list("status", "started_at")
    running = [
        (now - started).total_seconds() for status, started in open_items if status == EditStatus.RUNNING and started
    ]
    run = remaining_seconds(per_item, item_concurrency, running, len(open_items) - len(running))
    if batch.status is not BatchStatus.QUEUED:
        return Estimate(queue_position=None, queue_wait_seconds=0.0, run_seconds=round(run, 1))
    ahead = await BatchJob.filter(status=BatchStatus.QUEUED, created_at__lt=batch.created_at).count()
    running_batches = await BatchJob.filter(status=BatchStatus.RUNNING).count()
    batch_seconds = await mean_batch_seconds()
    # Every batch ahead must start before ours; running ones are assumed half done.
    wait = (ahead + running_batches * 0.5) * batch_seconds
    return Estimate(queue_position=ahead + 1, queue_wait_seconds=round(wait, 1), run_seconds=round(run, 1))


async def mean_batch_seconds() -> float:
    rows = (
        await BatchJob.filter(status=BatchStatus.SUCCEEDED, started_at__isnull=False)
        .order_by("-finished_at")
        .limit(SAMPLE)
    )
    durations = [(b.finished_at - b.started_at).total_seconds() for b in rows if b.finished_at and b.started_at]
    return sum(durations) / len(durations) if durations else DEFAULT_ITEM_SECONDS


@dataclass
class RunTracker:
    """The worker's own picture of a running batch's items, for estimates without a query.

    ``clock`` is ``time.monotonic`` unless a test injects one.
    """

    per_item: float
    concurrency: int
    pending: set[uuid.UUID]
    clock: Callable[[], float] = time.monotonic
    running: dict[uuid.UUID, float] = field(default_factory=dict)

    def start(self, item_id: uuid.UUID) -> None:
        self.pending.discard(item_id)
        self.running.setdefault(item_id, self.clock())

    def close(self, item_id: uuid.UUID) -> None:
        self.pending.discard(item_id)
        self.running.pop(item_id, None)

    def estimate(self) -> Estimate:
        now = self.clock()
        run = remaining_seconds(
            self.per_item, self.concurrency, [now - started for started in self.running.values()], len(self.pending)
        )
        return Estimate(queue_position=None, queue_wait_seconds=0.0, run_seconds=round(run, 1))
