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
ACCOUNT_EXPORT_READY = "account.export_ready"
ACCOUNT_EXPORT_FAILED = "account.export_failed"
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
    ACCOUNT_EXPORT_READY,
    ACCOUNT_EXPORT_FAILED,
)
"""What an endpoint may subscribe to."""

_TERMINAL = {
    BatchStatus.SUCCEEDED: BATCH_SUCCEEDED,
    BatchStatus.PARTIALLY_SUCCEEDED: BATCH_PARTIALLY_SUCCEEDED,
    BatchStatus.FAILED: BATCH_FAILED,
    BatchStatus.CANCELLED: BATCH_CANCELLED,
}


def batch_facts(event: BatchProgress) -> list[tuple[str, str]]:
    """The webhook events one progress event stands for, in order, each with the fact it announces.

    A fact names what happened, not when it was told (``started``, ``image:<id>``, the n-th failure ``failed:<n>``,
    ``terminal``), so that the same fact derived twice, from two progress events or from SQL after a crash
    (``deliveries.WebhookRecorder.follow``), has one event id (`fact_event_id`) and is recorded once per endpoint.
    """
    facts: list[tuple[str, str]] = []
    if event.status is BatchStatus.QUEUED:
        facts.append((BATCH_QUEUED, "queued"))
    if event.status is not BatchStatus.QUEUED and (
        event.completed or event.failed or event.status is BatchStatus.RUNNING
    ):
        facts.append((BATCH_STARTED, "started"))
    if event.image is not None:
        facts.append((BATCH_IMAGE_DELIVERED, f"image:{event.image.image_edit_id}"))
    facts.extend((BATCH_IMAGE_FAILED, f"failed:{n}") for n in range(1, event.failed + 1))
    if event.terminal and event.status in _TERMINAL:
        facts.append((_TERMINAL[event.status], "terminal"))
    return facts


def fact_event_id(batch_id: uuid.UUID, fact: str) -> str:
    """Stable for the same fact: deriving it again (a re-sent progress event, a recovery from SQL) gives the same
    id, which (endpoint, event id) keeps unique."""
    return "evt_" + uuid.uuid5(batch_id, fact).hex


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
