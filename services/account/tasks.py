"""The account room's background job: building one account export (`ACCOUNT_EXPORT`, handler
``export.AccountExporter``).

Exports run on a queue of their own (``<REDIS_NAMESPACE>:exports``), two at a time per process, so a large archive
never holds a batch's slot. The key is the ``AccountExport`` row's id: the row is the job
of record, and a job whose export has ended is dropped by the outbox (`still_wanted`).
"""

from __future__ import annotations

import uuid

from models import AccountExport, ExportStatus
from services.infra.jobs import JobKind

OPEN_EXPORT_STATUSES = (ExportStatus.QUEUED, ExportStatus.RUNNING)


async def _open_exports(export_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Of these exports, those still queued or running."""
    rows = await AccountExport.filter(id__in=export_ids, status__in=OPEN_EXPORT_STATUSES).values_list("id", flat=True)
    return {uuid.UUID(str(export_id)) for export_id in rows}


ACCOUNT_EXPORT = JobKind(
    name="account_export",
    label="account export",
    log_field="account_export_id",
    queue_suffix="exports",
    concurrency=2,
    timeout_s=3600,
    retries=3,
    retry_delay_s=10.0,
    retry_backoff_max_s=300.0,
    still_wanted=_open_exports,
)
