"""Provider account limits: concurrency, images per window, per-user share, 429 penalty, crashed holders.

The in-process checks run against both limiters; the cross-process ones run holders in their own processes.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from redis.asyncio import Redis

from services.infra.limits import (
    MemoryProviderLimiter,
    ProviderLimiter,
    RedisProviderLimiter,
    create_limiter,
    user_cap,
)
from tests.services.infra.jobs_support import REDIS_URL, ChildProcess, delete_matching, done, eventually, unique_name

LIMITS_PROGRAM = "tests.services.infra.jobs_support.limits_program"

MakeLimiter = Callable[..., ProviderLimiter]


@pytest.fixture
async def redis() -> AsyncIterator[Redis]:
    client = Redis.from_url(REDIS_URL)
    yield client
    await client.aclose()


@pytest.fixture
def prefix() -> str:
    return unique_name("limits") + ":"


@pytest.fixture
async def cleanup(redis: Redis, prefix: str) -> AsyncIterator[None]:
    yield
    await delete_matching(redis, f"{prefix}*")


@pytest.fixture(params=["memory", "redis"])
async def make_limiter(request: pytest.FixtureRequest, prefix: str, cleanup: None) -> AsyncIterator[MakeLimiter]:
    """Builds limiters of one kind; Redis ones share the account (same prefix) but not the client."""
    made: list[ProviderLimiter] = []
    memory: dict[str, MemoryProviderLimiter] = {}

    def make(**limits: Any) -> ProviderLimiter:
        limits.setdefault("window_s", 60.0)
        limiter: ProviderLimiter
        if request.param == "memory":
            # One process: every caller shares one limiter.
            limiter = memory.setdefault("shared", MemoryProviderLimiter(**limits))
        else:
            limiter = RedisProviderLimiter(Redis.from_url(REDIS_URL), key_prefix=prefix, owns_client=True, **limits)
        made.append(limiter)
        return limiter

    yield make
    for limiter in made:
        await limiter.close()


async def test_images_per_window_are_respected(make_limiter: MakeLimiter) -> None:
    window = 0.5
    limiter = make_limiter(concurrent_tasks=10, images_per_minute=5, per_user_concurrency=10, window_s=window)
    taken: list[tuple[float, int]] = []

    async def call(user: str) -> None:
        async with limiter.slot(user, 2):
            taken.append((time.monotonic(), 2))

    started = time.monotonic()
    async with asyncio.timeout(10):
        await asyncio.gather(*(call(f"user-{i}") for i in range(6)))
    # 12 images at 5 per window: 2 calls now, 2 after one window, 2 after two.
    assert time.monotonic() - started >= 2 * window * 0.9
    for at, _ in taken:
        in_window = sum(n for t, n in taken if at - window * 0.9 < t <= at)
        assert in_window <= 5, taken

    # A request larger than the whole budget waits for an empty window instead of forever.
    async with asyncio.timeout(5), limiter.slot("big", 7):
        pass


async def test_a_user_cannot_take_more_than_its_share_while_another_user_gets_a_slot(
    make_limiter: MakeLimiter,
) -> None:
    # 4 per user asked, but on a 3-slot account a user gets at most 2: one slot is always left for somebody else.
    assert user_cap(3, 4) == 2
    limiter = make_limiter(concurrent_tasks=3, images_per_minute=1000, per_user_concurrency=4)
    other = make_limiter(concurrent_tasks=3, images_per_minute=1000, per_user_concurrency=4)
    release = asyncio.Event()
    holding = 0

    async def a_call() -> None:
        nonlocal holding
        async with limiter.slot("user-a", 1):
            holding += 1
            await release.wait()
            holding -= 1

    calls = [asyncio.create_task(a_call()) for _ in range(6)]

    async def two_held() -> bool:
        return holding == 2

    await eventually(two_held, within=5, what="user A holds 2")
    async with asyncio.timeout(5), other.slot("user-b", 1):
        assert holding == 2  # A's other four wait, B got in
    release.set()
    async with asyncio.timeout(10):
        await asyncio.gather(*calls)


async def test_penalize_blocks_everyone_until_retry_after(make_limiter: MakeLimiter) -> None:
    limiter = make_limiter(concurrent_tasks=3, images_per_minute=1000, per_user_concurrency=2)
    other = make_limiter(concurrent_tasks=3, images_per_minute=1000, per_user_concurrency=2)
    await limiter.penalize(0.5)
    await limiter.penalize(0.1)  # never shortens a penalty in force
    started = time.monotonic()
    async with asyncio.timeout(5), other.slot("someone-else", 1):
        waited = time.monotonic() - started
    assert 0.45 <= waited < 2.5


async def test_slots_are_released_on_errors_and_cancellation(make_limiter: MakeLimiter) -> None:
    limiter = make_limiter(concurrent_tasks=1, images_per_minute=1000, per_user_concurrency=1)
    with pytest.raises(RuntimeError):
        async with limiter.slot("u", 1):
            raise RuntimeError("provider failed")

    entered = asyncio.Event()

    async def hold_forever() -> None:
        async with limiter.slot("u", 1):
            entered.set()
            await asyncio.Event().wait()

    holder = asyncio.create_task(hold_forever())
    await asyncio.wait_for(entered.wait(), 5)
    waiter = asyncio.create_task(hold_forever())  # waits for the only slot
    holder.cancel()
    waiter.cancel()
    await asyncio.wait({holder, waiter})
    async with asyncio.timeout(5), limiter.slot("v", 1):  # neither left a slot behind
        pass


@pytest.mark.slow
async def test_concurrency_limit_holds_across_three_processes(redis: Redis, prefix: str, cleanup: None) -> None:
    ns = f"{prefix}marks"
    users = ["alice", "bob", "carol", "dave"]
    config = {
        "prefix": prefix,
        "ns": ns,
        "mode": "hold",
        "holders": 8,
        "users": users,
        "hold_s": 0.05,
        "concurrent_tasks": 3,
        "images_per_minute": 1000,
        "per_user_concurrency": 2,
        "window_s": 60.0,
        "lease_ttl_s": 10.0,
    }
    children = [await ChildProcess.start(LIMITS_PROGRAM, json.dumps(config)) for _ in range(3)]
    try:

        async def all_ready() -> bool:
            return await done(redis.llen(f"{ns}:ready")) == 3

        await eventually(all_ready, within=15, what="3 holder processes")
        await redis.set(f"{ns}:go", 1)
        async with asyncio.timeout(20):
            codes = [await child.proc.wait() for child in children]
    finally:
        for child in children:
            await child.kill()
    assert codes == [0, 0, 0]
    assert await done(redis.llen(f"{ns}:done")) == 24
    peak = int(await redis.get(f"{ns}:inflight:max") or 0)
    assert 1 <= peak <= 3
    print(f"peak in flight across 3 processes: {peak}")
    for user in users:
        assert int(await redis.get(f"{ns}:inflight:{user}:max") or 0) <= 2


@pytest.mark.slow
async def test_a_crashed_holders_slot_frees_after_the_lease_ttl(redis: Redis, prefix: str, cleanup: None) -> None:
    ns = f"{prefix}marks"
    ttl = 1.0
    limits: dict[str, Any] = {"concurrent_tasks": 1, "images_per_minute": 1000, "per_user_concurrency": 1}
    config = {"prefix": prefix, "ns": ns, "mode": "crash", "window_s": 60.0, "lease_ttl_s": ttl, **limits}
    child = await ChildProcess.start(LIMITS_PROGRAM, json.dumps(config))
    try:

        async def holding() -> bool:
            return bool(await done(redis.exists(f"{ns}:holding")))

        await eventually(holding, within=15, what="the child holds the slot")
    finally:
        await child.kill()
    killed_at = time.monotonic()
    limiter = RedisProviderLimiter(redis, key_prefix=prefix, lease_ttl_s=ttl, **limits)
    async with asyncio.timeout(10), limiter.slot("survivor", 1):
        waited = time.monotonic() - killed_at
    await limiter.close()
    # The dead holder's lease was renewed at most ttl/3 before the kill: it blocks for 2/3 ttl at least.
    assert ttl / 2 < waited < ttl + 1.5  # the lease TTL plus at most one poll interval


async def test_a_held_lease_is_renewed_past_its_ttl(redis: Redis, prefix: str, cleanup: None) -> None:
    limits: dict[str, Any] = {"concurrent_tasks": 1, "images_per_minute": 1000, "per_user_concurrency": 1}
    holder = RedisProviderLimiter(redis, key_prefix=prefix, lease_ttl_s=0.3, **limits)
    other = RedisProviderLimiter(redis, key_prefix=prefix, lease_ttl_s=0.3, **limits)
    leases = f"{prefix}{{account}}:leases"
    async with holder.slot("holder", 1):
        [(_, first_expiry)] = await redis.zrange(leases, 0, -1, withscores=True)

        async def renewed_past_first_ttl() -> bool:
            seconds, micros = await redis.time()
            scores = await redis.zrange(leases, 0, -1, withscores=True)
            return seconds * 1000 + micros // 1000 > first_expiry + 200 and len(scores) == 1

        await eventually(renewed_past_first_ttl, within=5, what="the first TTL to pass")
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.3), other.slot("other", 1):
                pass
    async with asyncio.timeout(5), other.slot("other", 1):
        pass


async def test_create_limiter_picks_the_backend(prefix: str, cleanup: None) -> None:
    limits: dict[str, Any] = {"concurrent_tasks": 3, "images_per_minute": 10, "per_user_concurrency": 2}
    memory = create_limiter(None, **limits)
    assert isinstance(memory, MemoryProviderLimiter)
    shared = create_limiter(REDIS_URL, key_prefix=prefix, **limits)
    assert isinstance(shared, RedisProviderLimiter)
    async with shared.slot("u", 1):
        pass
    await shared.close()
    await memory.close()
