"""Insights: rules over one user's own usage in a range that say something they can act on, with the counts behind it.

Every figure an insight gives is a count or a sum read from the user's rows (``playground_usage_analytics``, their
images and gallery) or a configured price; nothing is estimated. The rules:

- ``LOW_SUCCESS_PRESET`` / ``LOW_SUCCESS_MODE``: a preset (the batch's lead preset) or a mode whose images were
  delivered far less often than the user's other images: at least ``MIN_IMAGES`` images on each side, and a success
  rate at least ``GAP`` (25 points) below the others'. Cancelled images are left out (a cancel is a choice, not a
  failure).
- ``CONTENT_POLICY_REFUNDS``: images the provider refused on content policy, the credits refunded for them, and the
  presets and prompts that drew them (most refusals first, at most ``TOP`` of each).
- ``COSTLY_TIER``: a mode and tier priced above the tier below it, with at least ``MIN_IMAGES`` images delivered,
  fewer than half of which the user kept in their gallery (the use an image has here): what they cost, and what the
  same images cost at the tier below.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from tortoise.expressions import Q
from tortoise.functions import Count, Sum

from models import ErrorCategory, GalleryItem, GenerationMode, ImageEdit, SizeTier, StylePreset, UsageEvent, UsageKind
from services import access

MIN_IMAGES = 5
GAP = 0.25
TOP = 3
LOWER_TIER = {SizeTier.K2: SizeTier.K1, SizeTier.K4: SizeTier.K2}
Price = Callable[[GenerationMode, SizeTier], int]


class InsightKind(StrEnum):
    LOW_SUCCESS_PRESET = "LOW_SUCCESS_PRESET"
    LOW_SUCCESS_MODE = "LOW_SUCCESS_MODE"
    CONTENT_POLICY_REFUNDS = "CONTENT_POLICY_REFUNDS"
    COSTLY_TIER = "COSTLY_TIER"


@dataclass(frozen=True, slots=True)
class Figure:
    name: str
    value: float


@dataclass(frozen=True, slots=True)
class LabelCount:
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Insight:
    kind: InsightKind
    subject: str | None
    """The preset id, the mode, or ``MODE@TIER``; None for an insight about everything."""
    message: str
    figures: list[Figure]
    breakdown: list[LabelCount] = field(default_factory=list)
    """What drew it (content policy: presets and prompts), most first."""


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %"


async def _rates(user_id: uuid.UUID, start: datetime, end: datetime, column: str) -> dict[Any, tuple[int, int]]:
    """Images requested and delivered per value of ``column`` (cancelled images left out)."""
    rows = (
        await UsageEvent.filter(user_id=user_id, kind=UsageKind.IMAGE, created_at__gte=start, created_at__lt=end)
        .filter(Q(error_category__isnull=True) | Q(error_category__not=ErrorCategory.CANCELLED))  # NULL: delivered
        .annotate(requested=Sum("images_requested"), delivered=Sum("images_delivered"))
        .group_by(column)
        .values(column, "requested", "delivered")
    )
    return {row[column]: (int(row["requested"] or 0), int(row["delivered"] or 0)) for row in rows}


async def _preset_names(user_id: uuid.UUID, ids: list[Any]) -> dict[str, str]:
    """Names of the presets the user may still see (others are named by what they were: a preset)."""
    wanted = [uuid.UUID(str(i)) for i in ids if i is not None]
    rows = await access.viewable(StylePreset, user_id).filter(id__in=wanted).values_list("id", "name")
    return {str(ident): str(name) for ident, name in rows}


def _low_success(kind: InsightKind, rates: dict[Any, tuple[int, int]], name: Callable[[Any], str]) -> list[Insight]:
    total_requested = sum(r for r, _ in rates.values())
    total_delivered = sum(d for _, d in rates.values())
    found = []
    for key, (requested, delivered) in rates.items():
        if key is None or requested < MIN_IMAGES:
            continue
        other_requested, other_delivered = total_requested - requested, total_delivered - delivered
        if other_requested < MIN_IMAGES:
            continue
        rate, others = delivered / requested, other_delivered / other_requested
        if others - rate < GAP:
            continue
        found.append(
            Insight(
                kind=kind,
                subject=str(key),
                message=(
                    f"{name(key)} delivered {delivered} of {requested} images ({_percent(delivered, requested)}); "
                    f"your other images: {other_delivered} of {other_requested} "
                    f"({_percent(other_delivered, other_requested)})."
                ),
                figures=[
                    Figure("imagesRequested", requested),
                    Figure("imagesDelivered", delivered),
                    Figure("otherImagesRequested", other_requested),
                    Figure("otherImagesDelivered", other_delivered),
                ],
            )
        )
    return sorted(found, key=lambda i: i.figures[1].value / i.figures[0].value)


async def _content_policy(user_id: uuid.UUID, start: datetime, end: datetime) -> list[Insight]:
    refused = UsageEvent.filter(
        user_id=user_id,
        kind=UsageKind.IMAGE,
        created_at__gte=start,
        created_at__lt=end,
        error_category=ErrorCategory.CONTENT_POLICY,
    )
    totals = await refused.annotate(
        images=Sum("images_requested"), delivered=Sum("images_delivered"), refunded=Sum("credits_refunded")
    ).values("images", "delivered", "refunded")
    images = int(totals[0]["images"] or 0) - int(totals[0]["delivered"] or 0) if totals else 0
    if images <= 0:
        return []
    refunded = int(totals[0]["refunded"] or 0)
    by_preset = (
        await refused.filter(style_preset_id__not_isnull=True)
        .annotate(n=Count("id"))
        .group_by("style_preset_id")
        .order_by("-n")
        .values("style_preset_id", "n")
    )
    names = await _preset_names(user_id, [row["style_preset_id"] for row in by_preset])
    image_ids = await refused.filter(image_edit_id__not_isnull=True).values_list("image_edit_id", flat=True)
    prompts = Counter(
        await access.owned(ImageEdit, user_id).filter(id__in=list(image_ids)).values_list("prompt", flat=True)
    )
    breakdown = [
        LabelCount(f"preset: {names.get(str(row['style_preset_id']), 'a preset you can no longer see')}", int(row["n"]))
        for row in by_preset[:TOP]
    ] + [LabelCount(f"prompt: {prompt}", count) for prompt, count in sorted(prompts.items(), key=lambda p: -p[1])[:TOP]]
    return [
        Insight(
            kind=InsightKind.CONTENT_POLICY_REFUNDS,
            subject=None,
            message=(
                f"{images} image{'s' if images != 1 else ''} refused on content policy; "
                f"{refunded} credit{'s' if refunded != 1 else ''} refunded. "
                "Rewording the prompts (or dropping the presets) below avoids the round trip."
            ),
            figures=[Figure("images", images), Figure("creditsRefunded", refunded)],
            breakdown=breakdown,
        )
    ]


async def _costly_tiers(user_id: uuid.UUID, start: datetime, end: datetime, price: Price) -> list[Insight]:
    delivered = UsageEvent.filter(
        user_id=user_id, kind=UsageKind.IMAGE, created_at__gte=start, created_at__lt=end, images_delivered__gt=0
    )
    rows = (
        await delivered.annotate(images=Sum("images_delivered"), spent=Sum("credits_captured"))
        .group_by("mode", "size_tier")
        .values("mode", "size_tier", "images", "spent")
    )
    found = []
    for row in rows:
        mode, tier, images = GenerationMode(row["mode"]), SizeTier(row["size_tier"]), int(row["images"] or 0)
        lower = LOWER_TIER.get(tier)
        if lower is None or images < MIN_IMAGES or price(mode, lower) >= price(mode, tier):
            continue
        ids = await delivered.filter(mode=mode, size_tier=tier.value).values_list("image_edit_id", flat=True)
        kept = await access.owned(GalleryItem, user_id).filter(image_edit_id__in=list(ids)).count()
        if 2 * kept >= images:
            continue
        spent, cheaper = int(row["spent"] or 0), price(mode, lower) * images
        found.append(
            Insight(
                kind=InsightKind.COSTLY_TIER,
                subject=f"{mode.value}@{tier.value}",
                message=(
                    f"{images} {mode.value} images at {tier.value} cost {spent} credits and you kept {kept} of them "
                    f"in your gallery; at {lower.value} the same images cost {cheaper} credits."
                ),
                figures=[
                    Figure("imagesDelivered", images),
                    Figure("creditsSpent", spent),
                    Figure("imagesKept", kept),
                    Figure("creditsAtLowerTier", cheaper),
                ],
            )
        )
    return found


async def insights(user_id: uuid.UUID, start: datetime, end: datetime, price: Price) -> list[Insight]:
    """The insights of the user's own usage in ``[start, end)``; ``price`` gives the configured price per image."""
    presets = await _rates(user_id, start, end, "style_preset_id")
    names = await _preset_names(user_id, list(presets))
    modes = await _rates(user_id, start, end, "mode")
    return [
        *_low_success(
            InsightKind.LOW_SUCCESS_PRESET,
            presets,
            lambda key: (
                f"Preset {names.get(str(key), 'you can no longer see')!r}"
                if str(key) in names
                else "A preset you can no longer see"
            ),
        ),
        *_low_success(InsightKind.LOW_SUCCESS_MODE, modes, lambda key: f"Mode {GenerationMode(key).value}"),
        *await _content_policy(user_id, start, end),
        *await _costly_tiers(user_id, start, end, price),
    ]
