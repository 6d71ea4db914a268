"""Generation requests: validate, quote, hold credits and create the batch (submit); cancel; retry; reconcile.

A batch is created in one transaction with its items (one per provider call), its images (one ``ImageEdit`` per
requested image) and the RESERVE ledger entry holding the full quote. The queue and the bus are told only after
that commits. Workers then settle every image exactly once (see ``services.batches``).
"""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from models import (
    BatchItem,
    BatchJob,
    BatchStatus,
    EditStatus,
    ErrorCategory,
    GenerationMode,
    ImageEdit,
    LedgerKind,
    PresetVisibility,
    Project,
    ReferenceImage,
    SizeTier,
    StylePreset,
    User,
)
from models.enums import OPEN_BATCH_STATUSES, TERMINAL_BATCH_STATUSES
from services import capabilities as caps
from services.batches import ProgressPublisher, finish, refresh_project_status, refund_open_edits
from services.config import Settings
from services.credits import apply_entry
from services.errors import Conflict, InvalidInput, NotFound
from services.ids import parse_id
from services.jobs import LIVE_STATUSES, JobQueue
from services.pagination import Page, paginate
from services.references import fetch_reference, inspect_image
from services.storage import Storage

log = logging.getLogger(__name__)

MAX_SEED = 2**31 - 1
SIZE_PATTERN = re.compile(r"^\s*(\d{2,5})\s*[x*×]\s*(\d{2,5})\s*$", re.IGNORECASE)
DEFAULT_SET_IMAGES = 4


@dataclass(frozen=True, slots=True)
class ReferenceSpec:
    """One reference image: an earlier upload (``upload_id``) or a URL we fetch (``url``)."""

    upload_id: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class GenerateRequest:
    project_id: str
    mode: GenerationMode
    prompts: list[str]
    count: int = 1
    max_images: int | None = None
    size: str | None = None
    aspect_ratio: str | None = None
    resolution: SizeTier | None = None
    references: list[ReferenceSpec] = field(default_factory=list)
    style_preset_id: str | None = None
    style_intensity: float | None = None
    seed: int | None = None
    idempotency_key: str | None = None


@dataclass(frozen=True, slots=True)
class PlannedItem:
    prompt: str
    """The prompt sent to the provider (style preset applied)."""
    source_prompt: str
    """What the user typed."""
    images: int
    seed: int | None
    retried_from_item_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    project: Project
    mode: GenerationMode
    width: int
    height: int
    tier: SizeTier
    items: list[PlannedItem]
    price_per_image: int
    preset: StylePreset | None
    style_intensity: float | None

    @property
    def total_images(self) -> int:
        return sum(item.images for item in self.items)

    @property
    def total_credits(self) -> int:
        return self.total_images * self.price_per_image


@dataclass(frozen=True, slots=True)
class Quote:
    plan: Plan
    balance: int

    @property
    def covered(self) -> bool:
        return self.balance >= self.plan.total_credits


@dataclass(frozen=True, slots=True)
class Submitted:
    batch: BatchJob
    created: bool
    """False when the idempotency key returned an earlier batch."""


@dataclass(frozen=True, slots=True)
class CancelOutcome:
    batch: BatchJob
    kept_images: int
    refunded_images: int
    refunded_credits: int


# --- validation and planning -------------------------------------------------------------------------------------


def _field(*path: str) -> list[str]:
    return ["input", *path]


def _parse_size(request: GenerateRequest, settings: Settings) -> tuple[int, int]:
    bounds = caps.size_bounds(settings.seedream_provider)
    if request.size is not None:
        if request.aspect_ratio is not None or request.resolution is not None:
            raise InvalidInput("give either size or aspectRatio/resolution, not both", _field("size"))
        match = SIZE_PATTERN.match(request.size)
        if match is None:
            raise InvalidInput("size must look like 2048x2048", _field("size"))
        width, height = int(match.group(1)), int(match.group(2))
        problem = bounds.check(width, height)
        if problem:
            raise InvalidInput(f"size {width}x{height} is not accepted: {problem}", _field("size"))
        return width, height
    if request.aspect_ratio is None and request.resolution is None:
        return caps.DEFAULT_SIZE
    ratio = request.aspect_ratio or "1:1"
    if caps.parse_ratio(ratio) is None:
        raise InvalidInput("aspectRatio must look like 16:9", _field("aspectRatio"))
    resolved = caps.size_for(ratio, request.resolution or SizeTier.K2, bounds)
    if resolved is None:
        raise InvalidInput(f"aspect ratio {ratio} has no size within the provider's bounds", _field("aspectRatio"))
    return resolved


def _check_prompts(prompts: list[str]) -> list[str]:
    cleaned = [p.strip() for p in prompts]
    if not cleaned:
        raise InvalidInput("give a prompt", _field("prompt"))
    if len(cleaned) > caps.MAX_PROMPTS:
        raise InvalidInput(f"at most {caps.MAX_PROMPTS} prompts per batch", _field("prompts"))
    for index, prompt in enumerate(cleaned):
        path = _field("prompts", str(index)) if len(cleaned) > 1 else _field("prompt")
        if not prompt:
            raise InvalidInput("prompts must not be empty", path)
        if len(prompt) > caps.MAX_PROMPT_LENGTH:
            raise InvalidInput(f"prompts are at most {caps.MAX_PROMPT_LENGTH} characters", path)
    return cleaned


async def _visible_preset(user: User, preset_id: str) -> StylePreset:
    ident = parse_id(preset_id)
    preset = None
    if ident is not None:
        preset = await StylePreset.get_or_none(
            Q(id=ident) & (Q(owner_id=user.id) | Q(visibility=PresetVisibility.PUBLIC))
        )
    if preset is None:
        raise NotFound("style preset not found", _field("stylePresetId"))
    return preset


def apply_preset(template: str, prompt: str) -> str:
    """The preset's prompt template with ``{prompt}`` replaced (appended when the template lacks it)."""
    if "{prompt}" in template:
        return template.replace("{prompt}", prompt).strip()
    return f"{prompt}, {template}".strip(", ") if template.strip() else prompt


async def plan(user: User, request: GenerateRequest, settings: Settings) -> Plan:
    """Validate a request and work out its items, size and price. Raises ``InvalidInput``/``NotFound``."""
    project_id = parse_id(request.project_id)
    project = await Project.get_or_none(id=project_id, owner_id=user.id) if project_id else None
    if project is None:
        raise NotFound("project not found", _field("projectId"))
    prompts = _check_prompts(request.prompts)
    info = caps.MODE_INFO[request.mode]
    if not 1 <= request.count <= caps.MAX_COUNT_PER_PROMPT:
        raise InvalidInput(f"count must be between 1 and {caps.MAX_COUNT_PER_PROMPT}", _field("count"))
    references = len(request.references)
    if not info.min_references <= references <= info.max_references:
        expected = (
            "no reference images"
            if info.max_references == 0
            else f"{info.min_references}-{info.max_references} reference images"
        )
        raise InvalidInput(f"{request.mode.value} takes {expected}; got {references}", _field("references"))
    if info.produces_set:
        images_per_item = request.max_images if request.max_images is not None else DEFAULT_SET_IMAGES
        limit = min(caps.MAX_SET_IMAGES, caps.MAX_SET_IMAGES - references) if references else caps.MAX_SET_IMAGES
        if not 1 <= images_per_item <= limit:
            raise InvalidInput(
                f"maxImages must be between 1 and {limit} (reference images count against the 15)",
                _field("maxImages"),
            )
    else:
        if request.max_images is not None:
            raise InvalidInput(f"maxImages is only for set modes, not {request.mode.value}", _field("maxImages"))
        images_per_item = 1
    width, height = _parse_size(request, settings)
    if request.seed is not None and not 0 <= request.seed <= MAX_SEED:
        raise InvalidInput(f"seed must be between 0 and {MAX_SEED}", _field("seed"))
    if request.style_intensity is not None and not 0.0 <= request.style_intensity <= 1.0:
        raise InvalidInput("styleIntensity must be between 0 and 1", _field("styleIntensity"))
    if request.idempotency_key is not None and not 1 <= len(request.idempotency_key) <= 200:
        raise InvalidInput("idempotencyKey must be 1-200 characters", _field("idempotencyKey"))
    preset = await _visible_preset(user, request.style_preset_id) if request.style_preset_id else None

    items: list[PlannedItem] = []
    for prompt in prompts:
        final = apply_preset(preset.prompt_template, prompt) if preset else prompt
        for _ in range(request.count):
            # Each variation gets its own seed so that variations differ yet stay reproducible.
            seed = (request.seed + len(items)) % (MAX_SEED + 1) if request.seed is not None else None
            items.append(PlannedItem(prompt=final, source_prompt=prompt, images=images_per_item, seed=seed))
    total = sum(item.images for item in items)
    if total > caps.MAX_BATCH_IMAGES:
        raise InvalidInput(
            f"this asks for {total} images; a batch holds at most {caps.MAX_BATCH_IMAGES}", _field("count")
        )
    tier = caps.tier_of(width, height)
    return Plan(
        project=project,
        mode=request.mode,
        width=width,
        height=height,
        tier=tier,
        items=items,
        price_per_image=caps.price_per_image(settings, request.mode, tier),
        preset=preset,
        style_intensity=request.style_intensity,
    )


async def quote(user: User, request: GenerateRequest, settings: Settings) -> Quote:
    """What the request would cost and whether the balance covers it (nothing is held)."""
    planned = await plan(user, request, settings)
    for index, spec in enumerate(request.references):
        _check_reference_spec(spec, index)
    balance = (await User.get(id=user.id)).credits
    return Quote(plan=planned, balance=balance)


def _check_reference_spec(spec: ReferenceSpec, index: int) -> None:
    if (spec.upload_id is None) == (spec.url is None):
        raise InvalidInput("a reference needs exactly one of uploadId or url", _field("references", str(index)))


# --- references --------------------------------------------------------------------------------------------------


async def store_reference(
    user: User, data: bytes, storage: Storage, *, source_url: str | None = None
) -> ReferenceImage:
    """Validate image bytes (type, size, pixels) and keep them as the user's reference image."""
    info = await asyncio.to_thread(inspect_image, data)
    stored = await storage.put(data, info.content_type, prefix="references")
    return await ReferenceImage.create(
        id=uuid.uuid4(),
        owner_id=user.id,
        storage_key=stored.key,
        url=stored.url,
        source_url=source_url,
        width=info.width,
        height=info.height,
        content_type=info.content_type,
        size_bytes=stored.size_bytes,
    )


async def _resolve_references(
    user: User,
    specs: list[ReferenceSpec],
    *,
    storage: Storage,
    http: httpx.AsyncClient,
    settings: Settings,
) -> list[ReferenceImage]:
    resolved: list[ReferenceImage] = []
    for index, spec in enumerate(specs):
        _check_reference_spec(spec, index)
        path = _field("references", str(index))
        if spec.upload_id is not None:
            ident = parse_id(spec.upload_id)
            found = await ReferenceImage.get_or_none(id=ident, owner_id=user.id) if ident else None
            if found is None:
                raise NotFound("uploaded image not found", [*path, "uploadId"])
            resolved.append(found)
        else:
            assert spec.url is not None
            try:
                data, _ = await fetch_reference(http, spec.url, allow_private=settings.allow_private_reference_urls)
            except InvalidInput as error:
                raise InvalidInput(error.message, [*path, "url"]) from error
            resolved.append(await store_reference(user, data, storage, source_url=spec.url))
    return resolved


# --- submit ------------------------------------------------------------------------------------------------------


async def submit(
    user: User,
    request: GenerateRequest,
    *,
    settings: Settings,
    storage: Storage,
    http: httpx.AsyncClient,
    queue: JobQueue,
    publisher: ProgressPublisher,
) -> Submitted:
    """Validate, hold the quote and create the batch; then enqueue it and publish its first event.

    The same idempotency key from the same user returns the first batch and charges nothing more.
    """
    if request.idempotency_key:
        existing = await BatchJob.get_or_none(owner_id=user.id, idempotency_key=request.idempotency_key)
        if existing is not None:
            return Submitted(batch=existing, created=False)
    planned = await plan(user, request, settings)
    references = await _resolve_references(user, request.references, storage=storage, http=http, settings=settings)
    try:
        batch = await _create_batch(user, planned, references, idempotency_key=request.idempotency_key)
    except IntegrityError:
        # A concurrent request with the same idempotency key committed first; ours rolled back whole.
        existing = await BatchJob.get_or_none(owner_id=user.id, idempotency_key=request.idempotency_key)
        if existing is None:
            raise
        return Submitted(batch=existing, created=False)
    await _after_create(batch, queue=queue, publisher=publisher)
    return Submitted(batch=batch, created=True)


async def _create_batch(
    user: User,
    planned: Plan,
    references: list[ReferenceImage],
    *,
    idempotency_key: str | None,
    retried_from: BatchJob | None = None,
) -> BatchJob:
    batch_id = uuid.uuid4()
    parameters: dict[str, Any] = {
        "size": f"{planned.width}x{planned.height}",
        "tier": planned.tier.value,
        "references": [str(r.id) for r in references],
        "pricePerImage": planned.price_per_image,
        "styleIntensity": planned.style_intensity,
        "stylePreset": planned.preset.name if planned.preset else None,
    }
    async with in_transaction():
        batch = await BatchJob.create(
            id=batch_id,
            owner_id=user.id,
            project_id=planned.project.id,
            style_preset_id=planned.preset.id if planned.preset else None,
            retried_from_id=retried_from.id if retried_from else None,
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
                        style_name=planned.preset.name if planned.preset else None,
                        source_images=[r.url for r in references],
                        size=f"{planned.width}x{planned.height}",
                        seed=item.seed,
                        credits=planned.price_per_image,
                    )
                )
                batch_index += 1
        await BatchItem.bulk_create(items)
        await ImageEdit.bulk_create(edits)
        # Raises InsufficientCredits when the balance does not cover the quote: the whole transaction rolls back.
        await apply_entry(
            user.id,
            amount=-planned.total_credits,
            held_delta=planned.total_credits,
            kind=LedgerKind.RESERVE,
            idempotency_key=f"reserve:{batch_id}",
            reference=str(batch_id),
            description=f"hold for {planned.total_images} images",
        )
        if planned.preset is not None:
            await StylePreset.filter(id=planned.preset.id).update(usage_count=planned.preset.usage_count + 1)
        used = {str(p) for p in planned.project.style_presets}
        if planned.preset is not None and str(planned.preset.id) not in used:
            await Project.filter(id=planned.project.id).update(
                style_presets=[*planned.project.style_presets, str(planned.preset.id)]
            )
    return batch


async def _after_create(batch: BatchJob, *, queue: JobQueue, publisher: ProgressPublisher) -> None:
    await refresh_project_status(batch.project_id)
    await publisher.publish(batch.id)
    await publisher.publish_balance(batch.owner_id)
    await queue.enqueue(batch.id)


# --- cancel and retry --------------------------------------------------------------------------------------------


async def get_owned(user_id: uuid.UUID, batch_id: str) -> BatchJob | None:
    ident = parse_id(batch_id)
    return await BatchJob.get_or_none(id=ident, owner_id=user_id) if ident else None


async def cancel(user: User, batch_id: str, *, queue: JobQueue, publisher: ProgressPublisher) -> CancelOutcome:
    """Stop a queued or running batch: in-flight calls are abandoned, delivered images kept, the rest refunded."""
    batch = await get_owned(user.id, batch_id)
    if batch is None:
        raise NotFound("batch job not found", ["id"])
    if batch.status in TERMINAL_BATCH_STATUSES:
        raise Conflict(f"the batch already ended ({batch.status.value})", ["id"])
    await BatchJob.filter(id=batch.id, status__in=OPEN_BATCH_STATUSES).update(status=BatchStatus.CANCEL_REQUESTED)
    await queue.abort(batch.id)
    outcome = await finalize_cancel(batch.id, publisher=publisher)
    return outcome


async def finalize_cancel(batch_id: uuid.UUID, *, publisher: ProgressPublisher) -> CancelOutcome:
    refunded = await refund_open_edits(
        batch_id, status=EditStatus.CANCELLED, category=ErrorCategory.CANCELLED, message="cancelled by the user"
    )
    await finish(batch_id, cancelled=True)
    batch = await BatchJob.get(id=batch_id)
    await publisher.publish(batch_id)
    await publisher.publish_balance(batch.owner_id)
    price = int(batch.parameters.get("pricePerImage", 0))
    return CancelOutcome(
        batch=batch,
        kept_images=batch.completed_images,
        refunded_images=refunded,
        refunded_credits=refunded * price,
    )


async def retry(
    user: User,
    batch_id: str,
    *,
    only_failed: bool,
    settings: Settings,
    queue: JobQueue,
    publisher: ProgressPublisher,
) -> BatchJob:
    """A new batch for the failed or cancelled images of an ended one (or all of it), quoted and held as usual."""
    original = await get_owned(user.id, batch_id)
    if original is None:
        raise NotFound("batch job not found", ["id"])
    if original.status not in TERMINAL_BATCH_STATUSES:
        raise Conflict("the batch is still running: cancel it or wait until it ends", ["id"])
    edits = await ImageEdit.filter(batch_job_id=original.id).order_by("batch_index")
    source = {edit.item_id: edit.prompt for edit in edits}
    wanted: dict[uuid.UUID, int] = {}
    for edit in edits:
        if edit.item_id is None:
            continue
        if not only_failed or edit.status in (EditStatus.FAILED, EditStatus.CANCELLED):
            wanted[edit.item_id] = wanted.get(edit.item_id, 0) + 1
    if not wanted:
        raise Conflict("nothing to retry: every image was delivered", ["onlyFailed"])
    items = await BatchItem.filter(id__in=list(wanted)).order_by("item_index")
    project = await Project.get_or_none(id=original.project_id, owner_id=user.id)
    if project is None:
        raise NotFound("the batch's project no longer exists", ["id"])
    reference_ids = [parse_id(r) for r in original.parameters.get("references", [])]
    references = await ReferenceImage.filter(id__in=[r for r in reference_ids if r], owner_id=user.id)
    preset = await StylePreset.get_or_none(id=original.style_preset_id) if original.style_preset_id else None
    tier = original.size_tier
    planned = Plan(
        project=project,
        mode=original.mode,
        width=original.width,
        height=original.height,
        tier=tier,
        items=[
            PlannedItem(
                prompt=item.prompt,
                source_prompt=source.get(item.id, item.prompt),
                images=wanted[item.id],
                seed=item.seed,
                retried_from_item_id=item.id,
            )
            for item in items
        ],
        price_per_image=caps.price_per_image(settings, original.mode, tier),
        preset=preset,
        style_intensity=original.parameters.get("styleIntensity"),
    )
    batch = await _create_batch(user, planned, list(references), idempotency_key=None, retried_from=original)
    await _after_create(batch, queue=queue, publisher=publisher)
    return batch


# --- reads and recovery ------------------------------------------------------------------------------------------


async def list_page(
    user_id: uuid.UUID,
    *,
    first: int,
    after: str | None,
    status: BatchStatus | None = None,
    project_id: str | None = None,
) -> Page[BatchJob]:
    query = BatchJob.filter(owner_id=user_id)
    if status is not None:
        query = query.filter(status=status)
    if project_id is not None:
        ident = parse_id(project_id)
        query = query.filter(project_id=ident) if ident else query.filter(id=None)
    return await paginate(query, first=first, after=after)


async def get_edit(user_id: uuid.UUID, edit_id: str) -> ImageEdit | None:
    ident = parse_id(edit_id)
    return await ImageEdit.get_or_none(id=ident, owner_id=user_id) if ident else None


async def reconcile(queue: JobQueue, publisher: ProgressPublisher) -> int:
    """At start: re-enqueue batches left open without a live job, and finish interrupted cancels.

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


async def edits_page(
    user_id: uuid.UUID, *, first: int, after: str | None, project_id: uuid.UUID | None = None
) -> Page[ImageEdit]:
    query = ImageEdit.filter(owner_id=user_id)
    if project_id is not None:
        query = query.filter(project_id=project_id)
    return await paginate(query, first=first, after=after)


async def images_of(batch_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[ImageEdit]]:
    """The images of several batches, in batch order (one query; used by a DataLoader)."""
    grouped: dict[uuid.UUID, list[ImageEdit]] = {ident: [] for ident in batch_ids}
    for edit in await ImageEdit.filter(batch_job_id__in=batch_ids).order_by("batch_index"):
        if edit.batch_job_id is not None:
            grouped[edit.batch_job_id].append(edit)
    return grouped


async def items_of(batch_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[BatchItem]]:
    """The provider calls of several batches, in order (one query; used by a DataLoader)."""
    grouped: dict[uuid.UUID, list[BatchItem]] = {ident: [] for ident in batch_ids}
    for item in await BatchItem.filter(batch_job_id__in=batch_ids).order_by("item_index"):
        grouped[item.batch_job_id].append(item)
    return grouped
