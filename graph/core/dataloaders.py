"""DataLoaders: one query per list field per request instead of one per parent object.

Each graph room declares its own loaders (``graph/<room>/loaders.py``) as ``RoomLoader``s: a context key, a
shape and the service function that fetches. The request context makes each key's loader once, on first use
(``RoomLoader.on(info)``), as Saleor's ``context_key`` loaders do; two rooms that need the same rows declare the
same key with the same function and share one loader (so their keys batch into one statement), without importing
each other. Declaring a key twice with a different function is refused at import.

They do not cache (``cache=False``): a WebSocket context lives as long as its connection, and cached rows would
go stale between events; batching within one execution is what removes the N+1 queries.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from strawberry.dataloader import DataLoader

from services.core.pagination import Page

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def _loader(fetch: Callable[[list[K]], Awaitable[Mapping[K, V]]], missing: Any = None) -> DataLoader[K, Any]:
    """A loader from a function returning ``{key: value}``; absent keys get ``missing``."""

    async def load(keys: list[K]) -> list[Any]:
        found = await fetch(list(dict.fromkeys(keys)))
        return [found.get(key, missing) for key in keys]

    return DataLoader(load_fn=load, cache=False)


def _per_viewer(
    fetch: Callable[[uuid.UUID, list[uuid.UUID]], Awaitable[Mapping[uuid.UUID, Any]]],
) -> Callable[[list[tuple[uuid.UUID, uuid.UUID]]], Awaitable[Mapping[tuple[uuid.UUID, uuid.UUID], Any]]]:
    """Keys are (viewer, row): one query per viewer (one viewer per request in practice)."""

    async def fetch_all(keys: list[tuple[uuid.UUID, uuid.UUID]]) -> dict[tuple[uuid.UUID, uuid.UUID], Any]:
        by_viewer: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
        for viewer, wanted in keys:
            by_viewer[viewer].append(wanted)
        found: dict[tuple[uuid.UUID, uuid.UUID], Any] = {}
        for viewer, ids in by_viewer.items():
            for ident, row in (await fetch(viewer, ids)).items():
                found[(viewer, ident)] = row
        return found

    return fetch_all


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


_SHAPES: dict[str, Callable[[Callable[..., Any], Any], DataLoader[Any, Any]]] = {
    "rows": lambda fetch, missing: _loader(fetch, missing),
    "per_viewer": lambda fetch, missing: _loader(_per_viewer(fetch), missing),
    "pages": lambda fetch, _: _pages(fetch),
    "counts": lambda fetch, _: _counts(fetch),
}
_DECLARED: dict[str, tuple[str, Callable[..., Any], Any]] = {}


@dataclass(frozen=True, eq=False)
class RoomLoader(Generic[K, V]):
    """One loader of a room: ``shape`` is ``rows`` (key -> value, ``missing`` when absent), ``per_viewer``
    ((viewer, id) -> value, fetched per viewer), ``pages`` (``PageKey`` -> ``Page``) or ``counts``
    ((viewer, parent) -> int); ``fetch`` is the service function behind it."""

    context_key: str
    shape: str
    fetch: Callable[..., Any]
    missing: Any = None

    def __post_init__(self) -> None:
        if self.shape not in _SHAPES:
            raise ValueError(f"{self.context_key}: unknown loader shape {self.shape!r}")
        declared = (self.shape, self.fetch, self.missing)
        if _DECLARED.setdefault(self.context_key, declared) != declared:
            raise ValueError(f"loader {self.context_key!r} is declared twice with different fetches")

    def make(self) -> DataLoader[K, V]:
        return _SHAPES[self.shape](self.fetch, self.missing)

    def on(self, info: Any) -> DataLoader[K, V]:
        """This request's loader (``info`` is ``strawberry.Info`` or the context itself)."""
        context = getattr(info, "context", info)
        loader: DataLoader[K, V] = context.loader(self)
        return loader
