"""Queue positions are pushed while a batch waits, over a real WebSocket: ``batchProgress`` and ``myEvents``
subscribers get an event when the position changes, coalesced to one per interval per batch, and what they were
last told is what a later subscriber's snapshot says.

The batches wait in a queue that runs nothing (``DeadQueue``); the queue moves when a client cancels the batches
ahead, through the API. The publisher's latest-values store gets a clock the test moves, so "within the interval"
does not depend on how fast this machine is.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import Any

import pytest
from starlette.applications import Starlette
from websockets.asyncio.client import ClientConnection

from models import BatchJob, BatchStatus, GenerationMode, JobOutbox, User
from services.generation.cancel import cancel
from services.generation.plan import SubmitRequest
from services.generation.submit import submit
from services.infra.bus import RedisBus
from services.infra.latest import InProcessLatest, RedisLatest
from services.progress.follow import follow_batch
from services.progress.publisher import ProgressPublisher
from tests.conftest import GQL, TEST_REDIS_URL, Caller, MakeCaller
from tests.generation_support import new_project
from tests.graph.test_subscriptions import socket, subscribe
from tests.services.generation.test_reconcile import DeadQueue

PROGRESS = """subscription($id: ID!) { batchProgress(batchJobId: $id) {
  seq status kind queuePosition queueWaitSeconds etaSeconds etaAt at } }"""
MY_EVENTS = """subscription { myEvents { __typename
  ... on BatchProgressEvent { batchJobId seq status kind queuePosition }
  ... on CreditBalanceEvent { balance held } } }"""
CANCEL = "mutation($id: ID!) { batchJobCancel(id: $id) { batchJob { status } userErrors { code } } }"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def clock(app: Starlette) -> AsyncIterator[Clock]:
    publisher: ProgressPublisher = app.state.services.publisher
    kept = publisher.latest
    clock = Clock()
    publisher.latest = InProcessLatest(clock=clock)
    yield clock
    await publisher.queue_settled()
    publisher.latest = kept


async def waiting_batches(app: Starlette, gql: GQL, caller: Caller, count: int) -> list[str]:
    """``count`` one-image batches, queued in order and never run (their queue accepts and runs nothing)."""
    project = await new_project(gql, caller)
    runtime = app.state.services
    user = await User.get(subject=caller.subject)
    ids = []
    for index in range(count):
        submitted = await submit(
            user,
            SubmitRequest(
                project_id=project,
                mode=GenerationMode.TEXT_TO_IMAGE,
                prompt=f"waiting {index}",
                count=1,
                size="1024x1024",
            ),
            settings=runtime.settings,
            storage=runtime.storage,
            http=runtime.http,
            queue=DeadQueue(),
            publisher=runtime.publisher,
        )
        # The dead queue "took" it: its outbox row goes, or the app's drainer would hand it to the live queue.
        await JobOutbox.filter(key=submitted.batch.id).delete()
        ids.append(str(submitted.batch.id))
    return ids


class Inbox:
    """One socket's messages, kept per operation id (two operations' messages interleave on a socket)."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.kept: dict[str, list[dict[str, Any]]] = defaultdict(list)

    async def next(self, op: str) -> dict[str, Any]:
        while not self.kept[op]:
            async with asyncio.timeout(30):  # a bound, not a wait: a missing event fails here instead of hanging
                message = json.loads(await self.ws.recv())
            self.kept[message.get("id", "")].append(message)
        message = self.kept[op].pop(0)
        assert message["type"] == "next", message
        data: dict[str, Any] = message["payload"]["data"]
        return data

    async def batch_event(self, batch_id: str) -> dict[str, Any]:
        """The next ``myEvents`` event of ``batch_id`` (balance events and other batches' events are skipped)."""
        while True:
            event: dict[str, Any] = (await self.next("mine"))["myEvents"]
            if event["__typename"] == "BatchProgressEvent" and event["batchJobId"] == batch_id:
                return event


async def test_a_waiting_batch_is_told_each_move_up_the_queue_coalesced_and_as_a_snapshot_says(
    app: Starlette, live_url: str, gql: GQL, make_caller: MakeCaller, clock: Clock
) -> None:
    alice = make_caller("alice")
    publisher: ProgressPublisher = app.state.services.publisher
    first, second, third, last = await waiting_batches(app, gql, alice, 4)

    async with socket(live_url, alice) as ws:
        inbox = Inbox(ws)
        await subscribe(ws, PROGRESS, {"id": last}, op="last")
        await subscribe(ws, MY_EVENTS, {}, op="mine")
        snapshot = (await inbox.next("last"))["batchProgress"]
        assert (snapshot["kind"], snapshot["status"]) == ("SNAPSHOT", "QUEUED")
        start = snapshot["queuePosition"]  # batches other tests left waiting count too: positions are relative
        assert start >= 4
        # A query on the same socket proves myEvents is registered before the queue moves.
        await ws.send(json.dumps({"id": "q", "type": "subscribe", "payload": {"query": "{ me { credits } }"}}))
        await inbox.next("q")

        # The first batch ahead leaves the queue: both streams are told at once.
        assert (await gql(CANCEL, {"id": first}, alice))["data"]["batchJobCancel"]["userErrors"] == []
        moved = (await inbox.next("last"))["batchProgress"]
        assert (moved["kind"], moved["status"], moved["queuePosition"]) == ("EVENT", "QUEUED", start - 1)
        assert moved["seq"] == snapshot["seq"] + 1
        assert moved["etaAt"] is not None
        mine = await inbox.batch_event(last)
        assert (mine["seq"], mine["queuePosition"]) == (moved["seq"], start - 1)

        # Two more leave within the interval: nothing is sent until it ends, then only the latest position.
        for batch_id in (second, third):
            assert (await gql(CANCEL, {"id": batch_id}, alice))["data"]["batchJobCancel"]["userErrors"] == []
        await publisher.queue_settled()
        clock.now += publisher.queue_interval
        coalesced = (await inbox.next("last"))["batchProgress"]
        assert (coalesced["seq"], coalesced["queuePosition"]) == (moved["seq"] + 1, start - 3)
        mine = await inbox.batch_event(last)
        assert (mine["seq"], mine["queuePosition"]) == (coalesced["seq"], start - 3)

    # A later subscriber's snapshot says what the first one was last told.
    async with socket(live_url, alice) as ws:
        await subscribe(ws, PROGRESS, {"id": last}, op="later")
        later = (await Inbox(ws).next("later"))["batchProgress"]
    assert (later["kind"], later["seq"], later["queuePosition"]) == ("SNAPSHOT", coalesced["seq"], start - 3)


async def test_a_queue_move_that_changes_nothing_sends_nothing(
    app: Starlette, live_url: str, gql: GQL, make_caller: MakeCaller, clock: Clock
) -> None:
    alice = make_caller("alice")
    publisher: ProgressPublisher = app.state.services.publisher
    (waiting,) = await waiting_batches(app, gql, alice, 1)
    before = await publisher.history.since(uuid.UUID(waiting), 0)
    assert before is not None
    assert [e.seq for e in before] == [1]
    # Something left the queue behind it (or elsewhere): its position is the same, so no event is numbered.
    publisher.queue_changed()
    await publisher.queue_settled()
    stored = await BatchJob.get(id=waiting)
    assert stored.event_seq == 1
    assert stored.status is BatchStatus.QUEUED


async def test_with_redis_two_processes_push_positions_a_third_follows(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    """As deployed: two API replicas (each its own publisher, bus and Redis connections) cancel batches ahead; a
    follower on a third bus hears every position, coalesced through Redis, ending where a snapshot says."""

    namespace = f"test-{uuid.uuid4().hex[:8]}:"
    buses = [RedisBus(TEST_REDIS_URL, channel_prefix=namespace) for _ in range(3)]
    for bus in buses:
        await bus.start()
    publishers = [
        ProgressPublisher(bus, latest=RedisLatest(TEST_REDIS_URL, prefix=namespace + "latest:")) for bus in buses[:2]
    ]
    alice = make_caller("alice")
    try:
        first, second, third, last = await waiting_batches(app, gql, alice, 4)
        user = await User.get(subject=alice.subject)
        follower = aiter(follow_batch(buses[2], uuid.UUID(last)))
        snapshot = await anext(follower)
        start = snapshot.queue_position
        assert start is not None
        await cancel(user, first, queue=DeadQueue(), publisher=publishers[0])
        moved = await anext(follower)
        assert (moved.seq, moved.queue_position) == (snapshot.seq + 1, start - 1)
        for batch_id in (second, third):  # the other replica, inside or after the interval
            await cancel(user, batch_id, queue=DeadQueue(), publisher=publishers[1])
        positions = [start - 1]
        while positions[-1] != start - 3:
            async with asyncio.timeout(30):
                event = await anext(follower)
            assert event.seq == moved.seq + len(positions)  # in order, none missed
            assert event.queue_position is not None
            positions.append(event.queue_position)
        assert positions == sorted(positions, reverse=True)
        assert len(positions) == len(set(positions))  # never the same position twice
        stored = await BatchJob.get(id=last)
        assert stored.event_seq == snapshot.seq + len(positions)
    finally:
        for publisher in publishers:
            await publisher.queue_settled()
            await publisher.close()
        for bus in buses:
            await bus.close()
