"""A user's webhook endpoints: create (the secret is shown once), update, delete, list, rotate the secret.

Every read and write is scoped to the owner (``services.access``): another user's endpoint reads as not found. Bad
input is an `InvalidInput` naming the field, raised before anything is written.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from services import access
from services.core.config import Environment, Settings
from services.core.errors import Conflict, InvalidInput, NotFound
from services.core.pagination import Page, paginate
from services.core.text import check_text
from services.webhooks import signing
from services.webhooks.events import EVENT_TYPES
from services.webhooks.sender import UnsafeURL, check_url, vet

URL_MAX = 2048
DESCRIPTION_MAX = 500
PREVIOUS_SECRET_VALID = timedelta(hours=24)
"""How long a rotated-out secret keeps signing deliveries (beside the new one)."""


@dataclass(frozen=True, slots=True)
class EndpointChanges:
    """Fields to set; ``None`` leaves a field unchanged."""

    url: str | None = None
    events: list[str] | None = None
    description: str | None = None
    enabled: bool | None = None
    balance_low_threshold: int | None = None


def https_only(settings: Settings) -> bool:
    return settings.environment is Environment.PRODUCTION


async def check_endpoint_url(url: str, settings: Settings, field: list[str]) -> str:
    """A URL we would deliver to now: its shape, and its host's DNS answers (public addresses only)."""
    text = check_text(url, field, max_length=URL_MAX).strip()
    try:
        target = check_url(text, https_only=https_only(settings))
        await vet(target, allow_private=settings.webhooks_allow_private_addresses)
    except UnsafeURL as error:
        raise InvalidInput(f"url: {error}", field) from None
    return text


def check_events(events: list[str], field: list[str]) -> list[str]:
    if not events:
        raise InvalidInput("choose at least one event", field)
    unknown = [e for e in events if e not in EVENT_TYPES]
    if unknown:
        raise InvalidInput(f"unknown event {unknown[0]!r}; known: {', '.join(EVENT_TYPES)}", field)
    return list(dict.fromkeys(events))


async def _clean(changes: EndpointChanges, settings: Settings, *, creating: bool) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if changes.url is not None or creating:
        values["url"] = await check_endpoint_url(changes.url or "", settings, ["input", "url"])
    if changes.events is not None or creating:
        values["events"] = check_events(changes.events or [], ["input", "events"])
    if changes.description is not None:
        values["description"] = check_text(changes.description, ["input", "description"], max_length=DESCRIPTION_MAX)
    if changes.balance_low_threshold is not None:
        if changes.balance_low_threshold < 0:
            raise InvalidInput("balanceLowThreshold must not be negative", ["input", "balance_low_threshold"])
        values["balance_low_threshold"] = changes.balance_low_threshold
    if changes.enabled is not None:
        values["enabled"] = changes.enabled
        if changes.enabled:
            values["disabled_reason"] = None
            values["failing_since"] = None
    return values


async def create(user_id: uuid.UUID, changes: EndpointChanges, settings: Settings) -> tuple[WebhookEndpoint, str]:
    """The new endpoint and its signing secret (shown this once)."""
    values = await _clean(changes, settings, creating=True)
    if await access.owned(WebhookEndpoint, user_id).filter(batch_job_id__isnull=True).count() >= (
        settings.webhooks_max_endpoints
    ):
        raise Conflict(f"at most {settings.webhooks_max_endpoints} webhook endpoints per user", ["input", "url"])
    secret = signing.new_secret()
    endpoint = await WebhookEndpoint.create(id=uuid.uuid4(), owner_id=user_id, secret=secret, **values)
    return endpoint, secret


async def get(user_id: uuid.UUID, endpoint_id: str | uuid.UUID) -> WebhookEndpoint | None:
    """One of the user's endpoints (a batch's one-off endpoint included: its deliveries are readable by its id)."""
    return await access.find_owned(WebhookEndpoint, user_id, endpoint_id)


async def _own(user_id: uuid.UUID, endpoint_id: str | uuid.UUID) -> WebhookEndpoint:
    endpoint = await get(user_id, endpoint_id)
    if endpoint is None:
        raise NotFound("webhook endpoint not found", ["id"])
    return endpoint


async def update(
    user_id: uuid.UUID, endpoint_id: str | uuid.UUID, changes: EndpointChanges, settings: Settings
) -> WebhookEndpoint:
    endpoint = await _own(user_id, endpoint_id)
    values = await _clean(changes, settings, creating=False)
    if values:
        await WebhookEndpoint.filter(id=endpoint.id).update(**values)
    return await WebhookEndpoint.get(id=endpoint.id)


async def delete(user_id: uuid.UUID, endpoint_id: str | uuid.UUID) -> uuid.UUID:
    """Delete the endpoint with its delivery log (deliveries still queued find nothing and end)."""
    endpoint = await _own(user_id, endpoint_id)
    await WebhookEndpoint.filter(id=endpoint.id).delete()
    return endpoint.id


async def rotate_secret(
    user_id: uuid.UUID, endpoint_id: str | uuid.UUID, *, now: datetime | None = None
) -> tuple[WebhookEndpoint, str]:
    """A new secret (shown this once); the old one keeps signing beside it for `PREVIOUS_SECRET_VALID`."""
    endpoint = await _own(user_id, endpoint_id)
    secret = signing.new_secret()
    at = now or datetime.now(UTC)
    await WebhookEndpoint.filter(id=endpoint.id).update(
        secret=secret, previous_secret=endpoint.secret, previous_secret_expires_at=at + PREVIOUS_SECRET_VALID
    )
    return await WebhookEndpoint.get(id=endpoint.id), secret


def signing_secrets(endpoint: WebhookEndpoint, now: datetime) -> list[str]:
    """The secrets a delivery is signed with now: the current one, and the previous one while it is valid."""
    found = [endpoint.secret]
    expires = endpoint.previous_secret_expires_at
    if endpoint.previous_secret and expires is not None and now < expires:
        found.append(endpoint.previous_secret)
    return found


async def list_page(user_id: uuid.UUID, *, first: int, after: str | None) -> Page[WebhookEndpoint]:
    """The user's endpoints (not the one-off endpoints of single batches)."""
    return await paginate(
        access.owned(WebhookEndpoint, user_id).filter(batch_job_id__isnull=True), first=first, after=after
    )


@dataclass(frozen=True, slots=True)
class BatchWebhook:
    """A one-off endpoint for one batch (``GenerateInput.webhook``), validated before the batch is created and
    written in the batch's transaction (`attach`), so that its first event already finds it."""

    user_id: uuid.UUID
    url: str
    events: list[str]
    secret: str

    async def attach(self, batch_id: uuid.UUID) -> None:
        await WebhookEndpoint.create(
            id=uuid.uuid4(),
            owner_id=self.user_id,
            url=self.url,
            events=self.events,
            description="webhook of one batch",
            secret=self.secret,
            batch_job_id=batch_id,
        )


async def prepare_batch_webhook(
    user_id: uuid.UUID, url: str, events: list[str] | None, settings: Settings
) -> BatchWebhook:
    """Check a per-request webhook (``input.webhook``); every batch event when ``events`` is None."""
    field = ["input", "webhook"]
    checked_url = await check_endpoint_url(url, settings, [*field, "url"])
    batch_events = [e for e in EVENT_TYPES if e.startswith("batch.")]
    chosen = batch_events if events is None else check_events(events, [*field, "events"])
    if any(e not in batch_events for e in chosen):
        raise InvalidInput("a batch's webhook takes batch events only", [*field, "events"])
    return BatchWebhook(user_id=user_id, url=checked_url, events=chosen, secret=signing.new_secret())


async def disable(endpoint_id: uuid.UUID, reason: str) -> None:
    """Stop delivering to the endpoint (its owner sees ``reason``); its waiting deliveries end FAILED."""
    async with in_transaction():
        await WebhookEndpoint.filter(id=endpoint_id, enabled=True).update(enabled=False, disabled_reason=reason[:500])
        await WebhookDelivery.filter(endpoint_id=endpoint_id, status=DeliveryStatus.PENDING).update(
            status=DeliveryStatus.FAILED, next_attempt_at=None, last_error="the endpoint was disabled"
        )
