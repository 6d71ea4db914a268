"""The gallery room's DataLoaders (see ``graph.core.dataloaders``)."""

from __future__ import annotations

import uuid

from graph.core.dataloaders import RoomLoader
from models import BatchJob
from services.generation import reads

batch_by_id: RoomLoader[uuid.UUID, BatchJob | None] = RoomLoader("generation.batch_by_id", "rows", reads.batches_by_id)
