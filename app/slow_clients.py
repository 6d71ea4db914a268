"""Deadlines for reading a request, which uvicorn does not have: a client that connects and sends nothing, sends half
its headers, or announces a body and stops sending it would otherwise hold its connection (and a request task
waiting on the body) for as long as it likes.

``guarded_http_protocol`` returns uvicorn's httptools protocol with two timers:

- **headers**: from the moment a connection opens (or a new request begins on a kept-alive one) until its headers
  are complete, at most ``header_timeout`` seconds;
- **body**: while a body is being received, at most ``body_timeout`` seconds without a single byte arriving (a
  slow but steady upload goes on; a stalled one does not).

When a timer fires before the application started its response, the client gets ``408 Request Timeout`` (with
``Connection: close``) and the connection is closed; the application, if it was waiting for the body, sees the
client as gone. Between requests, uvicorn's own keep-alive timeout applies; WebSockets have their own pings.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

logger = logging.getLogger("playground.http")

_TIMEOUT_RESPONSE = (
    b"HTTP/1.1 408 Request Timeout\r\n"
    b"content-type: text/plain; charset=utf-8\r\n"
    b"connection: close\r\n"
    b"content-length: %d\r\n\r\n%s"
)


class _GuardedHttpToolsProtocol(HttpToolsProtocol):
    header_timeout: float = 10.0
    body_timeout: float = 30.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._read_timer: asyncio.TimerHandle | None = None

    # --- the timer ------------------------------------------------------------------------------------------------

    def _arm(self, seconds: float, waiting_for: str) -> None:
        self._disarm()
        self._read_timer = self.loop.call_later(seconds, self._expired, waiting_for, seconds)

    def _disarm(self) -> None:
        if self._read_timer is not None:
            self._read_timer.cancel()
            self._read_timer = None

    def _expired(self, waiting_for: str, seconds: float) -> None:
        self._read_timer = None
        if self.transport.is_closing():
            return
        client = f"{self.client[0]}:{self.client[1]}" if self.client else "a client"
        logger.info("closed a connection from %s: no %s within %g s", client, waiting_for, seconds)
        cycle = self.cycle
        if cycle is not None and not cycle.response_complete:
            cycle.disconnected = True  # the application's receive() now answers http.disconnect
            cycle.message_event.set()
            if cycle.response_started:
                self.transport.close()
                return
        message = f"the request's {waiting_for} did not arrive within {seconds:g} s".encode()
        self.transport.write(_TIMEOUT_RESPONSE % (len(message), message))
        self.transport.close()

    # --- uvicorn's hooks ------------------------------------------------------------------------------------------

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm(self.header_timeout, "headers")

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm(self.header_timeout, "headers")

    def on_headers_complete(self) -> None:
        super().on_headers_complete()
        if self.parser.should_upgrade():
            self._disarm()  # a WebSocket handshake: its protocol takes over the connection
        else:
            self._arm(self.body_timeout, "body")

    def on_body(self, body: bytes) -> None:
        super().on_body(body)
        self._arm(self.body_timeout, "body")

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._disarm()

    def handle_websocket_upgrade(self) -> None:
        self._disarm()
        super().handle_websocket_upgrade()


def guarded_http_protocol(*, header_timeout: float, body_timeout: float) -> type[HttpToolsProtocol]:
    """uvicorn's ``http`` protocol class with these read deadlines (pass it as ``uvicorn.Config(http=...)``)."""
    return type(
        "GuardedHttpToolsProtocol",
        (_GuardedHttpToolsProtocol,),
        {"header_timeout": header_timeout, "body_timeout": body_timeout},
    )
