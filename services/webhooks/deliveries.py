"""Recording webhook events as deliveries, and the delivery log.

`WebhookRecorder` is the seam between batch progress and webhooks: the progress publisher hands it every batch
event it sent and every balance it told (``ProgressPublisher.observers``); runner, settlement, submit and cancel do
not know about webhooks. For each subscribed endpoint of the event's owner it writes a `WebhookDelivery` and the
delivery's job (``services.infra.jobs.outbox.put``) in one transaction, then hands the job to the queue.

A delivery's event id is derived from the fact (the batch, its ``seq``, the event type), and (endpoint, event id) is
unique: the same progress event seen twice records one delivery.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from models import DeliveryStatus, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from services import access
from services.core.errors import Conflict, NotFound
from services.core.pagination import Page, paginate
from services.infra.jobs import JobQueue, outbox
from services.progress.events import BatchProgress
from services.webhooks import events as ev
from services.webhooks.tasks import DELIVER_WEBHOOK

log = logging.getLogger(__name__)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class NewDelivery:
    endpoint_id: uuid.UUID
    owner_id: uuid.UUID
    event_id: str
    event_type: str
    payload: dict[str, Any]
    batch_job_id: uuid.UUID | None = None
    seq: int | None = None


async def record(deliveries: list[NewDelivery], queue: JobQueue | None) -> list[uuid.UUID]:
    """Write the deliveries with their jobs in one transaction (a duplicate event id is skipped), then hand the
    jobs over (``queue``: the process's outbox; None leaves them to a drainer)."""
    created: list[uuid.UUID] = []
    if not deliveries:
        return created
    async with in_transaction():
        for new in deliveries:
            delivery_id = uuid.uuid4()
            try:
                async with in_transaction():  # a savepoint: a duplicate must not abort the others
                    await WebhookDelivery.create(
                        id=delivery_id,
                        endpoint_id=new.endpoint_id,
                        owner_id=new.owner_id,
                        event_id=new.event_id,
                        event_type=new.event_type,
                        payload=new.payload,
                        batch_job_id=new.batch_job_id,
                        seq=new.seq,
                        next_attempt_at=_now(),
                    )
            except IntegrityError:
                continue  # this event was recorded for this endpoint already
            await outbox.put(DELIVER_WEBHOOK, delivery_id)
            created.append(delivery_id)
    if queue is not None:
        for delivery_id in created:
            await queue.enqueue(DELIVER_WEBHOOK, delivery_id)
    return created


class WebhookRecorder:
    """Turns batch progress and balance changes into webhook deliveries (the module docstring)."""

    def __init__(self, queue: JobQueue | None = None) -> None:
        self.queue = queue

    async def on_batch_progress(self, events: Sequence[BatchProgress]) -> None:
        """The webhook events of one send's batch events (one statement when the owner has no endpoint)."""
        by_owner: dict[uuid.UUID, list[BatchProgress]] = {}
        for event in events:
            by_owner.setdefault(event.user_id, []).append(event)
        for owner_id, owned_events in by_owner.items():
            batches = list({e.batch_job_id for e in owned_events})
            endpoints = await access.owned(WebhookEndpoint, owner_id).filter(
                Q(batch_job_id__isnull=True) | Q(batch_job_id__in=batches), enabled=True
            )
            for event in owned_events:
                mine = [e for e in endpoints if e.batch_job_id in (None, event.batch_job_id)]
                if mine:
                    await self._record_batch_event(event, mine)

    async def _record_batch_event(self, event: BatchProgress, endpoints: list[WebhookEndpoint]) -> None:
        earlier = (
            await access.owned_deliveries(event.user_id)
            .filter(batch_job_id=event.batch_job_id, seq__lt=event.seq)
            .order_by("-seq")
            .first()
        )
        failed_before = int(earlier.payload["data"]["failed"]) if earlier is not None else None
        started_before = (
            await access.owned_deliveries(event.user_id)
            .filter(batch_job_id=event.batch_job_id, event_type=ev.BATCH_STARTED)
            .exists()
        )
        if earlier is None and event.status.value != "QUEUED":
            failed_before = 0  # nothing recorded yet, but the batch is past its first event
        types = ev.batch_event_types(event, failed_before=failed_before, started_before=started_before)
        data = ev.batch_data(event)
        new = [
            NewDelivery(
                endpoint_id=endpoint.id,
                owner_id=event.user_id,
                event_id=ev.event_id(event.batch_job_id, event.seq, event_type),
                event_type=event_type,
                payload=ev.envelope(ev.event_id(event.batch_job_id, event.seq, event_type), event_type, event.at, data),
                batch_job_id=event.batch_job_id,
                seq=event.seq,
            )
            for event_type in types
            for endpoint in endpoints
            if event_type in endpoint.events
        ]
        await record(new, self.queue)

    async def on_balance(self, user_id: uuid.UUID, balance: int) -> None:
        """``credits.balance_low`` once per crossing: when the balance falls below an endpoint's threshold."""
        endpoints = await access.owned(WebhookEndpoint, user_id).filter(
            enabled=True, balance_low_threshold__not_isnull=True, batch_job_id__isnull=True
        )
        now = _now()
        new: list[NewDelivery] = []
        for endpoint in endpoints:
            threshold = endpoint.balance_low_threshold
            if threshold is None or ev.CREDITS_BALANCE_LOW not in endpoint.events:
                continue
            if balance >= threshold:
                if endpoint.balance_low_sent:  # back up: the next fall below is a new crossing
                    await WebhookEndpoint.filter(id=endpoint.id).update(balance_low_sent=False)
                continue
            # One event per crossing: only the first of concurrent callers flips the flag and records it.
            if not await WebhookEndpoint.filter(id=endpoint.id, balance_low_sent=False).update(balance_low_sent=True):
                continue
            msg_id = "evt_" + uuid.uuid4().hex
            data = {"userId": str(user_id), "balance": balance, "threshold": threshold}
            new.append(
                NewDelivery(
                    endpoint_id=endpoint.id,
                    owner_id=user_id,
                    event_id=msg_id,
                    event_type=ev.CREDITS_BALANCE_LOW,
                    payload=ev.envelope(msg_id, ev.CREDITS_BALANCE_LOW, now, data),
                )
            )
        await record(new, self.queue)


async def send_test(user_id: uuid.UUID, endpoint_id: str | uuid.UUID, queue: JobQueue | None) -> WebhookDelivery:
    """A ``webhook.test`` (ping) delivery to the endpoint, whatever it subscribes to."""
    endpoint = await access.find_owned(WebhookEndpoint, user_id, endpoint_id)
    if endpoint is None:
        raise NotFound("webhook endpoint not found", ["id"])
    if not endpoint.enabled:
        raise Conflict("the endpoint is disabled: enable it first", ["id"])
    msg_id = "evt_" + uuid.uuid4().hex
    payload = ev.envelope(msg_id, ev.WEBHOOK_TEST, _now(), {"endpointId": str(endpoint.id)})
    [delivery_id] = await record([NewDelivery(endpoint.id, user_id, msg_id, ev.WEBHOOK_TEST, payload)], queue)
    return await WebhookDelivery.get(id=delivery_id)


async def _own_delivery(user_id: uuid.UUID, delivery_id: str | uuid.UUID) -> WebhookDelivery | None:
    try:
        parsed = uuid.UUID(str(delivery_id))
    except ValueError:
        return None
    return await access.owned_deliveries(user_id).get_or_none(id=parsed)


async def redeliver(user_id: uuid.UUID, delivery_id: str | uuid.UUID, queue: JobQueue | None) -> WebhookDelivery:
    """Send a delivery again (same event id, so a receiver that got it already can tell), with a fresh schedule."""
    # Deliveries are scoped by their endpoint's owner, copied onto each delivery (``owner_id``).
    delivery = await _own_delivery(user_id, delivery_id)
    if delivery is None:
        raise NotFound("webhook delivery not found", ["delivery_id"])
    endpoint = await WebhookEndpoint.get(id=delivery.endpoint_id)
    if not endpoint.enabled:
        raise Conflict("the endpoint is disabled: enable it first", ["delivery_id"])
    async with in_transaction():
        await WebhookDelivery.filter(id=delivery.id).update(
            status=DeliveryStatus.PENDING, attempts=0, next_attempt_at=_now()
        )
        await outbox.put(DELIVER_WEBHOOK, delivery.id)
    if queue is not None:
        await queue.enqueue(DELIVER_WEBHOOK, delivery.id)
    return await WebhookDelivery.get(id=delivery.id)


async def deliveries_page(
    user_id: uuid.UUID,
    endpoint_id: str | uuid.UUID,
    *,
    first: int,
    after: str | None,
    status: DeliveryStatus | None = None,
    event_type: str | None = None,
) -> Page[WebhookDelivery] | None:
    """The endpoint's deliveries, newest first; None when the endpoint is not the user's."""
    endpoint = await access.find_owned(WebhookEndpoint, user_id, endpoint_id)
    if endpoint is None:
        return None
    query = access.owned_deliveries(user_id).filter(endpoint_id=endpoint.id)
    if status is not None:
        query = query.filter(status=status)
    if event_type is not None:
        query = query.filter(event_type=event_type)
    return await paginate(query, first=first, after=after)


async def attempts_of(delivery_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[WebhookAttempt]]:
    """Every attempt of these deliveries, oldest first (one statement for a page of deliveries)."""
    found: dict[uuid.UUID, list[WebhookAttempt]] = {d: [] for d in delivery_ids}
    for attempt in await WebhookAttempt.filter(delivery_id__in=delivery_ids).order_by("attempted_at"):
        found[attempt.delivery_id].append(attempt)
    return found


def payload_text(delivery: WebhookDelivery) -> str:
    return json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True)
