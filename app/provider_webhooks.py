"""The HTTP face of WaveSpeed's task webhooks: read the body (bounded), hand it to
``services.generation.provider_webhooks.receive``, answer with what it did.

2xx tells WaveSpeed the delivery is taken (also a duplicate, or one for a call we no longer wait for); 401 a bad
signature, 400 a body that is not a task, 404 when no secret is configured (the receiver is off), 413 a body over
the cap. Nothing is written for a refused delivery.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from services.generation import provider_webhooks


async def wavespeed_webhook(request: Request) -> Response:
    settings = request.app.state.services.settings
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > provider_webhooks.MAX_BODY_BYTES:
        return JSONResponse({"error": "body too large"}, status_code=413)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > provider_webhooks.MAX_BODY_BYTES:
            return JSONResponse({"error": "body too large"}, status_code=413)
        chunks.append(chunk)
    try:
        receipt = await provider_webhooks.receive(
            settings.provider_webhook_secret,
            request.path_params["item_id"],
            request.path_params["request_id"],
            request.headers,
            b"".join(chunks),
        )
    except provider_webhooks.WebhookRejected as exc:
        return JSONResponse({"error": exc.message}, status_code=exc.status)
    return JSONResponse({"received": receipt.value})
