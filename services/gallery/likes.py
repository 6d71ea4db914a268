"""Likes of public gallery items: at most one per user and item, and a count kept on the item.

The like row and the count change in one transaction (the count is a conditional ``F`` update, like credits), so the
count always equals the rows; liking twice or unliking what was not liked changes nothing.
"""

from __future__ import annotations

import uuid

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from models import GalleryItem, GalleryLike
from services import access
from services.core.errors import NotFound
from services.core.ids import parse_id


async def _likeable(item_id: str) -> GalleryItem:
    """A public item (not hidden); ``NotFound`` otherwise (a private item reads as missing, as everywhere)."""
    ident = parse_id(item_id)
    found = await access.public(GalleryItem).get_or_none(id=ident) if ident is not None else None
    if found is None:
        raise NotFound("gallery item not found", ["id"])
    return found


async def like(user_id: uuid.UUID, item_id: str) -> GalleryItem:
    """The user likes the item (again: nothing changes)."""
    item = await _likeable(item_id)
    try:
        async with in_transaction():
            await GalleryLike.create(id=uuid.uuid4(), item_id=item.id, user_id=user_id)
            await GalleryItem.filter(id=item.id).update(like_count=F("like_count") + 1)
    except IntegrityError:
        pass  # already liked: one like per user
    return await GalleryItem.get(id=item.id).select_related("image_edit", "owner")


async def unlike(user_id: uuid.UUID, item_id: str) -> GalleryItem:
    """The user takes their like back (none: nothing changes)."""
    item = await _likeable(item_id)
    async with in_transaction():
        removed = await GalleryLike.filter(item_id=item.id, user_id=user_id).delete()
        if removed:
            await GalleryItem.filter(id=item.id, like_count__gt=0).update(like_count=F("like_count") - 1)
    return await GalleryItem.get(id=item.id).select_related("image_edit", "owner")


async def liked_among(user_id: uuid.UUID | None, item_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Which of ``item_ids`` the user liked (one query; nothing for an anonymous reader)."""
    if user_id is None or not item_ids:
        return set()
    rows = await GalleryLike.filter(user_id=user_id, item_id__in=item_ids).values_list("item_id", flat=True)
    return {uuid.UUID(str(row)) for row in rows}
