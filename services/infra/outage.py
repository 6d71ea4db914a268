"""Living with a dependency that went away (Redis): retry with capped backoff, and say so once per window.

While Redis is unreachable every loop that uses it fails at each attempt: a worker's job takers, its upkeep timers,
job heartbeats, slot leases, the bus listener. Logging each failure floods the logs (a worker used to write hundreds
of lines and tracebacks a second); logging none hides the outage. One `Outage` per dependency is shared by every
loop of a process: the first failure logs one warning, later failures are only counted and summed up at most once
per ``window_s``, and the first success after them logs how long the outage lasted and how many attempts failed.
`delay` gives each loop its next wait: exponential in the failures so far, from ``base_s`` up to ``cap_s``, jittered
so that many processes do not retry in lockstep.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

import asyncpg
import httpx
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from tortoise.exceptions import DBConnectionError

CONNECTION_ERRORS: tuple[type[BaseException], ...] = (
    RedisConnectionError,
    RedisTimeoutError,
    ConnectionError,
    TimeoutError,
    OSError,
)
"""Errors that mean "cannot reach it now" (retry later), as opposed to a bug or a refused command."""

DATABASE_CONNECTION_ERRORS: tuple[type[BaseException], ...] = (
    DBConnectionError,
    asyncpg.exceptions.ConnectionDoesNotExistError,
    asyncpg.exceptions.CannotConnectNowError,
    asyncpg.exceptions.TooManyConnectionsError,
)
"""The database drivers' ways of saying the same (Tortoise wraps the driver's error, keeping it as the cause)."""

RETRY_AFTER_S = 5
"""What a client is told to wait when a request failed because a dependency is unreachable."""


def unreachable(error: BaseException | None) -> bool:
    """Whether ``error`` (or what caused it, however deep) says a dependency could not be reached."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, CONNECTION_ERRORS + DATABASE_CONNECTION_ERRORS):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def dependency_unreachable(error: BaseException | None) -> bool:
    """Whether ``error`` says the database or Redis could not be reached (what a job waits out instead of failing),
    as opposed to an outbound HTTP call that failed (a provider, a webhook receiver: those are the job's own
    business, and its attempts count them)."""
    seen: set[int] = set()
    chain: list[BaseException] = []
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        chain.append(error)
        error = error.__cause__ or error.__context__
    if any(isinstance(e, httpx.HTTPError) for e in chain):
        return False
    return any(isinstance(e, CONNECTION_ERRORS + DATABASE_CONNECTION_ERRORS) for e in chain)


T = TypeVar("T")


async def until_reachable(call: Callable[[], Awaitable[T]], *, what: str, outage: Outage) -> T:
    """``await call()``, again after a backoff each time it fails because the database or Redis cannot be reached
    (reported to ``outage``); any other error is raised. For a write that must not be lost (what a worker holds
    after a provider call): it waits for the dependency instead of failing."""
    while True:
        try:
            result = await call()
        except Exception as error:
            if not dependency_unreachable(error):
                raise
            outage.failed(error, what)
            await asyncio.sleep(max(outage.delay(), outage.base_s))  # backoff while it is away
            continue
        outage.succeeded()
        return result


DEFAULT_WINDOW_S = 60.0
DEFAULT_BASE_S = 0.2
DEFAULT_CAP_S = 5.0

_log = logging.getLogger(__name__)


class Outage:
    """Reachability of one dependency for this process, shared by every loop that uses it (module docstring)."""

    def __init__(
        self,
        name: str,
        *,
        window_s: float = DEFAULT_WINDOW_S,
        base_s: float = DEFAULT_BASE_S,
        cap_s: float = DEFAULT_CAP_S,
        logger: logging.Logger | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if window_s <= 0 or base_s <= 0 or cap_s < base_s:
            raise ValueError("window_s and base_s must be positive, cap_s at least base_s")
        self.name = name
        self.window_s = window_s
        self.base_s = base_s
        self.cap_s = cap_s
        self._log = logger or _log
        self._clock = clock
        self._since: float | None = None
        self._reported_at = 0.0
        self._unreported = 0
        self._streak = 0
        self.failures = 0
        """Failed attempts over the life of the process (tests and metrics read it)."""
        self.outages = 0
        """Outages seen (each ended by a success)."""

    @property
    def down(self) -> bool:
        """True from a failure until the next success."""
        return self._since is not None

    def failed(self, error: BaseException, what: str) -> None:
        """An attempt at ``what`` (e.g. "taking a job") failed with a connection error."""
        now = self._clock()
        self.failures += 1
        self._streak += 1
        if self._since is None:
            self._since = self._reported_at = now
            self._unreported = 0
            self._log.warning(
                "%s unreachable (%s: %s: %s); retrying with backoff up to %g s",
                self.name,
                what,
                type(error).__name__,
                error,
                self.cap_s,
            )
            return
        self._unreported += 1
        if now - self._reported_at >= self.window_s:
            self._log.warning(
                "%s still unreachable after %.0f s (%d failed attempts in the last %.0f s; last: %s: %s)",
                self.name,
                now - self._since,
                self._unreported,
                now - self._reported_at,
                type(error).__name__,
                error,
            )
            self._reported_at = now
            self._unreported = 0

    def succeeded(self) -> None:
        """An attempt worked: if the dependency was down, it is back."""
        if self._since is None:
            return
        self._log.info(
            "%s reachable again after %.1f s (%d failed attempts)",
            self.name,
            self._clock() - self._since,
            self._streak,
        )
        self._since = None
        self._streak = 0
        self.outages += 1

    def delay(self) -> float:
        """How long the caller waits before its next attempt (0 while nothing has failed)."""
        if self._streak == 0:
            return 0.0
        ceiling = min(self.cap_s, self.base_s * 2 ** min(self._streak - 1, 30))
        return random.uniform(ceiling / 2, ceiling)  # noqa: S311 - jitter, not cryptography
