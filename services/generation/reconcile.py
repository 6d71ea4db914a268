"""Recovery at start: SQL is the job of record, so anything the queue lost is found again from the batches."""

from __future__ import annotations

import logging

from models import BatchJob, BatchStatus
from models.enums import OPEN_BATCH_STATUSES
from services.generation.cancel import finalize_cancel
from services.infra.jobs import LIVE_STATUSES, JobQueue
from services.progress.publisher import ProgressPublisher

log = logging.getLogger(__name__)


async def reconcile(queue: JobQueue, publisher: ProgressPublisher) -> int:
    """Re-enqueue batches left open without a live job, and finish interrupted cancels; returns how many were queued.

    Safe to run in every process: enqueue is idempotent per batch while a job is live.
    """
    count = 0
    for batch in await BatchJob.filter(status__in=OPEN_BATCH_STATUSES).order_by("created_at"):
        if batch.status is BatchStatus.CANCEL_REQUESTED:
            await finalize_cancel(batch.id, publisher=publisher)
        elif await queue.status(batch.id) not in LIVE_STATUSES:
            await queue.enqueue(batch.id)
            count += 1
    if count:
        log.info("reconciled %d unfinished batches", count)
    return count
