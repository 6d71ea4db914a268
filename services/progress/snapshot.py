"""A batch's progress read from SQL, the state of record: the first event of every subscription, the body of
every published event, and what a follower re-reads after lost events."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.functions import Count

from models import BatchJob, EditStatus, ImageEdit
from models.enums import TERMINAL_BATCH_STATUSES
from services import credits
from services.progress.eta import Estimate, estimate, queue_estimates
from services.progress.events import BatchProgress, CreditBalance, DeliveredImage, EventKind


async def image_counts(batch_id: uuid.UUID) -> dict[EditStatus, int]:
    """How many of the batch's images are in each status (one grouped query)."""
    rows: list[dict[str, Any]] = (
        await ImageEdit.filter(batch_job_id=batch_id).annotate(n=Count("id")).group_by("status").values("status", "n")
    )
    counts: dict[EditStatus, int] = defaultdict(int)
    for row in rows:
        counts[EditStatus(row["status"])] += int(row["n"])
    return counts


async def images_counts(batch_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, dict[EditStatus, int]]:
    """``image_counts`` of many batches (one grouped query)."""
    rows: list[dict[str, Any]] = (
        await ImageEdit.filter(batch_job_id__in=batch_ids)
        .annotate(n=Count("id"))
        .group_by("batch_job_id", "status")
        .values("batch_job_id", "status", "n")
    )
    counts: dict[uuid.UUID, dict[EditStatus, int]] = {batch_id: defaultdict(int) for batch_id in batch_ids}
    for row in rows:
        counts[uuid.UUID(str(row["batch_job_id"]))][EditStatus(row["status"])] += int(row["n"])
    return counts


def delivered_image(edit: ImageEdit) -> DeliveredImage:
    return DeliveredImage(
        image_edit_id=edit.id, batch_index=edit.batch_index, url=edit.image_url, width=edit.width, height=edit.height
    )


def progress_event(
    batch: BatchJob,
    *,
    seq: int,
    completed: int,
    failed: int,
    cancelled: int,
    credits_captured: int,
    credits_refunded: int,
    eta: Estimate | None,
    image: DeliveredImage | None = None,
    kind: EventKind = EventKind.EVENT,
    images: tuple[DeliveredImage, ...] = (),
    now: datetime | None = None,
) -> BatchProgress:
    """An event from what the caller knows (the worker builds them from its settlement, without a read).

    ``fraction`` is delivered images / total: a batch cancelled at 4 of 8 says 0.5, never 1.0. ``etaAt`` is ``now``
    (default: the current time) plus the estimate.
    """
    terminal = batch.status in TERMINAL_BATCH_STATUSES
    eta = None if terminal else eta
    at = now or datetime.now(UTC)
    return BatchProgress(
        batch_job_id=batch.id,
        user_id=batch.owner_id,
        project_id=batch.project_id,
        seq=seq,
        status=batch.status,
        terminal=terminal,
        total=batch.total_images,
        completed=completed,
        failed=failed,
        cancelled=cancelled,
        fraction=round(completed / batch.total_images, 4) if batch.total_images else 1.0,
        queue_position=eta.queue_position if eta else None,
        queue_wait_seconds=eta.queue_wait_seconds if eta else None,
        run_seconds=eta.run_seconds if eta else None,
        eta_seconds=eta.total_seconds if eta else None,
        image=image,
        credits_held=batch.credits_reserved - credits_captured - credits_refunded,
        credits_captured=credits_captured,
        credits_refunded=credits_refunded,
        at=at,
        kind=kind,
        images=images,
        eta_at=at + timedelta(seconds=eta.total_seconds) if eta else None,
    )


async def delivered_images(batch_id: uuid.UUID) -> tuple[DeliveredImage, ...]:
    """Every image of the batch delivered so far, in batch order (one query)."""
    rows = await ImageEdit.filter(batch_job_id=batch_id, status=EditStatus.SUCCEEDED).order_by("batch_index")
    return tuple(delivered_image(edit) for edit in rows)


async def batch_snapshot(
    batch: BatchJob,
    *,
    image: ImageEdit | None = None,
    item_concurrency: int = 4,
    now: datetime | None = None,
    snapshot: bool = False,
) -> BatchProgress:
    """The batch's progress as an event; ``image`` is the one just delivered, if any (``now`` is for tests).

    ``snapshot``: for a follower (kind ``SNAPSHOT``), listing every image delivered so far; otherwise the body of a
    published event (kind ``EVENT``).
    """
    counts = await image_counts(batch.id)
    terminal = batch.status in TERMINAL_BATCH_STATUSES
    return progress_event(
        batch,
        seq=batch.event_seq,
        completed=counts[EditStatus.SUCCEEDED],
        failed=counts[EditStatus.FAILED],
        cancelled=counts[EditStatus.CANCELLED],
        credits_captured=batch.credits_captured,
        credits_refunded=batch.credits_refunded,
        eta=None if terminal else await estimate(batch, item_concurrency, now=now),
        image=delivered_image(image) if image is not None else None,
        kind=EventKind.SNAPSHOT if snapshot else EventKind.EVENT,
        images=await delivered_images(batch.id) if snapshot else (),
        now=now,
    )


async def queue_snapshots(
    batches: Sequence[BatchJob],
    positions: Mapping[uuid.UUID, int],
    *,
    item_concurrency: int = 4,
    now: datetime | None = None,
) -> list[BatchProgress]:
    """What ``batch_snapshot`` says of each of many waiting batches (``seq``: the row's ``event_seq``), in a fixed
    number of queries whatever their number; ``positions`` as ``eta.queue_positions`` read them."""
    now = now or datetime.now(UTC)
    counts = await images_counts([batch.id for batch in batches])
    estimates = await queue_estimates(batches, positions, item_concurrency, now=now)
    return [
        progress_event(
            batch,
            seq=batch.event_seq,
            completed=counts[batch.id][EditStatus.SUCCEEDED],
            failed=counts[batch.id][EditStatus.FAILED],
            cancelled=counts[batch.id][EditStatus.CANCELLED],
            credits_captured=batch.credits_captured,
            credits_refunded=batch.credits_refunded,
            eta=estimates[batch.id],
            now=now,
        )
        for batch in batches
    ]


async def balance_snapshot(user_id: uuid.UUID) -> CreditBalance | None:
    """The user's balance (and the credits their open batches hold) as an event; None for an unknown user."""
    value = await credits.balance_and_held(user_id)
    if value is None:
        return None
    return CreditBalance(user_id=user_id, balance=value.balance, held=value.held)
