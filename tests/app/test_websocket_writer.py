"""The socket writer: messages leave in order without making the caller wait, a slow client is closed with 1013."""

from __future__ import annotations

import asyncio
from typing import Any, cast

from starlette.websockets import WebSocket, WebSocketDisconnect

from app.websocket import WRITE_BACKLOG, SocketWriter


class PausableSocket:
    """What the writer needs of a Starlette WebSocket: ``scope`` and ``send``, whose send waits while the
    (simulated) socket buffer is full, as uvicorn's does."""

    def __init__(self) -> None:
        self.scope: dict[str, Any] = {}
        self.sent: list[dict[str, Any]] = []
        self.writable = asyncio.Event()
        self.writable.set()
        self.gone = False

    async def send(self, message: dict[str, Any]) -> None:
        await self.writable.wait()
        if self.gone:
            raise WebSocketDisconnect(1006)
        self.sent.append(message)


def writer_for(socket: PausableSocket) -> SocketWriter:
    return SocketWriter(cast(WebSocket, socket))


def texts(socket: PausableSocket) -> list[str]:
    return [m.get("text", f"close {m.get('code')}") for m in socket.sent]


async def test_a_message_goes_out_at_once_when_the_socket_takes_it() -> None:
    socket = PausableSocket()
    writer = writer_for(socket)
    writer.write("a")
    writer.write("b")
    assert texts(socket) == ["a", "b"]  # sent before anything was awaited


async def test_behind_a_full_buffer_messages_wait_in_order_and_the_caller_does_not() -> None:
    socket = PausableSocket()
    writer = writer_for(socket)
    socket.writable.clear()
    for text in ("a", "b", "c"):
        writer.write(text)  # returns at once although the socket takes nothing
    assert texts(socket) == []
    socket.writable.set()
    await writer.drained()
    writer.close(1000)
    assert texts(socket) == ["a", "b", "c", "close 1000"]


async def test_a_client_that_stops_reading_is_closed_with_1013_and_its_backlog_dropped() -> None:
    socket = PausableSocket()
    writer = writer_for(socket)
    socket.writable.clear()
    for index in range(WRITE_BACKLOG + 2):
        writer.write(str(index))
    assert writer.closed
    writer.write("after")  # ignored: the socket is closing
    socket.writable.set()
    await writer.drained()
    assert texts(socket) == ["0", "close 1013"]  # the send in flight, then the close; the backlog is gone


async def test_a_disconnected_socket_ends_the_writer_quietly() -> None:
    socket = PausableSocket()
    writer = writer_for(socket)
    socket.gone = True
    writer.write("a")
    assert writer.closed
    socket.gone = False
    writer.write("b")
    assert texts(socket) == []
