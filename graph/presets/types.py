"""Style presets, their versions, statistics and the record of a batch's presets, as clients see them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import strawberry

from graph.core.media import image_link
from graph.generation.enums import GenerationMode, SizeTier
from graph.generation.types import ReferenceImageType
from graph.presets.enums import PresetVisibility
from graph.users.types import PublicUser
from models import BatchPresetUse, StylePreset, StylePresetVersion
from services.presets.fields import VERSIONED_FIELDS
from services.presets.stats import PresetStats


@strawberry.type(name="PresetStats", description="How a preset did in real batches (forks count for themselves).")
class PresetStatsType:
    uses: int = strawberry.field(description="Batches that used it.")
    images_delivered: int = strawberry.field(description="Images those batches delivered.")
    images_failed: int = strawberry.field(description="Images those batches failed (cancelled ones not included).")
    success_rate: float | None = strawberry.field(description="Delivered / (delivered + failed); null before any.")
    median_processing_ms: int | None = strawberry.field(description="Median provider time of its successful calls.")

    @classmethod
    def from_stats(cls, stats: PresetStats) -> PresetStatsType:
        return cls(
            uses=stats.uses,
            images_delivered=stats.images_delivered,
            images_failed=stats.images_failed,
            success_rate=stats.success_rate,
            median_processing_ms=stats.median_processing_ms,
        )


@strawberry.type(description="A preset's preview image.")
class PresetPreview:
    url: str | None = strawberry.field(description="Where to load it.")
    width: int | None = strawberry.field(description="Width in pixels.")
    height: int | None = strawberry.field(description="Height in pixels.")


@strawberry.type(description="The settings every version of a preset holds.")
class PresetSettings:
    name: str = strawberry.field(description="Name, 1-120 characters.")
    description: str = strawberry.field(description="Up to 2,000 characters.")
    tags: list[str] = strawberry.field(description="Up to 20 lowercase tags.")
    prompt_template: str = strawberry.field(description="Template with a {prompt} slot (appended when absent).")
    prompt_suffix: str = strawberry.field(description="Added after the template at full intensity.")
    default_mode: GenerationMode | None = strawberry.field(description="Mode used when a request gives none.")
    default_size: str | None = strawberry.field(description="Size (WxH) used when a request gives none.")
    default_aspect_ratio: str | None = strawberry.field(description="Aspect ratio used when a request gives none.")
    default_resolution: SizeTier | None = strawberry.field(description="Resolution tier with the aspect ratio.")
    max_images: int | None = strawberry.field(description="Images per set (set modes) when a request gives none.")
    default_intensity: float = strawberry.field(description="Intensity when a request gives none, 0-1.")


def settings_of(row: StylePreset | StylePresetVersion) -> dict[str, Any]:
    """The shared settings of a preset or version row, as ``PresetSettings`` fields."""
    values = {key: getattr(row, key) for key in VERSIONED_FIELDS if key != "reference_ids"}
    values["tags"] = list(row.tags)
    return values


@strawberry.type(name="StylePresetVersion", description="One immutable version of a preset's settings.")
class StylePresetVersionType(PresetSettings):
    version: int = strawberry.field(description="1 for the first; every update adds one.")
    reference_image_count: int = strawberry.field(description="Style reference images it holds.")
    created_at: datetime = strawberry.field(description="When this version was saved.")

    @classmethod
    def from_model(cls, row: StylePresetVersion) -> StylePresetVersionType:
        return cls(
            **settings_of(row),
            version=row.version,
            reference_image_count=len(row.reference_ids),
            created_at=row.created_at,
        )


@strawberry.type(name="StylePreset", description="Reusable generation settings: a prompt template and defaults.")
class StylePresetType(PresetSettings):
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    visibility: PresetVisibility = strawberry.field(description="PRIVATE, UNLISTED or PUBLIC.")
    version: int = strawberry.field(description="The current version.")
    built_in: bool = strawberry.field(description="Part of the starter library (administrators edit it).")
    deleted: bool = strawberry.field(description="Deleted (still shown in the batches that used it).")
    created_at: datetime = strawberry.field(description="Creation time.")
    updated_at: datetime = strawberry.field(description="Last change.")
    _model: strawberry.Private[StylePreset]

    @strawberry.field(description="The code that lets others read and fork it; only its owner sees it.")  # type: ignore[untyped-decorator]
    async def share_code(self, info: strawberry.Info) -> str | None:
        viewer = await info.context.user()
        return self._model.share_code if viewer.id == self._model.owner_id else None

    @strawberry.field(description="Its style reference images, sent in the edit modes (up to 10).")  # type: ignore[untyped-decorator]
    async def reference_images(self, info: strawberry.Info) -> list[ReferenceImageType]:
        rows = await info.context.loaders.references.load_many([uuid.UUID(str(r)) for r in self._model.reference_ids])
        return [ReferenceImageType.from_model(row) for row in rows if row is not None]

    @strawberry.field(description="Every version, newest first.")  # type: ignore[untyped-decorator]
    async def versions(self, info: strawberry.Info) -> list[StylePresetVersionType]:
        rows = await info.context.loaders.preset_versions.load(self._model.id)
        return [StylePresetVersionType.from_model(row) for row in rows]

    @strawberry.field(description="The preset it was forked from, when you may read it.")  # type: ignore[untyped-decorator]
    async def forked_from(self, info: strawberry.Info) -> StylePresetType | None:
        if self._model.forked_from_id is None:
            return None
        viewer = await info.context.user()
        found = await info.context.loaders.viewable_presets.load((viewer.id, self._model.forked_from_id))
        return StylePresetType.from_model(found) if found else None

    @strawberry.field(description="Who made it (the display name only).")  # type: ignore[untyped-decorator]
    async def owner(self, info: strawberry.Info) -> PublicUser:
        user = await info.context.loaders.users.load(self._model.owner_id)
        return PublicUser(display_name=user.display_name if user else "")

    @strawberry.field(description="Its preview image, once `stylePresetPreview` delivered one.")  # type: ignore[untyped-decorator]
    async def preview(self, info: strawberry.Info) -> PresetPreview | None:
        if self._model.preview_batch_job_id is None:
            return None
        edit = await info.context.loaders.preview_images.load(self._model.preview_batch_job_id)
        if edit is None:
            return None
        public = self._model.visibility is PresetVisibility.PUBLIC
        url = image_link(edit.image_key, public=public) if edit.image_url else None
        return PresetPreview(url=url, width=edit.width, height=edit.height)

    @strawberry.field(description="How it did in real batches.")  # type: ignore[untyped-decorator]
    async def stats(self, info: strawberry.Info) -> PresetStatsType:
        return PresetStatsType.from_stats(await info.context.loaders.preset_stats.load(self._model.id))

    @classmethod
    def from_model(cls, preset: StylePreset) -> StylePresetType:
        return cls(
            **settings_of(preset),
            id=strawberry.ID(str(preset.id)),
            visibility=preset.visibility,
            version=preset.version,
            built_in=preset.built_in,
            deleted=preset.deleted_at is not None,
            created_at=preset.created_at,
            updated_at=preset.updated_at,
            _model=preset,
        )


@strawberry.type(name="BatchPresetUse", description="A preset a batch used: the exact version, weight and intensity.")
class BatchPresetUseType:
    preset_id: strawberry.ID | None = strawberry.field(description="The preset (null if it no longer exists).")
    name: str = strawberry.field(description="Its name when the batch used it.")
    version: int = strawberry.field(description="The version used.")
    weight: float = strawberry.field(description="Its weight in the mix.")
    intensity: float = strawberry.field(description="Its intensity, 0-1.")
    position: int = strawberry.field(description="Order in the composition (0: the lead preset).")
    _model: strawberry.Private[BatchPresetUse]

    @strawberry.field(description="The version's settings, exactly as the batch used them.")  # type: ignore[untyped-decorator]
    async def preset_version(self, info: strawberry.Info) -> StylePresetVersionType | None:
        if self._model.preset_version_id is None:
            return None
        row = await info.context.loaders.preset_version.load(self._model.preset_version_id)
        return StylePresetVersionType.from_model(row) if row else None

    @strawberry.field(description="The preset now, when you may still read it.")  # type: ignore[untyped-decorator]
    async def preset(self, info: strawberry.Info) -> StylePresetType | None:
        if self._model.preset_id is None:
            return None
        viewer = await info.context.user()
        found = await info.context.loaders.viewable_presets.load((viewer.id, self._model.preset_id))
        return StylePresetType.from_model(found) if found else None

    @classmethod
    def from_model(cls, use: BatchPresetUse) -> BatchPresetUseType:
        return cls(
            preset_id=strawberry.ID(str(use.preset_id)) if use.preset_id else None,
            name=use.preset_name,
            version=use.version,
            weight=use.weight,
            intensity=use.intensity,
            position=use.position,
            _model=use,
        )
