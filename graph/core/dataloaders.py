"""DataLoaders: one query per list field per request instead of one per parent object.

They do not cache (``cache=False``): a WebSocket context lives as long as its connection, and cached rows would
go stale between events; batching within one execution is what removes the N+1 queries.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from strawberry.dataloader import DataLoader

from models import BatchItem, BatchJob, ImageEdit
from services.generation import reads


async def _images(keys: list[uuid.UUID]) -> list[list[ImageEdit]]:
    grouped = await reads.images_of(keys)
    return [grouped[key] for key in keys]


async def _items(keys: list[uuid.UUID]) -> list[list[BatchItem]]:
    grouped = await reads.items_of(keys)
    return [grouped[key] for key in keys]


async def _batches(keys: list[uuid.UUID]) -> list[BatchJob | None]:
    found = await reads.batches_by_id(keys)
    return [found.get(key) for key in keys]


async def _items_by_id(keys: list[uuid.UUID]) -> list[BatchItem | None]:
    found = await reads.items_by_id(keys)
    return [found.get(key) for key in keys]


@dataclass
class Loaders:
    images_by_batch: DataLoader[uuid.UUID, list[ImageEdit]] = field(
        default_factory=lambda: DataLoader(load_fn=_images, cache=False)
    )
    items_by_batch: DataLoader[uuid.UUID, list[BatchItem]] = field(
        default_factory=lambda: DataLoader(load_fn=_items, cache=False)
    )
    batch_by_id: DataLoader[uuid.UUID, BatchJob | None] = field(
        default_factory=lambda: DataLoader(load_fn=_batches, cache=False)
    )
    item_by_id: DataLoader[uuid.UUID, BatchItem | None] = field(
        default_factory=lambda: DataLoader(load_fn=_items_by_id, cache=False)
    )
