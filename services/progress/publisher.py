"""Publishing progress: state is written to SQL first, then the event goes to the bus."""

from __future__ import annotations

import asyncio
import uuid
from collections import defaultdict
from collections.abc import Sequence

from tortoise.expressions import F

from models import BatchJob, ImageEdit
from services.infra.bus import EventBus
from services.progress.channels import batch_channel, user_channel
from services.progress.events import BatchProgress, CreditBalance
from services.progress.snapshot import balance_snapshot, batch_snapshot


class ProgressPublisher:
    """Writes the next ``seq`` then publishes the batch's snapshot to its channel and its owner's channel.

    State is always in SQL before the event leaves; a per-batch lock keeps this process's events in ``seq`` order.
    """

    def __init__(self, bus: EventBus, *, item_concurrency: int = 4) -> None:
        self.bus = bus
        self.item_concurrency = item_concurrency
        self._locks: dict[uuid.UUID, asyncio.Lock] = defaultdict(asyncio.Lock)

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
        return event

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

    async def send_balance(self, user_id: uuid.UUID, balance: int) -> None:
        """Tell the user's sockets their balance, as the caller just read it in SQL."""
        await self.bus.publish(user_channel(user_id), CreditBalance(user_id=user_id, balance=balance).to_json())

    async def publish_balance(self, user_id: uuid.UUID) -> None:
        """Tell the user's sockets their balance changed."""
        event = await balance_snapshot(user_id)
        if event is not None:
            await self.bus.publish(user_channel(user_id), event.to_json())
