"""Inputs of the preset operations."""

from __future__ import annotations

import strawberry

from graph.core.enums import GenerationMode, SizeTier

NULL_CLEARS = " On update, null clears it and omitting it keeps it."


@strawberry.input(description="A new preset.")
class StylePresetInput:
    name: str = strawberry.field(description="1-120 characters.")
    description: str | None = strawberry.field(default=None, description="Up to 2,000 characters.")
    tags: list[str] | None = strawberry.field(default=None, description="Up to 20 tags of 1-32 characters.")
    prompt_template: str | None = strawberry.field(
        default=None, description="Up to 1,000 characters with at most one {prompt} slot (default `{prompt}`)."
    )
    prompt_suffix: str | None = strawberry.field(default=None, description="Up to 300 characters.")
    default_mode: GenerationMode | None = strawberry.field(default=None, description="Mode used when none is given.")
    default_size: str | None = strawberry.field(default=None, description="WxH, within the provider's bounds.")
    default_aspect_ratio: str | None = strawberry.field(default=None, description="Such as 16:9.")
    default_resolution: SizeTier | None = strawberry.field(default=None, description="Tier with the aspect ratio.")
    max_images: int | None = strawberry.field(default=None, description="Images per set, 1-15 (set modes).")
    reference_images: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Up to 10 of your uploads (`imageUpload`), sent as style references in edit modes."
    )
    default_intensity: float | None = strawberry.field(default=None, description="0-1 (default 0.75).")


@strawberry.input(description="Changes to a preset; saved as a new version." + NULL_CLEARS)
class StylePresetUpdateInput:
    name: str | None = strawberry.field(default=strawberry.UNSET, description="1-120 characters.")
    description: str | None = strawberry.field(default=strawberry.UNSET, description="Up to 2,000 characters.")
    tags: list[str] | None = strawberry.field(default=strawberry.UNSET, description="Replaces the tags.")
    prompt_template: str | None = strawberry.field(default=strawberry.UNSET, description="With a {prompt} slot.")
    prompt_suffix: str | None = strawberry.field(default=strawberry.UNSET, description="Up to 300 characters.")
    default_mode: GenerationMode | None = strawberry.field(default=strawberry.UNSET, description="Null clears it.")
    default_size: str | None = strawberry.field(default=strawberry.UNSET, description="Null clears it.")
    default_aspect_ratio: str | None = strawberry.field(default=strawberry.UNSET, description="Null clears it.")
    default_resolution: SizeTier | None = strawberry.field(default=strawberry.UNSET, description="Null clears it.")
    max_images: int | None = strawberry.field(default=strawberry.UNSET, description="Null clears it.")
    reference_images: list[strawberry.ID] | None = strawberry.field(
        default=strawberry.UNSET, description="Replaces the style reference images."
    )
    default_intensity: float | None = strawberry.field(default=strawberry.UNSET, description="0-1.")


@strawberry.input(description="A preset to apply to a generation.")
class PresetUseInput:
    preset_id: strawberry.ID = strawberry.field(description="A preset you may use (yours, public or built-in).")
    version: int | None = strawberry.field(default=None, description="A version of it (default: the current one).")
    weight: float | None = strawberry.field(default=None, description="Its weight in a mix, above 0 (default 1).")
    intensity: float | None = strawberry.field(default=None, description="0-1 (default: the preset's own).")
