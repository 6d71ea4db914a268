"""Inputs of the gallery operations."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import strawberry

from graph.core.enums import GenerationMode
from graph.gallery.enums import GalleryVisibility
from services import gallery


@strawberry.input(description="An image of yours to keep in your gallery.")
class GalleryAddInput:
    image_edit_id: strawberry.ID = strawberry.field(description="A delivered image of yours.")
    title: str | None = strawberry.field(default=None, description="Up to 200 characters.")
    tags: list[str] | None = strawberry.field(
        default=None, description="Up to 20 tags of 1-40 characters (stored lower-case)."
    )


@strawberry.input(description="Changes to a gallery item; omitted fields stay as they are.")
class GalleryUpdateInput:
    title: str | None = strawberry.field(default=None, description="Up to 200 characters.")
    tags: list[str] | None = strawberry.field(default=None, description="Replaces the tags (up to 20).")
    favorite: bool | None = strawberry.field(default=None, description="Mark or unmark as a favourite.")
    visibility: GalleryVisibility | None = strawberry.field(
        default=None, description="PUBLIC shows it in the public gallery (title, tags, image, prompt, your name)."
    )

    def to_changes(self) -> gallery.GalleryChanges:
        return gallery.GalleryChanges(
            title=self.title,
            tags=self.tags,
            favorite=self.favorite,
            public=self.visibility is GalleryVisibility.PUBLIC if self.visibility is not None else None,
        )


@strawberry.input(description="Narrows the public gallery.")
class PublicGalleryFilter:
    mode: GenerationMode | None = strawberry.field(default=None, description="Only this mode.")
    tags: list[str] | None = strawberry.field(default=None, description="Only items carrying every one of these.")
    search: str | None = strawberry.field(
        default=None, description="Words that must all occur in the title, prompt or tags (full-text search)."
    )
    created_after: datetime | None = strawberry.field(default=None, description="Added after this time.")
    created_before: datetime | None = strawberry.field(default=None, description="Added before this time.")

    def to_filter(self) -> gallery.GalleryFilter:
        return gallery.GalleryFilter(
            mode=self.mode,
            tags=list(self.tags or []),
            search=self.search,
            created_after=self.created_after,
            created_before=self.created_before,
        )


@strawberry.input(description="Narrows your gallery; all given conditions must hold.")
class GalleryFilter(PublicGalleryFilter):
    project_id: strawberry.ID | None = strawberry.field(default=None, description="Only this project.")
    preset_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only images whose batch applied this preset first."
    )
    favorite: bool | None = strawberry.field(default=None, description="Only favourites (true) or the others.")
    collection_id: strawberry.ID | None = strawberry.field(default=None, description="Only items in this collection.")

    def to_filter(self) -> gallery.GalleryFilter:
        return dataclasses.replace(
            super().to_filter(),
            project_id=self.project_id,
            preset_id=self.preset_id,
            favorite=self.favorite,
            collection_id=self.collection_id,
        )


@strawberry.input(description="A new collection of your gallery items.")
class GalleryCollectionInput:
    name: str = strawberry.field(description="1-120 characters, unique among your collections.")
    description: str | None = strawberry.field(default=None, description="Up to 2,000 characters.")


@strawberry.input(description="Changes to a collection; omitted fields stay as they are.")
class GalleryCollectionUpdateInput:
    name: str | None = strawberry.field(default=None, description="1-120 characters, unique among yours.")
    description: str | None = strawberry.field(default=None, description="Up to 2,000 characters.")
