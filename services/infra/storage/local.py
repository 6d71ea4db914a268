"""Objects as files in a directory, served by the app at ``/media`` through signed links: the embedded default,
which also works on a volume shared by several machines."""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
from collections.abc import AsyncIterable, AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from services.infra.storage.base import CHUNK_BYTES, ListedObject, ObjectInfo, Storage, StoredObject
from services.infra.storage.keys import InvalidKey, ObjectNotFound, check_key, new_key
from services.infra.storage.links import LinkSigner

_FILE_MODE = 0o644  # readable by a static file server running as another user on a shared volume


class LocalStorage(Storage):
    """Objects as files under ``root``; links are the ``signer``'s ``/media`` links, answered by ``app/media.py``."""

    def __init__(self, root: Path, signer: LinkSigner) -> None:
        self.root = root.resolve()
        self.signer = signer
        self.base_url = signer.base_url.rstrip("/")
        self.location = f"file:{self.root}"

    def path(self, key: str) -> Path:
        """The file holding ``key`` (it may not exist). Touches the file system: call it off the event loop."""
        path = (self.root / check_key(key)).resolve()
        # The key pattern already rules out ".."; this also catches a symlinked folder pointing elsewhere.
        if not path.is_relative_to(self.root):
            raise InvalidKey(f"storage key {key!r} resolves outside the storage root")
        return path

    async def put(self, data: bytes, content_type: str, *, prefix: str = "") -> StoredObject:
        key = new_key(content_type, prefix)
        await asyncio.to_thread(lambda: _write_atomically(self.path(key), data))
        return StoredObject(key=key, url=self.url_for(key), size_bytes=len(data), content_type=content_type)

    async def put_stream(self, chunks: AsyncIterable[bytes], content_type: str, *, prefix: str = "") -> StoredObject:
        key = new_key(content_type, prefix)
        info = await self.write(key, chunks, content_type)
        return StoredObject(key=key, url=self.url_for(key), size_bytes=info.size_bytes, content_type=content_type)

    async def write(self, key: str, chunks: AsyncIterable[bytes], content_type: str) -> ObjectInfo:
        path = await asyncio.to_thread(self.path, key)
        tmp, handle = await asyncio.to_thread(_open_temp, path)
        size = 0
        try:
            async for chunk in chunks:
                size += len(chunk)
                await asyncio.to_thread(handle.write, chunk)
            await asyncio.to_thread(_finish, handle, tmp, path)
        except BaseException:
            handle.close()
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        return ObjectInfo(key=key, size_bytes=size)

    async def get(self, key: str) -> bytes:
        check_key(key)
        try:
            return await asyncio.to_thread(lambda: self.path(key).read_bytes())
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise ObjectNotFound(key) from None

    async def stream(self, key: str) -> AsyncIterator[bytes]:
        check_key(key)
        try:
            handle = await asyncio.to_thread(lambda: self.path(key).open("rb"))
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise ObjectNotFound(key) from None
        try:
            while chunk := await asyncio.to_thread(handle.read, CHUNK_BYTES):
                yield chunk
        finally:
            handle.close()

    async def head(self, key: str) -> ObjectInfo | None:
        check_key(key)
        try:
            size = await asyncio.to_thread(lambda: self.path(key).stat().st_size)
        except (FileNotFoundError, NotADirectoryError):
            return None
        return ObjectInfo(key=key, size_bytes=size)

    async def objects(self, prefix: str) -> AsyncIterator[ListedObject]:
        for listed in await asyncio.to_thread(self._walk, prefix):
            yield listed

    def _walk(self, prefix: str) -> list[ListedObject]:
        found: list[ListedObject] = []
        top = self.root / prefix.strip("/")
        for folder, _, names in os.walk(top):
            for name in names:
                path = Path(folder) / name
                key = path.relative_to(self.root).as_posix()
                try:
                    check_key(key)  # a temp file of a write in flight (".x.tmp") is no object
                    stat = path.stat()
                except (InvalidKey, FileNotFoundError):
                    continue
                found.append(ListedObject(key, stat.st_size, datetime.fromtimestamp(stat.st_mtime, UTC)))
        return found

    async def delete(self, key: str) -> None:
        check_key(key)
        await asyncio.to_thread(lambda: self.path(key).unlink(missing_ok=True))

    def link(self, key: str, *, public: bool = False) -> str:
        return self.signer.public(key) if public else self.signer.private(key)

    def url_for(self, key: str) -> str:
        # Keys contain only URL-safe characters, so no quoting is needed.
        return f"{self.base_url}/{check_key(key)}"


def _open_temp(path: Path) -> tuple[str, BinaryIO]:
    # The temp name starts with "." and ends in ".tmp", so it is never a valid key.
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    return tmp_name, os.fdopen(fd, "wb")


def _finish(handle: BinaryIO, tmp_name: str, path: Path) -> None:
    """Flush to disk, then rename: readers see all of the file or none of it."""
    with handle:
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(tmp_name, _FILE_MODE)  # mkstemp creates 0600
    os.replace(tmp_name, path)


def _write_atomically(path: Path, data: bytes) -> None:
    tmp_name, handle = _open_temp(path)
    try:
        handle.write(data)
        _finish(handle, tmp_name, path)
    except BaseException:
        handle.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
