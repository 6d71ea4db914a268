"""Cancelling a batch: in-flight provider calls are abandoned, delivered images kept, everything else refunded."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from models import BatchJob, BatchStatus, EditStatus, ErrorCategory, User
from models.enums import OPEN_BATCH_STATUSES, TERMINAL_BATCH_STATUSES
from services import access
from services.core.errors import Conflict, NotFound
from services.generation.settlement import finish, refund_open_images
from services.generation.tasks import RUN_BATCH
from services.infra.jobs import JobQueue
from services.progress.publisher import ProgressPublisher


@dataclass(frozen=True, slots=True)
class CancelOutcome:
    batch: BatchJob
    kept_images: int
    refunded_images: int
    refunded_credits: int


async def cancel(user: User, batch_id: str, *, queue: JobQueue, publisher: ProgressPublisher) -> CancelOutcome:
    """Stop a queued or running batch: in-flight calls are abandoned, delivered images kept, the rest refunded."""
    batch = await access.find_editable(BatchJob, user.id, batch_id)
    if batch is None:
        raise NotFound("batch job not found", ["id"])
    if batch.status in TERMINAL_BATCH_STATUSES:
        raise Conflict(f"the batch already ended ({batch.status.value})", ["id"])
    await BatchJob.filter(id=batch.id, status__in=OPEN_BATCH_STATUSES).update(status=BatchStatus.CANCEL_REQUESTED)
    await queue.abort(RUN_BATCH, batch.id)
    return await finalize_cancel(batch.id, publisher=publisher)


async def finalize_cancel(batch_id: uuid.UUID, *, publisher: ProgressPublisher) -> CancelOutcome:
    """Refund what is still open and close the batch as CANCELLED (also run by ``reconcile`` after a crash)."""
    refunded = await refund_open_images(
        batch_id, status=EditStatus.CANCELLED, category=ErrorCategory.CANCELLED, message="cancelled by the user"
    )
    await finish(batch_id, cancelled=True)
    batch = await BatchJob.get(id=batch_id)
    await publisher.changed(batch_id)
    await publisher.balance(batch.owner_id)
    price = int(batch.parameters.get("pricePerImage", 0))
    return CancelOutcome(
        batch=batch,
        kept_images=batch.completed_images,
        refunded_images=refunded,
        refunded_credits=refunded * price,
    )
