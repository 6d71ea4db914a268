"""The one author of a batch's events: it numbers them, records them in the batch's log and publishes them.

Runner, settlement, submit and cancel hand it facts (the batch changed; these images were settled; the batch
started; it closed), never ``seq`` numbers. State is always in SQL before an event leaves:

- ``changed(batch_id)``: the batch's state moved (a submit, a cancel, a re-run, an image settled on its own): the
  next ``seq`` is taken in SQL, the event is read from SQL, recorded and published.
- ``turn(batch_id)``: for a caller that moves the batch's row itself (the worker's group commit, its start and its
  close), so that the ``seq`` numbers ride in the caller's own UPDATE (``turn.numbering(n)``) and the events are
  built from what that UPDATE left (``turn.started``, ``turn.settled``, ``turn.closed``), with no read of their own.
  The events leave when the turn ends without an error.

Both hold the batch's lock in this process, so its events leave in ``seq`` order. An event that starts, ends or
first announces a batch also refreshes its project's processing status (``projects.refresh_status``), before the
event leaves: the one place that keeps a project's status in step with its batches.

Waiting batches are told when they move up the queue. A batch that leaves the queue (it started, or ended while
waiting) makes the publisher that sent that event sweep the queue in the background: every waiting batch's
position is read from SQL (``eta.queue_positions``, as a snapshot computes it) and offered to ``latest``
(``services.infra.latest``, shared through Redis by every process); the batches whose position changed get their
events read from SQL together (``snapshot.queue_snapshots``: a fixed number of statements per sweep, not per
batch), at most one per ``queue_interval`` seconds per batch; a change inside that interval is offered again when
it ends (one timer per process sweeps again), so the last position is always sent.

Balance events carry the spendable balance and the credits held by open batches, and leave only when one of them
differs from what the user was last told (``latest`` again, so across processes too).

Every event that goes to a user's channel (``myEvents``: their batches' events and balance events) is first
numbered for the user and kept in their log (``history.UserHistory``, ``user_seq``), so that a follower who comes
back with ``afterSeq`` gets exactly what it missed; the batch's channel gets the event unnumbered.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections import defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from tortoise.expressions import F

from models import BatchJob, BatchStatus, EditStatus, ImageEdit
from services import credits, projects
from services.infra.bus import EventBus
from services.infra.latest import InProcessLatest, LatestValues, Verdict
from services.infra.numbered_log import InProcessLog
from services.progress.channels import batch_channel, user_channel
from services.progress.eta import Estimate, queue_positions
from services.progress.events import AccountExportChanged, BatchProgress, CreditBalance
from services.progress.history import BatchHistory, UserHistory
from services.progress.snapshot import batch_snapshot, delivered_image, progress_event, queue_snapshots

log = logging.getLogger(__name__)

SEQ_COLUMN = "event_seq"
QUEUE_EVENT_INTERVAL = 1.0
"""At most one queue-position event per waiting batch per this many seconds."""


def _queue_key(batch_id: uuid.UUID) -> str:
    return f"queue:{batch_id}"


def _balance_key(user_id: uuid.UUID) -> str:
    return f"balance:{user_id}"


BatchObserver = Callable[[Sequence[BatchProgress]], Awaitable[None]]
"""Told the batch events of each turn, after they were sent, in ``seq`` order (webhooks derive their events from
these); one call per turn, so an observer's cost does not grow with the events a settlement sends at once."""
BalanceObserver = Callable[[uuid.UUID, int], Awaitable[None]]
"""Told every balance a user was told (user id, balance)."""


@dataclass(frozen=True, slots=True)
class ImageSettled:
    """One image the caller just settled (in the order it settled them)."""

    edit: ImageEdit
    delivered: bool


class Turn:
    """One caller's go at a batch's events, holding its lock (see ``ProgressPublisher.turn``)."""

    def __init__(self) -> None:
        self.events: list[BatchProgress] = []
        self.moves_project = False

    @staticmethod
    def numbering(count: int) -> dict[str, Any]:
        """The column update that takes ``count`` event numbers: put it in the UPDATE that makes the change, and
        read ``SEQ_COLUMN`` back with the row (``BatchJob.event_seq`` after a re-read)."""
        return {SEQ_COLUMN: F(SEQ_COLUMN) + count}

    def started(self, batch: BatchJob, images: Sequence[ImageEdit], eta: Estimate) -> None:
        """The batch just went RUNNING (``batch`` re-read after the UPDATE that numbered one event)."""
        statuses = [edit.status for edit in images]
        self.events.append(
            progress_event(
                batch,
                seq=batch.event_seq,
                completed=statuses.count(EditStatus.SUCCEEDED),
                failed=statuses.count(EditStatus.FAILED),
                cancelled=statuses.count(EditStatus.CANCELLED),
                credits_captured=batch.credits_captured,
                credits_refunded=batch.credits_refunded,
                eta=eta,
            )
        )
        self.moves_project = True

    def settled(
        self,
        batch: BatchJob,
        row: dict[str, Any],
        images: Sequence[ImageSettled],
        *,
        status: BatchStatus,
        cancelled: int,
        eta: Estimate,
    ) -> None:
        """``images`` were settled by the UPDATE that numbered ``len(images)`` events and left ``row`` (its
        ``SEQ_COLUMN`` and counters): one event per image, in order, each with the counters as of that image."""
        batch.status = status
        seq = int(row[SEQ_COLUMN]) - len(images)
        completed = int(row["completed_images"]) - sum(1 for i in images if i.delivered)
        failed = int(row["failed_images"]) - sum(1 for i in images if not i.delivered)
        captured = int(row["credits_captured"]) - sum(i.edit.credits for i in images if i.delivered)
        refunded = int(row["credits_refunded"]) - sum(i.edit.credits for i in images if not i.delivered)
        for settled in images:
            seq += 1
            if settled.delivered:
                completed += 1
                captured += settled.edit.credits
            else:
                failed += 1
                refunded += settled.edit.credits
            self.events.append(
                progress_event(
                    batch,
                    seq=seq,
                    completed=completed,
                    failed=failed,
                    cancelled=cancelled,
                    credits_captured=captured,
                    credits_refunded=refunded,
                    eta=eta,
                    image=delivered_image(settled.edit) if settled.delivered else None,
                )
            )

    def closed(self, batch: BatchJob) -> None:
        """The batch just ended (``batch`` re-read after the UPDATE that closed it and numbered one event)."""
        self.events.append(
            progress_event(
                batch,
                seq=batch.event_seq,
                completed=batch.completed_images,
                failed=batch.failed_images,
                cancelled=batch.total_images - batch.completed_images - batch.failed_images,
                credits_captured=batch.credits_captured,
                credits_refunded=batch.credits_refunded,
                eta=None,
            )
        )


class ProgressPublisher:
    """The progress room's writer (see the module docstring). ``history`` is the per-batch event log,
    ``user_history`` the per-user one (``myEvents``) and ``latest`` the values last sent (defaults: in this process's
    memory)."""

    def __init__(
        self,
        bus: EventBus,
        *,
        history: BatchHistory | None = None,
        user_history: UserHistory | None = None,
        latest: LatestValues | None = None,
        item_concurrency: int = 4,
        queue_interval: float = QUEUE_EVENT_INTERVAL,
    ) -> None:
        self.bus = bus
        self.history = history if history is not None else BatchHistory(InProcessLog())
        self.user_history = user_history if user_history is not None else UserHistory(InProcessLog())
        self.latest: LatestValues = latest if latest is not None else InProcessLatest()
        self.item_concurrency = item_concurrency
        self.queue_interval = queue_interval
        self._queue_dirty = False
        self._queue_sweep: asyncio.Task[None] | None = None
        self._trailing: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._locks: dict[uuid.UUID, asyncio.Lock] = defaultdict(asyncio.Lock)
        self.batch_observers: list[BatchObserver] = []
        """The seam for consumers of batch events beyond the bus (``services.webhooks``): each is awaited with every
        turn's events after they were sent (outside the batch's lock); its failure is logged and never reaches the
        batch."""
        self.balance_observers: list[BalanceObserver] = []

    @asynccontextmanager
    async def turn(self, batch_id: uuid.UUID) -> AsyncIterator[Turn]:
        """Hold the batch's lock for a change and its events (see the module docstring)."""
        turn = Turn()
        async with self._locks[batch_id]:
            yield turn
            await self._emit(batch_id, turn)
        await self._observe_batch(turn.events)
        if any(event.status is not BatchStatus.QUEUED for event in turn.events) and (
            turn.moves_project or any(event.terminal for event in turn.events)
        ):
            self.queue_changed()  # it started or ended: those behind it (if it was waiting) moved up

    async def _observe_batch(self, events: Sequence[BatchProgress]) -> None:
        if not events:
            return
        for observer in self.batch_observers:
            try:
                await observer(events)
            except Exception:
                log.exception("a batch event observer failed (batch %s)", events[0].batch_job_id)

    async def _observe_balance(self, user_id: uuid.UUID, balance: int) -> None:
        for observer in self.balance_observers:
            try:
                await observer(user_id, balance)
            except Exception:
                log.exception("a balance observer failed (user %s)", user_id)

    async def changed(
        self, batch_id: uuid.UUID, *, image: ImageEdit | None = None, status_moved: bool = False
    ) -> BatchProgress:
        """The batch's state moved in SQL (``image``: the one just delivered; ``status_moved``: it was created,
        re-queued or started): its next event, from SQL."""
        async with self.turn(batch_id) as turn:
            await BatchJob.filter(id=batch_id).update(**turn.numbering(1))
            batch = await BatchJob.get(id=batch_id)
            event = await batch_snapshot(batch, image=image, item_concurrency=self.item_concurrency)
            turn.events.append(event)
            turn.moves_project = status_moved
        return event

    async def _emit(self, batch_id: uuid.UUID, turn: Turn) -> None:
        if not turn.events:
            return
        if turn.moves_project or any(event.terminal for event in turn.events):
            await projects.refresh_status(turn.events[0].project_id)
        for event in turn.events:
            message = event.to_json()
            if event.status is BatchStatus.QUEUED and event.queue_position is not None:
                # Whatever told the batch its position counts as sent (a sweep then says only a change).
                await self.latest.note(_queue_key(batch_id), str(event.queue_position))
            await self.history.record(event)
            await self.bus.publish(batch_channel(batch_id), message)
            mine = await self.user_history.record(event.user_id, event)
            await self.bus.publish(user_channel(event.user_id), mine.to_json())
            if event.terminal:
                self._locks.pop(batch_id, None)

    async def balance(self, user_id: uuid.UUID, balance: credits.Balance | None = None) -> None:
        """Tell the user's sockets their balance or held credits changed (``balance``: both as the caller just read
        them in SQL, else one read here); nothing is sent when neither differs from what they were last told."""
        if balance is None:
            balance = await credits.balance_and_held(user_id)
            if balance is None:
                return
        value, held = balance.balance, balance.held
        verdict, _ = await self.latest.offer(_balance_key(user_id), f"{value}/{held}")
        if verdict is not Verdict.SEND:
            return
        event = await self.user_history.record(user_id, CreditBalance(user_id=user_id, balance=value, held=held))
        await self.bus.publish(user_channel(user_id), event.to_json())
        await self._observe_balance(user_id, event.balance)

    async def account_export(self, event: AccountExportChanged) -> None:
        """Tell the owner's sockets (``myEvents``, on their own channel only) that their export ended, numbered in
        their ``myEvents`` log like every other event of theirs."""
        mine = await self.user_history.record(event.user_id, event)
        await self.bus.publish(user_channel(event.user_id), mine.to_json())

    # Queue positions -------------------------------------------------------------------------------------------

    def queue_changed(self) -> None:
        """Waiting batches may have moved: offer each its position, in the background (see the module docstring)."""
        self._queue_dirty = True
        if self._queue_sweep is None or self._queue_sweep.done():
            self._queue_sweep = self._spawn(self._sweep_queue(), "queue-sweep")

    async def queue_settled(self) -> None:
        """Wait until no sweep is under way (tests; shutdown)."""
        while self._queue_sweep is not None and not self._queue_sweep.done():
            await asyncio.shield(self._queue_sweep)

    def _spawn(self, coro: Awaitable[None], name: str) -> asyncio.Task[None]:
        task: asyncio.Task[None] = asyncio.ensure_future(coro)
        task.set_name(name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _sweep_queue(self) -> None:
        while self._queue_dirty:
            self._queue_dirty = False
            try:
                positions = await queue_positions()
                decisions = await self.latest.offer_many(
                    [(_queue_key(batch_id), str(position)) for batch_id, position in positions],
                    interval=self.queue_interval,
                )
                send: list[uuid.UUID] = []
                waits: list[float] = []
                for (batch_id, _), (verdict, wait) in zip(positions, decisions, strict=True):
                    if verdict is Verdict.SEND:
                        send.append(batch_id)
                    elif verdict is Verdict.LATER:
                        waits.append(wait)
                if send:
                    await self._queue_events(send, dict(positions))
                if waits and (self._trailing is None or self._trailing.done()):
                    # A task (not a bare timer), so that `settled` can wait for it.
                    self._trailing = self._spawn(self._sweep_again(min(waits)), "queue-sweep-again")
            except Exception:
                log.exception("the queue sweep failed")

    async def _sweep_again(self, wait: float) -> None:
        await asyncio.sleep(wait)  # the rest of the coalescing interval of the first batch told too early
        self.queue_changed()

    async def _queue_events(self, batch_ids: list[uuid.UUID], positions: dict[uuid.UUID, int]) -> None:
        """The events of waiting batches whose position moved, numbered in one UPDATE and read from SQL together
        (a batch that started meanwhile gets none: its own event tells that)."""
        ordered = sorted(batch_ids)  # the locks in one order (every other holder takes a single one)
        turns = {batch_id: Turn() for batch_id in ordered}
        async with contextlib.AsyncExitStack() as stack:
            for batch_id in ordered:
                await stack.enter_async_context(self._locks[batch_id])
            seqs = await _number_queued(ordered)
            if seqs:
                batches = await BatchJob.filter(id__in=list(seqs))
                for batch in batches:
                    batch.event_seq = seqs[batch.id]
                    batch.status = BatchStatus.QUEUED  # as it was when numbered
                for event in await queue_snapshots(batches, positions, item_concurrency=self.item_concurrency):
                    turns[event.batch_job_id].events.append(event)
                for batch_id in ordered:
                    await self._emit(batch_id, turns[batch_id])
        for batch_id in ordered:
            await self._observe_batch(turns[batch_id].events)

    async def settled(self) -> None:
        """Wait until no queue sweep or pending position offer is left (tests that count statements; shutdown)."""
        while pending := [task for task in self._tasks if not task.done()]:
            await asyncio.gather(*(asyncio.shield(task) for task in pending), return_exceptions=True)

    async def close(self) -> None:
        self._trailing = None
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await self.history.close()
        await self.user_history.close()
        await self.latest.close()


async def _number_queued(batch_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Take the next event number of each batch that still waits, in one statement: {batch id: its number}."""
    if not batch_ids:
        return {}
    connection = BatchJob._meta.db
    table = BatchJob._meta.db_table
    postgres = connection.capabilities.dialect == "postgres"
    values: list[Any] = [BatchStatus.QUEUED.value, *(i if postgres else str(i) for i in batch_ids)]
    marks = ",".join(f"${n}::uuid" if postgres else "?" for n in range(2, len(values) + 1))
    status = "$1" if postgres else "?"
    # Identifiers come from the model's metadata; every value is a parameter.
    sql = (
        f'UPDATE "{table}" SET "{SEQ_COLUMN}"="{SEQ_COLUMN}"+1 '  # noqa: S608
        f'WHERE "status"={status} AND "id" IN ({marks}) RETURNING "id","{SEQ_COLUMN}"'
    )
    rows = await connection.execute_query_dict(sql, values)
    return {uuid.UUID(str(row["id"])): int(row[SEQ_COLUMN]) for row in rows}
