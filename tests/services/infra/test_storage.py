"""Local image storage: round trips, unguessable keys, prefixes, path traversal, atomic writes, URLs."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from services.infra import storage as storage_module
from services.infra.storage import InvalidKey, LinkSigner, LocalStorage, ObjectNotFound, Storage, StoredObject

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"not really decoded here"


@pytest.fixture
def store(tmp_path: Path) -> LocalStorage:
    return LocalStorage(tmp_path / "media", LinkSigner(b"k" * 32, 3600, "/media/"))


def test_local_storage_satisfies_the_protocol(store: LocalStorage) -> None:
    as_protocol: Storage = store
    assert as_protocol is store


async def test_put_get_delete_round_trip(store: LocalStorage) -> None:
    stored = await store.put(PNG_BYTES, "image/png")

    assert isinstance(stored, StoredObject)
    assert stored.size_bytes == len(PNG_BYTES)
    assert stored.content_type == "image/png"
    assert stored.key.endswith(".png")
    assert stored.url == f"/media/{stored.key}"
    assert await store.get(stored.key) == PNG_BYTES
    assert (store.root / stored.key).read_bytes() == PNG_BYTES

    await store.delete(stored.key)

    with pytest.raises(ObjectNotFound):
        await store.get(stored.key)
    with pytest.raises(KeyError):  # ObjectNotFound is a KeyError, as the protocol promises
        await store.get(stored.key)
    await store.delete(stored.key)  # idempotent


async def test_keys_are_unguessable_and_distinct(store: LocalStorage) -> None:
    objects = [await store.put(b"x", "image/jpeg") for _ in range(50)]

    keys = {o.key for o in objects}
    assert len(keys) == 50
    for key in keys:
        token, ext = key.rsplit(".", 1)
        assert ext == "jpg"
        assert re.fullmatch(r"[A-Za-z0-9_-]+", token)
        assert len(token) * 6 >= 128  # base64url: 6 bits per character


@pytest.mark.parametrize(
    ("content_type", "extension"),
    [("image/png", "png"), ("image/jpeg", "jpg"), ("image/webp", "webp"), ("IMAGE/PNG; charset=binary", "png")],
)
async def test_extension_follows_the_content_type(store: LocalStorage, content_type: str, extension: str) -> None:
    stored = await store.put(b"x", content_type)
    assert stored.key.endswith(f".{extension}")


@pytest.mark.parametrize("content_type", ["text/html", "image/svg+xml", "application/octet-stream", ""])
async def test_types_a_browser_could_run_are_not_stored(store: LocalStorage, content_type: str) -> None:
    with pytest.raises(ValueError, match="is not stored"):
        await store.put(b"<script>alert(1)</script>", content_type)
    assert not store.root.exists() or not any(store.root.rglob("*"))


async def test_prefix_folders(store: LocalStorage) -> None:
    stored = await store.put(PNG_BYTES, "image/png", prefix="outputs/2026/11/")

    assert stored.key.startswith("outputs/2026/11/")
    assert stored.key.count("/") == 3
    assert (store.root / "outputs" / "2026" / "11" / stored.key.rsplit("/", 1)[1]).read_bytes() == PNG_BYTES
    assert stored.url == f"/media/{stored.key}"
    assert await store.get(stored.key) == PNG_BYTES


@pytest.mark.parametrize("prefix", ["../escape", "a/../../b", "/etc", "a//b", "a\\b", "uploads/~user", "a/./b"])
async def test_bad_prefixes_are_refused(store: LocalStorage, prefix: str) -> None:
    with pytest.raises(InvalidKey):
        await store.put(PNG_BYTES, "image/png", prefix=prefix)


@pytest.mark.parametrize(
    "key",
    [
        "../secret.png",
        "outputs/../../secret.png",
        "/etc/passwd",
        "..",
        "",
        "outputs/",
        "a\\..\\b.png",
        "a/./b.png",
        ".hidden.tmp",
        "outputs/%2e%2e/x.png",
        "noextension",
    ],
)
async def test_traversal_and_malformed_keys_are_refused(store: LocalStorage, tmp_path: Path, key: str) -> None:
    (tmp_path / "secret.png").write_bytes(b"secret")

    with pytest.raises(InvalidKey):
        await store.get(key)
    with pytest.raises(InvalidKey):
        await store.delete(key)
    with pytest.raises(InvalidKey):
        store.url_for(key)
    assert (tmp_path / "secret.png").read_bytes() == b"secret"


async def test_symlinked_folder_out_of_the_root_is_refused(store: LocalStorage, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.png").write_bytes(b"secret")
    store.root.mkdir(parents=True)
    (store.root / "linked").symlink_to(outside, target_is_directory=True)

    with pytest.raises(InvalidKey):
        await store.get("linked/secret.png")
    with pytest.raises(InvalidKey):
        await store.delete("linked/secret.png")
    assert (outside / "secret.png").exists()


async def test_files_are_readable_by_a_static_file_server(store: LocalStorage) -> None:
    stored = await store.put(PNG_BYTES, "image/png", prefix="uploads")
    mode = stat.S_IMODE(os.stat(store.root / stored.key).st_mode)
    assert mode & 0o444 == 0o444
    assert mode & 0o022 == 0  # and not writable by others


async def test_writes_are_atomic(store: LocalStorage, monkeypatch: pytest.MonkeyPatch) -> None:
    """The data goes to a temp file that can never be a key; the final name appears only through os.replace."""
    seen: list[tuple[str, str, bool]] = []
    real_replace = os.replace

    def spy_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        src_path, dst_path = Path(src), Path(dst)
        seen.append((src_path.name, dst_path.name, dst_path.exists()))
        assert src_path.read_bytes() == PNG_BYTES  # complete before it gets the final name
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy_replace)
    stored = await store.put(PNG_BYTES, "image/png", prefix="outputs")

    [(tmp_name, final_name, final_existed)] = seen
    assert final_name == stored.key.rsplit("/", 1)[1]
    assert not final_existed
    assert tmp_name.startswith(".")
    assert tmp_name.endswith(".tmp")
    with pytest.raises(InvalidKey):  # a temp file is never addressable as an object
        storage_module.check_key(f"outputs/{tmp_name}")
    assert sorted(p.name for p in (store.root / "outputs").iterdir()) == [final_name]


async def test_failed_write_leaves_nothing_behind(store: LocalStorage, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk full"):
        await store.put(PNG_BYTES, "image/png", prefix="outputs")
    assert list((store.root / "outputs").iterdir()) == []


def test_url_for(tmp_path: Path) -> None:
    signer = LinkSigner(b"k" * 32, 3600)
    assert LocalStorage(tmp_path, signer).url_for("outputs/2026/11/abc_-9.png") == "/media/outputs/2026/11/abc_-9.png"
    cdn = LocalStorage(tmp_path, LinkSigner(b"k" * 32, 3600, "https://cdn.example.test/media/"))
    assert cdn.url_for("abc.webp") == "https://cdn.example.test/media/abc.webp"


async def test_objects_lists_a_prefix_and_skips_writes_in_flight(store: LocalStorage) -> None:
    inside = await store.put(b"\x89PNG", "image/png", prefix="outputs/2026/03")
    await store.put(b"\x89PNG", "image/png", prefix="references")
    (store.root / "outputs" / "2026" / "03" / ".partial.tmp").write_bytes(b"half")

    listed = [o async for o in store.objects("outputs")]

    assert [(o.key, o.size_bytes) for o in listed] == [(inside.key, 4)]
    assert listed[0].modified_at.tzinfo is not None
