"""Planning a generation: validate a request, apply the style preset, size and price it; the quote.

Nothing here writes: ``plan`` is what ``submit`` holds credits for and what ``quote`` shows before anything is held.
Errors name the input's Python fields (``["input", "max_images"]``); the graph layer turns them into API paths.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field

from models import GenerationMode, Project, SizeTier, StylePreset, User
from services import access, credits
from services.core.config import Settings
from services.core.errors import InvalidInput, NotFound
from services.generation import capabilities as caps
from services.generation.references import ReferenceSpec, check_reference_spec

MAX_SEED = 2**31 - 1
MAX_IDEMPOTENCY_KEY = 200
SIZE_PATTERN = re.compile(r"^\s*(\d{2,5})\s*[x*×]\s*(\d{2,5})\s*$", re.IGNORECASE)
DEFAULT_SET_IMAGES = 4


@dataclass(frozen=True, slots=True)
class GenerateRequest:
    """A generate request as a client sent it: one ``prompt`` or several ``prompts`` (not both)."""

    project_id: str
    mode: GenerationMode
    prompt: str | None = None
    prompts: list[str] | None = None
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


def input_field(*path: str) -> list[str]:
    return ["input", *path]


def _parse_size(request: GenerateRequest, settings: Settings) -> tuple[int, int]:
    bounds = caps.size_bounds(settings.seedream_provider)
    if request.size is not None:
        if request.aspect_ratio is not None or request.resolution is not None:
            raise InvalidInput("give either size or aspectRatio/resolution, not both", input_field("size"))
        match = SIZE_PATTERN.match(request.size)
        if match is None:
            raise InvalidInput("size must look like 2048x2048", input_field("size"))
        width, height = int(match.group(1)), int(match.group(2))
        problem = bounds.check(width, height)
        if problem:
            raise InvalidInput(f"size {width}x{height} is not accepted: {problem}", input_field("size"))
        return width, height
    if request.aspect_ratio is None and request.resolution is None:
        return caps.DEFAULT_SIZE
    ratio = request.aspect_ratio or "1:1"
    if caps.parse_ratio(ratio) is None:
        raise InvalidInput("aspectRatio must look like 16:9", input_field("aspect_ratio"))
    resolved = caps.size_for(ratio, request.resolution or SizeTier.K2, bounds)
    if resolved is None:
        raise InvalidInput(
            f"aspect ratio {ratio} has no size within the provider's bounds", input_field("aspect_ratio")
        )
    return resolved


def _prompts(request: GenerateRequest) -> list[str]:
    if request.prompt is not None and request.prompts is not None:
        raise InvalidInput("give prompt or prompts, not both", input_field("prompts"))
    given = request.prompts if request.prompts is not None else [request.prompt] if request.prompt is not None else []
    cleaned = [p.strip() for p in given]
    if not cleaned:
        raise InvalidInput("give a prompt", input_field("prompt"))
    if len(cleaned) > caps.MAX_PROMPTS:
        raise InvalidInput(f"at most {caps.MAX_PROMPTS} prompts per batch", input_field("prompts"))
    for index, prompt in enumerate(cleaned):
        path = input_field("prompts", str(index)) if request.prompts is not None else input_field("prompt")
        if not prompt:
            raise InvalidInput("prompts must not be empty", path)
        if len(prompt) > caps.MAX_PROMPT_LENGTH:
            raise InvalidInput(f"prompts are at most {caps.MAX_PROMPT_LENGTH} characters", path)
    return cleaned


async def _visible_preset(user: User, preset_id: str) -> StylePreset:
    preset = await access.find_viewable(StylePreset, user.id, preset_id)
    if preset is None:
        raise NotFound("style preset not found", input_field("style_preset_id"))
    return preset


def apply_preset(template: str, prompt: str) -> str:
    """The preset's prompt template with ``{prompt}`` replaced (appended when the template lacks it)."""
    if "{prompt}" in template:
        return template.replace("{prompt}", prompt).strip()
    return f"{prompt}, {template}".strip(", ") if template.strip() else prompt


async def plan(user: User, request: GenerateRequest, settings: Settings) -> Plan:
    """Validate a request and work out its items, size and price. Raises ``InvalidInput``/``NotFound``."""
    project = await access.find_editable(Project, user.id, request.project_id)
    if project is None:
        raise NotFound("project not found", input_field("project_id"))
    prompts = _prompts(request)
    info = caps.MODE_INFO[request.mode]
    if not 1 <= request.count <= caps.MAX_COUNT_PER_PROMPT:
        raise InvalidInput(f"count must be between 1 and {caps.MAX_COUNT_PER_PROMPT}", input_field("count"))
    references = len(request.references)
    if not info.min_references <= references <= info.max_references:
        expected = (
            "no reference images"
            if info.max_references == 0
            else f"{info.min_references}-{info.max_references} reference images"
        )
        raise InvalidInput(f"{request.mode.value} takes {expected}; got {references}", input_field("references"))
    if info.produces_set:
        images_per_item = request.max_images if request.max_images is not None else DEFAULT_SET_IMAGES
        limit = min(caps.MAX_SET_IMAGES, caps.MAX_SET_IMAGES - references) if references else caps.MAX_SET_IMAGES
        if not 1 <= images_per_item <= limit:
            raise InvalidInput(
                f"maxImages must be between 1 and {limit} (reference images count against the 15)",
                input_field("max_images"),
            )
    else:
        if request.max_images is not None:
            raise InvalidInput(f"maxImages is only for set modes, not {request.mode.value}", input_field("max_images"))
        images_per_item = 1
    width, height = _parse_size(request, settings)
    if request.seed is not None and not 0 <= request.seed <= MAX_SEED:
        raise InvalidInput(f"seed must be between 0 and {MAX_SEED}", input_field("seed"))
    if request.style_intensity is not None and not 0.0 <= request.style_intensity <= 1.0:
        raise InvalidInput("styleIntensity must be between 0 and 1", input_field("style_intensity"))
    check_idempotency_key(request.idempotency_key)
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
            f"this asks for {total} images; a batch holds at most {caps.MAX_BATCH_IMAGES}", input_field("count")
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


def check_idempotency_key(key: str | None) -> None:
    if key is not None and not 1 <= len(key) <= MAX_IDEMPOTENCY_KEY:
        raise InvalidInput(f"idempotencyKey must be 1-{MAX_IDEMPOTENCY_KEY} characters", input_field("idempotency_key"))


async def quote(user: User, request: GenerateRequest, settings: Settings) -> Quote:
    """What the request would cost and whether the balance covers it (nothing is held)."""
    planned = await plan(user, request, settings)
    for index, spec in enumerate(request.references):
        check_reference_spec(spec, index)
    return Quote(plan=planned, balance=await credits.balance(user.id) or 0)
