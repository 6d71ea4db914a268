"""The job queue: the in-process dispatcher, and SAQ on a real Redis with workers in their own processes."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import pytest
import structlog
from redis.asyncio import Redis
from saq.job import Status
from saq.utils import now
from tortoise.exceptions import DBConnectionError

from services.infra.jobs import (
    InProcessQueue,
    JobHandler,
    SaqQueue,
    SaqSettings,
    create_queue,
    release_slot,
    run_worker,
)
from services.infra.outage import CONNECTION_ERRORS
from tests.log_capture import captured_json_logs, lines
from tests.redis_proxy import RedisProxy
from tests.services.infra.jobs_support import REDIS_URL, ChildProcess, delete_matching, done, eventually, unique_name

WORKER_PROGRAM = "tests.services.infra.jobs_support.worker_program"

# --- in-process ----------------------------------------------------------------------------------------------------


class Recorder:
    """A handler whose runs block until released; it records starts, cancellations and the peak in flight."""

    def __init__(self) -> None:
        self.started: list[uuid.UUID] = []
        self.done: list[uuid.UUID] = []
        self.cancelled: list[uuid.UUID] = []
        self.gates: dict[uuid.UUID, asyncio.Event] = {}
        self.in_flight = 0
        self.peak = 0
        self.fail: set[uuid.UUID] = set()

    def gate(self, batch_id: uuid.UUID) -> asyncio.Event:
        return self.gates.setdefault(batch_id, asyncio.Event())

    async def __call__(self, batch_id: uuid.UUID) -> None:
        self.started.append(batch_id)
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        try:
            await self.gate(batch_id).wait()
            if batch_id in self.fail:
                raise RuntimeError("boom")
            self.done.append(batch_id)
        except asyncio.CancelledError:
            self.cancelled.append(batch_id)
            raise
        finally:
            self.in_flight -= 1

    async def wait_started(self, count: int) -> None:
        async def enough() -> bool:
            return len(self.started) >= count

        await eventually(enough, within=5, interval=0.005, what=f"{count} starts")


async def test_in_process_runs_fifo_with_bounded_concurrency() -> None:
    handler = Recorder()
    queue = InProcessQueue(handler, concurrency=2)
    ids = [uuid.uuid4() for _ in range(5)]
    for batch_id in ids:
        await queue.enqueue(batch_id)
    assert await queue.queued_count() == 5  # nothing runs before start
    await queue.start()
    await handler.wait_started(2)
    assert handler.started == ids[:2]
    assert await queue.queued_count() == 3
    assert [await queue.status(b) for b in ids] == ["active", "active", "queued", "queued", "queued"]

    for batch_id in ids:
        handler.gate(batch_id).set()
    for batch_id in ids:

        async def complete(b: uuid.UUID = batch_id) -> bool:
            return await queue.status(b) == "complete"

        await eventually(complete, within=5, interval=0.005)
    assert handler.started == ids
    assert handler.peak == 2
    assert await queue.queued_count() == 0
    assert await queue.status(uuid.uuid4()) is None
    await queue.close()


async def test_in_process_enqueue_is_idempotent_while_live_and_reruns_after_finish() -> None:
    handler = Recorder()
    queue = InProcessQueue(handler, concurrency=1)
    await queue.start()
    blocker, batch_id = uuid.uuid4(), uuid.uuid4()
    await queue.enqueue(blocker)
    await queue.enqueue(batch_id)
    await queue.enqueue(batch_id)  # queued: no second job
    assert await queue.queued_count() == 1
    handler.gate(blocker).set()
    await handler.wait_started(2)
    await queue.enqueue(batch_id)  # running: no second job
    assert await queue.queued_count() == 0
    handler.gate(batch_id).set()

    async def complete() -> bool:
        return await queue.status(batch_id) == "complete"

    await eventually(complete, within=5, interval=0.005)
    assert handler.started.count(batch_id) == 1

    await queue.enqueue(batch_id)  # finished: a fresh run (reconcile, retry)
    await handler.wait_started(3)
    await eventually(complete, within=5, interval=0.005)
    assert handler.started.count(batch_id) == 2
    await queue.close()


async def test_in_process_abort_cancels_running_and_drops_queued() -> None:
    handler = Recorder()
    queue = InProcessQueue(handler, concurrency=1)
    await queue.start()
    running, queued = uuid.uuid4(), uuid.uuid4()
    await queue.enqueue(running)
    await queue.enqueue(queued)
    await handler.wait_started(1)

    await queue.abort(queued)
    assert await queue.status(queued) == "aborted"
    assert await queue.queued_count() == 0

    await queue.abort(running)  # returns once the handler has stopped
    assert handler.cancelled == [running]
    assert await queue.status(running) == "aborted"
    assert handler.started == [running]

    await queue.abort(uuid.uuid4())  # unknown: no error
    await queue.abort(running)  # finished: no error
    await queue.close()


async def test_in_process_handler_error_fails_the_job_and_the_queue_goes_on() -> None:
    handler = Recorder()
    queue = InProcessQueue(handler, concurrency=1)
    await queue.start()
    bad, good = uuid.uuid4(), uuid.uuid4()
    handler.fail.add(bad)
    handler.gate(bad).set()
    handler.gate(good).set()
    await queue.enqueue(bad)
    await queue.enqueue(good)

    async def good_done() -> bool:
        return await queue.status(good) == "complete"

    await eventually(good_done, within=5, interval=0.005)
    assert await queue.status(bad) == "failed"
    await queue.close()


async def test_in_process_close_cancels_running_and_refuses_new_work() -> None:
    handler = Recorder()
    queue = InProcessQueue(handler, concurrency=1)
    await queue.start()
    running, queued = uuid.uuid4(), uuid.uuid4()
    await queue.enqueue(running)
    await queue.enqueue(queued)
    await handler.wait_started(1)
    await queue.close()
    assert handler.cancelled == [running]
    assert handler.started == [running]
    assert await queue.status(queued) == "aborted"
    with pytest.raises(RuntimeError, match="closed"):
        await queue.enqueue(uuid.uuid4())


async def test_in_process_job_runs_in_the_context_of_whoever_enqueued_it() -> None:
    seen: dict[uuid.UUID, str | None] = {}
    first_gate = asyncio.Event()

    async def handler(key: uuid.UUID) -> None:
        seen[key] = structlog.contextvars.get_contextvars().get("request_id")
        if key == first:
            await first_gate.wait()

    queue = InProcessQueue(handler, concurrency=1)
    await queue.start()
    first, second, third = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    try:
        with structlog.contextvars.bound_contextvars(request_id="req-first"):
            await queue.enqueue(first)
        with structlog.contextvars.bound_contextvars(request_id="req-second"):
            await queue.enqueue(second)  # waits for the slot: started later, by whatever frees it
        await queue.enqueue(third)  # no request (an outbox drainer, a reconciler)
        first_gate.set()
        for key in (first, second, third):

            async def complete(k: uuid.UUID = key) -> bool:
                return await queue.status(k) == "complete"

            await eventually(complete, within=5, interval=0.005)
    finally:
        await queue.close()
    assert seen == {first: "req-first", second: "req-second", third: None}


async def test_in_process_drain_lets_the_running_job_finish_and_starts_no_other() -> None:
    handler = Recorder()
    queue = InProcessQueue(handler, concurrency=1)
    await queue.start()
    running, queued = uuid.uuid4(), uuid.uuid4()
    await queue.enqueue(running)
    await queue.enqueue(queued)
    await handler.wait_started(1)
    draining = asyncio.create_task(queue.drain(60))
    handler.gate(running).set()  # it ends within the grace...
    await asyncio.wait_for(draining, 10)  # ...and the drain returns then, not after the grace
    assert handler.done == [running]
    assert handler.started == [running]  # the queued job was not started during the drain
    assert await queue.status(queued) == "queued"
    await queue.close()
    assert handler.cancelled == []
    assert await queue.status(queued) == "aborted"


async def test_in_process_drain_past_its_grace_leaves_the_job_to_close() -> None:
    handler = Recorder()
    queue = InProcessQueue(handler, concurrency=1)
    await queue.start()
    running = uuid.uuid4()
    await queue.enqueue(running)
    await handler.wait_started(1)
    await queue.drain(0.01)  # the job never ends by itself: the grace runs out
    assert handler.cancelled == []  # the drain only waits; stopping is close's
    await queue.close()
    assert handler.cancelled == [running]


class Tails:
    """A handler that hands its slot back (``release_slot``) at once, then runs its tail until released: it records
    starts and ends, and how many ran at most outside their tails."""

    def __init__(self) -> None:
        self.started: list[uuid.UUID] = []
        self.ended: list[uuid.UUID] = []
        self.tails: dict[uuid.UUID, asyncio.Event] = {}
        self.heads: dict[uuid.UUID, asyncio.Event] = {}
        self.in_head = 0
        self.peak_heads = 0

    def head(self, batch_id: uuid.UUID) -> asyncio.Event:
        return self.heads.setdefault(batch_id, asyncio.Event())

    def tail(self, batch_id: uuid.UUID) -> asyncio.Event:
        return self.tails.setdefault(batch_id, asyncio.Event())

    async def __call__(self, batch_id: uuid.UUID) -> None:
        self.started.append(batch_id)
        self.in_head += 1
        self.peak_heads = max(self.peak_heads, self.in_head)
        await self.head(batch_id).wait()
        self.in_head -= 1
        release_slot()
        release_slot()  # only the first counts
        await self.tail(batch_id).wait()
        self.ended.append(batch_id)

    async def wait_started(self, count: int) -> None:
        async def enough() -> bool:
            return len(self.started) >= count

        await eventually(enough, within=10, interval=0.005, what=f"{count} starts")


async def test_in_process_slot_handed_back_takes_the_next_job_while_the_tail_runs() -> None:
    release_slot()  # outside a job: nothing happens
    handler = Tails()
    queue = InProcessQueue(handler, concurrency=1)
    first, second, third = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    for batch_id in (first, second, third):
        await queue.enqueue(batch_id)
    await queue.start()
    await handler.wait_started(1)
    assert handler.started == [first]  # one slot: the second waits while the first holds it

    handler.head(first).set()
    await handler.wait_started(2)
    assert handler.started == [first, second]
    # The first is in its tail: still running, not complete; the third waits for the second's slot.
    assert await queue.status(first) == "active"
    assert await queue.status(third) == "queued"

    handler.head(second).set()
    await handler.wait_started(3)
    handler.tail(second).set()

    def complete(batch_id: uuid.UUID) -> Callable[[], Awaitable[bool]]:
        async def check() -> bool:
            return await queue.status(batch_id) == "complete"

        return check

    await eventually(complete(second), within=5, interval=0.005)
    assert await queue.status(first) == "active"  # its tail has not ended
    handler.head(third).set()
    handler.tail(third).set()
    handler.tail(first).set()
    for batch_id in (first, third):
        await eventually(complete(batch_id), within=5, interval=0.005)
    assert handler.peak_heads == 1
    assert sorted(handler.ended) == sorted([first, second, third])
    await queue.close()


async def test_create_queue_picks_the_backend() -> None:
    handler = Recorder()
    assert isinstance(create_queue(None, handler, concurrency=2), InProcessQueue)
    with pytest.raises(ValueError, match="handler"):
        create_queue(None, None, concurrency=2)
    saq = create_queue(REDIS_URL, None, concurrency=2)
    assert isinstance(saq, SaqQueue)
    await saq.start()
    await saq.close()


# --- SAQ on Redis --------------------------------------------------------------------------------------------------


@pytest.fixture
async def redis() -> AsyncIterator[Redis]:
    client = Redis.from_url(REDIS_URL)
    yield client
    await client.aclose()


class SaqEnv:
    """One SAQ queue name and one key namespace for a test, cleaned up afterwards."""

    def __init__(self, redis: Redis) -> None:
        self.redis = redis
        self.name = unique_name("jobs")
        self.ns = f"{self.name}:marks"
        self.batch_ids: list[uuid.UUID] = []
        self.children: list[ChildProcess] = []

    def batch(self) -> uuid.UUID:
        batch_id = uuid.uuid4()
        self.batch_ids.append(batch_id)
        return batch_id

    async def gate(self, batch_id: uuid.UUID) -> None:
        await self.redis.set(f"{self.ns}:gate:{batch_id}", 1)

    async def release(self, batch_id: uuid.UUID) -> None:
        await self.redis.delete(f"{self.ns}:gate:{batch_id}")

    async def marks(self, kind: str, batch_id: uuid.UUID) -> list[int]:
        return [int(v) for v in await done(self.redis.lrange(f"{self.ns}:{kind}:{batch_id}", 0, -1))]

    async def wait_marks(self, kind: str, batch_id: uuid.UUID, count: int = 1, within: float = 10) -> list[int]:
        async def enough() -> bool:
            return len(await self.marks(kind, batch_id)) >= count

        await eventually(enough, within=within, what=f"{kind} x{count} for {batch_id}")
        return await self.marks(kind, batch_id)

    async def wait_status(self, queue: SaqQueue, batch_id: uuid.UUID, status: str, within: float = 10) -> None:
        async def reached() -> bool:
            return await queue.status(batch_id) == status

        await eventually(reached, within=within, what=f"status {status}")

    async def start_worker(self, concurrency: int = 2) -> ChildProcess:
        child = await ChildProcess.start(WORKER_PROGRAM, self.name, self.ns, str(concurrency))
        self.children.append(child)

        async def ready() -> bool:
            return bool(await done(self.redis.exists(f"{self.ns}:ready:{child.pid}")))

        await eventually(ready, within=15, what="worker ready")
        return child

    async def cleanup(self) -> None:
        for child in self.children:
            await child.terminate()
        await delete_matching(self.redis, f"saq:{self.name}:*", f"saq:job:{self.name}:*", f"{self.ns}:*")
        await self.redis.delete(*[f"saq:abort:{b}" for b in self.batch_ids] or ["-"])


@pytest.fixture
async def env(redis: Redis) -> AsyncIterator[SaqEnv]:
    environment = SaqEnv(redis)
    yield environment
    await environment.cleanup()


@pytest.fixture
async def api_queue(env: SaqEnv) -> AsyncIterator[SaqQueue]:
    """The queue as an API process holds it: enqueue, abort, status; no worker."""
    queue = SaqQueue(REDIS_URL, name=env.name)
    await queue.start()
    yield queue
    await queue.close()


@pytest.mark.slow
async def test_saq_worker_process_runs_an_enqueued_batch_and_reruns_it_after_it_finished(
    env: SaqEnv, api_queue: SaqQueue
) -> None:
    worker = await env.start_worker()
    batch_id = env.batch()
    await api_queue.enqueue(batch_id)
    assert await env.wait_marks("done", batch_id) == [worker.pid]
    await env.wait_status(api_queue, batch_id, "complete")

    await api_queue.enqueue(batch_id)  # a finished job does not block a fresh one (reconcile, retry)
    assert await env.wait_marks("done", batch_id, 2) == [worker.pid, worker.pid]
    assert await worker.terminate() == 0


async def test_saq_status_values_and_abort_of_a_queued_job(env: SaqEnv, api_queue: SaqQueue) -> None:
    batch_id, other = env.batch(), env.batch()
    assert await api_queue.status(batch_id) is None
    await api_queue.enqueue(batch_id)
    await api_queue.enqueue(batch_id)
    await api_queue.enqueue(other)
    assert await api_queue.status(batch_id) == "queued"
    assert await api_queue.queued_count() == 2  # idempotent: one job per batch

    await api_queue.abort(batch_id)
    assert await api_queue.status(batch_id) == "aborted"
    assert await api_queue.queued_count() == 1
    await api_queue.abort(batch_id)  # finished: no error
    await api_queue.abort(uuid.uuid4())  # unknown: no error

    await api_queue.enqueue(batch_id)  # re-enqueue after an abort
    assert await api_queue.status(batch_id) == "queued"
    assert await api_queue.queued_count() == 2


async def test_saq_enqueue_is_idempotent_while_the_job_runs(env: SaqEnv, api_queue: SaqQueue) -> None:
    worker = await env.start_worker()
    batch_id = env.batch()
    await env.gate(batch_id)
    await api_queue.enqueue(batch_id)
    await env.wait_marks("started", batch_id)
    assert await api_queue.status(batch_id) == "active"
    await api_queue.enqueue(batch_id)
    assert await api_queue.queued_count() == 0
    await env.release(batch_id)
    await env.wait_status(api_queue, batch_id, "complete")
    assert await env.marks("started", batch_id) == [worker.pid]


async def test_saq_abort_cancels_the_running_handler_and_the_batch_can_run_again(
    env: SaqEnv, api_queue: SaqQueue
) -> None:
    worker = await env.start_worker()
    batch_id = env.batch()
    await env.gate(batch_id)
    await api_queue.enqueue(batch_id)
    await env.wait_marks("started", batch_id)

    await api_queue.abort(batch_id)
    assert await api_queue.status(batch_id) in {"aborting", "aborted"}
    assert await env.wait_marks("cancelled", batch_id) == [worker.pid]
    await env.wait_status(api_queue, batch_id, "aborted")
    assert await env.marks("done", batch_id) == []

    await env.release(batch_id)
    await api_queue.enqueue(batch_id)
    assert await env.wait_marks("done", batch_id) == [worker.pid]


async def test_saq_enqueue_right_after_abort_waits_for_the_abort_to_settle(env: SaqEnv, api_queue: SaqQueue) -> None:
    await env.start_worker()
    batch_id = env.batch()
    await env.gate(batch_id)
    await api_queue.enqueue(batch_id)
    await env.wait_marks("started", batch_id)
    await api_queue.abort(batch_id)
    # SAQ refuses the key until the worker acknowledged the abort: enqueue waits for that.
    enqueued = asyncio.create_task(api_queue.enqueue(batch_id))
    assert await env.wait_marks("cancelled", batch_id) != []
    await env.release(batch_id)
    await asyncio.wait_for(enqueued, 10)
    assert len(await env.wait_marks("started", batch_id, 2)) == 2
    await env.wait_marks("done", batch_id)
    await env.wait_status(api_queue, batch_id, "complete")


@pytest.mark.slow
async def test_saq_worker_exits_cleanly_on_sigterm_and_requeues_its_running_job(
    env: SaqEnv, api_queue: SaqQueue
) -> None:
    worker = await env.start_worker()
    batch_id = env.batch()
    await env.gate(batch_id)
    await api_queue.enqueue(batch_id)
    await env.wait_marks("started", batch_id)

    assert await worker.terminate() == 0
    assert await env.marks("cancelled", batch_id) == [worker.pid]
    assert [int(p) for p in await done(env.redis.lrange(f"{env.ns}:stopped", 0, -1))] == [worker.pid]
    assert await api_queue.status(batch_id) == "queued"  # for the next worker, after the retry delay

    await env.release(batch_id)
    second = await env.start_worker()
    assert await env.wait_marks("done", batch_id) == [second.pid]


@pytest.mark.slow
async def test_saq_job_of_a_sigkilled_worker_is_redelivered_to_another_worker(env: SaqEnv, api_queue: SaqQueue) -> None:
    first = await env.start_worker()
    batch_id = env.batch()
    await env.gate(batch_id)
    await api_queue.enqueue(batch_id)
    assert await env.wait_marks("started", batch_id) == [first.pid]

    await first.kill()
    killed_at = time.monotonic()
    second = await env.start_worker()
    starts = await env.wait_marks("started", batch_id, 2, within=30)
    redelivery_s = time.monotonic() - killed_at
    print(f"re-delivery after SIGKILL: {redelivery_s:.1f} s")
    assert starts == [first.pid, second.pid]
    assert redelivery_s < 25

    await env.release(batch_id)
    assert await env.wait_marks("done", batch_id) == [second.pid]
    await env.wait_status(api_queue, batch_id, "complete")


async def test_run_worker_in_process_enters_the_factory_once_and_stops_on_the_event(
    env: SaqEnv, api_queue: SaqQueue
) -> None:
    events: list[str] = []
    ran: list[uuid.UUID] = []

    async def handler(batch_id: uuid.UUID) -> None:
        ran.append(batch_id)

    @asynccontextmanager
    async def handler_factory() -> AsyncIterator[JobHandler]:
        events.append("enter")
        yield handler
        events.append("exit")

    stop = asyncio.Event()
    settings = SaqSettings(heartbeat_interval_s=0.1)
    worker = run_worker(
        REDIS_URL, concurrency=2, handler_factory=handler_factory, name=env.name, stop=stop, settings=settings
    )
    task = asyncio.create_task(worker)
    try:
        batch_ids = [env.batch() for _ in range(3)]
        for batch_id in batch_ids:
            await api_queue.enqueue(batch_id)
        for batch_id in batch_ids:
            await env.wait_status(api_queue, batch_id, "complete")
        assert sorted(ran) == sorted(batch_ids)
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
    assert events == ["enter", "exit"]


async def test_saq_slot_handed_back_takes_the_next_job_and_the_tail_completes_later(
    env: SaqEnv, api_queue: SaqQueue
) -> None:
    handler = Tails()
    worker = SaqQueue(REDIS_URL, name=env.name, handler=handler, concurrency=1)
    first, second, third = env.batch(), env.batch(), env.batch()
    for batch_id in (first, second, third):
        await api_queue.enqueue(batch_id)
    await worker.start()
    try:
        await handler.wait_started(1)
        handler.head(first).set()
        await handler.wait_started(2)
        # The first job is in its tail: still active in Redis (so re-delivered if this worker died now).
        assert await api_queue.status(first) == "active"
        assert await api_queue.status(third) == "queued"

        handler.head(second).set()
        handler.tail(second).set()
        await env.wait_status(api_queue, second, "complete")
        await handler.wait_started(3)  # taken by the loop the second lent; the first's loop ends with its job
        assert await api_queue.status(first) == "active"

        handler.tail(first).set()
        await env.wait_status(api_queue, first, "complete")
        handler.head(third).set()
        handler.tail(third).set()
        await env.wait_status(api_queue, third, "complete")
        assert handler.peak_heads == 1
        assert handler.started == [first, second, third]

        # After the tails, one loop is left: a fourth job runs, and a fifth waits for it.
        fourth, fifth = env.batch(), env.batch()
        await api_queue.enqueue(fourth)
        await api_queue.enqueue(fifth)
        await handler.wait_started(4)
        assert await api_queue.status(fifth) == "queued"
        for batch_id in (fourth, fifth):
            handler.head(batch_id).set()
            handler.tail(batch_id).set()
        await env.wait_status(api_queue, fifth, "complete")
        assert handler.peak_heads == 1
    finally:
        await worker.close()


@pytest.mark.slow
async def test_saq_heartbeat_keeps_a_long_job_from_being_swept(env: SaqEnv, api_queue: SaqQueue) -> None:
    # Short settings so the sweeper would re-deliver a job without heartbeats within about 2 s.
    settings = SaqSettings(heartbeat_s=1, heartbeat_interval_s=0.2, sweep_interval_s=1)
    gate = asyncio.Event()
    starts: list[uuid.UUID] = []

    async def handler(batch_id: uuid.UUID) -> None:
        starts.append(batch_id)
        await gate.wait()

    @asynccontextmanager
    async def handler_factory() -> AsyncIterator[JobHandler]:
        yield handler

    stop = asyncio.Event()
    worker = run_worker(
        REDIS_URL, concurrency=1, handler_factory=handler_factory, name=env.name, stop=stop, settings=settings
    )
    task = asyncio.create_task(worker)
    queue = SaqQueue(REDIS_URL, name=env.name, settings=settings)
    await queue.start()
    try:
        batch_id = env.batch()
        await queue.enqueue(batch_id)

        async def ran_for_three_heartbeats() -> bool:
            job = await queue.queue.job(str(batch_id))
            return job is not None and (job.duration("running") or 0) > 3000

        await eventually(ran_for_three_heartbeats, within=10, what="3 s of running")
        assert starts == [batch_id]
        assert await queue.status(batch_id) == "active"
        gate.set()
        await env.wait_status(queue, batch_id, "complete")
        assert starts == [batch_id]
    finally:
        gate.set()
        stop.set()
        await asyncio.wait_for(task, 10)
        await queue.close()


async def test_a_job_just_taken_is_not_swept_before_its_worker_marks_it_active(
    env: SaqEnv, api_queue: SaqQueue
) -> None:
    """A worker moves a job into the active list and marks it active a moment later. A sweep in between (it runs
    every second) must not queue it again, or a second attempt runs beside the first; a job whose worker died in
    between is swept by the next sweep."""
    queue = api_queue.queue
    sweep_lock = f"saq:{env.name}:sweep"
    active, queued = f"saq:{env.name}:active", f"saq:{env.name}:queued"

    async def sweep() -> list[str]:
        await env.redis.delete(sweep_lock)  # each call is a sweep of its own interval
        return await queue.sweep(lock=1, abort=0.1)

    taken, dying = env.batch(), env.batch()
    for batch_id in (taken, dying):
        await api_queue.enqueue(batch_id)
        # What a worker's BLMOVE does: the job is in the active list, still marked queued.
        assert await env.redis.lmove(queued, active, "LEFT", "RIGHT") is not None
    assert await sweep() == []  # both only suspected
    job = await queue.job(str(taken))
    assert job is not None
    # What the worker does next (saq.Worker.process): its attempt starts, the job is marked active and touched.
    job.started = now()
    job.attempts += 1
    await job.update(status=Status.ACTIVE)
    swept = await sweep()
    assert swept == [queue.job_id(str(dying))]  # unchanged since the last sweep: its worker is gone
    assert await api_queue.status(taken) == "active"
    assert await done(env.redis.lrange(active, 0, -1)) == [queue.job_id(str(taken)).encode()]
    requeued = await queue.job(str(dying))
    assert requeued is not None
    assert (requeued.status, requeued.error) == (Status.QUEUED, "swept")


async def test_after_a_redis_gap_a_sweep_waits_a_heartbeat_and_reads_the_job_again(
    env: SaqEnv, api_queue: SaqQueue
) -> None:
    """SAQ issue #277: after Redis was paused or away, every running job's heartbeat looks stale until its worker's
    next beat lands, and SAQ's sweep aborts them all. A sweep judges a heartbeat only once its own process has heard
    from Redis without a gap for a whole heartbeat, and reads the job again before aborting it."""
    relay = RedisProxy.to(REDIS_URL)  # the sweeper's way to Redis, which the test cuts
    await relay.start()
    sweeper = SaqQueue(relay.url(), name=env.name)
    await sweeper.start()
    queue = sweeper.queue
    active, queued = f"saq:{env.name}:active", f"saq:{env.name}:queued"

    async def sweep() -> list[str]:
        await env.redis.delete(f"saq:{env.name}:sweep")  # each call is a sweep of its own interval
        return await queue.sweep(lock=1, abort=0.1)

    async def running(key: uuid.UUID, *, stale: bool) -> None:
        """The job as its worker holds it: active, a 1 s heartbeat, last touched now or 10 s ago."""
        job = await api_queue.queue.job(str(key))
        assert job is not None
        touched = now() - 10_000 if stale else now()
        await job.update(status=Status.ACTIVE, attempts=1, started=now() - 10_000, heartbeat=1, touched=touched)

    async def swept_until(dead: uuid.UUID, *live: uuid.UUID) -> None:
        """Sweep until ``dead`` is swept; the ``live`` ones (touched by their workers meanwhile) never are."""

        async def dead_swept() -> bool:
            for key in live:
                await running(key, stale=False)  # the live job's worker beats
            swept = await sweep()
            assert not {queue.job_id(str(key)) for key in live} & set(swept), swept
            return swept == [queue.job_id(str(dead))]

        await eventually(dead_swept, within=10, what="the dead job to be swept")

    try:
        first_dead, live, dead = env.batch(), env.batch(), env.batch()
        for key in (first_dead, live, dead):
            await api_queue.enqueue(key)
            assert await env.redis.lmove(queued, active, "LEFT", "RIGHT") is not None
            await running(key, stale=key == first_dead)
        # A dead job is swept once the sweeper has heard from Redis for a heartbeat.
        await swept_until(first_dead, live, dead)

        # Redis is away for a while: no beat lands, so every running job's heartbeat is stale when it is back.
        await running(live, stale=True)
        await running(dead, stale=True)
        await relay.cut()
        with pytest.raises(CONNECTION_ERRORS):
            await sweep()
        relay.restore()
        assert await sweep() == []  # the contact starts again: no heartbeat is judged yet
        await swept_until(dead, live)  # the live job's beats land; the dead one's never do
        assert await api_queue.status(live) == "active"

        # A beat lands between the sweep's read of the active list and its abort: the job is read again, kept.
        await running(live, stale=True)
        read = queue._cleanup_script
        assert read is not None

        async def read_then_beat(*args: object, **kwargs: object) -> object:
            id_jobs = await read(*args, **kwargs)  # type: ignore[arg-type]
            await running(live, stale=False)
            return id_jobs

        queue._cleanup_script = read_then_beat  # type: ignore[assignment]
        assert await sweep() == []
        stored = await queue.job(str(live))
        assert stored is not None
        assert (stored.status, stored.attempts, stored.error) == (Status.ACTIVE, 1, None)
    finally:
        await sweeper.close()
        await relay.close()


async def test_stop_lets_running_jobs_finish_within_the_grace_then_requeues_the_rest(
    env: SaqEnv, api_queue: SaqQueue
) -> None:
    settings = SaqSettings(heartbeat_interval_s=0.1, shutdown_grace_s=0.5, retry_delay_s=30.0)
    started: dict[uuid.UUID, asyncio.Event] = {}
    finish_quick = asyncio.Event()
    interrupted: list[uuid.UUID] = []

    async def handler(batch_id: uuid.UUID) -> None:
        started.setdefault(batch_id, asyncio.Event()).set()
        try:
            if batch_id == quick:
                await finish_quick.wait()
            else:
                await asyncio.Event().wait()  # never ends by itself
        except asyncio.CancelledError:
            interrupted.append(batch_id)
            raise

    @asynccontextmanager
    async def handler_factory() -> AsyncIterator[JobHandler]:
        yield handler

    quick, slow = env.batch(), env.batch()
    for batch_id in (quick, slow):
        started[batch_id] = asyncio.Event()
    stop = asyncio.Event()
    task = asyncio.create_task(
        run_worker(
            REDIS_URL, concurrency=2, handler_factory=handler_factory, name=env.name, stop=stop, settings=settings
        )
    )
    try:
        await api_queue.enqueue(quick)
        await api_queue.enqueue(slow)
        await asyncio.wait_for(asyncio.gather(started[quick].wait(), started[slow].wait()), 10)
        stop.set()
        finish_quick.set()  # within the grace: the quick job ends as it would have
        await asyncio.wait_for(task, 10)
    finally:
        stop.set()
        finish_quick.set()
        if not task.done():
            task.cancel()
    assert await api_queue.status(quick) == "complete"
    assert interrupted == [slow]  # only the job still running after the grace was cancelled...
    job = await api_queue.queue.job(str(slow))
    assert job is not None
    assert (job.status, job.attempts) == ("queued", 1), job  # ...and handed back for another worker


async def test_saq_job_logs_name_the_enqueuing_request_or_none_and_saq_repeats_nothing(
    env: SaqEnv, api_queue: SaqQueue
) -> None:
    ran: list[uuid.UUID] = []

    async def handler(batch_id: uuid.UUID) -> None:
        ran.append(batch_id)

    @asynccontextmanager
    async def handler_factory() -> AsyncIterator[JobHandler]:
        yield handler

    from_request, from_drainer = env.batch(), env.batch()
    stop = asyncio.Event()
    settings = SaqSettings(heartbeat_interval_s=0.1)
    with captured_json_logs() as logs:
        task = asyncio.create_task(
            run_worker(
                REDIS_URL, concurrency=2, handler_factory=handler_factory, name=env.name, stop=stop, settings=settings
            )
        )
        try:
            with structlog.contextvars.bound_contextvars(request_id="req-enqueuer-01"):
                await api_queue.enqueue(from_request)
            await api_queue.enqueue(from_drainer)  # an outbox drainer's hand-over: no request
            for batch_id in (from_request, from_drainer):
                await env.wait_status(api_queue, batch_id, "complete")
        finally:
            stop.set()
            await asyncio.wait_for(task, 10)
    records = lines(logs)
    by_key = {key: [r for r in records if r.get("job_key") == str(key)] for key in (from_request, from_drainer)}
    assert by_key[from_request]
    assert all(r["request_id"] == "req-enqueuer-01" for r in by_key[from_request])
    assert by_key[from_drainer]
    assert all("request_id" not in r for r in by_key[from_drainer]), by_key[from_drainer]
    # SAQ's lines that repeat ours (with its queue's and jobs' reprs) are gone, and so is its false warning that
    # tasks "did not finish within the shutdown grace period" at every stop.
    assert [r for r in records if r["logger"] == "saq"] == []
    assert [r for r in records if r["level"] in ("warning", "error")] == []


async def test_a_job_failing_because_the_database_is_away_waits_and_keeps_its_attempts(
    env: SaqEnv, api_queue: SaqQueue
) -> None:
    """Attempts count the job's own failures: a run that fails because the database (or Redis) cannot be reached
    is run again once it answers, in the same attempt, however often it fails meanwhile."""
    calls: list[uuid.UUID] = []
    finished = asyncio.Event()

    async def handler(key: uuid.UUID) -> None:
        calls.append(key)
        if len(calls) <= 3:  # the database is away for the first three runs (more than the job's one attempt)
            raise DBConnectionError("connection refused")
        finished.set()

    worker = SaqQueue(REDIS_URL, name=env.name, handler=handler, concurrency=1, settings=SaqSettings(retries=1))
    batch_id = env.batch()
    await api_queue.enqueue(batch_id)
    await worker.start()
    try:
        async with asyncio.timeout(30):
            await finished.wait()
        await env.wait_status(api_queue, batch_id, "complete")
        job = await api_queue.queue.job(str(batch_id))
        assert job is not None
        assert job.attempts == 1
        assert calls == [batch_id] * 4
    finally:
        await worker.close()
