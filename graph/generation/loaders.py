"""The generation room's DataLoaders (see ``graph.core.dataloaders``)."""

from __future__ import annotations

import uuid

from graph.core.dataloaders import RoomLoader
from models import BatchItem, BatchJob, BatchPresetUse, ImageEdit
from services.generation import reads
from services.presets import reads as preset_reads

images_by_batch: RoomLoader[uuid.UUID, list[ImageEdit]] = RoomLoader(
    "generation.images_by_batch", "rows", reads.images_of, missing=[]
)
items_by_batch: RoomLoader[uuid.UUID, list[BatchItem]] = RoomLoader(
    "generation.items_by_batch", "rows", reads.items_of, missing=[]
)
batch_by_id: RoomLoader[uuid.UUID, BatchJob | None] = RoomLoader("generation.batch_by_id", "rows", reads.batches_by_id)
item_by_id: RoomLoader[uuid.UUID, BatchItem | None] = RoomLoader("generation.item_by_id", "rows", reads.items_by_id)
preset_uses: RoomLoader[uuid.UUID, list[BatchPresetUse]] = RoomLoader(
    "presets.uses_of", "rows", preset_reads.uses_of, missing=[]
)
