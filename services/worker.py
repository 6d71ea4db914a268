"""Runs one batch: each item through the provider (bounded concurrency, account limits, retries), every image into
our storage, every outcome settled and published.

Idempotent by construction: only items and images still open are worked on, and each image is settled once (see
``services.batches``), so a re-delivered job after a crash resumes where the dead worker stopped and charges nothing
twice. Cancellation is finalised by whoever cancels (the API); the worker just stops.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
from tortoise.expressions import F

from models import (
    BatchItem,
    BatchJob,
    BatchStatus,
    EditStatus,
    ErrorCategory,
    GenerationMode,
    ImageEdit,
    ReferenceImage,
    UsageEvent,
)
from models.enums import OPEN_EDIT_STATUSES, TERMINAL_BATCH_STATUSES
from services.batches import Delivered, ProgressPublisher, deliver_edit, finish, refresh_project_status, refund_edit
from services.config import Settings
from services.provider_limits import ProviderLimiter
from services.seedream import ErrorCategory as ProviderCategory
from services.seedream import (
    GeneratedImage,
    GenerationRequest,
    ImageSize,
    ProviderAuthError,
    ProviderError,
    ProviderRejected,
    ProviderTransient,
    SeedreamProvider,
)
from services.seedream import GenerationMode as ProviderMode
from services.seedream import ReferenceImage as ProviderReference
from services.storage import Storage

log = logging.getLogger(__name__)

PROVIDER_MODE = {
    GenerationMode.TEXT_TO_IMAGE: ProviderMode.TEXT_TO_IMAGE,
    GenerationMode.EDIT: ProviderMode.EDIT,
    GenerationMode.MULTI_REFERENCE: ProviderMode.EDIT,
    GenerationMode.SEQUENTIAL: ProviderMode.SEQUENTIAL,
    GenerationMode.EDIT_SEQUENTIAL: ProviderMode.EDIT_SEQUENTIAL,
}
CATEGORY = {
    ProviderCategory.TRANSIENT: ErrorCategory.TRANSIENT,
    ProviderCategory.CONTENT_POLICY: ErrorCategory.CONTENT_POLICY,
    ProviderCategory.INVALID_INPUT: ErrorCategory.INVALID_INPUT,
    ProviderCategory.AUTH: ErrorCategory.PROVIDER_AUTH,
}
MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class WorkerDeps:
    """What running a batch needs; built once per process."""

    settings: Settings
    provider: SeedreamProvider
    storage: Storage
    publisher: ProgressPublisher
    limiter: ProviderLimiter
    http: httpx.AsyncClient
    """For downloading provider output URLs (when a provider returns links instead of bytes)."""


class BatchRunner:
    """``await runner(batch_id)`` runs a batch to its end; this is the queue's handler."""

    def __init__(self, deps: WorkerDeps) -> None:
        self.deps = deps
        self.settings = deps.settings

    async def __call__(self, batch_id: uuid.UUID) -> None:
        batch = await BatchJob.get_or_none(id=batch_id)
        if batch is None or batch.status in TERMINAL_BATCH_STATUSES:
            return
        if batch.status is BatchStatus.CANCEL_REQUESTED:
            return  # the canceller finalises; a reconcile picks up a cancel interrupted by a crash
        await BatchJob.filter(id=batch_id, status=BatchStatus.QUEUED).update(
            status=BatchStatus.RUNNING, started_at=datetime.now(UTC)
        )
        await refresh_project_status(batch.project_id)
        await self.deps.publisher.publish(batch_id)
        batch = await BatchJob.get(id=batch_id)
        references = await self._references(batch)
        items = await BatchItem.filter(batch_job_id=batch_id, status__in=OPEN_EDIT_STATUSES).order_by("item_index")
        gate = asyncio.Semaphore(self.settings.batch_item_concurrency)
        async with asyncio.TaskGroup() as group:
            for item in items:
                group.create_task(self._run_item(batch, item, references, gate))
        if await self._cancelled(batch_id):
            return
        finished = await finish(batch_id)
        if finished is not None:
            await self.deps.publisher.publish(batch_id)
            await self.deps.publisher.publish_balance(batch.owner_id)

    async def _references(self, batch: BatchJob) -> tuple[ProviderReference, ...]:
        ids = [uuid.UUID(r) for r in batch.parameters.get("references", [])]
        rows = {r.id: r for r in await ReferenceImage.filter(id__in=ids)}
        loaded = []
        for ident in ids:
            row = rows[ident]
            loaded.append(ProviderReference.from_bytes(await self.deps.storage.get(row.storage_key), row.content_type))
        return tuple(loaded)

    async def _cancelled(self, batch_id: uuid.UUID) -> bool:
        status: list[Any] = await BatchJob.filter(id=batch_id).values_list("status", flat=True)
        return not status or status[0] in (BatchStatus.CANCEL_REQUESTED, BatchStatus.CANCELLED)

    async def _run_item(
        self,
        batch: BatchJob,
        item: BatchItem,
        references: tuple[ProviderReference, ...],
        gate: asyncio.Semaphore,
    ) -> None:
        async with gate:
            if await self._cancelled(batch.id):
                return
            try:
                await self._generate_item(batch, item, references)
            except asyncio.CancelledError:
                raise
            except Exception as error:  # a bug must fail this item (refunded), not wedge the whole batch
                log.exception("item %s of batch %s failed unexpectedly", item.id, batch.id)
                await self._fail_open(
                    batch, item, ErrorCategory.INTERNAL, None, f"internal error: {type(error).__name__}"
                )

    async def _generate_item(self, batch: BatchJob, item: BatchItem, references: tuple[ProviderReference, ...]) -> None:
        settings = self.settings
        started = time.monotonic()
        await BatchItem.filter(id=item.id).update(status=EditStatus.RUNNING, started_at=datetime.now(UTC))
        await ImageEdit.filter(item_id=item.id, status=EditStatus.PENDING).update(status=EditStatus.RUNNING)
        for attempt in range(1, settings.provider_max_attempts + 1):
            open_edits = await ImageEdit.filter(item_id=item.id, status__in=OPEN_EDIT_STATUSES).order_by("slot_index")
            if not open_edits:
                break
            # Counted in SQL, not from this run's loop: a job re-delivered after a crash adds to the calls made before.
            await BatchItem.filter(id=item.id).update(attempts=F("attempts") + 1)
            mode = PROVIDER_MODE[batch.mode]
            delivered: set[uuid.UUID] = set()

            async def on_image(
                image: GeneratedImage, slots: list[ImageEdit] = open_edits, seen: set[uuid.UUID] = delivered
            ) -> None:
                if 0 <= image.index < len(slots) and slots[image.index].id not in seen:
                    edit = slots[image.index]
                    seen.add(edit.id)
                    await self._deliver(batch, edit, image, int((time.monotonic() - started) * 1000))

            request = GenerationRequest(
                mode=mode,
                prompt=item.prompt,
                references=references,
                size=ImageSize(batch.width, batch.height),
                max_images=len(open_edits) if mode.is_set else 1,
                seed=item.seed,
                on_image=on_image,
            )
            try:
                async with self.deps.limiter.slot(str(batch.owner_id), request.expected_images):
                    result = await self.deps.provider.generate(request)
            except ProviderTransient as error:
                if attempt < settings.provider_max_attempts:
                    if error.retry_after:
                        await self.deps.limiter.penalize(error.retry_after)
                    await asyncio.sleep(self._backoff(attempt, error.retry_after))
                    continue
                await self._fail_open(batch, item, ErrorCategory.TRANSIENT, error.code, self._describe(error, attempt))
                break
            except ProviderRejected as error:
                await self._fail_open(batch, item, CATEGORY[error.category], error.code, error.message)
                break
            except ProviderAuthError as error:
                log.error("provider refused our credentials: %r", error)  # an operator must act
                await self._fail_open(
                    batch, item, ErrorCategory.PROVIDER_AUTH, error.code, "the provider is misconfigured"
                )
                break
            except ProviderError as error:
                await self._fail_open(batch, item, ErrorCategory.TRANSIENT, error.code, error.message)
                break
            # Providers that do not stream report images only now; deliver whatever the callback has not.
            for image in result.images:
                await on_image(image)
            elapsed_ms = result.timings.wall_ms
            await BatchItem.filter(id=item.id).update(processing_time_ms=elapsed_ms, api_response=result.raw_response)
            # Each image keeps the provider's reply to the call that made it (base64 payloads already elided).
            await ImageEdit.filter(id__in=list(delivered), status=EditStatus.SUCCEEDED).update(
                api_response=result.raw_response
            )
            failed_by_index = {slot.index: slot for slot in result.failed}
            for index, edit in enumerate(open_edits):
                if edit.id in delivered:
                    continue
                slot = failed_by_index.get(index)
                category = CATEGORY[slot.category] if slot else ErrorCategory.TRANSIENT
                message = (slot.message or slot.code) if slot else "the provider returned fewer images than asked"
                if await refund_edit(
                    edit,
                    status=EditStatus.FAILED,
                    category=category,
                    code=slot.code if slot else None,
                    message=message,
                    api_response=result.raw_response,
                ):
                    await self.deps.publisher.publish(batch.id)
            await self._record_usage(batch, item, result_ms=elapsed_ms)
            break
        await self._close_item(item)

    async def _deliver(self, batch: BatchJob, edit: ImageEdit, image: GeneratedImage, elapsed_ms: int) -> None:
        data = image.data if image.data is not None else await self._download(image.url)
        stored = await self.deps.storage.put(data, image.content_type, prefix=f"outputs/{datetime.now(UTC):%Y/%m}")
        kept = await deliver_edit(
            edit,
            Delivered(
                storage_key=stored.key,
                url=stored.url,
                width=image.width,
                height=image.height,
                content_type=image.content_type,
                size_bytes=stored.size_bytes,
                processing_time_ms=elapsed_ms,
                api_response={"index": image.index},
            ),
        )
        if not kept:  # cancelled meanwhile: the image was refunded, so it is not ours to keep
            await self.deps.storage.delete(stored.key)
            return
        fresh = await ImageEdit.get(id=edit.id)
        await self.deps.publisher.publish(batch.id, image=fresh)
        await self.deps.publisher.publish_balance(batch.owner_id)

    async def _download(self, url: str | None) -> bytes:
        if url is None:
            raise ProviderError("the provider returned an image without data or URL", provider="unknown")
        chunks: list[bytes] = []
        size = 0
        async with self.deps.http.stream("GET", url) as response:
            response.raise_for_status()
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > MAX_DOWNLOAD_BYTES:
                    raise ProviderError("provider image too large", provider="unknown")
                chunks.append(chunk)
        return b"".join(chunks)

    async def _fail_open(
        self, batch: BatchJob, item: BatchItem, category: ErrorCategory, code: str | None, message: str
    ) -> None:
        for edit in await ImageEdit.filter(item_id=item.id, status__in=OPEN_EDIT_STATUSES):
            if await refund_edit(edit, status=EditStatus.FAILED, category=category, code=code, message=message):
                await self.deps.publisher.publish(batch.id)
        await BatchItem.filter(id=item.id).update(error_category=category, error_code=code, error_message=message)
        await self._record_usage(batch, item, result_ms=None)

    async def _close_item(self, item: BatchItem) -> None:
        rows: list[Any] = await ImageEdit.filter(item_id=item.id).values_list("status", flat=True)
        statuses = set(rows)
        if statuses & set(OPEN_EDIT_STATUSES):
            return  # cancelled mid-way: the canceller settles the rest
        status = EditStatus.SUCCEEDED if statuses == {EditStatus.SUCCEEDED} else EditStatus.FAILED
        await BatchItem.filter(id=item.id, status__in=OPEN_EDIT_STATUSES).update(
            status=status, finished_at=datetime.now(UTC)
        )

    async def _record_usage(self, batch: BatchJob, item: BatchItem, *, result_ms: int | None) -> None:
        edits = await ImageEdit.filter(item_id=item.id)
        delivered = [e for e in edits if e.status is EditStatus.SUCCEEDED]
        failed = [e for e in edits if e.status is EditStatus.FAILED]
        common: dict[str, Any] = {
            "user_id": batch.owner_id,
            "project_id": batch.project_id,
            "batch_job_id": batch.id,
            "style_preset_id": batch.style_preset_id,
            "mode": batch.mode,
            "size_tier": batch.size_tier.value,
        }
        if delivered:
            await UsageEvent.create(
                id=uuid.uuid4(),
                succeeded=True,
                images=len(delivered),
                credits=sum(e.credits for e in delivered),
                processing_time_ms=result_ms,
                **common,
            )
        if failed:
            await UsageEvent.create(
                id=uuid.uuid4(),
                succeeded=False,
                images=len(failed),
                credits=0,
                processing_time_ms=result_ms,
                error_category=failed[0].error_category,
                **common,
            )

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        """Exponential backoff with full jitter, never shorter than the provider's own hint."""
        ceiling = min(self.settings.provider_retry_max_seconds, self.settings.provider_retry_base_seconds * 2**attempt)
        delay = random.uniform(0, ceiling)  # noqa: S311 (jitter, not cryptography)
        return max(delay, retry_after or 0.0)

    @staticmethod
    def _describe(error: ProviderTransient, attempts: int) -> str:
        return f"{error.message} (gave up after {attempts} attempts)"
