"""Recording webhook events as deliveries, and the delivery log.

`WebhookRecorder` is the seam between batch progress and webhooks: the progress publisher hands it every batch
event it sent and every balance it told (``ProgressPublisher.observers``); runner, settlement, submit and cancel do
not know about webhooks. The observers only queue what they are told; the recorder's consumer task then writes, for
each subscribed endpoint of the event's owner, a `WebhookDelivery` and the delivery's job
(``services.infra.jobs.outbox.put``) in one transaction, and hands the job to the queue. A batch's events therefore
never wait for webhook bookkeeping, let alone for a receiver.

At least once across a crash: the transaction that creates a batch also writes the batch's follow-up job
(``FOLLOW_BATCH``, via `on_batch_created`) when its owner has an endpoint. That job reads the batch from SQL once it
has been still for ``WEBHOOKS_FOLLOW_SECONDS`` and records whatever the recorder lost (the process died after the
batch's commit, before its event left or before the recorder wrote it); it comes back until the batch has ended.

A delivery's event id is derived from the fact it announces (the batch and ``queued``, ``started``, ``image:<id>``,
the n-th failure, ``terminal``; ``events.batch_facts``), and (endpoint, event id) is unique: the same fact seen
twice, or recovered from SQL, records one delivery.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from models import (
    BatchItem,
    BatchJob,
    DeliveryStatus,
    EditStatus,
    ImageEdit,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)
from models.enums import TERMINAL_BATCH_STATUSES
from services import access
from services.core.config import Settings
from services.core.errors import Conflict, NotFound
from services.core.pagination import Page, paginate
from services.infra.jobs import JobQueue, outbox
from services.progress.events import BatchProgress
from services.progress.snapshot import batch_snapshot, delivered_image
from services.webhooks import events as ev
from services.webhooks.tasks import DELIVER_WEBHOOK, FOLLOW_BATCH

log = logging.getLogger(__name__)

OnCreate = Callable[[uuid.UUID], Awaitable[None]]


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


@dataclass(frozen=True, slots=True)
class _Work:
    events: tuple[BatchProgress, ...] = ()
    balance: tuple[uuid.UUID, int] | None = None


async def _last_moved(batch: BatchJob) -> datetime:
    """When the batch last changed, as far as SQL tells (its times and its items')."""
    times = [t for t in (batch.created_at, batch.started_at, batch.finished_at) if t is not None]
    latest = await BatchItem.filter(batch_job_id=batch.id).order_by("-updated_at").first().values_list("updated_at")
    if latest and isinstance(latest[0], datetime):
        times.append(latest[0])
    return max(times)


async def _facts_from_sql(batch: BatchJob) -> list[tuple[str, str, BatchProgress]]:
    """Every webhook fact the batch's state in SQL shows, each with its event as of now (`ev.batch_facts`)."""
    state = await batch_snapshot(batch)
    facts: list[tuple[str, str, BatchProgress]] = [(ev.BATCH_QUEUED, "queued", state)]
    if batch.started_at is not None:
        facts.append((ev.BATCH_STARTED, "started", state))
    for edit in await ImageEdit.filter(batch_job_id=batch.id, status=EditStatus.SUCCEEDED).order_by("batch_index"):
        image_event = dataclasses.replace(state, image=delivered_image(edit))
        facts.append((ev.BATCH_IMAGE_DELIVERED, f"image:{edit.id}", image_event))
    facts.extend((ev.BATCH_IMAGE_FAILED, f"failed:{n}", state) for n in range(1, state.failed + 1))
    facts.extend((t, f, state) for t, f in ev.batch_facts(state) if f == "terminal")
    return facts


def on_batch_created(user_id: uuid.UUID, settings: Settings, attach: OnCreate | None = None) -> OnCreate:
    """The hook ``submit`` runs in the transaction that creates a batch: the batch's own webhook (``attach``), and
    the batch's follow-up job when any endpoint may want its events (``FOLLOW_BATCH``)."""

    async def created(batch_id: uuid.UUID) -> None:
        if attach is not None:
            await attach(batch_id)
        wanted = (
            await access.owned(WebhookEndpoint, user_id)
            .filter(Q(batch_job_id__isnull=True) | Q(batch_job_id=batch_id), enabled=True)
            .exists()
        )
        if wanted:
            await outbox.put(FOLLOW_BATCH, batch_id, at=_now() + timedelta(seconds=settings.webhooks_follow_seconds))

    return created


class WebhookRecorder:
    """Turns batch progress and balance changes into webhook deliveries (the module docstring).

    The publisher's observers (`on_batch_progress`, `on_balance`) only hand the events to a bounded backlog and
    return: one consumer task of this process records them in order, off the generation path, so that webhooks
    (their endpoints, their receivers) never make a batch wait. What the backlog loses (full, or the process dies)
    the batch's follow-up job (`follow`, kind ``FOLLOW_BATCH``) records from SQL.
    """

    def __init__(self, queue: JobQueue | None = None, *, follow_after_s: float = 30.0, backlog: int = 10_000) -> None:
        self.queue = queue
        self.follow_after = timedelta(seconds=follow_after_s)
        self._backlog: asyncio.Queue[_Work] = asyncio.Queue(maxsize=backlog)
        self._consumer: asyncio.Task[None] | None = None

    async def account_export(
        self, user_id: uuid.UUID, export_id: uuid.UUID, *, ready: bool, expires_at: datetime | None
    ) -> list[uuid.UUID]:
        """``account.export_ready`` / ``account.export_failed`` (``record_account_export``), handed to this process's
        queue at once (with none, the outbox's drainer hands them over on its next sweep)."""
        return await record_account_export(user_id, export_id, ready=ready, expires_at=expires_at, queue=self.queue)

    async def on_batch_progress(self, events: Sequence[BatchProgress]) -> None:
        """The publisher's batch observer: queues the events and returns (no database work here)."""
        self._hand(_Work(events=tuple(events)))

    async def on_balance(self, user_id: uuid.UUID, balance: int) -> None:
        """The publisher's balance observer: queues the balance and returns."""
        self._hand(_Work(balance=(user_id, balance)))

    def _hand(self, work: _Work) -> None:
        try:
            self._backlog.put_nowait(work)
        except asyncio.QueueFull:  # the follow-up job records a batch's events from SQL
            log.warning("webhooks: the recording backlog is full; an event is left to the batch's follow-up")
            return
        if self._consumer is None or self._consumer.done():
            self._consumer = asyncio.create_task(self._consume(), name="webhook-recorder")

    async def _consume(self) -> None:
        while True:
            work = await self._backlog.get()
            try:
                if work.balance is not None:
                    await self.record_balance(*work.balance)
                else:
                    await self.record_batch_events(work.events)
            except Exception:
                log.exception("webhooks: recording events failed (the batch's follow-up records them)")
            finally:
                self._backlog.task_done()

    async def idle(self) -> None:
        """Until everything handed in so far is recorded (benchmarks, tests, shutdown)."""
        await self._backlog.join()

    async def close(self, timeout_s: float = 5.0) -> None:
        """Record what is queued (bounded by ``timeout_s``), then stop the consumer."""
        if self._consumer is None:
            return
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout_s):
                await self.idle()
        self._consumer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._consumer
        self._consumer = None

    async def record_batch_events(self, events: Sequence[BatchProgress]) -> None:
        """The webhook events of one turn's batch events (one statement when the owner has no endpoint)."""
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
                    facts = [(event_type, fact, event) for event_type, fact in ev.batch_facts(event)]
                    await self._record_facts(event.user_id, event.batch_job_id, facts, mine)

    async def _record_facts(
        self,
        owner_id: uuid.UUID,
        batch_id: uuid.UUID,
        facts: list[tuple[str, str, BatchProgress]],
        endpoints: list[WebhookEndpoint],
    ) -> list[uuid.UUID]:
        """Deliveries for the facts an endpoint subscribes to and has not been given yet (one read of those)."""
        ids = {fact: ev.fact_event_id(batch_id, fact) for _, fact, _ in facts}
        wanted = [(t, f, e, endpoint) for t, f, e in facts for endpoint in endpoints if t in endpoint.events]
        if not wanted:
            return []
        existing = {
            (uuid.UUID(str(endpoint_id)), event_id)
            for endpoint_id, event_id in await WebhookDelivery.filter(
                endpoint_id__in=list({w[3].id for w in wanted}), event_id__in=list(set(ids.values()))
            ).values_list("endpoint_id", "event_id")
        }
        new = [
            NewDelivery(
                endpoint_id=endpoint.id,
                owner_id=owner_id,
                event_id=ids[fact],
                event_type=event_type,
                payload=ev.envelope(ids[fact], event_type, event.at, ev.batch_data(event)),
                batch_job_id=batch_id,
                seq=event.seq,
            )
            for event_type, fact, event, endpoint in wanted
            if (endpoint.id, ids[fact]) not in existing
        ]
        return await record(new, self.queue)

    async def follow(self, batch_id: uuid.UUID, *, now: datetime | None = None) -> list[uuid.UUID]:
        """The ``FOLLOW_BATCH`` job: record the batch's webhook events from SQL, once the batch has been still for
        ``follow_after`` (until then the recorder's own path is still at work on it); again later until it ends.

        What the recorder already recorded is skipped (same fact, same event id); what it lost (a crash after the
        batch's commit, before or after its event left) is recorded now, its payload read from SQL."""
        now = now or _now()
        batch = await BatchJob.get_or_none(id=batch_id)
        if batch is None:
            return []
        moved = await _last_moved(batch)
        if moved > now - self.follow_after:
            await outbox.put(FOLLOW_BATCH, batch.id, at=moved + self.follow_after)
            return []
        endpoints = await access.owned(WebhookEndpoint, batch.owner_id).filter(
            Q(batch_job_id=batch.id) | Q(batch_job_id__isnull=True, created_at__lte=batch.created_at), enabled=True
        )
        recorded: list[uuid.UUID] = []
        if endpoints:
            recorded = await self._record_facts(batch.owner_id, batch.id, await _facts_from_sql(batch), endpoints)
        if batch.status not in TERMINAL_BATCH_STATUSES:
            await outbox.put(FOLLOW_BATCH, batch.id, at=now + self.follow_after)
        return recorded

    async def record_balance(self, user_id: uuid.UUID, balance: int) -> None:
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


async def record_account_export(
    user_id: uuid.UUID, export_id: uuid.UUID, *, ready: bool, expires_at: datetime | None, queue: JobQueue | None
) -> list[uuid.UUID]:
    """``account.export_ready`` or ``account.export_failed`` to each of the user's enabled endpoints that subscribes
    to it. The payload names the export, never a link (links expire: read ``accountExport(id).url``); the event id
    names the fact, so a job run twice records it once per endpoint."""
    event_type = ev.ACCOUNT_EXPORT_READY if ready else ev.ACCOUNT_EXPORT_FAILED
    endpoints = await access.owned(WebhookEndpoint, user_id).filter(enabled=True, batch_job_id__isnull=True)
    msg_id = f"evt_{export_id.hex}_{'ready' if ready else 'failed'}"
    data = {
        "accountExportId": str(export_id),
        "status": "READY" if ready else "FAILED",
        "expiresAt": expires_at.isoformat() if expires_at else None,
    }
    payload = ev.envelope(msg_id, event_type, _now(), data)
    new = [
        NewDelivery(endpoint.id, user_id, msg_id, event_type, payload)
        for endpoint in endpoints
        if event_type in endpoint.events
    ]
    return await record(new, queue)


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
