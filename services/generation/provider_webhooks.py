"""WaveSpeed's task webhooks: how a submit whose reply was lost is found again instead of being bought twice.

With ``PROVIDER_WEBHOOK_BASE_URL`` set, every WaveSpeed submit carries a webhook URL naming our item and the
request id ``call_state.record`` noted before the request left (``webhook_url``). WaveSpeed POSTs the task's
``data`` there when the task ends, signed (``webhook-id``, ``webhook-timestamp``, ``webhook-signature: v3,<hex>``).

``receive`` verifies the signature (``PROVIDER_WEBHOOK_SECRET``, 300 s maximum age) and settles the call's state
from the delivery, idempotently (WaveSpeed may deliver more than once):

- the call is still RECORDED (its submit reply was lost, or has not arrived yet): the task id is stored and the
  call is BOUGHT. The runner that waits for it (``wait_for_task``) resumes that task by polling it, which
  settles the images (delivered ones charged, failed ones refunded): nothing is bought again;
- the task id is known already: a duplicate, nothing changes;
- the runner stopped waiting (the outcome was made unknown and refunded): the task id is added to the record, so
  the administrators' list of unknown outcomes names the task to look up; the user is not charged after the fact.

A delivery for another request of the item (an older purchase) or an unknown item changes nothing.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from enum import StrEnum
from typing import Final
from urllib.parse import quote

from models import BatchItem
from models.enums import ProviderCallState
from services.generation import call_state
from services.seedream.webhook_signature import WebhookSignatureError, verify_webhook_signature

log = logging.getLogger(__name__)

ROUTE: Final = "/provider-webhooks/wavespeed/{item_id}/{request_id}"
"""The receiver's path (registered by the app)."""
MAX_BODY_BYTES: Final = 128 * 1024 * 1024
"""A webhook echoes the task's outputs; with base64 outputs a set of 15 large images is tens of MiB."""
WAIT_FIRST_S: Final = 0.2
WAIT_MAX_S: Final = 2.0
WAIT_GROWTH: Final = 1.5


class Receipt(StrEnum):
    """What a verified delivery did."""

    RECOVERED = "recovered"
    """The call's task was not known yet: it is now, and its runner resumes it."""
    DUPLICATE = "duplicate"
    """The task was known already (the submit reply arrived, or this is a repeated delivery)."""
    LATE = "late"
    """The runner had given up waiting: the task id is added to the unknown outcome's record."""
    IGNORED = "ignored"
    """No such item, or the delivery is for another request than the item's latest."""


class WebhookRejected(Exception):
    """The delivery is not WaveSpeed's (bad or missing signature, too old) or not a task object."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def webhook_url(base_url: str, item_id: uuid.UUID, request_id: str) -> str:
    """The URL a submit carries for this item's call."""
    path = ROUTE.format(item_id=item_id, request_id=quote(request_id, safe=""))
    return base_url.rstrip("/") + path


async def receive(
    secret: str | None,
    item_id: str,
    request_id: str,
    headers: Mapping[str, str],
    body: bytes,
    *,
    now: float | None = None,
) -> Receipt:
    """Verify a delivery and settle the call's state from it (see the module's docstring)."""
    if not secret:
        raise WebhookRejected(404, "provider webhooks are not configured")
    try:
        verify_webhook_signature(secret, headers, body, now=now)
    except WebhookSignatureError as exc:
        raise WebhookRejected(401, str(exc)) from exc
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise WebhookRejected(400, "the body is not JSON") from exc
    if isinstance(data, dict) and isinstance(data.get("data"), dict):
        data = data["data"]  # tolerate an enveloped delivery
    task_id = data.get("id") if isinstance(data, dict) else None
    if not isinstance(task_id, str) or not task_id:
        raise WebhookRejected(400, "the body carries no task id")
    status = str(data.get("status") or "")
    try:
        item_uuid = uuid.UUID(item_id)
    except ValueError:
        return Receipt.IGNORED
    item = await BatchItem.get_or_none(id=item_uuid)
    if item is None or item.provider_request_id != request_id:
        return Receipt.IGNORED
    found = await BatchItem.filter(
        id=item_uuid, provider_request_id=request_id, provider_call_state=ProviderCallState.RECORDED
    ).update(provider_task_id=task_id, provider_call_state=ProviderCallState.BOUGHT)
    if found:
        log.info("provider webhook: item %s request %s found task %s (%s)", item_uuid, request_id, task_id, status)
        return Receipt.RECOVERED
    if item.provider_task_id == task_id:
        return Receipt.DUPLICATE
    if item.provider_call_state is ProviderCallState.UNKNOWN and item.provider_task_id is None:
        line = f"{datetime.now(UTC).isoformat()} webhook after the wait: task {task_id} ended {status or '?'}"
        late = await BatchItem.filter(
            id=item_uuid, provider_request_id=request_id, provider_task_id__isnull=True
        ).update(provider_task_id=task_id, outcome_unknown=f"{item.outcome_unknown or ''}\n{line}".lstrip())
        if late:
            log.warning("provider webhook after the wait: item %s task %s ended %s", item_uuid, task_id, status)
            return Receipt.LATE
    return Receipt.DUPLICATE


async def wait_for_task(item_id: uuid.UUID, request_id: str, wait_s: float, why: str) -> bool:
    """Wait up to ``wait_s`` for the webhook of the item's call ``request_id``: True once its task is known (the
    caller resumes it); otherwise the call's outcome is made unknown (``why`` goes on the record) and False."""
    deadline = time.monotonic() + wait_s
    interval = WAIT_FIRST_S
    while True:
        if await _found(item_id, request_id):
            return True
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        # Polling one indexed row: the webhook may land in any API process, and this wait is rare.
        await asyncio.sleep(min(interval, remaining))
        interval = min(interval * WAIT_GROWTH, WAIT_MAX_S)
    if await call_state.unknown_unless_found(item_id, request_id, why):
        return False
    return await _found(item_id, request_id)


async def _found(item_id: uuid.UUID, request_id: str) -> bool:
    return await BatchItem.filter(
        id=item_id,
        provider_request_id=request_id,
        provider_call_state=ProviderCallState.BOUGHT,
        provider_task_id__isnull=False,
    ).exists()
