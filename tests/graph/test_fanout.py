"""Shared progress fan-out over real sockets: one feed and one execution per shape, the bytes Strawberry's own path
sends, a reference client (gql) that sees a normal stream, and the WebSocket caps (message size, sockets and live
subscriptions per user)."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

import pytest
from gql import Client as GqlClient
from gql import GraphQLRequest
from gql.transport.websockets import WebsocketsTransport
from starlette.applications import Starlette
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from app.websocket import ProgressFanout
from services.infra.rate_limits import Budget, create_rate_limiter
from services.progress.channels import batch_channel
from tests.conftest import GQL, Caller, MakeCaller
from tests.generation_support import generate, new_project, wait_until_ended
from tests.security.support import swapped_services

PROTOCOL = "graphql-transport-ws"
FIELDS = "seq status terminal total completed failed fraction queuePosition etaSeconds creditsHeld at"
PROGRESS = f"subscription($id: ID!) {{ batchProgress(batchJobId: $id) {{ {FIELDS} }} }}"
# The same selection through Strawberry's own path (a root fragment is not shared): the oracle.
UNSHARED = (
    "subscription($id: ID!) { ...Progress } "
    f"fragment Progress on Subscription {{ batchProgress(batchJobId: $id) {{ {FIELDS} }} }}"
)
NARROW = "subscription($id: ID!) { progress: batchProgress(batchJobId: $id) { seq terminal } }"
CANCEL = "mutation($id: ID!) { batchJobCancel(id: $id) { batchJob { status } userErrors { code } } }"
SLOW = "one slow owl [[delay:30]]"


@asynccontextmanager
async def socket(live_url: str, caller: Caller) -> AsyncIterator[ClientConnection]:
    async with connect(f"ws://{live_url}/graphql", subprotocols=[PROTOCOL]) as ws:  # type: ignore[list-item]
        await ws.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {caller.token}"}}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        yield ws


async def subscribe(ws: ClientConnection, op: str, query: str, variables: dict[str, Any]) -> None:
    await ws.send(json.dumps({"id": op, "type": "subscribe", "payload": {"query": query, "variables": variables}}))


async def frames_until_complete(ws: ClientConnection, op: str) -> list[str]:
    """The raw text of every message of operation ``op`` up to and including its complete (or error)."""
    received: list[str] = []
    while True:
        text = await asyncio.wait_for(ws.recv(), 30)
        assert isinstance(text, str)
        message = json.loads(text)
        if message.get("id") != op:
            continue
        received.append(text)
        if message["type"] in {"complete", "error"}:
            return received


async def closed_with(ws: ClientConnection) -> tuple[int | None, str | None]:
    try:
        while True:
            await asyncio.wait_for(ws.recv(), 30)
    except ConnectionClosed:
        return ws.close_code, ws.close_reason


async def until(condition: Callable[[], bool]) -> None:
    """Wait for a condition the server reaches asynchronously (a socket's cleanup after the client left)."""
    async with asyncio.timeout(10):
        while True:
            if condition():
                return
            await asyncio.sleep(0.01)  # polling a condition, not a fixed wait


async def slow_batch(gql: GQL, caller: Caller) -> str:
    project = await new_project(gql, caller)
    job = await generate(gql, caller, projectId=project, mode="TEXT_TO_IMAGE", prompt=SLOW, size="1024x1024")
    batch_id: str = job["batchJob"]["id"]
    return batch_id


async def test_sockets_on_one_batch_share_one_feed_and_get_the_bytes_strawberry_sends(
    app: Starlette, live_url: str, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    batch_id = await slow_batch(gql, alice)
    fanout: ProgressFanout = app.state.fanout
    bus = app.state.services.bus
    channel = batch_channel(batch_id)
    async with AsyncExitStack() as stack:
        a, b, c, d = [await stack.enter_async_context(socket(live_url, alice)) for _ in range(4)]
        await subscribe(a, "a", PROGRESS, {"id": batch_id})
        await subscribe(b, "b", PROGRESS, {"id": batch_id})
        await subscribe(c, "c", NARROW, {"id": batch_id})
        await subscribe(d, "d", UNSHARED, {"id": batch_id})
        firsts = [json.loads(await ws.recv()) for ws in (a, b, c, d)]
        assert [m["type"] for m in firsts] == ["next"] * 4

        # a, b and c are one feed; d is a subscription of its own: two bus subscribers in all, and two shapes.
        assert bus.subscriber_count(channel) == 2
        assert len([key for key in fanout.shapes if str(key[-1]) == batch_id]) == 2

        publisher = app.state.services.publisher
        for _ in range(3):
            await publisher.changed(uuid.UUID(batch_id))
        cancelled = await gql(CANCEL, {"id": batch_id}, alice)
        assert cancelled["data"]["batchJobCancel"]["userErrors"] == []
        streams = {op: await frames_until_complete(ws, op) for op, ws in zip("abcd", (a, b, c, d), strict=True)}

        # Everyone left: the feed is gone and so is its bus subscription.
        await until(lambda: bus.subscriber_count(channel) == 0)
        assert not [key for key in fanout.shapes if str(key[-1]) == batch_id]

    for op, frames in streams.items():
        assert json.loads(frames[-1]) == {"id": op, "type": "complete"}
        events = [json.loads(f)["payload"]["data"] for f in frames[:-1]]
        seqs = [next(iter(e.values()))["seq"] for e in events]
        assert seqs == sorted(set(seqs)), (op, seqs)
        assert next(iter(events[-1].values()))["terminal"] is True

    def by_seq(op: str) -> dict[int, str]:
        return {json.loads(f)["payload"]["data"]["batchProgress"]["seq"]: f for f in streams[op][:-1]}

    shared, oracle = by_seq("a"), by_seq("d")
    common = sorted(set(shared) & set(oracle) & set(by_seq("b")))
    assert len(common) >= 4  # three published events and the terminal one, at least
    for seq in common:
        # Byte for byte what Strawberry's own path sends for the same event, behind each socket's operation id.
        assert shared[seq].replace('"id":"a"', '"id":"d"', 1) == oracle[seq]
        assert by_seq("b")[seq].replace('"id":"b"', '"id":"a"', 1) == shared[seq]
    narrow = [json.loads(f)["payload"]["data"]["progress"] for f in streams["c"][:-1]]
    assert {e["seq"] for e in narrow} >= set(common)
    assert all(set(e) == {"seq", "terminal"} for e in narrow)


async def test_completing_one_shared_subscription_leaves_the_others_running(
    app: Starlette, live_url: str, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    batch_id = await slow_batch(gql, alice)
    publisher = app.state.services.publisher
    async with socket(live_url, alice) as ws:
        await subscribe(ws, "1", PROGRESS, {"id": batch_id})
        await subscribe(ws, "2", PROGRESS, {"id": batch_id})
        first = {json.loads(await ws.recv())["id"] for _ in range(2)}
        assert first == {"1", "2"}
        await ws.send(json.dumps({"id": "1", "type": "complete"}))
        # A query on the same socket proves the server has read the complete before the next event.
        await ws.send(json.dumps({"id": "q", "type": "subscribe", "payload": {"query": "{ me { credits } }"}}))
        await frames_until_complete(ws, "q")
        event = await publisher.changed(uuid.UUID(batch_id))
        message = json.loads(await asyncio.wait_for(ws.recv(), 10))
        assert (message["id"], message["payload"]["data"]["batchProgress"]["seq"]) == ("2", event.seq)
        await gql(CANCEL, {"id": batch_id}, alice)
        rest = await frames_until_complete(ws, "2")
    assert json.loads(rest[-1]) == {"id": "2", "type": "complete"}


async def test_the_gql_client_follows_a_batch_to_its_end(live_url: str, gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    job = (
        await generate(
            gql,
            alice,
            projectId=project,
            mode="SEQUENTIAL",
            prompt="three owls [[delay:1]]",
            maxImages=3,
            size="1024x1024",
        )
    )["batchJob"]
    transport = WebsocketsTransport(
        url=f"ws://{live_url}/graphql",
        init_payload={"Authorization": f"Bearer {alice.token}"},
        subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL],
    )
    request = GraphQLRequest(
        "subscription($id: ID!) { batchProgress(batchJobId: $id) "
        "{ seq status terminal completed image { batchIndex } } }",
        variable_values={"id": job["id"]},
    )
    events: list[dict[str, Any]] = []
    async with asyncio.timeout(60), GqlClient(transport=transport) as session:
        async for result in session.subscribe(request):
            events.append(result["batchProgress"])
    # The stream ended by itself (complete) after the terminal event.
    assert events[-1]["terminal"] is True
    assert (events[-1]["status"], events[-1]["completed"]) == ("SUCCEEDED", 3)
    seqs = [e["seq"] for e in events]
    assert seqs == sorted(set(seqs))
    assert sorted(e["image"]["batchIndex"] for e in events if e["image"]) == [0, 1, 2]


async def test_a_message_over_the_body_cap_closes_the_socket_with_1009(live_url: str, make_caller: MakeCaller) -> None:
    from app.api import RequestGuard

    cap = RequestGuard.MAX_JSON_BYTES
    alice = make_caller("alice")
    async with socket(live_url, alice) as ws:
        # Just under the cap is an ordinary message (a ping with a large payload: answered with a pong).
        await ws.send(json.dumps({"type": "ping", "payload": {"pad": "x" * (cap - 100)}}))
        assert json.loads(await asyncio.wait_for(ws.recv(), 10))["type"] == "pong"
        await ws.send(json.dumps({"type": "ping", "payload": {"pad": "x" * cap}}))
        code, reason = await closed_with(ws)
    assert code == 1009
    assert reason == f"messages are limited to {cap} bytes"


async def test_a_user_holds_at_most_the_capped_number_of_sockets(
    app: Starlette, live_url: str, make_caller: MakeCaller, monkeypatch: pytest.MonkeyPatch
) -> None:
    fanout: ProgressFanout = app.state.fanout
    monkeypatch.setattr(fanout, "max_sockets_per_user", 2)
    alice, bob = make_caller("alice"), make_caller("bob")
    async with AsyncExitStack() as stack:
        first = await stack.enter_async_context(socket(live_url, alice))
        await stack.enter_async_context(socket(live_url, alice))
        async with connect(f"ws://{live_url}/graphql", subprotocols=[PROTOCOL]) as third:  # type: ignore[list-item]
            init = {"type": "connection_init", "payload": {"Authorization": f"Bearer {alice.token}"}}
            await third.send(json.dumps(init))
            code, reason = await closed_with(third)
        assert code == 4429
        assert reason == "Too many open sockets for this user (at most 2)"
        # Another user is not affected.
        async with socket(live_url, bob):
            pass
        # Once one of alice's sockets has closed, she may open another.
        await first.close()
        await until(lambda: sum(fanout.sockets.values()) == 1)
        async with socket(live_url, alice) as again:
            await again.send(json.dumps({"id": "q", "type": "subscribe", "payload": {"query": "{ me { credits } }"}}))
            assert json.loads((await frames_until_complete(again, "q"))[0])["type"] == "next"


async def test_a_user_holds_at_most_the_capped_number_of_live_subscriptions(
    app: Starlette, live_url: str, gql: GQL, make_caller: MakeCaller, monkeypatch: pytest.MonkeyPatch
) -> None:
    fanout: ProgressFanout = app.state.fanout
    monkeypatch.setattr(fanout, "max_subscriptions_per_user", 2)
    alice = make_caller("alice")
    batch_id = await slow_batch(gql, alice)
    alice_id = uuid.UUID((await gql("{ me { id } }", caller=alice))["data"]["me"]["id"])
    my_events = "subscription { myEvents { __typename } }"
    async with socket(live_url, alice) as one, socket(live_url, alice) as two:
        await subscribe(one, "p", PROGRESS, {"id": batch_id})
        assert json.loads(await one.recv())["type"] == "next"
        await subscribe(one, "m", my_events, {})
        # The cap is per user, across her sockets, whichever path serves the subscription.
        await subscribe(two, "x", PROGRESS, {"id": batch_id})
        refused = json.loads(await asyncio.wait_for(two.recv(), 10))
        assert refused == {
            "id": "x",
            "type": "error",
            "payload": [
                {
                    "message": "Too many live subscriptions for this user (at most 2)",
                    "extensions": {"code": "TOO_MANY_SUBSCRIPTIONS"},
                }
            ],
        }
        # Queries still run, and ending a subscription frees its place.
        await one.send(json.dumps({"id": "m", "type": "complete"}))
        await until(lambda: fanout.subscriptions[alice_id] == 1)
        await subscribe(two, "y", PROGRESS, {"id": batch_id})
        assert json.loads(await asyncio.wait_for(two.recv(), 10))["id"] == "y"
        await gql(CANCEL, {"id": batch_id}, alice)
        await frames_until_complete(one, "p")
        await frames_until_complete(two, "y")
    await wait_until_ended(app, batch_id)


async def test_a_batch_followed_live_is_still_not_found_for_another_user(
    app: Starlette, live_url: str, gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    batch_id = await slow_batch(gql, alice)
    fanout: ProgressFanout = app.state.fanout
    async with socket(live_url, alice) as mine, socket(live_url, bob) as theirs:
        await subscribe(mine, "1", PROGRESS, {"id": batch_id})
        assert json.loads(await mine.recv())["type"] == "next"
        assert fanout.feeds.owner_of(uuid.UUID(batch_id)) is not None  # the feed knows whose batch it is
        await subscribe(theirs, "1", PROGRESS, {"id": batch_id})
        refused = [json.loads(f) for f in await frames_until_complete(theirs, "1")]
        await gql(CANCEL, {"id": batch_id}, alice)
        await frames_until_complete(mine, "1")
    assert [m["type"] for m in refused] == ["next", "complete"]
    assert refused[0]["payload"]["data"] is None
    assert refused[0]["payload"]["errors"][0]["extensions"]["reason"] == "NOT_FOUND"


async def test_a_socket_without_connection_init_is_closed_with_4408(
    app: Starlette, live_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import timedelta

    from starlette.routing import WebSocketRoute

    view = next(r.app for r in app.routes if isinstance(r, WebSocketRoute) and r.path == "/graphql")
    monkeypatch.setattr(view, "connection_init_wait_timeout", timedelta(seconds=0.2))
    async with connect(f"ws://{live_url}/graphql", subprotocols=[PROTOCOL]) as ws:  # type: ignore[list-item]
        code, reason = await closed_with(ws)
    assert (code, reason) == (4408, "Connection initialisation timeout")


async def test_a_shared_subscription_counts_against_the_operations_budget(
    app: Starlette, live_url: str, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    batch_id = await slow_batch(gql, alice)
    limiter = create_rate_limiter(None, {Budget.OPERATIONS: "2/minute"}, key_prefix=f"fanout-{uuid.uuid4().hex}")
    try:
        with swapped_services(app, rate_limiter=limiter):
            async with socket(live_url, alice) as ws:
                await subscribe(ws, "1", PROGRESS, {"id": batch_id})
                assert json.loads(await ws.recv())["type"] == "next"
                await subscribe(ws, "2", PROGRESS, {"id": batch_id})
                assert json.loads(await ws.recv())["id"] == "2"
                await subscribe(ws, "3", PROGRESS, {"id": batch_id})
                refused = json.loads((await frames_until_complete(ws, "3"))[-1])
    finally:
        await limiter.close()
    await gql(CANCEL, {"id": batch_id}, alice)
    assert refused["type"] == "error", refused
    assert refused["payload"][0]["extensions"]["code"] == "RATE_LIMITED"
