"""Recovery at start: SQL is the job of record, so anything the queue lost is found again from the batches."""

from __future__ import annotations

import logging

from models import BatchJob, BatchStatus
from models.enums import OPEN_BATCH_STATUSES
from services.generation.cancel import finalize_cancel
from services.generation.tasks import RUN_BATCH
from services.infra.jobs import JobQueue
from services.progress.publisher import ProgressPublisher

log = logging.getLogger(__name__)


async def reconcile(queue: JobQueue, publisher: ProgressPublisher) -> int:
    """Enqueue every open batch again, and finish interrupted cancels; returns how many were enqueued.

    Safe to run in every process: enqueue is idempotent per batch while a job is queued or running, so only the
    batches whose job was lost start again. ``queue`` is the process's `services.infra.jobs.outbox.Outbox`: with
    Redis away, the batches wait in the outbox and nothing here waits for Redis.
    """
    count = 0
    for batch in await BatchJob.filter(status__in=OPEN_BATCH_STATUSES).order_by("created_at"):
        if batch.status is BatchStatus.CANCEL_REQUESTED:
            await finalize_cancel(batch.id, publisher=publisher)
        else:
            await queue.enqueue(RUN_BATCH, batch.id)
            count += 1
    if count:
        log.info("enqueued %d open batches again (those with a live job are left as they are)", count)
    return count
