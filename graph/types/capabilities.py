"""What clients need to build their generation forms."""

from __future__ import annotations

import strawberry

from graph.types.enums import GenerationMode


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
    max_set_images: int = strawberry.field(description="Most images in one consistent set (`maxImages`).")
    max_prompts: int = strawberry.field(description="Most prompts in one batch.")
    max_count_per_prompt: int = strawberry.field(description="Most variations per prompt.")
    max_batch_images: int = strawberry.field(description="Most images in one batch job.")
    max_prompt_length: int = strawberry.field(description="Longest prompt, in characters.")
    max_reference_bytes: int = strawberry.field(description="Largest reference image upload.")
    reference_content_types: list[str] = strawberry.field(description="Accepted reference image types.")
    max_page_size: int = strawberry.field(description="Largest `first` of any list.")


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
