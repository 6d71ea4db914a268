"""Shared batch feeds: one follower per batch per process, however many subscribers watch it.

``follow_batch`` gives each subscriber its own bus subscription, snapshot reads and idle timer. A feed does the
same work once per batch and hands every event to all of the batch's local subscribers, with the same guarantees
a subscriber of ``follow_batch`` has:

- A subscriber joins after the feed's bus subscription is live and then gets a snapshot read from SQL *after* it
  joined, so nothing published meanwhile is missed (events that arrive while its snapshot is being read wait in its
  own backlog). Joiners arriving together share one snapshot read: a read serves everyone who joined before it
  started, never someone who joined after.
- Each subscriber receives only events whose ``seq`` is above the highest it has (``after``: its ``afterSeq``,
  then the last event it was given), so its stream rises strictly, exactly as ``follow_batch`` yields it. A
  subscriber that resumes (``afterSeq``) first gets the events it missed from the batch's log, or the snapshot when
  they are gone (``follow.catch_up``).
- ``RESYNC`` from the bus, or a quiet channel whose stored ``event_seq`` moved, re-reads the snapshot for
  everyone; the terminal event ends every subscriber and the feed.

The feed never renders or writes anything itself: ``deliver`` (given to ``BatchFeeds``) receives each event with
the subscribers it is for, and ``end`` the subscribers whose stream ended without a terminal event (the bus closed,
or a read failed: then with the error).

**Outages.** A read that fails because the database is unreachable does not end the feed: its members are told once
(``unavailable``, given to ``BatchFeeds``), the read is retried with capped, jittered backoff, and once the database
answers the feed resyncs from the snapshot and goes on (each member gets only what it has not had). The members'
streams thus resume by themselves; a client that reconnects instead resumes with ``afterSeq``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from models import BatchJob
from services.infra.bus import EventBus, Resync
from services.infra.outage import Outage, unreachable
from services.progress.channels import batch_channel
from services.progress.events import BatchProgress, from_json
from services.progress.follow import IDLE_RESYNC_SECONDS, catch_up
from services.progress.history import BatchHistory
from services.progress.snapshot import batch_snapshot

log = logging.getLogger(__name__)

BACKLOG_LIMIT = 64
"""Events kept for a subscriber while its snapshot is read (the bus queue's bound; a join takes milliseconds)."""


class FeedSubscriber:
    """One subscriber of a feed: the highest ``seq`` it has, and the events that arrived while it joined.

    The protocol layer subclasses it (with ``__slots__``) to carry its socket and operation id.
    """

    __slots__ = ("_backlog", "after", "feed")

    def __init__(self, after: int | None) -> None:
        self.after = after if after is not None else -1
        self.feed: BatchFeed | None = None
        self._backlog: list[BatchProgress] | None = None

    @property
    def joining(self) -> bool:
        """Still waiting for its snapshot (not yet a member)."""
        return self._backlog is not None

    def leave(self) -> None:
        """Stop receiving events (the client completed the operation or went away); idempotent."""
        feed, self.feed = self.feed, None
        if feed is not None:
            feed.discard(self)


Deliver = Callable[[BatchProgress, list[FeedSubscriber]], Awaitable[None]]
End = Callable[[list[FeedSubscriber], BaseException | None], Awaitable[None]]
Unavailable = Callable[[list[FeedSubscriber]], Awaitable[None]]
T = TypeVar("T")


class BatchFeed:
    """The followers of one batch in this process (see the module docstring)."""

    def __init__(self, hub: BatchFeeds, batch_id: uuid.UUID) -> None:
        self.hub = hub
        self.batch_id = batch_id
        self.members: set[FeedSubscriber] = set()
        self.joining: set[FeedSubscriber] = set()
        self.last = -1
        self.owner: uuid.UUID | None = None
        """The batch's owner, once the feed has read or received an event (it never changes)."""
        self.closed = False
        self.ready = asyncio.Event()
        self._gathering: asyncio.Future[BatchProgress] | None = None
        self._reader: asyncio.Task[None] | None = None
        self._task = asyncio.create_task(self._run(), name=f"feed:{batch_id}")

    async def join(self, subscriber: FeedSubscriber) -> bool:
        """Add ``subscriber``: it gets the current snapshot (if newer than what it has), then live events.

        True: it is a member now. False: its stream has already ended (the snapshot or an event that arrived
        meanwhile was terminal, or the feed ended); the caller completes it. Raises ``FeedClosed`` when the feed had
        ended before, and what the snapshot read raised (the subscriber is then not a member).
        """
        await self.ready.wait()
        if self.closed:
            raise FeedClosed
        subscriber.feed = self
        subscriber._backlog = []
        self.joining.add(subscriber)
        try:
            snapshot = await asyncio.shield(self._snapshot())
            # Resuming: the missed events from the batch's log (or the snapshot when they are gone). An empty catch-up
            # still passes the snapshot by, undelivered, so that a batch that already ended ends this stream.
            resume = subscriber.after if subscriber.after >= 0 else None
            pending = await catch_up(snapshot, resume, self.hub.history) or [snapshot]
            while pending:
                if subscriber.feed is not self:
                    return False  # it left, or the feed ended, while joining
                event = pending.pop(0)
                if event.seq > subscriber.after:
                    await self.hub.deliver(event, [subscriber])
                    subscriber.after = event.seq
                if event.terminal:
                    self._drop(subscriber)
                    return False
                if not pending and subscriber._backlog:
                    pending, subscriber._backlog = subscriber._backlog, []
        except FeedClosed:
            self._drop(subscriber)
            return False
        except BaseException:
            self._drop(subscriber)
            raise
        # Nothing was awaited since the backlog was found empty: from here on, live events reach it as a member.
        if subscriber.feed is not self:
            return False
        self.joining.discard(subscriber)
        subscriber._backlog = None
        self.members.add(subscriber)
        return True

    def discard(self, subscriber: FeedSubscriber) -> None:
        self.members.discard(subscriber)
        self.joining.discard(subscriber)
        subscriber._backlog = None
        if not self.members and not self.joining:
            self.close()

    def _drop(self, subscriber: FeedSubscriber) -> None:
        subscriber.feed = None
        self.discard(subscriber)

    def close(self) -> None:
        """Stop following (the last subscriber left, or the stream ended); joiners still waiting see it ended."""
        if self.closed:
            return
        self.closed = True
        self.hub._forget(self)
        if self._task is not asyncio.current_task():
            self._task.cancel()
        if self._reader is not None and self._reader is not asyncio.current_task():
            self._reader.cancel()
        if self._gathering is not None and not self._gathering.done():
            self._gathering.set_exception(FeedClosed())

    def _snapshot(self) -> asyncio.Future[BatchProgress]:
        """A snapshot read that starts after this call (shared with every caller until it starts)."""
        if self._gathering is None:
            self._gathering = asyncio.get_running_loop().create_future()
            self._gathering.add_done_callback(_retrieve)
            if self._reader is None or self._reader.done():
                self._reader = asyncio.create_task(self._read_snapshots())
        return self._gathering

    async def _read_snapshots(self) -> None:
        while self._gathering is not None and not self.closed:
            waiting, self._gathering = self._gathering, None
            try:
                batch = await BatchJob.get(id=self.batch_id)
                event = await batch_snapshot(batch, item_concurrency=self.hub.item_concurrency, snapshot=True)
            except Exception as error:
                if not waiting.done():
                    waiting.set_exception(error)
            else:
                self.last = max(self.last, event.seq)
                self.owner = event.user_id
                if not waiting.done():
                    waiting.set_result(event)
            finally:
                if not waiting.done():  # cancelled: the feed closed
                    waiting.set_exception(FeedClosed())

    async def _run(self) -> None:
        error: Exception | None = None
        try:
            async with self.hub.bus.subscribe(batch_channel(self.batch_id)) as subscription:
                self.ready.set()
                stream = aiter(subscription)
                while True:
                    try:
                        item: Any = await asyncio.wait_for(anext(stream), self.hub.idle_resync_seconds)
                    except TimeoutError:
                        # Quiet for a while: one cheap read of the seq; the full snapshot only if we missed something.
                        seq: list[Any] = await self._reachable(
                            lambda: BatchJob.filter(id=self.batch_id).values_list("event_seq", flat=True)
                        )
                        if not seq or seq[0] <= self.last:
                            continue
                        item = Resync()
                    except StopAsyncIteration:
                        break  # the bus is closing
                    if isinstance(item, Resync):
                        event = await self._reachable(lambda: asyncio.shield(self._snapshot()))
                    else:
                        received = from_json(item)
                        if not isinstance(received, BatchProgress):
                            continue
                        event = received
                    if await self._dispatch(event):
                        break
        except asyncio.CancelledError:
            if not self.closed:
                raise
        except Exception as exc:
            log.warning("progress feed of batch %s failed: %s: %s", self.batch_id, type(exc).__name__, exc)
            error = exc
        finally:
            self.ready.set()  # joiners waiting on a feed that never started see it closed
            ended = list(self.members)
            self.members.clear()
            for member in ended:
                member.feed = None
            for joiner in self.joining:
                joiner.feed = None  # it returns from join() as ended
            self.close()
        if ended:
            await self.hub.end(ended, error)

    async def _reachable(self, read: Callable[[], Awaitable[T]]) -> T:
        """``read()``, waiting out an outage of the database (module docstring): the members are told once; events
        published meanwhile wait in the bus subscription, and a resync covers any it shed."""
        outage = self.hub.outage
        told = failed = False
        while True:
            try:
                result = await read()
            except Exception as error:
                if not unreachable(error):
                    raise
                failed = True
                outage.failed(error, f"following batch {self.batch_id}")
                if not told and self.members:
                    told = True
                    await self.hub.unavailable(list(self.members))
                await asyncio.sleep(outage.delay())  # backoff before the next attempt
                continue
            if failed:
                outage.succeeded()
            return result

    async def _dispatch(self, event: BatchProgress) -> bool:
        """Hand ``event`` to every member whose stream it advances; True when it was the last event."""
        self.last = max(self.last, event.seq)
        for joiner in self.joining:
            backlog = joiner._backlog
            if backlog is not None:
                backlog.append(event)
                if len(backlog) > BACKLOG_LIMIT:
                    # As the bus sheds: a newer snapshot supersedes the oldest non-terminal one.
                    backlog.pop(0)
        recipients = [m for m in self.members if event.seq > m.after]
        for member in recipients:
            member.after = event.seq
        if not event.terminal:
            if recipients:
                await self.hub.deliver(event, recipients)
            return False
        # The end: nobody joins this feed any more (a newcomer starts a new one); joiners finish from their backlog.
        self.hub._forget(self)
        ended = list(self.members)
        self.members.clear()
        for member in ended:
            member.feed = None
        if recipients:
            await self.hub.deliver(event, recipients)
        await self.hub.end(ended, None)
        if self.joining:
            return False
        self.close()
        return True


class FeedClosed(Exception):
    """The feed ended before the subscriber joined."""


async def _nobody_told(subscribers: list[FeedSubscriber]) -> None:
    """``unavailable`` when the caller has no way to tell subscribers (their streams resume all the same)."""


def _retrieve(future: asyncio.Future[Any]) -> None:
    # A read nobody waits for any more must not log "exception was never retrieved".
    if not future.cancelled():
        future.exception()


class BatchFeeds:
    """Every batch feed of this process, created on a batch's first subscriber and gone after its last."""

    def __init__(
        self,
        bus: EventBus,
        deliver: Deliver,
        end: End,
        *,
        unavailable: Unavailable | None = None,
        history: BatchHistory | None = None,
        item_concurrency: int = 4,
        idle_resync_seconds: float = IDLE_RESYNC_SECONDS,
    ) -> None:
        self.bus = bus
        self.history = history
        self.deliver = deliver
        self.end = end
        self.unavailable = unavailable or _nobody_told
        self.outage = Outage("the database", logger=log)
        """Shared by every feed of the process: one warning per outage, and each feed's backoff."""
        self.item_concurrency = item_concurrency
        self.idle_resync_seconds = idle_resync_seconds
        self._feeds: dict[uuid.UUID, BatchFeed] = {}

    def __len__(self) -> int:
        return len(self._feeds)

    async def join(self, batch_id: uuid.UUID, subscriber: FeedSubscriber) -> bool:
        """Join ``subscriber`` to the batch's feed (see ``BatchFeed.join``): True when it is live."""
        for _ in range(2):  # a feed that closed just before we joined: once more, with a new one
            feed = self._feeds.get(batch_id)
            if feed is None or feed.closed:
                feed = self._feeds[batch_id] = BatchFeed(self, batch_id)
            with contextlib.suppress(FeedClosed):
                return await feed.join(subscriber)
        return False

    def owner_of(self, batch_id: uuid.UUID) -> uuid.UUID | None:
        """The owner of a batch this process follows live, if it knows it (no read)."""
        feed = self._feeds.get(batch_id)
        return feed.owner if feed is not None and not feed.closed else None

    def _forget(self, feed: BatchFeed) -> None:
        if self._feeds.get(feed.batch_id) is feed:
            del self._feeds[feed.batch_id]

    async def close(self) -> None:
        for feed in list(self._feeds.values()):
            feed.close()
