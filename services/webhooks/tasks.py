"""The webhooks domain's background job: delivering one event to one endpoint (`DELIVER_WEBHOOK`, `Deliverer`).

Deliveries have a queue of their own (``<REDIS_NAMESPACE>:webhooks``, ``WEBHOOKS_CONCURRENCY`` at once), so a
receiver that hangs holds delivery slots only, never a batch's. One job is one attempt: a failed attempt schedules the
next one through the outbox (``services.webhooks.schedule``), due later, and ends; the job itself fails only on a
crash (then the queue re-runs it; an attempt is recorded before its result counts, so at worst a receiver sees the
same ``webhook-id`` twice, which Standard Webhooks receivers deduplicate).

Ordered by ``seq`` per batch where possible: a delivery whose endpoint still has an earlier event of the same batch
waiting for a retry waits for it (it is tried just after that one's next attempt).
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
from tortoise.transactions import in_transaction

from models import DeliveryStatus, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from services.core.config import Settings
from services.infra.egress import Resolver, resolve_host
from services.infra.jobs import JobKind, outbox
from services.webhooks import schedule, sender, signing
from services.webhooks.endpoints import disable, https_only, signing_secrets

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
ORDER_WAIT = timedelta(seconds=1)
"""How long after an earlier event's next attempt a later one of the same batch is tried."""
PER_ENDPOINT_IN_FLIGHT = 4
"""Deliveries to one endpoint in flight at once per process: a receiver that hangs holds at most these delivery
slots, the others go on serving other endpoints."""
FAILING_ENDPOINT_IN_FLIGHT = 1
"""The same for an endpoint whose last attempt failed (``failing_since`` set): one probe at a time, so that a receiver
that hangs or refuses takes one slot, not four, until it answers again."""
BUSY_WAIT = timedelta(seconds=2)
"""How long a delivery waits when its endpoint already has `PER_ENDPOINT_IN_FLIGHT` in flight (no attempt used)."""


async def _pending(delivery_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Of these deliveries, those still waiting (a delivered, failed or deleted one's outbox row is dropped)."""
    rows = await WebhookDelivery.filter(id__in=delivery_ids, status=DeliveryStatus.PENDING).values_list("id", flat=True)
    return {uuid.UUID(str(row)) for row in rows}


DELIVER_WEBHOOK = JobKind(
    name="deliver_webhook",
    label="delivery",
    log_field="delivery_id",
    queue_suffix="webhooks",
    concurrency=16,  # the runtime sets WEBHOOKS_CONCURRENCY
    timeout_s=120,  # one attempt: the receiver's timeout and the bookkeeping around it
    retries=3,  # crashes only; a receiver's failures are retried on the schedule, through the outbox
    retry_delay_s=1.0,
    retry_backoff_max_s=30.0,
    still_wanted=_pending,
)


FOLLOW_BATCH = JobKind(
    name="follow_batch_webhooks",
    label="webhook follow-up",
    log_field="batch_id",
    queue_suffix="webhook-events",
    concurrency=4,
    timeout_s=120,
    retries=5,
    retry_delay_s=1.0,
    retry_backoff_max_s=60.0,
)
"""A batch's webhook events recorded from SQL (``deliveries.WebhookRecorder.follow``): its outbox row is written in
the transaction that creates the batch and kept until the batch has ended, so that an event whose recording was lost
(a crash between the commit and the recording) is still delivered."""


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Deliverer:
    """The handler of `DELIVER_WEBHOOK`: one attempt of one delivery."""

    def __init__(
        self,
        settings: Settings,
        http: httpx.AsyncClient,
        *,
        clock: Clock = _utcnow,
        resolver: Resolver = resolve_host,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        """``clock`` decides what is due and when the next attempt is (tests move it); ``wall_clock`` stamps the
        signatures (``webhook-timestamp``), which receivers check against their own clock."""
        self.settings = settings
        self.wall_clock = wall_clock
        self._in_flight: dict[uuid.UUID, int] = {}
        self.http = http
        self.clock = clock
        self.resolver = resolver

    async def __call__(self, delivery_id: uuid.UUID) -> None:
        delivery = await WebhookDelivery.get_or_none(id=delivery_id)
        if delivery is None or delivery.status is not DeliveryStatus.PENDING:
            return
        endpoint = await WebhookEndpoint.get_or_none(id=delivery.endpoint_id)
        if endpoint is None or not endpoint.enabled:
            await WebhookDelivery.filter(id=delivery.id, status=DeliveryStatus.PENDING).update(
                status=DeliveryStatus.FAILED, next_attempt_at=None, last_error="the endpoint was disabled or deleted"
            )
            return
        now = self.clock()
        if delivery.next_attempt_at is not None and delivery.next_attempt_at > now:
            # Handed over early (a claim that expired, a redelivery racing a retry): wait for the due time.
            await outbox.put(DELIVER_WEBHOOK, delivery.id, at=delivery.next_attempt_at)
            return
        if await self._wait_for_earlier(delivery, now):
            return
        cap = FAILING_ENDPOINT_IN_FLIGHT if endpoint.failing_since is not None else PER_ENDPOINT_IN_FLIGHT
        if self._in_flight.get(endpoint.id, 0) >= cap:
            # A failing endpoint's probe may take the whole timeout: look again after it, not every BUSY_WAIT.
            wait = (
                BUSY_WAIT
                if cap == PER_ENDPOINT_IN_FLIGHT
                else max(BUSY_WAIT, timedelta(seconds=self.settings.webhooks_timeout_seconds))
            )
            due = now + wait
            await WebhookDelivery.filter(id=delivery.id).update(next_attempt_at=due)
            await outbox.put(DELIVER_WEBHOOK, delivery.id, at=due)
            return
        self._in_flight[endpoint.id] = self._in_flight.get(endpoint.id, 0) + 1
        try:
            await self._attempt(delivery, endpoint, now)
        finally:
            left = self._in_flight[endpoint.id] - 1
            if left:
                self._in_flight[endpoint.id] = left
            else:
                del self._in_flight[endpoint.id]

    async def _attempt(self, delivery: WebhookDelivery, endpoint: WebhookEndpoint, now: datetime) -> None:
        body = sender_body(delivery)
        outcome = await sender.post(
            self.http,
            endpoint.url,
            body,
            signing.headers(signing_secrets(endpoint, now), delivery.event_id, int(self.wall_clock()), body),
            timeout_s=self.settings.webhooks_timeout_seconds,
            allow_private=self.settings.webhooks_allow_private_addresses,
            https_only=https_only(self.settings),
            resolver=self.resolver,
        )
        await self._record(delivery, endpoint, outcome, now)

    async def _wait_for_earlier(self, delivery: WebhookDelivery, now: datetime) -> bool:
        """Whether an earlier event of the same batch to the same endpoint waits for a retry (then this one is
        scheduled just after that retry)."""
        if delivery.batch_job_id is None or delivery.seq is None:
            return False
        earlier = (
            await WebhookDelivery.filter(
                endpoint_id=delivery.endpoint_id,
                batch_job_id=delivery.batch_job_id,
                seq__lt=delivery.seq,
                status=DeliveryStatus.PENDING,
                attempts__gt=0,
            )
            .order_by("-next_attempt_at")
            .first()
        )
        if earlier is None or earlier.next_attempt_at is None:
            return False
        due = max(earlier.next_attempt_at, now) + ORDER_WAIT
        await WebhookDelivery.filter(id=delivery.id).update(next_attempt_at=due)
        await outbox.put(DELIVER_WEBHOOK, delivery.id, at=due)
        return True

    async def _record(
        self, delivery: WebhookDelivery, endpoint: WebhookEndpoint, outcome: sender.Outcome, now: datetime
    ) -> None:
        async with in_transaction():  # the attempt, the delivery's state and its next job together
            await self._write(delivery, endpoint, outcome, now)

    async def _write(
        self, delivery: WebhookDelivery, endpoint: WebhookEndpoint, outcome: sender.Outcome, now: datetime
    ) -> None:
        attempts = delivery.attempts + 1
        if outcome.ok:
            await WebhookAttempt.create(
                id=uuid.uuid4(),
                delivery_id=delivery.id,
                attempted_at=now,
                status_code=outcome.status_code,
                latency_ms=outcome.latency_ms,
            )
            await WebhookDelivery.filter(id=delivery.id).update(
                status=DeliveryStatus.SUCCEEDED,
                attempts=attempts,
                next_attempt_at=None,
                last_status_code=outcome.status_code,
                last_error=None,
                delivered_at=now,
            )
            await WebhookEndpoint.filter(id=endpoint.id).update(failing_since=None)
            return
        delay = schedule.next_delay(attempts)
        next_at = now + delay if delay is not None else None
        await WebhookAttempt.create(
            id=uuid.uuid4(),
            delivery_id=delivery.id,
            attempted_at=now,
            status_code=outcome.status_code,
            latency_ms=outcome.latency_ms,
            error=outcome.error,
            next_retry_at=next_at,
        )
        await WebhookDelivery.filter(id=delivery.id).update(
            status=DeliveryStatus.PENDING if next_at is not None else DeliveryStatus.FAILED,
            attempts=attempts,
            next_attempt_at=next_at,
            last_status_code=outcome.status_code,
            last_error=outcome.error,
        )
        if next_at is not None:
            await outbox.put(DELIVER_WEBHOOK, delivery.id, at=next_at)
        failing_since = endpoint.failing_since or now
        if endpoint.failing_since is None:
            await WebhookEndpoint.filter(id=endpoint.id, failing_since__isnull=True).update(failing_since=now)
        limit = timedelta(hours=self.settings.webhooks_disable_after_hours)
        if now - failing_since >= limit:
            reason = (
                f"disabled {now.isoformat(timespec='seconds')}: no delivery succeeded since "
                f"{failing_since.isoformat(timespec='seconds')}; last error: {outcome.error}"
            )
            log.warning("webhook endpoint %s disabled: %s", endpoint.id, reason)
            await disable(endpoint.id, reason)


def sender_body(delivery: WebhookDelivery) -> bytes:
    """The bytes signed and sent: the same on every attempt (keys sorted, no spaces)."""
    return json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode()
