"""Settling images and closing batches.

Every image (``ImageEdit``) is settled exactly once: a conditional status change from PENDING/RUNNING to a final
state and its ledger entry (``credits.capture`` when delivered, ``credits.refund`` otherwise) commit together, so a
re-run worker, a cancel racing a delivery, or a crash between the two can never charge or refund twice. The
image's usage analytics row (``services.analytics.recording.record_image``) commits in that same transaction, so
analytics always say what the ledger says.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from models import BatchItem, BatchJob, BatchStatus, EditStatus, ErrorCategory, ImageEdit
from models.enums import OPEN_BATCH_STATUSES, OPEN_EDIT_STATUSES
from services import credits, projects
from services.analytics import recording
from services.infra import metrics


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


async def deliver_image(batch: BatchJob, edit: ImageEdit, image: Delivered) -> bool:
    """Mark an image of ``batch`` delivered and capture its credits; False if it was already settled (e.g. cancelled).

    ``batch`` is the caller's copy (the settlement's analytics row reads its mode, size, presets and provider, which
    do not change while it runs): no extra read per image.
    """
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
        await recording.record_image(batch, edit, status=EditStatus.SUCCEEDED, processing_ms=image.processing_time_ms)
        await credits.capture(
            edit.owner_id,
            edit.id,
            edit.credits,
            batch_id=edit.batch_job_id,
            description=f"image {edit.batch_index + 1} delivered",
        )
        await BatchJob.filter(id=edit.batch_job_id).update(
            completed_images=F("completed_images") + 1, credits_captured=F("credits_captured") + edit.credits
        )
    metrics.IMAGES_DELIVERED.inc()
    return True


async def refund_image(
    batch: BatchJob,
    edit: ImageEdit,
    *,
    status: EditStatus,
    category: ErrorCategory,
    code: str | None,
    message: str,
    api_response: Any = None,
) -> bool:
    """Mark an image of ``batch`` failed or cancelled and refund its credits; False if it was already settled."""
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
        await recording.record_image(batch, edit, status=status, category=category)
        await credits.refund(
            edit.owner_id,
            edit.id,
            edit.credits,
            batch_id=edit.batch_job_id,
            description=f"image {edit.batch_index + 1} {status.value.lower()}: {category.value.lower()}",
        )
        counter = {"failed_images": F("failed_images") + 1} if status is EditStatus.FAILED else {}
        await BatchJob.filter(id=edit.batch_job_id).update(
            credits_refunded=F("credits_refunded") + edit.credits, **counter
        )
    return True


async def refund_open_images(batch_id: uuid.UUID, *, status: EditStatus, category: ErrorCategory, message: str) -> int:
    """Refund every image of the batch not yet settled; returns how many."""
    refunded = 0
    batch = await BatchJob.get(id=batch_id)
    for edit in await ImageEdit.filter(batch_job_id=batch_id, status__in=OPEN_EDIT_STATUSES).order_by("batch_index"):
        if await refund_image(batch, edit, status=status, category=category, code=None, message=message):
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
    await projects.refresh_status(batch.project_id)
    return await BatchJob.get(id=batch_id)
