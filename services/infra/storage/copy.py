"""Copy one object between stores and prove the copy: what ``playground storage migrate`` does per object."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from dataclasses import dataclass

from services.infra.storage.base import Storage
from services.infra.storage.keys import content_type_of


class CopyMismatch(Exception):
    """The target's bytes are not the source's (a store changed them, or the copy was cut short)."""


@dataclass(frozen=True, slots=True)
class VerifiedCopy:
    key: str
    size_bytes: int
    sha256: str


async def copy_verified(source: Storage, target: Storage, key: str) -> VerifiedCopy:
    """Stream ``key`` from ``source`` into ``target`` (same key), hashing on the way, then read the target's copy
    back and compare: ``CopyMismatch`` unless both are the same bytes. ``ObjectNotFound`` when the source has none.
    The object is never held whole in memory."""
    sent = hashlib.sha256()

    async def hashed() -> AsyncIterator[bytes]:
        async for chunk in source.stream(key):
            sent.update(chunk)
            yield chunk

    info = await target.write(key, hashed(), content_type_of(key) or "application/octet-stream")
    received = hashlib.sha256()
    size = 0
    async for chunk in target.stream(key):
        received.update(chunk)
        size += len(chunk)
    if received.digest() != sent.digest() or size != info.size_bytes:
        raise CopyMismatch(f"{key}: the copy in {target.location} differs from the original")
    return VerifiedCopy(key=key, size_bytes=size, sha256=received.hexdigest())
