"""Webhook queries and mutations: endpoints, their delivery log, test pings and redeliveries."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.core.arguments import After, First
from graph.core.connections import Connection
from graph.core.context import Context
from graph.core.errors import UserErrorsExtension
from graph.webhooks.inputs import WebhookDeliveryFilter, WebhookEndpointCreateInput, WebhookEndpointUpdateInput
from graph.webhooks.payloads import (
    WebhookDeliveryPayload,
    WebhookEndpointDeletePayload,
    WebhookEndpointPayload,
    WebhookEndpointSecretPayload,
)
from graph.webhooks.types import WebhookDeliveryType, WebhookEndpointType
from services.core.pagination import DEFAULT_PAGE_SIZE
from services.webhooks import deliveries, endpoints

Info = strawberry.Info[Context, None]
EndpointId = Annotated[strawberry.ID, strawberry.argument(description="The endpoint's id.")]


async def webhook_endpoints(
    info: Info, first: First = DEFAULT_PAGE_SIZE, after: After = None
) -> Connection[WebhookEndpointType]:
    user = await info.context.user()
    page = await endpoints.list_page(user.id, first=first, after=after)
    return Connection.from_page(page, WebhookEndpointType.from_model)


async def webhook_deliveries(
    info: Info,
    endpoint_id: EndpointId,
    first: First = DEFAULT_PAGE_SIZE,
    after: After = None,
    filter: Annotated[WebhookDeliveryFilter | None, strawberry.argument(description="Narrow the log.")] = None,
) -> Connection[WebhookDeliveryType] | None:
    user = await info.context.user()
    page = await deliveries.deliveries_page(
        user.id,
        endpoint_id,
        first=first,
        after=after,
        status=filter.status if filter else None,
        event_type=filter.event_type if filter else None,
    )
    if page is None:
        return None
    attempts = await deliveries.attempts_of([d.id for d in page.items])
    return Connection.from_page(page, lambda d: WebhookDeliveryType.from_model(d, attempts.get(d.id, [])))


async def webhook_endpoint_create(
    info: Info, input: Annotated[WebhookEndpointCreateInput, strawberry.argument(description="The new endpoint.")]
) -> WebhookEndpointSecretPayload:
    user = await info.context.user()
    endpoint, secret = await endpoints.create(
        user.id,
        endpoints.EndpointChanges(
            url=input.url,
            events=input.events,
            description=input.description,
            balance_low_threshold=input.balance_low_threshold,
        ),
        info.context.services.settings,
    )
    return WebhookEndpointSecretPayload(endpoint=WebhookEndpointType.from_model(endpoint), secret=secret)


async def webhook_endpoint_update(
    info: Info,
    id: EndpointId,
    input: Annotated[WebhookEndpointUpdateInput, strawberry.argument(description="What to change.")],
) -> WebhookEndpointPayload:
    user = await info.context.user()
    endpoint = await endpoints.update(
        user.id,
        id,
        endpoints.EndpointChanges(
            url=input.url,
            events=input.events,
            description=input.description,
            enabled=input.enabled,
            balance_low_threshold=input.balance_low_threshold,
        ),
        info.context.services.settings,
    )
    return WebhookEndpointPayload(endpoint=WebhookEndpointType.from_model(endpoint))


async def webhook_endpoint_delete(info: Info, id: EndpointId) -> WebhookEndpointDeletePayload:
    user = await info.context.user()
    deleted = await endpoints.delete(user.id, id)
    return WebhookEndpointDeletePayload(deleted_id=strawberry.ID(str(deleted)))


async def webhook_endpoint_rotate_secret(info: Info, id: EndpointId) -> WebhookEndpointSecretPayload:
    user = await info.context.user()
    endpoint, secret = await endpoints.rotate_secret(user.id, id)
    return WebhookEndpointSecretPayload(endpoint=WebhookEndpointType.from_model(endpoint), secret=secret)


async def webhook_endpoint_test(info: Info, id: EndpointId) -> WebhookDeliveryPayload:
    user = await info.context.user()
    delivery = await deliveries.send_test(user.id, id, info.context.services.outbox)
    return WebhookDeliveryPayload(delivery=WebhookDeliveryType.from_model(delivery, []))


async def webhook_redeliver(
    info: Info, delivery_id: Annotated[strawberry.ID, strawberry.argument(description="The delivery's id.")]
) -> WebhookDeliveryPayload:
    user = await info.context.user()
    delivery = await deliveries.redeliver(user.id, delivery_id, info.context.services.outbox)
    attempts = await deliveries.attempts_of([delivery.id])
    return WebhookDeliveryPayload(delivery=WebhookDeliveryType.from_model(delivery, attempts[delivery.id]))


@strawberry.type
class WebhookQueries:
    webhook_endpoints: Connection[WebhookEndpointType] = strawberry.field(
        resolver=webhook_endpoints, description="Your webhook endpoints, newest first. `first` is at most 100."
    )
    webhook_deliveries: Connection[WebhookDeliveryType] | None = strawberry.field(
        resolver=webhook_deliveries,
        description="An endpoint's deliveries with every attempt, newest first; null when the endpoint is not found.",
    )


@strawberry.type
class WebhookMutations:
    webhook_endpoint_create: WebhookEndpointSecretPayload = strawberry.mutation(
        resolver=webhook_endpoint_create,
        extensions=[UserErrorsExtension()],
        description="Add an endpoint; its signing secret is in the payload, this once.",
    )
    webhook_endpoint_update: WebhookEndpointPayload = strawberry.mutation(
        resolver=webhook_endpoint_update, extensions=[UserErrorsExtension()], description="Change an endpoint."
    )
    webhook_endpoint_delete: WebhookEndpointDeletePayload = strawberry.mutation(
        resolver=webhook_endpoint_delete,
        extensions=[UserErrorsExtension()],
        description="Delete an endpoint and its delivery log.",
    )
    webhook_endpoint_rotate_secret: WebhookEndpointSecretPayload = strawberry.mutation(
        resolver=webhook_endpoint_rotate_secret,
        extensions=[UserErrorsExtension()],
        description="A new signing secret (in the payload, this once); the old one also signs for 24 hours.",
    )
    webhook_endpoint_test: WebhookDeliveryPayload = strawberry.mutation(
        resolver=webhook_endpoint_test,
        extensions=[UserErrorsExtension()],
        description="Send a `webhook.test` event to the endpoint now.",
    )
    webhook_redeliver: WebhookDeliveryPayload = strawberry.mutation(
        resolver=webhook_redeliver,
        extensions=[UserErrorsExtension()],
        description="Send a delivery again (same event id) with a fresh retry schedule.",
    )
