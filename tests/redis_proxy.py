"""A TCP relay to Redis, so a test can take Redis away from a process (and give it back) without touching Redis."""

from __future__ import annotations

import asyncio
import contextlib


class RedisProxy:
    """A TCP relay to Redis, in the test's event loop.

    ``refusing`` makes it drop new connections at once (Redis "down" for newcomers; the relayed connections carry
    on); `cut` also ends every relayed connection, so the clients see their connections lost. `refused` counts the
    connections dropped while refusing (a client's attempts to reach Redis). `upstream_ports` are the local ports of
    the relayed connections, which Redis lists as the clients' ``addr``: that is how a test finds a process's
    connections in ``CLIENT LIST``.
    """

    def __init__(self, host: str, port: int) -> None:
        self._upstream = (host, port)
        self.refusing = False
        self.refused = 0
        self._server: asyncio.Server | None = None
        self._handlers: set[asyncio.Task[None]] = set()
        self._writers: set[asyncio.StreamWriter] = set()
        self._ports: dict[asyncio.StreamWriter, int] = {}
        self._refusal = asyncio.Event()
        self.port = 0
        self.db = 0

    @classmethod
    def to(cls, redis_url: str) -> RedisProxy:
        """A relay to the Redis of ``redis_url`` (``redis://host:port/db``)."""
        host_port, _, path = redis_url.split("://", 1)[1].partition("/")
        host, port = host_port.rsplit(":", 1)
        relay = cls(host, int(port))
        relay.db = int(path.split("?", 1)[0] or 0)
        return relay

    def url(self, db: int | None = None) -> str:
        """The relay's URL, on the upstream URL's database number unless ``db`` says another."""
        return f"redis://127.0.0.1:{self.port}/{self.db if db is None else db}"

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    @property
    def upstream_ports(self) -> set[int]:
        return set(self._ports.values())

    async def cut(self) -> None:
        """Redis goes away: refuse new connections and end the relayed ones."""
        self.refusing = True
        for writer in list(self._writers):
            writer.close()

    def restore(self) -> None:
        """Redis is back for new connections."""
        self.refusing = False

    async def wait_refused(self, count: int) -> None:
        """Until ``count`` connections in all were refused (bound it with ``asyncio.timeout``)."""
        while self.refused < count:
            self._refusal.clear()
            await self._refusal.wait()

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for writer in list(self._writers):
            writer.close()
        for task in list(self._handlers):
            task.cancel()
        if self._handlers:
            await asyncio.wait(self._handlers)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        self._writers.add(writer)
        upstream: asyncio.StreamWriter | None = None
        try:
            if self.refusing:
                self.refused += 1
                self._refusal.set()
                return
            try:
                up_reader, upstream = await asyncio.open_connection(*self._upstream)
            except OSError:
                return
            self._writers.add(upstream)
            self._ports[upstream] = upstream.get_extra_info("sockname")[1]
            await asyncio.gather(self._pump(reader, upstream), self._pump(up_reader, writer))
        except asyncio.CancelledError:
            pass
        finally:
            for end in (writer, upstream):
                if end is None:
                    continue
                self._ports.pop(end, None)
                self._writers.discard(end)
                end.close()
                with contextlib.suppress(ConnectionError, OSError, asyncio.CancelledError):
                    await end.wait_closed()
            self._handlers.discard(task)

    @staticmethod
    async def _pump(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
        try:
            while data := await source.read(65536):
                sink.write(data)
                await sink.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            sink.close()  # one side ended: end the other too, so both pumps stop
