"""Webhook mutation payloads: the changed object and ``userErrors`` (empty on success)."""

from __future__ import annotations

import strawberry

from graph.core.errors import UserError
from graph.webhooks.types import WebhookDeliveryType, WebhookEndpointType

USER_ERRORS = "Expected failures (validation, not found, limits); empty on success."


@strawberry.type(description="Result of creating an endpoint or rotating its secret.")
class WebhookEndpointSecretPayload:
    endpoint: WebhookEndpointType | None = strawberry.field(default=None, description="The endpoint.")
    secret: str | None = strawberry.field(
        default=None, description="The signing secret (`whsec_...`): shown this once, keep it safe."
    )
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of changing an endpoint.")
class WebhookEndpointPayload:
    endpoint: WebhookEndpointType | None = strawberry.field(default=None, description="The endpoint.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of deleting an endpoint.")
class WebhookEndpointDeletePayload:
    deleted_id: strawberry.ID | None = strawberry.field(default=None, description="Id of the deleted endpoint.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of queuing a delivery (a test ping or a redelivery).")
class WebhookDeliveryPayload:
    delivery: WebhookDeliveryType | None = strawberry.field(default=None, description="The queued delivery.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)
