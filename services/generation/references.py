"""Reference images: accepting bytes a user uploaded, or a URL we fetch ourselves, and keeping them.

Everything we accept goes through ``inspect_image``: the type is sniffed from the bytes (never taken from the
client or the remote server), the pixel count is read from the header and capped before anything is decoded, and
the image is then fully decoded once so truncated or corrupt files are refused here rather than by the provider.
``inspect_image`` is CPU-bound: call it through ``asyncio.to_thread`` from async code (``fetch_reference`` does).
What we keep is never the bytes we were sent: ``sanitize_image`` decodes them and encodes the pixels again in the
same format, upright (the EXIF orientation applied) and without any metadata: no EXIF (GPS position, camera serial),
XMP, comments, PNG text chunks or ICC profile (its colours converted to sRGB first), and nothing appended after the
image (an HTML or script payload of a polyglot file).

``fetch_reference`` downloads a URL a user gave us under the server-side request forgery guards of
``services.infra.egress`` (public addresses only, checked against the DNS answers we connect to, no userinfo, no
numeric host spellings), and besides:

- redirects are followed by hand, each hop parsed, resolved and vetted again, at most ``max_redirects``;
- the request is built from scratch: none of the client's default headers, cookies or auth are sent; the body is
  streamed uncompressed (``Accept-Encoding: identity``; compressed replies are refused) and cut off at
  ``max_bytes`` (a larger ``Content-Length`` is refused before reading); one deadline covers the whole fetch.

Use a dedicated ``httpx.AsyncClient`` for fetching references: HTTP/1.1 only (the default), and ``trust_env=False``
with no proxy (a proxy would make its own connection decisions). A client's cookie jar also stores whatever
``Set-Cookie`` a remote sends: this module never sends those cookies, other users of a shared client might.

Memory: decoding is what costs (a 6000×6000 RGBA image is 144 MB of pixels, whatever its file size). Every decode
runs in ``services.infra.decoding``'s few slots per process, the pixel count is capped from the header before any
decoding, the image is decoded once and transformed in place, and references larger than ``STORED_MAX_SIDE`` on a
side are kept scaled down to it (JPEGs decoded at the reduced scale directly, with Pillow's ``draft``).

Errors: ``ReferenceRejected`` (an ``InvalidInput``, so it becomes a ``userErrors`` entry with code ``INVALID``);
``reason`` says why, as a ``RejectReason``.
"""

from __future__ import annotations

import asyncio
import io
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import httpx
from PIL import Image, ImageCms, ImageOps

from models import Upload, User
from services import access
from services.core.errors import InvalidInput, NotFound
from services.core.text import text_problem
from services.generation.capabilities import MAX_REFERENCE_BYTES, REFERENCE_CONTENT_TYPES
from services.infra import decoding
from services.infra.egress import (
    MAX_URL_LENGTH,
    EgressRefused,
    IPAddress,
    Resolver,
    TargetURL,
    parse_target_url,
    pinned_request,
    resolve_host,
    vet_destination,
)
from services.infra.storage import Storage

DEFAULT_MAX_PIXELS = 36_000_000
STORED_MAX_SIDE = 4096
"""References are kept at most this many pixels on a side (scaled down, aspect kept): Seedream's largest output is
4096×4096, and a larger reference gives the model nothing more while costing memory, storage and upload time."""
USER_AGENT = "preset-playground-reference-fetcher/1"


class RejectReason(StrEnum):
    UNSUPPORTED_TYPE = "UNSUPPORTED_TYPE"
    TOO_LARGE = "TOO_LARGE"
    TOO_MANY_PIXELS = "TOO_MANY_PIXELS"
    NOT_AN_IMAGE = "NOT_AN_IMAGE"
    BAD_URL = "BAD_URL"
    BLOCKED_ADDRESS = "BLOCKED_ADDRESS"
    FETCH_FAILED = "FETCH_FAILED"


class ReferenceRejected(EgressRefused):
    """A reference image we will not use; ``reason`` is the machine-readable why."""

    def __init__(self, reason: RejectReason, message: str, field: Sequence[str] | None = None) -> None:
        super().__init__(reason, message, list(field) if field else None)
        self.reason: RejectReason = reason

    @classmethod
    def of(cls, error: EgressRefused, field: Sequence[str] | None = None) -> ReferenceRejected:
        """The egress guard's refusal as a reference's (same reason and message)."""
        return cls(RejectReason(str(error.reason)), error.message, field if field is not None else error.field)


@dataclass(frozen=True, slots=True)
class ImageInfo:
    width: int
    height: int
    content_type: str  # sniffed from the bytes


# Pillow format name per content type we can accept, and how to recognise each from its first bytes.
_FORMATS = {"image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WEBP"}
_OTHER_IMAGE_MAGIC = (
    b"GIF87a",
    b"GIF89a",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
    b"\x00\x00\x01\x00",
    b"8BPS",
    b"\x00\x00\x00\x0cjP",
)


def _sniff(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def _looks_like_other_image(data: bytes) -> bool:
    head = data[:64].lstrip().lower()
    return (
        data.startswith(_OTHER_IMAGE_MAGIC)
        or data[4:8] == b"ftyp"  # HEIF / AVIF
        or head.startswith(b"<svg")
        or (head.startswith(b"<?xml") and b"<svg" in data[:1024].lower())
    )


def _sniffed_type(data: bytes, max_bytes: int) -> str:
    """The real type of ``data`` (one we accept), from its bytes; ``ReferenceRejected`` otherwise."""
    if len(data) > max_bytes:
        raise ReferenceRejected(RejectReason.TOO_LARGE, f"the image is larger than {max_bytes} bytes")
    content_type = _sniff(data)
    if content_type is None:
        if _looks_like_other_image(data):
            raise ReferenceRejected(RejectReason.UNSUPPORTED_TYPE, _supported_types_message())
        raise ReferenceRejected(RejectReason.NOT_AN_IMAGE, "the data is not an image")
    if content_type not in REFERENCE_CONTENT_TYPES:
        raise ReferenceRejected(RejectReason.UNSUPPORTED_TYPE, _supported_types_message())
    return content_type


def _decoded(data: bytes, *, max_bytes: int, max_pixels: int, fit: int | None) -> tuple[Image.Image, str]:
    """``data`` decoded (the caller closes it) and its content type; ``ReferenceRejected`` for anything unusable.

    The pixel count is judged from the header, before anything is decoded. With ``fit``, a JPEG larger than ``fit``
    on a side is decoded at the smallest of Pillow's DCT scales (1/2, 1/4, 1/8) that still covers ``fit``.
    """
    content_type = _sniffed_type(data, max_bytes)
    image: Image.Image | None = None
    try:
        # Image.open reads only the header; the pixel check runs before load() decodes anything.
        image = Image.open(io.BytesIO(data), formats=[_FORMATS[content_type]])
        width, height = image.size
        if width * height > max_pixels:
            raise ReferenceRejected(
                RejectReason.TOO_MANY_PIXELS,
                f"the image has {width}×{height} pixels; at most {max_pixels} pixels are accepted",
            )
        if width < 1 or height < 1:
            raise ReferenceRejected(RejectReason.NOT_AN_IMAGE, "the image has no pixels")
        if fit is not None and content_type == "image/jpeg" and max(width, height) > fit:
            scale = fit / max(width, height)
            image.draft(image.mode, (max(1, round(width * scale)), max(1, round(height * scale))))
        image.load()
    except ReferenceRejected:
        if image is not None:
            image.close()
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        if image is not None:
            image.close()
        raise ReferenceRejected(
            RejectReason.TOO_MANY_PIXELS, f"the image has too many pixels; at most {max_pixels} are accepted"
        ) from None
    except Exception:  # any decoder failure on untrusted bytes means the same thing: not a usable image
        if image is not None:
            image.close()
        raise ReferenceRejected(RejectReason.NOT_AN_IMAGE, "the image is truncated or corrupt") from None
    return image, content_type


def inspect_image(
    data: bytes, *, max_bytes: int = MAX_REFERENCE_BYTES, max_pixels: int = DEFAULT_MAX_PIXELS
) -> ImageInfo:
    """The size and real type of an image we accept as a reference; ``ReferenceRejected`` for anything else.

    Accepts PNG, JPEG and WebP (those of ``REFERENCE_CONTENT_TYPES``) of at most ``max_bytes`` bytes and
    ``max_pixels`` pixels, decoded in full (a truncated file is refused). Pillow's own decompression-bomb limit
    (``DecompressionBombError``, or its warning when warnings are errors) is reported as ``TOO_MANY_PIXELS`` as well.
    CPU-bound: run it through ``services.infra.decoding.run``.
    """
    image, content_type = _decoded(data, max_bytes=max_bytes, max_pixels=max_pixels, fit=None)
    with image:
        width, height = image.size
    return ImageInfo(width=width, height=height, content_type=content_type)


_SAVE_OPTIONS: dict[str, dict[str, Any]] = {
    "image/png": {},
    "image/jpeg": {"quality": 92},
    "image/webp": {"quality": 92},
}
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def sanitize_image(
    data: bytes, *, max_bytes: int = MAX_REFERENCE_BYTES, max_pixels: int = DEFAULT_MAX_PIXELS
) -> tuple[bytes, ImageInfo]:
    """The image decoded once, then encoded again without metadata (see the module's docstring): upright, in sRGB,
    at most ``STORED_MAX_SIDE`` pixels on a side.

    Refuses what ``inspect_image`` refuses. Every step works on the one decoded image in place (a rotation or a
    scale-down replaces its pixels rather than keeping both), so the peak is about one decoded image plus the output.
    CPU-bound: run it through ``services.infra.decoding.run``. Returns the new bytes and their size and type.
    """
    image, content_type = _decoded(data, max_bytes=max_bytes, max_pixels=max_pixels, fit=STORED_MAX_SIDE)
    with image:
        profile = image.info.get("icc_profile")
        ImageOps.exif_transpose(image, in_place=True)
        if max(image.size) > STORED_MAX_SIDE:
            image.thumbnail((STORED_MAX_SIDE, STORED_MAX_SIDE), Image.Resampling.LANCZOS)
        if profile and image.mode in ("RGB", "RGBA", "L", "LA"):
            _to_srgb(image, profile)
        # Only the pixels (and a palette's transparency) survive: Pillow would otherwise carry the ICC profile,
        # the JPEG comment and similar over from `info` into what it writes.
        transparency = image.info.get("transparency")
        image.info = {} if transparency is None else {"transparency": transparency}
        out = io.BytesIO()
        image.save(out, format=_FORMATS[content_type], **_SAVE_OPTIONS[content_type])
        width, height = image.size
    return out.getvalue(), ImageInfo(width=width, height=height, content_type=content_type)


def _to_srgb(image: Image.Image, profile: bytes) -> None:
    """Convert ``image``'s colours from its embedded profile to sRGB, in place; as it is if the profile is unusable."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        ImageCms.profileToProfile(image, source, _SRGB, inPlace=True)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return  # a broken profile: the pixels as they are (the profile is dropped either way)


def _supported_types_message() -> str:
    names = ", ".join(t.removeprefix("image/").upper() for t in REFERENCE_CONTENT_TYPES)
    return f"only {names} images are accepted"


# --- fetching --------------------------------------------------------------------------------------------------

_ACCEPT = ", ".join(REFERENCE_CONTENT_TYPES)


def _pinned_request(target: TargetURL, address: IPAddress, timeout_s: float) -> httpx.Request:
    """A GET for ``target`` that connects to ``address`` while naming the original host to the server."""
    headers = {"Accept": _ACCEPT, "Accept-Encoding": "identity", "User-Agent": USER_AGENT}
    return pinned_request("GET", target, address, headers, timeout_s=timeout_s)


async def _send(
    http: httpx.AsyncClient, target: TargetURL, addresses: list[IPAddress], timeout_s: float
) -> httpx.Response:
    error: httpx.HTTPError | None = None
    for address in addresses:
        try:
            # auth=None: never the client's default auth; a hand-built Request carries none of its headers/cookies.
            return await http.send(
                _pinned_request(target, address, timeout_s), auth=None, follow_redirects=False, stream=True
            )
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            error = exc
        except httpx.HTTPError as exc:
            raise ReferenceRejected(
                RejectReason.FETCH_FAILED, f"fetching the image failed ({type(exc).__name__})"
            ) from None
    raise ReferenceRejected(RejectReason.FETCH_FAILED, f"could not connect to {target.host} ({type(error).__name__})")


async def _read_body(response: httpx.Response, max_bytes: int) -> bytes:
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        raise ReferenceRejected(RejectReason.FETCH_FAILED, "compressed responses are not accepted")
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise ReferenceRejected(RejectReason.TOO_LARGE, f"the image is larger than {max_bytes} bytes")
    if response.is_stream_consumed:  # built in memory (a MockTransport, say): there is nothing left to stream
        if len(response.content) > max_bytes:
            raise ReferenceRejected(RejectReason.TOO_LARGE, f"the image is larger than {max_bytes} bytes")
        return response.content
    body = bytearray()
    try:
        async for chunk in response.aiter_raw():
            body += chunk
            if len(body) > max_bytes:
                raise ReferenceRejected(RejectReason.TOO_LARGE, f"the image is larger than {max_bytes} bytes")
    except httpx.HTTPError as exc:
        raise ReferenceRejected(RejectReason.FETCH_FAILED, f"reading the image failed ({type(exc).__name__})") from None
    return bytes(body)


async def _download(
    http: httpx.AsyncClient,
    url: str,
    *,
    allow_private: bool,
    max_bytes: int,
    timeout_s: float,
    max_redirects: int,
    resolver: Resolver,
) -> bytes:
    target = parse_target_url(url)
    for _ in range(max_redirects + 1):
        addresses = await vet_destination(target, resolver=resolver, allow_private=allow_private)
        response = await _send(http, target, addresses, timeout_s)
        try:
            if response.is_redirect:
                try:
                    next_url = target.url.join(response.headers["Location"])
                except (httpx.InvalidURL, ValueError):
                    raise ReferenceRejected(RejectReason.BAD_URL, "the server redirected to an invalid URL") from None
                target = parse_target_url(next_url)
                continue
            if response.status_code != httpx.codes.OK:
                raise ReferenceRejected(
                    RejectReason.FETCH_FAILED, f"the server answered {response.status_code} {response.reason_phrase}"
                )
            return await _read_body(response, max_bytes)
        finally:
            await response.aclose()
    raise ReferenceRejected(RejectReason.FETCH_FAILED, f"more than {max_redirects} redirects")


async def download_reference(
    http: httpx.AsyncClient,
    url: str,
    *,
    allow_private: bool = False,
    max_bytes: int = MAX_REFERENCE_BYTES,
    timeout_s: float = 10.0,
    max_redirects: int = 3,
    resolver: Resolver | None = None,
) -> bytes:
    """The bytes at a user-supplied URL, downloaded under the guards of this module (not yet looked at as an image).

    ``resolver`` maps a host name to its addresses (default: the system resolver, off the event loop).
    Raises ``ReferenceRejected``: ``BAD_URL``, ``BLOCKED_ADDRESS``, ``FETCH_FAILED`` (unreachable, non-200,
    redirect limit, timeout), ``TOO_LARGE``.
    """
    try:
        async with asyncio.timeout(timeout_s):
            return await _download(
                http,
                url,
                allow_private=allow_private,
                max_bytes=max_bytes,
                timeout_s=timeout_s,
                max_redirects=max_redirects,
                resolver=resolver or resolve_host,
            )
    except TimeoutError:
        raise ReferenceRejected(
            RejectReason.FETCH_FAILED, f"fetching the image took longer than {timeout_s:g} s"
        ) from None
    except ReferenceRejected:
        raise
    except EgressRefused as error:  # the shared guard's refusal, told in this module's terms
        raise ReferenceRejected.of(error) from None


async def fetch_reference(
    http: httpx.AsyncClient,
    url: str,
    *,
    allow_private: bool = False,
    max_bytes: int = MAX_REFERENCE_BYTES,
    timeout_s: float = 10.0,
    max_redirects: int = 3,
    resolver: Resolver | None = None,
) -> tuple[bytes, ImageInfo]:
    """``download_reference``, then the bytes inspected as an image (``inspect_image``'s refusals as well)."""
    data = await download_reference(
        http,
        url,
        allow_private=allow_private,
        max_bytes=max_bytes,
        timeout_s=timeout_s,
        max_redirects=max_redirects,
        resolver=resolver,
    )
    info = await decoding.run(inspect_image, data, max_bytes=max_bytes)
    return data, info


# --- keeping references --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReferenceSpec:
    """One reference image of a generate request: an earlier upload (``upload_id``) or a URL we fetch (``url``)."""

    upload_id: str | None = None
    url: str | None = None


def check_reference_spec(spec: ReferenceSpec, index: int) -> None:
    """One reference of a request, checked without the network: exactly one of upload and URL, and a URL within the
    text policy and of an acceptable shape (``parse_target_url``)."""
    path = ["input", "references", str(index)]
    if (spec.upload_id is None) == (spec.url is None):
        raise InvalidInput("a reference needs exactly one of uploadId or url", path)
    if spec.url is not None:
        problem = text_problem(spec.url, [*path, "url"], max_length=MAX_URL_LENGTH)
        if problem is not None:
            raise problem
        try:
            parse_target_url(spec.url)
        except EgressRefused as error:
            raise ReferenceRejected.of(error, [*path, "url"]) from None


def check_reference_specs(specs: Sequence[ReferenceSpec]) -> None:
    """Every reference of a request, checked in order (``check_reference_spec``)."""
    for index, spec in enumerate(specs):
        check_reference_spec(spec, index)


async def store_reference(user: User, data: bytes, storage: Storage, *, source_url: str | None = None) -> Upload:
    """Validate image bytes (type, size, pixels) and keep them, without their metadata, as the user's reference."""
    clean, info = await decoding.run(sanitize_image, data)
    return await _keep(user, clean, info, storage, source_url=source_url)


async def _keep(user: User, clean: bytes, info: ImageInfo, storage: Storage, *, source_url: str | None) -> Upload:
    stored = await storage.put(clean, info.content_type, prefix="references")
    return await Upload.create(
        id=uuid.uuid4(),
        owner_id=user.id,
        storage_key=stored.key,
        url=stored.url,
        source_url=source_url,
        width=info.width,
        height=info.height,
        content_type=info.content_type,
        size_bytes=stored.size_bytes,
    )


async def store_upload(user: User, data: bytes, storage: Storage) -> Upload:
    """An uploaded file kept as a reference image (``data`` may be read one byte past the cap to detect it)."""
    if len(data) > MAX_REFERENCE_BYTES:
        raise InvalidInput(f"images are at most {MAX_REFERENCE_BYTES} bytes", ["file"])
    return await store_reference(user, data, storage)


async def _own_upload(user: User, upload_id: str, index: int) -> Upload:
    upload = await access.find_viewable(Upload, user.id, upload_id)
    if upload is None:  # missing, made up, or someone else's: the three read the same
        raise NotFound("uploaded image not found", ["input", "references", str(index), "upload_id"])
    return upload


async def check_uploads(user: User, specs: Sequence[ReferenceSpec]) -> None:
    """Every ``upload_id`` of ``specs`` names an upload the user may use (``NotFound`` naming the first that does
    not): what ``resolve_references`` checks, without fetching any URL or keeping anything (for ``quote``)."""
    for index, spec in enumerate(specs):
        if spec.upload_id is not None:
            await _own_upload(user, spec.upload_id, index)


async def resolve_references(
    user: User,
    specs: list[ReferenceSpec],
    *,
    storage: Storage,
    http: httpx.AsyncClient,
    allow_private: bool,
) -> list[Upload]:
    """The reference images of a request: the user's own uploads, and URLs fetched and kept.

    Every reference is checked (uploads found, URLs fetched and inspected) before any is kept, so a bad one later in
    the list leaves nothing behind.
    """
    check_reference_specs(specs)
    found: list[Upload | None] = []
    fetched: dict[int, tuple[bytes, ImageInfo]] = {}
    for index, spec in enumerate(specs):
        path = ["input", "references", str(index)]
        if spec.upload_id is not None:
            found.append(await _own_upload(user, spec.upload_id, index))
        else:
            assert spec.url is not None
            try:
                data = await download_reference(http, spec.url, allow_private=allow_private)
                fetched[index] = await decoding.run(sanitize_image, data)  # decoded once: checked and cleaned
            except ReferenceRejected as error:
                raise ReferenceRejected(error.reason, error.message, [*path, "url"]) from error
            found.append(None)
    resolved: list[Upload] = []
    for index, (spec, upload) in enumerate(zip(specs, found, strict=True)):
        resolved.append(
            upload if upload is not None else await _keep(user, *fetched[index], storage, source_url=spec.url)
        )
    return resolved
