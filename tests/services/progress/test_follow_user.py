"""``myEvents``: a balance event only when the balance (or the credits held) changed; numbers that jump live are
filled from the user's log."""

from __future__ import annotations

import asyncio
import uuid

from services.infra.bus import BusSubscription, InProcessBus
from services.infra.numbered_log import InProcessLog
from services.progress.channels import user_channel
from services.progress.events import CreditBalance, EventKind
from services.progress.follow import follow_user
from services.progress.history import UserHistory


class WatchedBus(InProcessBus):
    """Tells when a subscriber has joined (so that nothing is published before anyone listens)."""

    joined: asyncio.Event

    async def _attach(self, subscription: BusSubscription) -> None:
        await super()._attach(subscription)
        self.joined.set()


async def test_a_balance_event_is_sent_only_when_the_balance_or_held_changed() -> None:
    bus = WatchedBus()
    bus.joined = asyncio.Event()
    await bus.start()
    user = uuid.uuid4()
    received: list[CreditBalance] = []

    async def follow() -> None:
        stream = follow_user(bus, user)
        event = await anext(stream)
        while True:
            assert isinstance(event, CreditBalance)
            received.append(event)
            if event.balance == 0:
                return
            event = await anext(stream)

    task = asyncio.create_task(follow())
    await bus.joined.wait()
    for balance, held in [(10, 0), (10, 0), (8, 2), (8, 2), (8, 0), (8, 0), (0, 0)]:
        await bus.publish(user_channel(user), CreditBalance(user_id=user, balance=balance, held=held).to_json())
    await asyncio.wait_for(task, 10)
    await bus.close()
    assert [(e.balance, e.held) for e in received] == [(10, 0), (8, 2), (8, 0), (0, 0)]


async def test_a_numbered_event_the_bus_lost_is_replayed_from_the_log_before_the_next() -> None:
    bus = WatchedBus()
    bus.joined = asyncio.Event()
    await bus.start()
    history = UserHistory(InProcessLog())
    user = uuid.uuid4()
    received: list[CreditBalance] = []

    async def follow() -> None:
        async for event in follow_user(bus, user, history=history):
            assert isinstance(event, CreditBalance)
            received.append(event)
            if event.balance == 7:
                return

    task = asyncio.create_task(follow())
    await bus.joined.wait()
    for balance in (9, 8, 7):
        event = await history.record(user, CreditBalance(user_id=user, balance=balance))
        if balance != 8:  # 8 is numbered and kept, and lost on the way (pub/sub is at-most-once)
            await bus.publish(user_channel(user), event.to_json())
    await asyncio.wait_for(task, 10)
    await bus.close()
    assert [(e.balance, e.user_seq, e.kind) for e in received] == [
        (9, 1, EventKind.EVENT),
        (8, 2, EventKind.REPLAY),
        (7, 3, EventKind.REPLAY),
    ]
