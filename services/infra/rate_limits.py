"""Per-user request budgets (every operation, generations, uploads), in this process or shared through Redis.

Built on the ``limits`` package's moving window: ``hit(budget, who)`` counts one request against ``who``'s budget
and says how long to wait when the budget is spent (the refused request is not counted). With ``REDIS_URL`` the
windows live in Redis (one Lua script per hit, exact across every API replica); without it, in this process, which
is the embedded default's only API process.

Unlike the provider limiter (``services.infra.limits``), nothing here waits or holds a slot: a request is admitted or
refused at once, which is what ``limits`` does well. When Redis cannot be reached the limiter lets requests through
(logged once per outage): an outage of the counter must not take the API down with it.
"""

from __future__ import annotations

import logging
import math
import time
from enum import StrEnum
from typing import Any

import limits
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter, SlidingWindowCounterRateLimiter
from limits.errors import StorageError
from redis.asyncio import ConnectionPool

logger = logging.getLogger(__name__)


class Budget(StrEnum):
    OPERATIONS = "operations"
    GENERATE = "generate"
    UPLOADS = "uploads"
    UPLOAD_BYTES = "upload_bytes"


COST_BUDGETS = frozenset({Budget.UPLOAD_BYTES})
"""Budgets counted in units (bytes) rather than requests: a hit costs many units at once, which the moving window
would store one entry per unit for; these use the sliding-window counter (two counters per window) instead."""


class RequestRateLimiter:
    """Admits or refuses one request of a budget for one caller (a JWT subject)."""

    def __init__(self, storage: Storage, budgets: dict[Budget, str], *, pool: ConnectionPool | None = None) -> None:
        self._storage = storage
        self._strategy = MovingWindowRateLimiter(storage)
        self._counter = SlidingWindowCounterRateLimiter(storage)
        self._items = {budget: limits.parse(rate) for budget, rate in budgets.items()}
        self._pool = pool
        self._failing = False

    def limited(self, budget: Budget) -> bool:
        """Whether ``budget`` is limited at all (a budget set to ``off`` is not)."""
        return budget in self._items

    async def hit(self, budget: Budget, who: str, *, cost: int = 1) -> int | None:
        """Count ``cost`` units (one request, or bytes for a ``COST_BUDGETS`` budget) of ``who``; None when admitted,
        else the whole seconds to wait before trying again. A cost larger than the whole budget is never admitted."""
        item = self._items.get(budget)
        if item is None:
            return None
        strategy = self._counter if budget in COST_BUDGETS else self._strategy
        try:
            if await strategy.hit(item, budget.value, who, cost=cost):
                self._recovered()
                return None
            stats = await strategy.get_window_stats(item, budget.value, who)
        except StorageError as error:
            if not self._failing:
                logger.warning("rate limits: storage unreachable, requests pass unlimited meanwhile: %s", error)
                self._failing = True
            return None
        self._recovered()
        return max(1, math.ceil(stats.reset_time - time.time()))

    def _recovered(self) -> None:
        if self._failing:
            logger.info("rate limits: storage reachable again")
            self._failing = False

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.aclose()
        elif isinstance(self._storage, MemoryStorage) and self._storage.timer is not None:
            self._storage.timer.cancel()  # its expiry task would outlive the event loop


def create_rate_limiter(
    redis_url: str | None, budgets: dict[Budget, str], *, key_prefix: str = "playground:rates"
) -> RequestRateLimiter:
    """In Redis under ``key_prefix`` when ``redis_url`` is set, else in this process. ``budgets`` maps each limited
    budget to its rate (``30/minute``); a budget left out is not limited."""
    if redis_url is None:
        return RequestRateLimiter(MemoryStorage(), budgets)
    # Our own pool (redis-py, which we use anyway), so that closing the limiter closes its connections.
    # Short timeouts: a stalled Redis must not stall every request behind it (a failure lets the request through).
    pool = ConnectionPool.from_url(redis_url, socket_connect_timeout=2, socket_timeout=2)
    # limits passes `options` on to redis-py (which takes a pool) but annotates them as scalars only.
    options: dict[str, Any] = {"connection_pool": pool}
    storage = RedisStorage(
        "async+" + redis_url, implementation="redispy", key_prefix=key_prefix, wrap_exceptions=True, **options
    )
    return RequestRateLimiter(storage, budgets, pool=pool)
