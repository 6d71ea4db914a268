"""Latest values sent: per key, the value a notification last carried and when a throttled one last went out, so
that a value is sent only when it changed, and a key's throttled sends are at most one per interval.

Shared by every process that may send for a key (an API replica that cancels a batch, the worker that starts
another), so each decision is one atomic step:

- ``offer(key, value, interval)``: ``SEND`` (the value is new and the interval since the key's last throttled send
  has passed: it is recorded as sent now), ``SAME`` (the value was sent already) or ``LATER`` with the seconds to
  wait before offering again (the value is new, the interval not over).
- ``note(key, value)``: record a value sent by another path (it does not start an interval).

Best effort, as the bus is: the state of record is in SQL, and a store that cannot answer says ``SEND`` (a
duplicate notification is harmless; a lost one is not).

- ``InProcessLatest``: the embedded default, this process's memory (at most ``max_keys`` keys, least recent first out).
- ``RedisLatest``: two keys per key in Redis (the value, and the interval's marker with a millisecond expiry), one
  Lua script per decision; values expire ``ttl_seconds`` after their last change.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

DEFAULT_TTL_SECONDS = 24 * 3600
DEFAULT_MAX_KEYS = 20_000


class Verdict(enum.Enum):
    SEND = "send"
    SAME = "same"
    LATER = "later"


Decision = tuple[Verdict, float]
"""The verdict and, for ``LATER``, the seconds until the interval ends (0.0 otherwise)."""


class LatestValues(Protocol):
    """See the module docstring."""

    async def offer(self, key: str, value: str, *, interval: float = 0.0) -> Decision: ...

    async def offer_many(self, offers: Sequence[tuple[str, str]], *, interval: float = 0.0) -> list[Decision]:
        """``offer`` for each ``(key, value)``, in one round trip."""
        ...

    async def note(self, key: str, value: str) -> None: ...

    async def close(self) -> None: ...


class InProcessLatest:
    """Latest values in this process's memory (see the module docstring); ``clock`` is for tests."""

    def __init__(self, *, max_keys: int = DEFAULT_MAX_KEYS, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_keys = max_keys
        self._clock = clock
        self._values: OrderedDict[str, tuple[str, float]] = OrderedDict()
        """key -> (value, when its throttled interval ends)"""

    async def offer(self, key: str, value: str, *, interval: float = 0.0) -> Decision:
        return self._offer(key, value, interval)

    async def offer_many(self, offers: Sequence[tuple[str, str]], *, interval: float = 0.0) -> list[Decision]:
        return [self._offer(key, value, interval) for key, value in offers]

    def _offer(self, key: str, value: str, interval: float) -> Decision:
        now = self._clock()
        kept = self._values.get(key)
        if kept is not None and kept[0] == value:
            return Verdict.SAME, 0.0
        if kept is not None and kept[1] > now:
            return Verdict.LATER, kept[1] - now
        self._set(key, value, now + interval)
        return Verdict.SEND, 0.0

    async def note(self, key: str, value: str) -> None:
        kept = self._values.get(key)
        self._set(key, value, kept[1] if kept is not None else 0.0)

    def _set(self, key: str, value: str, until: float) -> None:
        self._values.pop(key, None)
        self._values[key] = (value, until)
        while len(self._values) > self.max_keys:
            self._values.popitem(last=False)

    async def close(self) -> None:
        self._values.clear()


# KEYS: value key, interval key. ARGV: value, interval in ms, ttl in s. Returns -1 (same), 0 (send) or the ms left.
_OFFER = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return -1 end
local left = redis.call('PTTL', KEYS[2])
if left > 0 then return left end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
if tonumber(ARGV[2]) > 0 then redis.call('SET', KEYS[2], '1', 'PX', ARGV[2]) end
return 0
"""


class RedisLatest:
    """Latest values in Redis, shared by every process (see the module docstring)."""

    def __init__(
        self,
        redis_url: str,
        *,
        prefix: str = "playground:latest:",
        ttl_seconds: int = DEFAULT_TTL_SECONDS,
        timeout: float = 5.0,
        client_name: str = "playground-latest",
    ) -> None:
        self._prefix = prefix
        self._ttl = ttl_seconds
        self._timeout = timeout
        self._redis = Redis.from_url(redis_url, client_name=client_name, socket_connect_timeout=timeout)
        self._script = self._redis.register_script(_OFFER)

    async def offer(self, key: str, value: str, *, interval: float = 0.0) -> Decision:
        return (await self.offer_many([(key, value)], interval=interval))[0]

    async def offer_many(self, offers: Sequence[tuple[str, str]], *, interval: float = 0.0) -> list[Decision]:
        if not offers:
            return []
        ms = max(0, round(interval * 1000))
        try:
            async with asyncio.timeout(self._timeout):
                async with self._redis.pipeline(transaction=False) as pipe:
                    for key, value in offers:
                        name = self._prefix + key
                        await self._script(keys=[name, name + ":i"], args=[value, ms, self._ttl], client=pipe)
                    replies: list[Any] = await pipe.execute()
        except (RedisError, OSError, TimeoutError) as exc:
            log.warning("latest values: offer failed (sending anyway): %s: %s", type(exc).__name__, exc)
            return [(Verdict.SEND, 0.0)] * len(offers)
        return [_decision(int(reply)) for reply in replies]

    async def note(self, key: str, value: str) -> None:
        try:
            async with asyncio.timeout(self._timeout):
                await self._redis.set(self._prefix + key, value, ex=self._ttl)
        except (RedisError, OSError, TimeoutError) as exc:
            log.warning("latest values: note of %s failed: %s: %s", key, type(exc).__name__, exc)

    async def close(self) -> None:
        await self._redis.aclose()


def _decision(reply: int) -> Decision:
    if reply < 0:
        return Verdict.SAME, 0.0
    if reply == 0:
        return Verdict.SEND, 0.0
    return Verdict.LATER, reply / 1000


def create_latest(redis_url: str | None, **options: Any) -> LatestValues:
    """``RedisLatest`` when ``redis_url`` is set, else ``InProcessLatest`` (options go to Redis only)."""
    if redis_url:
        return RedisLatest(redis_url, **options)
    return InProcessLatest()
