"""Numbered logs (``services.infra.numbered_log``): atomic numbering, exact replay after a number, and the cases that
must not replay (capped, expired, above the counter, across a gap left by an outage), in memory and on real Redis."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from services.infra.numbered_log import (
    EPOCH,
    InProcessLog,
    NumberedLog,
    RedisLog,
    continuation,
    restart_safe_first_number,
)
from tests.conftest import TEST_REDIS_URL
from tests.redis_proxy import RedisProxy

REDIS_URL = TEST_REDIS_URL


async def _drop(prefix: str) -> None:
    admin = Redis.from_url(REDIS_URL)
    keys = [key async for key in admin.scan_iter(match=f"{prefix}*")]
    if keys:
        await admin.delete(*keys)
    await admin.aclose()


@pytest.fixture(params=["memory", "redis"])
async def log(request: pytest.FixtureRequest) -> AsyncIterator[NumberedLog]:
    if request.param == "memory":
        yield InProcessLog(cap=5)
        return
    prefix = f"test-{uuid.uuid4().hex[:8]}:"
    redis_log = RedisLog(REDIS_URL, prefix=prefix, cap=5, ttl_seconds=60)
    try:
        yield redis_log
    finally:
        await redis_log.close()
        await _drop(prefix)


async def test_append_numbers_from_one_and_since_replays_exactly_what_came_after(log: NumberedLog) -> None:
    assert await log.head("u") == 0
    assert await log.since("u", 0, counted=True) == []
    numbers = [await log.append("u", {"i": i}) for i in range(4)]
    assert numbers == [1, 2, 3, 4]
    assert await log.head("u") == 4
    assert await log.since("u", 0, counted=True) == [{"i": 0}, {"i": 1}, {"i": 2}, {"i": 3}]
    assert await log.since("u", 2, counted=True) == [{"i": 2}, {"i": 3}]
    assert await log.since("u", 4, counted=True) == []
    assert await log.since("u", 5, counted=True) is None  # above the counter: not this log's number
    # Another key numbers on its own.
    assert await log.append("v", {"i": 9}) == 1
    assert await log.since("v", 0, counted=True) == [{"i": 9}]


async def test_a_capped_log_replays_only_from_what_it_kept(log: NumberedLog) -> None:
    for i in range(8):  # the cap is 5: numbers 4..8 are kept
        await log.append("u", {"i": i})
    assert await log.since("u", 2, counted=True) is None
    assert await log.since("u", 3, counted=True) == [{"i": i} for i in range(3, 8)]
    assert await log.since("u", 6, counted=True) == [{"i": 6}, {"i": 7}]


async def test_the_caller_may_number_entries_itself(log: NumberedLog) -> None:
    for number in (1, 2, 4):  # 3 was never kept
        await log.put("b", number, {"n": number})
    assert await log.since("b", 0) is None
    assert await log.since("b", 3) == [{"n": 4}]
    assert await log.since("b", 4) == []


async def test_the_in_process_log_expires_and_keeps_counting() -> None:
    now = [0.0]
    memory = InProcessLog(cap=10, ttl_seconds=60, max_keys=1, clock=lambda: now[0])
    await memory.append("u", {"i": 0})
    await memory.append("u", {"i": 1})
    now[0] = 61.0
    assert await memory.since("u", 0, counted=True) is None  # expired: nothing shows what came after 0
    assert await memory.since("u", 2, counted=True) == []  # the resume point is the last number: nothing was missed
    assert await memory.append("u", {"i": 2}) == 3  # the counter outlives the entries
    await memory.append("v", {"i": 0})  # one key's entries at most: u's go
    assert await memory.since("u", 2, counted=True) is None
    assert await memory.head("u") == 3


async def test_a_lost_entry_is_a_gap_no_resume_crosses() -> None:
    memory = InProcessLog()
    await memory.append("u", {"i": 0})
    memory.lose("u")
    await memory.append("u", {"i": 2})
    assert await memory.since("u", 0, counted=True) is None
    assert await memory.since("u", 1, counted=True) is None
    assert await memory.since("u", 2, counted=True) == [{"i": 2}]


async def test_numbers_are_unique_and_gapless_across_processes() -> None:
    prefix = f"test-{uuid.uuid4().hex[:8]}:"
    one, two = RedisLog(REDIS_URL, prefix=prefix), RedisLog(REDIS_URL, prefix=prefix)
    try:
        numbers = await asyncio.gather(*(log.append("u", {"by": i % 2}) for i, log in enumerate([one, two] * 25)))
        assert sorted(n for n in numbers if n is not None) == list(range(1, 51))
        replayed = await two.since("u", 0, counted=True)
        assert replayed is not None
        assert len(replayed) == 50
        assert await one.head("u") == 50
    finally:
        await one.close()
        await two.close()
        await _drop(prefix)


async def test_the_redis_stream_is_capped_and_expires_while_the_counter_stays() -> None:
    prefix = f"test-{uuid.uuid4().hex[:8]}:"
    redis_log = RedisLog(REDIS_URL, prefix=prefix, cap=3, ttl_seconds=120)
    admin = Redis.from_url(REDIS_URL)
    try:
        for i in range(5):
            await redis_log.append("u", {"i": i})
        stream = redis_log.stream_key("u")
        assert stream.startswith(prefix)
        assert await admin.xlen(stream) == 3
        assert 0 < await admin.ttl(stream) <= 120
        await admin.delete(stream)  # expired
        assert await redis_log.since("u", 2, counted=True) is None
        assert await redis_log.since("u", 5, counted=True) == []
        assert await redis_log.append("u", {"i": 5}) == 6
    finally:
        await admin.aclose()
        await redis_log.close()
        await _drop(prefix)


async def test_an_append_during_an_outage_leaves_a_gap_every_reader_sees() -> None:
    prefix = f"test-{uuid.uuid4().hex[:8]}:"
    proxy = RedisProxy.to(REDIS_URL)
    await proxy.start()
    writer = RedisLog(proxy.url(), prefix=prefix, timeout=1.0)
    reader = RedisLog(REDIS_URL, prefix=prefix)  # another process
    try:
        assert await writer.append("u", {"i": 0}) == 1
        await proxy.cut()
        assert await writer.append("u", {"i": 1}) is None  # logged, not raised
        assert writer.append_failures == 1
        assert await writer.since("u", 1, counted=True) is None  # this process knows of the gap at once
        assert (
            await reader.since("u", 1, counted=True) == []
        )  # another cannot yet (the follower live sees the numbers jump)
        proxy.restore()
        assert await writer.append("u", {"i": 2}) == 3  # number 2 is the gap's
        for log in (writer, reader):
            assert await log.since("u", 0, counted=True) is None
            assert await log.since("u", 1, counted=True) is None
            assert await log.since("u", 2, counted=True) == [{"i": 2}]
        assert await writer.append("u", {"i": 3}) == 4  # one gap marker, not one per append
    finally:
        await writer.close()
        await reader.close()
        await proxy.close()
        await _drop(prefix)


async def test_an_unreachable_redis_cannot_be_read() -> None:
    redis_log = RedisLog("redis://127.0.0.1:1/0", timeout=0.5)
    try:
        assert await redis_log.since("u", 0, counted=True) is None
        assert await redis_log.head("u") is None
    finally:
        await redis_log.close()


def test_continuation_rules() -> None:
    kept = [(3, {"n": 3}), (4, {"n": 4}), (5, None), (6, {"n": 6})]
    assert continuation(kept[:2], 2, 4) == [{"n": 3}, {"n": 4}]
    assert continuation(kept[:2], 2, 5) is None  # the counter says 5 was numbered, and it is not kept
    assert continuation(kept, 3, None) is None  # never across a gap marker
    assert continuation(kept, 4, None) is None
    assert continuation(kept, 5, None) == [{"n": 6}]
    assert continuation(kept, 1, None) is None


async def test_an_in_process_log_after_a_restart_never_takes_a_number_of_its_previous_life() -> None:
    """The embedded default keeps ``userSeq`` in memory: after a restart, a client's number from before must lead to
    a snapshot, never to a replay of this life's events under the old numbers."""
    before = InProcessLog(first_number=restart_safe_first_number(EPOCH + 100))
    numbers = [await before.append("u", {"i": i}) for i in range(5)]
    assert numbers == [101, 102, 103, 104, 105]

    after = InProcessLog(first_number=restart_safe_first_number(EPOCH + 200))  # the restarted process
    assert await after.head("u") == 200
    assert await after.since("u", 103, counted=True) is None  # a snapshot, not the missed-nothing answer
    assert await after.append("u", {"i": 5}) == 201
    assert await after.since("u", 105, counted=True) is None
    assert await after.since("u", 200, counted=True) == [{"i": 5}]  # this life's own numbers replay as before
