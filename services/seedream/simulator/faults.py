"""Replies that leave the caller unsure what the service did, as real networks and gateways produce them.

`hang` holds a request open (a reply lost in the network: the caller's read timeout fires), `gateway_timeout` is a
proxy's 504 page, `html_page` an HTTP 200 carrying a proxy's HTML instead of JSON, and `cut` starts a reply and then
drops the connection (a reset after the request was sent). The service has done its work in every case.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

GATEWAY_TIMEOUT_PAGE = "<html><head><title>504 Gateway Time-out</title></head><body>504 Gateway Time-out</body></html>"
PROXY_PAGE = "<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>"


class ConnectionCut(Exception):
    """Raised inside a streaming body: the server drops the connection without finishing the reply."""


async def hang(request: Request, seconds: float) -> None:
    """Hold the request open until `seconds` pass or the client hangs up (so shutdown is not held)."""
    deadline = asyncio.get_running_loop().time() + seconds
    while asyncio.get_running_loop().time() < deadline:
        if await request.is_disconnected():
            return
        await asyncio.sleep(0.05)


def gateway_timeout() -> Response:
    return Response(GATEWAY_TIMEOUT_PAGE, status_code=504, media_type="text/html")


def html_page() -> Response:
    return Response(PROXY_PAGE, status_code=200, media_type="text/html")


def cut(first: bytes, media_type: str = "application/json") -> Response:
    """A 200 whose body stops after `first` and whose connection is then dropped."""

    async def body() -> AsyncIterator[bytes]:
        yield first
        raise ConnectionCut("simulated connection reset")

    return StreamingResponse(body(), media_type=media_type)
