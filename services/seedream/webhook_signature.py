"""WaveSpeed webhook signatures: `webhook-signature: v3,<hex>` over `"{id}.{timestamp}.{raw body}"`.

Used by the simulator to sign deliveries and by the (later) webhook receiver to verify them.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Mapping

SIGNATURE_VERSION = "v3"
MAX_AGE_SECONDS = 300


class WebhookSignatureError(Exception):
    """The delivery is missing headers, too old, or signed with another secret."""


def _key(secret: str) -> bytes:
    return secret.removeprefix("whsec_").encode()


def sign_webhook(secret: str, webhook_id: str, timestamp: int, body: bytes) -> str:
    """The value of the `webhook-signature` header for this delivery."""
    signed = f"{webhook_id}.{timestamp}.".encode() + body
    digest = hmac.new(_key(secret), signed, hashlib.sha256).hexdigest()
    return f"{SIGNATURE_VERSION},{digest}"


def verify_webhook_signature(
    secret: str,
    headers: Mapping[str, str],
    body: bytes,
    *,
    now: float | None = None,
    max_age: float = MAX_AGE_SECONDS,
) -> None:
    """Raise `WebhookSignatureError` unless `body` was signed with `secret` less than `max_age` seconds ago.

    `headers` must be case-insensitive for the `webhook-*` names (Starlette and httpx headers are).
    """
    webhook_id = headers.get("webhook-id")
    timestamp_text = headers.get("webhook-timestamp")
    signature = headers.get("webhook-signature")
    if not webhook_id or not timestamp_text or not signature:
        raise WebhookSignatureError("missing webhook-id, webhook-timestamp or webhook-signature")
    try:
        timestamp = int(timestamp_text)
    except ValueError as exc:
        raise WebhookSignatureError("webhook-timestamp is not an integer") from exc
    current = time.time() if now is None else now
    if current - timestamp > max_age:
        raise WebhookSignatureError("webhook-timestamp is too old")
    if timestamp - current > max_age:
        raise WebhookSignatureError("webhook-timestamp is in the future")
    expected = sign_webhook(secret, webhook_id, timestamp, body)
    # A header may carry several space-separated signatures during secret rotation.
    if not any(hmac.compare_digest(expected, candidate) for candidate in signature.split()):
        raise WebhookSignatureError("signature mismatch")
