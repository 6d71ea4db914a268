"""Webhook enums."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from models import webhooks

if TYPE_CHECKING:  # strawberry.enum returns the class itself; mypy sees it as a variable otherwise
    from models.webhooks import DeliveryStatus as WebhookDeliveryStatus
else:
    WebhookDeliveryStatus = strawberry.enum(
        webhooks.DeliveryStatus,
        name="WebhookDeliveryStatus",
        description="PENDING (waiting for an attempt or a retry), SUCCEEDED (a 2xx came back), FAILED (gave up).",
    )

__all__ = ["WebhookDeliveryStatus"]
