"""Gallery mutation payloads: the changed object and ``userErrors`` (empty on success)."""

from __future__ import annotations

import strawberry

from graph.core.errors import UserError
from graph.gallery.types import GalleryCollectionType, GalleryItemType, PublicGalleryItem

USER_ERRORS = "Expected failures (validation, not found, conflicts); empty on success."


@strawberry.type(description="Result of adding or changing a gallery item.")
class GalleryItemPayload:
    gallery_item: GalleryItemType | None = strawberry.field(default=None, description="The item, when it succeeded.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of removing a gallery item (the image itself stays).")
class GalleryRemovePayload:
    removed_id: strawberry.ID | None = strawberry.field(default=None, description="Id of the removed item.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of liking, unliking or reporting a public gallery item.")
class PublicGalleryItemPayload:
    item: PublicGalleryItem | None = strawberry.field(default=None, description="The item, when it succeeded.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of creating or changing a collection, or of adding or removing its items.")
class GalleryCollectionPayload:
    collection: GalleryCollectionType | None = strawberry.field(default=None, description="The collection.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of deleting a collection (its items stay in your gallery).")
class GalleryCollectionDeletePayload:
    removed_id: strawberry.ID | None = strawberry.field(default=None, description="Id of the deleted collection.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)
