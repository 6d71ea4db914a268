"""Webhook endpoints and deliveries as clients see them (never the signing secret: it is shown once, in the
payload of ``webhookEndpointCreate`` and ``webhookEndpointRotateSecret``)."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from graph.webhooks.enums import WebhookDeliveryStatus
from models import WebhookAttempt, WebhookDelivery, WebhookEndpoint


@strawberry.type(name="WebhookEndpoint", description="A URL that receives your events, signed (Standard Webhooks).")
class WebhookEndpointType:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    url: str = strawberry.field(description="Where events are POSTed.")
    description: str = strawberry.field(description="Your note, up to 500 characters.")
    events: list[str] = strawberry.field(description="Event types sent here (`batch.succeeded`, ...).")
    enabled: bool = strawberry.field(description="False: nothing is sent (see `disabledReason`).")
    disabled_reason: str | None = strawberry.field(
        description="Why we disabled it (deliveries failing for days); null when enabled or disabled by you."
    )
    balance_low_threshold: int | None = strawberry.field(
        description="`credits.balance_low` is sent when your balance falls below this."
    )
    previous_secret_expires_at: datetime | None = strawberry.field(
        description="Until then deliveries are also signed with the secret before the last rotation."
    )
    failing_since: datetime | None = strawberry.field(description="First failed attempt since the last success.")
    created_at: datetime = strawberry.field(description="Creation time.")
    updated_at: datetime = strawberry.field(description="Last change.")

    @classmethod
    def from_model(cls, endpoint: WebhookEndpoint) -> WebhookEndpointType:
        return cls(
            id=strawberry.ID(str(endpoint.id)),
            url=endpoint.url,
            description=endpoint.description,
            events=list(endpoint.events),
            enabled=endpoint.enabled,
            disabled_reason=endpoint.disabled_reason,
            balance_low_threshold=endpoint.balance_low_threshold,
            previous_secret_expires_at=endpoint.previous_secret_expires_at,
            failing_since=endpoint.failing_since,
            created_at=endpoint.created_at,
            updated_at=endpoint.updated_at,
        )


@strawberry.type(name="WebhookAttempt", description="One POST of a delivery.")
class WebhookAttemptType:
    attempted_at: datetime = strawberry.field(description="When it was sent.")
    status_code: int | None = strawberry.field(description="The receiver's HTTP status; null when none came.")
    latency_ms: int | None = strawberry.field(description="Milliseconds until the answer (or the failure).")
    error: str | None = strawberry.field(description="What went wrong; null on success.")
    next_retry_at: datetime | None = strawberry.field(description="When the next attempt is due; null if none.")

    @classmethod
    def from_model(cls, attempt: WebhookAttempt) -> WebhookAttemptType:
        return cls(
            attempted_at=attempt.attempted_at,
            status_code=attempt.status_code,
            latency_ms=attempt.latency_ms,
            error=attempt.error,
            next_retry_at=attempt.next_retry_at,
        )


@strawberry.type(name="WebhookDelivery", description="One event for one endpoint, with every attempt.")
class WebhookDeliveryType:
    id: strawberry.ID = strawberry.field(description="Opaque id (for `webhookRedeliver`).")
    endpoint_id: strawberry.ID = strawberry.field(description="The endpoint.")
    event_id: str = strawberry.field(description="The `webhook-id` header: the same on every attempt.")
    event_type: str = strawberry.field(description="`batch.succeeded`, `webhook.test`, ...")
    batch_job_id: strawberry.ID | None = strawberry.field(description="The batch, for batch events.")
    seq: int | None = strawberry.field(description="The batch event's `seq`.")
    payload: JSON = strawberry.field(description="The JSON body sent.")
    status: WebhookDeliveryStatus = strawberry.field(description="Where it stands.")
    attempt_count: int = strawberry.field(description="Attempts so far.")
    next_attempt_at: datetime | None = strawberry.field(description="When the next attempt is due.")
    last_status_code: int | None = strawberry.field(description="The last attempt's HTTP status.")
    last_error: str | None = strawberry.field(description="The last attempt's error.")
    created_at: datetime = strawberry.field(description="When the event was recorded.")
    delivered_at: datetime | None = strawberry.field(description="When a 2xx came back.")
    attempts: list[WebhookAttemptType] = strawberry.field(description="Every attempt, oldest first.")

    @classmethod
    def from_model(cls, delivery: WebhookDelivery, attempts: list[WebhookAttempt]) -> WebhookDeliveryType:
        return cls(
            id=strawberry.ID(str(delivery.id)),
            endpoint_id=strawberry.ID(str(delivery.endpoint_id)),
            event_id=delivery.event_id,
            event_type=delivery.event_type,
            batch_job_id=strawberry.ID(str(delivery.batch_job_id)) if delivery.batch_job_id else None,
            seq=delivery.seq,
            payload=JSON(delivery.payload),
            status=delivery.status,
            attempt_count=delivery.attempts,
            next_attempt_at=delivery.next_attempt_at,
            last_status_code=delivery.last_status_code,
            last_error=delivery.last_error,
            created_at=delivery.created_at,
            delivered_at=delivery.delivered_at,
            attempts=[WebhookAttemptType.from_model(a) for a in attempts],
        )
