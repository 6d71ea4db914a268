"""Resuming a progress subscription over a real WebSocket: ``afterSeq`` replays exactly the missed events (image
events included), or, once the batch's log no longer has them, a snapshot that lists every delivered image.

Each test runs the shared fan-out path (``app.websocket``) and Strawberry's own path (the resolver's
``follow_batch``; a fragment at the root keeps a document off the shared path)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from starlette.applications import Starlette

from tests.conftest import GQL, MakeCaller
from tests.generation_support import generate, new_project, wait_until_ended
from tests.graph.test_subscriptions import messages_until_complete, socket, subscribe

FIELDS = """seq status terminal completed kind at etaAt
    image { imageEditId batchIndex url }
    images { imageEditId batchIndex url }"""
FIELD = "batchProgress(batchJobId: $id, afterSeq: $after) { " + FIELDS + " }"
SHARED = "subscription($id: ID!, $after: Int) { " + FIELD + " }"
OWN = "subscription($id: ID!, $after: Int) { ...Progress } fragment Progress on Subscription { " + FIELD + " }"


def events(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    assert messages[-1]["type"] == "complete", messages[-1]
    return [m["payload"]["data"]["batchProgress"] for m in messages[:-1]]


async def a_batch_of_four(gql: GQL, caller: Any) -> str:
    project = await new_project(gql, caller)
    job = await generate(
        gql, caller, projectId=project, mode="SEQUENTIAL", prompt="four owls [[delay:1]]", maxImages=4, size="1024x1024"
    )
    batch_id: str = job["batchJob"]["id"]
    return batch_id


@pytest.mark.parametrize("document", [SHARED, OWN], ids=["shared", "own"])
async def test_a_client_that_drops_mid_batch_gets_exactly_the_missed_events_on_resume(
    app: Starlette, live_url: str, gql: GQL, make_caller: MakeCaller, document: str
) -> None:
    alice = make_caller("alice")
    batch_id = await a_batch_of_four(gql, alice)
    async with socket(live_url, alice) as watcher:  # a second tab that stays: the whole stream, for comparison
        await subscribe(watcher, document, {"id": batch_id}, op="all")
        async with socket(live_url, alice) as dropping:
            await subscribe(dropping, document, {"id": batch_id})
            seen: list[dict[str, Any]] = []
            while not any(event["image"] for event in seen):
                message = json.loads(await dropping.recv())
                assert message["type"] == "next", message
                seen.append(message["payload"]["data"]["batchProgress"])
        # The connection is gone (no complete sent); the batch goes on.
        whole = events(await messages_until_complete(watcher, op="all"))
    await wait_until_ended(app, batch_id)
    last_seen = seen[-1]["seq"]

    async with socket(live_url, alice) as again:
        await subscribe(again, document, {"id": batch_id, "after": last_seen})
        resumed = events(await messages_until_complete(again))

    missed = [event for event in whole if event["seq"] > last_seen]
    assert [e["seq"] for e in resumed] == [e["seq"] for e in missed] == list(range(last_seen + 1, whole[-1]["seq"] + 1))
    assert {e["kind"] for e in resumed} == {"REPLAY"}
    assert {e["kind"] for e in whole[1:]} == {"EVENT"}
    assert whole[0]["kind"] == "SNAPSHOT"
    # The same events as they were published: images, counts and stamps.
    strip = ("kind",)
    assert [{k: v for k, v in e.items() if k not in strip} for e in resumed] == [
        {k: v for k, v in e.items() if k not in strip} for e in missed
    ]
    before = {e["image"]["batchIndex"] for e in seen if e["image"]}
    after = {e["image"]["batchIndex"] for e in resumed if e["image"]}
    assert before | after == {0, 1, 2, 3}
    assert not before & after
    assert resumed[-1]["terminal"] is True
    assert resumed[-1]["etaAt"] is None


@pytest.mark.parametrize("document", [SHARED, OWN], ids=["shared", "own"])
async def test_when_the_log_is_gone_the_resume_gets_a_snapshot_listing_every_image(
    app: Starlette, live_url: str, gql: GQL, make_caller: MakeCaller, document: str
) -> None:
    alice = make_caller("alice")
    batch_id = await a_batch_of_four(gql, alice)
    await wait_until_ended(app, batch_id)
    app.state.services.publisher.history.log.forget(f"batch:{batch_id}")  # expired, or evicted

    async with socket(live_url, alice) as ws:
        await subscribe(ws, document, {"id": batch_id, "after": 1})
        resumed = events(await messages_until_complete(ws))

    assert len(resumed) == 1
    snapshot = resumed[0]
    assert (snapshot["kind"], snapshot["terminal"], snapshot["completed"]) == ("SNAPSHOT", True, 4)
    assert [image["batchIndex"] for image in snapshot["images"]] == [0, 1, 2, 3]
    assert all(image["url"].startswith("/media/") for image in snapshot["images"])
    assert len({image["imageEditId"] for image in snapshot["images"]}) == 4


async def test_a_first_subscription_gets_a_snapshot_with_the_images_so_far(
    app: Starlette, live_url: str, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    batch_id = await a_batch_of_four(gql, alice)
    await wait_until_ended(app, batch_id)
    async with socket(live_url, alice) as ws:
        await subscribe(ws, SHARED, {"id": batch_id})
        (snapshot,) = events(await messages_until_complete(ws))
    assert snapshot["kind"] == "SNAPSHOT"
    assert [image["batchIndex"] for image in snapshot["images"]] == [0, 1, 2, 3]
