"""Publishing progress: state is written to SQL first, then the event goes to the bus."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence

from tortoise.expressions import F

from models import BatchJob, ImageEdit
from services.infra.bus import EventBus
from services.progress.channels import batch_channel, user_channel
from services.progress.events import BatchProgress, CreditBalance
from services.progress.snapshot import balance_snapshot, batch_snapshot

log = logging.getLogger(__name__)

BatchObserver = Callable[[Sequence[BatchProgress]], Awaitable[None]]
"""Told the batch events of each send, after they were sent, in ``seq`` order (webhooks derive their events from
these); one call per send, so an observer's cost does not grow with the events a settlement sends at once."""
BalanceObserver = Callable[[uuid.UUID, int], Awaitable[None]]
"""Told every balance a user was told (user id, balance)."""


class ProgressPublisher:
    """Writes the next ``seq`` then publishes the batch's snapshot to its channel and its owner's channel.

    State is always in SQL before the event leaves; a per-batch lock keeps this process's events in ``seq`` order.
    """

    def __init__(self, bus: EventBus, *, item_concurrency: int = 4) -> None:
        self.bus = bus
        self.item_concurrency = item_concurrency
        self._locks: dict[uuid.UUID, asyncio.Lock] = defaultdict(asyncio.Lock)
        self.batch_observers: list[BatchObserver] = []
        """The seam for consumers of batch events beyond the bus (``services.webhooks``): each is awaited with every
        event after it was sent; its failure is logged and never reaches the batch."""
        self.balance_observers: list[BalanceObserver] = []

    async def publish(self, batch_id: uuid.UUID, *, image: ImageEdit | None = None) -> BatchProgress:
        """Publish the batch's current state (with ``image`` when one was just delivered)."""
        lock = self._locks[batch_id]
        async with lock:
            await BatchJob.filter(id=batch_id).update(event_seq=F("event_seq") + 1)
            batch = await BatchJob.get(id=batch_id)
            event = await batch_snapshot(batch, image=image, item_concurrency=self.item_concurrency)
            message = event.to_json()
            await self.bus.publish(batch_channel(batch_id), message)
            await self.bus.publish(user_channel(batch.owner_id), message)
        if event.terminal:
            self._locks.pop(batch_id, None)
        await self._observe_batch([event])
        return event

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

    def lock(self, batch_id: uuid.UUID) -> asyncio.Lock:
        """The batch's publishing lock: hold it from taking ``seq`` numbers (in SQL) until their events are sent
        (``send``), so this process's events leave in ``seq`` order."""
        return self._locks[batch_id]

    async def send(self, events: Sequence[BatchProgress]) -> None:
        """Send events the caller built, their ``seq`` already taken in SQL (call holding ``lock``)."""
        for event in events:
            message = event.to_json()
            await self.bus.publish(batch_channel(event.batch_job_id), message)
            await self.bus.publish(user_channel(event.user_id), message)
            if event.terminal:
                self._locks.pop(event.batch_job_id, None)
        await self._observe_batch(events)

    async def send_balance(self, user_id: uuid.UUID, balance: int) -> None:
        """Tell the user's sockets their balance, as the caller just read it in SQL."""
        await self.bus.publish(user_channel(user_id), CreditBalance(user_id=user_id, balance=balance).to_json())
        await self._observe_balance(user_id, balance)

    async def publish_balance(self, user_id: uuid.UUID) -> None:
        """Tell the user's sockets their balance changed."""
        event = await balance_snapshot(user_id)
        if event is not None:
            await self.bus.publish(user_channel(user_id), event.to_json())
            await self._observe_balance(user_id, event.balance)
