"""The S3 backend against a real S3-compatible server on loopback (moto's server mode, started here): put, get,
stream, delete, presign, multipart streaming, and a server that fails mid-upload."""

from __future__ import annotations

import hashlib
import os
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from services.infra.storage import STORE_ERRORS, LinkSigner, ObjectNotFound, S3Storage, Storage, open_storage
from services.infra.storage.s3 import PART_BYTES
from tests.s3_support import BreakingRelay, S3Server, chunks_of, s3_server

if TYPE_CHECKING:
    from obstore.store import RetryConfig

PNG = b"\x89PNG\r\n\x1a\n" + os.urandom(4096)
LIFETIME = 900
FAST_FAILURE: RetryConfig = {"max_retries": 1, "retry_timeout": timedelta(seconds=5)}


@pytest.fixture(scope="module")
def s3() -> Iterator[S3Server]:
    with s3_server() as server:
        yield server


@pytest.fixture
def signer() -> LinkSigner:
    return LinkSigner(b"s" * 32, LIFETIME)


@pytest.fixture
def bucket(s3: S3Server) -> str:
    return s3.create_bucket()


@pytest.fixture
def store(s3: S3Server, bucket: str, signer: LinkSigner) -> S3Storage:
    return S3Storage(f"s3://{bucket}/media", signer, endpoint=s3.endpoint)


def test_storage_url_picks_the_backend(s3: S3Server, signer: LinkSigner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL", s3.endpoint)
    chosen: Storage = open_storage("s3://some-bucket/prefix", signer)
    assert isinstance(chosen, S3Storage)
    assert chosen.location == "s3://some-bucket/prefix"
    with pytest.raises(ValueError, match="bucket"):
        open_storage("s3:///prefix", signer)
    with pytest.raises(ValueError, match="file: or s3://"):
        open_storage("gs://elsewhere", signer)


async def test_put_get_head_delete(store: S3Storage, s3: S3Server, bucket: str) -> None:
    stored = await store.put(PNG, "image/png", prefix="outputs/2026/12")

    assert stored.key.startswith("outputs/2026/12/")
    assert stored.key.endswith(".png")
    assert stored.size_bytes == len(PNG)
    assert stored.url == f"s3://{bucket}/media/{stored.key}"
    assert s3.keys(bucket) == [f"media/{stored.key}"]  # under the prefix, in the bucket itself
    assert await store.get(stored.key) == PNG
    info = await store.head(stored.key)
    assert info is not None
    assert info.size_bytes == len(PNG)

    await store.delete(stored.key)

    assert s3.keys(bucket) == []
    assert await store.head(stored.key) is None
    with pytest.raises(ObjectNotFound):
        await store.get(stored.key)
    await store.delete(stored.key)  # idempotent


async def test_stream_reads_in_chunks(store: S3Storage) -> None:
    data = PNG * 1200  # ~4.8 MiB

    stored = await store.put(data, "image/png")
    chunks = [chunk async for chunk in store.stream(stored.key)]

    assert len(chunks) >= 2  # never the whole object in one piece
    assert b"".join(chunks) == data
    with pytest.raises(ObjectNotFound):
        [chunk async for chunk in store.stream("missing/nothing.png")]


async def test_a_large_stream_uploads_in_parts(store: S3Storage, s3: S3Server, bucket: str) -> None:
    """An archive larger than a part goes up as a multipart upload, chunk by chunk, and comes back whole."""
    size = 2 * PART_BYTES + 12345
    block = os.urandom(256 * 1024)
    expected = hashlib.sha256()
    produced = 0

    async def archive() -> AsyncIterator[bytes]:
        nonlocal produced
        while produced < size:
            chunk = block[: size - produced]
            produced += len(chunk)
            expected.update(chunk)
            yield chunk

    stored = await store.put_stream(archive(), "application/zip", prefix="exports")

    assert stored.size_bytes == size
    assert stored.key.endswith(".zip")
    got = hashlib.sha256()
    async for chunk in store.stream(stored.key):
        got.update(chunk)
    assert got.hexdigest() == expected.hexdigest()
    assert s3.multipart_uploads(bucket) == 0  # completed, none left open


async def test_private_links_are_presigned_gets_that_expire(store: S3Storage, bucket: str) -> None:
    stored = await store.put(PNG, "image/png")

    link = store.link(stored.key)

    parts = urlsplit(link)
    query = parse_qs(parts.query)
    assert parts.path == f"/{bucket}/media/{stored.key}"
    assert query["X-Amz-Expires"] == [str(LIFETIME)]  # MEDIA_LINK_SECONDS
    assert query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
    assert query["X-Amz-Signature"][0]
    async with httpx.AsyncClient() as http:
        response = await http.get(link)
    assert response.status_code == 200
    assert response.content == PNG
    assert response.headers["content-type"] == "image/png"  # stored with the object


async def test_links_name_the_host_clients_reach_the_bucket_by(s3: S3Server, bucket: str, signer: LinkSigner) -> None:
    # The process reaches the bucket as 127.0.0.1, browsers as localhost (compose: minio:9000 and localhost:9000).
    public = s3.endpoint.replace("127.0.0.1", "localhost")
    store = S3Storage(f"s3://{bucket}/media", signer, endpoint=s3.endpoint, link_endpoint=public)
    stored = await store.put(PNG, "image/png")

    link = store.link(stored.key)

    assert link.startswith(f"{public}/{bucket}/media/{stored.key}?")
    async with httpx.AsyncClient() as http:
        response = await http.get(link)
    assert (response.status_code, response.content) == (200, PNG)


async def test_public_links_are_the_stable_signed_media_links(store: S3Storage, signer: LinkSigner) -> None:
    stored = await store.put(PNG, "image/png")
    assert store.link(stored.key, public=True) == signer.public(stored.key) == store.link(stored.key, public=True)


async def test_a_server_failing_mid_upload_stores_nothing(s3: S3Server, bucket: str, signer: LinkSigner) -> None:
    async with BreakingRelay(s3.endpoint) as relay:
        broken = S3Storage(f"s3://{bucket}/media", signer, endpoint=relay.endpoint, retry=FAST_FAILURE)

        with pytest.raises(STORE_ERRORS) as small:
            await broken.put(PNG, "image/png", prefix="outputs")
        with pytest.raises(STORE_ERRORS) as large:
            await broken.put_stream(chunks_of(os.urandom(PART_BYTES + 1000), 65536), "application/zip")

    assert relay.cut >= 2
    assert not isinstance(small.value, ObjectNotFound)
    assert not isinstance(large.value, ObjectNotFound)
    assert s3.keys(bucket) == []  # no object, whole or partial
    assert s3.multipart_uploads(bucket) == 0  # the failed multipart upload was aborted


async def test_objects_lists_a_prefix_with_sizes_and_times(store: S3Storage) -> None:
    inside = await store.put(PNG, "image/png", prefix="outputs/2026/03")
    outside = await store.put(PNG, "image/png", prefix="references")

    listed = [o async for o in store.objects("outputs")]

    assert [(o.key, o.size_bytes) for o in listed] == [(inside.key, len(PNG))]
    assert listed[0].modified_at.tzinfo is not None
    assert outside.key not in {o.key for o in listed}
