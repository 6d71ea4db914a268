"""A webhook receiver on a loopback port: records what it is sent and answers as a test tells it to."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """``answer``: "ok" (204), "error" (500), "redirect" (302), "hang" (never answers until released)."""

    port: int
    answer: str = "ok"
    received: list[Received] = field(default_factory=list)
    acknowledged: list[str] = field(default_factory=list)
    """webhook-id of every request answered 2xx, in order."""
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    release: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    async def handle(self, request: Request) -> Response:
        body = await request.body()
        self.received.append(Received(dict(request.headers), body))
        self.arrived.set()
        if self.answer == "hang":
            await self.release.wait()
            return Response(status_code=204)
        if self.answer == "error":
            return Response("nope", status_code=500)
        if self.answer == "redirect":
            return Response(status_code=302, headers={"Location": "http://127.0.0.1:1/elsewhere"})
        self.acknowledged.append(request.headers["webhook-id"])
        return Response(status_code=204)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@asynccontextmanager
async def serving(receiver: Receiver) -> AsyncIterator[Receiver]:
    """Serve ``receiver`` on its port until the block ends (a port nobody serves refuses connections)."""
    app = Starlette(routes=[Route("/hook", receiver.handle, methods=["POST"])])
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", receiver.port))
    server = uvicorn.Server(uvicorn.Config(app, lifespan="off", log_level="warning"))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)  # polling a condition, not a fixed wait
    try:
        yield receiver
    finally:
        receiver.release.set()
        server.should_exit = True
        await task
        sock.close()
