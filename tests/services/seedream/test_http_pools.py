"""The provider HTTP client: over ``CONNECTIONS_PER_POOL`` connections, requests are spread over several pools."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from services.seedream import create_http_client
from services.seedream.factory import CONNECTIONS_PER_POOL, PooledTransport

CALLS = 40


class Holder:
    """Server side: every request waits until ``CALLS`` are in at once, then all answer with their client port."""

    def __init__(self) -> None:
        self.arrived = 0
        self.all_in = threading.Event()
        self.release: asyncio.Event | None = None
        self.loop: asyncio.AbstractEventLoop | None = None

    async def hold(self, request: Request) -> JSONResponse:
        if self.release is None:
            self.release, self.loop = asyncio.Event(), asyncio.get_running_loop()
        self.arrived += 1
        if self.arrived == CALLS:
            self.all_in.set()
        await self.release.wait()
        assert request.client is not None
        return JSONResponse({"port": request.client.port})

    def let_go(self) -> None:
        assert self.loop is not None
        assert self.release is not None
        self.loop.call_soon_threadsafe(self.release.set)


@contextlib.contextmanager
def serve(holder: Holder) -> Iterator[str]:
    """The app on a loopback socket that listens before the server thread starts (connections wait in its backlog)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    port = listener.getsockname()[1]
    app = Starlette(routes=[Route("/hold", holder.hold)])
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with create_http_client(max_connections=CALLS, max_keepalive_connections=CALLS) as http:
        yield http


async def test_requests_over_the_pool_size_run_at_once_spread_over_pools(client: httpx.AsyncClient) -> None:
    transport = client._transport
    assert isinstance(transport, PooledTransport)
    assert transport.pools == -(-CALLS // CONNECTIONS_PER_POOL)  # 40 connections: 3 pools of at most 14
    holder = Holder()
    with serve(holder) as base_url:
        calls = [asyncio.create_task(client.get(f"{base_url}/hold")) for _ in range(CALLS)]
        # Every request reached the server before any was answered: CALLS connections at once.
        assert await asyncio.to_thread(holder.all_in.wait, 10)
        in_flight = transport.in_flight()
        assert sum(in_flight) == CALLS
        assert max(in_flight) - min(in_flight) <= 1
        holder.let_go()
        responses = await asyncio.gather(*calls)
    assert all(response.status_code == 200 for response in responses)
    assert len({response.json()["port"] for response in responses}) == CALLS
    assert transport.in_flight() == [0] * transport.pools


async def test_a_failed_request_frees_its_place() -> None:
    async with create_http_client(max_connections=CALLS, connect_timeout_s=2) as http:
        transport = http._transport
        assert isinstance(transport, PooledTransport)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]  # nothing listens once the probe is closed
        with pytest.raises(httpx.ConnectError):
            await http.get(f"http://127.0.0.1:{port}/")
        assert transport.in_flight() == [0] * transport.pools


def test_small_clients_keep_httpx_default_transport() -> None:
    http = create_http_client(max_connections=CONNECTIONS_PER_POOL)
    assert not isinstance(http._transport, PooledTransport)
