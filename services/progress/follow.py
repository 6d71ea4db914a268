"""Following progress: the stored snapshot first (or, resuming, the missed events), then live events with a
higher ``seq``, resynced from SQL.

Resuming with ``after_seq`` replays what was missed from the batch's log (``services.progress.history``), in order
and marked ``REPLAY``; when the log no longer has them, the follower gets the snapshot (``SNAPSHOT``), which lists
every image delivered so far. Redis pub/sub is at-most-once, so whenever the bus says events were lost
(``RESYNC``), or nothing arrived for a while (a publish that failed silently), the consumer re-reads the snapshot
from the database instead of waiting.

``myEvents`` (``follow_user``) resumes the same way over the user's own numbering (``user_seq``, kept by
``services.progress.history.UserHistory``), its snapshot being the user's open batches and balance.
"""

from __future__ import annotations

import asyncio
import dataclasses
import uuid
from collections.abc import AsyncIterator
from typing import Any

from models import BatchJob
from models.enums import OPEN_BATCH_STATUSES
from services import access
from services.core.errors import NotFound
from services.infra.bus import EventBus, Resync
from services.progress.channels import batch_channel, user_channel
from services.progress.events import BatchProgress, CreditBalance, EventKind, ProgressEvent, from_json
from services.progress.history import BatchHistory, UserHistory
from services.progress.snapshot import balance_snapshot, batch_snapshot

IDLE_RESYNC_SECONDS = 30.0


async def batch_to_follow(
    user_id: uuid.UUID, batch_id: str | uuid.UUID, *, owner: uuid.UUID | None = None
) -> uuid.UUID:
    """Who may follow a batch's progress, decided in one place for the resolver and the socket's shared path:
    whoever may view the batch (``services.access``). Returns the batch's id; raises ``NotFound`` otherwise (a batch
    that is not yours is not found, never forbidden).

    ``owner``: the batch's owner when the caller already knows it (a feed this process follows live), which spares
    the read when it grants access; when it does not, the batch is read, since viewing may be granted otherwise.
    """
    if owner is not None and isinstance(batch_id, uuid.UUID) and access.may_view(BatchJob, user_id, owner):
        return batch_id
    batch = await access.find_viewable(BatchJob, user_id, batch_id)
    if batch is None:
        raise NotFound("batch job not found", ["batch_job_id"])
    return batch.id


async def follow_batch(
    bus: EventBus,
    batch_id: uuid.UUID,
    *,
    after_seq: int | None = None,
    history: BatchHistory | None = None,
    item_concurrency: int = 4,
    idle_resync_seconds: float = IDLE_RESYNC_SECONDS,
) -> AsyncIterator[BatchProgress]:
    """Events of one batch with ``seq`` above ``after_seq``, ending after the terminal one.

    Without ``after_seq`` the current snapshot always comes first (a new tab sees where things stand); with it, the
    missed events from ``history`` (see the module docstring).
    """

    async def current() -> BatchProgress:
        return await batch_snapshot(await BatchJob.get(id=batch_id), item_concurrency=item_concurrency, snapshot=True)

    # Subscribe before reading the snapshot, so nothing published in between is missed.
    async with bus.subscribe(batch_channel(batch_id)) as subscription:
        snapshot = await current()
        last = after_seq if after_seq is not None else -1
        for event in await catch_up(snapshot, after_seq, history):
            yield event
            last = event.seq
            if event.terminal:
                return
        if snapshot.terminal and snapshot.seq <= last:
            return  # it ended, and the follower has had everything
        stream = aiter(subscription)
        while True:
            try:
                item = await asyncio.wait_for(anext(stream), idle_resync_seconds)
            except TimeoutError:
                # Quiet for a while: one cheap read of the batch's seq; the full snapshot only if we missed something
                # (thousands of idle subscribers must not each rebuild a snapshot every interval).
                seq: list[Any] = await BatchJob.filter(id=batch_id).values_list("event_seq", flat=True)
                if not seq or seq[0] <= last:
                    continue
                item = Resync()
            except StopAsyncIteration:
                return  # the bus is closing
            if isinstance(item, Resync):
                event = await current()
            else:
                received = from_json(item)
                if not isinstance(received, BatchProgress):
                    continue
                event = received
            if event.seq > last:
                yield event
                last = event.seq
            if event.terminal:
                return


async def catch_up(snapshot: BatchProgress, after_seq: int | None, history: BatchHistory | None) -> list[BatchProgress]:
    """What a follower gets first, given the snapshot it just read after subscribing: the snapshot; nothing when
    it has everything up to the snapshot; resuming, the missed events replayed from ``history``, or the snapshot
    when they are no longer kept. The events still between SQL and the log come live (they are published after
    they are recorded, and the follower subscribed before it read)."""
    if after_seq is None:
        return [snapshot]
    if snapshot.seq <= after_seq:
        return []
    missed = await history.since(snapshot.batch_job_id, after_seq) if history is not None else None
    if missed is None:
        return [snapshot]
    return [dataclasses.replace(event, kind=EventKind.REPLAY) for event in missed]


async def follow_user(
    bus: EventBus,
    user_id: uuid.UUID,
    *,
    after_seq: int | None = None,
    history: UserHistory | None = None,
    item_concurrency: int = 4,
) -> AsyncIterator[ProgressEvent]:
    """Every batch event of the user and their balance changes, each numbered for the user (``user_seq``).

    Resuming with ``after_seq``, the events numbered above it come first, replayed from ``history`` in order
    (``REPLAY``); when they cannot all be replayed (expired, capped, or a gap left by an event that could not be
    numbered), the user's snapshot instead (``user_snapshot``: the open batches and the balance, ``SNAPSHOT``).
    Live, numbers that jump (the bus lost messages, or skipped a gap) are filled the same way, as is a ``RESYNC``;
    without a number to resume from, a ``RESYNC`` gets the snapshot. A balance event is yielded only when the
    balance (or the credits held) differs from the last one this follower yielded: a settlement that moved nothing
    for the user says nothing."""
    last_balance: tuple[int, int] | None = None
    last = after_seq

    async def missed_since(after: int | None) -> tuple[list[ProgressEvent], bool]:
        """The events after ``after`` replayed from the log (True), or the snapshot (False)."""
        replayed = await history.since(user_id, after) if history is not None and after is not None else None
        if replayed is not None:
            return [dataclasses.replace(event, kind=EventKind.REPLAY) for event in replayed], True
        return await user_snapshot(user_id, history, item_concurrency=item_concurrency), False

    # Subscribe before reading the log, so nothing numbered in between is missed.
    async with bus.subscribe(user_channel(user_id)) as subscription:
        events: list[ProgressEvent] = (await missed_since(after_seq))[0] if after_seq is not None else []
        while True:
            for event in events:
                if event.user_seq is not None:
                    if last is not None and event.user_seq <= last and event.kind is not EventKind.SNAPSHOT:
                        continue  # had it already (replayed, then received live)
                    last = event.user_seq
                if isinstance(event, CreditBalance):
                    if (event.balance, event.held) == last_balance:
                        continue
                    last_balance = (event.balance, event.held)
                yield event
            item = await anext(aiter(subscription), None)
            if item is None:
                return  # the bus is closing
            if isinstance(item, Resync):
                events = (await missed_since(last))[0]
                continue
            received = from_json(item)
            number = received.user_seq
            if number is not None and last is not None and number > last + 1:
                # Numbers jumped: something was lost on the way (or is a gap); the log says what, if it can. The
                # event itself comes first when it cannot (the snapshot lists open batches only, and this may be
                # the one that ended a batch).
                missed, replayed = await missed_since(last)
                events = missed if replayed else [received, *missed]
            else:
                events = [received]


async def user_snapshot(
    user_id: uuid.UUID, history: UserHistory | None, *, item_concurrency: int = 4
) -> list[ProgressEvent]:
    """Where the user stands, read from SQL (every event ``SNAPSHOT``): the open batches (each listing its images
    so far) and the balance, numbered with the user's last ``user_seq`` (read first, so that a resume from it misses
    nothing numbered after it)."""
    head = await history.head(user_id) if history is not None else None
    events: list[ProgressEvent] = [
        dataclasses.replace(
            await batch_snapshot(batch, item_concurrency=item_concurrency, snapshot=True), user_seq=head
        )
        for batch in await access.owned(BatchJob, user_id).filter(status__in=OPEN_BATCH_STATUSES)
    ]
    balance = await balance_snapshot(user_id)
    if balance is not None:
        events.append(dataclasses.replace(balance, kind=EventKind.SNAPSHOT, user_seq=head))
    return events
