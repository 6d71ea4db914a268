"""Bounded logs: short, capped, expiring lists of JSON entries under a key, for readers who come back later.

A log keeps the last ``cap`` entries of a key for ``ttl`` seconds after its last append; older entries fall off.
Appending is best effort (as publishing on the bus is): the state of record is in SQL, so a failed append is logged
and the reader, finding a gap, falls back to that state.

- ``InProcessLog``: the embedded default; per key a ``deque(maxlen=cap)``, and at most ``max_keys`` keys (the least
  recently appended goes first).
- ``RedisLog``: a Redis stream per key, ``XADD ... MAXLEN cap`` and ``EXPIRE ttl`` in one round trip, shared by
  every process of a deployment.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from typing import Any, Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

Entry = dict[str, Any]

DEFAULT_CAP = 1000
DEFAULT_TTL_SECONDS = 24 * 3600
DEFAULT_MAX_KEYS = 2000


class BoundedLog(Protocol):
    """Append JSON-able entries under a key; read back what is still kept, oldest first."""

    async def append(self, key: str, entry: Entry) -> None: ...

    async def read(self, key: str) -> list[Entry] | None:
        """The kept entries (``[]`` when none are); None when the log could not be read."""
        ...

    async def close(self) -> None: ...


class InProcessLog:
    """A bounded log in this process's memory (see the module docstring); ``clock`` is for tests."""

    def __init__(
        self,
        *,
        cap: int = DEFAULT_CAP,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        max_keys: int = DEFAULT_MAX_KEYS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.cap = cap
        self.ttl_seconds = ttl_seconds
        self.max_keys = max_keys
        self._clock = clock
        self._logs: OrderedDict[str, tuple[deque[Entry], float]] = OrderedDict()

    async def append(self, key: str, entry: Entry) -> None:
        kept = self._logs.pop(key, None)
        entries = kept[0] if kept is not None and kept[1] > self._clock() else deque(maxlen=self.cap)
        entries.append(entry)
        self._logs[key] = (entries, self._clock() + self.ttl_seconds)
        while len(self._logs) > self.max_keys:
            self._logs.popitem(last=False)

    async def read(self, key: str) -> list[Entry] | None:
        kept = self._logs.get(key)
        if kept is None:
            return []
        if kept[1] <= self._clock():
            del self._logs[key]
            return []
        return list(kept[0])

    def forget(self, key: str) -> None:
        """Drop a key's entries now (tests: a log that expired)."""
        self._logs.pop(key, None)

    async def close(self) -> None:
        self._logs.clear()


class RedisLog:
    """A bounded log as one Redis stream per key (see the module docstring). ``timeout`` bounds each command."""

    def __init__(
        self,
        redis_url: str,
        *,
        prefix: str = "playground:log:",
        cap: int = DEFAULT_CAP,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        timeout: float = 5.0,
        client_name: str = "playground-log",
    ) -> None:
        self.cap = cap
        self.ttl_seconds = int(ttl_seconds)
        self._prefix = prefix
        self._timeout = timeout
        self._redis = Redis.from_url(redis_url, client_name=client_name, socket_connect_timeout=timeout)
        self.append_failures = 0

    async def append(self, key: str, entry: Entry) -> None:
        name = self._prefix + key
        try:
            async with asyncio.timeout(self._timeout):
                async with self._redis.pipeline(transaction=False) as pipe:
                    pipe.xadd(name, {"e": json.dumps(entry, separators=(",", ":"))}, maxlen=self.cap, approximate=False)
                    pipe.expire(name, self.ttl_seconds)
                    await pipe.execute()
        except (RedisError, OSError, TimeoutError) as exc:
            self.append_failures += 1
            log.warning("bounded log: append to %s failed: %s: %s", key, type(exc).__name__, exc)

    async def read(self, key: str) -> list[Entry] | None:
        try:
            async with asyncio.timeout(self._timeout):
                rows = await self._redis.xrange(self._prefix + key)
        except (RedisError, OSError, TimeoutError) as exc:
            log.warning("bounded log: read of %s failed: %s: %s", key, type(exc).__name__, exc)
            return None
        return [json.loads(fields[b"e"]) for _, fields in rows]

    async def close(self) -> None:
        await self._redis.aclose()


def create_log(redis_url: str | None, **options: Any) -> BoundedLog:
    """``RedisLog`` when ``redis_url`` is set, else ``InProcessLog`` (``options`` go to either; ``prefix`` and
    ``client_name`` only to Redis)."""
    if redis_url:
        return RedisLog(redis_url, **options)
    options.pop("prefix", None)
    options.pop("client_name", None)
    return InProcessLog(**options)
