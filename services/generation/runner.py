"""The batch loop: ``BatchRunner`` is the queue's handler. It runs each open item of a batch through the provider
(bounded concurrency, the account's limits, retries), keeps every image in our storage, settles every outcome and
publishes it.

Idempotent by construction: only items and images still open are worked on, and each image is settled once (see
``services.generation.settlement``), so a re-delivered job after a crash resumes where the dead worker stopped and
charges nothing twice. Cancellation is finalised by whoever cancels (the API); the runner just stops.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
from tortoise.expressions import F

from models import BatchItem, BatchJob, BatchStatus, EditStatus, ErrorCategory, ImageEdit, ReferenceImage
from models.enums import OPEN_EDIT_STATUSES, TERMINAL_BATCH_STATUSES
from services import projects
from services.analytics import recording
from services.core.config import Settings
from services.generation import provider
from services.generation.backoff import RetryPolicy
from services.generation.settlement import Delivered, deliver_image, finish, refund_image
from services.infra.limits import ProviderLimiter
from services.infra.storage import Storage
from services.progress.publisher import ProgressPublisher
from services.seedream import GeneratedImage, ProviderError, SeedreamProvider
from services.seedream import ReferenceImage as ProviderReference

log = logging.getLogger(__name__)


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
        self.policy = RetryPolicy.from_settings(deps.settings)

    async def __call__(self, batch_id: uuid.UUID) -> None:
        batch = await BatchJob.get_or_none(id=batch_id)
        if batch is None or batch.status in TERMINAL_BATCH_STATUSES:
            return
        if batch.status is BatchStatus.CANCEL_REQUESTED:
            return  # the canceller finalises; a reconcile picks up a cancel interrupted by a crash
        await BatchJob.filter(id=batch_id, status=BatchStatus.QUEUED).update(
            status=BatchStatus.RUNNING, started_at=datetime.now(UTC), provider=self.deps.provider.name
        )
        await projects.refresh_status(batch.project_id)
        await self.deps.publisher.publish(batch_id)
        batch = await BatchJob.get(id=batch_id)
        references = await self._references(batch)
        items = await BatchItem.filter(batch_job_id=batch_id, status__in=OPEN_EDIT_STATUSES).order_by("item_index")
        if references is None:
            # An upload the batch names is gone (deleted in a race with the submit): fail and refund, do not crash.
            for item in items:
                await self._fail_open(
                    batch, item, ErrorCategory.INVALID_INPUT, "REFERENCE_DELETED", "a reference image was deleted"
                )
                await self._close_item(item)
        gate = asyncio.Semaphore(self.settings.batch_item_concurrency)
        async with asyncio.TaskGroup() as group:
            for item in items if references is not None else []:
                group.create_task(self._run_item(batch, item, references or (), gate))
        if await self._cancelled(batch_id):
            return
        finished = await finish(batch_id)
        if finished is not None:
            await self.deps.publisher.publish(batch_id)
            await self.deps.publisher.publish_balance(batch.owner_id)

    async def _references(self, batch: BatchJob) -> tuple[ProviderReference, ...] | None:
        """The batch's reference images, or None when one of them no longer exists."""
        ids = [uuid.UUID(r) for r in batch.parameters.get("references", [])]
        rows = {r.id: r for r in await ReferenceImage.filter(id__in=ids)}
        if any(ident not in rows for ident in ids):
            return None
        return await provider.load_references(self.deps.storage, [rows[ident] for ident in ids])

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
        started = time.monotonic()
        await BatchItem.filter(id=item.id).update(status=EditStatus.RUNNING, started_at=datetime.now(UTC))
        await ImageEdit.filter(item_id=item.id, status=EditStatus.PENDING).update(status=EditStatus.RUNNING)
        attempt = 0
        while True:
            attempt += 1
            open_edits = await ImageEdit.filter(item_id=item.id, status__in=OPEN_EDIT_STATUSES).order_by("slot_index")
            if not open_edits:
                break
            # Counted in SQL, not from this run's loop: a job re-delivered after a crash adds to the calls made before.
            await BatchItem.filter(id=item.id).update(attempts=F("attempts") + 1)
            delivered: set[uuid.UUID] = set()
            # A task still running at the provider (stored on the item) is polled again, never bought twice.
            call_slots, resume_task_id = await provider.call_slots(item.id, open_edits)

            async def on_image(
                image: GeneratedImage, slots: list[ImageEdit] = call_slots, seen: set[uuid.UUID] = delivered
            ) -> None:
                if 0 <= image.index < len(slots) and slots[image.index].id not in seen:
                    edit = slots[image.index]
                    seen.add(edit.id)
                    if edit.status in OPEN_EDIT_STATUSES:  # a resumed task's slot may be settled already
                        await self._deliver(batch, edit, image, int((time.monotonic() - started) * 1000))

            request = provider.generation_request(
                batch,
                item,
                references,
                open_images=len(call_slots),
                on_image=on_image,
                on_submitted=provider.submission_recorder(item.id, call_slots),
                resume_task_id=resume_task_id,
            )
            try:
                async with self.deps.limiter.slot(str(batch.owner_id), request.expected_images):
                    result = await self.deps.provider.generate(request)
            except ProviderError as error:
                await provider.call_failed(item.id, error)
                failure = provider.failure_of(error)
                if failure.retryable and self.policy.may_retry(attempt):
                    await self._record_call(batch, item, len(call_slots), delivered, None, failure.category, True)
                    if failure.retry_after:
                        await self.deps.limiter.penalize(failure.retry_after)
                    await asyncio.sleep(self.policy.delay(attempt, failure.retry_after))
                    continue
                message = self.policy.gave_up(failure.message, attempt) if failure.retryable else failure.message
                await self._record_call(batch, item, len(call_slots), delivered, None, failure.category)
                await self._fail_open(batch, item, failure.category, failure.code, message)
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
            first_failure = next(iter(result.failed), None)
            await self._record_call(
                batch,
                item,
                len(call_slots),
                delivered,
                elapsed_ms,
                provider.failed_slot_category(first_failure.category if first_failure else None),
            )
            for index, edit in enumerate(call_slots):
                if edit.id in delivered:
                    continue
                slot = failed_by_index.get(index)
                if await refund_image(
                    batch,
                    edit,
                    status=EditStatus.FAILED,
                    category=provider.failed_slot_category(slot.category if slot else None),
                    code=slot.code if slot else None,
                    message=(slot.message or slot.code) if slot else "the provider returned fewer images than asked",
                    api_response=result.raw_response,
                ):
                    await self.deps.publisher.publish(batch.id)
            await provider.call_settled(item.id)
            break
        await self._close_item(item)

    async def _deliver(self, batch: BatchJob, edit: ImageEdit, image: GeneratedImage, elapsed_ms: int) -> None:
        data = await provider.image_bytes(self.deps.http, image)
        stored = await self.deps.storage.put(data, image.content_type, prefix=f"outputs/{datetime.now(UTC):%Y/%m}")
        kept = await deliver_image(
            batch,
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

    async def _fail_open(
        self, batch: BatchJob, item: BatchItem, category: ErrorCategory, code: str | None, message: str
    ) -> None:
        for edit in await ImageEdit.filter(item_id=item.id, status__in=OPEN_EDIT_STATUSES):
            if await refund_image(batch, edit, status=EditStatus.FAILED, category=category, code=code, message=message):
                await self.deps.publisher.publish(batch.id)
        await BatchItem.filter(id=item.id).update(error_category=category, error_code=code, error_message=message)

    async def _record_call(
        self,
        batch: BatchJob,
        item: BatchItem,
        requested: int,
        delivered: set[uuid.UUID],
        elapsed_ms: int | None,
        category: ErrorCategory | None,
        retried: bool = False,
    ) -> None:
        await recording.record_call(
            batch,
            item.id,
            provider=self.deps.provider.name,
            requested=requested,
            delivered=len(delivered),
            processing_ms=elapsed_ms,
            category=category,
            retried=retried,
        )

    async def _close_item(self, item: BatchItem) -> None:
        rows: list[Any] = await ImageEdit.filter(item_id=item.id).values_list("status", flat=True)
        statuses = set(rows)
        if statuses & set(OPEN_EDIT_STATUSES):
            return  # cancelled mid-way: the canceller settles the rest
        status = EditStatus.SUCCEEDED if statuses == {EditStatus.SUCCEEDED} else EditStatus.FAILED
        await BatchItem.filter(id=item.id, status__in=OPEN_EDIT_STATUSES).update(
            status=status, finished_at=datetime.now(UTC)
        )
