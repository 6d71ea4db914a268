"""Objects in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Ceph), through obstore.

obstore wraps the Rust ``object_store`` crate (Apache Arrow's): one wheel with no Python dependencies, typed, async,
streaming in both directions (an async iterable uploads as a multipart upload, part by part; a get streams), and
presigning is a local computation (about 25 microseconds), so minting a link for every image of a page is cheap.
Credentials, region and endpoint come from the usual ``AWS_*`` variables (``AWS_ACCESS_KEY_ID``,
``AWS_SECRET_ACCESS_KEY``, ``AWS_SESSION_TOKEN``, ``AWS_REGION``, ``AWS_ENDPOINT_URL``); an ``http://`` endpoint
(a MinIO next to the app) is allowed explicitly.

A put is atomic on S3 (a single PUT, or a multipart upload completed only after its last part): an upload that
fails leaves no object under its key; obstore aborts a failed multipart upload.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterable, AsyncIterator
from datetime import timedelta
from typing import TYPE_CHECKING

import obstore
from obstore.exceptions import BaseError as StoreError
from obstore.store import S3Store

from services.infra.storage.base import CHUNK_BYTES, ListedObject, ObjectInfo, Storage, StoredObject
from services.infra.storage.keys import ObjectNotFound, check_key, new_key
from services.infra.storage.links import LinkSigner

if TYPE_CHECKING:
    from obstore.store import ClientConfig, RetryConfig

__all__ = ["PART_BYTES", "S3Storage", "StoreError"]

PART_BYTES = 8 * 1024 * 1024  # S3 parts are at least 5 MiB; memory per streamed upload is about this times two
DEFAULT_RETRY: RetryConfig = {"max_retries": 3, "retry_timeout": timedelta(seconds=60)}


class S3Storage(Storage):
    """Objects under ``s3://bucket/prefix``; private links are presigned GETs, public ones the ``signer``'s."""

    def __init__(
        self,
        url: str,
        signer: LinkSigner,
        *,
        endpoint: str | None = None,
        link_endpoint: str | None = None,
        retry: RetryConfig | None = None,
    ) -> None:
        """``link_endpoint``: where clients reach the bucket when it is not where this process does (a MinIO
        that the API reaches as ``http://minio:9000`` and browsers as ``http://localhost:9000``); presigned links
        are signed for that host."""
        endpoint = endpoint or os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
        self.store = _store(url, endpoint, retry)
        # Presigning is local (no request): a second store whose only use is signing for the clients' host.
        self.link_store = _store(url, link_endpoint, retry) if link_endpoint else self.store
        self.location = url.rstrip("/")
        self.signer = signer
        self.lifetime = timedelta(seconds=signer.lifetime_seconds)

    async def put(self, data: bytes, content_type: str, *, prefix: str = "") -> StoredObject:
        key = new_key(content_type, prefix)
        await obstore.put_async(
            self.store, key, data, attributes={"Content-Type": content_type}, use_multipart=len(data) > PART_BYTES
        )
        return StoredObject(key=key, url=self.url_for(key), size_bytes=len(data), content_type=content_type)

    async def put_stream(self, chunks: AsyncIterable[bytes], content_type: str, *, prefix: str = "") -> StoredObject:
        key = new_key(content_type, prefix)
        info = await self.write(key, chunks, content_type)
        return StoredObject(key=key, url=self.url_for(key), size_bytes=info.size_bytes, content_type=content_type)

    async def write(self, key: str, chunks: AsyncIterable[bytes], content_type: str) -> ObjectInfo:
        check_key(key)
        # An object smaller than a part (every image) goes up as one PUT; a larger one as a multipart upload
        # fed chunk by chunk, so at most a part or two is in memory whatever the object's size.
        iterator = aiter(chunks)
        head = bytearray()
        async for chunk in iterator:
            head += chunk
            if len(head) >= PART_BYTES:
                break
        else:
            await obstore.put_async(
                self.store, key, bytes(head), attributes={"Content-Type": content_type}, use_multipart=False
            )
            return ObjectInfo(key=key, size_bytes=len(head))
        size = 0

        async def whole() -> AsyncIterator[bytes]:
            nonlocal size
            size += len(head)
            yield bytes(head)
            head.clear()
            async for rest in iterator:
                size += len(rest)
                yield rest

        await obstore.put_async(
            self.store,
            key,
            whole(),
            attributes={"Content-Type": content_type},
            chunk_size=PART_BYTES,
            max_concurrency=2,
        )
        return ObjectInfo(key=key, size_bytes=size)

    async def get(self, key: str) -> bytes:
        check_key(key)
        try:
            result = await obstore.get_async(self.store, key)
        except FileNotFoundError:
            raise ObjectNotFound(key) from None
        return bytes(await result.bytes_async())

    async def stream(self, key: str) -> AsyncIterator[bytes]:
        check_key(key)
        try:
            result = await obstore.get_async(self.store, key)
        except FileNotFoundError:
            raise ObjectNotFound(key) from None
        async for chunk in result.stream(min_chunk_size=CHUNK_BYTES):
            yield bytes(chunk)

    async def head(self, key: str) -> ObjectInfo | None:
        check_key(key)
        try:
            meta = await obstore.head_async(self.store, key)
        except FileNotFoundError:
            return None
        return ObjectInfo(key=key, size_bytes=meta["size"])

    async def objects(self, prefix: str) -> AsyncIterator[ListedObject]:
        async for batch in obstore.list(self.store, prefix.strip("/"), chunk_size=1000):
            for meta in batch:
                yield ListedObject(meta["path"], meta["size"], meta["last_modified"])

    async def delete(self, key: str) -> None:
        check_key(key)
        await obstore.delete_async(self.store, key)

    def presigned(self, key: str) -> str:
        """A presigned GET for ``key``, valid for ``MEDIA_LINK_SECONDS``."""
        return obstore.sign(self.link_store, "GET", check_key(key), self.lifetime)

    def link(self, key: str, *, public: bool = False) -> str:
        return self.signer.public(key) if public else self.presigned(key)

    def url_for(self, key: str) -> str:
        return f"{self.location}/{check_key(key)}"


def _store(url: str, endpoint: str | None, retry: RetryConfig | None) -> S3Store:
    options: ClientConfig = {"allow_http": bool(endpoint and endpoint.startswith("http://"))}
    extra = {"endpoint": endpoint} if endpoint else {}
    return S3Store.from_url(
        url,
        client_options=options,
        retry_config=retry or DEFAULT_RETRY,
        **extra,  # type: ignore[arg-type]
    )
