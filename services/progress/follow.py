"""Following progress: the stored snapshot first, then live events with a higher ``seq``, resynced from SQL.

Redis pub/sub is at-most-once, so whenever the bus says events were lost (``RESYNC``), or nothing arrived for a
while (a publish that failed silently), the consumer re-reads the snapshot from the database instead of waiting.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

from models import BatchJob
from models.enums import OPEN_BATCH_STATUSES
from services import access
from services.infra.bus import EventBus, Resync
from services.progress.channels import batch_channel, user_channel
from services.progress.events import BatchProgress, ProgressEvent, from_json
from services.progress.snapshot import balance_snapshot, batch_snapshot

IDLE_RESYNC_SECONDS = 30.0


async def follow_batch(
    bus: EventBus,
    batch_id: uuid.UUID,
    *,
    after_seq: int | None = None,
    item_concurrency: int = 4,
    idle_resync_seconds: float = IDLE_RESYNC_SECONDS,
) -> AsyncIterator[BatchProgress]:
    """Events of one batch with ``seq`` above ``after_seq``, ending after the terminal one.

    Without ``after_seq`` the current snapshot always comes first (a new tab sees where things stand).
    """

    async def current() -> BatchProgress:
        return await batch_snapshot(await BatchJob.get(id=batch_id), item_concurrency=item_concurrency)

    # Subscribe before reading the snapshot, so nothing published in between is missed.
    async with bus.subscribe(batch_channel(batch_id)) as subscription:
        event = await current()
        last = after_seq if after_seq is not None else -1
        if event.seq > last:
            yield event
            last = event.seq
        if event.terminal:
            return
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


async def follow_user(bus: EventBus, user_id: uuid.UUID, *, item_concurrency: int = 4) -> AsyncIterator[ProgressEvent]:
    """Every batch event of the user and their balance changes; after lost events, the open batches and the
    balance are re-read."""
    async with bus.subscribe(user_channel(user_id)) as subscription:
        async for item in subscription:
            if isinstance(item, Resync):
                for batch in await access.owned(BatchJob, user_id).filter(status__in=OPEN_BATCH_STATUSES):
                    yield await batch_snapshot(batch, item_concurrency=item_concurrency)
                balance = await balance_snapshot(user_id)
                if balance is not None:
                    yield balance
            else:
                yield from_json(item)
