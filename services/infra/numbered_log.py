"""Numbered logs: short, capped, expiring logs of numbered JSON entries under a key, for readers who come back later
with the last number they saw and want exactly what came after it.

A log keeps the last ``cap`` entries of a key for ``ttl`` seconds after its last write; older entries fall off.
Entries are numbered one of two ways, one per key:

- ``put(key, number, entry)``: the caller numbered the entry (a batch's ``seq``, taken in SQL).
- ``append(key, entry)``: the log numbers it, atomically: the key's counter goes up by one and the entry is kept
  under the new number in the same step (a Lua script behind Redis), and the number is returned. The counter outlives
  the entries (it never expires), so a number is never given twice for a key; a reader whose number is above the
  counter (the counter was lost, or it read another deployment's) is told nothing can be replayed.

Writing is best effort (as publishing on the bus is): the state of record is in SQL, so a failed write is logged and
the reader falls back to that state. An entry that could not be numbered (``append`` returned None: Redis was
unreachable) leaves a *gap*: the log remembers it and, at the key's next ``append``, keeps a gap marker under its
own number before the entry. ``since`` never replays across a gap (or a hole, or a capped-off or expired stretch):
it returns None and the reader takes a snapshot instead. Until that next append, this process's ``since`` knows of
the gap too; another process learns of it from the marker (a follower live on the key sees the numbers jump, and
asks).

- ``InProcessLog``: the embedded default; per key a ``deque(maxlen=cap)`` and a counter, and at most ``max_keys``
  keys' entries (the least recently written go first; counters are kept).
- ``RedisLog``: a Redis stream per key (``XADD ... MAXLEN cap`` and ``EXPIRE ttl``) and a counter key beside it,
  shared by every process of a deployment.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

from services.infra.outage import unreachable

log = logging.getLogger(__name__)

Entry = dict[str, Any]
Numbered = tuple[int, Entry | None]
"""A kept entry under its number; None is a gap marker (entries were lost there)."""

DEFAULT_CAP = 1000
DEFAULT_TTL_SECONDS = 24 * 3600
DEFAULT_MAX_KEYS = 2000


class NumberedLog(Protocol):
    """Numbered JSON-able entries under a key (see the module docstring)."""

    async def put(self, key: str, number: int, entry: Entry) -> None:
        """Keep ``entry`` under the caller's ``number``."""
        ...

    async def append(self, key: str, entry: Entry) -> int | None:
        """Keep ``entry`` under the key's next number and return it; None when it could not (a gap is recorded)."""
        ...

    async def since(self, key: str, after: int, *, counted: bool = False) -> list[Entry] | None:
        """The entries numbered above ``after``, in order, without a gap; None when the log cannot show that nothing
        after ``after`` is missing (see ``continuation``). ``counted``: the key is numbered by ``append``, so its
        counter says how far the entries must go (none numbered yet when it has none)."""
        ...

    async def head(self, key: str) -> int | None:
        """The last number ``append`` gave for the key (0 before the first); None when it could not be read."""
        ...

    async def close(self) -> None: ...


def continuation(kept: Iterable[Numbered], after: int, head: int | None) -> list[Entry] | None:
    """The entries of ``kept`` numbered ``after + 1``, ``after + 2``, ... with none missing; None when that cannot
    be shown: nothing kept is numbered ``after`` or ``after + 1`` (expired, or capped past it), a number in between
    is missing (a hole) or a gap marker, or (with ``head``, the log's own counter) ``after`` is above the counter or
    the entries stop short of it."""
    by_number = dict(kept)
    if head is not None:
        if after > head:
            return None
        if after == head:
            return []
    if after not in by_number and after + 1 not in by_number:
        return None
    missed: list[Entry] = []
    number = after + 1
    while number in by_number:
        entry = by_number[number]
        if entry is None:
            return None  # entries were lost here
        missed.append(entry)
        number += 1
    if any(n >= number for n in by_number) or (head is not None and number <= head):
        return None  # a hole: something in between was not kept
    return missed


class InProcessLog:
    """A numbered log in this process's memory (see the module docstring); ``clock`` is for tests."""

    def __init__(
        self,
        *,
        cap: int = DEFAULT_CAP,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        max_keys: int = DEFAULT_MAX_KEYS,
        clock: Callable[[], float] = time.monotonic,
        first_number: int = 0,
    ) -> None:
        self.cap = cap
        self.ttl_seconds = ttl_seconds
        self.max_keys = max_keys
        self._clock = clock
        self._logs: OrderedDict[str, tuple[deque[Numbered], float]] = OrderedDict()
        self._counters: dict[str, int] = {}
        self._first = first_number

    def _keep(self, key: str, numbered: Numbered) -> None:
        kept = self._logs.pop(key, None)
        entries = kept[0] if kept is not None and kept[1] > self._clock() else deque(maxlen=self.cap)
        entries.append(numbered)
        self._logs[key] = (entries, self._clock() + self.ttl_seconds)
        while len(self._logs) > self.max_keys:
            self._logs.popitem(last=False)

    async def put(self, key: str, number: int, entry: Entry) -> None:
        self._keep(key, (number, entry))

    async def append(self, key: str, entry: Entry) -> int | None:
        number = self._counters.get(key, self._first) + 1
        self._counters[key] = number
        self._keep(key, (number, entry))
        return number

    def _kept(self, key: str) -> list[Numbered]:
        kept = self._logs.get(key)
        if kept is None:
            return []
        if kept[1] <= self._clock():
            del self._logs[key]
            return []
        return list(kept[0])

    async def since(self, key: str, after: int, *, counted: bool = False) -> list[Entry] | None:
        return continuation(self._kept(key), after, self._counters.get(key, self._first) if counted else None)

    async def head(self, key: str) -> int | None:
        return self._counters.get(key, self._first)

    def forget(self, key: str) -> None:
        """Drop a key's entries now, as expiry would (tests)."""
        self._logs.pop(key, None)

    def lose(self, key: str) -> None:
        """Record that an entry of ``key`` was lost here, as an ``append`` that failed would (tests)."""
        number = self._counters.get(key, self._first) + 1
        self._counters[key] = number
        self._keep(key, (number, None))

    async def close(self) -> None:
        self._logs.clear()


# KEYS: counter, stream. ARGV: entry JSON, "1" to record a pending gap first, ttl seconds, cap.
_APPEND = """
local n = redis.call('INCR', KEYS[1])
if ARGV[2] == '1' then
  redis.call('XADD', KEYS[2], 'MAXLEN', ARGV[4], '*', 'n', n, 'gap', '1')
  n = redis.call('INCR', KEYS[1])
end
redis.call('XADD', KEYS[2], 'MAXLEN', ARGV[4], '*', 'n', n, 'e', ARGV[1])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return n
"""


class RedisLog:
    """A numbered log as one Redis stream per key and a counter beside it (see the module docstring).
    ``timeout`` bounds each command."""

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
        self._append_script = self._redis.register_script(_APPEND)
        self._gaps: set[str] = set()
        self.append_failures = 0

    def stream_key(self, key: str) -> str:
        # The hash tag keeps a key's stream and counter in one cluster slot (the script touches both).
        return f"{self._prefix}{{{key}}}"

    def _counter_key(self, key: str) -> str:
        return self.stream_key(key) + ":n"

    @staticmethod
    def _unreachable(exc: Exception) -> bool:
        """A failure to reach Redis, logged and survived (the state of record is in SQL); under uvloop a connection
        Redis dropped can surface as a ``RuntimeError`` on its closed transport, caused by the reset."""
        return isinstance(exc, RedisError | OSError | TimeoutError) or unreachable(exc)

    def _failed(self, action: str, key: str, exc: BaseException) -> None:
        self.append_failures += 1
        log.warning("numbered log: %s of %s failed: %s: %s", action, key, type(exc).__name__, exc)

    async def put(self, key: str, number: int, entry: Entry) -> None:
        name = self.stream_key(key)
        try:
            async with asyncio.timeout(self._timeout):
                async with self._redis.pipeline(transaction=False) as pipe:
                    pipe.xadd(name, {"n": number, "e": _dumps(entry)}, maxlen=self.cap, approximate=False)
                    pipe.expire(name, self.ttl_seconds)
                    await pipe.execute()
        except Exception as exc:
            if not self._unreachable(exc):
                raise
            self._failed("put", key, exc)

    async def append(self, key: str, entry: Entry) -> int | None:
        gap = key in self._gaps
        try:
            async with asyncio.timeout(self._timeout):
                number = await self._append_script(
                    keys=[self._counter_key(key), self.stream_key(key)],
                    args=[_dumps(entry), "1" if gap else "0", self.ttl_seconds, self.cap],
                )
        except Exception as exc:
            if not self._unreachable(exc):
                raise
            self._gaps.add(key)
            self._failed("append", key, exc)
            return None
        self._gaps.discard(key)
        return int(number)

    async def since(self, key: str, after: int, *, counted: bool = False) -> list[Entry] | None:
        if key in self._gaps:
            return None  # this process lost an entry of the key, not yet marked in Redis
        try:
            async with asyncio.timeout(self._timeout):
                async with self._redis.pipeline(transaction=True) as pipe:
                    pipe.get(self._counter_key(key))
                    pipe.xrange(self.stream_key(key))
                    counter, rows = await pipe.execute()
        except Exception as exc:
            if not self._unreachable(exc):
                raise
            log.warning("numbered log: read of %s failed: %s: %s", key, type(exc).__name__, exc)
            return None
        kept: list[Numbered] = [
            (int(fields[b"n"]), json.loads(fields[b"e"]) if b"e" in fields else None) for _, fields in rows
        ]
        return continuation(kept, after, int(counter or 0) if counted else None)

    async def head(self, key: str) -> int | None:
        try:
            async with asyncio.timeout(self._timeout):
                counter = await self._redis.get(self._counter_key(key))
        except Exception as exc:
            if not self._unreachable(exc):
                raise
            log.warning("numbered log: read of %s's counter failed: %s: %s", key, type(exc).__name__, exc)
            return None
        return int(counter) if counter is not None else 0

    async def close(self) -> None:
        await self._redis.aclose()


def _dumps(entry: Entry) -> str:
    return json.dumps(entry, separators=(",", ":"))


def create_log(redis_url: str | None, **options: Any) -> NumberedLog:
    """``RedisLog`` when ``redis_url`` is set, else ``InProcessLog`` (``options`` go to either; ``prefix`` and
    ``client_name`` only to Redis)."""
    if redis_url:
        options.pop("first_number", None)
        return RedisLog(redis_url, **options)
    options.pop("prefix", None)
    options.pop("client_name", None)
    return InProcessLog(**options)


EPOCH = 1_767_225_600
"""2026-01-01T00:00:00Z: where `restart_safe_first_number` counts from (32-bit GraphQL Ints last until 2094)."""


def restart_safe_first_number(now: float | None = None) -> int:
    """A first number for an in-process log whose numbers clients keep across restarts (``userSeq``): the seconds
    since `EPOCH`. Memory is empty after a restart, so a number from the previous life must never be taken for one of
    this life: it is below this life's first (a resume with it finds nothing kept and gets a snapshot) as long as the
    previous life numbered fewer events per key than the seconds it ran, which one process's user never exceeds in
    practice. Redis keeps its counters, so this is for the embedded default only."""
    return max(0, int(time.time() if now is None else now) - EPOCH)
