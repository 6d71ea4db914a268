"""Latest values sent, in memory and in Redis: a value goes out only when it changed, at most once per interval per
key, and what is offered inside the interval is told when to come back."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest

from services.infra.latest import InProcessLatest, LatestValues, RedisLatest, Verdict
from tests.conftest import TEST_REDIS_URL


@pytest.fixture(params=["memory", "redis"])
async def latest(request: pytest.FixtureRequest) -> AsyncIterator[LatestValues]:
    store: LatestValues
    if request.param == "memory":
        store = InProcessLatest()
    else:
        store = RedisLatest(TEST_REDIS_URL, prefix=f"test:latest:{uuid.uuid4().hex}:")
    yield store
    await store.close()


async def test_a_value_is_sent_once_and_a_change_waits_for_the_interval(latest: LatestValues) -> None:
    assert await latest.offer("queue:a", "5", interval=60) == (Verdict.SEND, 0.0)
    assert await latest.offer("queue:a", "5", interval=60) == (Verdict.SAME, 0.0)
    verdict, wait = await latest.offer("queue:a", "4", interval=60)
    assert verdict is Verdict.LATER
    assert 0 < wait <= 60
    # Other keys have their own interval; without one, a change goes out at once.
    assert await latest.offer("queue:b", "4", interval=60) == (Verdict.SEND, 0.0)
    assert await latest.offer("balance:u", "10/2") == (Verdict.SEND, 0.0)
    assert await latest.offer("balance:u", "10/2") == (Verdict.SAME, 0.0)
    assert await latest.offer("balance:u", "10/1") == (Verdict.SEND, 0.0)


async def test_a_noted_value_counts_as_sent_without_starting_an_interval(latest: LatestValues) -> None:
    await latest.note("queue:c", "3")
    decisions = await latest.offer_many([("queue:c", "3"), ("queue:c", "2")], interval=60)
    assert decisions == [(Verdict.SAME, 0.0), (Verdict.SEND, 0.0)]


async def test_in_memory_intervals_end_by_the_clock() -> None:
    now = [0.0]
    latest = InProcessLatest(clock=lambda: now[0])
    assert (await latest.offer("k", "1", interval=1.0))[0] is Verdict.SEND
    assert await latest.offer("k", "2", interval=1.0) == (Verdict.LATER, 1.0)
    now[0] = 1.0
    assert (await latest.offer("k", "2", interval=1.0))[0] is Verdict.SEND
