"""Redis going away under a worker: it backs off, says so in one line per window (no tracebacks), and carries on
when Redis is back. Redis is taken away for real: the worker talks to it through a relay the test cuts."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from redis.asyncio import Redis

from services.infra.jobs import JobHandler, SaqQueue, run_worker
from services.infra.limits import RedisProviderLimiter
from services.infra.outage import Outage
from tests.log_capture import captured_json_logs, lines
from tests.redis_proxy import RedisProxy
from tests.services.infra.jobs_support import REDIS_URL, delete_matching, eventually, unique_name


def quick_outage() -> Outage:
    """Fast backoff (attempts come quickly, so many fail while Redis is away) and one window for the whole test:
    every failure after the first belongs to the same report."""
    return Outage("Redis", window_s=3600, base_s=0.01, cap_s=0.05)


def complaints(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Lines at warning level or above, and any line carrying a traceback."""
    return [r for r in records if r["level"] in ("warning", "error", "critical") or "exception" in r]


@pytest.fixture
async def proxy() -> AsyncIterator[RedisProxy]:
    relay = RedisProxy.to(REDIS_URL)
    await relay.start()
    try:
        yield relay
    finally:
        await relay.close()


async def test_a_worker_without_redis_backs_off_logs_once_and_resumes(proxy: RedisProxy) -> None:
    name = unique_name("outage")
    ran: list[uuid.UUID] = []
    ran_event = asyncio.Event()

    async def handler(batch_id: uuid.UUID) -> None:
        ran.append(batch_id)
        ran_event.set()

    @asynccontextmanager
    async def handler_factory() -> AsyncIterator[JobHandler]:
        yield handler

    outage = quick_outage()
    direct = SaqQueue(REDIS_URL, name=name)  # the test's own way in, around the relay
    await direct.start()
    admin = Redis.from_url(REDIS_URL)
    stop = asyncio.Event()
    with captured_json_logs() as logs:
        worker = asyncio.create_task(
            run_worker(proxy.url(), concurrency=2, handler_factory=handler_factory, name=name, stop=stop, outage=outage)
        )
        try:

            async def registered() -> bool:
                return bool([key async for key in admin.scan_iter(match=f"saq:{name}:worker_info:*")])

            await eventually(registered, within=15, what="the worker to register")
            await proxy.cut()
            # Job takers, upkeep timers and redis-py's own retries all knock: wait for plenty of attempts.
            async with asyncio.timeout(60):
                await proxy.wait_refused(60)
            assert outage.down
            assert outage.failures >= 10
            assert not worker.done()
            during = complaints(lines(logs))
            assert len(during) == 1, "\n".join(str(r) for r in during)
            assert during[0]["event"].startswith("Redis unreachable ("), during
            assert during[0]["logger"] == "services.infra.outage"

            proxy.restore()
            batch_id = uuid.uuid4()
            await direct.enqueue(batch_id)
            async with asyncio.timeout(30):
                await ran_event.wait()
            assert ran == [batch_id]

            async def finished() -> bool:
                return await direct.status(batch_id) == "complete"

            await eventually(finished, within=15, what="the job to complete")
            assert not outage.down
            records = lines(logs)
            back = [r for r in records if r["event"].startswith("Redis reachable again after")]
            assert len(back) == 1, back
            assert complaints(records) == during  # nothing more to complain about once Redis was back
            taken = [r for r in records if r.get("job_key") == str(batch_id)]
            assert [r["event"].split(" (")[0].split(" in ")[0] for r in taken] == ["job taken", "job finished"]
        finally:
            stop.set()
            await worker
            await direct.close()
            await delete_matching(admin, f"saq:{name}:*", f"saq:job:{name}:*")
            await admin.aclose()
    started = [r for r in lines(logs) if r["event"].startswith("worker started")]
    assert len(started) == 1
    assert f"queue '{name}'" in started[0]["event"]
    assert [r["event"] for r in lines(logs) if r["event"].startswith("worker stopped")] == [
        f"worker stopped: queue '{name}'"
    ]


async def test_waiting_for_a_provider_slot_outlives_a_redis_outage(proxy: RedisProxy) -> None:
    prefix = f"{unique_name('limits')}:"
    outage = quick_outage()
    client = Redis.from_url(proxy.url())
    limiter = RedisProviderLimiter(
        client, concurrent_tasks=1, images_per_minute=100, per_user_concurrency=1, key_prefix=prefix, outage=outage
    )
    admin = Redis.from_url(REDIS_URL)
    entered = asyncio.Event()

    async def call() -> None:
        async with limiter.slot("alice", 1):
            entered.set()

    with captured_json_logs() as logs:
        try:
            await proxy.cut()
            waiting = asyncio.create_task(call())
            async with asyncio.timeout(30):
                await proxy.wait_refused(10)
            assert not entered.is_set()
            assert not waiting.done()  # the call waits for Redis; it does not fail its image
            proxy.restore()
            async with asyncio.timeout(30):
                await waiting
            assert entered.is_set()
            records = lines(logs)
            assert len(complaints(records)) == 1, complaints(records)
            assert len([r for r in records if r["event"].startswith("Redis reachable again")]) == 1
            # The slot was released on the way out: another call gets it at once.
            async with asyncio.timeout(5), limiter.slot("bob", 1):
                pass
        finally:
            await limiter.close()
            await client.aclose()
            await delete_matching(admin, f"{prefix}*")
            await admin.aclose()
