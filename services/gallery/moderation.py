"""Reports of public gallery items, and administrators hiding (or showing again) what was reported.

A report is one per user and item (``Conflict`` the second time) with an optional reason; a hidden item leaves the
public gallery (``access.public``) and can no longer be liked or remixed by others, but stays its owner's.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from models import GalleryItem, GalleryReport
from services import access
from services.core.errors import Conflict, InvalidInput, NotFound
from services.core.ids import parse_id
from services.core.pagination import Page, paginate_ranked
from services.core.text import check_optional_text

REASON_MAX = 500


async def report(user_id: uuid.UUID, item_id: str, reason: str | None) -> GalleryItem:
    """Report another user's public item for administrators to review."""
    text = (check_optional_text(reason, ["reason"], max_length=REASON_MAX, multiline=True) or "").strip()
    ident = parse_id(item_id)
    item = await access.public(GalleryItem).get_or_none(id=ident) if ident is not None else None
    if item is None:
        raise NotFound("gallery item not found", ["id"])
    if item.owner_id == user_id:
        raise InvalidInput("you cannot report your own item", ["id"])
    try:
        async with in_transaction():
            await GalleryReport.create(id=uuid.uuid4(), item_id=item.id, reporter_id=user_id, reason=text)
            await GalleryItem.filter(id=item.id).update(report_count=F("report_count") + 1)
    except IntegrityError:
        raise Conflict("you already reported this item", ["id"]) from None
    return await GalleryItem.get(id=item.id).select_related("image_edit", "owner")


async def reported_page(*, hidden: bool | None, first: int, after: str | None) -> Page[GalleryItem]:
    """For administrators: public items with reports, most reported first (``hidden`` narrows to either state)."""
    query = GalleryItem.filter(is_public=True, report_count__gt=0)
    if hidden is not None:
        query = query.filter(hidden_at__isnull=not hidden)
    return await paginate_ranked(
        query.select_related("image_edit", "owner"), rank_field="report_count", first=first, after=after
    )


async def reports_of(item_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[GalleryReport]]:
    """The reports of each item, oldest first (one query)."""
    grouped: dict[uuid.UUID, list[GalleryReport]] = {ident: [] for ident in item_ids}
    for row in await GalleryReport.filter(item_id__in=item_ids).order_by("created_at"):
        grouped[row.item_id].append(row)
    return grouped


async def set_hidden(item_id: str, hidden: bool) -> GalleryItem:
    """Hide an item from the public gallery, or show it again (administrators only: the resolver checks)."""
    ident = parse_id(item_id)
    item = await GalleryItem.get_or_none(id=ident, is_public=True) if ident is not None else None
    if item is None:
        raise NotFound("gallery item not found", ["id"])
    await GalleryItem.filter(id=item.id).update(hidden_at=datetime.now(UTC) if hidden else None)
    return await GalleryItem.get(id=item.id).select_related("image_edit", "owner")
