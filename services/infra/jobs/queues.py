"""One kind's queue: "work on row X", in-process (embedded default) or SAQ on Redis (production).

Each job kind (`services.infra.jobs.kinds.JobKind`) has a queue of its own (its own SAQ queue name, concurrency,
timeout and retries), so that a slow kind (a webhook receiver that hangs) never takes a slot of another (a batch).
A row in SQL is the job of record; the queue only carries its id (a UUID: the batch, the delivery). A job can run
more than once (a re-delivery after a crash, a retry after an error, a reconcile at start), so the handler must be
idempotent. Jobs reach the queue through the outbox in SQL (``services.infra.jobs.outbox``), so a write never
depends on Redis.

SAQ's defaults are wrong for batches that call a slow provider (``timeout=10`` s, no heartbeat, ``retries=1``, which
ends a swept job ABORTED instead of re-running it); `SaqSettings` sets them in one place. A running job is touched
every second; one left untouched for ``heartbeat_s`` (``WORKER_DEAD_AFTER_SECONDS``) counts as dead: the next sweep
(every second, by whichever worker holds the sweep lock) aborts it, waits ``sweep_abort_wait_s`` for a live worker to
acknowledge, and queues it again at once. Re-delivery after a SIGKILL therefore takes about ``heartbeat_s`` plus 2-3
s.

Redis going away is not an error a worker can fix, only wait out: every loop of the worker (taking jobs, the upkeep
timers, job heartbeats) backs off and reports through one shared `Outage`, which logs the outage once per window
instead of a traceback per attempt, and the worker carries on when Redis is back.

A job may hand its worker slot back before it ends (`release_slot`): once a batch makes no more provider calls, what
is left is its tail (the last settlements, the terminal event), and the slot takes the next job meanwhile. The job
stays running until its handler returns: it is marked complete only then, keeps its heartbeat, and is re-delivered
after a crash like any other; the provider limits (``services.infra.limits``) hold per call, whatever the slots.

Job key = the row's id (for a batch, the batch id), so `enqueue` is idempotent while a job for it is queued, scheduled
for a retry or running. SAQ only enforces uniqueness over unfinished jobs, so enqueueing a key whose job has finished
(complete, failed, aborted) starts a fresh job: that is how reconcile and batch retry re-run a batch.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import signal
import time
import uuid
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any, Protocol

import structlog
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialWithJitterBackoff
from saq.job import ACTIVE_STATUSES, TERMINAL_STATUSES, Job, Status
from saq.queue.redis import RedisQueue
from saq.types import Context
from saq.utils import cancel_tasks, now
from saq.worker import Worker

from services.infra import metrics
from services.infra.outage import CONNECTION_ERRORS, Outage, dependency_unreachable

logger = logging.getLogger(__name__)

JobHandler = Callable[[uuid.UUID], Awaitable[None]]
"""Runs one job (the row with this id) to the end; idempotent; may be re-run after a crash."""

DEFAULT_FUNCTION = "job"
"""The SAQ function name of a queue built without a kind (tests); a kind's queue uses the kind's name."""
ABORT_ERROR = "aborted"

_slot_release: contextvars.ContextVar[Callable[[], None] | None] = contextvars.ContextVar(
    "job_slot_release", default=None
)
"""Set by the queue for each job it runs (tasks the handler starts inherit it)."""


def release_slot() -> None:
    """Hand the running job's worker slot back: the job only finishes its tail now (no provider call is left).

    The queue may start its next job at once; this one stays running (not complete, heartbeat kept, re-delivered
    after a crash) until its handler returns. Only the first call counts; outside a job it does nothing.
    """
    release = _slot_release.get()
    if release is not None:
        release()


def _once(release: Callable[[], None]) -> Callable[[], None]:
    released = False

    def call() -> None:
        nonlocal released
        if not released:
            released = True
            release()

    return call


class KindQueue(Protocol):
    """The queue of one job kind, keyed by the id of the job's row."""

    async def start(self) -> None: ...

    async def close(self) -> None: ...

    async def drain(self, grace: float) -> None:
        """Before `close` on a stop: take no new job, and give the running ones up to ``grace`` seconds to end
        (``SHUTDOWN_GRACE_SECONDS``); `close` then stops those still running (they are handed back)."""
        ...

    async def enqueue(self, key: uuid.UUID) -> None:
        """Queue the job unless one for this key is already queued or running."""
        ...

    async def abort(self, key: uuid.UUID) -> None:
        """Stop a queued or running job; nothing happens if it is unknown or finished."""
        ...

    async def status(self, key: uuid.UUID) -> str | None:
        """``queued`` / ``active`` / ``aborting`` / ``complete`` / ``failed`` / ``aborted``, or None if unknown."""
        ...

    async def queued_count(self) -> int:
        """Jobs waiting for a worker."""
        ...

    async def healthy(self) -> bool:
        """Whether the queue can take jobs now (for /readyz): Redis answers, or the in-process queue is open."""
        ...


class EnqueueTimeout(RuntimeError):
    """The key's previous job was still being aborted when the wait for it ran out."""


# --- embedded ----------------------------------------------------------------------------------------------------


class InProcessQueue:
    """Asyncio tasks in this process: FIFO, at most ``concurrency`` batches at once, nothing persisted.

    Durability comes from SQL: the app re-enqueues unfinished batches at start. Jobs enqueued before `start` wait
    for it. A handler that raises ends ``failed`` (logged, not retried).
    """

    FINISHED_KEPT = 10_000

    def __init__(
        self, handler: JobHandler, *, concurrency: int, label: str = "job", log_field: str = "job_key"
    ) -> None:
        """``label`` names the job in the logs ("batch taken"), ``log_field`` the log field that carries its key."""
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self._handler = handler
        self._label = label
        self._log_field = log_field
        self._concurrency = concurrency
        self._pending: OrderedDict[uuid.UUID, contextvars.Context] = OrderedDict()
        """Queued jobs, each with the context of whoever enqueued it (its request id in the logs, if any)."""
        self._running: dict[uuid.UUID, asyncio.Task[None]] = {}
        self._tails: set[uuid.UUID] = set()
        """Running jobs that handed their slot back (`release_slot`): they do not count against ``concurrency``."""
        self._finished: OrderedDict[uuid.UUID, str] = OrderedDict()
        self._started = False
        self._closed = False
        self._draining = False

    async def start(self) -> None:
        self._started = True
        self._dispatch()

    async def drain(self, grace: float) -> None:
        """Start no queued job from now on; wait up to ``grace`` seconds for the running ones to end."""
        self._draining = True
        running = set(self._running.values())
        if grace <= 0 or not running:
            return
        logger.info("stopping: %d %s job(s) running get %.0f s to finish", len(running), self._label, grace)
        await asyncio.wait(running, timeout=grace)
        if left := sum(1 for task in running if not task.done()):
            logger.info("stopping: %d %s job(s) still running are stopped", left, self._label)

    async def close(self) -> None:
        """Drop queued jobs, cancel running ones and wait for them to end."""
        self._closed = True
        for key in self._pending:
            self._finish(key, Status.ABORTED)
        self._pending.clear()
        tasks = list(self._running.values())
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks)

    async def enqueue(self, key: uuid.UUID) -> None:
        if self._closed:
            raise RuntimeError("the queue is closed")
        if key in self._pending or key in self._running:
            return
        self._finished.pop(key, None)
        self._pending[key] = contextvars.copy_context()
        self._dispatch()

    async def abort(self, key: uuid.UUID) -> None:
        """Drop a queued job, or cancel a running one and wait until its handler has stopped."""
        if key in self._pending:
            del self._pending[key]
            self._finish(key, Status.ABORTED)
            return
        task = self._running.get(key)
        if task is None:
            return
        task.cancel()
        if task is not asyncio.current_task():
            await asyncio.wait({task})

    async def status(self, key: uuid.UUID) -> str | None:
        if key in self._pending:
            return Status.QUEUED.value
        if key in self._running:
            return Status.ACTIVE.value
        return self._finished.get(key)

    async def queued_count(self) -> int:
        return len(self._pending)

    async def healthy(self) -> bool:
        return not self._closed

    def _dispatch(self) -> None:
        while (
            self._started
            and not self._closed
            and not self._draining
            and self._pending
            and len(self._running) - len(self._tails) < self._concurrency
        ):
            # In the enqueuer's context, not the dispatcher's (often the job that just ended, with its own ids).
            key, context = self._pending.popitem(last=False)
            self._running[key] = asyncio.create_task(self._run(key), name=f"{self._label}:{key}", context=context)

    def _release(self, key: uuid.UUID) -> None:
        if key in self._running:
            self._tails.add(key)
            self._dispatch()

    async def _run(self, key: uuid.UUID) -> None:
        # The task runs in the context of whoever enqueued (its request id, if any).
        structlog.contextvars.bind_contextvars(**{self._log_field: str(key)})
        _slot_release.set(_once(lambda: self._release(key)))
        outcome = Status.FAILED
        started = time.perf_counter()
        logger.info("%s taken", self._label)
        try:
            with metrics.job_run():
                await self._handler(key)
            outcome = Status.COMPLETE
            logger.info("%s finished in %.1f s", self._label, time.perf_counter() - started)
        except asyncio.CancelledError:
            outcome = Status.ABORTED
            logger.info(
                "%s stopped after %.1f s (aborted, or the queue is closing)", self._label, time.perf_counter() - started
            )
            raise
        except Exception:
            logger.exception(
                "%s failed after %.1f s (not retried now; its row of record is queued again at the next start)",
                self._label,
                time.perf_counter() - started,
            )
        finally:
            self._running.pop(key, None)
            self._tails.discard(key)
            self._finish(key, outcome)
            self._dispatch()

    def _finish(self, key: uuid.UUID, status: Status) -> None:
        self._finished[key] = status.value
        self._finished.move_to_end(key)
        while len(self._finished) > self.FINISHED_KEPT:
            self._finished.popitem(last=False)


# --- SAQ on Redis --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SaqSettings:
    """Job and worker settings that replace SAQ's defaults (see the module docstring)."""

    timeout_s: int = 3600
    """A job running longer is cancelled and retried: well above the worst batch (hundreds of slow provider calls)."""
    heartbeat_s: int = 5
    """A running job not touched for this long counts as dead (its worker died, or its event loop stalled that long)
    and is re-delivered; ``WORKER_DEAD_AFTER_SECONDS``."""
    heartbeat_interval_s: float = 1.0
    """How often a running job is touched; a few beats fit in one ``heartbeat_s``."""
    retries: int = 5
    """Attempts in all; a dead worker's swept job and a handler error are retried until they are used up."""
    retry_delay_s: float = 1.0
    """Longest wait before the first retry (full jitter); doubles per attempt, up to ``retry_backoff_max_s``."""
    retry_backoff_max_s: float = 60.0
    result_ttl_s: int = 3600
    """How long a finished job's status stays readable (the batch row in SQL keeps it for good)."""
    sweep_interval_s: int = 1
    """How often one of the workers looks for dead jobs (SAQ default 60 s); a lock lets one worker per interval do
    it, and a sweep costs one read of the active list."""
    sweep_abort_wait_s: float = 1.0
    """How long a sweep waits for the worker of a dead-looking job to acknowledge its abort (SAQ waits 5 s): a live
    worker checks every ``abort_poll_s``; a dead one never answers."""
    abort_poll_s: int = 1
    """How often a worker checks whether its running jobs were aborted."""
    abort_ttl_s: int = 5
    """How long an abort request waits for the worker running the job (SAQ refuses the key meanwhile)."""
    shutdown_grace_s: float = 0.0
    """On SIGTERM, how long running jobs may go on before they are cancelled and requeued for another worker (jobs
    taken meanwhile wait, and are requeued at the end)."""
    cancel_deadline_s: float = 10.0
    """How long a cancelled handler may take to clean up (write its state) before the worker gives up on it."""
    enqueue_wait_s: float = 10.0
    """How long `enqueue` waits for the batch's previous job to finish aborting."""
    connect_timeout_s: float = 5.0
    """How long opening a connection to Redis may take (a host that drops packets would otherwise hang for minutes)."""


_COMPARE_AND_SET_LUA = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
    redis.call('SET', KEYS[1], ARGV[2])
    return 1
end
return 0
"""

SWEPT = "swept"
"""SAQ's error for a job swept because it looked dead."""
SUSPECT_MEMORY_S = 300.0

# SAQ's: under a lock (one sweeper per interval), every job id in the active list with its stored job.
_SWEEP_LUA = """
local id_jobs = {}
if redis.call('EXISTS', KEYS[1]) == 0 then
    redis.call('SETEX', KEYS[1], ARGV[1], 1)
    for i, v in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do
        id_jobs[i] = {v, redis.call('GET', v)}
    end
end
return id_jobs
"""


class _RedisQueue(RedisQueue):
    """SAQ's Redis queue, whose job takers wait out a Redis outage instead of spinning.

    SAQ's worker calls `dequeue` in a loop and drops its errors without a word: with Redis down, each of the
    ``concurrency`` loops would retry at once, forever. Here a connection error is reported to the outage and the
    taker waits its backoff before the worker asks again.
    """

    def __init__(self, redis: Redis, *, name: str, outage: Outage, gap_s: float = 2.0) -> None:
        super().__init__(redis, name=name, swept_error_message=SWEPT)
        self.outage = outage
        self._suspects: dict[bytes, tuple[tuple[str, int, int], float]] = {}
        """Jobs a sweep found in the active list but not marked active: (status, attempts, touched), first seen."""
        self.gap_s = gap_s
        """A stretch this long without a reply to a sweep breaks this process's contact with Redis."""
        self._heard_at: float | None = None
        self._heard_since = 0.0
        """Since when (monotonic) this process's sweeps heard from Redis without a gap."""

    async def dequeue(self, timeout: float = 0.0, poll_interval: float = 0.0) -> Job | None:  # noqa: ASYNC109 - SAQ's signature
        try:
            job = await super().dequeue(timeout, poll_interval)
        except CONNECTION_ERRORS as error:
            self.outage.failed(error, "taking a job")
            await asyncio.sleep(self.outage.delay())  # backoff before the worker's next attempt
            return None
        self.outage.succeeded()
        return job

    async def sweep(self, lock: int = 60, abort: float = 5.0) -> list[str]:
        """SAQ's sweep for dead jobs, with one change: a job in the active list that is not marked active yet is
        swept only when a later sweep of this process finds it unchanged.

        A worker moves a job into the active list and marks it active a moment later (two round trips). SAQ sweeps
        any job it finds in between, queues it again, and another attempt then runs beside the first one: with a
        sweep every second, right after a re-delivery, that happened. A job whose worker really died in between is
        still swept, one sweep later. Active jobs are swept when their heartbeat is older than ``heartbeat_s`` (as
        SAQ does), but only once this process has heard from Redis without a gap for a whole heartbeat, and only if
        the job, read again just before the abort, is still the same stale attempt: after Redis was paused or away,
        every running job's heartbeat looks stale until its worker's next beat lands, and SAQ would abort them all
        (SAQ issue #277).
        """
        if not self._cleanup_script:
            self._cleanup_script = self.redis.register_script(_SWEEP_LUA)
        asked = time.monotonic()
        try:
            id_jobs = await self._cleanup_script(keys=[self._sweep, self._active], args=[lock], client=self.redis)
        except Exception:
            self._heard_at = None  # no reply: the contact is broken
            raise
        now_s = time.monotonic()
        if self._heard_at is None or asked - self._heard_at > self.gap_s or now_s - asked > self.gap_s:
            self._heard_since = now_s  # a gap (an error, a pause, a stall): the contact starts again now
        self._heard_at = now_s
        heard_s = now_s - self._heard_since
        swept: list[bytes] = []
        for job_id, job_bytes in id_jobs:
            job = self.deserialize(job_bytes)
            if job is None:
                swept.append(job_id)
                async with self.redis.pipeline(transaction=True) as pipe:
                    pipe.lrem(self._active, 0, job_id)
                    pipe.zrem(self._incomplete, job_id)
                    await pipe.execute()
                logger.info("sweeping missing job %s", job_id)
                continue
            if job.status == Status.ACTIVE:
                if not job.stuck or heard_s < job.heartbeat:
                    continue
            else:
                mark = (job.status.value, job.attempts, job.touched)
                seen = self._suspects.get(job_id)
                if seen is None or seen[0] != mark:
                    self._suspects[job_id] = (mark, now_s)
                    continue
            self._suspects.pop(job_id, None)
            fresh = await self.job(job.key)  # a beat may have landed since the read above
            if fresh is None or _attempt_mark(fresh) != _attempt_mark(job):
                continue
            swept.append(job_id)
            logger.info("sweeping job %s (%s, attempt %d)", job.key, job.status.value, job.attempts)
            await self.abort(job, error=SWEPT)
            try:
                await job.refresh(abort)
            except TimeoutError:
                logger.info("could not abort job %s (its worker is gone)", job.key)
            if job.retryable:
                await self.retry(job, error=SWEPT)
            else:
                await self.finish(job, Status.ABORTED, error=SWEPT)
        self._heard_at = time.monotonic()  # the aborts above talked to Redis too
        # Forget suspects not confirmed for a long while (they moved on; a sweep elsewhere may have dealt with them).
        for job_id in [j for j, (_, first) in self._suspects.items() if now_s - first > SUSPECT_MEMORY_S]:
            del self._suspects[job_id]
        return [job_id.decode() for job_id in swept]


def _attempt_mark(job: Job) -> tuple[Status, int, int]:
    """What changes when a job's attempt moves on: a beat, a new attempt, an abort or a finish."""
    return job.status, job.attempts, job.touched


class _Worker(Worker[Context]):
    # The worker never installs signal handlers: run_worker does, and an API process (uvicorn) keeps its own.
    SIGNALS: list[signal.Signals] = []

    def __init__(self, queue: _RedisQueue, settings: SaqSettings, **kwargs: Any) -> None:
        super().__init__(queue, **kwargs)
        self.redis_queue = queue
        self.settings = settings
        self._lent: set[asyncio.Task[Any]] = set()
        """Process loops whose job handed its slot back: each ends with its job instead of taking another."""

    async def process(self) -> bool:
        """SAQ's loop body (take one job, run it, finish it); its job may hand the slot back (`release_slot`)."""
        loop = asyncio.current_task()
        if loop is not None:
            # SAQ runs the job in a task started from here, which inherits this.
            _slot_release.set(_once(lambda: self._lend(loop)))
        return await super().process()

    def _lend(self, loop: asyncio.Task[Any]) -> None:
        """A new loop takes the next job now; ``loop`` ends when its job does (so ``concurrency`` loops take jobs)."""
        if self.event.is_set() or loop.done():
            return
        self._lent.add(loop)
        super()._process()

    def _process(self, previous_task: asyncio.Task[Any] | None = None) -> None:
        if previous_task is not None and previous_task in self._lent:
            self._lent.discard(previous_task)
            self.tasks.discard(previous_task)
            return
        super()._process(previous_task)

    async def stop(self) -> None:
        """SAQ's stop, without its false alarm: SAQ waits its grace period (ours is 0: `SaqQueue.close` drains first)
        for every task, idle job takers and timers included, which never end by themselves, so it warned "tasks did
        not finish within the shutdown grace period" at every stop. They are cancelled here (a job still running is
        handed back to the queue by SAQ, as before); only a task that ignores its cancellation is worth a warning."""
        self.event.set()
        tasks = list(self.tasks)
        self.tasks.clear()
        if tasks and not await cancel_tasks(tasks, timeout=self._cancellation_hard_deadline_s):
            stuck = sum(1 for task in tasks if not task.done())
            logger.warning(
                "worker stopping: %d task(s) did not end within %g s of their cancellation",
                stuck,
                self._cancellation_hard_deadline_s,
            )
        await super().stop()

    async def upkeep(self) -> list[asyncio.Task[None]]:
        """SAQ's timers (abort checks, scheduled jobs, the sweep for dead jobs, worker info), each of which reports a
        Redis outage instead of logging a traceback per tick (SAQ's own loop does that)."""
        s = self.settings
        info_every = self.timers["worker_info"]

        async def sweep(lock: int) -> None:
            await self.redis_queue.sweep(lock, abort=s.sweep_abort_wait_s)

        async def worker_info(_: int) -> None:
            await self.worker_info(info_every + 1)

        # (what, call, period, whether a success proves Redis answered: the abort check reads nothing without jobs)
        timers: list[tuple[str, Callable[[int], Awaitable[Any]], int, bool]] = [
            ("checking for aborted jobs", self.abort, self.timers["abort"], False),
            ("scheduling jobs", self.schedule, self.timers["schedule"], True),
            ("sweeping dead jobs", sweep, self.timers["sweep"], True),
            ("registering the worker", worker_info, info_every, True),
        ]
        return [asyncio.create_task(self._every(*timer)) for timer in timers]

    async def _every(self, what: str, call: Callable[[int], Awaitable[Any]], interval: int, proves: bool) -> None:
        outage = self.redis_queue.outage
        while not self.event.is_set():
            try:
                await call(interval)
            except CONNECTION_ERRORS as error:
                outage.failed(error, what)
            except asyncio.CancelledError:
                # SAQ's abort check cancels job tasks and may see their cancellation; only a stop ends the timer.
                if self.event.is_set():
                    return
            except Exception:
                logger.exception("worker upkeep failed while %s", what)
            else:
                if proves:
                    outage.succeeded()
            await asyncio.sleep(max(interval, outage.delay()))  # the timer's period, longer while Redis is away


class SaqQueue:
    """SAQ on Redis. Without a handler it only enqueues, aborts and reads status (API processes); with a handler,
    `start` also runs a worker in this process that takes up to ``concurrency`` jobs at once."""

    def __init__(
        self,
        redis_url: str,
        *,
        name: str = "playground",
        handler: JobHandler | None = None,
        concurrency: int = 4,
        settings: SaqSettings | None = None,
        outage: Outage | None = None,
        function: str = DEFAULT_FUNCTION,
        label: str = "job",
        log_field: str = "job_key",
    ) -> None:
        """``function`` is the SAQ function name of the kind's jobs; ``label`` names a job in the logs ("batch
        taken"), ``log_field`` the log field that carries its key."""
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self.settings = settings or SaqSettings()
        self.function = function
        self._label = label
        self._log_field = log_field
        self.outage = outage or Outage("Redis")
        self.dependency_outage = Outage("the database or Redis (running jobs)", logger=logger)
        """What the running jobs wait out (`_run_waiting_out_outages`)."""
        redis = Redis.from_url(
            redis_url,
            socket_connect_timeout=self.settings.connect_timeout_s,
            # A short retry inside redis-py rides out a blip; longer outages are the callers' (backoff, outbox).
            retry=Retry(ExponentialWithJitterBackoff(base=0.05, cap=0.5), 2),
        )
        # Two missed sweeps break the contact a sweep needs before it judges a heartbeat.
        self.queue = _RedisQueue(redis, name=name, outage=self.outage, gap_s=2.0 * self.settings.sweep_interval_s)
        self._compare_and_set = self.queue.redis.register_script(_COMPARE_AND_SET_LUA)
        self._handler = handler
        self._concurrency = concurrency
        self._worker: _Worker | None = None
        self._worker_task: asyncio.Task[None] | None = None
        self._running: set[asyncio.Task[Any]] = set()
        """The handler calls in progress (SAQ runs each in a task of its own)."""
        self._draining = False

    @property
    def name(self) -> str:
        return self.queue.name

    async def start(self) -> None:
        await self.queue.connect()
        if self._handler is None:
            return
        s = self.settings
        self._worker = _Worker(
            self.queue,
            s,
            functions=[(self.function, self._run_job)],
            concurrency=self._concurrency,
            timers={"sweep": s.sweep_interval_s, "abort": s.abort_poll_s, "schedule": 1, "worker_info": 10},
            # The grace is ours (`close`): SAQ's would also wait on its idle loops and let them take new jobs.
            shutdown_grace_period_s=0,
            cancellation_hard_deadline_s=s.cancel_deadline_s,
        )
        self._worker_task = asyncio.create_task(self._worker.start(), name=f"saq-worker:{self.name}")
        logger.info(
            "worker started: queue %r, %d %s jobs at once, worker id %s",
            self.name,
            self._concurrency,
            self._label,
            self._worker.id,
        )

    async def run_until(self, stop: asyncio.Event) -> None:
        """Wait until ``stop`` is set or the worker ends by itself (its error is raised)."""
        waiter = asyncio.create_task(stop.wait())
        tasks: set[asyncio.Future[Any]] = {waiter}
        if self._worker_task is not None:
            tasks.add(self._worker_task)
        try:
            await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        finally:
            waiter.cancel()
        if self._worker_task is not None and self._worker_task.done():
            self._worker_task.result()

    async def close(self) -> None:
        """Stop the worker and disconnect. Running jobs get ``shutdown_grace_s`` to finish; those still running then
        are cancelled and requeued for another worker (the handler is idempotent: nothing is lost or done twice)."""
        if self._worker is not None and self._worker_task is not None:
            await self._drain(self.settings.shutdown_grace_s)
            self._worker.event.set()
            await asyncio.wait({self._worker_task})
            self._worker = None
            self._worker_task = None
        try:
            await self.queue.disconnect()
        except CONNECTION_ERRORS as error:  # Redis is away: its pub/sub could not be told goodbye
            self.outage.failed(error, "disconnecting")
            await self.queue.redis.aclose()
            await self.queue.redis.connection_pool.disconnect()

    async def enqueue(self, key: uuid.UUID) -> None:
        job_key = str(key)
        s = self.settings
        loop = asyncio.get_running_loop()
        deadline = loop.time() + s.enqueue_wait_s
        delay = 0.05
        while True:
            job = await self.queue.enqueue(
                self.function,
                key=job_key,
                job_key=job_key,
                # Only for the logs (SQL stays the record): the request that enqueued, when there is one.
                request_id=structlog.contextvars.get_contextvars().get("request_id"),
                timeout=s.timeout_s,
                heartbeat=s.heartbeat_s,
                retries=s.retries,
                retry_delay=s.retry_delay_s,
                retry_backoff=s.retry_backoff_max_s,
                ttl=s.result_ttl_s,
            )
            if job is not None:
                return
            stored = await self.queue.job(job_key)
            if stored is not None and stored.status in ACTIVE_STATUSES:
                return  # a live job for this key: nothing to do
            # SAQ refuses the key while an abort of the previous job is pending (saq:abort:<key> exists).
            if loop.time() >= deadline:
                raise EnqueueTimeout(f"{self._label} {job_key}: its previous job is still being aborted")
            await asyncio.sleep(delay)  # polling a condition with backoff, bounded by the deadline
            delay = min(delay * 2, 0.5)

    async def abort(self, key: uuid.UUID) -> None:
        """Request the abort; the worker running the job cancels its handler within ``abort_poll_s`` or so."""
        job = await self.queue.job(str(key))
        if job is None or job.status in TERMINAL_STATUSES or job.status == Status.ABORTING:
            return
        was = job.status
        await self.queue.abort(job, error=ABORT_ERROR, ttl=self.settings.abort_ttl_s)
        if was != Status.ACTIVE:
            # A job waiting for a delayed retry is in no list SAQ's abort looks at, so nobody would finish it.
            stored = await self.queue.job(job.key)
            if stored is not None and stored.status == Status.ABORTING:
                await self.queue.finish(stored, Status.ABORTED, error=ABORT_ERROR)
                await self.queue.redis.delete(stored.abort_id)

    async def status(self, key: uuid.UUID) -> str | None:
        job = await self.queue.job(str(key))
        return None if job is None else job.status.value

    async def queued_count(self) -> int:
        return await self.queue.count("queued")

    async def healthy(self) -> bool:
        """Redis answers a PING within a second (no report to the outage: a probe is not an attempt at work)."""
        try:
            async with asyncio.timeout(1.0):
                reply = self.queue.redis.ping()  # typed for the sync and async clients alike
                return bool(await reply if isinstance(reply, Awaitable) else reply)
        except Exception:
            return False

    async def drain(self, grace: float) -> None:
        """With a worker in this process: its running jobs get ``grace`` seconds (jobs it takes meanwhile wait, and
        are handed back at `close`). Without one (an API process) there is nothing to wait for."""
        await self._drain(grace)

    async def _drain(self, grace: float) -> None:
        if self._draining:
            return  # drained already (`drain`, then `close`): the grace is given once
        self._draining = True
        if grace <= 0 or not self._running:
            return
        logger.info("worker stopping: %d job(s) running get %.0f s to finish", len(self._running), grace)
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(grace):
                while self._running:
                    await asyncio.wait(set(self._running))
        if self._running:
            logger.info("worker stopping: %d job(s) still running go back to the queue", len(self._running))

    async def _run_job(
        self, ctx: Context, *, job_key: str | None = None, batch_id: str | None = None, request_id: str | None = None
    ) -> None:
        if self._handler is None:  # pragma: no cover - the worker only exists with a handler
            raise RuntimeError("no handler")
        # ``batch_id``: the argument's name before there were several kinds (jobs queued by an older release).
        key = job_key or batch_id
        if key is None:
            raise ValueError("a job without a key")
        # The logs of the job name its key and the request that enqueued it (SAQ runs each job in a fresh task).
        # (No ``request_id`` at all when no request enqueued it: an outbox drainer, a reconciler, a retry.)
        ids = {self._log_field: key} | ({"request_id": request_id} if request_id else {})
        structlog.contextvars.bind_contextvars(**ids)
        if self._draining:
            # Taken while this worker drains: started nothing yet. Wait for the stop, whose cancellation makes SAQ
            # requeue the job for another worker.
            await asyncio.Event().wait()
        task = asyncio.current_task()
        assert task is not None
        job: Job = ctx["job"]
        self._running.add(task)
        beat = asyncio.create_task(self._keep_alive(job))
        started = time.perf_counter()
        if job.attempts <= 1:
            logger.info("%s taken (attempt 1 of %d)", self._label, job.retries)
        else:
            logger.info(
                "%s re-delivered (attempt %d of %d): the previous attempt %s",
                self._label,
                job.attempts,
                job.retries,
                _previous_attempt(job.error),
            )
        try:
            with metrics.job_run():
                await self._run_waiting_out_outages(uuid.UUID(key))
        except asyncio.CancelledError:
            logger.info(
                "%s stopped after %.1f s (aborted, or this worker is stopping and hands it back to the queue)",
                self._label,
                time.perf_counter() - started,
            )
            raise
        except Exception as error:
            then = "SAQ retries it" if job.retryable else "no attempts left"
            logger.warning(
                "%s attempt %d failed after %.1f s: %s: %s; %s",
                self._label,
                job.attempts,
                time.perf_counter() - started,
                type(error).__name__,
                error,
                then,
            )
            raise
        else:
            logger.info("%s finished in %.1f s", self._label, time.perf_counter() - started)
        finally:
            self._running.discard(task)
            beat.cancel()
            await asyncio.wait({beat})

    async def _run_waiting_out_outages(self, key: uuid.UUID) -> None:
        """Run the handler; when it fails because the database or Redis cannot be reached, wait (backoff) and run
        it again in the same attempt: the job's attempts count its own failures (the provider's), never an outage.
        The job stays active meanwhile (its heartbeat goes on while Redis answers), and the handler is idempotent."""
        assert self._handler is not None
        while True:
            try:
                await self._handler(key)
            except Exception as error:
                if not dependency_unreachable(error):
                    raise
                metrics.JOB_OUTAGE_WAITS.inc()
                self.dependency_outage.failed(error, f"running a {self._label} job")
                await asyncio.sleep(max(self.dependency_outage.delay(), self.dependency_outage.base_s))
                continue
            self.dependency_outage.succeeded()
            return

    async def _keep_alive(self, job: Job) -> None:
        while True:
            await asyncio.sleep(self.settings.heartbeat_interval_s)
            try:
                await self._touch(job)
            except CONNECTION_ERRORS as error:
                self.outage.failed(error, "touching a running job")
            except Exception:
                logger.warning("heartbeat for job %s failed", job.key, exc_info=True)
            else:
                self.outage.succeeded()

    async def _touch(self, job: Job) -> None:
        """Heartbeat: refresh ``touched`` on the stored job if this attempt is still the running one.

        Not ``job.update()``: that reads the status and writes the whole job back, so an abort landing between the
        two is overwritten and lost. Here the write is a compare-and-set against the job as read.
        """
        raw = await self.queue.redis.get(job.id)
        stored = self.queue.deserialize(raw)
        if raw is None or stored is None or stored.status != Status.ACTIVE or stored.attempts != job.attempts:
            return
        stored.touched = now()
        # Changed meanwhile (abort, finish): nothing written, the next beat looks again.
        await self._compare_and_set(keys=[job.id], args=[raw, self.queue.serialize(stored)])


def _previous_attempt(error: str | None) -> str:
    """How the previous attempt of a job ended, from the error SAQ stored with it (a traceback: its last line)."""
    if error == SWEPT:
        return "was swept: its worker stopped answering (killed, or stalled past the heartbeat)"
    if error == "cancelled":
        return "was handed back by a worker that stopped"
    if not error:
        return "left no error"
    return f"failed: {error.strip().splitlines()[-1]}"


async def run_worker(
    redis_url: str,
    *,
    concurrency: int,
    handler_factory: Callable[[], AbstractAsyncContextManager[JobHandler]],
    name: str = "playground",
    stop: asyncio.Event | None = None,
    settings: SaqSettings | None = None,
    outage: Outage | None = None,
) -> None:
    """Run a SAQ worker for one queue in this process until SIGTERM/SIGINT or ``stop`` is set (`run_workers` with a
    single queue of jobs named `DEFAULT_FUNCTION`).

    ``handler_factory()`` is entered once at startup (database, HTTP client, provider, bus) and left after the worker
    stopped. On stop, running jobs are cancelled (the handler sees CancelledError) and requeued for another worker.
    ``outage`` is the process's view of Redis (shared with the bus and the limiter, so an outage is logged once).
    """

    @contextlib.asynccontextmanager
    async def queues() -> AsyncIterator[list[SaqQueue]]:
        async with handler_factory() as handler:
            yield [
                SaqQueue(
                    redis_url, name=name, handler=handler, concurrency=concurrency, settings=settings, outage=outage
                )
            ]

    await run_workers(queues, stop=stop)


async def run_workers(
    queues_factory: Callable[[], AbstractAsyncContextManager[Sequence[SaqQueue]]],
    *,
    stop: asyncio.Event | None = None,
) -> None:
    """Run the workers of several queues (one per job kind) in this process until SIGTERM/SIGINT or ``stop``.

    ``queues_factory()`` is entered once at startup and yields the queues, each with its handler; it is left after
    every worker stopped. Each queue keeps its own concurrency, so a kind whose jobs hang fills only its own slots.
    """
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    installed: list[signal.Signals] = []
    for signum in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(signum, stop.set)
            installed.append(signum)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or not POSIX
            pass
    try:
        async with queues_factory() as queues:
            if stop.is_set():
                return
            started: list[SaqQueue] = []
            try:
                for queue in queues:
                    await queue.start()
                    started.append(queue)
                await _run_all_until(started, stop)
            finally:
                for queue in reversed(started):
                    await queue.close()
                    logger.info("worker stopped: queue %r", queue.name)
    finally:
        for signum in installed:
            loop.remove_signal_handler(signum)


async def _run_all_until(queues: Sequence[SaqQueue], stop: asyncio.Event) -> None:
    """Until ``stop`` is set or one of the workers ends by itself (its error is raised; the others are closed)."""
    if len(queues) == 1:
        await queues[0].run_until(stop)
        return
    tasks = [asyncio.create_task(queue.run_until(stop)) for queue in queues]
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            task.result()
        await asyncio.wait(tasks)
        for task in tasks:
            task.result()
    finally:
        for task in tasks:
            task.cancel()


def create_queue(redis_url: str | None, handler: JobHandler | None, *, concurrency: int) -> KindQueue:
    """SAQ on Redis when ``redis_url`` is set (a worker runs in this process only if ``handler`` is given),
    else the in-process queue (which needs the handler)."""
    if redis_url:
        return SaqQueue(redis_url, handler=handler, concurrency=concurrency)
    if handler is None:
        raise ValueError("the in-process queue needs a handler")
    return InProcessQueue(handler, concurrency=concurrency)
