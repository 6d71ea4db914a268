"""Honest progress estimates: queue wait and run time, estimated separately from measured processing times.

Run time is counted in seconds per image. A batch item is one provider call (one image, or a whole set of
``max_images``); a call is expected to take the per-image time times its images, so a set of eight is priced as
eight images, and a measured set teaches the per-image time of its size. The per-image time is, in order:

1. this batch's own finished items, once there are any (the estimate adapts: four calls that took ~12 s each say
   ~12 s per call, whatever the history says);
2. before that, the provider's recent calls of the same mode and size tier (the median of the latest ``SAMPLE``
   within ``RECENT_SECONDS``; the latest ones of any age when none is that recent);
3. ``DEFAULT_ITEM_SECONDS`` when nothing was ever measured.

The run time counts down while a batch runs: an item in flight is charged only what it has left of its expected
time (from its start), and the items still pending are laid onto the item slots as those free up. The worker keeps
the same picture in memory (``RunTracker``), so the events it builds need no query; a snapshot reads it from SQL.
Queue wait: the batches ahead in the queue and the recent batch durations. ``etaAt`` (``at`` + the estimate) lets a
client count down between events.
"""

from __future__ import annotations

import heapq
import statistics
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from models import BatchItem, BatchJob, BatchStatus, EditStatus
from models.enums import OPEN_EDIT_STATUSES

DEFAULT_ITEM_SECONDS = 10.0
SAMPLE = 50
RECENT_SECONDS = 3600.0
"""How far back "recent" provider times reach before older ones are used."""


@dataclass(frozen=True, slots=True)
class Estimate:
    queue_position: int | None
    queue_wait_seconds: float
    run_seconds: float

    @property
    def total_seconds(self) -> float:
        return round(self.queue_wait_seconds + self.run_seconds, 1)


def remaining_seconds(
    per_item: float,
    concurrency: int,
    running_elapsed: Iterable[float],
    pending: int | Iterable[float],
    *,
    running_expected: Iterable[float] | None = None,
) -> float:
    """Seconds until the last open item should end.

    ``running_elapsed``: how long each item in flight has run; ``pending``: how many items have not started (each
    ``per_item`` long), or their expected lengths. ``running_expected``: each running item's expected length
    (default ``per_item``). A running item has its expected length minus its elapsed time left (never below zero);
    pending items take the earliest free slot of ``concurrency``.
    """
    elapsed = list(running_elapsed)
    expected = list(running_expected) if running_expected is not None else [per_item] * len(elapsed)
    slots = [max(0.0, length - spent) for length, spent in zip(expected, elapsed, strict=True)]
    waiting = [per_item] * pending if isinstance(pending, int) else list(pending)
    if not slots and not waiting:
        return 0.0
    slots.extend([0.0] * max(0, concurrency - len(slots)))
    heapq.heapify(slots)
    for length in waiting:
        heapq.heappush(slots, heapq.heappop(slots) + length)
    return max(slots)


def _per_image(rows: Iterable[tuple[Any, Any]]) -> list[float]:
    """Seconds per image of measured calls ``(processing_time_ms, max_images)``."""
    return [int(ms) / 1000 / max(1, int(images or 1)) for ms, images in rows if ms is not None]


async def own_image_seconds(batch_id: uuid.UUID) -> float | None:
    """Mean seconds per image of this batch's finished calls; None before the first one."""
    rows: list[Any] = await BatchItem.filter(
        batch_job_id=batch_id, status=EditStatus.SUCCEEDED, processing_time_ms__isnull=False
    ).values_list("processing_time_ms", "max_images")
    own = _per_image(rows)
    return sum(own) / len(own) if own else None


async def recent_image_seconds(mode: Any, size_tier: Any, *, now: datetime | None = None) -> float:
    """Median seconds per image of the provider's recent calls for this mode and size tier (see the module
    docstring)."""
    now = now or datetime.now(UTC)
    query = BatchItem.filter(
        status=EditStatus.SUCCEEDED,
        processing_time_ms__isnull=False,
        batch_job__mode=mode,
        batch_job__size_tier=size_tier,
    )
    recent: list[Any] = (
        await query.filter(finished_at__gte=now - timedelta(seconds=RECENT_SECONDS))
        .order_by("-finished_at")
        .limit(SAMPLE)
        .values_list("processing_time_ms", "max_images")
    )
    if not recent:
        recent = await query.order_by("-finished_at").limit(SAMPLE).values_list("processing_time_ms", "max_images")
    samples = _per_image(recent)
    return statistics.median(samples) if samples else DEFAULT_ITEM_SECONDS


async def image_seconds(batch: BatchJob, *, now: datetime | None = None) -> float:
    """Expected seconds per image for this batch: its own measured calls, else the recent ones (module docstring)."""
    own = await own_image_seconds(batch.id)
    return own if own is not None else await recent_image_seconds(batch.mode, batch.size_tier, now=now)


async def estimate(
    batch: BatchJob, item_concurrency: int, *, now: datetime | None = None, per_item: float | None = None
) -> Estimate:
    """Where the batch stands and how long it should still take (``item_concurrency``: calls in flight per batch).

    ``now`` (default: the current time) and ``per_item`` (seconds per image; default: measured, ``image_seconds``)
    are for tests.
    """
    now = now or datetime.now(UTC)
    per_image = await image_seconds(batch, now=now) if per_item is None else per_item
    open_items: list[tuple[Any, Any, Any]] = await BatchItem.filter(
        batch_job_id=batch.id, status__in=OPEN_EDIT_STATUSES
    ).values_list("status", "started_at", "max_images")
    run = _open_items_seconds(per_image, item_concurrency, open_items, now)
    if batch.status is not BatchStatus.QUEUED:
        return Estimate(queue_position=None, queue_wait_seconds=0.0, run_seconds=round(run, 1))
    ahead = await BatchJob.filter(status=BatchStatus.QUEUED, created_at__lt=batch.created_at).count()
    running_batches = await BatchJob.filter(status=BatchStatus.RUNNING).count()
    batch_seconds = await mean_batch_seconds(now=now)
    # Every batch ahead must start before ours; running ones are assumed half done.
    wait = (ahead + running_batches * 0.5) * batch_seconds
    return Estimate(queue_position=ahead + 1, queue_wait_seconds=round(wait, 1), run_seconds=round(run, 1))


async def queue_positions() -> list[tuple[uuid.UUID, int]]:
    """Every waiting batch with its queue position, as ``estimate`` counts it (1 + the waiting batches created
    before it), in queue order (one query)."""
    rows: list[Any] = (
        await BatchJob.filter(status=BatchStatus.QUEUED).order_by("created_at", "id").values_list("id", "created_at")
    )
    positions: list[tuple[uuid.UUID, int]] = []
    position, previous = 0, None
    for index, (ident, created) in enumerate(rows):
        if created != previous:  # batches created at the same instant share a position, as in ``estimate``
            position, previous = index + 1, created
        positions.append((ident, position))
    return positions


async def queue_estimates(
    batches: Sequence[BatchJob],
    positions: Mapping[uuid.UUID, int],
    item_concurrency: int,
    *,
    now: datetime | None = None,
) -> dict[uuid.UUID, Estimate]:
    """``estimate`` of many waiting batches at once, in a fixed number of queries whatever their number (a queue
    sweep tells every moved batch its position this way). ``positions``: each batch's queue position as
    ``queue_positions`` read it (1 + the waiting batches created before it, which ``estimate`` counts)."""
    if not batches:
        return {}
    now = now or datetime.now(UTC)
    ids = [batch.id for batch in batches]
    own_rows: list[Any] = await BatchItem.filter(
        batch_job_id__in=ids, status=EditStatus.SUCCEEDED, processing_time_ms__isnull=False
    ).values_list("batch_job_id", "processing_time_ms", "max_images")
    own: dict[uuid.UUID, list[tuple[Any, Any]]] = defaultdict(list)
    for batch_id, ms, images in own_rows:
        own[uuid.UUID(str(batch_id))].append((ms, images))
    open_rows: list[Any] = await BatchItem.filter(batch_job_id__in=ids, status__in=OPEN_EDIT_STATUSES).values_list(
        "batch_job_id", "status", "started_at", "max_images"
    )
    open_items: dict[uuid.UUID, list[tuple[Any, Any, Any]]] = defaultdict(list)
    for batch_id, status, started, images in open_rows:
        open_items[uuid.UUID(str(batch_id))].append((status, started, images))
    running_batches = await BatchJob.filter(status=BatchStatus.RUNNING).count()
    batch_seconds = await mean_batch_seconds(now=now)
    recent: dict[tuple[Any, Any], float] = {}
    estimates: dict[uuid.UUID, Estimate] = {}
    for batch in batches:
        measured = _per_image(own.get(batch.id, ()))
        if measured:
            per_image = sum(measured) / len(measured)
        else:
            tier = (batch.mode, batch.size_tier)
            if tier not in recent:
                recent[tier] = await recent_image_seconds(batch.mode, batch.size_tier, now=now)
            per_image = recent[tier]
        run = _open_items_seconds(per_image, item_concurrency, open_items.get(batch.id, ()), now)
        ahead = positions[batch.id] - 1
        wait = (ahead + running_batches * 0.5) * batch_seconds
        estimates[batch.id] = Estimate(
            queue_position=ahead + 1, queue_wait_seconds=round(wait, 1), run_seconds=round(run, 1)
        )
    return estimates


def _open_items_seconds(
    per_image: float, item_concurrency: int, open_items: Iterable[tuple[Any, Any, Any]], now: datetime
) -> float:
    """``remaining_seconds`` of a batch's open items ``(status, started_at, max_images)``."""
    running = [
        ((now - started).total_seconds(), per_image * max(1, int(images or 1)))
        for status, started, images in open_items
        if status == EditStatus.RUNNING and started
    ]
    pending = [
        per_image * max(1, int(images or 1))
        for status, started, images in open_items
        if not (status == EditStatus.RUNNING and started)
    ]
    return remaining_seconds(
        per_image,
        item_concurrency,
        [spent for spent, _ in running],
        pending,
        running_expected=[length for _, length in running],
    )


async def queue_position(batch_id: uuid.UUID) -> int | None:
    """The batch's queue position (as ``estimate`` counts it); None when it is not waiting."""
    rows: list[Any] = await BatchJob.filter(id=batch_id, status=BatchStatus.QUEUED).values_list("created_at", flat=True)
    if not rows:
        return None
    return await BatchJob.filter(status=BatchStatus.QUEUED, created_at__lt=rows[0]).count() + 1


async def mean_batch_seconds(*, now: datetime | None = None) -> float:
    """Mean run time of the recent successful batches (within ``RECENT_SECONDS``, else the latest ones)."""
    now = now or datetime.now(UTC)
    query = BatchJob.filter(status=BatchStatus.SUCCEEDED, started_at__isnull=False)
    # Two columns, not whole batches: building up to SAMPLE models (JSON fields and all) cost more than the query.
    rows: list[Any] = (
        await query.filter(finished_at__gte=now - timedelta(seconds=RECENT_SECONDS))
        .order_by("-finished_at")
        .limit(SAMPLE)
        .values_list("started_at", "finished_at")
    )
    if not rows:
        rows = await query.order_by("-finished_at").limit(SAMPLE).values_list("started_at", "finished_at")
    durations = [(finished - started).total_seconds() for started, finished in rows if finished and started]
    return sum(durations) / len(durations) if durations else DEFAULT_ITEM_SECONDS


@dataclass
class RunTracker:
    """The worker's own picture of a running batch's items, for estimates without a query.

    ``per_item`` is the prior seconds per image (``image_seconds``); ``sizes`` the images of each item (default 1).
    Once items finish (``close`` with their measured seconds), their mean per image replaces the prior.
    ``clock`` is ``time.monotonic`` unless a test injects one.
    """

    per_item: float
    concurrency: int
    pending: set[uuid.UUID]
    clock: Callable[[], float] = time.monotonic
    sizes: Mapping[uuid.UUID, int] = field(default_factory=dict)
    running: dict[uuid.UUID, float] = field(default_factory=dict)
    measured: list[float] = field(default_factory=list)
    """Seconds per image of this batch's finished calls (this run's)."""

    def start(self, item_id: uuid.UUID) -> None:
        self.pending.discard(item_id)
        self.running.setdefault(item_id, self.clock())

    def close(self, item_id: uuid.UUID, seconds: float | None = None) -> None:
        """The item ended; ``seconds``: how long its successful call took (teaches the per-image time)."""
        self.pending.discard(item_id)
        self.running.pop(item_id, None)
        if seconds is not None:
            self.measured.append(seconds / max(1, self.sizes.get(item_id, 1)))

    @property
    def per_image(self) -> float:
        return sum(self.measured) / len(self.measured) if self.measured else self.per_item

    def estimate(self) -> Estimate:
        now = self.clock()
        per_image = self.per_image
        run = remaining_seconds(
            per_image,
            self.concurrency,
            [now - started for started in self.running.values()],
            [per_image * self.sizes.get(item, 1) for item in self.pending],
            running_expected=[per_image * self.sizes.get(item, 1) for item in self.running],
        )
        return Estimate(queue_position=None, queue_wait_seconds=0.0, run_seconds=round(run, 1))
