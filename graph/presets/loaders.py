"""The presets room's DataLoaders (see ``graph.core.dataloaders``)."""

from __future__ import annotations

import uuid

from graph.core.dataloaders import RoomLoader
from models import ImageEdit, StylePreset, StylePresetVersion, Upload, User
from services import users
from services.presets import reads
from services.presets.stats import PresetStats, stats_of

stats: RoomLoader[uuid.UUID, PresetStats] = RoomLoader("presets.stats", "rows", stats_of, missing=PresetStats())
versions: RoomLoader[uuid.UUID, list[StylePresetVersion]] = RoomLoader(
    "presets.versions", "rows", reads.versions_of, missing=[]
)
version: RoomLoader[uuid.UUID, StylePresetVersion | None] = RoomLoader("presets.version", "rows", reads.versions_by_id)
viewable: RoomLoader[tuple[uuid.UUID, uuid.UUID], StylePreset | None] = RoomLoader(
    "presets.viewable", "per_viewer", reads.viewable_by_id
)
previews: RoomLoader[uuid.UUID, ImageEdit | None] = RoomLoader("presets.previews", "rows", reads.previews_of)
references: RoomLoader[uuid.UUID, Upload | None] = RoomLoader("presets.references", "rows", reads.references_by_id)
owners: RoomLoader[uuid.UUID, User | None] = RoomLoader("users.by_id", "rows", users.get_many)
