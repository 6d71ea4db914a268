"""The gallery room's DataLoaders (see ``graph.core.dataloaders``)."""

from __future__ import annotations

import uuid

from graph.core.dataloaders import RoomLoader
from models import BatchJob, GalleryCollection
from services.gallery import collections
from services.generation import reads

batch_by_id: RoomLoader[uuid.UUID, BatchJob | None] = RoomLoader("generation.batch_by_id", "rows", reads.batches_by_id)
collection_item_count: RoomLoader[uuid.UUID, int] = RoomLoader(
    "gallery.collection_item_count", "rows", collections.item_counts
)
collections_of_item: RoomLoader[uuid.UUID, list[GalleryCollection]] = RoomLoader(
    "gallery.collections_of_item", "rows", collections.collections_of
)
