"""Inputs of the generation operations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from graph.generation.enums import BatchStatus, GenerationMode, SizeTier

if TYPE_CHECKING:
    from graph.presets.inputs import PresetUseInput
    from graph.webhooks.inputs import BatchWebhookInput


@strawberry.input(one_of=True, description="A reference image: an earlier `imageUpload`, or a URL we fetch.")
class ReferenceInput:
    upload_id: strawberry.ID | None = strawberry.field(default=strawberry.UNSET, description="From imageUpload.")
    url: str | None = strawberry.field(
        default=strawberry.UNSET, description="A public http(s) image URL (PNG, JPEG or WebP, up to 10 MiB)."
    )


@strawberry.input(description="What to generate. See `capabilities` for modes, sizes, limits and prices.")
class GenerateInput:
    project_id: strawberry.ID = strawberry.field(description="The project the images belong to.")
    mode: GenerationMode | None = strawberry.field(
        default=None, description="The generation mode (default: the lead preset's default mode, else TEXT_TO_IMAGE)."
    )
    prompt: str | None = strawberry.field(default=None, description="One prompt (or use `prompts`).")
    prompts: list[str] | None = strawberry.field(default=None, description="Several prompts, one batch.")
    count: int = strawberry.field(default=1, description="Variations per prompt (sets: sets per prompt).")
    max_images: int | None = strawberry.field(
        default=None, description="Images per set (SEQUENTIAL / EDIT_SEQUENTIAL), 1-15; default 4."
    )
    size: str | None = strawberry.field(default=None, description="Exact size as WxH, e.g. 2048x2048.")
    aspect_ratio: str | None = strawberry.field(
        default=None, description="Aspect ratio such as 16:9 (with `resolution`)."
    )
    resolution: SizeTier | None = strawberry.field(default=None, description="Resolution tier for `aspectRatio`.")
    references: list[ReferenceInput] | None = strawberry.field(
        default=None, description="Reference images (edit and multi-reference modes)."
    )
    presets: list[Annotated[PresetUseInput, strawberry.lazy("graph.presets.inputs")]] | None = strawberry.field(
        default=None,
        description="Up to 3 style presets, mixed by weight (heaviest leads), each at its intensity (see the README).",
    )
    style_preset_id: strawberry.ID | None = strawberry.field(
        default=None, description="Shorthand for `presets: [{presetId}]` (not with `presets`)."
    )
    style_intensity: float | None = strawberry.field(
        default=None, description="With `stylePresetId`: its intensity, 0-1."
    )
    seed: int | None = strawberry.field(default=None, description="Seed for reproducible results (where supported).")
    idempotency_key: str | None = strawberry.field(
        default=None, description="Resubmitting with the same key returns the first batch and charges once."
    )
    remix_of_image_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="One of your images this remixes (its `remix` gives the parameters): recorded as the batch's "
        "`remixedFrom`; presets the image recorded stay usable at that version after they are deleted.",
    )
    remix_of_gallery_item_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="A public gallery item this remixes (its `remix` gives the parameters you may reuse): recorded "
        "as the batch's `remixedFrom`, with the author's display name.",
    )
    webhook: Annotated[BatchWebhookInput, strawberry.lazy("graph.webhooks.inputs")] | None = strawberry.field(
        default=None,
        description="POST this batch's events to a URL (signed; the secret is in the payload's `webhookSecret`).",
    )


@strawberry.input(description="Narrows the batch job list.")
class BatchJobFilter:
    status: BatchStatus | None = strawberry.field(default=None, description="Only this status.")
    project_id: strawberry.ID | None = strawberry.field(default=None, description="Only this project.")
