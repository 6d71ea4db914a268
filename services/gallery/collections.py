"""Collections of gallery items (InvokeAI's boards): named, the owner's only; an item can be in several.

Every read and write starts from ``services.access`` on the collection and on the items: another user's collection
reads as not found, and only the caller's own gallery items can be put in one. Adding an item already there, or
removing one that is not, changes nothing (so a client can repeat a call).
"""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.functions import Count
from tortoise.transactions import in_transaction

from models import GalleryCollection, GalleryCollectionItem, GalleryItem
from services import access
from services.core.errors import Conflict, InvalidInput, NotFound
from services.core.ids import parse_id
from services.core.pagination import Page, paginate
from services.core.text import check_optional_text, check_text

NAME_MAX = 120
DESCRIPTION_MAX = 2000
ITEMS_PER_CALL = 100


@dataclass(frozen=True, slots=True)
class CollectionChanges:
    """Fields to set; ``None`` leaves a field unchanged."""

    name: str | None = None
    description: str | None = None


def _name(value: str, path: list[str]) -> str:
    name = " ".join(check_text(value, path, max_length=NAME_MAX).split())
    if not name:
        raise InvalidInput("a collection needs a name", path)
    return name


def _description(value: str | None) -> str | None:
    return check_optional_text(value, ["input", "description"], max_length=DESCRIPTION_MAX, multiline=True)


async def create(user_id: uuid.UUID, name: str, description: str | None = None) -> GalleryCollection:
    """A new, empty collection of the caller's (names are unique per user)."""
    clean = _name(name, ["input", "name"])
    text = (_description(description) or "").strip()
    try:
        return await GalleryCollection.create(id=uuid.uuid4(), owner_id=user_id, name=clean, description=text)
    except IntegrityError:
        raise Conflict("you already have a collection with this name", ["input", "name"]) from None


async def _editable(user_id: uuid.UUID, collection_id: str) -> GalleryCollection:
    found = await access.find_editable(GalleryCollection, user_id, collection_id)
    if found is None:
        raise NotFound("collection not found", ["id"])
    return found


async def update(user_id: uuid.UUID, collection_id: str, changes: CollectionChanges) -> GalleryCollection:
    """Rename a collection or change its description."""
    name = _name(changes.name, ["input", "name"]) if changes.name is not None else None
    description = _description(changes.description)
    collection = await _editable(user_id, collection_id)
    values: dict[str, str] = {}
    if name is not None:
        values["name"] = name
    if description is not None:
        values["description"] = description.strip()
    if values:
        try:
            await access.editable(GalleryCollection, user_id).filter(id=collection.id).update(**values)
        except IntegrityError:
            raise Conflict("you already have a collection with this name", ["input", "name"]) from None
    return await access.owned(GalleryCollection, user_id).get(id=collection.id)


async def delete(user_id: uuid.UUID, collection_id: str) -> uuid.UUID:
    """Delete a collection (its items stay in the gallery)."""
    collection = await _editable(user_id, collection_id)
    await access.editable(GalleryCollection, user_id).filter(id=collection.id).delete()
    return collection.id


async def _own_items(user_id: uuid.UUID, item_ids: list[str]) -> list[uuid.UUID]:
    """The caller's gallery items among ``item_ids``; ``NotFound`` naming the first that is not one."""
    if not item_ids:
        raise InvalidInput("give at least one item", ["item_ids"])
    if len(item_ids) > ITEMS_PER_CALL:
        raise InvalidInput(f"at most {ITEMS_PER_CALL} items per call", ["item_ids"])
    parsed = [parse_id(raw) for raw in item_ids]
    wanted = [ident for ident in parsed if ident is not None]
    found = set(await access.editable(GalleryItem, user_id).filter(id__in=wanted).values_list("id", flat=True))
    own = {uuid.UUID(str(ident)) for ident in found}
    for index, ident in enumerate(parsed):
        if ident is None or ident not in own:
            raise NotFound("gallery item not found", ["item_ids", str(index)])
    return list(dict.fromkeys(ident for ident in parsed if ident is not None))


async def add_items(user_id: uuid.UUID, collection_id: str, item_ids: list[str]) -> GalleryCollection:
    """Put some of the caller's gallery items in one of their collections (those already there stay once)."""
    collection = await _editable(user_id, collection_id)
    items = await _own_items(user_id, item_ids)
    present = set(
        await GalleryCollectionItem.filter(collection_id=collection.id, item_id__in=items).values_list(
            "item_id", flat=True
        )
    )
    already = {uuid.UUID(str(p)) for p in present}
    missing = [ident for ident in items if ident not in already]
    async with in_transaction():
        for ident in missing:
            # A savepoint each: a concurrent add of the same item is not an error.
            with contextlib.suppress(IntegrityError):
                async with in_transaction():
                    await GalleryCollectionItem.create(id=uuid.uuid4(), collection_id=collection.id, item_id=ident)
    return collection


async def remove_items(user_id: uuid.UUID, collection_id: str, item_ids: list[str]) -> GalleryCollection:
    """Take items out of one of the caller's collections (the items stay in the gallery)."""
    collection = await _editable(user_id, collection_id)
    items = await _own_items(user_id, item_ids)
    await GalleryCollectionItem.filter(collection_id=collection.id, item_id__in=items).delete()
    return collection


async def get(user_id: uuid.UUID, collection_id: str) -> GalleryCollection | None:
    """One of the caller's collections, or None."""
    return await access.find_viewable(GalleryCollection, user_id, collection_id)


async def page(user_id: uuid.UUID, *, first: int, after: str | None) -> Page[GalleryCollection]:
    """The caller's collections, newest first."""
    return await paginate(access.viewable(GalleryCollection, user_id), first=first, after=after)


async def item_counts(collection_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How many items each collection holds (one query; for collections already scoped to their owner)."""
    rows = (
        await GalleryCollectionItem.filter(collection_id__in=collection_ids)
        .annotate(n=Count("id"))
        .group_by("collection_id")
        .values("collection_id", "n")
    )
    counts = {ident: 0 for ident in collection_ids}
    for row in rows:
        counts[uuid.UUID(str(row["collection_id"]))] = int(row["n"])
    return counts


async def collections_of(item_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[GalleryCollection]]:
    """The collections each item is in, by name (one query; for items already scoped to their owner)."""
    grouped: dict[uuid.UUID, list[GalleryCollection]] = {ident: [] for ident in item_ids}
    entries = (
        await GalleryCollectionItem.filter(item_id__in=item_ids)
        .select_related("collection")
        .order_by("collection__name")
    )
    for entry in entries:
        grouped[entry.item_id].append(entry.collection)
    return grouped
