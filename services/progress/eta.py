"""Honest progress estimates: queue wait and run time, estimated separately from measured processing times.

Run time comes from the recent provider calls of the same mode and size tier (an item is one provider call: one
image, or a whole set); queue wait from the batches ahead in the queue and the recent batch durations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
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


async def estimate(batch: BatchJob, item_concurrency: int) -> Estimate:
    """Where the batch stands and how long it should still take (``item_concurrency``: calls in flight per batch)."""
    per_item = await item_seconds(batch)
    open_items = await BatchItem.filter(batch_job_id=batch.id, status__in=OPEN_EDIT_STATUSES).count()
    waves = math.ceil(open_items / max(1, item_concurrency)) if open_items else 0
    run = waves * per_item
    if batch.status is not BatchStatus.QUEUED:
        return Estimate(queue_position=None, queue_wait_seconds=0.0, run_seconds=round(run, 1))
    ahead = await BatchJob.filter(status=BatchStatus.QUEUED, created_at__lt=batch.created_at).count()
    running = await BatchJob.filter(status=BatchStatus.RUNNING).count()
    batch_seconds = await mean_batch_seconds()
    # Every batch ahead must start before ours; running ones are assumed half done.
    wait = (ahead + running * 0.5) * batch_seconds
    return Estimate(queue_position=ahead + 1, queue_wait_seconds=round(wait, 1), run_seconds=round(run, 1))


async def mean_batch_seconds() -> float:
    rows = (
        await BatchJob.filter(status=BatchStatus.SUCCEEDED, started_at__isnull=False)
        .order_by("-finished_at")
        .limit(SAMPLE)
    )
    durations = [(b.finished_at - b.started_at).total_seconds() for b in rows if b.finished_at and b.started_at]
    return sum(durations) / len(durations) if durations else DEFAULT_ITEM_SECONDS
