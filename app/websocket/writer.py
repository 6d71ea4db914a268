"""The graphql-transport-ws protocol writer: Strawberry's socket adapter with a message size cap (1009) and
writes that never wait on a slow socket (queued behind it up to ``WRITE_BACKLOG`` messages, then closed with 1013:
the client resumes with ``afterSeq``)."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncGenerator, Generator
from typing import Any

from cross_web import HTTPException
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.http.async_base_view import AsyncBaseHTTPView
from strawberry.http.exceptions import NonJsonMessageReceived, NonTextMessageReceived

RAW_SEND = "playground.raw_send"
"""Where ``app.api.RequestId`` leaves the server's own ``send`` in a socket's scope (frames skip the wrappers)."""
WRITE_BACKLOG = 256
"""Messages queued behind a socket whose buffer is full before it is closed as too slow (1013)."""


class _Resume:
    """Awaits the rest of a coroutine that was started by hand (``coro.send(None)``) and suspended on ``waiting``."""

    __slots__ = ("_coro", "_waiting")

    def __init__(self, coro: Any, waiting: Any) -> None:
        self._coro = coro
        self._waiting = waiting

    def __await__(self) -> Generator[Any, Any, None]:
        coro, waiting = self._coro, self._waiting
        while True:
            try:
                value = yield waiting
            except BaseException as error:  # cancellation included: the coroutine gets it
                try:
                    waiting = coro.throw(error)
                except StopIteration:
                    return
            else:
                try:
                    waiting = coro.send(value)
                except StopIteration:
                    return


class SocketWriter:
    """Sends a socket's messages in order, without ever making the caller wait for the socket.

    A message is handed to the server at once; only when the server's send suspends (its buffer is full) does a
    task finish that send and drain the messages queued behind it. Disconnects end the writer quietly: the
    socket's receive loop sees them.
    """

    __slots__ = ("_busy", "_queue", "_raw", "_task", "_ws", "closed")

    def __init__(self, ws: WebSocket) -> None:
        self._ws = ws
        self._raw = ws.scope.get(RAW_SEND)
        self._queue: deque[dict[str, Any]] | None = None  # made when a send first has to wait
        self._busy = False
        self._task: asyncio.Task[None] | None = None
        self.closed = False

    def write(self, text: str) -> None:
        if not self.closed:
            self._submit({"type": "websocket.send", "text": text})

    def close(self, code: int, reason: str = "") -> None:
        if not self.closed:
            self.closed = True
            self._submit({"type": "websocket.close", "code": code, "reason": reason})

    def _submit(self, message: dict[str, Any]) -> None:
        if self._busy:
            if self._queue is None:
                self._queue = deque()
            if len(self._queue) >= WRITE_BACKLOG and not self.closed:
                # The client stopped reading: drop its backlog and close once the socket takes anything again.
                self._queue.clear()
                self.closed = True
                message = {"type": "websocket.close", "code": 1013, "reason": "too slow: resume with afterSeq"}
            self._queue.append(message)
            return
        coro = self._send(message)
        try:
            waiting = coro.send(None)
        except StopIteration:
            return
        except (WebSocketDisconnect, RuntimeError, OSError):
            self.closed = True
            return
        self._busy = True
        self._task = asyncio.ensure_future(self._drain(coro, waiting))

    async def drained(self) -> None:
        """Return once every message written so far has been handed to the server."""
        while self._task is not None:
            await asyncio.shield(self._task)

    def _send(self, message: dict[str, Any]) -> Any:
        if self._raw is not None and message["type"] == "websocket.send":
            return self._raw(message)
        return self._ws.send(message)  # the close goes through Starlette, which tracks the socket's state

    async def _drain(self, coro: Any, waiting: Any) -> None:
        try:
            await _Resume(coro, waiting)
            while self._queue:
                await self._send(self._queue.popleft())
        except (WebSocketDisconnect, RuntimeError, OSError):
            self.closed = True
        finally:
            self._queue = None
            self._busy = False
            self._task = None


class WebSocketAdapter(ASGIWebSocketAdapter):
    """Strawberry's ASGI socket adapter with the message size cap and non-blocking writes."""

    def __init__(self, view: AsyncBaseHTTPView[Any, Any, Any, Any, Any, Any, Any], request: Any, response: Any):
        super().__init__(view, request, response)
        self.writer = SocketWriter(response)
        self.max_bytes: int = getattr(view, "max_message_bytes", 1024 * 1024)

    async def iter_json(self, *, ignore_parsing_errors: bool = False) -> AsyncGenerator[object, None]:
        try:
            while self.ws.application_state != WebSocketState.DISCONNECTED and not self.writer.closed:
                text = await self.ws.receive_text()
                # A character is at least one byte, and at most four: encode only when the length can't tell.
                size = len(text)
                if size > self.max_bytes or (size * 4 > self.max_bytes and len(text.encode()) > self.max_bytes):
                    self.writer.close(1009, f"messages are limited to {self.max_bytes} bytes")
                    return
                try:
                    message = self.view.decode_json(text)
                except (ValueError, HTTPException):  # the view's decoder says 400 for any bad JSON
                    message = None
                # graphql-transport-ws messages are JSON objects: anything else (bad JSON, a list, a string, null)
                # closes the socket with 4400, as the protocol says (``TransportWSHandler.handle_invalid_message``).
                if not isinstance(message, dict):
                    if ignore_parsing_errors:
                        continue
                    raise NonJsonMessageReceived
                yield message
                del message
        except KeyError as error:
            raise NonTextMessageReceived from error
        except WebSocketDisconnect:
            pass

    async def send_json(self, message: Any) -> None:
        encoded = self.view.encode_json(message)
        self.writer.write(encoded if isinstance(encoded, str) else encoded.decode())

    async def close(self, code: int, reason: str) -> None:
        self.writer.close(code, reason)
