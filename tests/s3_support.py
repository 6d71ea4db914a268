"""A real S3-compatible server on loopback for the tests (moto's server mode), and a relay in front of it that
breaks uploads midway.

moto answers the S3 wire protocol over HTTP (put, get, ranges, multipart uploads, delete, list); it does not check
signatures or the expiry of presigned URLs, which the tests say where it matters.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import httpx
from moto.server import ThreadedMotoServer

CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "playground-test",
    "AWS_SECRET_ACCESS_KEY": "playground-test-secret",
    "AWS_REGION": "us-east-1",
}


@dataclass(frozen=True)
class S3Server:
    endpoint: str

    def create_bucket(self, name: str | None = None) -> str:
        """A new empty bucket (moto accepts unsigned requests)."""
        name = name or f"playground-{uuid.uuid4().hex[:12]}"
        httpx.put(f"{self.endpoint}/{name}").raise_for_status()
        return name

    def keys(self, bucket: str) -> list[str]:
        """Every key in the bucket (moto's ListObjectsV2, read from the XML)."""
        body = httpx.get(f"{self.endpoint}/{bucket}", params={"list-type": "2"}).text
        return [part.split("</Key>", 1)[0] for part in body.split("<Key>")[1:]]

    def multipart_uploads(self, bucket: str) -> int:
        """Multipart uploads started and neither completed nor aborted."""
        body = httpx.get(f"{self.endpoint}/{bucket}", params={"uploads": ""}).text
        return body.count("<Upload>")


@contextlib.contextmanager
def s3_server() -> Iterator[S3Server]:
    """moto's S3 server in a thread of this process, on a free loopback port, with test credentials in the
    environment (where obstore, and any process the test starts, reads them)."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    saved = {name: os.environ.get(name) for name in CREDENTIALS}
    os.environ.update(CREDENTIALS)
    try:
        yield S3Server(f"http://{host}:{port}")
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        server.stop()


class BreakingRelay:
    """A TCP relay to the S3 server that cuts every upload (a PUT or POST with a body) after its first
    ``body_bytes`` bytes: the server fails mid-upload. Everything else is relayed as is. ``cut`` counts uploads
    cut."""

    def __init__(self, endpoint: str, body_bytes: int = 1024, *, pass_uploads: int = 0) -> None:
        host_port = endpoint.split("://", 1)[1]
        host, port = host_port.rsplit(":", 1)
        self._upstream = (host, int(port))
        self.body_bytes = body_bytes
        self.pass_uploads = pass_uploads
        """Uploads relayed whole before the cutting starts (a run that got that far, then lost the store)."""
        self.cut = 0
        self._server: asyncio.Server | None = None
        self._handlers: set[asyncio.Task[None]] = set()
        self.port = 0

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def __aenter__(self) -> BreakingRelay:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        for handler in list(self._handlers):
            handler.cancel()
        await asyncio.gather(*self._handlers, return_exceptions=True)
        await self._server.wait_closed()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        handler = asyncio.current_task()
        assert handler is not None
        self._handlers.add(handler)
        try:
            await self._relay(reader, writer)
        finally:
            self._handlers.discard(handler)

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self._upstream)
        except BaseException:
            writer.close()
            raise
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            upload = head.split(b" ", 1)[0] in (b"PUT", b"POST") and b"content-length: 0\r\n" not in head.lower()
            if upload and self.pass_uploads > 0:
                self.pass_uploads -= 1
            elif upload:
                up_writer.write(head + await reader.read(self.body_bytes))
                await up_writer.drain()
                self.cut += 1
                return  # both connections close mid-body
            # One request per connection: the server closes it after answering, so the client's next request comes
            # on a new connection, through the check above.
            up_writer.write(head[:-2] + b"Connection: close\r\n\r\n")
            await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            for w in (writer, up_writer):
                w.close()
            for w in (writer, up_writer):
                with contextlib.suppress(ConnectionError, asyncio.CancelledError):
                    await w.wait_closed()


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(ConnectionError):
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    with contextlib.suppress(ConnectionError, OSError):
        writer.write_eof()


async def chunks_of(data: bytes, size: int) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]
