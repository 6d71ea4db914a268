"""Batch job state shared by submission, cancellation and the worker: settling images, finishing batches,
progress snapshots and publishing them.

Every image (``ImageEdit``) is settled exactly once: a conditional status change from PENDING/RUNNING to a final
state and its ledger entry (CAPTURE when delivered, REFUND otherwise) commit together, so a re-run worker, a cancel
racing a delivery, or a crash between the two can never charge or refund twice.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise.expressions import F
from tortoise.functions import Count
from tortoise.transactions import in_transaction

from models import (
    BatchItem,
    BatchJob,
    BatchStatus,
    EditStatus,
    ErrorCategory,
    ImageEdit,
    LedgerKind,
    ProcessingStatus,
    Project,
    User,
)
from models.enums import OPEN_BATCH_STATUSES, OPEN_EDIT_STATUSES, TERMINAL_BATCH_STATUSES
from services.credits import apply_entry
from services.eta import estimate
from services.events import EventBus


def batch_channel(batch_id: uuid.UUID | str) -> str:
    return f"batch:{batch_id}"


def user_channel(user_id: uuid.UUID | str) -> str:
    return f"user:{user_id}"


@dataclass(frozen=True, slots=True)
class Delivered:
    """What was stored for a delivered image."""

    storage_key: str
    url: str
    width: int
    height: int
    content_type: str
    size_bytes: int
    processing_time_ms: int | None
    api_response: Any


async def deliver_edit(edit: ImageEdit, image: Delivered) -> bool:
    """Mark an image delivered and capture its credits; False if it was already settled (e.g. cancelled)."""
    async with in_transaction():
        updated = await ImageEdit.filter(id=edit.id, status__in=OPEN_EDIT_STATUSES).update(
            status=EditStatus.SUCCEEDED,
            image_key=image.storage_key,
            image_url=image.url,
            width=image.width,
            height=image.height,
            content_type=image.content_type,
            size_bytes=image.size_bytes,
            processing_time_ms=image.processing_time_ms,
            api_response=image.api_response,
            error_category=None,
            error_code=None,
            error_message=None,
        )
        if not updated:
            return False
        await apply_entry(
            edit.owner_id,
            amount=0,
            held_delta=-edit.credits,
            kind=LedgerKind.CAPTURE,
            idempotency_key=f"capture:{edit.id}",
            reference=str(edit.batch_job_id),
            description=f"image {edit.batch_index + 1} delivered",
        )
        await BatchJob.filter(id=edit.batch_job_id).update(
            completed_images=F("completed_images") + 1, credits_captured=F("credits_captured") + edit.credits
        )
    return True


async def refund_edit(
    edit: ImageEdit,
    *,
    status: EditStatus,
    category: ErrorCategory,
    code: str | None,
    message: str,
    api_response: Any = None,
) -> bool:
    """Mark an image failed or cancelled and refund its credits; False if it was already settled."""
    async with in_transaction():
        updated = await ImageEdit.filter(id=edit.id, status__in=OPEN_EDIT_STATUSES).update(
            status=status,
            error_category=category,
            error_code=code,
            error_message=message[:2000],
            api_response=api_response,
        )
        if not updated:
            return False
        await apply_entry(
            edit.owner_id,
            amount=edit.credits,
            held_delta=-edit.credits,
            kind=LedgerKind.REFUND,
            idempotency_key=f"refund:{edit.id}",
            reference=str(edit.batch_job_id),
            description=f"image {edit.batch_index + 1} {status.value.lower()}: {category.value.lower()}",
        )
        counter = {"failed_images": F("failed_images") + 1} if status is EditStatus.FAILED else {}
        await BatchJob.filter(id=edit.batch_job_id).update(
            credits_refunded=F("credits_refunded") + edit.credits, **counter
        )
    return True


async def refund_open_edits(batch_id: uuid.UUID, *, status: EditStatus, category: ErrorCategory, message: str) -> int:
    """Refund every image of the batch not yet settled; returns how many."""
    refunded = 0
    for edit in await ImageEdit.filter(batch_job_id=batch_id, status__in=OPEN_EDIT_STATUSES).order_by("batch_index"):
        if await refund_edit(edit, status=status, category=category, code=None, message=message):
            refunded += 1
    await BatchItem.filter(batch_job_id=batch_id, status__in=OPEN_EDIT_STATUSES).update(
        status=status, error_category=category, error_message=message, finished_at=datetime.now(UTC)
    )
    return refunded


def final_status(completed: int, total: int, cancelled: bool) -> BatchStatus:
    if cancelled:
        return BatchStatus.CANCELLED
    if completed == total:
        return BatchStatus.SUCCEEDED
    return BatchStatus.PARTIALLY_SUCCEEDED if completed else BatchStatus.FAILED


async def finish(batch_id: uuid.UUID, *, cancelled: bool = False, error: str | None = None) -> BatchJob | None:
    """Close a batch whose images are all settled: its final status, finish time and project status.

    Returns the batch, or None if it was already closed (someone else finished it first).
    """
    batch = await BatchJob.get(id=batch_id)
    if await ImageEdit.filter(batch_job_id=batch_id, status__in=OPEN_EDIT_STATUSES).exists():
        raise RuntimeError(f"batch {batch_id} still has unsettled images")
    status = final_status(batch.completed_images, batch.total_images, cancelled)
    updated = await BatchJob.filter(id=batch_id, status__in=OPEN_BATCH_STATUSES).update(
        status=status, finished_at=datetime.now(UTC), error_message=error
    )
    if not updated:
        return None
    await refresh_project_status(batch.project_id)
    return await BatchJob.get(id=batch_id)


async def refresh_project_status(project_id: uuid.UUID) -> None:
    """A project's processing status follows its batches: processing > queued > the latest batch's outcome."""
    open_statuses: list[Any] = await BatchJob.filter(project_id=project_id, status__in=OPEN_BATCH_STATUSES).values_list(
        "status", flat=True
    )
    statuses = set(open_statuses)
    if BatchStatus.RUNNING in statuses or BatchStatus.CANCEL_REQUESTED in statuses:
        value = ProcessingStatus.PROCESSING
    elif BatchStatus.QUEUED in statuses:
        value = ProcessingStatus.QUEUED
    else:
        latest = await BatchJob.filter(project_id=project_id).order_by("-created_at").first()
        if latest is None:
            value = ProcessingStatus.IDLE
        elif latest.status is BatchStatus.FAILED:
            value = ProcessingStatus.FAILED
        elif latest.status is BatchStatus.CANCELLED:
            value = ProcessingStatus.IDLE
        else:
            value = ProcessingStatus.COMPLETED
    await Project.filter(id=project_id).update(processing_status=value)


async def edit_counts(batch_id: uuid.UUID) -> dict[EditStatus, int]:
    rows: list[dict[str, Any]] = (
        await ImageEdit.filter(batch_job_id=batch_id).annotate(n=Count("id")).group_by("status").values("status", "n")
    )
    counts: dict[EditStatus, int] = defaultdict(int)
    for row in rows:
        counts[EditStatus(row["status"])] += int(row["n"])
    return counts


async def snapshot(batch: BatchJob, *, image: ImageEdit | None = None, item_concurrency: int = 4) -> dict[str, Any]:
    """The batch's progress as an event (also the first message of every subscription)."""
    counts = await edit_counts(batch.id)
    settled = batch.total_images - counts[EditStatus.PENDING] - counts[EditStatus.RUNNING]
    terminal = batch.status in TERMINAL_BATCH_STATUSES
    eta = None if terminal else await estimate(batch, item_concurrency)
    return {
        "type": "batch",
        "batchJobId": str(batch.id),
        "userId": str(batch.owner_id),
        "projectId": str(batch.project_id),
        "seq": batch.event_seq,
        "status": batch.status.value,
        "terminal": terminal,
        "total": batch.total_images,
        "completed": counts[EditStatus.SUCCEEDED],
        "failed": counts[EditStatus.FAILED],
        "cancelled": counts[EditStatus.CANCELLED],
        "fraction": round(settled / batch.total_images, 4) if batch.total_images else 1.0,
        "queuePosition": eta.queue_position if eta else None,
        "queueWaitSeconds": eta.queue_wait_seconds if eta else None,
        "runSeconds": eta.run_seconds if eta else None,
        "etaSeconds": eta.total_seconds if eta else None,
        "image": image_event(image) if image is not None else None,
        "creditsHeld": batch.credits_reserved - batch.credits_captured - batch.credits_refunded,
        "creditsCaptured": batch.credits_captured,
        "creditsRefunded": batch.credits_refunded,
        "at": datetime.now(UTC).isoformat(),
    }


def image_event(edit: ImageEdit) -> dict[str, Any]:
    return {
        "imageEditId": str(edit.id),
        "batchIndex": edit.batch_index,
        "url": edit.image_url,
        "width": edit.width,
        "height": edit.height,
    }


class ProgressPublisher:
    """Writes the next ``seq`` then publishes the batch's snapshot to its channel and its owner's channel.

    State is always in SQL before the event leaves; a per-batch lock keeps this process's events in ``seq`` order.
    """

    def __init__(self, bus: EventBus, *, item_concurrency: int = 4) -> None:
        self.bus = bus
        self.item_concurrency = item_concurrency
        self._locks: dict[uuid.UUID, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def publish(self, batch_id: uuid.UUID, *, image: ImageEdit | None = None) -> dict[str, Any]:
        lock = self._locks[batch_id]
        async with lock:
            await BatchJob.filter(id=batch_id).update(event_seq=F("event_seq") + 1)
            batch = await BatchJob.get(id=batch_id)
            event = await snapshot(batch, image=image, item_concurrency=self.item_concurrency)
            await self.bus.publish(batch_channel(batch_id), event)
            await self.bus.publish(user_channel(batch.owner_id), event)
        if event["terminal"]:
            self._locks.pop(batch_id, None)
        return event

    async def publish_balance(self, user_id: uuid.UUID) -> None:
        """Tell the user's sockets their balance changed."""
        balance: list[Any] = await User.filter(id=user_id).values_list("credits", flat=True)
        if balance:
            await self.bus.publish(
                user_channel(user_id),
                {"type": "credits", "userId": str(user_id), "balance": int(balance[0]), "terminal": False},
            )
