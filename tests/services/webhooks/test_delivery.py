"""Webhook deliveries to a real HTTP receiver on loopback, verified with the official ``standardwebhooks`` library.

End to end through the app (a batch's events reach the receiver, signed), and attempt by attempt with `Deliverer`
and an injected clock: retries after 500s, timeouts and refused connections, a receiver down for a while, secret
rotation, an endpoint disabled after days of failures, SSRF refused with no request made. On SQLite and PostgreSQL.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError
from starlette.applications import Starlette

from models import DeliveryStatus, User, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from models.jobs import JobOutbox
from services.core.config import Environment, Settings
from services.core.errors import InvalidInput
from services.webhooks import deliveries, endpoints
from services.webhooks.tasks import DELIVER_WEBHOOK, Deliverer
from tests.conftest import GQL, MakeCaller
from tests.generation_support import generate, new_project, wait_until_ended
from tests.services.webhooks.receiver import Receiver, free_port, serving

BATCH_EVENTS = [
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
  webhookEndpointCreate(input: $input) { endpoint { id url events enabled } secret userErrors { code field message } }
}"""
DELIVERIES = """query($id: ID!) {
  webhookDeliveries(endpointId: $id, first: 100) {
    edges { node { eventId eventType seq status attemptCount attempts { statusCode latencyMs error nextRetryAt } } }
  }
}"""


class Clock:
    """Time as the deliverer sees it, moved by the test (10 days ahead of the real one: the app's own drainer never
    finds the rows these tests schedule due, so only the test runs their attempts)."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC) + timedelta(days=10)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(autouse=True)
def _database(app: Starlette) -> None:
    """Every test here reads and writes the app's database (the app's lifespan opens it)."""


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    async with serving(Receiver(free_port())) as served:
        yield served


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(trust_env=False, follow_redirects=False) as client:
        yield client


def verify(secret: str, received: Any) -> dict[str, Any]:
    payload: dict[str, Any] = Webhook(secret).verify(received.body, received.headers)
    return payload


async def make_endpoint(settings: Settings, user: User, url: str, events: list[str]) -> tuple[WebhookEndpoint, str]:
    return await endpoints.create(user.id, endpoints.EndpointChanges(url=url, events=events), settings)


async def record_events(endpoint: WebhookEndpoint, count: int, batch_id: uuid.UUID | None = None) -> list[uuid.UUID]:
    """``count`` events of one batch (seq 1..count) for the endpoint, as the recorder writes them; no queue."""
    batch = batch_id or uuid.uuid4()
    new = [
        deliveries.NewDelivery(
            endpoint_id=endpoint.id,
            owner_id=endpoint.owner_id,
            event_id=f"evt_{batch.hex}_{seq}",
            event_type="batch.image_delivered",
            payload={"id": f"evt_{batch.hex}_{seq}", "type": "batch.image_delivered", "data": {"seq": seq}},
            batch_job_id=batch,
            seq=seq,
        )
        for seq in range(1, count + 1)
    ]
    return await deliveries.record(new, None)


async def user_named(prefix: str) -> User:
    return await User.create(id=uuid.uuid4(), subject=f"{prefix}-{uuid.uuid4().hex[:8]}", credits=0)


async def test_a_batch_reaches_the_receiver_signed_in_seq_order(
    app: Starlette, gql: GQL, make_caller: MakeCaller, receiver: Receiver
) -> None:
    alice = make_caller("alice")
    body = await gql(CREATE, {"input": {"url": receiver.url, "events": BATCH_EVENTS}}, alice)
    created = body["data"]["webhookEndpointCreate"]
    assert created["userErrors"] == [], body
    secret, endpoint_id = created["secret"], created["endpoint"]["id"]
    assert secret.startswith("whsec_")
    project = await new_project(gql, alice)
    batch = (await generate(gql, alice, projectId=project, prompts=["one", "two"]))["batchJob"]
    await wait_until_ended(app, batch["id"])

    async def terminal_arrived() -> None:
        while not any(b'"batch.succeeded"' in r.body for r in receiver.received):
            receiver.arrived.clear()
            await receiver.arrived.wait()

    await asyncio.wait_for(terminal_arrived(), 30)
    payloads = [verify(secret, r) for r in receiver.received]  # the official library accepts every one
    types = [p["type"] for p in payloads]
    assert (types[0], types[-1]) == ("batch.queued", "batch.succeeded"), types
    assert "batch.started" in types, types
    assert types.count("batch.image_delivered") == 2, types
    assert [p["data"]["seq"] for p in payloads] == sorted(p["data"]["seq"] for p in payloads)
    for payload, received in zip(payloads, receiver.received, strict=True):
        assert payload["id"] == received.headers["webhook-id"]
        assert payload["data"]["batchJobId"] == batch["id"]
        assert {"status", "completed", "failed", "fraction", "creditsCaptured", "at"} <= payload["data"].keys()
        assert "userId" not in payload["data"]

    async def settled() -> list[dict[str, Any]]:
        # The receiver answered before the deliverer wrote the outcome: poll the log (a condition, bounded).
        while True:
            log = await gql(DELIVERIES, {"id": endpoint_id}, alice)
            found = [edge["node"] for edge in log["data"]["webhookDeliveries"]["edges"]]
            if all(n["status"] != "PENDING" for n in found):
                return found
            await asyncio.sleep(0.05)

    nodes = await asyncio.wait_for(settled(), 30)
    assert len(nodes) == len(payloads)
    assert {n["status"] for n in nodes} == {"SUCCEEDED"}
    assert all(n["attempts"][0]["statusCode"] == 204 for n in nodes)


async def test_failed_attempts_are_retried_on_the_schedule_until_one_succeeds(
    settings: Settings, receiver: Receiver, http: httpx.AsyncClient
) -> None:
    clock = Clock()
    fast = settings.model_copy(update={"webhooks_timeout_seconds": 0.5})
    deliver = Deliverer(fast, http, clock=clock)
    user = await user_named("retry")
    endpoint, secret = await make_endpoint(settings, user, receiver.url, ["batch.image_delivered"])
    [delivery_id] = await record_events(endpoint, 1)

    receiver.answer = "error"
    await deliver(delivery_id)
    first = await WebhookDelivery.get(id=delivery_id)
    assert (first.status, first.attempts, first.last_status_code) == (DeliveryStatus.PENDING, 1, 500)
    assert first.next_attempt_at is not None
    wait = (first.next_attempt_at - clock.now).total_seconds()
    assert 4.0 <= wait <= 6.0  # 5 s, with jitter
    row = await JobOutbox.get(kind=DELIVER_WEBHOOK.name, key=delivery_id)
    assert row.due_at == first.next_attempt_at  # the retry is a job of record, due then

    await deliver(delivery_id)  # handed over early: nothing is sent before the due time
    assert len(receiver.received) == 1

    clock.now = first.next_attempt_at
    receiver.answer = "hang"
    await deliver(delivery_id)
    second = await WebhookDelivery.get(id=delivery_id)
    assert (second.attempts, second.last_status_code) == (2, None)
    assert second.last_error is not None
    assert second.last_error.startswith("timed out")

    assert second.next_attempt_at is not None
    clock.now = second.next_attempt_at
    receiver.release.set()
    async with serving(Receiver(free_port())) as elsewhere:
        refused_url = elsewhere.url
    await WebhookEndpoint.filter(id=endpoint.id).update(url=refused_url)  # nobody listens there any more
    await deliver(delivery_id)
    third = await WebhookDelivery.get(id=delivery_id)
    assert third.attempts == 3
    assert third.last_error is not None
    assert "ConnectError" in third.last_error

    assert third.next_attempt_at is not None
    clock.now = third.next_attempt_at
    receiver.answer = "ok"
    await WebhookEndpoint.filter(id=endpoint.id).update(url=receiver.url)
    await deliver(delivery_id)
    done = await WebhookDelivery.get(id=delivery_id)
    assert (done.status, done.attempts, done.last_status_code) == (DeliveryStatus.SUCCEEDED, 4, 204)
    assert (await WebhookEndpoint.get(id=endpoint.id)).failing_since is None
    attempts = await WebhookAttempt.filter(delivery_id=delivery_id).order_by("attempted_at")
    assert [a.status_code for a in attempts] == [500, None, None, 204]
    assert [a.next_retry_at is not None for a in attempts] == [True, True, True, False]
    # Every attempt carried the same webhook-id; the receiver acknowledged it once.
    assert {r.headers["webhook-id"] for r in receiver.received} == {done.event_id}
    assert receiver.acknowledged == [done.event_id]
    verify(secret, receiver.received[-1])


async def test_a_receiver_down_for_a_while_gets_every_event_once_in_order(
    settings: Settings, http: httpx.AsyncClient
) -> None:
    clock = Clock()
    deliver = Deliverer(settings, http, clock=clock)
    user = await user_named("down")
    port = free_port()
    down = Receiver(port)
    endpoint, secret = await make_endpoint(settings, user, down.url, ["batch.image_delivered"])
    ids = await record_events(endpoint, 5)
    for delivery_id in ids:  # nobody listens: the first fails, the later ones wait behind it
        await deliver(delivery_id)
    rows = await WebhookDelivery.filter(id__in=ids).order_by("seq")
    assert [r.attempts for r in rows] == [1, 0, 0, 0, 0]
    assert all(r.status is DeliveryStatus.PENDING for r in rows)

    async with serving(down) as receiver:
        for _ in range(50):  # run whatever is due, moving the clock to the next due time
            pending = await WebhookDelivery.filter(id__in=ids, status=DeliveryStatus.PENDING).order_by(
                "next_attempt_at", "seq"
            )
            if not pending:
                break
            first = pending[0]
            assert first.next_attempt_at is not None
            clock.now = max(clock.now, first.next_attempt_at)
            await deliver(first.id)
        assert len(receiver.acknowledged) == len(set(receiver.acknowledged)) == 5
        seqs = [verify(secret, r)["data"]["seq"] for r in receiver.received]
    assert seqs == [1, 2, 3, 4, 5]


async def test_after_a_rotation_deliveries_carry_both_signatures_for_a_day(
    settings: Settings, receiver: Receiver, http: httpx.AsyncClient
) -> None:
    clock = Clock()
    deliver = Deliverer(settings, http, clock=clock)
    user = await user_named("rotate")
    endpoint, old = await make_endpoint(settings, user, receiver.url, ["batch.image_delivered"])
    _, new = await endpoints.rotate_secret(user.id, endpoint.id, now=clock.now)
    assert new != old
    first, second = await record_events(endpoint, 2)
    await deliver(first)
    during = receiver.received[-1]
    assert len(during.headers["webhook-signature"].split(" ")) == 2
    verify(new, during)
    verify(old, during)  # a receiver still on the old secret keeps working meanwhile

    clock.advance(hours=24, seconds=1)
    await deliver(second)
    after = receiver.received[-1]
    verify(new, after)
    with pytest.raises(WebhookVerificationError):
        verify(old, after)


async def test_an_endpoint_failing_for_days_is_disabled_with_the_reason(
    settings: Settings, receiver: Receiver, http: httpx.AsyncClient
) -> None:
    clock = Clock()
    deliver = Deliverer(settings, http, clock=clock)
    user = await user_named("disable")
    endpoint, _ = await make_endpoint(settings, user, receiver.url, ["batch.image_delivered"])
    first, second = await record_events(endpoint, 2, batch_id=None)
    receiver.answer = "error"
    await WebhookEndpoint.filter(id=endpoint.id).update(failing_since=clock.now - timedelta(hours=72))
    await deliver(first)
    disabled = await WebhookEndpoint.get(id=endpoint.id)
    assert not disabled.enabled
    assert disabled.disabled_reason is not None
    assert "HTTP 500" in disabled.disabled_reason
    assert {d.status for d in await WebhookDelivery.filter(id__in=[first, second])} == {DeliveryStatus.FAILED}
    sent = len(receiver.received)
    await deliver(second)
    assert len(receiver.received) == sent  # nothing more goes to a disabled endpoint


async def test_redirects_are_not_followed(settings: Settings, receiver: Receiver, http: httpx.AsyncClient) -> None:
    clock = Clock()
    user = await user_named("redirect")
    endpoint, _ = await make_endpoint(settings, user, receiver.url, ["batch.image_delivered"])
    [delivery_id] = await record_events(endpoint, 1)
    receiver.answer = "redirect"
    await Deliverer(settings, http, clock=clock)(delivery_id)
    delivery = await WebhookDelivery.get(id=delivery_id)
    assert (delivery.status, delivery.last_status_code) == (DeliveryStatus.PENDING, 302)
    assert len(receiver.received) == 1


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/hook",
        "http://localhost/hook",
        "http://10.0.0.7/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/hook",
        "http://2130706433/hook",
        "https://user:secret@93.184.215.14/hook",
        "ftp://93.184.215.14/hook",
        "not a url",
    ],
)
async def test_unsafe_urls_are_refused_naming_the_field_and_nothing_is_saved(settings: Settings, url: str) -> None:
    strict = settings.model_copy(update={"webhooks_allow_private_addresses": False})
    user = await user_named("ssrf")
    with pytest.raises(InvalidInput) as refused:
        await endpoints.create(user.id, endpoints.EndpointChanges(url=url, events=["batch.succeeded"]), strict)
    assert refused.value.field == ["input", "url"]
    assert not await WebhookEndpoint.filter(owner_id=user.id).exists()


async def test_a_host_that_resolves_inward_at_delivery_time_gets_no_request(
    settings: Settings, receiver: Receiver, http: httpx.AsyncClient
) -> None:
    """DNS rebinding: the name was public when the endpoint was made; at delivery it answers loopback."""
    strict = settings.model_copy(update={"webhooks_allow_private_addresses": False})

    async def rebound(host: str) -> list[str]:
        return ["127.0.0.1"]

    clock = Clock()
    user = await user_named("rebind")
    endpoint = await WebhookEndpoint.create(
        id=uuid.uuid4(),
        owner_id=user.id,
        url=f"http://hooks.example.com:{receiver.port}/hook",
        events=["batch.image_delivered"],
        secret="whsec_" + "A" * 44,
    )
    [delivery_id] = await record_events(endpoint, 1)
    await Deliverer(strict, http, clock=clock, resolver=rebound)(delivery_id)
    delivery = await WebhookDelivery.get(id=delivery_id)
    assert delivery.last_error is not None
    assert delivery.last_error.startswith("refused")
    assert receiver.received == []


async def test_production_accepts_https_only(settings: Settings) -> None:
    production = settings.model_copy(update={"environment": Environment.PRODUCTION})
    user = await user_named("https")
    with pytest.raises(InvalidInput) as refused:
        await endpoints.create(
            user.id, endpoints.EndpointChanges(url="http://93.184.215.14/hook", events=["batch.failed"]), production
        )
    assert refused.value.field == ["input", "url"]
    assert "https" in refused.value.message


async def test_bad_input_is_a_user_error_naming_the_field(gql: GQL, make_caller: MakeCaller) -> None:
    bob = make_caller("bob")
    cases = [
        ({"url": "http://127.0.0.1:9/hook", "events": ["batch.nope"]}, ["input", "events"]),
        ({"url": "http://127.0.0.1:9/hook", "events": []}, ["input", "events"]),
        ({"url": "http://127.0.0.1:9/" + "x" * 3000, "events": ["batch.failed"]}, ["input", "url"]),
        ({"url": "http://127.0.0.1:9/hook", "events": ["batch.failed"], "description": "d" * 501}, None),
    ]
    for values, field in cases:
        body = await gql(CREATE, {"input": values}, bob)
        payload = body["data"]["webhookEndpointCreate"]
        assert (payload["endpoint"], payload["secret"]) == (None, None), body
        assert [e["code"] for e in payload["userErrors"]] == ["INVALID"], body
        if field is not None:
            assert payload["userErrors"][0]["field"] == field, body
    listed = await gql("{ webhookEndpoints { edges { node { id } } } }", caller=bob)
    assert listed["data"]["webhookEndpoints"]["edges"] == []


async def test_endpoints_per_user_are_limited(settings: Settings) -> None:
    small = settings.model_copy(update={"webhooks_max_endpoints": 2})
    user = await user_named("limit")
    for _ in range(2):
        await endpoints.create(
            user.id, endpoints.EndpointChanges(url="http://127.0.0.1:9/h", events=["batch.failed"]), small
        )
    with pytest.raises(Exception, match="at most 2"):
        await endpoints.create(
            user.id, endpoints.EndpointChanges(url="http://127.0.0.1:9/h", events=["batch.failed"]), small
        )
    assert await WebhookEndpoint.filter(owner_id=user.id).count() == 2


def test_payload_bytes_are_stable() -> None:
    payload = {"b": 1, "a": [1, 2]}
    assert json.dumps(payload, separators=(",", ":"), sort_keys=True) == '{"a":[1,2],"b":1}'


GENERATE_WITH_HOOK = """mutation($input: GenerateInput!) {
  generate(input: $input) { batchJob { id } created webhookSecret userErrors { code field message } }
}"""


async def test_a_per_request_webhook_gets_its_batch_only(
    app: Starlette, gql: GQL, make_caller: MakeCaller, receiver: Receiver
) -> None:
    carol = make_caller("carol")
    project = await new_project(gql, carol)
    hook = {"url": receiver.url, "events": ["batch.succeeded"]}
    body = await gql(GENERATE_WITH_HOOK, {"input": {"projectId": project, "prompt": "hooked", "webhook": hook}}, carol)
    payload = body["data"]["generate"]
    assert payload["userErrors"] == [], body
    secret = payload["webhookSecret"]
    assert secret.startswith("whsec_")
    hooked = payload["batchJob"]["id"]
    other = (await generate(gql, carol, projectId=project, prompt="not hooked"))["batchJob"]["id"]
    await wait_until_ended(app, hooked)
    await wait_until_ended(app, other)

    async def arrived() -> None:
        while not receiver.received:
            receiver.arrived.clear()
            await receiver.arrived.wait()

    await asyncio.wait_for(arrived(), 30)
    [only] = [verify(secret, r) for r in receiver.received]
    assert (only["type"], only["data"]["batchJobId"]) == ("batch.succeeded", hooked)
    # A one-off endpoint is not one of the user's endpoints.
    listed = await gql("{ webhookEndpoints { edges { node { id } } } }", caller=carol)
    assert listed["data"]["webhookEndpoints"]["edges"] == []


async def test_a_per_request_webhook_to_a_bad_url_creates_no_batch(
    settings: Settings, gql: GQL, make_caller: MakeCaller
) -> None:
    dave = make_caller("dave")
    project = await new_project(gql, dave)
    hook = {"url": "ftp://93.184.215.14/x"}
    body = await gql(GENERATE_WITH_HOOK, {"input": {"projectId": project, "prompt": "x", "webhook": hook}}, dave)
    payload = body["data"]["generate"]
    assert payload["batchJob"] is None, body
    assert payload["userErrors"][0]["field"] == ["input", "webhook", "url"], body
    batches = await gql("{ batchJobs { edges { node { id } } } }", caller=dave)
    assert batches["data"]["batchJobs"]["edges"] == []


async def test_balance_low_is_recorded_once_per_crossing(settings: Settings) -> None:
    user = await user_named("balance")
    endpoint, _ = await endpoints.create(
        user.id,
        endpoints.EndpointChanges(url="http://127.0.0.1:9/h", events=["credits.balance_low"], balance_low_threshold=10),
        settings,
    )
    recorder = deliveries.WebhookRecorder(queue=None)
    for balance in (12, 9, 5, 15, 8):  # below at 9 (sent), still below at 5, back up at 15, below again at 8 (sent)
        await recorder.record_balance(user.id, balance)
    recorded = await WebhookDelivery.filter(endpoint_id=endpoint.id).order_by("created_at")
    assert [d.payload["data"]["balance"] for d in recorded] == [9, 8]
    assert {d.event_type for d in recorded} == {"credits.balance_low"}
    await JobOutbox.filter(key__in=[d.id for d in recorded]).delete()  # nothing listens at that port: no attempts
