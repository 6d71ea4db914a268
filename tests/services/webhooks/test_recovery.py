"""Webhook recording off the generation path, and at least once across a crash (SQLite and PostgreSQL).

A batch's events never wait for webhook bookkeeping: the publisher's observers only queue them for the recorder's
consumer. What that path loses (the process dies after a batch's commit, before its event leaves or before the
recorder writes it) the batch's follow-up job records from SQL: its outbox row is written in the transaction that
creates the batch. The crash is simulated at the two points, then the follow-up runs and the receiver gets every
event once.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from standardwebhooks import Webhook
from starlette.applications import Starlette

from models import DeliveryStatus, WebhookDelivery
from models.jobs import JobOutbox
from services.progress.events import BatchProgress
from services.progress.publisher import ProgressPublisher, Turn
from services.webhooks.deliveries import WebhookRecorder
from services.webhooks.tasks import FOLLOW_BATCH
from tests.conftest import GQL, MakeCaller
from tests.generation_support import generate, new_project, wait_until_ended
from tests.services.webhooks.receiver import Receiver, free_port, serving

EVERY_BATCH_EVENT = [
    "batch.queued",
    "batch.started",
    "batch.image_delivered",
    "batch.image_failed",
    "batch.succeeded",
    "batch.partially_succeeded",
    "batch.failed",
    "batch.cancelled",
]
CREATE = """mutation($input: WebhookEndpointCreateInput!) {
  webhookEndpointCreate(input: $input) { endpoint { id } secret userErrors { code field message } }
}"""


@pytest.fixture(autouse=True)
def _database(app: Starlette) -> None:
    """Every test here reads and writes the app's database (the app's lifespan opens it)."""


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    async with serving(Receiver(free_port())) as served:
        yield served


async def until_acknowledged(receiver: Receiver, event_type: str) -> None:
    async def arrived() -> None:
        while not any(f'"{event_type}"'.encode() in r.body for r in receiver.received):
            receiver.arrived.clear()
            await receiver.arrived.wait()

    await asyncio.wait_for(arrived(), 30)


async def settled(endpoint_id: str) -> list[WebhookDelivery]:
    """The endpoint's deliveries once none is waiting (the receiver answered before the outcome was written)."""

    async def done() -> list[WebhookDelivery]:
        while True:
            rows = await WebhookDelivery.filter(endpoint_id=uuid.UUID(endpoint_id))
            if rows and all(r.status is not DeliveryStatus.PENDING for r in rows):
                return rows
            await asyncio.sleep(0.05)

    return await asyncio.wait_for(done(), 30)


class Crash(RuntimeError):
    """Stands for the process dying at that point."""


def crash_before_publishing_the_end(publisher: ProgressPublisher, batch_id: uuid.UUID) -> Callable[[], None]:
    """The batch's terminal event is committed in SQL and then never leaves (nor reaches the recorder)."""
    original = publisher._emit

    async def emit(batch: uuid.UUID, turn: Turn) -> None:
        if batch == batch_id and any(event.terminal for event in turn.events):
            raise Crash("after the commit, before the publish")
        await original(batch, turn)

    publisher._emit = emit  # type: ignore[method-assign,assignment]
    return lambda: setattr(publisher, "_emit", original)


def crash_before_recording_the_end(recorder: WebhookRecorder, batch_id: uuid.UUID) -> Callable[[], None]:
    """The terminal event leaves, and its webhook recording is lost."""
    original = recorder.record_batch_events

    async def record(events: Sequence[BatchProgress]) -> None:
        if any(e.batch_job_id == batch_id and e.terminal for e in events):
            raise Crash("after the publish, before the recording")
        await original(events)

    recorder.record_batch_events = record  # type: ignore[method-assign]
    return lambda: setattr(recorder, "record_batch_events", original)


@pytest.mark.parametrize("crash_point", ["before_publish", "before_recording"])
async def test_a_crash_between_the_commit_and_the_recording_still_delivers_every_event_once(
    app: Starlette, gql: GQL, make_caller: MakeCaller, receiver: Receiver, crash_point: str
) -> None:
    caller = make_caller(f"crash-{crash_point}")
    body = await gql(CREATE, {"input": {"url": receiver.url, "events": EVERY_BATCH_EVENT}}, caller)
    created = body["data"]["webhookEndpointCreate"]
    assert created["userErrors"] == [], body
    secret, endpoint_id = created["secret"], created["endpoint"]["id"]
    recorder: WebhookRecorder = app.state.webhooks
    publisher: ProgressPublisher = app.state.services.publisher
    project = await new_project(gql, caller)

    # The crash is armed for a batch id known only once it exists: a batch of one image held back by the first
    # event it sends (QUEUED) is enough, since the terminal event comes much later.
    armed: dict[str, Callable[[], None]] = {}
    original_batch_observers = list(publisher.batch_observers)

    async def arm(events: Sequence[BatchProgress]) -> None:
        if not armed and events and events[0].seq == 1:
            batch_id = events[0].batch_job_id
            armed["undo"] = (
                crash_before_publishing_the_end(publisher, batch_id)
                if crash_point == "before_publish"
                else crash_before_recording_the_end(recorder, batch_id)
            )

    publisher.batch_observers.insert(0, arm)
    try:
        batch = (await generate(gql, caller, projectId=project, prompt="crash"))["batchJob"]
        await wait_until_ended(app, batch["id"])  # follows SQL when the terminal event never leaves
        await until_acknowledged(receiver, "batch.image_delivered")
        await recorder.idle()
    finally:
        publisher.batch_observers[:] = original_batch_observers
        if "undo" in armed:
            armed["undo"]()
    assert "undo" in armed
    batch_id = uuid.UUID(batch["id"])
    assert not any(b'"batch.succeeded"' in r.body for r in receiver.received)  # the crash lost it

    # The follow-up's row was written with the batch and is still waiting: the crash cannot have lost it.
    assert await JobOutbox.filter(kind=FOLLOW_BATCH.name, key=batch_id).exists()
    later = datetime.now(UTC) + timedelta(hours=1)  # the batch has been still long enough
    recovered = await recorder.follow(batch_id, now=later)
    assert len(recovered) == 1
    await until_acknowledged(receiver, "batch.succeeded")
    assert await recorder.follow(batch_id, now=later) == []  # a second run (a re-delivered job) adds nothing

    rows = await settled(endpoint_id)
    payloads: list[dict[str, Any]] = [Webhook(secret).verify(r.body, r.headers) for r in receiver.received]
    types = [p["type"] for p in payloads]
    assert sorted(types) == sorted(["batch.queued", "batch.started", "batch.image_delivered", "batch.succeeded"])
    assert len(receiver.acknowledged) == len(set(receiver.acknowledged)) == len(rows) == 4
    [end] = [p for p in payloads if p["type"] == "batch.succeeded"]
    assert end["data"]["batchJobId"] == batch["id"]
    assert (end["data"]["status"], end["data"]["completed"], end["data"]["terminal"]) == ("SUCCEEDED", 1, True)
    await JobOutbox.filter(kind=FOLLOW_BATCH.name, key=batch_id).delete()  # its later runs would add nothing


async def test_batches_do_not_wait_for_webhook_recording(
    app: Starlette, gql: GQL, make_caller: MakeCaller, receiver: Receiver
) -> None:
    """While the recorder is held (its database work blocked), a batch still runs to its end; the deliveries follow
    once it is released."""
    caller = make_caller("off-path")
    body = await gql(CREATE, {"input": {"url": receiver.url, "events": EVERY_BATCH_EVENT}}, caller)
    created = body["data"]["webhookEndpointCreate"]
    endpoint_id = created["endpoint"]["id"]
    recorder: WebhookRecorder = app.state.webhooks
    release = asyncio.Event()
    original = recorder.record_batch_events

    async def held(events: Sequence[BatchProgress]) -> None:
        await release.wait()
        await original(events)

    recorder.record_batch_events = held  # type: ignore[method-assign]
    try:
        project = await new_project(gql, caller)
        batch = (await generate(gql, caller, projectId=project, prompts=["a", "b"]))["batchJob"]
        await wait_until_ended(app, batch["id"])
        assert not await WebhookDelivery.filter(endpoint_id=uuid.UUID(endpoint_id)).exists()
    finally:
        release.set()
        recorder.record_batch_events = original  # type: ignore[method-assign]
    await until_acknowledged(receiver, "batch.succeeded")
    rows = await settled(endpoint_id)
    assert sorted(r.event_type for r in rows) == sorted(
        ["batch.queued", "batch.started", "batch.image_delivered", "batch.image_delivered", "batch.succeeded"]
    )
    await JobOutbox.filter(kind=FOLLOW_BATCH.name, key=uuid.UUID(batch["id"])).delete()
