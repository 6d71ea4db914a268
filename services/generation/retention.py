"""Storage retention: what the scheduled ``storage_retention`` job removes (``tasks.STORAGE_RETENTION``).

One run removes
- **unused uploads**: reference images older than ``RETENTION_UNUSED_UPLOAD_DAYS`` that no batch created within that
  time used, no open batch uses and no style preset names; the row and its file go together (as
  ``housekeeping.delete_upload`` does: the file is deleted before the row's transaction commits);
- **orphan files**: stored objects under ``outputs/`` and ``references/`` that no row names (the file of an image
  deleted with its project, the leftover of a batch whose worker died between storing an image and settling it)
  and that are older than ``RETENTION_ORPHAN_GRACE_HOURS`` (a younger one may be a write whose row is not committed
  yet);
- **expired exports**: account exports (``meExport``) past their ``expires_at`` lose their archive and become
  EXPIRED (``services.account.export.expire_exports``); an archive no export names (a build that died between
  storing it and saying so) is an orphan under ``exports/``.

Each run logs and counts (``playground_retention_removed_objects``) what it removed, then schedules the next run
through the outbox (one row, one fixed key), so exactly one run is due at a time across all processes.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from models import AccountExport, BatchJob, ImageEdit, Upload
from models.enums import OPEN_BATCH_STATUSES
from models.jobs import JobOutbox
from models.presets import StylePreset, StylePresetVersion
from services.account.export import expire_exports
from services.core.config import Settings
from services.generation.tasks import STORAGE_RETENTION
from services.infra import metrics
from services.infra.jobs import outbox
from services.infra.storage import Storage

log = logging.getLogger(__name__)

RETENTION_KEY = uuid.UUID("5e7e0000-0000-4000-8000-000000000024")
"""The one key of the retention job: one run is due, queued or running at a time."""
SWEPT_PREFIXES = ("outputs", "references", "exports")
PAGE = 500


@dataclass(frozen=True, slots=True)
class RetentionReport:
    unused_uploads: int
    orphan_files: int
    expired_exports: int = 0


async def _referenced_uploads(since: datetime) -> set[str]:
    """Ids of uploads a recent or open batch used, or a style preset (or one of its versions) names."""
    used: set[str] = set()
    recent = await BatchJob.filter(created_at__gte=since).values_list("parameters", flat=True)
    still_open = await BatchJob.filter(status__in=OPEN_BATCH_STATUSES).values_list("parameters", flat=True)
    for parameters in [*recent, *still_open]:
        references: Any = (parameters or {}).get("references", []) if isinstance(parameters, dict) else []
        used.update(str(ref) for ref in references)
    for model in (StylePreset, StylePresetVersion):
        ids: list[Any] = await model.all().values_list("reference_ids", flat=True)
        for listed in ids:
            used.update(str(ref) for ref in listed or [])
    return used


async def remove_unused_uploads(storage: Storage, *, older_than: datetime) -> int:
    used = await _referenced_uploads(older_than)
    removed = 0
    after: uuid.UUID | None = None
    while True:
        query = Upload.filter(created_at__lt=older_than)
        if after is not None:
            query = query.filter(id__gt=after)
        page = await query.order_by("id").limit(PAGE).values_list("id", "storage_key")
        for upload_id, key in page:
            if str(upload_id) in used:
                continue
            async with in_transaction():
                if await Upload.filter(id=upload_id, created_at__lt=older_than).delete():
                    await storage.delete(key)
                    removed += 1
        if len(page) < PAGE:
            return removed
        after = page[-1][0]


async def remove_orphan_files(storage: Storage, *, older_than: datetime) -> int:
    removed = 0
    for prefix in SWEPT_PREFIXES:
        candidates = [o.key async for o in storage.objects(prefix) if o.modified_at < older_than]
        for start in range(0, len(candidates), PAGE):
            keys = candidates[start : start + PAGE]
            images: list[Any] = await ImageEdit.filter(image_key__in=keys).values_list("image_key", flat=True)
            uploads: list[Any] = await Upload.filter(storage_key__in=keys).values_list("storage_key", flat=True)
            exports: list[Any] = await AccountExport.filter(storage_key__in=keys).values_list("storage_key", flat=True)
            named = {str(key) for key in [*images, *uploads, *exports]}
            for key in keys:
                if key not in named:
                    await storage.delete(key)
                    removed += 1
    return removed


class Retention:
    """The handler of `STORAGE_RETENTION`: one run, then the next one scheduled."""

    def __init__(self, settings: Settings, storage: Storage) -> None:
        self.settings = settings
        self.storage = storage

    async def run(self, now: datetime | None = None) -> RetentionReport:
        now = now or datetime.now(UTC)
        uploads = await remove_unused_uploads(
            self.storage, older_than=now - timedelta(days=self.settings.retention_unused_upload_days)
        )
        orphans = await remove_orphan_files(
            self.storage, older_than=now - timedelta(hours=self.settings.retention_orphan_grace_hours)
        )
        exports = await expire_exports(self.storage, now=now)
        metrics.RETENTION_REMOVED.labels(what="unused_upload").inc(uploads)
        metrics.RETENTION_REMOVED.labels(what="orphan_file").inc(orphans)
        metrics.RETENTION_REMOVED.labels(what="expired_export").inc(exports)
        log.info(
            "storage retention: removed %d unused upload(s), %d orphan file(s) and %d expired export(s)",
            uploads,
            orphans,
            exports,
        )
        return RetentionReport(unused_uploads=uploads, orphan_files=orphans, expired_exports=exports)

    async def __call__(self, key: uuid.UUID) -> None:
        try:
            await self.run()
        except Exception:
            metrics.RETENTION_RUNS.labels(outcome="error").inc()
            raise
        metrics.RETENTION_RUNS.labels(outcome="ok").inc()
        due = datetime.now(UTC) + timedelta(seconds=self.settings.retention_interval_seconds)
        await outbox.put(STORAGE_RETENTION, RETENTION_KEY, at=due)


async def schedule_retention(settings: Settings) -> None:
    """At API start: make sure a run is scheduled unless one already is. The first run is an interval away (a
    fresh deployment has nothing to remove); the schedule lives in the outbox, so restarts do not postpone it."""
    if not await JobOutbox.filter(kind=STORAGE_RETENTION.name, key=RETENTION_KEY).exists():
        due = datetime.now(UTC) + timedelta(seconds=settings.retention_interval_seconds)
        await outbox.put(STORAGE_RETENTION, RETENTION_KEY, at=due)
