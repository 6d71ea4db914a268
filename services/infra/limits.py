"""The provider account's limits, held across every worker process and machine, and fairness between users.

A provider call runs inside ``async with limiter.slot(user_id, images):``. Entering waits until, all at once:

- no 429 penalty is in force (`penalize` sets one for everybody),
- one of the account's ``concurrent_tasks`` slots is free,
- one of the user's slots is free: a user holds at most ``per_user_concurrency`` of them, and never all the account's
  slots when it has more than one (the cap is ``min(per_user_concurrency, concurrent_tasks - 1)``, at least 1), so one
  user's 500-image batch cannot starve the others: another user's request gets the next slot that frees;
- ``images`` more images fit in the sliding window (``images_per_minute`` per ``window_s``, 60 s outside tests). A
  request larger than the whole budget waits for an empty window rather than forever.

The images are counted when the slot is taken (the provider counts the request when it is submitted), and stay
counted for the window even if the call fails. Waiting is bounded polling with jitter (Redis) or a wake-up on release
(memory), never a busy loop.

`RedisProviderLimiter` does every check and the taking of the slots in one Lua script (server time, so clocks of the
workers do not matter), not with the ``limits`` package: a ``limits`` hit and the concurrency leases would be two
steps, so a request could spend images of the window and then not get a slot, and ``limits`` cannot say when the
budget frees. Concurrency slots are leases with a short expiry (``lease_ttl_s``, ``WORKER_DEAD_AFTER_SECONDS``: 5 s
by default), renewed three times per TTL while held: a SIGKILLed worker's slots free themselves within that TTL, so
the batch re-delivered to another worker and everybody else's batches get them back in seconds, not after a long
lease. The price: a process whose event loop stalls longer than the TTL loses its slots (logged). The provider may
still be running a dead worker's call after its slot is freed; should that overfill the account, its 429 penalises
everyone for a moment and the calls are retried. All keys share one hash tag, so the script also runs on Redis
Cluster. While Redis is unreachable, waiting for a slot keeps retrying (reported once per window, see
`services.infra.outage`) instead of failing the image.
"""

from __future__ import annotations

import asyncio
import logging
import math
import random
import time
import uuid
from collections import Counter, deque
from collections.abc import AsyncIterator, Awaitable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any, Protocol

from redis.asyncio import Redis

from services.infra import metrics
from services.infra.outage import CONNECTION_ERRORS, Outage

logger = logging.getLogger(__name__)

DEFAULT_WINDOW_S = 60.0
DEFAULT_LEASE_TTL_S = 5.0
POLL_MIN_S = 0.05
POLL_MAX_S = 1.0


class ProviderLimiter(Protocol):
    def slot(self, user_id: str, images: int) -> AbstractAsyncContextManager[None]:
        """Wait for an account slot, a user slot and room for ``images`` in the window; hold them while the call
        runs; release them on exit (also on errors and cancellation)."""
        ...

    async def penalize(self, retry_after: float) -> None:
        """The provider answered 429: nobody takes a slot for ``retry_after`` seconds."""
        ...

    async def close(self) -> None: ...


def user_cap(concurrent_tasks: int, per_user_concurrency: int) -> int:
    """A user's share: its cap, and never every slot of the account when there is more than one."""
    return max(1, min(per_user_concurrency, concurrent_tasks - 1))


def _check_limits(concurrent_tasks: int, images_per_minute: int, per_user_concurrency: int, window_s: float) -> None:
    if min(concurrent_tasks, images_per_minute, per_user_concurrency) < 1 or window_s <= 0:
        raise ValueError("limits must be positive")


# --- one process ---------------------------------------------------------------------------------------------------


class MemoryProviderLimiter:
    """The limits within this process (the embedded default: one process is the only caller of the account)."""

    def __init__(
        self,
        *,
        concurrent_tasks: int,
        images_per_minute: int,
        per_user_concurrency: int,
        window_s: float = DEFAULT_WINDOW_S,
    ) -> None:
        _check_limits(concurrent_tasks, images_per_minute, per_user_concurrency, window_s)
        self.concurrent_tasks = concurrent_tasks
        self.images_per_window = images_per_minute
        self.per_user = user_cap(concurrent_tasks, per_user_concurrency)
        self.window_s = window_s
        self._held = 0
        self._by_user: Counter[str] = Counter()
        self._window: deque[tuple[float, int]] = deque()
        self._penalty_until = 0.0
        self._changed = asyncio.Event()

    @asynccontextmanager
    async def slot(self, user_id: str, images: int) -> AsyncIterator[None]:
        with metrics.timed(metrics.LIMITER_WAIT):
            while (wait := self._try_take(user_id, images)) is not None:
                changed = self._changed
                try:
                    async with asyncio.timeout(None if math.isinf(wait) else wait + 0.001):
                        await changed.wait()
                except TimeoutError:
                    pass
        try:
            yield
        finally:
            self._held -= 1
            self._by_user[user_id] -= 1
            if self._by_user[user_id] <= 0:
                del self._by_user[user_id]
            self._wake()

    async def penalize(self, retry_after: float) -> None:
        self._penalty_until = max(self._penalty_until, time.monotonic() + max(0.0, retry_after))

    async def close(self) -> None:
        """Nothing to release: this limiter holds no connection (the protocol's close is for the Redis one)."""

    def _try_take(self, user_id: str, images: int) -> float | None:
        """Take the slots and return None, or return how long to wait (inf: until a slot is released)."""
        now = time.monotonic()
        if self._penalty_until > now:
            return self._penalty_until - now
        if self._held >= self.concurrent_tasks or self._by_user[user_id] >= self.per_user:
            return math.inf
        while self._window and self._window[0][0] <= now - self.window_s:
            self._window.popleft()
        used = sum(n for _, n in self._window)
        if used and used + images > self.images_per_window:
            need, freed = used + images - self.images_per_window, 0
            for taken_at, n in self._window:
                freed += n
                if freed >= need:
                    return taken_at + self.window_s - now
        self._held += 1
        self._by_user[user_id] += 1
        self._window.append((now, images))
        return None

    def _wake(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()


# --- across processes ----------------------------------------------------------------------------------------------

# KEYS: account leases (zset lease -> expiry ms), user leases (same), image window (zset "lease:n" -> taken ms),
# penalty (string: until ms). ARGV: lease, images, account cap, user cap, images per window, window ms, lease ttl ms.
# Returns {1, 0} when taken, else {0, wait ms} (-1: until a slot frees, unknown when).
_ACQUIRE_LUA = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease, images = ARGV[1], tonumber(ARGV[2])
local account_cap, user_cap = tonumber(ARGV[3]), tonumber(ARGV[4])
local budget, window, ttl = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])

local penalty = tonumber(redis.call('GET', KEYS[4]) or '0')
if penalty > now then return {0, penalty - now} end

redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= account_cap then return {0, -1} end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[2]) >= user_cap then return {0, -1} end

redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - window)
local entries = redis.call('ZRANGE', KEYS[3], 0, -1, 'WITHSCORES')
local used = 0
for i = 1, #entries, 2 do used = used + tonumber(string.match(entries[i], ':(%d+)$')) end
if used > 0 and used + images > budget then
    local need, freed = used + images - budget, 0
    for i = 1, #entries, 2 do
        freed = freed + tonumber(string.match(entries[i], ':(%d+)$'))
        if freed >= need then return {0, tonumber(entries[i + 1]) + window - now} end
    end
end

redis.call('ZADD', KEYS[1], now + ttl, lease)
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('ZADD', KEYS[2], now + ttl, lease)
redis.call('PEXPIRE', KEYS[2], ttl)
redis.call('ZADD', KEYS[3], now, lease .. ':' .. images)
redis.call('PEXPIRE', KEYS[3], window)
return {1, 0}
"""

# KEYS: account leases, user leases. ARGV: lease, ttl ms. Returns 1 if renewed, 0 if the lease had already expired.
_RENEW_LUA = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local expiry = tonumber(redis.call('ZSCORE', KEYS[1], ARGV[1]) or '0')
if expiry <= now then return 0 end
local ttl = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], 'XX', now + ttl, ARGV[1])
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('ZADD', KEYS[2], 'XX', now + ttl, ARGV[1])
redis.call('PEXPIRE', KEYS[2], ttl)
return 1
"""

# KEYS: penalty. ARGV: seconds in ms. Moves the penalty's end later, never earlier.
_PENALIZE_LUA = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ms = tonumber(ARGV[1])
if ms <= 0 then return 0 end
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if now + ms > current then redis.call('SET', KEYS[1], now + ms, 'PX', ms) end
return 1
"""


class RedisProviderLimiter:
    """The limits across every process and machine that shares the Redis (see the module docstring)."""

    def __init__(
        self,
        redis: Redis,
        *,
        concurrent_tasks: int,
        images_per_minute: int,
        per_user_concurrency: int,
        key_prefix: str = "playground:limits:",
        window_s: float = DEFAULT_WINDOW_S,
        lease_ttl_s: float = DEFAULT_LEASE_TTL_S,
        owns_client: bool = False,
        outage: Outage | None = None,
    ) -> None:
        _check_limits(concurrent_tasks, images_per_minute, per_user_concurrency, window_s)
        if lease_ttl_s <= 0:
            raise ValueError("lease_ttl_s must be positive")
        self.redis = redis
        self.concurrent_tasks = concurrent_tasks
        self.images_per_window = images_per_minute
        self.per_user = user_cap(concurrent_tasks, per_user_concurrency)
        self.window_s = window_s
        self.lease_ttl_s = lease_ttl_s
        self._base = f"{key_prefix}{{account}}:"  # one hash tag: every key in one cluster slot
        self._owns_client = owns_client
        self.outage = outage or Outage("Redis")
        self._acquire = redis.register_script(_ACQUIRE_LUA)
        self._renew = redis.register_script(_RENEW_LUA)
        self._penalize = redis.register_script(_PENALIZE_LUA)
        self._background: set[asyncio.Task[None]] = set()

    @property
    def keys_pattern(self) -> str:
        """Every key this limiter writes (for cleanup)."""
        return f"{self._base}*"

    def _keys(self, user_id: str) -> list[str]:
        return [f"{self._base}leases", f"{self._base}user:{user_id}", f"{self._base}images", f"{self._base}penalty"]

    @asynccontextmanager
    async def slot(self, user_id: str, images: int) -> AsyncIterator[None]:
        lease = uuid.uuid4().hex
        with metrics.timed(metrics.LIMITER_WAIT):
            await self._take(lease, user_id, images)
        renewer = asyncio.create_task(self._keep_lease(lease, user_id))
        try:
            yield
        finally:
            renewer.cancel()
            release = asyncio.ensure_future(self._release(lease, user_id))
            try:
                await asyncio.shield(release)  # a second cancellation must not leave the lease behind
            except asyncio.CancelledError:
                self._keep(release)
                raise
            except CONNECTION_ERRORS as error:  # the lease frees itself after its TTL
                self.outage.failed(error, "releasing a provider slot")
            except Exception:
                logger.warning("releasing provider slot lease %s failed", lease, exc_info=True)

    async def penalize(self, retry_after: float) -> None:
        """Best effort: with Redis away, the 429 is still retried by its caller; only the shared pause is lost."""
        try:
            await self._penalize(keys=[f"{self._base}penalty"], args=[math.ceil(max(0.0, retry_after) * 1000)])
        except CONNECTION_ERRORS as error:
            self.outage.failed(error, "recording a provider 429")

    async def close(self) -> None:
        if self._background:
            await asyncio.wait(self._background)
        if self._owns_client:
            await self.redis.aclose()

    async def _take(self, lease: str, user_id: str, images: int) -> None:
        args: list[str | int] = [
            lease,
            images,
            self.concurrent_tasks,
            self.per_user,
            self.images_per_window,
            math.ceil(self.window_s * 1000),
            math.ceil(self.lease_ttl_s * 1000),
        ]
        backoff = POLL_MIN_S
        while True:
            call = asyncio.ensure_future(self._call(self._acquire(keys=self._keys(user_id), args=args)))
            try:
                taken, wait_ms = await asyncio.shield(call)
            except asyncio.CancelledError:
                # The script may run anyway: release whatever it took once it has answered.
                self._keep(self._release_after(call, lease, user_id))
                raise
            except CONNECTION_ERRORS as error:
                # Redis is away: the call waits for it rather than failing its images. Should the script have run
                # before the connection broke, the next attempt takes the same lease id again (the same members),
                # or the unrenewed lease expires after its TTL.
                self.outage.failed(error, "taking a provider slot")
                await asyncio.sleep(self.outage.delay())
                continue
            self.outage.succeeded()
            if taken:
                return
            if wait_ms >= 0:  # known: the penalty's end or the moment enough images leave the window
                delay = wait_ms / 1000 + random.uniform(0.001, POLL_MIN_S)  # noqa: S311 - jitter, not cryptography
            else:  # a slot frees when someone releases: poll with backoff and jitter
                delay = random.uniform(backoff / 2, backoff)  # noqa: S311 - jitter, not cryptography
                backoff = min(backoff * 1.5, POLL_MAX_S)
            await asyncio.sleep(delay)

    @staticmethod
    async def _call(script_call: Awaitable[Any]) -> tuple[int, int]:
        taken, wait_ms = await script_call
        return int(taken), int(wait_ms)

    async def _keep_lease(self, lease: str, user_id: str) -> None:
        keys = self._keys(user_id)[:2]
        ttl_ms = math.ceil(self.lease_ttl_s * 1000)
        while True:
            await asyncio.sleep(self.lease_ttl_s / 3)
            try:
                if not await self._renew(keys=keys, args=[lease, ttl_ms]):
                    logger.warning("provider slot lease %s expired while held (stalled process?)", lease)
                    return
            except CONNECTION_ERRORS as error:
                self.outage.failed(error, "renewing a provider slot")
            except Exception:
                logger.warning("renewing provider slot lease %s failed", lease, exc_info=True)

    async def _release(self, lease: str, user_id: str) -> None:
        leases, user_leases = self._keys(user_id)[:2]
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.zrem(leases, lease)
            pipe.zrem(user_leases, lease)
            await pipe.execute()

    async def _release_after(self, call: asyncio.Future[tuple[int, int]], lease: str, user_id: str) -> None:
        try:
            taken, _ = await call
        except Exception:
            taken = 1  # unknown: releasing a lease that was never taken is harmless
        if taken:
            await self._release(lease, user_id)

    def _keep(self, awaitable: Awaitable[None]) -> None:
        task = asyncio.ensure_future(awaitable)
        self._background.add(task)
        task.add_done_callback(self._background.discard)


def create_limiter(
    redis_url: str | None,
    *,
    concurrent_tasks: int,
    images_per_minute: int,
    per_user_concurrency: int,
    key_prefix: str = "playground:limits:",
    lease_ttl_s: float = DEFAULT_LEASE_TTL_S,
    outage: Outage | None = None,
) -> ProviderLimiter:
    """Redis-backed when ``redis_url`` is set (every worker shares the account), else in this process."""
    if redis_url:
        return RedisProviderLimiter(
            Redis.from_url(redis_url, socket_connect_timeout=5.0),
            concurrent_tasks=concurrent_tasks,
            images_per_minute=images_per_minute,
            per_user_concurrency=per_user_concurrency,
            key_prefix=key_prefix,
            lease_ttl_s=lease_ttl_s,
            owns_client=True,
            outage=outage,
        )
    return MemoryProviderLimiter(
        concurrent_tasks=concurrent_tasks,
        images_per_minute=images_per_minute,
        per_user_concurrency=per_user_concurrency,
    )
