"""Outgoing webhooks: a user's endpoints, the deliveries of events to them, and every attempt of each delivery."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

from models.owned import OwnedModel


class DeliveryStatus(StrEnum):
    PENDING = "PENDING"
    """Waiting for its first attempt, or for a retry."""
    SUCCEEDED = "SUCCEEDED"
    """A 2xx answer was received."""
    FAILED = "FAILED"
    """Every attempt of the schedule failed (or the endpoint was disabled or deleted meanwhile)."""


class WebhookEndpoint(OwnedModel):
    """A URL a user asked us to POST events to, signed with the endpoint's secret (Standard Webhooks)."""

    id = fields.UUIDField(primary_key=True)
    owner_related_name = "webhook_endpoints"
    url = fields.CharField(max_length=2048)
    description = fields.CharField(max_length=500, default="")
    events: fields.JSONField[list[str]] = fields.JSONField(default=list, description="Event types sent here")
    enabled = fields.BooleanField(default=True)
    disabled_reason = fields.CharField(max_length=500, null=True, description="Why we disabled it (None: the user)")
    secret = fields.CharField(max_length=100, description="whsec_<base64>: signs every delivery")
    previous_secret = fields.CharField(max_length=100, null=True, description="Still signs until it expires")
    previous_secret_expires_at = fields.DatetimeField(null=True)
    balance_low_threshold = fields.IntField(null=True, description="credits.balance_low below this balance")
    balance_low_sent = fields.BooleanField(
        default=False, description="credits.balance_low was sent and the balance has not been back up since"
    )
    failing_since = fields.DatetimeField(null=True, description="First failed attempt since the last success")
    batch_job_id = fields.UUIDField(
        null=True, description="Set for a one-off endpoint of one batch (GenerateInput.webhook): only its events"
    )

    class Meta:
        table = "playground_webhook_endpoints"
        indexes = (("owner_id", "created_at"),)


class WebhookDelivery(Model):
    """One event for one endpoint: delivered at least once, retried on a schedule until it succeeds or gives up."""

    id = fields.UUIDField(primary_key=True)
    endpoint_id: uuid.UUID
    endpoint: fields.ForeignKeyRelation[WebhookEndpoint] = fields.ForeignKeyField(
        "models.WebhookEndpoint", related_name="deliveries", on_delete=fields.CASCADE
    )
    owner_id = fields.UUIDField(description="The endpoint's owner (every read is scoped by it)")
    event_id = fields.CharField(max_length=64, description="webhook-id: the same on every attempt")
    event_type = fields.CharField(max_length=64)
    batch_job_id = fields.UUIDField(null=True)
    seq = fields.IntField(null=True, description="The batch event's seq (orders a batch's deliveries)")
    payload: fields.JSONField[dict[str, Any]] = fields.JSONField()
    status = fields.CharEnumField(DeliveryStatus, max_length=16, default=DeliveryStatus.PENDING)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField(null=True)
    last_status_code = fields.IntField(null=True)
    last_error = fields.CharField(max_length=500, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    delivered_at = fields.DatetimeField(null=True)

    class Meta:
        table = "playground_webhook_deliveries"
        unique_together = (("endpoint_id", "event_id"),)
        indexes = (("endpoint_id", "created_at"), ("endpoint_id", "batch_job_id", "seq"))


class WebhookAttempt(Model):
    """One POST of a delivery and what came of it."""

    id = fields.UUIDField(primary_key=True)
    delivery_id: uuid.UUID
    delivery: fields.ForeignKeyRelation[WebhookDelivery] = fields.ForeignKeyField(
        "models.WebhookDelivery", related_name="attempt_log", on_delete=fields.CASCADE
    )
    attempted_at = fields.DatetimeField()
    status_code = fields.IntField(null=True)
    latency_ms = fields.IntField(null=True)
    error = fields.CharField(max_length=500, null=True)
    next_retry_at = fields.DatetimeField(null=True, description="When the next attempt is due (None: no more)")

    class Meta:
        table = "playground_webhook_attempts"
        indexes = (("delivery_id", "attempted_at"),)
