"""Upload abuse, through ``imageUpload`` as a client sends it, and how ``/media`` serves what was kept.

Refused files leave nothing behind (no row, no file). Accepted files are kept re-encoded: no metadata (EXIF and its
GPS position, XMP, comments, PNG text, ICC), nothing appended, the EXIF orientation applied. ``/media`` answers with
the stored format's type, ``nosniff`` and a sandboxing CSP, and serves nothing but stored images.
"""

from __future__ import annotations

import io
import json
import struct
import zlib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from PIL import Image, ImageCms, PngImagePlugin
from starlette.applications import Starlette

from models import Upload, User
from tests.conftest import Caller, MakeCaller
from tests.security.support import png, upload_bytes

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F


def media_files(media_dir: Path) -> set[Path]:
    # Uploads only: other tests' batches may be writing their outputs meanwhile.
    return {p for p in (media_dir / "references").rglob("*") if p.is_file()}


def chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def png_header_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width``×``height`` pixels (a decompression bomb's shape)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def jpeg_with_metadata() -> bytes:
    """A 40×20 JPEG that says "rotate 90°", with a camera make, a GPS position, a comment, XMP and an ICC profile."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[MAKE] = "SpyCam-9000"
    exif[GPS_IFD] = {1: "N", 2: (51.0, 28.0, 38.0), 3: "W", 4: (0.0, 0.0, 5.0)}
    buffer = io.BytesIO()
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    Image.new("RGB", (40, 20), (10, 120, 200)).save(
        buffer,
        format="JPEG",
        exif=exif.tobytes(),
        comment=b"secret-comment",
        xmp=b"<x:xmpmeta>secret-xmp</x:xmpmeta>",
        icc_profile=srgb,
    )
    return buffer.getvalue()


async def refused(
    client: httpx.AsyncClient, caller: Caller, media_dir: Path, data: bytes, filename: str, content_type: str
) -> dict[str, Any]:
    """Upload ``data``: it must be refused with a userError, and leave no row and no file."""
    before_files = media_files(media_dir)
    response = await upload_bytes(client, caller, data, filename, content_type)
    assert response.status_code == 200, response.text
    payload: dict[str, Any] = response.json()["data"]["imageUpload"]
    assert payload["image"] is None
    assert len(payload["userErrors"]) == 1, payload
    user = await User.get_or_none(subject=caller.subject)
    assert user is None or await Upload.filter(owner_id=user.id).count() == 0
    assert media_files(media_dir) == before_files
    error: dict[str, Any] = payload["userErrors"][0]
    return error


@pytest.fixture
def media_dir(app: Starlette) -> Path:
    path: Path = app.state.services.settings.resolved_media_dir
    return path


CASES = {
    "html-as-png": (b"<html><script>alert(document.cookie)</script></html>", "x.png", "image/png", "not an image"),
    "svg-with-script": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "x.svg",
        "image/svg+xml",
        "only PNG, JPEG, WEBP",
    ),
    "svg-named-png": (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "x.png", "image/png", "only"),
    "gif": (b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "x.gif", "image/gif", "only PNG, JPEG, WEBP"),
    "truncated-png": (png()[:60], "x.png", "image/png", "truncated or corrupt"),
    "decompression-bomb": (png_header_claiming(20_000, 20_000), "x.png", "image/png", "at most 36000000"),
    "huge-dimensions": (png_header_claiming(65_535, 65_535), "x.png", "image/png", "at most 36000000"),
    "over-the-pixel-cap": (png_header_claiming(7_000, 7_000), "x.png", "image/png", "at most 36000000 pixels"),
    "one-long-row": (png_header_claiming(40_000_000, 1), "x.png", "image/png", "at most 36000000 pixels"),
    "empty": (b"", "x.png", "image/png", "not an image"),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
async def test_abusive_uploads_are_refused_and_leave_nothing(
    client: httpx.AsyncClient, make_caller: MakeCaller, media_dir: Path, case: str
) -> None:
    data, filename, content_type, message = CASES[case]
    error = await refused(client, make_caller(), media_dir, data, filename, content_type)
    assert error["code"] == "INVALID"
    assert message in error["message"], error


async def test_a_polyglot_is_kept_as_its_image_alone(client: httpx.AsyncClient, make_caller: MakeCaller) -> None:
    # A valid PNG with an HTML payload after IEND: the image is accepted, the payload is not kept.
    payload = b"<html><body><script>fetch('/graphql')</script></body></html>"
    response = await upload_bytes(client, make_caller(), png() + payload, "x.html", "text/html")
    image = response.json()["data"]["imageUpload"]["image"]
    assert image["contentType"] == "image/png"
    served = await client.get(image["url"])
    assert served.status_code == 200
    assert b"<script" not in served.content
    assert served.content.startswith(b"\x89PNG")


async def test_the_type_comes_from_the_bytes_not_the_request(
    client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    response = await upload_bytes(client, make_caller(), jpeg_with_metadata(), "photo.png", "image/png")
    image = response.json()["data"]["imageUpload"]["image"]
    assert image["contentType"] == "image/jpeg"
    assert urlsplit(image["url"]).path.endswith(".jpg")
    served = await client.get(image["url"])
    assert served.headers["content-type"] == "image/jpeg"


async def test_metadata_is_stripped_and_the_orientation_applied(
    client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    original = jpeg_with_metadata()
    assert b"SpyCam-9000" in original  # the control: the metadata is there before the upload
    response = await upload_bytes(client, make_caller(), original, "photo.jpg", "image/jpeg")
    image = response.json()["data"]["imageUpload"]["image"]
    assert (image["width"], image["height"]) == (20, 40)  # rotated upright, as a viewer would show it
    kept = (await client.get(image["url"])).content
    for secret in (b"SpyCam-9000", b"secret-comment", b"secret-xmp", b"ICC_PROFILE", b"Exif"):
        assert secret not in kept, secret
    with Image.open(io.BytesIO(kept)) as decoded:
        assert decoded.size == (20, 40)
        exif = decoded.getexif()
        assert ORIENTATION not in exif
        assert GPS_IFD not in exif
        assert "icc_profile" not in decoded.info
        assert "comment" not in decoded.info


@pytest.mark.parametrize(
    ("fmt", "content_type", "size", "kept_size"),
    [
        ("PNG", "image/png", (6000, 3000), (4096, 2048)),
        ("JPEG", "image/jpeg", (3000, 6000), (2048, 4096)),
        ("WEBP", "image/webp", (4100, 10), (4096, 10)),
    ],
)
async def test_a_reference_larger_than_the_largest_output_is_kept_scaled_down(
    client: httpx.AsyncClient,
    make_caller: MakeCaller,
    fmt: str,
    content_type: str,
    size: tuple[int, int],
    kept_size: tuple[int, int],
) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 120, 220)).save(buffer, fmt)
    response = await upload_bytes(client, make_caller(), buffer.getvalue(), "big", content_type)
    image = response.json()["data"]["imageUpload"]["image"]
    assert (image["width"], image["height"]) == kept_size
    kept = (await client.get(image["url"])).content
    with Image.open(io.BytesIO(kept)) as decoded:
        assert decoded.size == kept_size
        assert decoded.format == fmt
        pixel = decoded.convert("RGB").getpixel((kept_size[0] // 2, kept_size[1] // 2))
        assert isinstance(pixel, tuple)
        assert all(abs(got - want) <= 3 for got, want in zip(pixel, (20, 120, 220), strict=True))


async def test_a_large_rotated_jpeg_is_kept_upright_and_scaled_down(
    client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    exif = Image.Exif()
    exif[ORIENTATION] = 6  # stored landscape, shown portrait
    buffer = io.BytesIO()
    Image.new("RGB", (8000, 4000), (10, 10, 10)).save(buffer, "JPEG", exif=exif.tobytes())
    response = await upload_bytes(client, make_caller(), buffer.getvalue(), "big.jpg", "image/jpeg")
    image = response.json()["data"]["imageUpload"]["image"]
    assert (image["width"], image["height"]) == (2048, 4096)


async def test_png_text_chunks_and_profiles_are_stripped(client: httpx.AsyncClient, make_caller: MakeCaller) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "gps 51.47N 0.00W")
    info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>secret-xmp</x:xmpmeta>")
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    original = png(pnginfo=info, icc_profile=srgb)
    assert b"gps 51.47N" in original
    response = await upload_bytes(client, make_caller(), original)
    kept = (await client.get(response.json()["data"]["imageUpload"]["image"]["url"])).content
    for secret in (b"gps 51.47N", b"secret-xmp", b"iCCP", b"tEXt", b"iTXt"):
        assert secret not in kept, secret


async def test_media_is_served_with_a_fixed_type_nosniff_and_a_sandbox(
    client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    response = await upload_bytes(client, make_caller(), png())
    served = await client.get(response.json()["data"]["imageUpload"]["image"]["url"])
    assert served.status_code == 200
    assert served.headers["content-type"] == "image/png"
    assert served.headers["x-content-type-options"] == "nosniff"
    assert served.headers["content-security-policy"] == "default-src 'none'; sandbox"


async def test_media_serves_nothing_but_stored_images(client: httpx.AsyncClient, media_dir: Path) -> None:
    # Files no upload could create: another extension, a temp file, and the development JWT key beside media.
    (media_dir / "references").mkdir(parents=True, exist_ok=True)
    (media_dir / "references" / "planted.html").write_text("<script>alert(1)</script>")
    (media_dir / "references" / ".partial.tmp").write_bytes(png())
    (media_dir / "references" / "planted.svg").write_text("<svg/>")
    for path in (
        "/media/references/planted.html",
        "/media/references/.partial.tmp",
        "/media/references/planted.svg",
        "/media/references",
        "/media/../jwt_secret",
        "/media/%2e%2e/jwt_secret",
    ):
        answer = await client.get(path)
        assert answer.status_code == 404, (path, answer.status_code)
        assert b"<script" not in answer.content


@pytest.mark.parametrize("paths", [["variables.a", "variables.b"], ["variables.a", "variables.a"], []])
async def test_a_file_mapped_to_two_variables_or_none_is_400_and_keeps_no_upload(
    client: httpx.AsyncClient, make_caller: MakeCaller, media_dir: Path, paths: list[str]
) -> None:
    caller = make_caller("one-file-two-variables")
    await client.post("/graphql", json={"query": "{ me { id } }"}, headers=caller.headers)
    user = await User.get(subject=caller.subject)
    files_before = media_files(media_dir)
    query = (
        "mutation($a: Upload!, $b: Upload!) { a: imageUpload(file: $a) { image { id } } "
        "b: imageUpload(file: $b) { image { id } } }"
    )
    form = {
        "operations": json.dumps({"query": query, "variables": {"a": None, "b": None}}),
        "map": json.dumps({"0": paths}),
    }
    response = await client.post(
        "/graphql",
        data=form,
        files={"0": ("ref.png", png((64, 48)), "image/png")},
        headers={**caller.headers, "X-Playground-Upload": "1"},
    )
    assert response.status_code == 400, response.text
    assert "exactly one" in response.json()["errors"][0]["message"]
    assert await Upload.filter(owner_id=user.id).count() == 0
    assert media_files(media_dir) == files_before
