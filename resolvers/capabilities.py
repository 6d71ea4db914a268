"""The capabilities query: modes, sizes, limits and prices, from the same values the services validate with."""

from __future__ import annotations

import strawberry

from graph.context import Context
from graph.types.capabilities import (
    AspectRatioOption,
    Capabilities,
    GenerationLimits,
    ModeCapability,
    Price,
    SizeBounds,
    SizeOption,
)
from models.enums import SizeTier
from services import capabilities as caps
from services.pagination import MAX_PAGE_SIZE

Info = strawberry.Info[Context, None]


async def capabilities(info: Info) -> Capabilities:
    settings = info.context.services.settings
    bounds = caps.size_bounds(settings.seedream_provider)
    ratios = []
    for ratio in caps.ASPECT_RATIOS:
        sizes = []
        for tier in SizeTier:
            size = caps.size_for(ratio, tier, bounds)
            if size is not None:
                sizes.append(SizeOption(tier=tier.value, width=size[0], height=size[1]))
        if sizes:
            ratios.append(AspectRatioOption(ratio=ratio, sizes=sizes))
    width, height = caps.DEFAULT_SIZE
    return Capabilities(
        provider=settings.seedream_provider.value,
        modes=[
            ModeCapability(
                mode=m.mode,
                description=m.description,
                min_references=m.min_references,
                max_references=m.max_references,
                produces_set=m.produces_set,
            )
            for m in caps.MODES
        ],
        size_bounds=SizeBounds(
            min_side=bounds.min_side,
            max_side=bounds.max_side,
            min_pixels=bounds.min_pixels,
            max_pixels=bounds.max_pixels,
            max_aspect_ratio=bounds.max_aspect_ratio,
        ),
        default_size=SizeOption(tier=caps.tier_of(width, height).value, width=width, height=height),
        aspect_ratios=ratios,
        limits=GenerationLimits(
            max_references=caps.MAX_REFERENCES,
            max_set_images=caps.MAX_SET_IMAGES,
            max_prompts=caps.MAX_PROMPTS,
            max_count_per_prompt=caps.MAX_COUNT_PER_PROMPT,
            max_batch_images=caps.MAX_BATCH_IMAGES,
            max_prompt_length=caps.MAX_PROMPT_LENGTH,
            max_reference_bytes=caps.MAX_REFERENCE_BYTES,
            reference_content_types=list(caps.REFERENCE_CONTENT_TYPES),
            max_page_size=MAX_PAGE_SIZE,
        ),
        prices=[
            Price(mode=m.mode, tier=tier.value, credits_per_image=caps.price_per_image(settings, m.mode, tier))
            for m in caps.MODES
            for tier in SizeTier
        ],
        signup_credits=settings.signup_credits,
    )
