"""Live progress over a real WebSocket: snapshot first, then rising seq, terminal, complete; owner-only."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from websockets.asyncio.client import ClientConnection, connect

from tests.conftest import GQL, Caller, MakeCaller
from tests.generation_support import generate, new_project, wait_until_ended

PROTOCOL = "graphql-transport-ws"
PROGRESS = """
subscription($id: ID!, $after: Int) {
  batchProgress(batchJobId: $id, afterSeq: $after) {
    seq status terminal total completed failed fraction queuePosition etaSeconds creditsHeld creditsCaptured
    image { batchIndex url width height }
  }
}"""
MY_EVENTS = """
subscription {
  myEvents {
    __typename
    ... on BatchProgressEvent { batchJobId seq status terminal }
    ... on CreditBalanceEvent { balance }
  }
}"""


@asynccontextmanager
async def socket(live_url: str, caller: Caller) -> AsyncIterator[ClientConnection]:
    async with connect(f"ws://{live_url}/graphql", subprotocols=[PROTOCOL]) as ws:  # type: ignore[list-item]
        await ws.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {caller.token}"}}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        yield ws


async def subscribe(ws: ClientConnection, query: str, variables: dict[str, Any], op: str = "1") -> None:
    await ws.send(json.dumps({"id": op, "type": "subscribe", "payload": {"query": query, "variables": variables}}))


async def messages_until_complete(ws: ClientConnection, op: str = "1") -> list[dict[str, Any]]:
    received: list[dict[str, Any]] = []
    while True:
        message = json.loads(await ws.recv())
        if message.get("id") != op:
            continue
        received.append(message)
        if message["type"] in {"complete", "error"}:
            return received


async def test_second_tab_sees_each_image_then_the_end(
    app: Starlette, live_url: str, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    job = (
        await generate(
            gql,
            alice,
            projectId=project,
            mode="SEQUENTIAL",
            prompt="six foxes [[delay:1]]",
            maxImages=6,
            size="1024x1024",
        )
    )["batchJob"]
    async with socket(live_url, alice) as ws:
        await subscribe(ws, PROGRESS, {"id": job["id"]})
        messages = await messages_until_complete(ws)
    assert messages[-1] == {"id": "1", "type": "complete"}
    events = [m["payload"]["data"]["batchProgress"] for m in messages[:-1]]
    seqs = [e["seq"] for e in events]
    assert seqs == sorted(set(seqs)), "seq must rise strictly"
    first = events[0]
    assert first["status"] in {"QUEUED", "RUNNING"}
    assert first["total"] == 6
    assert first["creditsHeld"] == 6
    with_images = [e for e in events if e["image"]]
    assert sorted(e["image"]["batchIndex"] for e in with_images) == list(range(6))
    assert [e["completed"] for e in with_images] == sorted(e["completed"] for e in with_images)
    assert all(e["image"]["url"].startswith("/media/") for e in with_images)
    last = events[-1]
    assert last["terminal"] is True
    assert (last["status"], last["completed"], last["fraction"]) == ("SUCCEEDED", 6, 1.0)
    assert (last["creditsHeld"], last["creditsCaptured"]) == (0, 6)
    assert last["etaSeconds"] is None
    assert not any(e["terminal"] for e in events[:-1])


async def test_resuming_after_a_seq_skips_what_the_client_has(
    app: Starlette, live_url: str, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    job = (await generate(gql, alice, projectId=project, mode="TEXT_TO_IMAGE", prompt="done", size="1024x1024"))[
        "batchJob"
    ]
    await wait_until_ended(app, job["id"])
    async with socket(live_url, alice) as ws:
        await subscribe(ws, PROGRESS, {"id": job["id"]})
        everything = await messages_until_complete(ws)
        final_seq = everything[0]["payload"]["data"]["batchProgress"]["seq"]
        assert everything[0]["payload"]["data"]["batchProgress"]["terminal"] is True

        await subscribe(ws, PROGRESS, {"id": job["id"], "after": final_seq}, op="2")
        assert await messages_until_complete(ws, op="2") == [{"id": "2", "type": "complete"}]

        await subscribe(ws, PROGRESS, {"id": job["id"], "after": final_seq - 1}, op="3")
        resumed = await messages_until_complete(ws, op="3")
        assert [m["payload"]["data"]["batchProgress"]["seq"] for m in resumed[:-1]] == [final_seq]


async def test_another_user_cannot_subscribe_to_your_batch(
    app: Starlette, live_url: str, gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    project = await new_project(gql, alice)
    job = (await generate(gql, alice, projectId=project, mode="TEXT_TO_IMAGE", prompt="private", size="1024x1024"))[
        "batchJob"
    ]
    async with socket(live_url, bob) as ws:
        await subscribe(ws, PROGRESS, {"id": job["id"]})
        messages = await messages_until_complete(ws)
    assert [m["type"] for m in messages] == ["next", "complete"]
    payload = messages[0]["payload"]
    assert payload["data"] is None
    assert payload["errors"][0]["extensions"]["reason"] == "NOT_FOUND"
    await wait_until_ended(app, job["id"])


async def test_my_events_carry_batches_and_balance(
    app: Starlette, live_url: str, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    async with socket(live_url, alice) as ws:
        await subscribe(ws, MY_EVENTS, {})
        # A query on the same socket proves the subscription is registered before we generate.
        await ws.send(json.dumps({"id": "q", "type": "subscribe", "payload": {"query": "{ me { credits } }"}}))
        await messages_until_complete(ws, op="q")
        job = (await generate(gql, alice, projectId=project, mode="TEXT_TO_IMAGE", prompt="mine", size="1024x1024"))[
            "batchJob"
        ]
        seen: list[dict[str, Any]] = []
        while not any(e.get("terminal") for e in seen):
            message = json.loads(await ws.recv())
            if message.get("id") == "1":
                seen.append(message["payload"]["data"]["myEvents"])
    batch_events = [e for e in seen if e["__typename"] == "BatchProgressEvent"]
    balances = [e["balance"] for e in seen if e["__typename"] == "CreditBalanceEvent"]
    assert {e["batchJobId"] for e in batch_events} == {job["id"]}
    assert batch_events[-1]["status"] == "SUCCEEDED"
    assert balances[0] == 19  # the hold
    assert balances[-1] == 19  # captured, nothing refunded
