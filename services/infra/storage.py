"""Where generated and uploaded images live.

``Storage`` is the small interface the rest of the service uses: ``put`` bytes under a fresh, unguessable key,
``get`` or ``delete`` them by key, and turn a key into a URL clients can fetch. ``LocalStorage`` keeps objects in a
directory that the app serves as static files (``/media``); it is the embedded default and also works on a shared
volume.

The interface is deliberately the common ground of object stores, so an S3-compatible backend can implement it
later without changing callers: keys are opaque ``/``-separated strings (``outputs/2026/11/<token>.png``), the
store picks the key (never the caller, never user input), writes are all-or-nothing, ``delete`` is idempotent, and
``url_for`` may return a public or presigned URL. No S3 backend lives here: nothing in the test setup could exercise
it.

Errors::

    KeyError
    └── ObjectNotFound      ``get`` of a key that holds nothing
    ValueError
    └── InvalidKey          a key or prefix that is malformed or would leave the storage root
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

# Only image types: stored objects are served from our origin, so nothing a browser would run (HTML, SVG).
EXTENSIONS = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/webp": "webp",
    "image/gif": "gif",
}
TOKEN_BYTES = 24  # 192 bits of randomness per key

_SEGMENT = r"[A-Za-z0-9_-]+"
_PREFIX_RE = re.compile(rf"{_SEGMENT}(?:/{_SEGMENT})*")
_KEY_RE = re.compile(rf"(?:{_SEGMENT}/)*{_SEGMENT}\.[a-z0-9]+")
_FILE_MODE = 0o644  # readable by a static file server running as another user on a shared volume


class ObjectNotFound(KeyError):
    """Nothing is stored under this key."""


class InvalidKey(ValueError):
    """A key or prefix that is malformed or would resolve outside the storage root."""


@dataclass(frozen=True, slots=True)
class StoredObject:
    key: str
    url: str
    size_bytes: int
    content_type: str


class Storage(Protocol):
    async def put(self, data: bytes, content_type: str, *, prefix: str = "") -> StoredObject:
        """Store ``data`` under a new unguessable key (inside ``prefix``, e.g. ``outputs/2026/11``)."""
        ...

    async def get(self, key: str) -> bytes:
        """The bytes stored under ``key``; raises ``ObjectNotFound`` (a ``KeyError``) when there are none."""
        ...

    async def delete(self, key: str) -> None:
        """Remove the object; removing a missing object is not an error."""
        ...

    def url_for(self, key: str) -> str:
        """Where clients fetch the object."""
        ...


def extension_for(content_type: str) -> str:
    """The file extension objects of ``content_type`` get; ``ValueError`` for types we do not store."""
    try:
        return EXTENSIONS[content_type.split(";", 1)[0].strip().lower()]
    except KeyError:
        raise ValueError(f"content type {content_type!r} is not stored") from None


def new_key(content_type: str, prefix: str = "") -> str:
    """A fresh key, ``<prefix>/<random token>.<ext>``: nothing in it comes from the caller but the prefix."""
    name = f"{secrets.token_urlsafe(TOKEN_BYTES)}.{extension_for(content_type)}"
    prefix = prefix.removesuffix("/")
    if not prefix:
        return name
    if not _PREFIX_RE.fullmatch(prefix):
        raise InvalidKey(f"invalid storage prefix {prefix!r}")
    return f"{prefix}/{name}"


def check_key(key: str) -> str:
    """``key`` itself when it has the shape ``put`` produces; ``InvalidKey`` otherwise (``..``, absolute, ``\\``)."""
    if not _KEY_RE.fullmatch(key):
        raise InvalidKey(f"invalid storage key {key!r}")
    return key


class LocalStorage(Storage):
    """Objects as files under ``root``, served by the app's static file mount at ``base_url``."""

    def __init__(self, root: Path, base_url: str = "/media") -> None:
        self.root = root.resolve()
        self.base_url = base_url.rstrip("/")

    def _path(self, key: str) -> Path:
        # Called off the event loop: resolving touches the file system.
        path = (self.root / check_key(key)).resolve()
        # The key pattern already rules out ".."; this also catches a symlinked folder pointing elsewhere.
        if not path.is_relative_to(self.root):
            raise InvalidKey(f"storage key {key!r} resolves outside the storage root")
        return path

    async def put(self, data: bytes, content_type: str, *, prefix: str = "") -> StoredObject:
        key = new_key(content_type, prefix)
        await asyncio.to_thread(lambda: _write_atomically(self._path(key), data))
        return StoredObject(key=key, url=self.url_for(key), size_bytes=len(data), content_type=content_type)

    async def get(self, key: str) -> bytes:
        check_key(key)
        try:
            return await asyncio.to_thread(lambda: self._path(key).read_bytes())
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise ObjectNotFound(key) from None

    async def delete(self, key: str) -> None:
        check_key(key)
        await asyncio.to_thread(lambda: self._path(key).unlink(missing_ok=True))

    def url_for(self, key: str) -> str:
        # Keys contain only URL-safe characters, so no quoting is needed.
        return f"{self.base_url}/{check_key(key)}"


def _write_atomically(path: Path, data: bytes) -> None:
    """Write to a hidden temp file in the target folder, then rename: readers see all of the file or none of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # The temp name starts with "." and ends in ".tmp", so it is never a valid key.
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(tmp_name, _FILE_MODE)  # mkstemp creates 0600
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
