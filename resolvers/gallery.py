"""Gallery queries and mutations: your gallery, the public gallery, adding, changing and removing items."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.core.arguments import After, First
from graph.core.connections import Connection
from graph.core.context import Context
from graph.core.errors import UserErrorsExtension
from graph.gallery.enums import GalleryOrder
from graph.gallery.inputs import GalleryAddInput, GalleryFilter, GalleryUpdateInput, PublicGalleryFilter
from graph.gallery.payloads import GalleryItemPayload, GalleryRemovePayload
from graph.gallery.types import GalleryItemType, PublicGalleryItem
from services import gallery as gallery_service
from services.core.pagination import DEFAULT_PAGE_SIZE

Info = strawberry.Info[Context, None]
ItemId = Annotated[strawberry.ID, strawberry.argument(description="The gallery item's id.")]


async def gallery(
    info: Info,
    filter: Annotated[GalleryFilter | None, strawberry.argument(description="Narrow the list.")] = None,
    order_by: Annotated[GalleryOrder, strawberry.argument(description="The order.")] = GalleryOrder.NEWEST,
    first: First = DEFAULT_PAGE_SIZE,
    after: After = None,
) -> Connection[GalleryItemType]:
    user = await info.context.user()
    wanted = filter.to_filter() if filter else gallery_service.GalleryFilter()
    page = await gallery_service.page(user.id, wanted, order=order_by, first=first, after=after)
    return Connection.from_page(page, GalleryItemType.from_model)


async def gallery_item(info: Info, id: ItemId) -> GalleryItemType | None:
    user = await info.context.user()
    found = await gallery_service.get(user.id, id)
    return GalleryItemType.from_model(found) if found else None


async def public_gallery(
    info: Info,
    filter: Annotated[PublicGalleryFilter | None, strawberry.argument(description="Narrow the list.")] = None,
    first: First = DEFAULT_PAGE_SIZE,
    after: After = None,
) -> Connection[PublicGalleryItem]:
    await info.context.user()
    wanted = filter.to_filter() if filter else gallery_service.GalleryFilter()
    page = await gallery_service.public_page(wanted, first=first, after=after)
    return Connection.from_page(page, PublicGalleryItem.from_model)


async def gallery_add(
    info: Info, input: Annotated[GalleryAddInput, strawberry.argument(description="The image to keep.")]
) -> GalleryItemPayload:
    user = await info.context.user()
    added = await gallery_service.add(
        user.id, gallery_service.GalleryAddition(image_edit_id=input.image_edit_id, title=input.title, tags=input.tags)
    )
    found = await gallery_service.get(user.id, str(added.id))
    return GalleryItemPayload(gallery_item=GalleryItemType.from_model(found) if found else None)


async def gallery_update(
    info: Info,
    id: ItemId,
    input: Annotated[GalleryUpdateInput, strawberry.argument(description="What to change.")],
) -> GalleryItemPayload:
    user = await info.context.user()
    updated = await gallery_service.update(user.id, id, input.to_changes())
    return GalleryItemPayload(gallery_item=GalleryItemType.from_model(updated))


async def gallery_remove(info: Info, id: ItemId) -> GalleryRemovePayload:
    user = await info.context.user()
    removed = await gallery_service.remove(user.id, id)
    return GalleryRemovePayload(removed_id=strawberry.ID(str(removed)))


@strawberry.type
class GalleryQueries:
    gallery: Connection[GalleryItemType] = strawberry.field(
        resolver=gallery, description="Your gallery, filtered and searched. `first` is at most 100."
    )
    gallery_item: GalleryItemType | None = strawberry.field(
        resolver=gallery_item, description="One of your gallery items by id; null when not found."
    )
    public_gallery: Connection[PublicGalleryItem] = strawberry.field(
        resolver=public_gallery,
        description="Every user's public items, newest first (authors by display name only). `first` is at most 100.",
    )


@strawberry.type
class GalleryMutations:
    gallery_add: GalleryItemPayload = strawberry.mutation(
        resolver=gallery_add,
        extensions=[UserErrorsExtension()],
        description="Keep one of your delivered images in your gallery (private until you make it public).",
    )
    gallery_update: GalleryItemPayload = strawberry.mutation(
        resolver=gallery_update,
        extensions=[UserErrorsExtension()],
        description="Change the title, tags, favourite flag or visibility of one of your gallery items.",
    )
    gallery_remove: GalleryRemovePayload = strawberry.mutation(
        resolver=gallery_remove,
        extensions=[UserErrorsExtension()],
        description="Take an item out of your gallery (the image itself stays).",
    )
