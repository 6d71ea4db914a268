"""Account export (``meExport``): one zip archive of everything a user owns, delivered through an expiring link.

``request_export`` writes the ``AccountExport`` row (QUEUED) and its outbox row in one transaction, after checking
``EXPORTS_PER_DAY`` (exports that did not fail, counted over the last 24 hours in SQL, so every process agrees).
The job (``tasks.ACCOUNT_EXPORT``, handler `AccountExporter`) then builds the archive:

- ``account.json`` (who, balance, when), ``projects.json``, ``batches.json`` (with their items),
  ``images.json``, ``presets.json`` (with every version), ``gallery.json`` (items and collections),
  ``ledger.json`` (every credit ledger entry), ``uploads.json`` and ``workspaces.json`` (the user's memberships
  with each workspace's name, kind and their role, and the invitations they made, without the token's hash): the
  rows as stored, as JSON. Other members are not listed: they are their own data;
- ``images/<image id>.<ext>`` and ``uploads/<upload id>.<ext>``: the stored files, byte for byte.

The archive is written into a ``SpooledTemporaryFile`` (memory up to ``SPOOL_BYTES``, then disk), each file copied
from storage chunk by chunk into its zip entry, then streamed to storage under ``exports/`` (``put_stream``): no
image and no archive is held whole in memory. Compressing and writing run in a worker thread (one call at a time, so
two threads never touch the archive), never on the event loop, which serves requests and runs batches. The row
becomes READY with the key, size and ``expires_at`` (now + ``EXPORT_LINK_DAYS``), and the owner hears it on
``myEvents``. Any error marks the row FAILED with no stored object (a write is all-or-nothing; an object stored before
the row could say so is removed here, or by retention).

Every read is scoped through ``services.access`` (or, for the ledger, its ``user_id``): the archive holds the
caller's data and nobody else's.
"""

from __future__ import annotations

import asyncio
import json
import logging
import tempfile
import uuid
import zipfile
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import IO, Any

from tortoise.models import Model
from tortoise.transactions import in_transaction

from models import (
    AccountExport,
    BatchItem,
    BatchJob,
    CreditLedgerEntry,
    ExportStatus,
    GalleryCollection,
    GalleryCollectionItem,
    GalleryItem,
    ImageEdit,
    Project,
    StylePreset,
    StylePresetVersion,
    Upload,
    User,
)
from services.access import find_owned, invitations_sent, memberships, owned
from services.account.tasks import ACCOUNT_EXPORT, OPEN_EXPORT_STATUSES
from services.core.config import Settings
from services.core.errors import RateLimited
from services.infra.jobs import JobQueue, outbox
from services.infra.storage import CHUNK_BYTES, STORE_ERRORS, ObjectNotFound, Storage
from services.progress.events import AccountExportChanged
from services.progress.publisher import ProgressPublisher
from services.webhooks.deliveries import WebhookRecorder

log = logging.getLogger(__name__)

SPOOL_BYTES = 8 * 1024 * 1024
"""An archive up to this size stays in memory while it is built; a larger one goes to a temporary file."""
EXPORT_PREFIX = "exports"
DAY = timedelta(days=1)
LIST_LIMIT = 20


def _now() -> datetime:
    return datetime.now(UTC)


async def request_export(user: User, settings: Settings, queue: JobQueue) -> AccountExport:
    """A new export of ``user``'s data, queued; ``RateLimited`` (nothing written) past ``EXPORTS_PER_DAY``."""
    recent = owned(AccountExport, user.id).filter(created_at__gte=_now() - DAY).exclude(status=ExportStatus.FAILED)
    async with in_transaction():
        if await recent.count() >= settings.exports_per_day:
            oldest = await recent.order_by("created_at").first()
            wait = DAY - (_now() - oldest.created_at) if oldest is not None else DAY
            raise RateLimited("account exports", max(1, int(wait.total_seconds())))
        export = await AccountExport.create(id=uuid.uuid4(), owner_id=user.id)
        await outbox.put(ACCOUNT_EXPORT, export.id)
    log.info("account export requested: user=%s export=%s", user.id, export.id)
    await queue.enqueue(ACCOUNT_EXPORT, export.id)
    return export


async def list_exports(user_id: uuid.UUID) -> list[AccountExport]:
    """The user's latest exports, newest first."""
    return await owned(AccountExport, user_id).order_by("-created_at", "-id").limit(LIST_LIMIT)


async def find_export(user_id: uuid.UUID, export_id: str) -> AccountExport | None:
    """One of the user's exports; None for anyone else's, as for one that does not exist (ids cannot be probed)."""
    return await find_owned(AccountExport, user_id, export_id)


def downloadable(export: AccountExport, now: datetime | None = None) -> bool:
    """Whether the export's archive may be linked: READY and not past its time."""
    return (
        export.status == ExportStatus.READY
        and export.storage_key is not None
        and export.expires_at is not None
        and export.expires_at > (now or _now())
    )


# Building the archive ---------------------------------------------------------------------------------------------


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)  # UUIDs, enums, decimals


def _write_json(archive: zipfile.ZipFile, name: str, rows: Any) -> None:
    with archive.open(name, "w") as entry:
        entry.write(json.dumps(rows, default=_json_default, indent=2, sort_keys=True).encode())


async def _rows(query: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = await query.order_by("created_at", "id").values()
    return rows


async def _children(model: type[Model], field: str, parent_ids: list[Any]) -> list[dict[str, Any]]:
    if not parent_ids:
        return []
    rows: list[dict[str, Any]] = await model.filter(**{f"{field}__in": parent_ids}).order_by("id").values()
    return rows


async def _copy(storage: Storage, key: str, archive: zipfile.ZipFile, name: str) -> bool:
    """The stored object, chunk by chunk, into a new zip entry; False when it is no longer stored."""
    chunks = storage.stream(key)
    try:
        first = await anext(chunks)
    except ObjectNotFound:
        return False
    except StopAsyncIteration:
        first = b""
    with archive.open(name, "w", force_zip64=True) as entry:
        await asyncio.to_thread(entry.write, first)
        async for chunk in chunks:
            await asyncio.to_thread(entry.write, chunk)
    return True


def _extension(key: str) -> str:
    return key.rsplit(".", 1)[-1] if "." in key else "bin"


async def write_archive(user_id: uuid.UUID, storage: Storage, handle: IO[bytes]) -> int:
    """Write the user's archive into ``handle``; the number of files copied from storage."""
    user = await User.get(id=user_id)
    projects = await _rows(owned(Project, user_id))
    batches = await _rows(owned(BatchJob, user_id))
    items = await _children(BatchItem, "batch_job_id", [b["id"] for b in batches])
    images = await _rows(owned(ImageEdit, user_id))
    presets = await _rows(owned(StylePreset, user_id))
    versions = await _children(StylePresetVersion, "preset_id", [p["id"] for p in presets])
    gallery = await _rows(owned(GalleryItem, user_id))
    collections = await _rows(owned(GalleryCollection, user_id))
    collection_items = await _children(GalleryCollectionItem, "collection_id", [c["id"] for c in collections])
    uploads = await _rows(owned(Upload, user_id))
    ledger: list[dict[str, Any]] = await CreditLedgerEntry.filter(user_id=user_id).order_by("created_at", "id").values()
    joined: list[dict[str, Any]] = (
        await memberships(user_id)
        .order_by("created_at", "id")
        .values(
            "role",
            "created_at",
            workspace_id="workspace__id",
            name="workspace__name",
            kind="workspace__kind",
            owner_id="workspace__owner_id",
        )
    )
    invited: list[dict[str, Any]] = (
        await invitations_sent(user_id)
        .order_by("created_at", "id")
        .values("id", "workspace_id", "role", "email", "expires_at", "accepted_at", "revoked_at", "created_at")
    )
    items_by_batch: dict[Any, list[dict[str, Any]]] = {}
    for item in items:
        items_by_batch.setdefault(item["batch_job_id"], []).append(item)
    versions_by_preset: dict[Any, list[dict[str, Any]]] = {}
    for version in versions:
        versions_by_preset.setdefault(version["preset_id"], []).append(version)
    items_by_collection: dict[Any, list[dict[str, Any]]] = {}
    for entry in collection_items:
        items_by_collection.setdefault(entry["collection_id"], []).append(entry)
    files = 0
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        await asyncio.to_thread(
            _write_json,
            archive,
            "account.json",
            {
                "id": user.id,
                "email": user.email,
                "display_name": user.display_name,
                "credits": user.credits,
                "created_at": user.created_at,
                "exported_at": _now(),
            },
        )
        await asyncio.to_thread(_write_json, archive, "projects.json", projects)
        await asyncio.to_thread(
            _write_json, archive, "batches.json", [{**b, "items": items_by_batch.get(b["id"], [])} for b in batches]
        )
        await asyncio.to_thread(
            _write_json,
            archive,
            "presets.json",
            [{**p, "versions": versions_by_preset.get(p["id"], [])} for p in presets],
        )
        await asyncio.to_thread(
            _write_json,
            archive,
            "gallery.json",
            {
                "items": gallery,
                "collections": [{**c, "items": items_by_collection.get(c["id"], [])} for c in collections],
            },
        )
        await asyncio.to_thread(_write_json, archive, "ledger.json", ledger)
        await asyncio.to_thread(
            _write_json, archive, "workspaces.json", {"memberships": joined, "invitations_sent": invited}
        )
        for image in images:
            key = image.get("image_key")
            image["file"] = None
            if key:
                name = f"images/{image['id']}.{_extension(key)}"
                if await _copy(storage, key, archive, name):
                    image["file"] = name
                    files += 1
        await asyncio.to_thread(_write_json, archive, "images.json", images)
        for upload in uploads:
            name = f"uploads/{upload['id']}.{_extension(upload['storage_key'])}"
            upload["file"] = None
            if await _copy(storage, upload["storage_key"], archive, name):
                upload["file"] = name
                files += 1
        await asyncio.to_thread(_write_json, archive, "uploads.json", uploads)
    return files


async def _read_back(handle: IO[bytes]) -> AsyncIterator[bytes]:
    handle.seek(0)
    while chunk := await asyncio.to_thread(handle.read, CHUNK_BYTES):
        yield chunk


class AccountExporter:
    """The handler of `ACCOUNT_EXPORT`: builds one export's archive, stores it, marks it READY and says so."""

    def __init__(
        self, settings: Settings, storage: Storage, publisher: ProgressPublisher, webhooks: WebhookRecorder
    ) -> None:
        self.settings = settings
        self.storage = storage
        self.publisher = publisher
        self.webhooks = webhooks

    async def __call__(self, export_id: uuid.UUID) -> None:
        claimed = await AccountExport.filter(id=export_id, status__in=OPEN_EXPORT_STATUSES).update(
            status=ExportStatus.RUNNING
        )
        if not claimed:
            return  # ended already (a job delivered twice)
        export = await AccountExport.get(id=export_id)
        stored_key: str | None = None
        try:
            with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as handle:
                files = await write_archive(export.owner_id, self.storage, handle)
                stored = await self.storage.put_stream(_read_back(handle), "application/zip", prefix=EXPORT_PREFIX)
            stored_key = stored.key
            expires_at = _now() + timedelta(days=self.settings.export_link_days)
            updated = await AccountExport.filter(id=export_id, status=ExportStatus.RUNNING).update(
                status=ExportStatus.READY,
                storage_key=stored.key,
                size_bytes=stored.size_bytes,
                expires_at=expires_at,
                error=None,
            )
            if not updated:
                raise RuntimeError("the export ended while it was being built")
        except Exception as error:
            log.exception("account export failed: export=%s user=%s", export_id, export.owner_id)
            if stored_key is not None:
                await self.storage.delete(stored_key)
            await (
                AccountExport.filter(id=export_id)
                .exclude(status=ExportStatus.READY)
                .update(status=ExportStatus.FAILED, storage_key=None, size_bytes=None, error=_describe(error))
            )
            await self._announce(export.owner_id, export_id, ExportStatus.FAILED, None)
            return
        log.info(
            "account export ready: export=%s user=%s bytes=%d files=%d",
            export_id,
            export.owner_id,
            stored.size_bytes,
            files,
        )
        await self._announce(export.owner_id, export_id, ExportStatus.READY, expires_at)

    async def _announce(
        self, user_id: uuid.UUID, export_id: uuid.UUID, status: ExportStatus, expires_at: datetime | None
    ) -> None:
        """``myEvents`` (at most once, like every bus message: the row says where the export stands) and the
        webhook events (recorded with their jobs, handed to the process's queue at once)."""
        event = AccountExportChanged(user_id=user_id, account_export_id=export_id, status=status, at=_now())
        try:
            await self.publisher.account_export(event)
        except Exception:
            log.warning("account export event not sent: export=%s", export_id, exc_info=True)
        ready = status == ExportStatus.READY
        await self.webhooks.account_export(user_id, export_id, ready=ready, expires_at=expires_at)


def _describe(error: Exception) -> str:
    """What the owner is told: the kind of failure, never internals (keys, paths, hosts)."""
    if isinstance(error, STORE_ERRORS):
        return "The archive could not be stored; request a new export."
    return "The export could not be built; request a new export."


async def expire_exports(storage: Storage, *, now: datetime) -> int:
    """Retention: READY exports past ``expires_at`` lose their archive and become EXPIRED; how many."""
    expired = 0
    rows = await AccountExport.filter(status=ExportStatus.READY, expires_at__lte=now).values_list("id", "storage_key")
    for export_id, key in rows:
        async with in_transaction():
            if await AccountExport.filter(id=export_id, status=ExportStatus.READY).update(
                status=ExportStatus.EXPIRED, storage_key=None
            ):
                if key:
                    await storage.delete(key)
                expired += 1
    return expired
