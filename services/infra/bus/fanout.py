"""What both buses share: channel -> local subscriptions, and delivery into each subscriber's bounded queue without
ever waiting (the queue policy: ``services.infra.bus``)."""

from __future__ import annotations

import asyncio
from collections import deque
from types import TracebackType
from typing import Self

from services.infra import metrics
from services.infra.bus.protocol import RESYNC, Event, EventBus, Resync

DEFAULT_QUEUE_SIZE = 64
# Protected items (terminal events, RESYNC) may exceed the bound by this factor before the queue collapses.
PROTECTED_OVERFLOW_FACTOR = 4


class BusSubscription:
    """A subscriber's bounded queue; the bus delivers into it without ever waiting (policy: module docstring)."""

    def __init__(self, bus: FanoutBus, channel: str, queue_size: int) -> None:
        if queue_size < 1:
            raise ValueError("queue_size must be at least 1")
        self._bus = bus
        self._channel = channel
        self._queue_size = queue_size
        self._items: deque[Event | Resync] = deque()
        self._wakeup = asyncio.Event()
        self._entered = False
        self._ended = False
        # Set while this subscriber may have missed events (it joined, or the connection dropped, before Redis
        # confirmed the channel); cleared by delivering RESYNC once the channel is confirmed.
        self.needs_resync = False
        self.dropped = 0

    @property
    def channel(self) -> str:
        return self._channel

    @property
    def pending(self) -> int:
        """Items queued and not yet consumed."""
        return len(self._items)

    async def __aenter__(self) -> Self:
        if self._entered:
            raise RuntimeError("a subscription can be entered only once")
        self._entered = True
        try:
            await self._bus._attach(self)
        except BaseException:
            # Cancelled while waiting for Redis: __aexit__ won't run, so release the channel here.
            self._end()
            await self._bus._detach(self)
            raise
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._end()
        await self._bus._detach(self)

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> Event | Resync:
        if not self._entered:
            raise RuntimeError("enter the subscription first: `async with bus.subscribe(channel) as sub`")
        while not self._items:
            if self._ended:
                raise StopAsyncIteration
            self._wakeup.clear()
            await self._wakeup.wait()
        return self._items.popleft()

    def _deliver(self, event: Event) -> None:
        if self._ended:
            return
        self._items.append(event)
        metrics.BUS_DELIVERIES.inc()
        if len(self._items) > self._queue_size:
            self._shed()
        self._wakeup.set()

    def _resync(self) -> None:
        if self._ended:
            return
        self.needs_resync = False
        # RESYNC supersedes every queued snapshot and any earlier RESYNC; terminal events stay, in order.
        kept = [item for item in self._items if _is_terminal(item)]
        self.dropped += len(self._items) - len(kept)
        metrics.BUS_DROPPED.inc(len(self._items) - len(kept))
        metrics.BUS_RESYNCS.inc()
        self._items = deque(kept)
        self._items.append(RESYNC)
        self._wakeup.set()

    def _shed(self) -> None:
        for index, item in enumerate(self._items):
            if not _is_protected(item):
                del self._items[index]
                self.dropped += 1
                metrics.BUS_DROPPED.inc()
                return
        if len(self._items) > self._queue_size * PROTECTED_OVERFLOW_FACTOR:
            # The consumer stopped reading; one RESYNC tells it to rebuild everything from SQL instead.
            self.dropped += len(self._items)
            metrics.BUS_DROPPED.inc(len(self._items))
            metrics.BUS_RESYNCS.inc()
            self._items = deque([RESYNC])

    def _end(self) -> None:
        self._ended = True
        self._items.clear()
        self._wakeup.set()


def _is_terminal(item: Event | Resync) -> bool:
    return isinstance(item, dict) and item.get("terminal") is True


def _is_protected(item: Event | Resync) -> bool:
    return isinstance(item, Resync) or _is_terminal(item)


class FanoutBus(EventBus):
    """Local bookkeeping shared by both buses: channel -> subscriptions, and delivery into their queues."""

    def __init__(self, *, queue_size: int = DEFAULT_QUEUE_SIZE) -> None:
        if queue_size < 1:
            raise ValueError("queue_size must be at least 1")
        self._queue_size = queue_size
        self._channels: dict[str, set[BusSubscription]] = {}
        self._closed = False

    def subscribe(self, channel: str, *, queue_size: int | None = None) -> BusSubscription:
        """A subscription to ``channel`` (its own queue bound optional); it receives once entered (``async with``)."""
        return BusSubscription(self, channel, queue_size or self._queue_size)

    def subscriber_count(self, channel: str) -> int:
        return len(self._channels.get(channel, ()))

    async def _attach(self, subscription: BusSubscription) -> None:
        if self._closed:
            # Shutting down: the subscription ends at once rather than raising into a request in flight.
            subscription._end()
            return
        subscribers = self._channels.setdefault(subscription.channel, set())
        subscribers.add(subscription)
        if len(subscribers) == 1:
            await self._channel_opened(subscription.channel)
        await self._await_ready(subscription)

    async def _detach(self, subscription: BusSubscription) -> None:
        subscribers = self._channels.get(subscription.channel)
        if subscribers is None or subscription not in subscribers:
            return
        subscribers.discard(subscription)
        if not subscribers:
            del self._channels[subscription.channel]
            await self._channel_closed(subscription.channel)

    def _dispatch(self, channel: str, event: Event) -> None:
        for subscription in self._channels.get(channel, ()):
            subscription._deliver(event)

    def _end_all(self) -> None:
        for subscribers in self._channels.values():
            for subscription in subscribers:
                subscription._end()
        self._channels.clear()

    async def _channel_opened(self, channel: str) -> None:
        """Hook: the first local subscriber of ``channel`` arrived."""

    async def _channel_closed(self, channel: str) -> None:
        """Hook: the last local subscriber of ``channel`` left."""

    async def _await_ready(self, subscription: BusSubscription) -> None:
        """Hook: return once events published from now on will reach ``subscription``."""
