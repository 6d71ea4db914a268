"""``TRENDING``: public items ordered by likes that decay with age (written here: a dozen lines, no library needed).

    score = likes / (age in hours + 2) ** 1.5

the "gravity" ranking of link aggregators: a like counts for less the older the item, so a new item with a few
likes passes an old one with many, and items without likes follow, newest first. The score depends on the time of
reading, so it is computed in Python over the items of the last ``WINDOW`` (at most ``CANDIDATES`` of them, the most
liked), not in SQL; a page's cursor carries the reading time and the offset, so later pages rank with the same clock.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from datetime import UTC, datetime, timedelta

from tortoise.queryset import QuerySet

from models import GalleryItem
from services.core.errors import InvalidInput
from services.core.pagination import Page, check_page_size

WINDOW = timedelta(days=30)
CANDIDATES = 2000
GRAVITY = 1.5
OFFSET_HOURS = 2.0


def score(likes: int, created_at: datetime, now: datetime) -> float:
    """An item's trending score at ``now``."""
    age_hours = max((now - created_at).total_seconds(), 0.0) / 3600
    return float(likes / (age_hours + OFFSET_HOURS) ** GRAVITY)


def _encode(now: datetime, offset: int) -> str:
    return base64.urlsafe_b64encode(f"t|{now.isoformat()}|{offset}".encode()).decode().rstrip("=")


def _decode(cursor: str) -> tuple[datetime, int]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        tag, when, offset = base64.urlsafe_b64decode(padded.encode()).decode().split("|")
        now, position = datetime.fromisoformat(when), int(offset)
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise InvalidInput("invalid cursor", ["after"]) from error
    if tag != "t" or now.tzinfo is None or not 0 <= position <= CANDIDATES:
        raise InvalidInput("invalid cursor", ["after"])
    return now, position


async def page(query: QuerySet[GalleryItem], *, first: int, after: str | None) -> Page[GalleryItem]:
    """One page of ``query`` (public items, filtered) in trending order."""
    check_page_size(first)
    now, offset = _decode(after) if after is not None else (datetime.now(UTC), 0)
    recent = query.filter(created_at__gte=now - WINDOW, created_at__lte=now)
    rows = (
        await recent.order_by("-like_count", "-created_at")
        .limit(CANDIDATES)
        .values_list("id", "like_count", "created_at")
    )
    ranked = sorted(rows, key=lambda row: (score(row[1], row[2], now), row[2], str(row[0])), reverse=True)
    wanted = [uuid.UUID(str(row[0])) for row in ranked[offset : offset + first]]
    found = {item.id: item for item in await query.filter(id__in=wanted).select_related("image_edit", "owner")}
    items = [found[ident] for ident in wanted if ident in found]
    positions = {item.id: offset + index + 1 for index, item in enumerate(items)}
    return Page(
        items=items,
        has_next_page=len(ranked) > offset + first,
        has_previous_page=offset > 0,
        total_query=recent,
        cursor=lambda item: _encode(now, positions[item.id]),
    )
