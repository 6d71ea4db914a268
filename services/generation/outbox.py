"""The outbox: the database says which batches must run; the job queue (SAQ on Redis, or in process) only runs them.

`put` writes a batch's row in the transaction that creates the batch (with its items and its credit hold), so a
committed batch always has a job or a row. `Outbox` is the job queue as the API's services use it: its `enqueue`
hands the batch to the queue at once (bounded by a timeout) and deletes the row; when the queue cannot take it
(Redis away), the row stays and ``generate`` still answers with its batch. Each API process runs the drainer loop,
which hands over the rows that are due, with backoff while the queue keeps failing, and every
``OUTBOX_SWEEP_SECONDS`` looks for rows another process left behind (it died between the commit and the hand-over).

Several replicas drain the same table. A drainer claims due rows by moving their ``due_at`` forward (a lease) in a
short transaction, reading them with ``SELECT ... FOR UPDATE SKIP LOCKED`` on PostgreSQL so that two replicas never
claim the same row (SQLite has one writer at a time, and the claim is a conditional update on ``attempts`` anyway);
it hands them over outside the transaction and deletes each row once the queue has it. A drainer that dies leaves
its claims to expire.

A batch handed over twice (a claim that expired, the fast path racing a drainer) still runs once: the job key is the
batch id, and the queue takes no second job while one is queued or running. Rows of batches that have ended are
deleted without a hand-over.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from models import BatchJob, BatchOutbox
from models.enums import TERMINAL_BATCH_STATUSES
from services.infra.jobs import JobQueue
from services.infra.outage import CONNECTION_ERRORS, Outage

log = logging.getLogger(__name__)

FIRST_TRY_GRACE = timedelta(seconds=10)
"""A new row waits this long before a drainer may take it: the fast path after the commit hands the batch over."""
HAND_OVER_TIMEOUT_S = 3.0
"""How long one hand-over may take before it counts as failed (the row then waits for the drainer)."""
CLAIM = timedelta(seconds=30)
"""How long a claimed row is left alone by other drainers (far longer than a hand-over)."""
BACKOFF_BASE_S = 0.5
BACKOFF_CAP_S = 15.0
BATCH_SIZE = 100


def _now() -> datetime:
    return datetime.now(UTC)


def backoff(attempts: int) -> timedelta:
    """The wait after ``attempts`` failed hand-overs of a row: exponential, capped, jittered."""
    ceiling = min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2 ** min(max(attempts, 1) - 1, 30))
    return timedelta(seconds=random.uniform(ceiling / 2, ceiling))  # noqa: S311 - jitter, not cryptography


async def put(batch_id: uuid.UUID) -> None:
    """Inside the transaction that creates the batch: it must reach the queue, whatever happens after the commit."""
    await BatchOutbox.create(id=uuid.uuid4(), batch_job_id=batch_id, due_at=_now() + FIRST_TRY_GRACE)


@dataclass(frozen=True, slots=True)
class DrainPass:
    """What one pass of the drainer did."""

    claimed: int
    handed_over: int
    dropped: int
    """Rows of batches that had ended (or no longer exist): deleted without a hand-over."""
    postponed: int
    next_due: datetime | None
    """The earliest ``due_at`` this pass set on a postponed row."""


class Outbox:
    """The job queue behind the outbox (module docstring): `enqueue` never fails for want of Redis; `abort`,
    `status` and `queued_count` are the queue's own. `start` runs the drainer loop, `close` stops it (the queue
    itself is started and closed by its owner)."""

    def __init__(
        self,
        queue: JobQueue,
        *,
        outage: Outage | None = None,
        sweep_interval_s: float = 30.0,
    ) -> None:
        self.queue = queue
        self.outage = outage or Outage("Redis")
        self.database_outage = Outage("the database", logger=log)
        self.sweep_interval_s = sweep_interval_s
        self._wake = asyncio.Event()
        self._loop: asyncio.Task[None] | None = None

    async def start(self) -> None:
        if self._loop is None:
            self._loop = asyncio.create_task(self._run(), name="outbox-drainer")

    async def close(self) -> None:
        if self._loop is not None:
            self._loop.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop
            self._loop = None

    async def enqueue(self, batch_id: uuid.UUID) -> None:
        """Hand the batch to the queue now if it takes it; else keep (or write) its row for the drainer."""
        if not self.outage.down:  # while the queue is known to be away, do not make the caller wait for it
            try:
                async with asyncio.timeout(HAND_OVER_TIMEOUT_S):
                    await self.queue.enqueue(batch_id)
            except Exception as error:
                self._failed(error)
            else:
                self.outage.succeeded()
                await BatchOutbox.filter(batch_job_id=batch_id).delete()
                return
        await self._keep(batch_id)

    async def abort(self, batch_id: uuid.UUID) -> None:
        await self.queue.abort(batch_id)

    async def status(self, batch_id: uuid.UUID) -> str | None:
        return await self.queue.status(batch_id)

    async def queued_count(self) -> int:
        return await self.queue.queued_count()

    async def healthy(self) -> bool:
        return await self.queue.healthy()

    async def pending(self) -> int:
        """Rows waiting for a hand-over (all processes')."""
        return await BatchOutbox.all().count()

    async def drain(self) -> DrainPass:
        """One pass: claim the due rows, hand their batches over, delete what the queue took, postpone the rest."""
        claimed = await self._claim()
        if not claimed:
            return DrainPass(0, 0, 0, 0, None)
        statuses = dict(await BatchJob.filter(id__in=[row.batch_job_id for row in claimed]).values_list("id", "status"))
        handed_over = dropped = postponed = 0
        next_due: datetime | None = None
        for index, row in enumerate(claimed):
            status = statuses.get(row.batch_job_id)
            if status is None or status in TERMINAL_BATCH_STATUSES:
                await BatchOutbox.filter(id=row.id).delete()
                dropped += 1
                continue
            try:
                async with asyncio.timeout(HAND_OVER_TIMEOUT_S):
                    await self.queue.enqueue(row.batch_job_id)
            except Exception as error:
                self._failed(error)
                away = isinstance(error, CONNECTION_ERRORS)
                # With the queue away the rest of this pass would fail alike: all of it waits.
                for waiting in claimed[index:] if away else [row]:
                    due = await self._postpone(waiting, error)
                    next_due = due if next_due is None else min(next_due, due)
                    postponed += 1
                if away:
                    break
                continue
            self.outage.succeeded()
            await BatchOutbox.filter(id=row.id).delete()
            handed_over += 1
        if handed_over:
            log.info("outbox: handed %d batch(es) over to the queue", handed_over)
        return DrainPass(len(claimed), handed_over, dropped, postponed, next_due)

    async def _claim(self) -> list[BatchOutbox]:
        now = _now()
        claimed: list[BatchOutbox] = []
        async with in_transaction() as connection:
            due = (
                await BatchOutbox.filter(due_at__lte=now)
                .order_by("due_at")
                .limit(BATCH_SIZE)
                .select_for_update(skip_locked=True)
                .using_db(connection)
            )
            for row in due:
                # Conditional on the attempts read: on SQLite (no row locks) another drainer may have claimed it.
                taken = (
                    await BatchOutbox.filter(id=row.id, attempts=row.attempts)
                    .using_db(connection)
                    .update(due_at=now + CLAIM, attempts=F("attempts") + 1)
                )
                if taken:
                    row.attempts += 1
                    claimed.append(row)
        return claimed

    async def _postpone(self, row: BatchOutbox, error: BaseException) -> datetime:
        due = _now() + backoff(row.attempts)
        reason = f"{type(error).__name__}: {error}"[:255]
        await BatchOutbox.filter(id=row.id).update(due_at=due, last_error=reason)
        return due

    async def _keep(self, batch_id: uuid.UUID) -> None:
        """The batch stays in the outbox, due now; the drainer is woken to try (and back off) from here."""
        if not await BatchOutbox.filter(batch_job_id=batch_id).update(due_at=_now()):
            with contextlib.suppress(IntegrityError):  # another process wrote it meanwhile: same outcome
                await BatchOutbox.create(id=uuid.uuid4(), batch_job_id=batch_id, due_at=_now())
        self._wake.set()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, CONNECTION_ERRORS):
            self.outage.failed(error, "handing a batch to the queue")
        else:
            log.warning("outbox: the queue refused a batch (%s: %s); it is retried", type(error).__name__, error)

    async def _run(self) -> None:
        while True:
            self._wake.clear()  # before the pass: a wake-up during it is not lost
            wait = self.sweep_interval_s
            try:
                done = await self.drain()
            except Exception as error:  # the database is away (or a bug): say so once per window, keep trying
                self.database_outage.failed(error, "draining the outbox")
                wait = min(wait, max(self.database_outage.delay(), BACKOFF_BASE_S))
            else:
                self.database_outage.succeeded()
                if done.claimed == BATCH_SIZE:
                    continue  # more are due
                if done.next_due is not None:
                    wait = min(wait, max(0.0, (done.next_due - _now()).total_seconds()))
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(wait):
                    await self._wake.wait()
