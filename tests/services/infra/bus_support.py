"""Test helpers for the event bus: bounded waits and a TCP proxy that can cut or freeze the way to Redis."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

from services.infra.bus import RESYNC, Resync, Subscription

Item = dict[str, object] | Resync
WAIT = 5.0


async def next_item(subscription: Subscription, within: float = WAIT) -> Item:
    """The subscription's next item, failing the test after ``within`` seconds."""
    iterator = aiter(subscription)
    async with asyncio.timeout(within):
        return await anext(iterator)


async def take(subscription: Subscription, count: int, within: float = WAIT) -> list[Item]:
    return [await next_item(subscription, within) for _ in range(count)]


async def next_event(subscription: Subscription, within: float = WAIT) -> dict[str, object]:
    item = await next_item(subscription, within)
    assert item is not RESYNC, "expected an event, got RESYNC"
    assert isinstance(item, dict)
    return item


async def wait_until(condition: Callable[[], bool], within: float = WAIT, step: float = 0.01) -> None:
    """Poll ``condition`` until it holds, failing after ``within`` seconds (a bounded loop, not a fixed sleep)."""
    async with asyncio.timeout(within):
        while not condition():  # noqa: ASYNC110 - polls state owned by code under test, bounded by the timeout
            await asyncio.sleep(step)


class TcpProxy:
    """Forwards 127.0.0.1:<port> to Redis; ``cut()`` drops connections and refuses new ones, ``freeze()`` swallows
    traffic silently (a network black hole), ``restore()`` forwards again."""

    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self._upstream = (upstream_host, upstream_port)
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self.refusing = False
        self.frozen = False
        self.accepted = 0

    @property
    def port(self) -> int:
        assert self._server is not None
        port: int = self._server.sockets[0].getsockname()[1]
        return port

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
        await self._drop_all()
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._server is not None:
            await self._server.wait_closed()

    async def cut(self) -> None:
        self.refusing = True
        await self._drop_all()

    def freeze(self) -> None:
        self.frozen = True

    def restore(self) -> None:
        self.refusing = False
        self.frozen = False

    async def _drop_all(self) -> None:
        writers, self._writers = set(self._writers), set()
        for writer in writers:
            writer.close()
        for writer in writers:
            with contextlib.suppress(OSError):
                await writer.wait_closed()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.refusing:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()
            return
        self.accepted += 1
        up_reader, up_writer = await asyncio.open_connection(*self._upstream)
        self._writers.update((writer, up_writer))
        for source, sink in ((reader, up_writer), (up_reader, writer)):
            task = asyncio.create_task(self._pipe(source, sink, (writer, up_writer)))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _pipe(
        self,
        source: asyncio.StreamReader,
        sink: asyncio.StreamWriter,
        pair: tuple[asyncio.StreamWriter, asyncio.StreamWriter],
    ) -> None:
        try:
            while data := await source.read(65536):
                if not self.frozen:
                    sink.write(data)
                    await sink.drain()
        except OSError:
            pass
        finally:
            for writer in pair:
                self._writers.discard(writer)
                writer.close()
