"""Gallery queries and mutations: your gallery, the public gallery, adding, changing and removing items."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from graph.core.arguments import After, First
from graph.core.connections import Connection
from graph.core.context import Context
from graph.core.errors import UserErrorsExtension
from graph.gallery.enums import GalleryOrder, PublicGalleryOrder
from graph.gallery.inputs import (
    GalleryAddInput,
    GalleryCollectionInput,
    GalleryCollectionUpdateInput,
    GalleryFilter,
    GalleryUpdateInput,
    PublicGalleryFilter,
)
from graph.gallery.payloads import (
    GalleryCollectionDeletePayload,
    GalleryCollectionPayload,
    GalleryItemPayload,
    GalleryRemovePayload,
    PublicGalleryItemPayload,
)
from graph.gallery.types import (
    GalleryCollectionType,
    GalleryItemType,
    GalleryReportType,
    PublicGalleryItem,
    ReportedGalleryItem,
)
from services import gallery as gallery_service
from services.core.pagination import DEFAULT_PAGE_SIZE
from services.gallery import collections, likes, moderation

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
    order_by: Annotated[
        PublicGalleryOrder, strawberry.argument(description="The order (default NEWEST).")
    ] = PublicGalleryOrder.NEWEST,
    first: First = DEFAULT_PAGE_SIZE,
    after: After = None,
) -> Connection[PublicGalleryItem]:
    viewer = await info.context.optional_user()
    wanted = filter.to_filter() if filter else gallery_service.GalleryFilter()
    page = await gallery_service.public_page(wanted, order=order_by, first=first, after=after)
    liked = await likes.liked_among(viewer.id if viewer else None, [item.id for item in page.items])
    return Connection.from_page(page, lambda item: PublicGalleryItem.from_model(item, liked=item.id in liked))


async def gallery_reports(
    info: Info,
    hidden: Annotated[
        bool | None, strawberry.argument(description="Only hidden (true) or only still shown (false) items.")
    ] = None,
    first: First = DEFAULT_PAGE_SIZE,
    after: After = None,
) -> Connection[ReportedGalleryItem]:
    await info.context.admin()
    page = await moderation.reported_page(hidden=hidden, first=first, after=after)
    reports = await moderation.reports_of([item.id for item in page.items])

    def convert(item: Any) -> ReportedGalleryItem:
        return ReportedGalleryItem(
            item=PublicGalleryItem.from_model(item),
            report_count=item.report_count,
            hidden=item.hidden_at is not None,
            reports=[GalleryReportType(reason=r.reason, created_at=r.created_at) for r in reports[item.id]],
        )

    return Connection.from_page(page, convert)


async def gallery_like(info: Info, id: ItemId) -> PublicGalleryItemPayload:
    user = await info.context.user()
    item = await likes.like(user.id, id)
    return PublicGalleryItemPayload(item=PublicGalleryItem.from_model(item, liked=True))


async def gallery_unlike(info: Info, id: ItemId) -> PublicGalleryItemPayload:
    user = await info.context.user()
    item = await likes.unlike(user.id, id)
    return PublicGalleryItemPayload(item=PublicGalleryItem.from_model(item, liked=False))


async def gallery_report(
    info: Info,
    id: ItemId,
    reason: Annotated[
        str | None, strawberry.argument(description="What is wrong with it, up to 500 characters.")
    ] = None,
) -> PublicGalleryItemPayload:
    user = await info.context.user()
    item = await moderation.report(user.id, id, reason)
    liked = await likes.liked_among(user.id, [item.id])
    return PublicGalleryItemPayload(item=PublicGalleryItem.from_model(item, liked=item.id in liked))


async def gallery_item_hide(
    info: Info,
    id: ItemId,
    hidden: Annotated[bool, strawberry.argument(description="True hides it; false shows it again.")] = True,
) -> PublicGalleryItemPayload:
    await info.context.admin()
    item = await moderation.set_hidden(id, hidden)
    return PublicGalleryItemPayload(item=PublicGalleryItem.from_model(item))


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


CollectionId = Annotated[strawberry.ID, strawberry.argument(description="The collection's id.")]
ItemIds = Annotated[list[strawberry.ID], strawberry.argument(description="Your gallery items (1-100).")]


async def gallery_collections(
    info: Info, first: First = DEFAULT_PAGE_SIZE, after: After = None
) -> Connection[GalleryCollectionType]:
    user = await info.context.user()
    page = await collections.page(user.id, first=first, after=after)
    return Connection.from_page(page, GalleryCollectionType.from_model)


async def gallery_collection(info: Info, id: CollectionId) -> GalleryCollectionType | None:
    user = await info.context.user()
    found = await collections.get(user.id, id)
    return GalleryCollectionType.from_model(found) if found else None


async def gallery_collection_create(
    info: Info, input: Annotated[GalleryCollectionInput, strawberry.argument(description="The new collection.")]
) -> GalleryCollectionPayload:
    user = await info.context.user()
    made = await collections.create(user.id, input.name, input.description)
    return GalleryCollectionPayload(collection=GalleryCollectionType.from_model(made))


async def gallery_collection_update(
    info: Info,
    id: CollectionId,
    input: Annotated[GalleryCollectionUpdateInput, strawberry.argument(description="What to change.")],
) -> GalleryCollectionPayload:
    user = await info.context.user()
    changes = collections.CollectionChanges(name=input.name, description=input.description)
    return GalleryCollectionPayload(
        collection=GalleryCollectionType.from_model(await collections.update(user.id, id, changes))
    )


async def gallery_collection_delete(info: Info, id: CollectionId) -> GalleryCollectionDeletePayload:
    user = await info.context.user()
    removed = await collections.delete(user.id, id)
    return GalleryCollectionDeletePayload(removed_id=strawberry.ID(str(removed)))


async def gallery_collection_add_items(info: Info, id: CollectionId, item_ids: ItemIds) -> GalleryCollectionPayload:
    user = await info.context.user()
    found = await collections.add_items(user.id, id, list(item_ids))
    return GalleryCollectionPayload(collection=GalleryCollectionType.from_model(found))


async def gallery_collection_remove_items(info: Info, id: CollectionId, item_ids: ItemIds) -> GalleryCollectionPayload:
    user = await info.context.user()
    found = await collections.remove_items(user.id, id, list(item_ids))
    return GalleryCollectionPayload(collection=GalleryCollectionType.from_model(found))


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
        description=(
            "Every user's public items, newest first or trending (authors by display name only); readable without "
            "a token (also as `GET /public/gallery`, cacheable). `first` is at most 100."
        ),
    )
    gallery_collections: Connection[GalleryCollectionType] = strawberry.field(
        resolver=gallery_collections, description="Your collections, newest first. `first` is at most 100."
    )
    gallery_collection: GalleryCollectionType | None = strawberry.field(
        resolver=gallery_collection, description="One of your collections by id; null when not found."
    )
    gallery_reports: Connection[ReportedGalleryItem] = strawberry.field(
        resolver=gallery_reports,
        description="Administrators: reported public items, most reported first, with their reports.",
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
    gallery_like: PublicGalleryItemPayload = strawberry.mutation(
        resolver=gallery_like,
        extensions=[UserErrorsExtension()],
        description="Like a public gallery item (one like per user; liking again changes nothing).",
    )
    gallery_unlike: PublicGalleryItemPayload = strawberry.mutation(
        resolver=gallery_unlike,
        extensions=[UserErrorsExtension()],
        description="Take your like of a public gallery item back.",
    )
    gallery_report: PublicGalleryItemPayload = strawberry.mutation(
        resolver=gallery_report,
        extensions=[UserErrorsExtension()],
        description="Report another user's public item to the administrators (once per item; CONFLICT after).",
    )
    gallery_item_hide: PublicGalleryItemPayload = strawberry.mutation(
        resolver=gallery_item_hide,
        extensions=[UserErrorsExtension()],
        description="Administrators: hide a public item from the public gallery (or show it again).",
    )
    gallery_collection_create: GalleryCollectionPayload = strawberry.mutation(
        resolver=gallery_collection_create,
        extensions=[UserErrorsExtension()],
        description="Make a named collection for your gallery items (CONFLICT when you have one by that name).",
    )
    gallery_collection_update: GalleryCollectionPayload = strawberry.mutation(
        resolver=gallery_collection_update,
        extensions=[UserErrorsExtension()],
        description="Rename a collection of yours or change its description.",
    )
    gallery_collection_delete: GalleryCollectionDeletePayload = strawberry.mutation(
        resolver=gallery_collection_delete,
        extensions=[UserErrorsExtension()],
        description="Delete a collection of yours (its items stay in your gallery).",
    )
    gallery_collection_add_items: GalleryCollectionPayload = strawberry.mutation(
        resolver=gallery_collection_add_items,
        extensions=[UserErrorsExtension()],
        description="Put gallery items of yours in a collection (an item can be in several; adding again changes "
        "nothing).",
    )
    gallery_collection_remove_items: GalleryCollectionPayload = strawberry.mutation(
        resolver=gallery_collection_remove_items,
        extensions=[UserErrorsExtension()],
        description="Take items out of a collection of yours (they stay in your gallery).",
    )
