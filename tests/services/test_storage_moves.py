"""``playground storage migrate``: every object copied with a checksum, each row switched only once its copy is
verified, and an interrupted run resumed by running it again. Source: a local directory; target: a real
S3-compatible server on loopback."""

from __future__ import annotations

import hashlib
import io
import uuid
from collections.abc import AsyncIterable, Iterator
from pathlib import Path

import pytest
from PIL import Image

from models import Upload
from services import users
from services.generation.references import store_upload
from services.infra.storage import LinkSigner, LocalStorage, ObjectInfo, S3Storage
from services.storage_moves import move_objects
from tests.s3_support import BreakingRelay, S3Server, s3_server

pytestmark = pytest.mark.usefixtures("app")  # the app's lifespan initialises the ORM on the test database
SIGNER = LinkSigner(b"m" * 32, 3600)


@pytest.fixture(scope="module")
def s3() -> Iterator[S3Server]:
    with s3_server() as server:
        yield server


def picture(seed: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16 + seed, 16), (seed * 40 % 256, 80, 120)).save(out, "PNG")
    return out.getvalue()


async def uploads(source: LocalStorage, count: int) -> list[Upload]:
    user = await users.get_or_create_by_subject(f"mover-{uuid.uuid4().hex[:8]}", 0)
    return [await store_upload(user, picture(n), source) for n in range(count)]


async def addresses(rows: list[Upload]) -> list[str]:
    return [(await Upload.get(id=row.id)).url for row in rows]


async def test_an_interrupted_move_is_resumed(tmp_path: Path, s3: S3Server) -> None:
    source = LocalStorage(tmp_path / "media", SIGNER)
    rows = await uploads(source, 5)
    bucket = s3.create_bucket()
    target = S3Storage(f"s3://{bucket}/objects", SIGNER, endpoint=s3.endpoint)

    # The first run loses the bucket after two uploads (the server cuts every later one mid-body).
    async with BreakingRelay(s3.endpoint, body_bytes=16, pass_uploads=2) as relay:
        failing = S3Storage(f"s3://{bucket}/objects", SIGNER, endpoint=relay.endpoint, retry={"max_retries": 0})
        first = await move_objects(source, failing)

    ours = {row.storage_key for row in rows}
    # Other tests' rows share this database; their objects are not in this source ("missing"), never "failed".
    assert first.copied == 2
    assert len(first.failed) == 3
    assert set(first.failed) <= ours
    assert not first.complete
    after_first = await addresses(rows)
    moved = [a for a in after_first if a.startswith(f"s3://{bucket}/objects/")]
    assert len(moved) == 2  # exactly the verified ones switched
    assert sorted(s3.keys(bucket)) == sorted(f"objects/{a.rsplit('/objects/', 1)[1]}" for a in moved)

    second = await move_objects(source, target)

    assert second.copied == 3  # only what was left
    assert not ours & {*second.failed, *second.missing}
    for row, address in zip(rows, await addresses(rows), strict=True):
        assert address == f"s3://{bucket}/objects/{row.storage_key}"
        original = (source.root / row.storage_key).read_bytes()
        assert hashlib.sha256(await target.get(row.storage_key)).digest() == hashlib.sha256(original).digest()
        assert (source.root / row.storage_key).exists()  # the source keeps its objects

    third = await move_objects(source, target)
    assert third.copied == 0  # nothing left to do
    assert not ours & {*third.failed, *third.missing}


class Corrupting(S3Storage):
    """A store that keeps something else than it was given: its copies never verify."""

    async def write(self, key: str, chunks: AsyncIterable[bytes], content_type: str) -> ObjectInfo:
        async def flipped() -> AsyncIterable[bytes]:
            async for chunk in chunks:
                yield bytes([chunk[0] ^ 0xFF]) + chunk[1:]

        return await super().write(key, flipped(), content_type)


async def test_a_copy_that_does_not_verify_leaves_its_row_alone(tmp_path: Path, s3: S3Server) -> None:
    source = LocalStorage(tmp_path / "a", SIGNER)
    rows = await uploads(source, 2)
    before = await addresses(rows)
    target = Corrupting(f"s3://{s3.create_bucket()}/objects", SIGNER, endpoint=s3.endpoint)

    report = await move_objects(source, target)

    assert report.copied == 0
    assert sorted(report.failed) == sorted(row.storage_key for row in rows)
    assert await addresses(rows) == before
