"""The generation domain's background jobs: running a batch, and the storage retention run.

`STORAGE_RETENTION` (handler: ``retention.Retention``) removes unused uploads and files no row names; it runs on a
queue of its own (``<REDIS_NAMESPACE>:maintenance``), one at a time, and schedules its next run through the outbox
every ``RETENTION_INTERVAL_SECONDS``.

`RUN_BATCH` is handed to the job system by the composition root with the batch runner as its handler
(``app.runtime``). Its policy is the one batches always had: up to an hour per attempt (hundreds of slow provider
calls), five attempts (a dead worker's swept job runs again), the process's ``WORKER_CONCURRENCY`` batches at once,
on the namespace's own SAQ queue (so jobs queued by an older release are still taken).
"""

from __future__ import annotations

import uuid

from models import BatchJob
from models.enums import TERMINAL_BATCH_STATUSES
from services.infra.jobs import JobKind


async def _open_batches(batch_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Of these batches, those that still exist and have not ended (an ended batch's outbox row is dropped)."""
    rows = await BatchJob.filter(id__in=batch_ids).values_list("id", "status")
    return {batch_id for batch_id, status in rows if status not in TERMINAL_BATCH_STATUSES}


RUN_BATCH = JobKind(
    name="run_batch",
    label="batch",
    log_field="batch_id",
    queue_suffix=None,
    concurrency=None,
    timeout_s=3600,
    retries=5,
    retry_delay_s=1.0,
    retry_backoff_max_s=60.0,
    still_wanted=_open_batches,
)


STORAGE_RETENTION = JobKind(
    name="storage_retention",
    label="retention run",
    log_field="run_id",
    queue_suffix="maintenance",
    concurrency=1,
    timeout_s=1800,
    retries=3,
    retry_delay_s=30.0,
    retry_backoff_max_s=600.0,
)
