"""Gallery items as their owner sees them, and public items as everyone sees them (public fields only)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from graph.core.arguments import After, First
from graph.core.connections import Connection
from graph.core.convert import from_row, source
from graph.core.enums import GenerationMode
from graph.core.media import image_link
from graph.core.rooms import room_type
from graph.gallery import loaders
from graph.gallery.enums import GalleryVisibility
from models import GalleryCollection, GalleryItem
from services import gallery
from services.core.pagination import DEFAULT_PAGE_SIZE
from services.generation import reads, remix

if TYPE_CHECKING:
    from graph.generation.types import ImageEditType, PresetUseParameters, PublicRemixParameters
    from graph.projects.types import ProjectType
    from graph.users.types import PublicUser

Image = Annotated["ImageEditType", strawberry.lazy("graph.generation.types")]
PresetUse = Annotated["PresetUseParameters", strawberry.lazy("graph.generation.types")]
PublicRemix = Annotated["PublicRemixParameters", strawberry.lazy("graph.generation.types")]
Project = Annotated["ProjectType", strawberry.lazy("graph.projects.types")]
Author = Annotated["PublicUser", strawberry.lazy("graph.users.types")]


@strawberry.type(name="GalleryItem", description="An image you kept, with your title, tags and flags.")
class GalleryItemType:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    title: str = strawberry.field(description="Your title (may be empty).")
    tags: list[str] = strawberry.field(description="Your tags, lower-case.")
    favorite: bool = strawberry.field(description="Marked as a favourite.", metadata=source("is_favorite"))
    visibility: GalleryVisibility = strawberry.field(description="PRIVATE or PUBLIC.")
    image: Image = strawberry.field(description="The image, with `remix` for its parameters.")
    project: Project | None = strawberry.field(description="The project the image belongs to.")
    preset_id: strawberry.ID | None = strawberry.field(
        description="The first preset its batch applied.", metadata=source("style_preset_id")
    )
    like_count: int = strawberry.field(description="Likes from users (while it is public).")
    hidden: bool = strawberry.field(
        description="An administrator hid it from the public gallery after reports (it stays yours)."
    )
    created_at: datetime = strawberry.field(description="When it was added.")
    updated_at: datetime = strawberry.field(description="Last change.")
    _model: strawberry.Private[GalleryItem]

    @strawberry.field(description="The presets its batch applied, in order.")  # type: ignore[untyped-decorator]
    async def presets(self, info: strawberry.Info) -> list[PresetUse]:
        parameters: type[PresetUseParameters] = room_type("graph.generation.types", "PresetUseParameters")
        batch_id = self._model.image_edit.batch_job_id
        batch = await loaders.batch_by_id.on(info).load(batch_id) if batch_id else None
        return [parameters.from_use(use) for use in reads.presets_used(batch)] if batch else []

    @strawberry.field(description="The collections it is in, by name.")  # type: ignore[untyped-decorator]
    async def collections(self, info: strawberry.Info) -> list[GalleryCollectionType]:
        found = await loaders.collections_of_item.on(info).load(self._model.id)
        return [GalleryCollectionType.from_model(c) for c in found]

    @classmethod
    def from_model(cls, item: GalleryItem) -> GalleryItemType:
        """``item`` with ``image_edit`` and ``project`` loaded (``services.gallery`` pages do)."""
        image: type[ImageEditType] = room_type("graph.generation.types", "ImageEditType")
        visibility = GalleryVisibility.PUBLIC if item.is_public else GalleryVisibility.PRIVATE
        return from_row(
            cls, item, visibility=visibility, image=image.from_model(item.image_edit), hidden=item.hidden_at is not None
        )


@strawberry.type(
    description=(
        "A public gallery item as everyone sees it: the picture, its title, tags, mode and prompt, and the author's "
        "display name. Nothing else of the author (no email, no projects, no references, no credits)."
    )
)
class PublicGalleryItem:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    title: str = strawberry.field(description="The author's title (may be empty).")
    tags: list[str] = strawberry.field(description="The author's tags.")
    mode: GenerationMode = strawberry.field(description="How it was generated.")
    prompt: str = strawberry.field(description="The prompt as the author wrote it.")
    url: str | None = strawberry.field(description="A stable link to the image (it does not expire).")
    width: int | None = strawberry.field(description="Width in pixels.")
    height: int | None = strawberry.field(description="Height in pixels.")
    author: Author = strawberry.field(description="Who made it (display name only).", metadata=source("owner"))
    created_at: datetime = strawberry.field(description="When it was added to the gallery.")
    like_count: int = strawberry.field(description="Likes, one per user.")
    liked_by_me: bool = strawberry.field(description="You like it (false when read without a token).")
    _model: strawberry.Private[GalleryItem]

    @strawberry.field(  # type: ignore[untyped-decorator]
        description="Its parameters as you may reuse them: pass them to `generate` with `remixOfGalleryItemId`."
    )
    async def remix(self, info: strawberry.Info) -> PublicRemix:
        shaped: type[PublicRemixParameters] = room_type("graph.generation.types", "PublicRemixParameters")
        found = await remix.public_remix_of(self._model, await info.context.optional_user())
        return shaped.from_public(found.parameters, found.references_left_out, found.presets_left_out)

    @classmethod
    def from_model(cls, item: GalleryItem, *, liked: bool = False) -> PublicGalleryItem:
        """``item`` with ``image_edit`` and ``owner`` loaded (``services.gallery.public_page`` does)."""
        image = item.image_edit
        return from_row(
            cls,
            item,
            url=image_link(image.image_key, public=True) if image.image_url else None,
            width=image.width,
            height=image.height,
            liked_by_me=liked,
        )


@strawberry.type(description="A user's report of a public gallery item (administrators see them).")
class GalleryReportType:
    reason: str = strawberry.field(description="What the reporter wrote (may be empty).")
    created_at: datetime = strawberry.field(description="When it was reported.")


@strawberry.type(description="A reported public gallery item, as administrators review it.")
class ReportedGalleryItem:
    item: PublicGalleryItem = strawberry.field(description="The item as the public gallery shows it.")
    report_count: int = strawberry.field(description="Users who reported it.")
    hidden: bool = strawberry.field(description="Hidden from the public gallery.")
    reports: list[GalleryReportType] = strawberry.field(description="The reports, oldest first.")


@strawberry.type(
    name="GalleryCollection",
    description="A named collection of your gallery items (like a board); an item can be in several.",
)
class GalleryCollectionType:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description="Its name (unique among yours).")
    description: str = strawberry.field(description="Its description (may be empty).")
    created_at: datetime = strawberry.field(description="When it was made.")
    updated_at: datetime = strawberry.field(description="Last change.")
    _model: strawberry.Private[GalleryCollection]

    @strawberry.field(description="How many items it holds.")  # type: ignore[untyped-decorator]
    async def item_count(self, info: strawberry.Info) -> int:
        count: int = await loaders.collection_item_count.on(info).load(self._model.id)
        return count

    @strawberry.field(description="Its items, newest first. `first` is at most 100.")  # type: ignore[untyped-decorator]
    async def items(
        self, info: strawberry.Info, first: First = DEFAULT_PAGE_SIZE, after: After = None
    ) -> Connection[GalleryItemType]:
        wanted = gallery.GalleryFilter(collection_id=str(self._model.id))
        page = await gallery.page(self._model.owner_id, wanted, first=first, after=after)
        return Connection.from_page(page, GalleryItemType.from_model)

    @classmethod
    def from_model(cls, collection: GalleryCollection) -> GalleryCollectionType:
        return from_row(cls, collection)
