"""Reference images: what inspect_image accepts, fetch_reference's SSRF guards against a real loopback server, and
resolve_references keeping a request's references all or nothing.

Two network set-ups:
- the real loopback server with a plain client: ``allow_private=True`` fetches from it; the default policy must refuse
  it before any request arrives;
- a "public internet" transport: host names resolve (through an injected resolver) to public-looking addresses that
  the transport forwards to the loopback server, so the default policy can be exercised end to end: pinning to the
  vetted IP, redirects to blocked addresses, DNS rebinding.
"""

from __future__ import annotations

import asyncio
import gzip
import io
import ipaddress
import ssl
import struct
import time
import uuid
import warnings
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from PIL import Image
from starlette.applications import Starlette

from models import Upload
from services import users
from services.core.config import Settings
from services.core.errors import InvalidInput
from services.generation.references import (
    ImageInfo,
    ReferenceRejected,
    ReferenceSpec,
    RejectReason,
    fetch_reference,
    inspect_image,
    resolve_references,
)
from services.infra.egress import EgressRefused, is_blocked_address, parse_target_url, resolve_host, vet_destination

PUBLIC_IP = "93.184.215.14"
OTHER_PUBLIC_IP = "93.184.215.15"
PUBLIC_NAME = "images.example.test"


def encode(fmt: str, size: tuple[int, int] = (64, 48), mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, (200, 30, 90)).save(buffer, fmt)
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width``×``height`` pixels, with (almost) no pixel data behind it."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00")) + chunk(b"IEND", b"")


PNG = encode("PNG")


def rejected(excinfo: pytest.ExceptionInfo[EgressRefused]) -> str:
    return str(excinfo.value.reason)


# --- inspect_image ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "content_type"), [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("WEBP", "image/webp")]
)
def test_inspect_accepts_png_jpeg_webp_with_real_size_and_type(fmt: str, content_type: str) -> None:
    assert inspect_image(encode(fmt, (123, 45))) == ImageInfo(width=123, height=45, content_type=content_type)


def test_inspect_accepts_png_with_alpha() -> None:
    assert inspect_image(encode("PNG", (3, 5), "RGBA")) == ImageInfo(3, 5, "image/png")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (encode("GIF"), RejectReason.UNSUPPORTED_TYPE),
        (encode("BMP"), RejectReason.UNSUPPORTED_TYPE),
        (encode("TIFF"), RejectReason.UNSUPPORTED_TYPE),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', RejectReason.UNSUPPORTED_TYPE),
        (b"hello, this is text", RejectReason.NOT_AN_IMAGE),
        (b"", RejectReason.NOT_AN_IMAGE),
        (b"<html><body>not an image</body></html>", RejectReason.NOT_AN_IMAGE),
        (PNG[:8] + b"garbage after a PNG signature", RejectReason.NOT_AN_IMAGE),
        (PNG[: len(PNG) // 2], RejectReason.NOT_AN_IMAGE),
        (encode("JPEG", (256, 256))[:400], RejectReason.NOT_AN_IMAGE),
        (encode("WEBP", (256, 256))[:40], RejectReason.NOT_AN_IMAGE),
    ],
    ids=["gif", "bmp", "tiff", "svg", "text", "empty", "html", "png-garbage", "png-cut", "jpeg-cut", "webp-cut"],
)
def test_inspect_refuses_other_types_and_broken_data(data: bytes, reason: RejectReason) -> None:
    with pytest.raises(EgressRefused) as excinfo:
        inspect_image(data)
    assert rejected(excinfo) == reason


def test_inspect_refuses_too_many_bytes() -> None:
    with pytest.raises(EgressRefused) as excinfo:
        inspect_image(PNG, max_bytes=len(PNG) - 1)
    assert rejected(excinfo) == RejectReason.TOO_LARGE
    assert inspect_image(PNG, max_bytes=len(PNG)).width == 64


@pytest.mark.parametrize(
    ("width", "height"),
    [
        (7000, 7000),  # 49 Mpx: over our 36 Mpx cap, under Pillow's warning threshold
        (10_000, 10_000),  # 100 Mpx: Pillow's DecompressionBombWarning (an error under this suite's filters)
        (100_000, 100_000),  # Pillow's DecompressionBombError
    ],
)
def test_inspect_refuses_headers_claiming_too_many_pixels(width: int, height: int) -> None:
    bomb = png_claiming(width, height)
    assert len(bomb) < 100

    with pytest.raises(EgressRefused) as excinfo:
        inspect_image(bomb)
    assert rejected(excinfo) == RejectReason.TOO_MANY_PIXELS


def test_pixel_cap_holds_when_pillow_only_warns() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with pytest.raises(EgressRefused) as excinfo:
            inspect_image(png_claiming(10_000, 10_000))
    assert rejected(excinfo) == RejectReason.TOO_MANY_PIXELS


def test_inspect_respects_max_pixels() -> None:
    with pytest.raises(EgressRefused) as excinfo:
        inspect_image(PNG, max_pixels=64 * 48 - 1)
    assert rejected(excinfo) == RejectReason.TOO_MANY_PIXELS
    assert inspect_image(PNG, max_pixels=64 * 48).height == 48


def test_header_within_limits_but_no_pixel_data_is_not_an_image() -> None:
    with pytest.raises(EgressRefused) as excinfo:
        inspect_image(png_claiming(100, 100))
    assert rejected(excinfo) == RejectReason.NOT_AN_IMAGE


def test_reference_rejected_is_a_user_facing_invalid_input() -> None:
    error = ReferenceRejected(RejectReason.TOO_LARGE, "too big", ["input", "references", "0"])
    assert isinstance(error, InvalidInput)
    assert error.code == "INVALID"
    assert error.field == ["input", "references", "0"]
    assert error.detail == "TOO_LARGE"


# --- addresses and URL shapes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.255.255.254",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.100.100.200",  # carrier-grade NAT range (Alibaba metadata)
        "0.0.0.0",  # noqa: S104 - an address under test, not a bind
        "0.1.2.3",
        "224.0.0.1",
        "239.255.255.250",
        "240.0.0.1",
        "255.255.255.255",
        "192.0.2.1",
        "198.18.0.1",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "fec0::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "::127.0.0.1",  # IPv4-compatible (deprecated)
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "2002:a9fe:a9fe::1",  # 6to4 of 169.254.169.254
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "2001:db8::1",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
    ],
)
def test_blocked_address_classes(address: str) -> None:
    assert is_blocked_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "address", ["8.8.8.8", PUBLIC_IP, "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "2002:808:808::1"]
)
def test_public_addresses_pass(address: str) -> None:
    assert not is_blocked_address(ipaddress.ip_address(address))


def test_url_parsing_keeps_host_and_port() -> None:
    parsed = parse_target_url("HTTPS://Images.Example.TEST:8443/a/b.png?x=1#frag")
    assert (parsed.host, parsed.port, parsed.ip) == ("images.example.test", 8443, None)
    assert str(parsed.url) == "https://images.example.test:8443/a/b.png?x=1"
    assert parse_target_url("http://bücher.example/x.png").host == "xn--bcher-kva.example"
    assert parse_target_url("http://127.0.0.1./").ip == ipaddress.IPv4Address("127.0.0.1")
    assert parse_target_url("https://[2606:4700::1]/").port == 443


BAD_URLS = [
    "file:///etc/passwd",
    "ftp://images.example.test/a.png",
    "gopher://images.example.test:70/_x",
    "data:image/png;base64,iVBORw0KGgo=",
    "javascript:alert(1)",
    "dict://images.example.test:11211/stat",
    "http://a@b/",
    "http://user:secret@images.example.test/a.png",
    "http://evil.test\\@127.0.0.1/",
    "http://2130706433/",
    "http://0x7f.1/",
    "http://0x7f000001/",
    "http://017700000001/",
    "http://0177.0.0.1/",
    "http://127.1/",
    "http://127.0.0.01/",
    "http://1.2.3.4.5/",
    "http://%31%32%37.0.0.1/",
    "http://[fe80::1%25eth0]/",
    "http:///a.png",
    "not a url",
    "",
    # Host names no resolver takes: these reached the system resolver, whose IDNA codec raised (a 500).
    "http://exa mple.com/",
    "http://[::1",
    "http://a..b/",
    "http://" + "a" * 64 + ".example.test/",
    "http://" + "abcdefghi." * 26 + "test/",  # 264 characters
    "http://xn--a.example.test/",
    "http://xn--zz.example.test/",
    "http://-images.example.test/",
    "http://images-.example.test/",
    "http://images.example.test:99999/a.png",
    "http://images.example.test:0/a.png",
]

BLOCKED_URLS = [
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://0.0.0.0/",
    "http://localhost/",
    "http://LOCALHOST./a.png",
    "http://api.localhost/",
    "http://127.0.0.1:8080/",
    "http://10.0.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[2002:7f00:1::]/",
    "http://100.100.100.200/",
    "https://192.168.1.1/",
]


class NoNetwork(httpx.AsyncBaseTransport):
    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"no request may be sent, got {request.url}")


async def refusing_resolver(host: str) -> list[str]:
    raise AssertionError(f"no name may be resolved, got {host}")


@pytest.mark.parametrize(("url", "reason"), [(u, RejectReason.BAD_URL) for u in BAD_URLS])
@pytest.mark.parametrize("allow_private", [False, True])
async def test_bad_urls_are_refused_before_any_network(url: str, reason: RejectReason, allow_private: bool) -> None:
    async with httpx.AsyncClient(transport=NoNetwork()) as http:
        with pytest.raises(EgressRefused) as excinfo:
            await fetch_reference(http, url, allow_private=allow_private, resolver=refusing_resolver)
    assert rejected(excinfo) == reason


@pytest.mark.parametrize("url", BLOCKED_URLS)
async def test_local_and_private_addresses_are_refused_before_any_network(url: str) -> None:
    async with httpx.AsyncClient(transport=NoNetwork()) as http:
        with pytest.raises(EgressRefused) as excinfo:
            await fetch_reference(http, url, resolver=refusing_resolver)
    assert rejected(excinfo) == RejectReason.BLOCKED_ADDRESS


@pytest.mark.parametrize(
    "host",
    ["a" * 63 + ".example.test", ("abcdefghi." * 24 + "example")[:253], "xn--bcher-kva.example", "a-b_c.example"],
)
async def test_host_names_at_the_limits_are_resolved(host: str) -> None:
    asked: list[str] = []

    async def resolver(name: str) -> list[str]:
        asked.append(name)
        return [PUBLIC_IP]

    target = parse_target_url(f"http://{host}/a.png")
    assert await vet_destination(target, resolver=resolver) == [ipaddress.ip_address(PUBLIC_IP)]
    assert asked == [host]


async def test_a_resolver_refusing_the_name_is_a_bad_url_not_a_crash() -> None:
    async def idna_refusing(host: str) -> list[str]:
        return [host.encode("idna").decode()]  # raises UnicodeError, as the system resolver does

    target = parse_target_url("http://" + "a" * 63 + ".example.test/")
    weird = type(target)(url=target.url, host="a" * 64 + ".test", port=80, ip=None)  # past parse_target_url
    with pytest.raises(EgressRefused) as excinfo:
        await vet_destination(weird, resolver=idna_refusing)
    assert rejected(excinfo) == RejectReason.BAD_URL


async def test_system_resolver_runs_off_the_loop() -> None:
    addresses = await resolve_host("localhost")
    assert addresses
    assert all(ipaddress.ip_address(a).is_loopback for a in addresses)


# --- a real HTTP server on a loopback port ---------------------------------------------------------------------


@dataclass
class SeenRequest:
    method: str
    target: str
    headers: dict[str, str]


Route = Callable[[asyncio.StreamWriter, str], Awaitable[None]]


async def respond(writer: asyncio.StreamWriter, status: str, headers: dict[str, str], body: bytes = b"") -> None:
    head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    writer.write(head.encode("latin-1") + body)
    await writer.drain()


@dataclass
class ImageServer:
    """A minimal HTTP/1.1 server: one request per connection, every request recorded."""

    requests: list[SeenRequest] = field(default_factory=list)
    release: asyncio.Event = field(default_factory=asyncio.Event)  # set at shutdown: frees the slow endpoints
    port: int = 0
    ssl_context: ssl.SSLContext | None = None
    _server: asyncio.Server | None = None
    _tasks: set[asyncio.Task[Any]] = field(default_factory=set)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0, ssl=self.ssl_context)
        self.port = self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        self.release.set()
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()
        if self._tasks:
            await asyncio.wait(self._tasks, timeout=5)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
            request_line, *header_lines = head.split("\r\n")
            method, target, _ = request_line.split(" ", 2)
            headers = {}
            for line in header_lines:
                if line:
                    name, value = line.split(":", 1)
                    headers[name.strip().lower()] = value.strip()
            self.requests.append(SeenRequest(method, target, headers))
            route = ROUTES.get(urlsplit(target).path, not_found)
            await route(writer, target)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()
            with suppress(ConnectionError):
                await writer.wait_closed()
            self._tasks.discard(task)

    @property
    def paths(self) -> list[str]:
        return [urlsplit(r.target).path for r in self.requests]


CURRENT: list[ImageServer] = []  # the running server, for routes that wait on its release event


async def image_png(writer: asyncio.StreamWriter, target: str) -> None:
    await respond(writer, "200 OK", {"Content-Type": "image/png", "Content-Length": str(len(PNG))}, PNG)


async def lying_content_type(writer: asyncio.StreamWriter, target: str) -> None:
    await respond(writer, "200 OK", {"Content-Type": "text/plain", "Content-Length": str(len(PNG))}, PNG)


async def text(writer: asyncio.StreamWriter, target: str) -> None:
    await respond(writer, "200 OK", {"Content-Type": "image/png", "Content-Length": "5"}, b"hello")


async def gif(writer: asyncio.StreamWriter, target: str) -> None:
    body = encode("GIF")
    await respond(writer, "200 OK", {"Content-Type": "image/gif", "Content-Length": str(len(body))}, body)


async def gzipped(writer: asyncio.StreamWriter, target: str) -> None:
    body = gzip.compress(PNG)
    headers = {"Content-Type": "image/png", "Content-Encoding": "gzip", "Content-Length": str(len(body))}
    await respond(writer, "200 OK", headers, body)


async def redirect(writer: asyncio.StreamWriter, target: str) -> None:
    await respond(writer, "302 Found", {"Location": "/image.png", "Content-Length": "0"})


async def redirect_to(writer: asyncio.StreamWriter, target: str) -> None:
    location = parse_qs(urlsplit(target).query)["to"][0]
    await respond(writer, "302 Found", {"Location": location, "Content-Length": "0"})


async def redirect_with_cookie(writer: asyncio.StreamWriter, target: str) -> None:
    headers = {"Location": "/image.png", "Set-Cookie": "sid=from-remote; Path=/", "Content-Length": "0"}
    await respond(writer, "302 Found", headers)


async def redirect_loop(writer: asyncio.StreamWriter, target: str) -> None:
    await respond(writer, "307 Temporary Redirect", {"Location": "/loop", "Content-Length": "0"})


async def declared_huge(writer: asyncio.StreamWriter, target: str) -> None:
    # Claims a gigabyte and sends a little: refusing on Content-Length gives TOO_LARGE, reading on gives an error.
    await respond(writer, "200 OK", {"Content-Type": "image/png", "Content-Length": str(10**9)}, PNG[:1000])


async def endless(writer: asyncio.StreamWriter, target: str) -> None:
    await respond(writer, "200 OK", {"Content-Type": "image/png", "Connection": "close"})
    chunk = PNG + b"\x00" * 65536
    for _ in range(1000):  # at most ~64 MB, unless the client hangs up first (it should)
        writer.write(chunk)
        await writer.drain()


async def slow_body(writer: asyncio.StreamWriter, target: str) -> None:
    await respond(writer, "200 OK", {"Content-Type": "image/png", "Content-Length": str(len(PNG))}, PNG[:20])
    await CURRENT[-1].release.wait()


async def slow_headers(writer: asyncio.StreamWriter, target: str) -> None:
    await CURRENT[-1].release.wait()


async def not_found(writer: asyncio.StreamWriter, target: str) -> None:
    await respond(writer, "404 Not Found", {"Content-Length": "0"})


ROUTES: dict[str, Route] = {
    "/image.png": image_png,
    "/lying.txt": lying_content_type,
    "/text": text,
    "/gif": gif,
    "/gzip": gzipped,
    "/redirect": redirect,
    "/redirect-to": redirect_to,
    "/redirect-cookie": redirect_with_cookie,
    "/loop": redirect_loop,
    "/declared-huge": declared_huge,
    "/endless": endless,
    "/slow-body": slow_body,
    "/slow-headers": slow_headers,
}


@pytest.fixture
async def server() -> AsyncIterator[ImageServer]:
    image_server = ImageServer()
    await image_server.start()
    CURRENT.append(image_server)
    try:
        yield image_server
    finally:
        CURRENT.remove(image_server)
        await image_server.close()


@dataclass
class TLSFiles:
    ca_pem: str
    server_context: ssl.SSLContext
    sni_seen: list[str | None]


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> TLSFiles:
    """A throwaway CA and a certificate for PUBLIC_NAME only."""
    now = datetime.now(UTC)

    def build(
        subject: str, issuer: x509.Name, public: ec.EllipticCurvePublicKey, signer: ec.EllipticCurvePrivateKey, ca: bool
    ) -> x509.Certificate:
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
            .issuer_name(issuer)
            .public_key(public)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        )
        if not ca:
            builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(PUBLIC_NAME)]), critical=False)
        return builder.sign(signer, hashes.SHA256())

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = build(
        "test CA", x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test CA")]), ca_key.public_key(), ca_key, ca=True
    )
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    leaf_cert = build(PUBLIC_NAME, ca_cert.subject, leaf_key.public_key(), ca_key, ca=False)

    folder = tmp_path_factory.mktemp("tls")
    (folder / "leaf.pem").write_bytes(leaf_cert.public_bytes(serialization.Encoding.PEM))
    (folder / "leaf.key").write_bytes(
        leaf_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    sni_seen: list[str | None] = []
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(folder / "leaf.pem", folder / "leaf.key")

    def record_sni(sock: ssl.SSLObject, name: str | None, context: ssl.SSLContext) -> None:
        sni_seen.append(name)

    server_context.sni_callback = record_sni
    return TLSFiles(ca_cert.public_bytes(serialization.Encoding.PEM).decode(), server_context, sni_seen)


@pytest.fixture
async def tls_server(tls: TLSFiles) -> AsyncIterator[ImageServer]:
    image_server = ImageServer(ssl_context=tls.server_context)
    await image_server.start()
    CURRENT.append(image_server)
    try:
        yield image_server
    finally:
        CURRENT.remove(image_server)
        await image_server.close()


@pytest.fixture
async def plain_http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(trust_env=False) as client:
        yield client


async def test_fetch_from_loopback_when_private_allowed(server: ImageServer, plain_http: httpx.AsyncClient) -> None:
    data, info = await fetch_reference(plain_http, f"{server.base}/image.png", allow_private=True)
    assert data == PNG
    assert info == ImageInfo(64, 48, "image/png")
    [request] = server.requests
    assert request.method == "GET"
    assert request.headers["host"] == f"127.0.0.1:{server.port}"
    assert request.headers["accept-encoding"] == "identity"


async def test_loopback_is_refused_by_default_before_any_request(
    server: ImageServer, plain_http: httpx.AsyncClient
) -> None:
    for url in (f"{server.base}/image.png", f"http://localhost:{server.port}/image.png"):
        with pytest.raises(EgressRefused) as excinfo:
            await fetch_reference(plain_http, url)
        assert rejected(excinfo) == RejectReason.BLOCKED_ADDRESS
    assert server.requests == []


async def test_name_resolving_to_loopback_is_refused_by_default(
    server: ImageServer, plain_http: httpx.AsyncClient
) -> None:
    async def resolver(host: str) -> list[str]:
        return ["127.0.0.1"]

    with pytest.raises(EgressRefused) as excinfo:
        await fetch_reference(plain_http, f"http://{PUBLIC_NAME}:{server.port}/image.png", resolver=resolver)
    assert rejected(excinfo) == RejectReason.BLOCKED_ADDRESS
    assert server.requests == []


async def test_connects_to_the_resolved_ip_with_the_original_host(
    server: ImageServer, plain_http: httpx.AsyncClient
) -> None:
    """The name does not resolve anywhere but in our resolver: success proves httpx never looked it up itself."""
    calls: list[str] = []

    async def resolver(host: str) -> list[str]:
        calls.append(host)
        return ["127.0.0.1"]

    url = f"http://{PUBLIC_NAME}:{server.port}/image.png?size=large"
    data, _ = await fetch_reference(plain_http, url, allow_private=True, resolver=resolver)

    assert data == PNG
    assert calls == [PUBLIC_NAME]
    [request] = server.requests
    assert request.target == "/image.png?size=large"
    assert request.headers["host"] == f"{PUBLIC_NAME}:{server.port}"


async def test_https_to_a_pinned_ip_verifies_the_certificate_for_the_name(
    tls_server: ImageServer, tls: TLSFiles
) -> None:
    """Real TLS: connecting to 127.0.0.1 still sends the name as SNI and checks the certificate against the name."""
    resolver = dns({PUBLIC_NAME: ["127.0.0.1"], "other.example.test": ["127.0.0.1"]})
    tls.sni_seen.clear()
    async with httpx.AsyncClient(trust_env=False, verify=ssl.create_default_context(cadata=tls.ca_pem)) as http:
        url = f"https://{PUBLIC_NAME}:{tls_server.port}/image.png"
        data, _ = await fetch_reference(http, url, allow_private=True, resolver=resolver)
        assert data == PNG
        assert tls.sni_seen == [PUBLIC_NAME]
        assert tls_server.requests[0].headers["host"] == f"{PUBLIC_NAME}:{tls_server.port}"

        # The same IP under a name the certificate does not cover: the handshake fails, nothing is requested.
        url = f"https://other.example.test:{tls_server.port}/image.png"
        with pytest.raises(EgressRefused) as excinfo:
            await fetch_reference(http, url, allow_private=True, resolver=resolver)
        assert rejected(excinfo) == RejectReason.FETCH_FAILED
        assert len(tls_server.requests) == 1


async def test_relative_redirect_is_followed(server: ImageServer, plain_http: httpx.AsyncClient) -> None:
    data, _ = await fetch_reference(plain_http, f"{server.base}/redirect", allow_private=True)
    assert data == PNG
    assert server.paths == ["/redirect", "/image.png"]


async def test_content_type_is_sniffed_not_trusted(server: ImageServer, plain_http: httpx.AsyncClient) -> None:
    _, info = await fetch_reference(plain_http, f"{server.base}/lying.txt", allow_private=True)
    assert info.content_type == "image/png"
    with pytest.raises(EgressRefused) as excinfo:
        await fetch_reference(plain_http, f"{server.base}/text", allow_private=True)
    assert rejected(excinfo) == RejectReason.NOT_AN_IMAGE
    with pytest.raises(EgressRefused) as excinfo:
        await fetch_reference(plain_http, f"{server.base}/gif", allow_private=True)
    assert rejected(excinfo) == RejectReason.UNSUPPORTED_TYPE


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", RejectReason.FETCH_FAILED),
        ("/gzip", RejectReason.FETCH_FAILED),
        ("/declared-huge", RejectReason.TOO_LARGE),
        ("/endless", RejectReason.TOO_LARGE),
    ],
)
async def test_failed_and_oversized_responses(
    server: ImageServer, plain_http: httpx.AsyncClient, path: str, reason: RejectReason
) -> None:
    with pytest.raises(EgressRefused) as excinfo:
        await fetch_reference(plain_http, f"{server.base}{path}", allow_private=True, max_bytes=200_000)
    assert rejected(excinfo) == reason


async def test_redirect_limit(server: ImageServer, plain_http: httpx.AsyncClient) -> None:
    with pytest.raises(EgressRefused) as excinfo:
        await fetch_reference(plain_http, f"{server.base}/loop", allow_private=True, max_redirects=2)
    assert rejected(excinfo) == RejectReason.FETCH_FAILED
    assert server.paths == ["/loop"] * 3


@pytest.mark.parametrize("path", ["/slow-headers", "/slow-body"])
async def test_overall_timeout(server: ImageServer, plain_http: httpx.AsyncClient, path: str) -> None:
    started = time.monotonic()
    with pytest.raises(EgressRefused) as excinfo:
        await fetch_reference(plain_http, f"{server.base}{path}", allow_private=True, timeout_s=0.3)
    assert rejected(excinfo) == RejectReason.FETCH_FAILED
    assert time.monotonic() - started < 2


async def test_no_client_credentials_or_cookies_are_sent(server: ImageServer) -> None:
    async with httpx.AsyncClient(
        trust_env=False,
        headers={"Authorization": "Bearer provider-secret", "X-Api-Key": "provider-secret"},
        cookies={"session": "ours"},
        auth=("user", "password"),
    ) as http:
        data, _ = await fetch_reference(http, f"{server.base}/redirect-cookie", allow_private=True)

    assert data == PNG
    assert server.paths == ["/redirect-cookie", "/image.png"]
    for request in server.requests:
        assert "authorization" not in request.headers
        assert "x-api-key" not in request.headers
        assert "cookie" not in request.headers


# --- the default policy, end to end, through a simulated public internet --------------------------------------


class PublicInternet(httpx.AsyncBaseTransport):
    """Public-looking addresses that lead to the loopback server (same port); everything else is unreachable."""

    def __init__(self, reachable: set[str], canned: dict[str, bytes] | None = None) -> None:
        self.reachable = reachable
        self.canned = canned or {}
        self.seen: list[httpx.Request] = []
        self.urls: list[httpx.URL] = []  # as requested (forwarded requests are rewritten to the loopback server)
        self.inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        self.urls.append(request.url)
        host = request.url.host
        if host in self.canned:
            return httpx.Response(200, content=self.canned[host], request=request)
        if host not in self.reachable:
            raise httpx.ConnectError(f"{host} is unreachable", request=request)
        request.url = request.url.copy_with(host="127.0.0.1")
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def dns(table: dict[str, list[str]], calls: list[str] | None = None) -> Callable[[str], Awaitable[list[str]]]:
    async def resolve(host: str) -> list[str]:
        if calls is not None:
            calls.append(host)
        if host not in table:
            raise OSError(f"{host}: name does not resolve")
        return table[host]

    return resolve


@pytest.fixture
async def internet() -> AsyncIterator[tuple[httpx.AsyncClient, PublicInternet]]:
    transport = PublicInternet({PUBLIC_IP})
    async with httpx.AsyncClient(transport=transport) as http:
        yield http, transport


async def test_public_host_is_fetched_through_its_vetted_ip(
    server: ImageServer, internet: tuple[httpx.AsyncClient, PublicInternet]
) -> None:
    http, transport = internet
    url = f"http://{PUBLIC_NAME}:{server.port}/image.png"

    data, _ = await fetch_reference(http, url, resolver=dns({PUBLIC_NAME: [PUBLIC_IP]}))

    assert data == PNG
    assert [str(u) for u in transport.urls] == [f"http://{PUBLIC_IP}:{server.port}/image.png"]
    assert server.requests[0].headers["host"] == f"{PUBLIC_NAME}:{server.port}"


async def test_https_pins_the_ip_and_keeps_the_name_for_sni_and_certificates() -> None:
    transport = PublicInternet(set(), canned={PUBLIC_IP: PNG})
    async with httpx.AsyncClient(transport=transport) as http:
        data, _ = await fetch_reference(http, f"https://{PUBLIC_NAME}/a.png", resolver=dns({PUBLIC_NAME: [PUBLIC_IP]}))

    assert data == PNG
    [request] = transport.seen
    assert str(request.url) == f"https://{PUBLIC_IP}/a.png"
    assert request.headers["host"] == PUBLIC_NAME
    assert request.extensions["sni_hostname"] == PUBLIC_NAME


async def test_dns_rebinding_cannot_redirect_the_connection(
    server: ImageServer, internet: tuple[httpx.AsyncClient, PublicInternet]
) -> None:
    """The name is resolved once; the answer we vetted is the address we connect to, whatever DNS says later."""
    http, transport = internet
    answers = iter([[PUBLIC_IP], ["127.0.0.1"], ["127.0.0.1"]])
    calls: list[str] = []

    async def rebinding(host: str) -> list[str]:
        calls.append(host)
        return next(answers)

    data, _ = await fetch_reference(http, f"http://{PUBLIC_NAME}:{server.port}/image.png", resolver=rebinding)

    assert data == PNG
    assert calls == [PUBLIC_NAME]
    assert [u.host for u in transport.urls] == [PUBLIC_IP]


async def test_any_private_answer_blocks_the_host(
    server: ImageServer, internet: tuple[httpx.AsyncClient, PublicInternet]
) -> None:
    http, transport = internet
    resolver = dns({PUBLIC_NAME: [PUBLIC_IP, "10.0.0.7"]})
    with pytest.raises(EgressRefused) as excinfo:
        await fetch_reference(http, f"http://{PUBLIC_NAME}:{server.port}/image.png", resolver=resolver)
    assert rejected(excinfo) == RejectReason.BLOCKED_ADDRESS
    assert transport.seen == []


@pytest.mark.parametrize(
    "location",
    [
        "http://127.0.0.1:{port}/image.png",
        "http://localhost:{port}/image.png",
        "http://internal.example.test:{port}/image.png",
        "http://169.254.169.254/latest/meta-data/iam/",
        "http://[::ffff:127.0.0.1]:{port}/image.png",
        "http://2130706433:{port}/image.png",
        "file:///etc/passwd",
    ],
)
async def test_redirect_from_a_public_host_to_a_blocked_address_is_refused(
    server: ImageServer, internet: tuple[httpx.AsyncClient, PublicInternet], location: str
) -> None:
    http, transport = internet
    resolver = dns({PUBLIC_NAME: [PUBLIC_IP], "internal.example.test": ["10.0.0.7"]})
    target = quote(location.format(port=server.port), safe="")
    url = f"http://{PUBLIC_NAME}:{server.port}/redirect-to?to={target}"

    with pytest.raises(EgressRefused) as excinfo:
        await fetch_reference(http, url, resolver=resolver)

    assert rejected(excinfo) in (RejectReason.BLOCKED_ADDRESS, RejectReason.BAD_URL)
    assert server.paths == ["/redirect-to"]  # the redirect was read; its target was never requested
    assert len(transport.urls) == 1


async def test_redirect_to_another_public_host_is_revetted_and_followed(
    server: ImageServer, internet: tuple[httpx.AsyncClient, PublicInternet]
) -> None:
    http, transport = internet
    transport.reachable.add(OTHER_PUBLIC_IP)
    calls: list[str] = []
    resolver = dns({PUBLIC_NAME: [PUBLIC_IP], "cdn.example.test": [OTHER_PUBLIC_IP]}, calls)
    target = quote(f"http://cdn.example.test:{server.port}/image.png", safe="")

    data, _ = await fetch_reference(
        http, f"http://{PUBLIC_NAME}:{server.port}/redirect-to?to={target}", resolver=resolver
    )

    assert data == PNG
    assert calls == [PUBLIC_NAME, "cdn.example.test"]
    assert [u.host for u in transport.urls] == [PUBLIC_IP, OTHER_PUBLIC_IP]
    assert server.requests[1].headers["host"] == f"cdn.example.test:{server.port}"


async def test_next_vetted_address_is_tried_when_one_is_unreachable(
    server: ImageServer, internet: tuple[httpx.AsyncClient, PublicInternet]
) -> None:
    http, transport = internet
    resolver = dns({PUBLIC_NAME: [OTHER_PUBLIC_IP, PUBLIC_IP]})  # OTHER_PUBLIC_IP is not reachable

    data, _ = await fetch_reference(http, f"http://{PUBLIC_NAME}:{server.port}/image.png", resolver=resolver)

    assert data == PNG
    assert [u.host for u in transport.urls] == [OTHER_PUBLIC_IP, PUBLIC_IP]


async def test_unresolvable_and_unreachable_hosts_fail_cleanly(
    internet: tuple[httpx.AsyncClient, PublicInternet],
) -> None:
    http, _ = internet
    cases: list[tuple[str, dict[str, list[str]]]] = [
        ("http://nowhere.example.test/a.png", {}),
        ("http://down.example.test/a.png", {"down.example.test": [OTHER_PUBLIC_IP]}),
        ("http://empty.example.test/a.png", {"empty.example.test": []}),
    ]
    for url, table in cases:
        with pytest.raises(EgressRefused) as excinfo:
            await fetch_reference(http, url, resolver=dns(table))
        assert rejected(excinfo) == RejectReason.FETCH_FAILED


# --- keeping references: all or nothing ----------------------------------------------------------------------------


async def test_no_reference_is_kept_until_every_one_has_been_fetched(
    app: Starlette, settings: Settings, server: ImageServer, plain_http: httpx.AsyncClient
) -> None:
    """The first URL fetches fine, the second is not an image: the request fails on the second, and the first
    is neither stored nor recorded as an upload (a retry would otherwise leave one more each time)."""
    user = await users.get_or_create_by_subject(f"refs-{uuid.uuid4().hex[:8]}", 0)
    media = settings.resolved_media_dir
    files = sorted(media.rglob("*"))
    specs = [ReferenceSpec(url=f"{server.base}/image.png"), ReferenceSpec(url=f"{server.base}/text")]
    with pytest.raises(InvalidInput) as excinfo:
        await resolve_references(user, specs, storage=app.state.services.storage, http=plain_http, allow_private=True)
    assert excinfo.value.field == ["input", "references", "1", "url"]
    assert server.paths == ["/image.png", "/text"]
    assert not await Upload.filter(owner_id=user.id).exists()
    assert sorted(media.rglob("*")) == files

    kept = await resolve_references(
        user, specs[:1], storage=app.state.services.storage, http=plain_http, allow_private=True
    )
    assert [r.source_url for r in kept] == [specs[0].url]
    assert await Upload.filter(owner_id=user.id).count() == 1
