"""SIGTERM on ``playground serve`` while a request is in flight: the request finishes (200 with its data), and the
server stops accepting new connections at once.

The slow request is a ``generate`` whose reference URL points at a local HTTP server that holds its answer until the
test releases it (``ALLOW_PRIVATE_REFERENCE_URLS`` lets the API fetch from loopback). Synchronisation is by events and
bounded polls of conditions, never by sleeping.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import signal
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from PIL import Image

from tests.conftest import TEST_SECRET
from tests.distributed_support import ROOT, Api, Process, child_env, free_port, make_caller, poll
from tests.generation_support import GENERATE, new_project


class HeldImageServer:
    """An HTTP server with one PNG, answered only once ``release`` is set; ``requested`` is set when asked."""

    def __init__(self) -> None:
        buffer = io.BytesIO()
        Image.new("RGB", (256, 256), (20, 120, 200)).save(buffer, format="PNG")
        self.body = buffer.getvalue()
        self.requested = asyncio.Event()
        self.release = asyncio.Event()
        self.port = 0
        self._server: asyncio.Server | None = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        self.release.set()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await reader.readuntil(b"\r\n\r\n")
            self.requested.set()
            await self.release.wait()
            head = (
                "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n"
                f"Content-Length: {len(self.body)}\r\nConnection: close\r\n\r\n"
            )
            writer.write(head.encode() + self.body)
            await writer.drain()
        finally:
            writer.close()


@pytest.fixture
async def held_image() -> AsyncIterator[HeldImageServer]:
    server = HeldImageServer()
    await server.start()
    yield server
    await server.close()


async def refuses_connections(port: int) -> bool:
    try:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
    except (ConnectionRefusedError, ConnectionResetError):
        # Reset: the connection reached the backlog of a listening socket that then closed, which refuses it too.
        return True
    writer.close()
    with contextlib.suppress(ConnectionError):  # accepted, then dropped as the listener closed: ask again
        await writer.wait_closed()
    return False


async def test_sigterm_lets_the_request_in_flight_finish(tmp_path: Path, held_image: HeldImageServer) -> None:
    port = free_port()
    env = child_env(
        {
            "PLAYGROUND_VAR_DIR": str(tmp_path / "var"),
            "JWT_SECRET": TEST_SECRET,
            "ALLOW_PRIVATE_REFERENCE_URLS": "true",
            "SIMULATOR_LATENCY_SECONDS": "0",
            "SHUTDOWN_GRACE_SECONDS": "30",
        }
    )
    process = Process("api", ["serve", "--port", str(port)], env, tmp_path / "api.log", ROOT)
    api = Api(f"http://127.0.0.1:{port}")
    try:

        async def ready() -> bool:
            assert process.alive, f"the API exited:\n{process.tail()}"
            state = await api.ready()
            return state is not None and state["status"] == "ok"

        await poll(ready, within=60, what="the API to be ready", context=process.tail)
        alice = make_caller("alice")
        project = await new_project(api, alice)
        variables = {
            "input": {
                "projectId": project,
                "mode": "EDIT",
                "prompts": ["the same harbour at dusk"],
                "size": "1024x1024",
                "references": [{"url": f"http://127.0.0.1:{held_image.port}/reference.png"}],
            }
        }
        # A connection of its own, so that nothing else shares it.
        async with httpx.AsyncClient(base_url=api.base_url, timeout=60.0, trust_env=False) as slow:
            in_flight = asyncio.create_task(
                slow.post("/graphql", json={"query": GENERATE, "variables": variables}, headers=alice.headers)
            )
            await asyncio.wait_for(held_image.requested.wait(), 30)  # the API is now inside the request
            assert not in_flight.done()

            process.popen.send_signal(signal.SIGTERM)
            # The listening socket closes first: new connections are refused while the request is still running.
            await poll(
                lambda: refuses_connections(port), within=15, what="new connections to be refused", context=process.tail
            )
            assert process.alive, process.tail()
            assert not in_flight.done()

            held_image.release.set()
            response = await asyncio.wait_for(in_flight, 30)
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, body
        payload = body["data"]["generate"]
        assert payload["userErrors"] == [], payload
        assert payload["created"] is True
        assert payload["batchJob"]["totalImages"] == 1
        code = await asyncio.to_thread(process.popen.wait, 30)
        # uvicorn shuts down cleanly, then re-raises the signal it caught, so the exit status is the SIGTERM's.
        assert code in (0, -signal.SIGTERM), process.tail()
        assert "Application shutdown complete" in process.tail(), process.tail()
    finally:
        await api.close()
        await process.stop()
