"""The projects room's DataLoaders (see ``graph.core.dataloaders``): a page of each project's batches and images,
counted alongside, and the presets a project used."""

from __future__ import annotations

import uuid

from graph.core.dataloaders import PageKey, RoomLoader
from models import BatchJob, ImageEdit, StylePreset
from services.core.pagination import Page
from services.generation import reads
from services.presets import reads as preset_reads

images: RoomLoader[PageKey, Page[ImageEdit]] = RoomLoader("projects.images", "pages", reads.images_pages)
batches: RoomLoader[PageKey, Page[BatchJob]] = RoomLoader("projects.batches", "pages", reads.batches_pages)
image_counts: RoomLoader[tuple[uuid.UUID, uuid.UUID], int] = RoomLoader(
    "projects.image_counts", "counts", reads.image_counts
)
batch_counts: RoomLoader[tuple[uuid.UUID, uuid.UUID], int] = RoomLoader(
    "projects.batch_counts", "counts", reads.batch_counts
)
viewable_presets: RoomLoader[tuple[uuid.UUID, uuid.UUID], StylePreset | None] = RoomLoader(
    "presets.viewable", "per_viewer", preset_reads.viewable_by_id
)
