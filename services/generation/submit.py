"""Submitting a generation: plan it, keep its references, and in one transaction create the batch, its items and
images, its outbox row and the hold of its quote; only after that commits is the queue told and the first event
published. The queue is told through the outbox (``services.infra.jobs.outbox``): should Redis be away, the batch
still stands and is handed over later, so a client has no reason to submit it again.

An idempotency key makes a submit safe to repeat: the same key with the same parameters returns the first batch and
holds nothing more; the same key with different parameters is a ``Conflict`` (as payment APIs answer), not the
first batch, and changes nothing.

Retries (``services.generation.retry``) create their batches the same way, through ``create_batch``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import structlog
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from models import (
    BatchItem,
    BatchJob,
    BatchPresetUse,
    BatchStatus,
    ImageEdit,
    Project,
    StylePreset,
    Upload,
    User,
)
from services import access, credits
from services.core.config import Settings
from services.core.errors import Conflict
from services.generation.plan import Plan, SubmitRequest, check_idempotency_key, plan
from services.generation.references import resolve_references
from services.generation.tasks import RUN_BATCH
from services.infra.jobs import JobQueue, outbox
from services.infra.storage import Storage
from services.progress.publisher import ProgressPublisher

log = logging.getLogger(__name__)

OnCreate = Callable[[uuid.UUID], Awaitable[None]]
"""Called with a new batch's id inside the transaction that creates it."""


@dataclass(frozen=True, slots=True)
class Submitted:
    batch: BatchJob
    created: bool
    """False when the idempotency key returned an earlier batch."""


async def _earlier(user: User, idempotency_key: str | None) -> BatchJob | None:
    if not idempotency_key:
        return None
    return await access.owned(BatchJob, user.id).get_or_none(idempotency_key=idempotency_key)


async def submit(
    user: User,
    request: SubmitRequest,
    *,
    settings: Settings,
    storage: Storage,
    http: httpx.AsyncClient,
    queue: JobQueue,
    publisher: ProgressPublisher,
    on_create: OnCreate | None = None,
) -> Submitted:
    """Validate, hold the quote and create the batch; then enqueue it and publish its first event.

    The same idempotency key from the same user returns the first batch and charges nothing more; with different
    parameters it raises ``Conflict``. ``on_create`` writes what another domain ties to a new batch (a per-request
    webhook) inside the batch's transaction; it is not called for a batch an idempotency key returns.
    """
    check_idempotency_key(request.idempotency_key)
    fingerprint = request_fingerprint(request) if request.idempotency_key else None
    existing = await _earlier(user, request.idempotency_key)
    if existing is not None:
        return _repeated(existing, fingerprint)
    planned = await plan(user, request, settings)
    if any(spec.url is not None for spec in request.references):
        # Fetching a URL is an outbound request on the user's behalf: none for a request the balance cannot cover.
        # (The hold in create_batch still decides; this only refuses early.)
        await credits.require(user.id, planned.total_credits)
    references = await resolve_references(
        user, request.references, storage=storage, http=http, allow_private=settings.allow_private_reference_urls
    )
    try:
        batch = await create_batch(
            user,
            planned,
            references,
            idempotency_key=request.idempotency_key,
            request_fingerprint=fingerprint,
            on_create=on_create,
        )
    except IntegrityError:
        # A concurrent request with the same idempotency key committed first; ours rolled back whole.
        existing = await _earlier(user, request.idempotency_key)
        if existing is None:
            raise
        return _repeated(existing, fingerprint)
    structlog.contextvars.bind_contextvars(batch_id=str(batch.id))  # for the logs of this request (and its job)
    log.info("batch submitted: %d images, %d credits held", batch.total_images, batch.credits_reserved)
    await after_create(batch, queue=queue, publisher=publisher)
    return Submitted(batch=batch, created=True)


def request_fingerprint(request: SubmitRequest) -> str:
    """SHA-256 of what the request asks for (all but its idempotency key), to tell a retry from a key reused for a
    different request."""
    asked = dataclasses.asdict(request)
    asked.pop("idempotency_key")
    canonical = json.dumps(asked, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _repeated(existing: BatchJob, fingerprint: str | None) -> Submitted:
    """A submit whose idempotency key names an earlier batch: that batch, if it asked for the same."""
    # Batches from before fingerprints were kept have none: their key still returns them.
    if existing.request_fingerprint is not None and existing.request_fingerprint != fingerprint:
        raise Conflict(
            "this idempotencyKey was already used for a different request; use a new key for a new request",
            ["input", "idempotency_key"],
        )
    return Submitted(batch=existing, created=False)


async def create_batch(
    user: User,
    planned: Plan,
    references: list[Upload],
    *,
    idempotency_key: str | None,
    request_fingerprint: str | None = None,
    retried_from: BatchJob | None = None,
    on_create: OnCreate | None = None,
) -> BatchJob:
    """The batch, its items and images, its outbox row and the hold of its quote, in one transaction.

    ``InsufficientCredits`` when the balance does not cover the quote: then nothing at all is written.
    """
    batch_id = uuid.uuid4()
    lead = planned.lead_preset
    # The presets' reference images go after the user's own (the runner sends "references" in order).
    sent = [*references, *planned.preset_references]
    parameters: dict[str, Any] = {
        "size": f"{planned.width}x{planned.height}",
        "tier": planned.tier.value,
        "references": [str(r.id) for r in sent],
        "userReferences": [str(r.id) for r in references],
        "presetReferences": [str(r.id) for r in planned.preset_references],
        "pricePerImage": planned.price_per_image,
        "stylePreset": lead.name if lead else None,
        "presets": [
            {
                "presetId": str(use.preset.id),
                "version": use.version.version,
                "weight": use.weight,
                "intensity": use.intensity,
            }
            for use in planned.presets
        ],
    }
    async with in_transaction():
        batch = await BatchJob.create(
            id=batch_id,
            owner_id=user.id,
            project_id=planned.project.id,
            style_preset_id=lead.id if lead else None,
            retried_from_id=retried_from.id if retried_from else None,
            remixed_from_image_id=planned.remix.image_id if planned.remix else None,
            remixed_from_item_id=planned.remix.item_id if planned.remix else None,
            remixed_from_author=planned.remix.author if planned.remix else None,
            mode=planned.mode,
            status=BatchStatus.QUEUED,
            prompts=list(dict.fromkeys(item.source_prompt for item in planned.items)),
            parameters=parameters,
            width=planned.width,
            height=planned.height,
            size_tier=planned.tier,
            total_images=planned.total_images,
            credits_reserved=planned.total_credits,
            idempotency_key=idempotency_key,
            request_fingerprint=request_fingerprint,
        )
        items: list[BatchItem] = []
        edits: list[ImageEdit] = []
        batch_index = 0
        for item_index, item in enumerate(planned.items):
            row = BatchItem(
                id=uuid.uuid4(),
                batch_job_id=batch_id,
                item_index=item_index,
                prompt=item.prompt,
                max_images=item.images,
                seed=item.seed,
                retried_from_item_id=item.retried_from_item_id,
            )
            items.append(row)
            for slot in range(item.images):
                edits.append(
                    ImageEdit(
                        id=uuid.uuid4(),
                        owner_id=user.id,
                        project_id=planned.project.id,
                        batch_job_id=batch_id,
                        item_id=row.id,
                        batch_index=batch_index,
                        slot_index=slot,
                        mode=planned.mode,
                        prompt=item.source_prompt,
                        final_prompt=item.prompt,
                        style_name=lead.name if lead else None,
                        source_images=[r.url for r in sent],
                        size=f"{planned.width}x{planned.height}",
                        seed=item.seed,
                        credits=planned.price_per_image,
                    )
                )
                batch_index += 1
        await BatchItem.bulk_create(items)
        await ImageEdit.bulk_create(edits)
        # Raises InsufficientCredits when the balance does not cover the quote: the whole transaction rolls back.
        await credits.reserve(user.id, batch_id, planned.total_credits, images=planned.total_images)
        await _record_presets(batch_id, planned)
        await outbox.put(RUN_BATCH, batch_id)  # committed with the batch: it reaches the queue whatever Redis is doing
        if on_create is not None:
            await on_create(batch_id)
    return batch


async def _record_presets(batch_id: uuid.UUID, planned: Plan) -> None:
    """The batch's record of its presets (exact versions, weights, intensities) and their use counts."""
    if not planned.presets:
        return
    await BatchPresetUse.bulk_create(
        [
            BatchPresetUse(
                id=uuid.uuid4(),
                batch_job_id=batch_id,
                preset_id=use.preset.id,
                preset_version_id=use.version.id,
                version=use.version.version,
                preset_name=use.version.name,
                position=use.position,
                weight=use.weight,
                intensity=use.intensity,
            )
            for use in planned.presets
        ]
    )
    await StylePreset.filter(id__in=[use.preset.id for use in planned.presets]).update(usage_count=F("usage_count") + 1)
    used = [str(p) for p in planned.project.style_presets]
    added = [str(use.preset.id) for use in planned.presets if str(use.preset.id) not in used]
    if added:
        await Project.filter(id=planned.project.id).update(style_presets=[*used, *added])


async def after_create(batch: BatchJob, *, queue: JobQueue, publisher: ProgressPublisher) -> None:
    """Once the batch has committed: the first event (and with it the project's status), the balance, and the queue
    (the process's `services.infra.jobs.outbox.Outbox`: it hands the batch over now, or leaves it to its drainer; it
    does not raise for an unreachable Redis)."""
    await publisher.changed(batch.id, status_moved=True)  # its first event; the project's status follows
    await publisher.balance(batch.owner_id)
    await queue.enqueue(RUN_BATCH, batch.id)
