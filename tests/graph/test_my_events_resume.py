"""Resuming ``myEvents`` over a real WebSocket: ``afterSeq`` (a ``userSeq``) replays exactly the events missed while
away, batch events with their images and balance events alike, in order; when they cannot all be replayed (the
user's log expired, or an event was lost to an outage and left a gap), the resume gets a snapshot instead: the open
batches and the balance, each marked SNAPSHOT, and live events go on after it."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from starlette.applications import Starlette
from websockets.asyncio.client import ClientConnection

from models import User
from services.progress.channels import user_channel
from services.progress.history import UserHistory
from services.progress.publisher import ProgressPublisher
from tests.conftest import GQL, Caller, MakeCaller
from tests.generation_support import generate, new_project, wait_until_ended
from tests.graph.test_fanout import until
from tests.graph.test_queue_progress import CANCEL, waiting_batches
from tests.graph.test_subscriptions import socket, subscribe

MY_EVENTS = """subscription($after: Int) { myEvents(afterSeq: $after) { __typename
  ... on BatchProgressEvent { batchJobId seq status terminal completed kind userSeq
    image { imageEditId batchIndex url } images { batchIndex } }
  ... on CreditBalanceEvent { balance held kind userSeq } } }"""


async def ready(ws: ClientConnection, op: str) -> None:
    """Subscribe to ``myEvents`` (as ``op``); a query answered on the same socket after it shows it is registered."""
    await ws.send(json.dumps({"id": "q-" + op, "type": "subscribe", "payload": {"query": "{ me { credits } }"}}))
    while json.loads(await ws.recv()).get("id") != "q-" + op:
        pass


async def next_event(ws: ClientConnection, op: str) -> dict[str, Any]:
    while True:
        async with asyncio.timeout(30):  # a bound, not a wait: a missing event fails here instead of hanging
            message = json.loads(await ws.recv())
        if message.get("id") == op:
            assert message["type"] == "next", message
            event: dict[str, Any] = message["payload"]["data"]["myEvents"]
            return event


async def events_through(ws: ClientConnection, op: str, last: int) -> list[dict[str, Any]]:
    """The events up to the one numbered ``last``."""
    received: list[dict[str, Any]] = []
    while not received or received[-1]["userSeq"] != last:
        received.append(await next_event(ws, op))
    return received


async def user_head(app: Starlette, caller: Caller) -> int:
    publisher: ProgressPublisher = app.state.services.publisher
    await publisher.settled()
    user = await User.get(subject=caller.subject)
    head = await publisher.user_history.head(user.id)
    assert head is not None
    return head


async def test_a_client_that_drops_mid_batch_gets_exactly_the_missed_events_on_resume(
    app: Starlette, live_url: str, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    bus = app.state.services.bus
    channel = user_channel((await User.get(subject=alice.subject)).id)
    async with socket(live_url, alice) as watcher:  # a second tab that stays: the whole stream, for comparison
        await subscribe(watcher, MY_EVENTS, {}, op="all")
        await ready(watcher, "all")
        async with socket(live_url, alice) as dropping:
            await subscribe(dropping, MY_EVENTS, {}, op="mine")
            await ready(dropping, "mine")
            job = await generate(
                gql, alice, projectId=project, mode="SEQUENTIAL", prompt="four owls [[delay:1]]", maxImages=4,
                size="1024x1024",
            )  # fmt: skip
            batch_id = job["batchJob"]["id"]
            seen: list[dict[str, Any]] = []
            while not any(event.get("image") for event in seen):
                seen.append(await next_event(dropping, "mine"))
        # The connection is gone mid-batch (no complete sent); its subscription ends with it, the batch goes on.
        await until(lambda: bus.subscriber_count(channel) == 1)
        await wait_until_ended(app, batch_id)
        last = await user_head(app, alice)
        whole = await events_through(watcher, "all", last)
    last_seen = seen[-1]["userSeq"]
    assert [e["userSeq"] for e in whole] == list(range(whole[0]["userSeq"], last + 1))
    assert seen == [{**e, "kind": "EVENT"} for e in whole[: len(seen)]]

    async with socket(live_url, alice) as again:
        await subscribe(again, MY_EVENTS, {"after": last_seen}, op="again")
        resumed = await events_through(again, "again", last)
    await until(lambda: bus.subscriber_count(channel) == 0)

    missed = [event for event in whole if event["userSeq"] > last_seen]
    assert [e["userSeq"] for e in resumed] == list(range(last_seen + 1, last + 1))
    assert {e["kind"] for e in resumed} == {"REPLAY"}
    assert {e["kind"] for e in whole} == {"EVENT"}
    # The same events as they were published: images, counts, balances.
    assert [{**e, "kind": "EVENT"} for e in resumed] == missed
    images = [e for e in resumed if e["__typename"] == "BatchProgressEvent" and e["image"]]
    before = {e["image"]["batchIndex"] for e in seen if e.get("image")}
    after = {e["image"]["batchIndex"] for e in images}
    assert before | after == {0, 1, 2, 3}
    assert not before & after
    assert any(e["__typename"] == "CreditBalanceEvent" for e in resumed)
    batch_events = [e for e in resumed if e["__typename"] == "BatchProgressEvent"]
    assert batch_events[-1]["terminal"] is True
    assert [e["seq"] for e in batch_events] == sorted(e["seq"] for e in batch_events)


@pytest.mark.parametrize("lost", ["expired", "gap"])
async def test_a_resume_that_cannot_replay_gets_a_snapshot_then_live_events(
    app: Starlette, live_url: str, gql: GQL, make_caller: MakeCaller, lost: str
) -> None:
    alice = make_caller("alice")
    (waiting,) = await waiting_batches(app, gql, alice, 1)
    resume_from = 1
    user = await User.get(subject=alice.subject)
    log = app.state.services.publisher.user_history.log
    if lost == "expired":
        log.forget(UserHistory.key(user.id))
    else:
        log.lose(UserHistory.key(user.id))  # as an event that could not be numbered (Redis unreachable) does
    head = await user_head(app, alice)
    assert head > resume_from

    async with socket(live_url, alice) as ws:
        await subscribe(ws, MY_EVENTS, {"after": resume_from}, op="again")
        snapshot = [await next_event(ws, "again"), await next_event(ws, "again")]
        assert {e["kind"] for e in snapshot} == {"SNAPSHOT"}
        assert {e["userSeq"] for e in snapshot} == {head}
        (batch,) = [e for e in snapshot if e["__typename"] == "BatchProgressEvent"]
        assert (batch["batchJobId"], batch["status"], batch["images"]) == (waiting, "QUEUED", [])
        (balance,) = [e for e in snapshot if e["__typename"] == "CreditBalanceEvent"]
        me = (await gql("{ me { credits } }", None, alice))["data"]["me"]
        assert balance["balance"] == me["credits"]
        assert balance["held"] > 0

        # Live events go on from the snapshot's number.
        assert (await gql(CANCEL, {"id": waiting}, alice))["data"]["batchJobCancel"]["userErrors"] == []
        live = [await next_event(ws, "again")]
        while not live[-1].get("terminal"):
            live.append(await next_event(ws, "again"))
    await until(lambda: app.state.services.bus.subscriber_count(user_channel(user.id)) == 0)
    assert [(e["kind"], e["userSeq"]) for e in live] == [("EVENT", head + 1 + i) for i in range(len(live))]
    assert (live[-1]["batchJobId"], live[-1]["status"]) == (waiting, "CANCELLED")
