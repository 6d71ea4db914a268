"""Inputs of the webhook operations."""

from __future__ import annotations

import strawberry

from graph.webhooks.enums import WebhookDeliveryStatus

EVENTS = (
    "Event types: batch.queued, batch.started, batch.image_delivered, batch.image_failed, batch.succeeded, "
    "batch.partially_succeeded, batch.failed, batch.cancelled, credits.balance_low, account.export_ready, "
    "account.export_failed."
)
URL = (
    "Public https URL (http allowed outside production), no user name or password; checked against DNS now and "
    "at every delivery."
)


@strawberry.input(description="A new webhook endpoint.")
class WebhookEndpointCreateInput:
    url: str = strawberry.field(description=URL)
    events: list[str] = strawberry.field(description=EVENTS)
    description: str | None = strawberry.field(default=None, description="Up to 500 characters.")
    balance_low_threshold: int | None = strawberry.field(
        default=None, description="Send `credits.balance_low` when the balance falls below this."
    )


@strawberry.input(description="Changes to a webhook endpoint; omitted fields stay as they are.")
class WebhookEndpointUpdateInput:
    url: str | None = strawberry.field(default=None, description=URL)
    events: list[str] | None = strawberry.field(default=None, description=EVENTS)
    description: str | None = strawberry.field(default=None, description="Up to 500 characters.")
    enabled: bool | None = strawberry.field(
        default=None, description="Turn deliveries off or on (on again clears `disabledReason`)."
    )
    balance_low_threshold: int | None = strawberry.field(default=None, description="See the create input.")


@strawberry.input(
    description="A webhook for one batch (as `generate` input): its events, signed with a secret of its own."
)
class BatchWebhookInput:
    url: str = strawberry.field(description=URL)
    events: list[str] | None = strawberry.field(
        default=None, description="Batch event types (`batch.succeeded`, ...); default: every batch event."
    )


@strawberry.input(description="Narrows the delivery log.")
class WebhookDeliveryFilter:
    status: WebhookDeliveryStatus | None = strawberry.field(default=None, description="Only this status.")
    event_type: str | None = strawberry.field(default=None, description="Only this event type.")
