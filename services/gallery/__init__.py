"""The gallery: curating the images a user keeps (title, tags, favourite, public or private), finding them again
(filters, full-text search, keyset pages) and the public gallery of every user's public items.

Only delivered images of the caller's own can be added. Everything a user changes goes through
``services.access`` (``find_editable``); another user's item reads as not found. The public gallery reads
``access.public(GalleryItem)`` and loads only the author (for the display name) and the image.

Search: on PostgreSQL, ``to_tsvector('simple', search_text) @@ plainto_tsquery('simple', ...)`` against the GIN
expression index of the ``gallery_analytics`` migration; on SQLite, every word must appear in ``search_text``
(case-insensitive ``LIKE``), the portable fallback.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from pypika_tortoise.terms import LiteralValue
from tortoise.contrib.postgres.search import SearchQuery, SearchVector, _TsInfixOperator
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Expression, ResolveContext, ResolveResult
from tortoise.fields import BooleanField
from tortoise.queryset import QuerySet

from models import BatchJob, EditStatus, GalleryItem, GenerationMode, ImageEdit
from services import access
from services.core.errors import Conflict, InvalidInput, NotFound
from services.core.ids import parse_id
from services.core.pagination import Page, paginate
from services.core.text import check_optional_text, check_text
from services.gallery import trending

TITLE_MAX = 200
TAGS_MAX = 20
TAG_MAX = 40
SEARCH_MAX = 200
SEARCH_CONFIG = "'simple'::regconfig"
"""The text search configuration: the same literal as in the hand-written index, or the index is not used."""


class GalleryOrder(StrEnum):
    NEWEST = "NEWEST"
    FAVORITES_FIRST = "FAVORITES_FIRST"


class PublicGalleryOrder(StrEnum):
    NEWEST = "NEWEST"
    TRENDING = "TRENDING"
    """Likes decaying with age (``services.gallery.trending``)."""


@dataclass(frozen=True, slots=True)
class GalleryAddition:
    image_edit_id: str
    title: str | None = None
    tags: list[str] | None = None


@dataclass(frozen=True, slots=True)
class GalleryChanges:
    """Fields to set; ``None`` leaves a field unchanged."""

    title: str | None = None
    tags: list[str] | None = None
    favorite: bool | None = None
    public: bool | None = None


@dataclass(frozen=True, slots=True)
class GalleryFilter:
    project_id: str | None = None
    preset_id: str | None = None
    mode: GenerationMode | None = None
    favorite: bool | None = None
    tags: list[str] = field(default_factory=list)
    """Items carrying every one of these tags."""
    search: str | None = None
    created_after: datetime | None = None
    created_before: datetime | None = None
    collection_id: str | None = None
    """Items in this collection (of the caller's: the items are scoped to them already)."""


def _title(value: str | None) -> str:
    return check_text(value or "", ["input", "title"], max_length=TITLE_MAX).strip()


def _tags(values: list[str], path: list[str]) -> list[str]:
    """Tags trimmed, lower-cased and without duplicates, in the order given."""
    tags: list[str] = []
    for index, raw in enumerate(values):
        tag = " ".join(check_text(raw, [*path, str(index)], max_length=TAG_MAX).split()).lower()
        if not tag or len(tag) > TAG_MAX or "|" in tag:
            raise InvalidInput(f"a tag is 1-{TAG_MAX} characters, without '|'", [*path, str(index)])
        if tag not in tags:
            tags.append(tag)
    if len(tags) > TAGS_MAX:
        raise InvalidInput(f"at most {TAGS_MAX} tags", path)
    return tags


def _derived(title: str, prompt: str, tags: list[str]) -> dict[str, Any]:
    return {
        "title": title,
        "tags": tags,
        "tags_text": "".join(f"|{tag}" for tag in tags) + "|" if tags else "",
        "search_text": " ".join(part for part in (title, prompt, " ".join(tags)) if part),
    }


async def add(user_id: uuid.UUID, addition: GalleryAddition) -> GalleryItem:
    """Keep one of the caller's delivered images in their gallery (private, not a favourite)."""
    title = _title(addition.title)
    tags = _tags(addition.tags or [], ["input", "tags"])
    edit = await access.find_owned(ImageEdit, user_id, addition.image_edit_id)
    if edit is None:
        raise NotFound("image not found", ["input", "image_edit_id"])
    if edit.status is not EditStatus.SUCCEEDED or not edit.image_key:
        raise InvalidInput("only delivered images can be added to the gallery", ["input", "image_edit_id"])
    batch = await BatchJob.get_or_none(id=edit.batch_job_id) if edit.batch_job_id else None
    try:
        return await GalleryItem.create(
            id=uuid.uuid4(),
            owner_id=user_id,
            image_edit_id=edit.id,
            project_id=edit.project_id,
            style_preset_id=batch.style_preset_id if batch else None,
            mode=edit.mode,
            prompt=edit.prompt,
            **_derived(title, edit.prompt, tags),
        )
    except IntegrityError:
        raise Conflict("this image is already in your gallery", ["input", "image_edit_id"]) from None


async def _editable(user_id: uuid.UUID, item_id: str) -> GalleryItem:
    item = await access.find_editable(GalleryItem, user_id, item_id)
    if item is None:
        raise NotFound("gallery item not found", ["id"])
    return item


async def update(user_id: uuid.UUID, item_id: str, changes: GalleryChanges) -> GalleryItem:
    """Change the title, tags, favourite flag or visibility of one of the caller's items."""
    title = _title(changes.title) if changes.title is not None else None
    tags = _tags(changes.tags, ["input", "tags"]) if changes.tags is not None else None
    item = await _editable(user_id, item_id)
    values: dict[str, Any] = {}
    if title is not None or tags is not None:
        values.update(
            _derived(title if title is not None else item.title, item.prompt, tags if tags is not None else item.tags)
        )
    if changes.favorite is not None:
        values["is_favorite"] = changes.favorite
    if changes.public is not None:
        values["is_public"] = changes.public
    if values:
        await access.editable(GalleryItem, user_id).filter(id=item.id).update(**values)
    return await _loaded(access.owned(GalleryItem, user_id)).get(id=item.id)


async def remove(user_id: uuid.UUID, item_id: str) -> uuid.UUID:
    """Take an item out of the gallery (the image itself stays)."""
    item = await _editable(user_id, item_id)
    await access.editable(GalleryItem, user_id).filter(id=item.id).delete()
    return item.id


def _loaded(query: QuerySet[GalleryItem]) -> QuerySet[GalleryItem]:
    """What a page of the caller's items shows, loaded in the page's own query (no query per item)."""
    return query.select_related("image_edit", "project")


async def get(user_id: uuid.UUID, item_id: str) -> GalleryItem | None:
    """One of the caller's items, or None."""
    ident = parse_id(item_id)
    if ident is None:
        return None
    return await _loaded(access.viewable(GalleryItem, user_id)).get_or_none(id=ident)


class _TextMatch(Expression):
    """``to_tsvector(config, field) @@ plainto_tsquery(config, text)`` (PostgreSQL), the indexed expression."""

    def __init__(self, field_name: str, text: str) -> None:
        self.field_name = field_name
        self.text = text

    def resolve(self, resolve_context: ResolveContext) -> ResolveResult:
        config = LiteralValue(SEARCH_CONFIG)
        vector = SearchVector(self.field_name, config=config).resolve(resolve_context)
        query = SearchQuery(self.text, config=config).resolve(resolve_context)
        return ResolveResult(
            term=_TsInfixOperator(vector.term, " @@ ", query.term), joins=vector.joins, output_field=BooleanField()
        )


def _search(query: QuerySet[GalleryItem], text: str) -> QuerySet[GalleryItem]:
    words = text.split()
    if not words:
        return query
    if GalleryItem._meta.db.capabilities.dialect == "postgres":
        # Compared with a literal TRUE (not a parameter) so that the planner can use the GIN expression index.
        return query.annotate(_match=_TextMatch("search_text", " ".join(words))).filter(_match=LiteralValue("TRUE"))
    for word in words:
        query = query.filter(search_text__icontains=word)
    return query


def _filtered(query: QuerySet[GalleryItem], wanted: GalleryFilter) -> QuerySet[GalleryItem]:
    """``query`` narrowed by ``wanted``; an id that cannot be one matches nothing."""
    if wanted.project_id is not None:
        project = parse_id(wanted.project_id)
        query = query.filter(project_id=project) if project else query.filter(id=None)
    if wanted.preset_id is not None:
        preset = parse_id(wanted.preset_id)
        query = query.filter(style_preset_id=preset) if preset else query.filter(id=None)
    if wanted.collection_id is not None:
        collection = parse_id(wanted.collection_id)
        query = query.filter(collection_entries__collection_id=collection) if collection else query.filter(id=None)
    if wanted.mode is not None:
        query = query.filter(mode=wanted.mode)
    if wanted.favorite is not None:
        query = query.filter(is_favorite=wanted.favorite)
    for tag in _tags(wanted.tags, ["filter", "tags"]):
        query = query.filter(tags_text__contains=f"|{tag}|")
    search = check_optional_text(wanted.search, ["filter", "search"], max_length=SEARCH_MAX)
    if search is not None:
        query = _search(query, search)
    if wanted.created_after is not None:
        query = query.filter(created_at__gt=wanted.created_after)
    if wanted.created_before is not None:
        query = query.filter(created_at__lt=wanted.created_before)
    return query


async def page(
    user_id: uuid.UUID,
    wanted: GalleryFilter,
    *,
    order: GalleryOrder = GalleryOrder.NEWEST,
    first: int,
    after: str | None,
) -> Page[GalleryItem]:
    """The caller's gallery, filtered, newest (or favourites) first, with image and project loaded."""
    query = _loaded(_filtered(access.viewable(GalleryItem, user_id), wanted))
    flag = "is_favorite" if order is GalleryOrder.FAVORITES_FIRST else None
    return await paginate(query, first=first, after=after, leading_flag=flag)


async def public_page(
    wanted: GalleryFilter,
    *,
    order: PublicGalleryOrder = PublicGalleryOrder.NEWEST,
    first: int,
    after: str | None,
) -> Page[GalleryItem]:
    """Every user's public items (none an administrator hid), newest first or trending, with the image and the author
    loaded. Readable without an account: nothing here depends on who reads.

    Filters that name private things (a project, a preset) or the caller's own flags (favourite) are refused: the
    public gallery is searched by mode, tags, text and dates only.
    """
    named = (
        ("project_id", wanted.project_id),
        ("preset_id", wanted.preset_id),
        ("collection_id", wanted.collection_id),
    )
    for name, value in named:
        if value is not None:
            raise InvalidInput(f"the public gallery cannot be filtered by {name}", ["filter", name])
    if wanted.favorite is not None:
        raise InvalidInput("the public gallery cannot be filtered by favorite", ["filter", "favorite"])
    if order is PublicGalleryOrder.TRENDING:
        return await trending.page(_filtered(access.public(GalleryItem), wanted), first=first, after=after)
    query = _filtered(access.public(GalleryItem), wanted).select_related("image_edit", "owner")
    return await paginate(query, first=first, after=after)
