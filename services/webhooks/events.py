"""The events a webhook endpoint can subscribe to, and their payloads.

Batch events are derived from the batch's progress events (``services.progress``): the payload's ``data`` carries
the same fields as the ``batchProgress`` subscription's events (one vocabulary for the SPA and for backends), with
the batch's ``seq``. Every payload also names its event id (the ``webhook-id`` header), its type and its time::

    {"id": "evt_...", "type": "batch.image_delivered", "timestamp": "2026-...Z", "data": {"batchJobId": ..., "seq": 3,
     "status": "RUNNING", ..., "image": {"imageEditId": ..., "url": ...}}}
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from models import BatchStatus
from services.progress.events import BatchProgress

BATCH_QUEUED = "batch.queued"
BATCH_STARTED = "batch.started"
BATCH_IMAGE_DELIVERED = "batch.image_delivered"
BATCH_IMAGE_FAILED = "batch.image_failed"
BATCH_SUCCEEDED = "batch.succeeded"
BATCH_PARTIALLY_SUCCEEDED = "batch.partially_succeeded"
BATCH_FAILED = "batch.failed"
BATCH_CANCELLED = "batch.cancelled"
CREDITS_BALANCE_LOW = "credits.balance_low"
WEBHOOK_TEST = "webhook.test"
"""Sent by ``webhookEndpointTest`` only; not subscribable."""

EVENT_TYPES: tuple[str, ...] = (
    BATCH_QUEUED,
    BATCH_STARTED,
    BATCH_IMAGE_DELIVERED,
    BATCH_IMAGE_FAILED,
    BATCH_SUCCEEDED,
    BATCH_PARTIALLY_SUCCEEDED,
    BATCH_FAILED,
    BATCH_CANCELLED,
    CREDITS_BALANCE_LOW,
)
"""What an endpoint may subscribe to."""

_TERMINAL = {
    BatchStatus.SUCCEEDED: BATCH_SUCCEEDED,
    BatchStatus.PARTIALLY_SUCCEEDED: BATCH_PARTIALLY_SUCCEEDED,
    BatchStatus.FAILED: BATCH_FAILED,
    BatchStatus.CANCELLED: BATCH_CANCELLED,
}


def batch_event_types(event: BatchProgress, *, failed_before: int | None, started_before: bool) -> list[str]:
    """The webhook events one progress event stands for, in order.

    ``failed_before`` is the batch's failed count at its previous recorded event (None: none recorded yet),
    ``started_before`` whether ``batch.started`` was already recorded for it.
    """
    types: list[str] = []
    if failed_before is None and event.status is BatchStatus.QUEUED:
        types.append(BATCH_QUEUED)
    if (
        not started_before
        and event.status is not BatchStatus.QUEUED
        and (event.completed or event.failed or event.status is BatchStatus.RUNNING)
    ):
        types.append(BATCH_STARTED)
    if event.image is not None:
        types.append(BATCH_IMAGE_DELIVERED)
    if event.failed > (failed_before or 0):
        types.append(BATCH_IMAGE_FAILED)
    if event.terminal and event.status in _TERMINAL:
        types.append(_TERMINAL[event.status])
    return types


def event_id(batch_id: uuid.UUID, seq: int, event_type: str) -> str:
    """Stable for the same fact: deriving an event again (a re-sent progress event) gives the same id."""
    return "evt_" + uuid.uuid5(batch_id, f"{seq}:{event_type}").hex


def batch_data(event: BatchProgress) -> dict[str, Any]:
    """The fields of a ``batchProgress`` event, as the GraphQL API names them."""
    image = event.image
    return {
        "batchJobId": str(event.batch_job_id),
        "projectId": str(event.project_id),
        "seq": event.seq,
        "status": event.status.value,
        "terminal": event.terminal,
        "total": event.total,
        "completed": event.completed,
        "failed": event.failed,
        "cancelled": event.cancelled,
        "fraction": event.fraction,
        "queuePosition": event.queue_position,
        "queueWaitSeconds": event.queue_wait_seconds,
        "runSeconds": event.run_seconds,
        "etaSeconds": event.eta_seconds,
        "image": {
            "imageEditId": str(image.image_edit_id),
            "batchIndex": image.batch_index,
            "url": image.url,
            "width": image.width,
            "height": image.height,
        }
        if image is not None
        else None,
        "creditsHeld": event.credits_held,
        "creditsCaptured": event.credits_captured,
        "creditsRefunded": event.credits_refunded,
        "at": event.at.isoformat(),
    }


def envelope(msg_id: str, event_type: str, at: datetime, data: dict[str, Any]) -> dict[str, Any]:
    return {"id": msg_id, "type": event_type, "timestamp": at.isoformat(), "data": data}
