"""Helpers for the security suite: swapping the app's services for one test, sockets, uploads, a counting server."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import threading
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
from PIL import Image
from starlette.applications import Starlette
from websockets.asyncio.client import ClientConnection, connect

from tests.conftest import Caller

PROTOCOL = "graphql-transport-ws"
UPLOAD = (
    "mutation($file: Upload!) { imageUpload(file: $file) { image { id url width height contentType } "
    "userErrors { code field message retryAfter } } }"
)


@contextlib.contextmanager
def swapped_services(app: Starlette, **changes: Any) -> Iterator[Any]:
    """The app's services with ``changes`` (``settings=...``, ``rate_limiter=...``) for the block, then as before."""
    original = app.state.services
    app.state.services = dataclasses.replace(original, **changes)
    try:
        yield app.state.services
    finally:
        app.state.services = original


@contextlib.contextmanager
def changed_settings(app: Starlette, **fields: Any) -> Iterator[Any]:
    """The app's settings with ``fields`` changed for the block."""
    settings = app.state.services.settings.model_copy(update=fields)
    with swapped_services(app, settings=settings):
        yield settings


async def receive(ws: ClientConnection) -> dict[str, Any]:
    message: dict[str, Any] = json.loads(await ws.recv())
    return message


@contextlib.asynccontextmanager
async def socket(live_url: str, caller: Caller) -> AsyncIterator[ClientConnection]:
    """A graphql-transport-ws socket, initialised with ``caller``'s token and acknowledged."""
    async with connect(f"ws://{live_url}/graphql", subprotocols=[PROTOCOL]) as ws:  # type: ignore[list-item]
        await ws.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {caller.token}"}}))
        ack = await receive(ws)
        assert ack["type"] == "connection_ack", ack
        yield ws


async def ws_operation(ws: ClientConnection, ident: str, query: str, variables: dict[str, Any] | None = None) -> Any:
    """Run one operation on ``ws``; the first message answering it (``next`` or ``error``)."""
    await ws.send(
        json.dumps({"id": ident, "type": "subscribe", "payload": {"query": query, "variables": variables or {}}})
    )
    while True:
        message = await receive(ws)
        if message.get("id") == ident:
            return message


async def upload_bytes(
    client: httpx.AsyncClient, caller: Caller, data: bytes, filename: str = "ref.png", content_type: str = "image/png"
) -> httpx.Response:
    """``imageUpload`` of ``data`` as a GraphQL multipart request, with the CSRF header."""
    form = {
        "operations": json.dumps({"query": UPLOAD, "variables": {"file": None}}),
        "map": json.dumps({"0": ["variables.file"]}),
    }
    return await client.post(
        "/graphql",
        data=form,
        files={"0": (filename, data, content_type)},
        headers={**caller.headers, "X-Playground-Upload": "1"},
    )


class CountingServer:
    """An HTTP server on a loopback port that counts every request and answers ``body`` (or a redirect)."""

    def __init__(self, body: bytes = b"", content_type: str = "image/png", redirect_to: str | None = None) -> None:
        self.hits = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.hits += 1
                if redirect_to is not None:
                    self.send_response(302)
                    self.send_header("Location", redirect_to)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_port
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "/image.png", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def png(size: tuple[int, int] = (64, 48), color: tuple[int, int, int] = (200, 30, 30), **save: Any) -> bytes:
    """A small PNG (``save`` options go to Pillow: ``pnginfo``, ``icc_profile``...)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG", **save)
    return buffer.getvalue()
