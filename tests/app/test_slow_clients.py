"""Slow clients against the real app served by uvicorn with ``app.slow_clients``' deadlines: a client that sends
nothing, half its headers, or stops sending a body it announced is answered ``408`` and disconnected, while complete
requests on the same server are served as usual."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator

import pytest
import uvicorn
from starlette.applications import Starlette

from app.slow_clients import guarded_http_protocol

HEADER_TIMEOUT = 0.5
BODY_TIMEOUT = 0.5


@pytest.fixture
async def guarded_server(app: Starlette) -> AsyncIterator[tuple[str, int]]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    host, port = sock.getsockname()
    protocol = guarded_http_protocol(header_timeout=HEADER_TIMEOUT, body_timeout=BODY_TIMEOUT)
    server = uvicorn.Server(uvicorn.Config(app, lifespan="off", log_level="warning", http=protocol))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)  # polling a condition, not a fixed wait
    yield host, port
    server.should_exit = True
    await task


async def exchange(address: tuple[str, int], sent: bytes) -> bytes:
    """Send ``sent`` and read everything the server answers until it closes the connection."""
    reader, writer = await asyncio.open_connection(*address)
    try:
        writer.write(sent)
        await writer.drain()
        async with asyncio.timeout(10):  # a bound on the test, far above the deadlines under test
            return await reader.read()
    finally:
        writer.close()


@pytest.mark.parametrize(
    ("sent", "waiting_for"),
    [
        (b"", "headers"),
        (b"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n", "headers"),
        (
            b"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
            b'{"query": "{ capabil',
            "body",
        ),
    ],
    ids=["silent", "half-headers", "half-body"],
)
async def test_a_stalled_request_is_answered_408_and_closed(
    guarded_server: tuple[str, int], sent: bytes, waiting_for: str
) -> None:
    answer = await exchange(guarded_server, sent)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 408 ")
    assert b"connection: close" in head.lower()
    assert body.decode() == f"the request's {waiting_for} did not arrive within {HEADER_TIMEOUT:g} s"


async def test_complete_requests_are_served_and_a_kept_alive_connection_is_guarded_too(
    guarded_server: tuple[str, int],
) -> None:
    query = b'{"query": "{ capabilities { modes { mode } } }"}'
    complete = (
        b"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: %d\r\n\r\n%s" % (len(query), query)
    )
    # A whole request, then the start of a second one on the same connection that never completes.
    answer = await exchange(guarded_server, complete + b"POST /graphql HTTP/1.1\r\nHost: x\r\n")
    first, _, rest = answer.partition(b"HTTP/1.1 408 ")
    assert first.startswith(b"HTTP/1.1 200 ")
    assert b'"modes"' in first
    assert rest  # the second request was answered 408 once its headers stalled
