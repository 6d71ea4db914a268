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
from services import credits, users
from services.core.pagination import Page
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


PageKey = tuple[uuid.UUID, uuid.UUID, int, str | None]
"""(viewer, parent, first, after): one nested page of a list field."""


def _pages(
    fetch: Callable[..., Awaitable[Mapping[uuid.UUID, Page[Any]]]],
) -> DataLoader[PageKey, Page[Any]]:
    """A loader of nested pages: one statement per (viewer, first, after) for every parent asking for them."""

    async def load(keys: list[PageKey]) -> list[Page[Any]]:
        parents: dict[tuple[uuid.UUID, int, str | None], list[uuid.UUID]] = defaultdict(list)
        for viewer, parent, first, after in keys:
            parents[(viewer, first, after)].append(parent)
        found: dict[PageKey, Page[Any]] = {}
        for (viewer, first, after), ids in parents.items():
            for parent, page in (await fetch(viewer, ids, first=first, after=after)).items():
                found[(viewer, parent, first, after)] = page
        return [found[key] for key in keys]

    return DataLoader(load_fn=load, cache=False)


def _counts(
    fetch: Callable[[uuid.UUID, list[uuid.UUID]], Awaitable[Mapping[uuid.UUID, int]]],
) -> DataLoader[tuple[uuid.UUID, uuid.UUID], int]:
    """A loader of (viewer, parent) -> how many rows: one statement per viewer."""

    async def load(keys: list[tuple[uuid.UUID, uuid.UUID]]) -> list[int]:
        parents: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
        for viewer, parent in keys:
            parents[viewer].append(parent)
        found: dict[tuple[uuid.UUID, uuid.UUID], int] = {}
        for viewer, ids in parents.items():
            for parent, count in (await fetch(viewer, list(dict.fromkeys(ids)))).items():
                found[(viewer, parent)] = count
        return [found.get(key, 0) for key in keys]

    return DataLoader(load_fn=load, cache=False)


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
    project_images: DataLoader[PageKey, Page[ImageEdit]] = field(default_factory=lambda: _pages(reads.images_pages))
    project_batches: DataLoader[PageKey, Page[BatchJob]] = field(default_factory=lambda: _pages(reads.batches_pages))
    project_image_counts: DataLoader[tuple[uuid.UUID, uuid.UUID], int] = field(
        default_factory=lambda: _counts(reads.image_counts)
    )
    project_batch_counts: DataLoader[tuple[uuid.UUID, uuid.UUID], int] = field(
        default_factory=lambda: _counts(reads.batch_counts)
    )
    credits_held: DataLoader[uuid.UUID, int] = field(default_factory=lambda: _loader(credits.held_many, missing=0))
