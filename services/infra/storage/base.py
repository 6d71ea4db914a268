"""The one interface every storage backend implements (``LocalStorage``, ``S3Storage``).

Promises every backend keeps: the store picks the key (``keys.new_key``); a write is all-or-nothing (a failed or
interrupted upload leaves no object under its key and raises, so no caller records it); ``delete`` is idempotent;
large objects move as streams of chunks, never held whole in memory twice; ``link`` mints what a client fetches.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

CHUNK_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class StoredObject:
    key: str
    url: str
    """The object's stable address in this store (``/media/<key>`` locally); not a link clients can load: links
    are minted by ``Storage.link`` when they are read."""
    size_bytes: int
    content_type: str


@dataclass(frozen=True, slots=True)
class ObjectInfo:
    key: str
    size_bytes: int


@dataclass(frozen=True, slots=True)
class ListedObject:
    key: str
    size_bytes: int
    modified_at: datetime
    """When the object was written (aware, UTC)."""


class Storage(Protocol):
    location: str
    """What ``STORAGE_URL`` names this store by: ``file:/abs/dir`` or ``s3://bucket/prefix``."""

    async def put(self, data: bytes, content_type: str, *, prefix: str = "") -> StoredObject:
        """Store ``data`` under a new unguessable key (inside ``prefix``, e.g. ``outputs/2026/11``)."""
        ...

    async def put_stream(self, chunks: AsyncIterable[bytes], content_type: str, *, prefix: str = "") -> StoredObject:
        """Like ``put`` for data that arrives in chunks (an export archive): never held whole in memory."""
        ...

    async def write(self, key: str, chunks: AsyncIterable[bytes], content_type: str) -> ObjectInfo:
        """Store chunks under a given key (copying an object from another store keeps its key)."""
        ...

    async def get(self, key: str) -> bytes:
        """The bytes stored under ``key``; raises ``ObjectNotFound`` (a ``KeyError``) when there are none."""
        ...

    def stream(self, key: str) -> AsyncIterator[bytes]:
        """The object's bytes in chunks; ``ObjectNotFound`` from the first iteration when there are none."""
        ...

    async def head(self, key: str) -> ObjectInfo | None:
        """The object's size, or None when nothing is stored under ``key``."""
        ...

    def objects(self, prefix: str) -> AsyncIterator[ListedObject]:
        """Every object whose key starts with ``prefix/`` (retention looks for objects no row names)."""
        ...

    async def delete(self, key: str) -> None:
        """Remove the object; removing a missing object is not an error."""
        ...

    def link(self, key: str, *, public: bool = False) -> str:
        """What a client loads: a private link that expires (``MEDIA_LINK_SECONDS``), or a stable public one.
        Local computation only (no I/O), cheap enough to mint for every image of a page."""
        ...

    def url_for(self, key: str) -> str:
        """The object's stable address in this store (what ``StoredObject.url`` holds)."""
        ...
