"""What the service can generate and what it costs: modes, size rules, limits and prices.

Clients build their forms from this (through the ``capabilities`` query) and the generation service validates
against the same values, so the two never disagree.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from models.enums import GenerationMode, SizeTier
from services.core.config import ProviderKind, Settings
from services.core.errors import InvalidInput
from services.seedream import ark_references
from services.seedream.downloads import MAX_OUTPUT_BYTES

MAX_REFERENCES = 10
MAX_SET_IMAGES = 15
MAX_PROMPTS = 20
MAX_COUNT_PER_PROMPT = 10
MAX_BATCH_IMAGES = 100
MAX_PROMPT_LENGTH = 2000
MAX_REFERENCE_BYTES = 10 * 1024 * 1024
REFERENCE_CONTENT_TYPES = ("image/png", "image/jpeg", "image/webp")


TIER_BASE = {SizeTier.K1: 1024, SizeTier.K2: 2048, SizeTier.K4: 4096}
ASPECT_RATIOS = ("1:1", "4:3", "3:4", "3:2", "2:3", "16:9", "9:16", "21:9")
DEFAULT_SIZE = (2048, 2048)


@dataclass(frozen=True, slots=True)
class ModeInfo:
    mode: GenerationMode
    description: str
    min_references: int
    max_references: int
    produces_set: bool


MODES = (
    ModeInfo(GenerationMode.TEXT_TO_IMAGE, "Text to image: one image per prompt and count.", 0, 0, False),
    ModeInfo(GenerationMode.EDIT, "Edit one reference image following the prompt.", 1, 1, False),
    ModeInfo(
        GenerationMode.MULTI_REFERENCE,
        "Compose from several reference images (characters, objects, styles).",
        2,
        MAX_REFERENCES,
        False,
    ),
    ModeInfo(GenerationMode.SEQUENTIAL, "A consistent set of up to 15 images from text.", 0, 0, True),
    ModeInfo(
        GenerationMode.EDIT_SEQUENTIAL,
        "A consistent set of up to 15 images from reference images.",
        1,
        MAX_REFERENCES,
        True,
    ),
)
MODE_INFO = {info.mode: info for info in MODES}


@dataclass(frozen=True, slots=True)
class SizeBounds:
    """Sizes the provider accepts: optional per-side bounds, total pixels and the long/short side ratio."""

    min_side: int
    max_side: int
    min_pixels: int
    max_pixels: int
    max_aspect_ratio: float

    def check(self, width: int, height: int) -> str | None:
        """Why ``width``×``height`` is not accepted, or None when it is."""
        if not (self.min_side <= width <= self.max_side and self.min_side <= height <= self.max_side):
            return f"each side must be between {self.min_side} and {self.max_side} pixels"
        if not self.min_pixels <= width * height <= self.max_pixels:
            return f"width × height must be between {self.min_pixels} and {self.max_pixels} pixels"
        if max(width, height) / min(width, height) > self.max_aspect_ratio:
            return f"the long side may be at most {self.max_aspect_ratio:g} times the short side"
        return None


# WaveSpeed's strictest documented bounds (1024..4096 per side); the simulator speaks WaveSpeed's format.
WAVESPEED_BOUNDS = SizeBounds(1024, 4096, 1024 * 1024, 4096 * 4096, 4.0)
ARK_BOUNDS = SizeBounds(240, 16384, 921_600, 16_777_216, 16.0)


def size_bounds(provider: ProviderKind) -> SizeBounds:
    return ARK_BOUNDS if provider is ProviderKind.ARK else WAVESPEED_BOUNDS


def tier_of(width: int, height: int) -> SizeTier:
    """The price tier of a size, by pixel count (boundaries at the geometric means of the tier areas)."""
    pixels = width * height
    if pixels <= 1448 * 1448:
        return SizeTier.K1
    if pixels <= 2896 * 2896:
        return SizeTier.K2
    return SizeTier.K4


def parse_ratio(ratio: str) -> float | None:
    left, sep, right = ratio.partition(":")
    try:
        value = int(left) / int(right) if sep else None
    except (ValueError, ZeroDivisionError, OverflowError):  # OverflowError: "10**400:1" has no float
        return None
    return value if value and value > 0 else None


RATIO_TOLERANCE = 0.05
"""How far a resolved size's aspect may be from the one asked for (rounding sides to multiples of 16)."""


def size_for(ratio: str, tier: SizeTier, bounds: SizeBounds) -> tuple[int, int] | None:
    """The size for an aspect ratio at a tier within ``bounds`` (multiples of 16), or None if none fits."""
    value = parse_ratio(ratio)
    if value is None:
        return None
    area = TIER_BASE[tier] ** 2
    width, height = math.sqrt(area * value), math.sqrt(area / value)
    short, long = min(width, height), max(width, height)
    scale = 1.0
    if short < bounds.min_side:
        scale = bounds.min_side / short
    if long * scale > bounds.max_side:
        scale = bounds.max_side / long
    # Round down to multiples of 16 so a clamped side never exceeds its bound, then up if below the minimum.
    w, h = (max(16, int(width * scale) // 16 * 16), max(16, int(height * scale) // 16 * 16))
    w, h = (max(w, bounds.min_side), max(h, bounds.min_side))
    if abs(math.log((w / h) / value)) > math.log(1 + RATIO_TOLERANCE):
        # The bounds bent the shape (100:1 would come out 4:1): refused, never a different picture than asked for.
        return None
    return (w, h) if bounds.check(w, h) is None else None


SIZE_PATTERN = re.compile(r"^\s*(\d{2,5})\s*[x*×]\s*(\d{2,5})\s*$", re.IGNORECASE)


def resolve_size(
    size: str | None,
    aspect_ratio: str | None,
    resolution: SizeTier | None,
    bounds: SizeBounds,
    *,
    at: list[str],
) -> tuple[int, int] | None:
    """The size asked for as ``size`` (WxH) or ``aspect_ratio`` + ``resolution``; None when none is given.

    ``InvalidInput`` names the field under ``at`` (e.g. ``["input", "aspect_ratio"]``).
    """
    if size is not None:
        if aspect_ratio is not None or resolution is not None:
            raise InvalidInput("give either size or aspectRatio/resolution, not both", [*at, "size"])
        match = SIZE_PATTERN.match(size)
        if match is None:
            raise InvalidInput("size must look like 2048x2048", [*at, "size"])
        width, height = int(match.group(1)), int(match.group(2))
        problem = bounds.check(width, height)
        if problem:
            raise InvalidInput(f"size {width}x{height} is not accepted: {problem}", [*at, "size"])
        return width, height
    if aspect_ratio is None and resolution is None:
        return None
    ratio = aspect_ratio or "1:1"
    if parse_ratio(ratio) is None:
        raise InvalidInput("aspectRatio must look like 16:9", [*at, "aspect_ratio"])
    resolved = size_for(ratio, resolution or SizeTier.K2, bounds)
    if resolved is None:
        raise InvalidInput(f"aspect ratio {ratio} has no size within the provider's bounds", [*at, "aspect_ratio"])
    return resolved


def default_prices() -> dict[str, dict[str, int]]:
    """Credits per delivered image: the same for every mode; 4K images cost double."""
    tiers = {SizeTier.K1.value: 1, SizeTier.K2.value: 1, SizeTier.K4.value: 2}
    return {mode.value: dict(tiers) for mode in GenerationMode}


def price_table(overrides: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """The full table: the defaults with ``PRICES`` (``Settings.prices``) laid over them; ValueError naming an
    unknown mode or tier (``check_prices`` runs this when a process starts)."""
    prices = default_prices()
    for mode, tiers in overrides.items():
        if mode not in prices:
            raise ValueError(f"PRICES: unknown mode {mode!r}")
        for tier, credits in tiers.items():
            if tier not in prices[mode]:
                raise ValueError(f"PRICES: unknown tier {tier!r}")
            prices[mode][tier] = credits
    return prices


def check_prices(settings: Settings) -> None:
    """Refuse settings whose ``PRICES`` names a mode or tier that does not exist (ValueError)."""
    price_table(settings.prices)


def price_per_image(settings: Settings, mode: GenerationMode, tier: SizeTier) -> int:
    """Credits charged for one delivered image of ``mode`` at ``tier``."""
    override = settings.prices.get(mode.value, {}).get(tier.value)
    return default_prices()[mode.value][tier.value] if override is None else override


@dataclass(frozen=True, slots=True)
class ProviderFacts:
    """What a client should know about the configured provider beyond sizes and prices."""

    seed_sent: bool
    """Whether ``seed`` reaches the provider at all."""
    seed_reproducible: bool
    """Whether the same seed reproduces an image (not on Seedream 4.0)."""
    tier_sizes_keep_aspect: bool
    """False when a resolution tier lets the model choose the aspect (Ark): trust the delivered width/height."""
    reference_content_types: tuple[str, ...]
    """What reference images are sent as (others are transcoded)."""
    reference_min_side: int | None
    """None: no rule of the provider's beyond our own intake (10 MiB, 36 megapixels)."""
    reference_max_side: int | None
    reference_max_aspect_ratio: float | None
    reference_max_bytes: int
    notes: tuple[str, ...]


_SEED_NOTE = "The same seed does not reproduce an image on Seedream 4.0."
_MONEY_NOTES = (
    "A set may come back short: the prompt sent states the count, and every image not delivered is refunded.",
    "Only whole images are charged: each is fully decoded before it is kept; one that does not decode fails and is "
    "refunded (fetched again where the provider still has it, never bought again).",
    "A request whose outcome is unknown (no reply says whether the provider made it) is not bought again: its "
    "images fail with PROVIDER_OUTCOME_UNKNOWN and are refunded (an operator may allow more purchases per item).",
    f"Provider outputs over {MAX_OUTPUT_BYTES // (1024 * 1024)} MiB are refused: that image fails and is refunded.",
)
PROVIDER_FACTS = {
    ProviderKind.ARK: ProviderFacts(
        seed_sent=True,
        seed_reproducible=False,
        tier_sizes_keep_aspect=False,
        reference_content_types=tuple(ark_references.ACCEPTED_FORMATS.values()),
        reference_min_side=ark_references.MIN_SIDE,
        reference_max_side=ark_references.MAX_SIDE,
        reference_max_aspect_ratio=ark_references.MAX_ASPECT,
        reference_max_bytes=ark_references.MAX_BYTES,
        notes=(
            _SEED_NOTE + " Ark accepts a seed and ignores it.",
            "Reference images are sent as JPEG or PNG (WebP becomes PNG; oversized ones are scaled down); one "
            "thinner than 1:3 or with a side under 15 px fails its item before anything is sent.",
            "A 1K/2K/4K request may come back in an aspect the model chose.",
            *_MONEY_NOTES,
        ),
    ),
    ProviderKind.WAVESPEED: ProviderFacts(
        seed_sent=False,
        seed_reproducible=False,
        tier_sizes_keep_aspect=True,
        reference_content_types=REFERENCE_CONTENT_TYPES,
        reference_min_side=None,
        reference_max_side=None,
        reference_max_aspect_ratio=None,
        reference_max_bytes=MAX_REFERENCE_BYTES,
        notes=(
            _SEED_NOTE + " WaveSpeed takes no seed: it is recorded here but not sent.",
            *_MONEY_NOTES,
            "When this service has a public webhook URL, a task whose submit reply was lost is recovered from "
            "WaveSpeed's signed webhook and delivered; a task stuck in WaveSpeed's queue is refunded, not bought "
            "again.",
        ),
    ),
}
# The simulator speaks WaveSpeed's format by default.
PROVIDER_FACTS[ProviderKind.SIMULATOR] = PROVIDER_FACTS[ProviderKind.WAVESPEED]
