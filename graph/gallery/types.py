"""Gallery items as their owner sees them, and public items as everyone sees them (public fields only)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from graph.core.media import image_link
from graph.gallery.enums import GalleryVisibility
from graph.generation.enums import GenerationMode
from graph.generation.types import ImageEditType, PresetUseParameters
from graph.projects.types import ProjectType
from graph.users.types import PublicUser
from models import GalleryItem
from services.generation import reads


@strawberry.type(name="GalleryItem", description="An image you kept, with your title, tags and flags.")
class GalleryItemType:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    title: str = strawberry.field(description="Your title (may be empty).")
    tags: list[str] = strawberry.field(description="Your tags, lower-case.")
    favorite: bool = strawberry.field(description="Marked as a favourite.")
    visibility: GalleryVisibility = strawberry.field(description="PRIVATE or PUBLIC.")
    image: ImageEditType = strawberry.field(description="The image, with `remix` for its parameters.")
    project: ProjectType | None = strawberry.field(description="The project the image belongs to.")
    preset_id: strawberry.ID | None = strawberry.field(description="The first preset its batch applied.")
    created_at: datetime = strawberry.field(description="When it was added.")
    updated_at: datetime = strawberry.field(description="Last change.")
    _model: strawberry.Private[GalleryItem]

    @strawberry.field(description="The presets its batch applied, in order.")  # type: ignore[untyped-decorator]
    async def presets(self, info: strawberry.Info) -> list[PresetUseParameters]:
        batch_id = self._model.image_edit.batch_job_id
        batch = await info.context.loaders.batch_by_id.load(batch_id) if batch_id else None
        return [PresetUseParameters.from_use(use) for use in reads.presets_used(batch)] if batch else []

    @classmethod
    def from_model(cls, item: GalleryItem) -> GalleryItemType:
        """``item`` with ``image_edit`` and ``project`` loaded (``services.gallery`` pages do)."""
        return cls(
            id=strawberry.ID(str(item.id)),
            title=item.title,
            tags=list(item.tags),
            favorite=item.is_favorite,
            visibility=GalleryVisibility.PUBLIC if item.is_public else GalleryVisibility.PRIVATE,
            image=ImageEditType.from_model(item.image_edit),
            project=ProjectType.from_model(item.project) if item.project else None,
            preset_id=strawberry.ID(str(item.style_preset_id)) if item.style_preset_id else None,
            created_at=item.created_at,
            updated_at=item.updated_at,
            _model=item,
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
    author: PublicUser = strawberry.field(description="Who made it (display name only).")
    created_at: datetime = strawberry.field(description="When it was added to the gallery.")

    @classmethod
    def from_model(cls, item: GalleryItem) -> PublicGalleryItem:
        """``item`` with ``image_edit`` and ``owner`` loaded (``services.gallery.public_page`` does)."""
        image = item.image_edit
        return cls(
            id=strawberry.ID(str(item.id)),
            title=item.title,
            tags=list(item.tags),
            mode=item.mode,
            prompt=item.prompt,
            url=image_link(image.image_key, public=True) if image.image_url else None,
            width=image.width,
            height=image.height,
            author=PublicUser.from_model(item.owner),
            created_at=item.created_at,
        )
