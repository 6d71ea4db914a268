"""The outbox: the database says which jobs must run; the queues (SAQ on Redis, or in process) only run them.

`put` writes a job's row (its kind and key) in the caller's transaction, the one that makes the job necessary (a
batch created with its items and its credit hold; a webhook delivery recorded), so a committed change always has a
job or a row. `Outbox` is the job queue as the services use it: its `enqueue` hands the job to its kind's queue at
once (bounded by a timeout) and deletes the row; when the queue cannot take it (Redis away), the row stays and the
caller still answers (``generate`` with its batch). Each API process runs the drainer loop, which hands over the
rows that are due, with backoff while the queue keeps failing, and every ``OUTBOX_SWEEP_SECONDS`` looks for rows
another process left behind (it died between the commit and the hand-over).

Several replicas drain the same table. A drainer claims due rows by moving their ``due_at`` forward (a lease) in a
short transaction, reading them with ``SELECT ... FOR UPDATE SKIP LOCKED`` on PostgreSQL so that two replicas never
claim the same row (SQLite has one writer at a time, and the claim is a conditional update on ``attempts`` anyway);
it hands them over outside the transaction and deletes each row once the queue has it. A drainer that dies leaves
its claims to expire.

A job handed over twice (a claim that expired, the fast path racing a drainer) still runs once: the job key is the
row's id (the batch id), and the queue takes no second job while one is queued or running. Rows whose job is no
longer wanted (a kind's ``still_wanted`` says so: the batch has ended) are deleted without a hand-over, and so are
rows of a kind this process does not know (logged: a newer release wrote them, and its processes drain them).
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

from models.jobs import JobOutbox
from services.infra.background import BackgroundLoop
from services.infra.jobs.kinds import JobKind, Jobs
from services.infra.outage import CONNECTION_ERRORS, Outage

log = logging.getLogger(__name__)

FIRST_TRY_GRACE = timedelta(seconds=10)
"""A new row waits this long before a drainer may take it: the fast path after the commit hands the job over."""
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


async def put(kind: JobKind, key: uuid.UUID, *, at: datetime | None = None) -> None:
    """Inside the transaction that calls for the job: it must reach its queue, whatever happens after the commit.

    Without ``at``, the row waits `FIRST_TRY_GRACE` for the caller's own `Outbox.enqueue` after the commit. With
    ``at``, the job is due then (a scheduled retry: a drainer hands it over once due, whichever process wrote it).
    A `put` of a job whose row is waiting moves its due time.
    """
    due = at if at is not None else _now() + FIRST_TRY_GRACE
    # A fresh schedule: no hand-over tried yet (the drainer wakes for untried rows when they are due).
    if await JobOutbox.filter(kind=kind.name, key=key).update(due_at=due, attempts=0, last_error=None):
        return
    try:
        async with in_transaction():  # a savepoint: a duplicate must not abort the caller's transaction
            await JobOutbox.create(id=uuid.uuid4(), kind=kind.name, key=key, due_at=due)
    except IntegrityError:  # written meanwhile by another process
        await JobOutbox.filter(kind=kind.name, key=key).update(due_at=due, attempts=0, last_error=None)


@dataclass(frozen=True, slots=True)
class DrainPass:
    """What one pass of the drainer did."""

    claimed: int
    handed_over: int
    dropped: int
    """Rows whose job was no longer wanted (a batch that had ended or no longer exists), or of an unknown kind:
    deleted without a hand-over."""
    postponed: int
    next_due: datetime | None
    """The earliest ``due_at`` this pass set on a postponed row."""


class Outbox:
    """The job queue behind the outbox (module docstring): `enqueue` never fails for want of Redis; `abort`,
    `status` and `queued_count` are the queue's own. `start` runs the drainer loop, `close` stops it (the queue
    itself is started and closed by its owner)."""

    def __init__(
        self,
        queue: Jobs,
        *,
        outage: Outage | None = None,
        sweep_interval_s: float = 30.0,
    ) -> None:
        self.queue = queue
        self.outage = outage or Outage("Redis")
        self.database_outage = Outage("the database", logger=log)
        self.sweep_interval_s = sweep_interval_s
        self._wake = asyncio.Event()
        self._loop = BackgroundLoop(self._run, "outbox-drainer")

    async def start(self) -> None:
        self._loop.start()

    async def close(self) -> None:
        await self._loop.close()

    def wake(self) -> None:
        """Have the drainer look at the table now (after a commit that `put` rows due at once)."""
        self._wake.set()

    async def enqueue(self, kind: JobKind, key: uuid.UUID) -> None:
        """Hand the job to its queue now if it takes it; else keep (or write) its row for the drainer."""
        if not self.outage.down:  # while the queue is known to be away, do not make the caller wait for it
            # The row as written: once the queue has the job it goes, unless the job has moved it meanwhile (a
            # retry it scheduled for later, `put` with ``at``), which must stay.
            written = await JobOutbox.filter(kind=kind.name, key=key).values_list("due_at", flat=True)
            try:
                async with asyncio.timeout(HAND_OVER_TIMEOUT_S):
                    await self.queue.enqueue(kind, key)
            except Exception as error:
                self._failed(error)
            else:
                self.outage.succeeded()
                if written:
                    await JobOutbox.filter(kind=kind.name, key=key, due_at__in=written).delete()
                return
        await self._keep(kind, key)

    async def abort(self, kind: JobKind, key: uuid.UUID) -> None:
        await self.queue.abort(kind, key)

    async def status(self, kind: JobKind, key: uuid.UUID) -> str | None:
        return await self.queue.status(kind, key)

    async def queued_count(self) -> int:
        return await self.queue.queued_count()

    async def healthy(self) -> bool:
        return await self.queue.healthy()

    async def pending(self) -> int:
        """Rows waiting for a hand-over (all processes')."""
        return await JobOutbox.all().count()

    async def _wanted(self, claimed: list[JobOutbox]) -> set[uuid.UUID]:
        """The ids of the claimed rows whose job is still wanted (their kind is known and its `still_wanted` agrees)."""
        wanted: set[uuid.UUID] = set()
        by_kind: dict[str, list[JobOutbox]] = {}
        for row in claimed:
            by_kind.setdefault(row.kind, []).append(row)
        known = {kind.name: kind for kind in self.queue.kinds}
        for name, rows in by_kind.items():
            kind = known.get(name)
            if kind is None:
                log.warning("outbox: %d row(s) of the unknown job kind %r dropped", len(rows), name)
                continue
            keys = (
                {row.key for row in rows}
                if kind.still_wanted is None
                else await kind.still_wanted([row.key for row in rows])
            )
            wanted.update(row.id for row in rows if row.key in keys)
        return wanted

    async def drain(self) -> DrainPass:
        """One pass: claim the due rows, hand their jobs over, delete what the queues took, postpone the rest."""
        claimed = await self._claim()
        if not claimed:
            return DrainPass(0, 0, 0, 0, None)
        wanted = await self._wanted(claimed)
        handed_over = dropped = postponed = 0
        next_due: datetime | None = None
        for index, row in enumerate(claimed):
            if row.id not in wanted:
                await JobOutbox.filter(id=row.id).delete()
                dropped += 1
                continue
            try:
                async with asyncio.timeout(HAND_OVER_TIMEOUT_S):
                    await self.queue.enqueue(self.queue.kind(row.kind), row.key)
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
            await JobOutbox.filter(id=row.id, due_at=row.due_at).delete()
            handed_over += 1
        if handed_over:
            log.info("outbox: handed %d job(s) over to their queues", handed_over)
        return DrainPass(len(claimed), handed_over, dropped, postponed, next_due)

    async def _claim(self) -> list[JobOutbox]:
        now = _now()
        claimed: list[JobOutbox] = []
        async with in_transaction() as connection:
            due = (
                await JobOutbox.filter(due_at__lte=now)
                .order_by("due_at")
                .limit(BATCH_SIZE)
                .select_for_update(skip_locked=True)
                .using_db(connection)
            )
            for row in due:
                # Conditional on the attempts read: on SQLite (no row locks) another drainer may have claimed it.
                taken = (
                    await JobOutbox.filter(id=row.id, attempts=row.attempts)
                    .using_db(connection)
                    .update(due_at=now + CLAIM, attempts=F("attempts") + 1)
                )
                if taken:
                    row.attempts += 1
                    row.due_at = now + CLAIM  # as claimed: a row the job has moved since is not this claim's
                    claimed.append(row)
        return claimed

    async def _postpone(self, row: JobOutbox, error: BaseException) -> datetime:
        due = _now() + backoff(row.attempts)
        reason = f"{type(error).__name__}: {error}"[:255]
        await JobOutbox.filter(id=row.id).update(due_at=due, last_error=reason)
        return due

    async def _keep(self, kind: JobKind, key: uuid.UUID) -> None:
        """The job stays in the outbox, due now; the drainer is woken to try (and back off) from here."""
        if not await JobOutbox.filter(kind=kind.name, key=key).update(due_at=_now()):
            with contextlib.suppress(IntegrityError):  # another process wrote it meanwhile: same outcome
                await JobOutbox.create(id=uuid.uuid4(), kind=kind.name, key=key, due_at=_now())
        self._wake.set()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, CONNECTION_ERRORS):
            self.outage.failed(error, "handing a job to its queue")
        else:
            log.warning("outbox: a queue refused a job (%s: %s); it is retried", type(error).__name__, error)

    async def _run(self) -> None:
        while True:
            self._wake.clear()  # before the pass: a wake-up during it is not lost
            wait = self.sweep_interval_s
            try:
                done = await self.drain()
                # Scheduled jobs (a retry due later) are handed over when due, not at the next sweep.
                upcoming = await self._next_scheduled()
            except Exception as error:  # the database is away (or a bug): say so once per window, keep trying
                self.database_outage.failed(error, "draining the outbox")
                wait = min(wait, max(self.database_outage.delay(), BACKOFF_BASE_S))
            else:
                self.database_outage.succeeded()
                if done.claimed == BATCH_SIZE:
                    continue  # more are due
                if done.next_due is not None:
                    wait = min(wait, max(0.0, (done.next_due - _now()).total_seconds()))
                if upcoming is not None:
                    wait = min(wait, max(BACKOFF_BASE_S, (upcoming - _now()).total_seconds()))
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(wait):
                    await self._wake.wait()

    async def _next_scheduled(self) -> datetime | None:
        """The earliest due time of a row no drainer has tried yet (a job scheduled for later)."""
        rows = await JobOutbox.filter(attempts=0).order_by("due_at").limit(1).values_list("due_at", flat=True)
        for due in rows:
            if isinstance(due, datetime):
                return due
        return None
