"""Reference images: accepting bytes a user uploaded, or a URL we fetch ourselves, and keeping them.

Everything we accept goes through ``inspect_image``: the type is sniffed from the bytes (never taken from the
client or the remote server), the pixel count is read from the header and capped before anything is decoded, and
the image is then fully decoded once so truncated or corrupt files are refused here rather than by the provider.
``inspect_image`` is CPU-bound: call it through ``asyncio.to_thread`` from async code (``fetch_reference`` does).
What we keep is never the bytes we were sent: ``sanitize_image`` decodes them and encodes the pixels again in the
same format, upright (the EXIF orientation applied) and without any metadata: no EXIF (GPS position, camera serial),
XMP, comments, PNG text chunks or ICC profile (its colours converted to sRGB first), and nothing appended after the
image (an HTML or script payload of a polyglot file).

``fetch_reference`` downloads a URL a user gave us, which makes it a server-side request forgery target. Guards:

- only ``http`` and ``https``; no userinfo (``http://a@b/``); the host must be a plain DNS name or a canonical IP
  literal: numeric spellings that resolvers interpret (``2130706433``, ``0x7f.1``, ``127.1``) are refused;
- the host is resolved once, by us, and refused if *any* address is not globally routable (loopback, private,
  link-local including cloud metadata, carrier-grade NAT, multicast, reserved, unspecified, documentation ranges,
  and IPv6 outside global unicast; IPv4-mapped and 6to4 addresses are judged by the IPv4 address they embed);
- the request then goes to the vetted IP literal itself, with the original ``Host`` header and, for https, the
  ``sni_hostname`` extension (httpcore uses it for SNI *and* certificate verification), so a DNS answer that
  changes between our check and the connection (DNS rebinding) cannot redirect us;
- redirects are followed by hand, each hop parsed, resolved and vetted again, at most ``max_redirects``;
- the request is built from scratch: none of the client's default headers, cookies or auth are sent; the body is
  streamed uncompressed (``Accept-Encoding: identity``; compressed replies are refused) and cut off at
  ``max_bytes`` (a larger ``Content-Length`` is refused before reading); one deadline covers the whole fetch.

``allow_private=True`` lifts the address check (development against local servers, tests); nothing else.

Use a dedicated ``httpx.AsyncClient`` for fetching references: HTTP/1.1 only (the default; requests carry
``Connection: close`` so a connection opened for one host name is never reused for another on the same IP), and
``trust_env=False`` with no proxy (a proxy would make its own connection decisions). A client's cookie jar also
stores whatever ``Set-Cookie`` a remote sends: this module never sends those cookies, other users of a shared client
might.

Errors: ``ReferenceRejected`` (an ``InvalidInput``, so it becomes a ``userErrors`` entry with code ``INVALID``);
``reason`` says why, as a ``RejectReason``.
"""

from __future__ import annotations

import asyncio
import io
import ipaddress
import re
import socket
import uuid
from collections.abc import Awaitable, Callable, Sequence
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
from services.infra.storage import Storage

DEFAULT_MAX_PIXELS = 36_000_000
USER_AGENT = "preset-playground-reference-fetcher/1"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str], Awaitable[list[str]]]


class RejectReason(StrEnum):
    UNSUPPORTED_TYPE = "UNSUPPORTED_TYPE"
    TOO_LARGE = "TOO_LARGE"
    TOO_MANY_PIXELS = "TOO_MANY_PIXELS"
    NOT_AN_IMAGE = "NOT_AN_IMAGE"
    BAD_URL = "BAD_URL"
    BLOCKED_ADDRESS = "BLOCKED_ADDRESS"
    FETCH_FAILED = "FETCH_FAILED"


class ReferenceRejected(InvalidInput):
    """A reference image we will not use; ``reason`` is the machine-readable why."""

    def __init__(self, reason: RejectReason, message: str, field: Sequence[str] | None = None) -> None:
        super().__init__(message, field)
        self.reason = reason
        self.detail = reason.value


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


def inspect_image(
    data: bytes, *, max_bytes: int = MAX_REFERENCE_BYTES, max_pixels: int = DEFAULT_MAX_PIXELS
) -> ImageInfo:
    """The size and real type of an image we accept as a reference; ``ReferenceRejected`` for anything else.

    Accepts PNG, JPEG and WebP (those of ``REFERENCE_CONTENT_TYPES``) of at most ``max_bytes`` bytes and
    ``max_pixels`` pixels. Pillow's own decompression-bomb limit (``DecompressionBombError``, or its warning when
    warnings are errors) is reported as ``TOO_MANY_PIXELS`` as well.
    """
    if len(data) > max_bytes:
        raise ReferenceRejected(RejectReason.TOO_LARGE, f"the image is larger than {max_bytes} bytes")
    content_type = _sniff(data)
    if content_type is None:
        if _looks_like_other_image(data):
            raise ReferenceRejected(RejectReason.UNSUPPORTED_TYPE, _supported_types_message())
        raise ReferenceRejected(RejectReason.NOT_AN_IMAGE, "the data is not an image")
    if content_type not in REFERENCE_CONTENT_TYPES:
        raise ReferenceRejected(RejectReason.UNSUPPORTED_TYPE, _supported_types_message())
    try:
        # Image.open reads only the header; the pixel check runs before load() decodes anything.
        with Image.open(io.BytesIO(data), formats=[_FORMATS[content_type]]) as image:
            width, height = image.size
            if width * height > max_pixels:
                raise ReferenceRejected(
                    RejectReason.TOO_MANY_PIXELS,
                    f"the image has {width}×{height} pixels; at most {max_pixels} pixels are accepted",
                )
            image.load()
    except ReferenceRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ReferenceRejected(
            RejectReason.TOO_MANY_PIXELS, f"the image has too many pixels; at most {max_pixels} are accepted"
        ) from None
    except Exception:  # any decoder failure on untrusted bytes means the same thing: not a usable image
        raise ReferenceRejected(RejectReason.NOT_AN_IMAGE, "the image is truncated or corrupt") from None
    if width < 1 or height < 1:
        raise ReferenceRejected(RejectReason.NOT_AN_IMAGE, "the image has no pixels")
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
    """``inspect_image``, then the image encoded again without metadata (see the module's docstring).

    CPU-bound, like ``inspect_image``. Returns the new bytes and their size and type (the width and height are those
    of the upright image).
    """
    info = inspect_image(data, max_bytes=max_bytes, max_pixels=max_pixels)
    with Image.open(io.BytesIO(data), formats=[_FORMATS[info.content_type]]) as image:
        upright = ImageOps.exif_transpose(image)
        profile = image.info.get("icc_profile")
        if profile and upright.mode in ("RGB", "RGBA", "L", "LA"):
            upright = _to_srgb(upright, profile)
        # Only the pixels (and a palette's transparency) survive: Pillow would otherwise carry the ICC profile,
        # the JPEG comment and similar over from `info` into what it writes.
        clean = upright.copy()
        transparency = upright.info.get("transparency")
        clean.info = {} if transparency is None else {"transparency": transparency}
        out = io.BytesIO()
        clean.save(out, format=_FORMATS[info.content_type], **_SAVE_OPTIONS[info.content_type])
    width, height = clean.size
    return out.getvalue(), ImageInfo(width=width, height=height, content_type=info.content_type)


def _to_srgb(image: Image.Image, profile: bytes) -> Image.Image:
    """``image`` with its colours converted from its embedded profile to sRGB; as it is if the profile is unusable."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        converted = ImageCms.profileToProfile(image, source, _SRGB)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # a broken profile: the pixels as they are (the profile is dropped either way)
    return converted if converted is not None else image


def _supported_types_message() -> str:
    names = ", ".join(t.removeprefix("image/").upper() for t in REFERENCE_CONTENT_TYPES)
    return f"only {names} images are accepted"


# --- addresses -------------------------------------------------------------------------------------------------

_IPV6_GLOBAL_UNICAST = ipaddress.IPv6Network("2000::/3")
_IPV6_6TO4 = ipaddress.IPv6Network("2002::/16")
_IPV6_TEREDO = ipaddress.IPv6Network("2001::/32")
_IPV4_SHARED = ipaddress.IPv4Network("100.64.0.0/10")  # carrier-grade NAT; some clouds' metadata lives here


def is_blocked_address(address: IPAddress) -> bool:
    """True unless ``address`` is a globally routable unicast address we may connect to for a user."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return is_blocked_address(address.ipv4_mapped)
        if address in _IPV6_6TO4:
            return address.sixtofour is None or is_blocked_address(address.sixtofour)
        if address not in _IPV6_GLOBAL_UNICAST or address in _IPV6_TEREDO or address.is_site_local:
            return True
    elif address in _IPV4_SHARED:
        return True
    return (
        not address.is_global
        or address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


async def resolve_host(host: str) -> list[str]:
    """Every address ``host`` resolves to, without blocking the event loop (``loop.getaddrinfo``)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


# --- URLs ------------------------------------------------------------------------------------------------------

_HOSTNAME_RE = re.compile(r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?")
MAX_URL_LENGTH = 2048  # Upload.source_url
MAX_HOST_LENGTH = 253  # DNS: a name is at most 253 characters in text form, each label 1-63
MAX_LABEL_LENGTH = 63
_NUMERIC_LABEL_RE = re.compile(r"[0-9]+|0x[0-9a-f]*")


@dataclass(frozen=True, slots=True)
class ReferenceURL:
    """A URL we are willing to try: http(s), no userinfo, a plain host name or a canonical IP literal."""

    url: httpx.URL  # as the user wrote it (fragment dropped)
    host: str  # ASCII (IDNA) host name, or the IP literal without brackets
    port: int
    ip: IPAddress | None  # set when the URL names an IP literal


def parse_reference_url(url: str | httpx.URL) -> ReferenceURL:
    """Check the shape of a reference URL (no network); ``ReferenceRejected(BAD_URL)`` when it is unacceptable."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise ReferenceRejected(RejectReason.BAD_URL, "the URL is not valid") from None
    if parsed.scheme not in ("http", "https"):
        raise ReferenceRejected(RejectReason.BAD_URL, "only http and https URLs are accepted")
    if parsed.userinfo:
        raise ReferenceRejected(RejectReason.BAD_URL, "URLs with a user name or password are not accepted")
    host = parsed.raw_host.decode("ascii").lower()
    if not host:
        raise ReferenceRejected(RejectReason.BAD_URL, "the URL has no host")
    ip: IPAddress | None
    if ":" in host:
        try:
            ip = ipaddress.IPv6Address(host)
        except ValueError:
            raise ReferenceRejected(RejectReason.BAD_URL, "the URL's IPv6 address is not valid") from None
        if ip.scope_id:
            raise ReferenceRejected(RejectReason.BAD_URL, "IPv6 zone identifiers are not accepted")
    else:
        if not _HOSTNAME_RE.fullmatch(host):
            raise ReferenceRejected(RejectReason.BAD_URL, "the URL's host name is not valid")
        host = host.rstrip(".")
        _check_dns_name(host)
        ip = None
        # As in the WHATWG URL standard: a host whose last label is a number is an IPv4 address. Only the
        # canonical dotted quad is accepted; resolvers read 2130706433, 0x7f.1 or 127.1 as 127.0.0.1.
        if _NUMERIC_LABEL_RE.fullmatch(host.rsplit(".", 1)[-1]):
            try:
                ip = ipaddress.IPv4Address(host)
            except ValueError:
                raise ReferenceRejected(
                    RejectReason.BAD_URL, "IP addresses must be written as four decimal numbers"
                ) from None
            host = str(ip)
    if parsed.port is not None and not 1 <= parsed.port <= 65535:
        raise ReferenceRejected(RejectReason.BAD_URL, "the URL's port must be between 1 and 65535")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    return ReferenceURL(url=parsed.copy_with(fragment=None), host=host, port=port, ip=ip)


def _check_dns_name(host: str) -> None:
    """A host name the resolver can take: lengths within DNS limits, no label starting or ending with a hyphen, and
    IDNA labels (``xn--``) that decode. (Past these, the resolver's IDNA codec would raise instead of answering.)"""
    labels = host.split(".")
    if len(host) > MAX_HOST_LENGTH or any(len(label) > MAX_LABEL_LENGTH for label in labels):
        raise ReferenceRejected(
            RejectReason.BAD_URL,
            f"the URL's host name is too long (at most {MAX_HOST_LENGTH} characters, {MAX_LABEL_LENGTH} per label)",
        )
    for label in labels:
        if label.startswith("-") or label.endswith("-"):
            raise ReferenceRejected(RejectReason.BAD_URL, "the URL's host name is not valid")
        if label.startswith("xn--"):
            try:
                label.encode("ascii").decode("idna")
            except UnicodeError:
                raise ReferenceRejected(RejectReason.BAD_URL, "the URL's host name is not valid IDNA") from None


async def vet_destination(target: ReferenceURL, *, resolver: Resolver, allow_private: bool = False) -> list[IPAddress]:
    """The addresses we may connect to for ``target``; ``BLOCKED_ADDRESS`` if any address it names is not public."""
    if target.ip is not None:
        addresses: list[IPAddress] = [target.ip]
    else:
        if not allow_private and (target.host == "localhost" or target.host.endswith(".localhost")):
            raise ReferenceRejected(RejectReason.BLOCKED_ADDRESS, "the URL points to a local address")
        try:
            resolved = await resolver(target.host)
        except UnicodeError:
            # The resolver's IDNA codec refused the name (parse_reference_url checks what it knows of first).
            raise ReferenceRejected(RejectReason.BAD_URL, "the URL's host name is not valid") from None
        except OSError:
            raise ReferenceRejected(RejectReason.FETCH_FAILED, f"could not resolve {target.host}") from None
        try:
            addresses = [ipaddress.ip_address(a.split("%", 1)[0]) for a in resolved]  # no IPv6 zone ids
        except ValueError:
            raise ReferenceRejected(RejectReason.FETCH_FAILED, f"could not resolve {target.host}") from None
        if not addresses:
            raise ReferenceRejected(RejectReason.FETCH_FAILED, f"could not resolve {target.host}")
    if not allow_private and any(is_blocked_address(a) for a in addresses):
        raise ReferenceRejected(RejectReason.BLOCKED_ADDRESS, "the URL points to a private or reserved address")
    return addresses


# --- fetching --------------------------------------------------------------------------------------------------

_ACCEPT = ", ".join(REFERENCE_CONTENT_TYPES)


def _pinned_request(target: ReferenceURL, address: IPAddress, timeout_s: float) -> httpx.Request:
    """A GET for ``target`` that connects to ``address`` while naming the original host to the server."""
    extensions: dict[str, Any] = {"timeout": httpx.Timeout(timeout_s).as_dict()}
    if target.url.scheme == "https" and target.ip is None:
        extensions["sni_hostname"] = target.host  # SNI and certificate verification use the name, not the IP
    headers = {
        "Host": target.url.netloc.decode("ascii"),
        "Accept": _ACCEPT,
        "Accept-Encoding": "identity",
        "User-Agent": USER_AGENT,
        # No keep-alive: a pooled connection is keyed by IP, and must not serve another host name later.
        "Connection": "close",
    }
    return httpx.Request("GET", target.url.copy_with(host=str(address)), headers=headers, extensions=extensions)


async def _send(
    http: httpx.AsyncClient, target: ReferenceURL, addresses: list[IPAddress], timeout_s: float
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
    target = parse_reference_url(url)
    for _ in range(max_redirects + 1):
        addresses = await vet_destination(target, resolver=resolver, allow_private=allow_private)
        response = await _send(http, target, addresses, timeout_s)
        try:
            if response.is_redirect:
                try:
                    next_url = target.url.join(response.headers["Location"])
                except (httpx.InvalidURL, ValueError):
                    raise ReferenceRejected(RejectReason.BAD_URL, "the server redirected to an invalid URL") from None
                target = parse_reference_url(next_url)
                continue
            if response.status_code != httpx.codes.OK:
                raise ReferenceRejected(
                    RejectReason.FETCH_FAILED, f"the server answered {response.status_code} {response.reason_phrase}"
                )
            return await _read_body(response, max_bytes)
        finally:
            await response.aclose()
    raise ReferenceRejected(RejectReason.FETCH_FAILED, f"more than {max_redirects} redirects")


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
    """Download a user-supplied image URL under the SSRF guards of this module and inspect the result.

    ``resolver`` maps a host name to its addresses (default: the system resolver, off the event loop).
    Raises ``ReferenceRejected``: ``BAD_URL``, ``BLOCKED_ADDRESS``, ``FETCH_FAILED`` (unreachable, non-200,
    redirect limit, timeout), ``TOO_LARGE``, or whatever ``inspect_image`` refuses.
    """
    try:
        async with asyncio.timeout(timeout_s):
            data = await _download(
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
    info = await asyncio.to_thread(inspect_image, data, max_bytes=max_bytes)
    return data, info


# --- keeping references --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReferenceSpec:
    """One reference image of a generate request: an earlier upload (``upload_id``) or a URL we fetch (``url``)."""

    upload_id: str | None = None
    url: str | None = None


def check_reference_spec(spec: ReferenceSpec, index: int) -> None:
    """One reference of a request, checked without the network: exactly one of upload and URL, and a URL within the
    text policy and of an acceptable shape (``parse_reference_url``)."""
    path = ["input", "references", str(index)]
    if (spec.upload_id is None) == (spec.url is None):
        raise InvalidInput("a reference needs exactly one of uploadId or url", path)
    if spec.url is not None:
        problem = text_problem(spec.url, [*path, "url"], max_length=MAX_URL_LENGTH)
        if problem is not None:
            raise problem
        try:
            parse_reference_url(spec.url)
        except ReferenceRejected as error:
            raise ReferenceRejected(error.reason, error.message, [*path, "url"]) from None


def check_reference_specs(specs: Sequence[ReferenceSpec]) -> None:
    """Every reference of a request, checked in order (``check_reference_spec``)."""
    for index, spec in enumerate(specs):
        check_reference_spec(spec, index)


async def store_reference(user: User, data: bytes, storage: Storage, *, source_url: str | None = None) -> Upload:
    """Validate image bytes (type, size, pixels) and keep them, without their metadata, as the user's reference."""
    clean, info = await asyncio.to_thread(sanitize_image, data)
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
    fetched: dict[int, bytes] = {}
    for index, spec in enumerate(specs):
        path = ["input", "references", str(index)]
        if spec.upload_id is not None:
            found.append(await _own_upload(user, spec.upload_id, index))
        else:
            assert spec.url is not None
            try:
                fetched[index], _ = await fetch_reference(http, spec.url, allow_private=allow_private)
            except InvalidInput as error:
                raise InvalidInput(error.message, [*path, "url"]) from error
            found.append(None)
    resolved: list[Upload] = []
    for index, (spec, upload) in enumerate(zip(specs, found, strict=True)):
        resolved.append(
            upload if upload is not None else await store_reference(user, fetched[index], storage, source_url=spec.url)
        )
    return resolved
