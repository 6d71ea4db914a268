"""Each batch's and each user's event log: what ``afterSeq`` replays, on the in-process log and on a real Redis
stream."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from redis.asyncio import Redis

from models import BatchStatus
from services.infra.numbered_log import InProcessLog, NumberedLog, RedisLog
from services.progress.events import BatchProgress, CreditBalance, DeliveredImage, ProgressEvent
from services.progress.history import BatchHistory, UserHistory
from tests.conftest import TEST_REDIS_URL

REDIS_URL = TEST_REDIS_URL


def event(batch_id: uuid.UUID, seq: int, *, image: bool = False, terminal: bool = False) -> BatchProgress:
    return BatchProgress(
        batch_job_id=batch_id,
        user_id=uuid.UUID(int=1),
        project_id=uuid.UUID(int=2),
        seq=seq,
        status=BatchStatus.SUCCEEDED if terminal else BatchStatus.RUNNING,
        terminal=terminal,
        total=4,
        completed=seq,
        failed=0,
        cancelled=0,
        fraction=seq / 4,
        queue_position=None,
        queue_wait_seconds=None,
        run_seconds=None,
        eta_seconds=None,
        image=DeliveredImage(uuid.uuid4(), seq - 1, f"/media/{seq}.jpeg", 8, 8) if image else None,
        credits_held=0,
        credits_captured=seq,
        credits_refunded=0,
        at=datetime(2026, 12, 1, tzinfo=UTC),
    )


@pytest.fixture(params=["memory", "redis"])
async def log(request: pytest.FixtureRequest) -> AsyncIterator[tuple[str, NumberedLog]]:
    if request.param == "memory":
        yield "memory", InProcessLog(cap=5)
        return
    prefix = f"test-{uuid.uuid4().hex[:8]}:"
    redis_log = RedisLog(REDIS_URL, prefix=prefix, cap=5, ttl_seconds=60)
    try:
        yield "redis", redis_log
    finally:
        await redis_log.close()
        admin = Redis.from_url(REDIS_URL)
        keys = [key async for key in admin.scan_iter(match=f"{prefix}*")]
        if keys:
            await admin.delete(*keys)
        await admin.aclose()


async def test_since_replays_exactly_the_missed_events_in_order(log: tuple[str, NumberedLog]) -> None:
    history = BatchHistory(log[1])
    batch = uuid.uuid4()
    sent = [event(batch, 1), event(batch, 2, image=True), event(batch, 3, image=True), event(batch, 4, terminal=True)]
    for each in sent:
        await history.record(each)
    assert await history.since(batch, 1) == sent[1:]
    assert await history.since(batch, 0) == sent
    assert await history.since(batch, 4) == []
    # Another batch's log is its own.
    assert await history.since(uuid.uuid4(), 1) is None


async def test_a_log_capped_past_the_resume_point_or_with_a_hole_says_so(log: tuple[str, NumberedLog]) -> None:
    history = BatchHistory(log[1])
    batch = uuid.uuid4()
    for seq in range(1, 9):  # the cap is 5: seq 4..8 are kept
        await history.record(event(batch, seq))
    assert await history.since(batch, 1) is None
    assert [e.seq for e in await history.since(batch, 3) or []] == [4, 5, 6, 7, 8]
    holed = uuid.uuid4()
    for seq in (1, 2, 4):  # seq 3 was never recorded
        await history.record(event(holed, seq))
    assert await history.since(holed, 1) is None


async def test_the_redis_stream_is_capped_and_expires() -> None:
    prefix = f"test-{uuid.uuid4().hex[:8]}:"
    redis_log = RedisLog(REDIS_URL, prefix=prefix, cap=3, ttl_seconds=120)
    admin = Redis.from_url(REDIS_URL)
    try:
        batch = uuid.uuid4()
        for seq in range(1, 6):
            await BatchHistory(redis_log).record(event(batch, seq))
        key = redis_log.stream_key(BatchHistory.key(batch))
        assert key.startswith(prefix)
        assert await admin.xlen(key) == 3
        assert 0 < await admin.ttl(key) <= 120
    finally:
        await admin.delete(redis_log.stream_key(BatchHistory.key(batch)))
        await admin.aclose()
        await redis_log.close()


async def test_an_unreachable_redis_loses_the_log_not_the_caller() -> None:
    redis_log = RedisLog("redis://127.0.0.1:1/0", timeout=0.5)
    try:
        history = BatchHistory(redis_log)
        batch = uuid.uuid4()
        await history.record(event(batch, 1))  # logged, not raised
        assert redis_log.append_failures == 1
        assert await history.since(batch, 0) is None  # the follower falls back to the snapshot
    finally:
        await redis_log.close()


async def test_the_in_process_log_keeps_a_bounded_number_of_batches_and_expires() -> None:
    now = [0.0]
    memory = InProcessLog(cap=10, ttl_seconds=60, max_keys=2, clock=lambda: now[0])
    history = BatchHistory(memory)
    first, second, third = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    for batch in (first, second, third):
        await history.record(event(batch, 1))
    assert await history.since(first, 0) is None  # the least recently written batch went first
    assert [e.seq for e in await history.since(third, 0) or []] == [1]
    now[0] = 61.0
    assert await history.since(third, 0) is None


def test_events_keep_their_kind_and_images_through_json() -> None:
    batch = uuid.uuid4()
    image = DeliveredImage(uuid.uuid4(), 0, "/media/a.jpeg", 8, 8)
    snapshot = dataclasses.replace(event(batch, 2), images=(image,))
    assert BatchProgress.from_json(snapshot.to_json()) == snapshot
    # A message written before the new fields existed still reads (their defaults).
    old = {k: v for k, v in event(batch, 1).to_json().items() if k not in {"kind", "images", "eta_at"}}
    assert BatchProgress.from_json(old) == event(batch, 1)


async def test_a_users_events_are_numbered_and_replayed_with_their_numbers(log: tuple[str, NumberedLog]) -> None:
    history = UserHistory(log[1])
    user, batch = uuid.uuid4(), uuid.uuid4()
    sent: list[ProgressEvent] = [
        await history.record(user, event(batch, 1)),
        await history.record(user, CreditBalance(user_id=user, balance=5, held=3)),
        await history.record(user, event(batch, 2, image=True)),
    ]
    assert [e.user_seq for e in sent] == [1, 2, 3]
    assert await history.head(user) == 3
    assert await history.since(user, 1) == sent[1:]
    assert await history.since(user, 3) == []
    assert await history.since(uuid.uuid4(), 0) == []  # a user with no events yet missed nothing


async def test_a_users_event_that_could_not_be_numbered_is_sent_unnumbered() -> None:
    history = UserHistory(RedisLog("redis://127.0.0.1:1/0", timeout=0.5))
    try:
        user = uuid.uuid4()
        unnumbered = await history.record(user, CreditBalance(user_id=user, balance=5))
        assert (unnumbered.balance, unnumbered.user_seq) == (5, None)
        assert await history.since(user, 0) is None  # a resume gets the snapshot
    finally:
        await history.close()
