"""DataLoaders: one query per list field per request instead of one per parent object.

They do not cache (``cache=False``): a WebSocket context lives as long as its connection, and cached rows would
go stale between events; batching within one execution is what removes the N+1 queries.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

from models import (
    BatchItem,
    BatchJob,
    BatchPresetUse,
    ImageEdit,
    ReferenceImage,
    StylePreset,
    StylePresetVersion,
    User,
)
from services import users
from services.generation import reads
from services.presets import reads as preset_reads
from services.presets.stats import PresetStats, stats_of

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def _loader(fetch: Callable[[list[K]], Awaitable[Mapping[K, V]]], missing: Any = None) -> DataLoader[K, Any]:
    """A loader from a function returning ``{key: value}``; absent keys get ``missing``."""

    async def load(keys: list[K]) -> list[Any]:
        found = await fetch(list(dict.fromkeys(keys)))
        return [found.get(key, missing) for key in keys]

    return DataLoader(load_fn=load, cache=False)


async def _viewable_presets(keys: list[tuple[uuid.UUID, uuid.UUID]]) -> dict[tuple[uuid.UUID, uuid.UUID], StylePreset]:
    """Keys are (viewer, preset): one query per viewer (one viewer per request in practice)."""
    by_viewer: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for viewer, wanted in keys:
        by_viewer[viewer].append(wanted)
    found: dict[tuple[uuid.UUID, uuid.UUID], StylePreset] = {}
    for viewer, preset_ids in by_viewer.items():
        for ident, row in (await preset_reads.viewable_by_id(viewer, preset_ids)).items():
            found[(viewer, ident)] = row
    return found


@dataclass
class Loaders:
    images_by_batch: DataLoader[uuid.UUID, list[ImageEdit]] = field(
        default_factory=lambda: _loader(reads.images_of, missing=[])
    )
    items_by_batch: DataLoader[uuid.UUID, list[BatchItem]] = field(
        default_factory=lambda: _loader(reads.items_of, missing=[])
    )
    users: DataLoader[uuid.UUID, User | None] = field(default_factory=lambda: _loader(users.get_many))
    preset_stats: DataLoader[uuid.UUID, PresetStats] = field(
        default_factory=lambda: _loader(stats_of, missing=PresetStats())
    )
    preset_versions: DataLoader[uuid.UUID, list[StylePresetVersion]] = field(
        default_factory=lambda: _loader(preset_reads.versions_of, missing=[])
    )
    preset_version: DataLoader[uuid.UUID, StylePresetVersion | None] = field(
        default_factory=lambda: _loader(preset_reads.versions_by_id)
    )
    viewable_presets: DataLoader[tuple[uuid.UUID, uuid.UUID], StylePreset | None] = field(
        default_factory=lambda: _loader(_viewable_presets)
    )
    preview_images: DataLoader[uuid.UUID, ImageEdit | None] = field(
        default_factory=lambda: _loader(preset_reads.previews_of)
    )
    references: DataLoader[uuid.UUID, ReferenceImage | None] = field(
        default_factory=lambda: _loader(preset_reads.references_by_id)
    )
    preset_uses: DataLoader[uuid.UUID, list[BatchPresetUse]] = field(
        default_factory=lambda: _loader(preset_reads.uses_of, missing=[])
    )
    batch_by_id: DataLoader[uuid.UUID, BatchJob | None] = field(default_factory=lambda: _loader(reads.batches_by_id))
    item_by_id: DataLoader[uuid.UUID, BatchItem | None] = field(default_factory=lambda: _loader(reads.items_by_id))
