"""Style presets, their versions, statistics and the record of a batch's presets, as clients see them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from graph.core.convert import from_row, source
from graph.core.enums import GenerationMode, SizeTier
from graph.core.media import image_link
from graph.core.rooms import room_type
from graph.presets import loaders
from graph.presets.enums import PresetVisibility
from models import BatchPresetUse, StylePreset, StylePresetVersion
from services.presets import reads
from services.presets.stats import PresetStats

if TYPE_CHECKING:
    from graph.generation.types import UploadType
    from graph.users.types import PublicUser


@strawberry.type(name="PresetStats", description="How a preset did in real batches (forks count for themselves).")
class PresetStatsType:
    uses: int = strawberry.field(description="Batches that used it.")
    images_delivered: int = strawberry.field(description="Images those batches delivered.")
    images_failed: int = strawberry.field(description="Images those batches failed (cancelled ones not included).")
    success_rate: float | None = strawberry.field(description="Delivered / (delivered + failed); null before any.")
    median_processing_ms: int | None = strawberry.field(description="Median provider time of its successful calls.")

    @classmethod
    def from_stats(cls, stats: PresetStats) -> PresetStatsType:
        return from_row(cls, stats)


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


@strawberry.type(name="StylePresetVersion", description="One immutable version of a preset's settings.")
class StylePresetVersionType(PresetSettings):
    version: int = strawberry.field(description="1 for the first; every update adds one.")
    reference_image_count: int = strawberry.field(description="Style reference images it holds.")
    created_at: datetime = strawberry.field(description="When this version was saved.")

    @classmethod
    def from_model(cls, row: StylePresetVersion) -> StylePresetVersionType:
        return from_row(cls, row, reference_image_count=len(row.reference_ids))


@strawberry.type(description="The preset a fork was made from, as it was when forked.")
class PresetForkOrigin:
    preset_id: strawberry.ID = strawberry.field(description="The origin's id (it may since be private or deleted).")
    name: str = strawberry.field(description="Its name when forked.")
    author_display_name: str = strawberry.field(description="Its author's display name when forked.")
    version: int = strawberry.field(description="The version the fork copied.")


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
        return self._model.share_code if reads.may_see_private_parts(viewer.id, self._model) else None

    @strawberry.field(  # type: ignore[untyped-decorator]
        description=(
            "Its style reference images, sent in the edit modes (up to 10). Only its owner sees them (they are the "
            "owner's uploads); others see `referenceImageCount`, and a fork or an export carries copies."
        )
    )
    async def reference_images(
        self, info: strawberry.Info
    ) -> list[Annotated[UploadType, strawberry.lazy("graph.generation.types")]]:
        viewer = await info.context.user()
        if not reads.may_see_private_parts(viewer.id, self._model):
            return []
        reference: type[UploadType] = room_type("graph.generation.types", "UploadType")
        rows = await loaders.references.on(info).load_many([uuid.UUID(str(r)) for r in self._model.reference_ids])
        return [reference.from_model(row) for row in rows if row is not None]

    @strawberry.field(description="How many style reference images the current version holds.")  # type: ignore[untyped-decorator]
    def reference_image_count(self) -> int:
        return len(self._model.reference_ids)

    @strawberry.field(  # type: ignore[untyped-decorator]
        description=(
            "Its versions, newest first: every one for its owner; for others, those saved since it was last shared."
        )
    )
    async def versions(self, info: strawberry.Info) -> list[StylePresetVersionType]:
        viewer = await info.context.user()
        rows = await loaders.versions.on(info).load(self._model.id)
        return [
            StylePresetVersionType.from_model(row) for row in reads.published_versions(viewer.id, self._model, rows)
        ]

    @strawberry.field(  # type: ignore[untyped-decorator]
        description=(
            "The preset it was forked from as it is now, when you may read it (the fork's owner also while the origin "
            "is UNLISTED); `forkOrigin` keeps what was forked."
        )
    )
    async def forked_from(self, info: strawberry.Info) -> StylePresetType | None:
        if self._model.forked_from_id is None:
            return None
        viewer = await info.context.user()
        found = await loaders.viewable.on(info).load((viewer.id, self._model.forked_from_id))
        if found is None:
            found = await reads.shared_origin(viewer.id, self._model)
        return StylePresetType.from_model(found) if found else None

    @strawberry.field(  # type: ignore[untyped-decorator]
        description=(
            "What the fork was made from, as the forker saw it: shown to the fork's owner even after the origin turned "
            "private or was deleted, to others while they may read the origin. Null for presets that are no fork."
        )
    )
    async def fork_origin(self, info: strawberry.Info) -> PresetForkOrigin | None:
        if self._model.forked_from_id is None:
            return None
        viewer = await info.context.user()
        viewable = await loaders.viewable.on(info).load((viewer.id, self._model.forked_from_id))
        origin = reads.fork_origin(viewer.id, self._model, viewable is not None)
        if origin is None:
            return None
        return PresetForkOrigin(
            preset_id=strawberry.ID(str(origin.preset_id)),
            name=origin.name,
            author_display_name=origin.author,
            version=origin.version,
        )

    @strawberry.field(description="Who made it (the display name only).")  # type: ignore[untyped-decorator]
    async def owner(self, info: strawberry.Info) -> Annotated[PublicUser, strawberry.lazy("graph.users.types")]:
        author: type[PublicUser] = room_type("graph.users.types", "PublicUser")
        user = await loaders.owners.on(info).load(self._model.owner_id)
        return author(display_name=user.display_name if user else "")

    @strawberry.field(description="Its preview image, once `stylePresetPreview` delivered one.")  # type: ignore[untyped-decorator]
    async def preview(self, info: strawberry.Info) -> PresetPreview | None:
        if self._model.preview_batch_job_id is None:
            return None
        edit = await loaders.previews.on(info).load(self._model.preview_batch_job_id)
        if edit is None:
            return None
        public = self._model.visibility is PresetVisibility.PUBLIC
        url = image_link(edit.image_key, public=public) if edit.image_url else None
        return PresetPreview(url=url, width=edit.width, height=edit.height)

    @strawberry.field(description="How it did in real batches.")  # type: ignore[untyped-decorator]
    async def stats(self, info: strawberry.Info) -> PresetStatsType:
        return PresetStatsType.from_stats(await loaders.stats.on(info).load(self._model.id))

    @classmethod
    def from_model(cls, preset: StylePreset) -> StylePresetType:
        return from_row(cls, preset, deleted=preset.deleted_at is not None)


async def readable_preset(info: strawberry.Info, preset_id: uuid.UUID | None) -> StylePresetType | None:
    """The preset ``preset_id`` when the viewer may read it (batched with every other such field), else None."""
    if preset_id is None:
        return None
    viewer = await info.context.user()
    found = await loaders.viewable.on(info).load((viewer.id, preset_id))
    return StylePresetType.from_model(found) if found else None


@strawberry.type(name="BatchPresetUse", description="A preset a batch used: the exact version, weight and intensity.")
class BatchPresetUseType:
    preset_id: strawberry.ID | None = strawberry.field(description="The preset (null if it no longer exists).")
    name: str = strawberry.field(description="Its name when the batch used it.", metadata=source("preset_name"))
    version: int = strawberry.field(description="The version used.")
    weight: float = strawberry.field(description="Its weight in the mix.")
    intensity: float = strawberry.field(description="Its intensity, 0-1.")
    position: int = strawberry.field(description="Order in the composition (0: the lead preset).")
    _model: strawberry.Private[BatchPresetUse]

    @strawberry.field(description="The version's settings, exactly as the batch used them.")  # type: ignore[untyped-decorator]
    async def preset_version(self, info: strawberry.Info) -> StylePresetVersionType | None:
        if self._model.preset_version_id is None:
            return None
        row = await loaders.version.on(info).load(self._model.preset_version_id)
        return StylePresetVersionType.from_model(row) if row else None

    @strawberry.field(description="The preset now, when you may still read it.")  # type: ignore[untyped-decorator]
    async def preset(self, info: strawberry.Info) -> StylePresetType | None:
        return await readable_preset(info, self._model.preset_id)

    @classmethod
    def from_model(cls, use: BatchPresetUse) -> BatchPresetUseType:
        return from_row(cls, use)
