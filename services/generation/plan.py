"""Planning a generation: validate a request, apply its style presets, size and price it; the quote.

Nothing here writes: ``plan`` is what ``submit`` holds credits for and what ``quote`` shows before anything is held.
Errors name the input's Python fields (``["input", "max_images"]``); the graph layer turns them into API paths.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from models import GenerationMode, Project, SizeTier, StylePreset, StylePresetVersion, Upload, User
from services import access, credits
from services.core.config import Settings
from services.core.errors import InvalidInput, NotFound, UserFacingError
from services.core.text import check_optional_text, check_text
from services.generation import capabilities as caps
from services.generation import remix, styles
from services.generation.references import ReferenceSpec, check_reference_specs, check_uploads
from services.generation.remix import RemixOrigin
from services.generation.styles import AppliedPreset, PresetUseSpec

MAX_SEED = 2**31 - 1
MAX_IDEMPOTENCY_KEY = 200
MAX_SENT_PROMPT_LENGTH = 6000
MAX_SIZE_TEXT = 32  # "2048x2048" and "16:9" with room for spaces
DEFAULT_SET_IMAGES = 4


@dataclass(frozen=True, slots=True)
class SubmitRequest:
    """A generate request as a client sent it: one ``prompt`` or several ``prompts`` (not both)."""

    project_id: str
    mode: GenerationMode | None = None
    """None: the lead preset's default mode, else TEXT_TO_IMAGE."""
    prompt: str | None = None
    prompts: list[str] | None = None
    count: int = 1
    max_images: int | None = None
    size: str | None = None
    aspect_ratio: str | None = None
    resolution: SizeTier | None = None
    references: list[ReferenceSpec] = field(default_factory=list)
    presets: list[PresetUseSpec] | None = None
    style_preset_id: str | None = None
    """Shorthand for ``presets=[PresetUseSpec(style_preset_id, intensity=style_intensity)]``."""
    style_intensity: float | None = None
    seed: int | None = None
    idempotency_key: str | None = None
    remix_of_image_id: str | None = None
    """One of the caller's images this request remixes (``services.generation.remix``)."""
    remix_of_gallery_item_id: str | None = None
    """A public gallery item (or one of the caller's) this request remixes."""


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
    presets: list[AppliedPreset]
    """In composition order (the lead first)."""
    preset_references: list[Upload] = field(default_factory=list)
    """The presets' reference images sent after the user's own."""
    remix: RemixOrigin | None = None
    """The image this batch remixes, when it does."""

    @property
    def lead_preset(self) -> StylePreset | None:
        return self.presets[0].preset if self.presets else None

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


def input_field(*path: str) -> list[str]:
    return ["input", *path]


def _parse_size(request: SubmitRequest, settings: Settings, lead: StylePresetVersion | None) -> tuple[int, int]:
    bounds = caps.size_bounds(settings.seedream_provider)
    given = request.size is not None or request.aspect_ratio is not None or request.resolution is not None
    if not given and lead is not None:
        # The lead preset's default size, checked when the preset was saved (and again here: bounds may change).
        default = caps.resolve_size(
            lead.default_size, lead.default_aspect_ratio, lead.default_resolution, bounds, at=input_field("presets")
        )
        if default is not None:
            return default
    resolved = caps.resolve_size(request.size, request.aspect_ratio, request.resolution, bounds, at=input_field())
    return resolved if resolved is not None else caps.DEFAULT_SIZE


def _prompts(request: SubmitRequest) -> list[str]:
    if request.prompt is not None and request.prompts is not None:
        raise InvalidInput("give prompt or prompts, not both", input_field("prompts"))
    given = request.prompts if request.prompts is not None else [request.prompt] if request.prompt is not None else []
    if not given:
        raise InvalidInput("give a prompt", input_field("prompt"))
    if len(given) > caps.MAX_PROMPTS:
        raise InvalidInput(f"at most {caps.MAX_PROMPTS} prompts per batch", input_field("prompts"))
    cleaned: list[str] = []
    for index, raw in enumerate(given):
        path = input_field("prompts", str(index)) if request.prompts is not None else input_field("prompt")
        prompt = check_text(raw, path, max_length=caps.MAX_PROMPT_LENGTH, multiline=True).strip()
        cleaned.append(prompt)
        if not prompt:
            raise InvalidInput("prompts must not be empty", path)
        if len(prompt) > caps.MAX_PROMPT_LENGTH:
            raise InvalidInput(f"prompts are at most {caps.MAX_PROMPT_LENGTH} characters", path)
    return cleaned


async def _presets(user: User, request: SubmitRequest, remixed: RemixOrigin | None) -> list[AppliedPreset]:
    if request.style_preset_id is not None:
        if request.presets is not None:
            raise InvalidInput("give presets or stylePresetId, not both", input_field("style_preset_id"))
        spec = PresetUseSpec(preset_id=request.style_preset_id, intensity=request.style_intensity)
        try:
            return await styles.resolve(user, [spec], at=input_field("presets"))
        except UserFacingError as error:
            # The shorthand's errors name the shorthand's fields.
            shorthand = "style_intensity" if error.field and error.field[-1] == "intensity" else "style_preset_id"
            error.field = input_field(shorthand)
            raise
    if request.style_intensity is not None:
        raise InvalidInput("styleIntensity goes with stylePresetId", input_field("style_intensity"))
    recorded = remixed.recorded if remixed else frozenset()
    return await styles.resolve(user, request.presets or [], at=input_field("presets"), recorded=recorded)


def check_request_text(request: SubmitRequest) -> None:
    """The text policy over the request's own strings (prompts apart: ``_prompts`` checks them in order)."""
    check_idempotency_key(request.idempotency_key)
    check_optional_text(request.size, input_field("size"), max_length=MAX_SIZE_TEXT)
    check_optional_text(request.aspect_ratio, input_field("aspect_ratio"), max_length=MAX_SIZE_TEXT)
    check_reference_specs(request.references)


async def plan(user: User, request: SubmitRequest, settings: Settings) -> Plan:
    """Validate a request and work out its items, size and price. Raises ``InvalidInput``/``NotFound``.

    Every argument is checked here, before anything is fetched or written (reference URLs only by their shape).
    """
    check_request_text(request)
    project = await access.find_editable(Project, user.id, request.project_id)
    if project is None:
        raise NotFound("project not found", input_field("project_id"))
    prompts = _prompts(request)
    remixed = await remix.origin(user, request.remix_of_image_id, request.remix_of_gallery_item_id)
    applied = await _presets(user, request, remixed)
    lead = applied[0].version if applied else None
    mode = request.mode or (lead.default_mode if lead and lead.default_mode else GenerationMode.TEXT_TO_IMAGE)
    info = caps.MODE_INFO[mode]
    if not 1 <= request.count <= caps.MAX_COUNT_PER_PROMPT:
        raise InvalidInput(f"count must be between 1 and {caps.MAX_COUNT_PER_PROMPT}", input_field("count"))
    references = len(request.references)
    if not info.min_references <= references <= info.max_references:
        expected = (
            "no reference images"
            if info.max_references == 0
            else f"{info.min_references}-{info.max_references} reference images"
        )
        raise InvalidInput(f"{mode.value} takes {expected}; got {references}", input_field("references"))
    if info.produces_set:
        default_images = lead.max_images if lead and lead.max_images else DEFAULT_SET_IMAGES
        images_per_item = request.max_images if request.max_images is not None else default_images
        limit = min(caps.MAX_SET_IMAGES, caps.MAX_SET_IMAGES - references) if references else caps.MAX_SET_IMAGES
        if not 1 <= images_per_item <= limit:
            raise InvalidInput(
                f"maxImages must be between 1 and {limit} (reference images count against the 15)",
                input_field("max_images"),
            )
    else:
        if request.max_images is not None:
            raise InvalidInput(f"maxImages is only for set modes, not {mode.value}", input_field("max_images"))
        images_per_item = 1
    width, height = _parse_size(request, settings, lead)
    if request.seed is not None and not 0 <= request.seed <= MAX_SEED:
        raise InvalidInput(f"seed must be between 0 and {MAX_SEED}", input_field("seed"))

    items: list[PlannedItem] = []
    for index, prompt in enumerate(prompts):
        final = styles.compose_prompt(prompt, applied)
        if len(final) > MAX_SENT_PROMPT_LENGTH:
            path = input_field("prompts", str(index)) if request.prompts is not None else input_field("prompt")
            raise InvalidInput(
                f"with its presets this prompt is {len(final)} characters; at most {MAX_SENT_PROMPT_LENGTH}", path
            )
        for _ in range(request.count):
            # Each variation gets its own seed so that variations differ yet stay reproducible.
            seed = (request.seed + len(items)) % (MAX_SEED + 1) if request.seed is not None else None
            items.append(PlannedItem(prompt=final, source_prompt=prompt, images=images_per_item, seed=seed))
    total = sum(item.images for item in items)
    if total > caps.MAX_BATCH_IMAGES:
        raise InvalidInput(
            f"this asks for {total} images; a batch holds at most {caps.MAX_BATCH_IMAGES}", input_field("count")
        )
    tier = caps.tier_of(width, height)
    budget = styles.reference_budget(mode, references, images_per_item)
    return Plan(
        project=project,
        mode=mode,
        width=width,
        height=height,
        tier=tier,
        items=items,
        price_per_image=caps.price_per_image(settings, mode, tier),
        presets=applied,
        preset_references=await existing_references(styles.preset_references(applied, budget)),
        remix=remixed,
    )


async def existing_references(ids: list[uuid.UUID]) -> list[Upload]:
    """The presets' reference images that still exist, in the given order (an upload deleted since is skipped)."""
    if not ids:
        return []
    found = {row.id: row for row in await Upload.filter(id__in=ids)}
    return [found[ident] for ident in ids if ident in found]


def check_idempotency_key(key: str | None) -> None:
    """An idempotency key is 1-200 characters of single-line text; checked before it is looked up (or logged)."""
    if key is None:
        return
    check_text(key, input_field("idempotency_key"), max_length=MAX_IDEMPOTENCY_KEY)
    if not key:
        raise InvalidInput(f"idempotencyKey must be 1-{MAX_IDEMPOTENCY_KEY} characters", input_field("idempotency_key"))


async def quote(user: User, request: SubmitRequest, settings: Settings) -> Quote:
    """What the request would cost and whether the balance covers it (nothing is held)."""
    planned = await plan(user, request, settings)
    # Refused like generate refuses them: another user's (or a made-up) upload id is not quoted.
    await check_uploads(user, request.references)
    return Quote(plan=planned, balance=await credits.balance(user.id) or 0)
