"""What clients need to build their generation forms."""

from __future__ import annotations

import strawberry

from graph.core.convert import from_row
from graph.generation.enums import GenerationMode
from models.enums import SizeTier
from services.core.config import Settings
from services.core.pagination import MAX_PAGE_SIZE
from services.generation import capabilities as caps


@strawberry.type(description="One generation mode and the references it takes.")
class ModeCapability:
    mode: GenerationMode = strawberry.field(description="The mode.")
    description: str = strawberry.field(description="What it does.")
    min_references: int = strawberry.field(description="Fewest reference images it needs.")
    max_references: int = strawberry.field(description="Most reference images it takes.")
    produces_set: bool = strawberry.field(description="Whether it makes a consistent set (uses `maxImages`).")


@strawberry.type(description="Sizes the configured provider accepts.")
class SizeBounds:
    min_side: int = strawberry.field(description="Smallest width or height in pixels.")
    max_side: int = strawberry.field(description="Largest width or height in pixels.")
    min_pixels: int = strawberry.field(description="Smallest width × height.")
    max_pixels: int = strawberry.field(description="Largest width × height.")
    max_aspect_ratio: float = strawberry.field(description="Largest long-side / short-side ratio.")


@strawberry.type(description="A concrete size.")
class SizeOption:
    tier: str = strawberry.field(description="Resolution tier: 1K, 2K or 4K.")
    width: int = strawberry.field(description="Width in pixels.")
    height: int = strawberry.field(description="Height in pixels.")


@strawberry.type(description="An aspect ratio and the size it resolves to at each tier.")
class AspectRatioOption:
    ratio: str = strawberry.field(description="Width:height, e.g. 16:9.")
    sizes: list[SizeOption] = strawberry.field(description="The size at each tier that fits the bounds.")


@strawberry.type(description="Credits for one delivered image.")
class Price:
    mode: GenerationMode = strawberry.field(description="The mode.")
    tier: str = strawberry.field(description="Resolution tier: 1K, 2K or 4K.")
    credits_per_image: int = strawberry.field(description="Credits charged per delivered image.")


@strawberry.type(description="Limits on one generation request.")
class GenerationLimits:
    max_references: int = strawberry.field(description="Most reference images per request.")
    max_set_images: int = strawberry.field(
        description="Most images in one consistent set (`maxImages`). The prompt sent states the count; a set may "
        "still come back short, and its missing images are refunded."
    )
    max_prompts: int = strawberry.field(description="Most prompts in one batch.")
    max_count_per_prompt: int = strawberry.field(description="Most variations per prompt.")
    max_batch_images: int = strawberry.field(description="Most images in one batch job.")
    max_prompt_length: int = strawberry.field(description="Longest prompt, in characters.")
    max_reference_bytes: int = strawberry.field(description="Largest reference image upload.")
    reference_content_types: list[str] = strawberry.field(description="Accepted reference image types.")
    max_page_size: int = strawberry.field(description="Largest `first` of any list.")


@strawberry.type(description="What a client should know about the configured provider.")
class ProviderFacts:
    seed_sent: bool = strawberry.field(description="Whether `seed` reaches the provider at all.")
    seed_reproducible: bool = strawberry.field(description="Whether the same seed reproduces an image.")
    tier_sizes_keep_aspect: bool = strawberry.field(
        description="False when a resolution tier lets the model choose the aspect: trust the delivered size."
    )
    reference_content_types: list[str] = strawberry.field(description="What reference images are sent as.")
    reference_min_side: int | None = strawberry.field(description="Shortest reference side the provider takes.")
    reference_max_side: int | None = strawberry.field(description="Longest side (larger ones are scaled down).")
    reference_max_aspect_ratio: float | None = strawberry.field(description="Long side / short side at most.")
    reference_max_bytes: int = strawberry.field(description="Largest reference image sent.")
    notes: list[str] = strawberry.field(description="The rest, in words.")

    @classmethod
    def from_facts(cls, facts: caps.ProviderFacts) -> ProviderFacts:
        return from_row(cls, facts)


@strawberry.type(description="Modes, sizes, limits and prices of this service.")
class Capabilities:
    provider: str = strawberry.field(description="The Seedream provider in use (simulator, wavespeed, ark).")
    modes: list[ModeCapability] = strawberry.field(description="The generation modes.")
    size_bounds: SizeBounds = strawberry.field(description="Custom sizes must fall within these.")
    default_size: SizeOption = strawberry.field(description="The size used when none is given.")
    aspect_ratios: list[AspectRatioOption] = strawberry.field(description="Ready-made sizes by aspect ratio.")
    limits: GenerationLimits = strawberry.field(description="Request limits.")
    prices: list[Price] = strawberry.field(description="Credits per delivered image by mode and tier.")
    signup_credits: int = strawberry.field(description="Credits a new account starts with.")
    provider_facts: ProviderFacts = strawberry.field(description="Seed, size and reference-image facts.")

    @classmethod
    def from_settings(cls, settings: Settings) -> Capabilities:
        """What the configured provider and prices allow, from the same values the services validate with."""
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
        return cls(
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
            provider_facts=ProviderFacts.from_facts(caps.PROVIDER_FACTS[settings.seedream_provider]),
        )
