"""Projects as clients see them."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.scalars import JSON

from graph.core.arguments import After, First
from graph.core.connections import Connection
from graph.core.convert import from_row
from graph.core.enums import GenerationMode
from graph.core.rooms import room_type
from graph.projects import loaders
from graph.projects.enums import ProcessingStatus
from models import Project
from services.core.pagination import DEFAULT_PAGE_SIZE

if TYPE_CHECKING:
    from graph.generation.types import BatchJobType, ImageEditType
    from graph.presets.types import StylePresetType

BatchJob = Annotated["BatchJobType", strawberry.lazy("graph.generation.types")]
Image = Annotated["ImageEditType", strawberry.lazy("graph.generation.types")]
StylePreset = Annotated["StylePresetType", strawberry.lazy("graph.presets.types")]


@strawberry.type(name="Project", description="A folder of generations owned by one user.")
class ProjectType:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description="Name, 1-120 characters.")
    description: str = strawberry.field(description="Free text, up to 2,000 characters.")
    generation_type: GenerationMode | None = strawberry.field(description="The mode this project mostly uses.")
    batch_size: int = strawberry.field(description="Default number of images per generation.")
    processing_status: ProcessingStatus = strawberry.field(description="Follows the project's batch jobs.")
    metadata: JSON = strawberry.field(description="Client-defined JSON object (up to 16 KiB).")
    created_at: datetime = strawberry.field(description="Creation time.")
    updated_at: datetime = strawberry.field(description="Last change.")

    _model: strawberry.Private[Project]

    @strawberry.field(description="The style presets used in this project that you may still read.")  # type: ignore[untyped-decorator]
    async def style_presets(self, info: strawberry.Info) -> list[StylePreset]:
        preset: type[StylePresetType] = room_type("graph.presets.types", "StylePresetType")
        ids = [uuid.UUID(str(p)) for p in self._model.style_presets]
        found = await loaders.viewable_presets.on(info).load_many([(self._model.owner_id, i) for i in ids])
        return [preset.from_model(row) for row in found if row is not None]

    @strawberry.field(description="The project's batch jobs, newest first. `first` is at most 100.")  # type: ignore[untyped-decorator]
    async def batch_jobs(
        self,
        info: strawberry.Info,
        first: First = DEFAULT_PAGE_SIZE,
        after: After = None,
    ) -> Connection[BatchJob]:
        # Loaded with every other project's batches of this page (one statement), and counted the same way.
        key = (self._model.owner_id, self._model.id)
        page = await loaders.batches.on(info).load((*key, first, after))
        counter = loaders.batch_counts.on(info)
        counted = dataclasses.replace(page, counter=lambda: counter.load(key))
        batch: type[BatchJobType] = room_type("graph.generation.types", "BatchJobType")
        return Connection.from_page(counted, batch.from_model)

    @strawberry.field(description="The project's images, newest first. `first` is at most 100.")  # type: ignore[untyped-decorator]
    async def image_edits(
        self,
        info: strawberry.Info,
        first: First = DEFAULT_PAGE_SIZE,
        after: After = None,
    ) -> Connection[Image]:
        key = (self._model.owner_id, self._model.id)
        page = await loaders.images.on(info).load((*key, first, after))
        counter = loaders.image_counts.on(info)
        counted = dataclasses.replace(page, counter=lambda: counter.load(key))
        image: type[ImageEditType] = room_type("graph.generation.types", "ImageEditType")
        return Connection.from_page(counted, image.from_model)

    @classmethod
    def from_model(cls, project: Project) -> ProjectType:
        return from_row(cls, project)
