"""The WaveSpeed v3 side of the simulator: submit (4 endpoints), poll, sync mode, balance, upload,
webhooks."""

from __future__ import annotations

import asyncio
import base64
import json
import time
import uuid
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import httpx
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from services.seedream.simulator import faults
from services.seedream.simulator.state import SimulatorState, Task, WebhookDelivery
from services.seedream.simulator.validation import (
    WAVESPEED_MAX_REFERENCES,
    InvalidInput,
    boolean,
    max_images_of,
    prompt_of,
    string_list,
    wavespeed_size,
)
from services.seedream.webhook_signature import sign_webhook

ENDPOINTS = {"": False, "/edit": True, "/sequential": False, "/edit-sequential": True}
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
EXPIRED_LINK = "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"


def envelope(data: dict[str, Any], status: int = 200, message: str = "success") -> JSONResponse:
    return JSONResponse({"code": status, "message": message, "data": data}, status_code=status)


def error(status: int, message: str, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        {"code": status, "message": message, "data": {"error": detail}}, status_code=status, headers=headers
    )


def _state(request: Request) -> SimulatorState:
    state: SimulatorState = request.app.state.simulator
    return state


def _api_key(request: Request) -> str | None:
    scheme, _, key = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not _state(request).config.accepts(key.strip()):
        return None
    return key.strip()


def _unauthorized() -> JSONResponse:
    return error(401, "Unauthorized", "Invalid API key or the account is not active")


def _base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


async def submit(request: Request) -> Response:
    state = _state(request)
    suffix = request.url.path.removeprefix("/api/v3/bytedance/seedream-v4")
    try:
        body = await request.json()
    except ValueError:
        body = None
    state.record(request, body)
    key = _api_key(request)
    if key is None:
        return _unauthorized()
    if not isinstance(body, dict):
        return error(400, "Bad Request", "body must be a JSON object")
    try:
        prompt = prompt_of(body)
        size = wavespeed_size(body.get("size"))
        images = string_list(body.get("images"), "images")
        if ENDPOINTS[suffix] and not images:
            raise InvalidInput("images is required (1..10 URLs)", "images", missing=True)
        if len(images) > WAVESPEED_MAX_REFERENCES:
            raise InvalidInput(f"at most {WAVESPEED_MAX_REFERENCES} images are allowed, got {len(images)}", "images")
        sequential = suffix.endswith("sequential")
        max_images = max_images_of(body.get("max_images")) if sequential else 1
        base64_output = boolean(body.get("enable_base64_output"), "enable_base64_output", False)
        sync = boolean(body.get("enable_sync_mode"), "enable_sync_mode", False)
    except InvalidInput as exc:
        return error(400, "Bad Request", str(exc))
    if state.too_long(prompt):
        return error(400, "Bad Request", f"prompt is longer than {state.config.max_prompt_chars} characters")

    triggers = state.triggers(prompt, "wavespeed")
    failure = triggers.failure or state.random_failure()
    # WaveSpeed documents no Retry-After: its 429s carry none.
    if failure == "429":
        return error(429, "Too Many Requests", "rate limit exceeded")
    if failure == "500":
        return error(500, "Internal Server Error", "simulated server error")
    if failure == "402":
        return error(402, "Payment Required", "Insufficient balance, please top up your account")
    if failure == "envelope":
        # HTTP 200, error in the envelope (the SDK's own tests show this shape).
        code = int(triggers.code) if triggers.code and triggers.code.isdigit() else 1401
        return JSONResponse({"code": code, "message": "invalid parameter: simulated", "data": None})
    refused = state.limiter.take_images(key, max_images)
    if refused is not None:
        return error(429, "Too Many Requests", refused[0])

    task_id = uuid.uuid4().hex
    base = _base_url(request)
    task = Task(
        id=task_id,
        api_key=key,
        endpoint=suffix,
        prompt=prompt,
        size=size,
        images=images,
        max_images=max_images,
        base64_output=base64_output,
        webhook=request.query_params.get("webhook"),
        created_at=datetime.fromtimestamp(state.config.clock(), UTC).isoformat(),
        poll_url=f"{base}/api/v3/predictions/{task_id}/result",
        poll_failures=list(triggers.poll_failures),
        nsfw_first=failure == "nsfw",
    )
    state.tasks[task_id] = task
    unreachable = [url for url in images if not state.reference_reachable(url, request)]
    partial = triggers.partial or state.random_partial(max_images)
    if failure == "short" and max_images > 1:
        partial = max(partial, max_images // 2)  # WaveSpeed still bills all of max_images
    state.spawn(
        _run_task(
            state, task, failure, partial, state.latency(triggers), unreachable, base, body, triggers.download_failures
        )
    )
    # The task exists (and is billed) from here on; these replies hide that from the caller.
    if failure == "lostreply":
        await faults.hang(request, state.config.hang_s)
        return envelope(task.data())
    if failure == "504":
        return faults.gateway_timeout()
    if failure == "html":
        return faults.html_page()
    if failure == "reset":
        return faults.cut(b'{"code": 200, "message": "success", "data": {"id": "')
    if sync and failure == "sync5004":
        # Seen from the SDKs' tests: code 5004 is "still running" even when the status reads otherwise.
        data = task.data()
        data.update(code=5004, status="failed")
        return envelope(data, message="Sync mode timed out; the task continues, poll data.urls.get")
    if sync:
        try:
            await asyncio.wait_for(task.done.wait(), state.config.sync_wait_s)
        except TimeoutError:
            data = task.data()
            data.update(code=5004, status="processing")
            return envelope(data, message="Task is still processing; poll data.urls.get for the result")
    return envelope(task.data())


async def _run_task(
    state: SimulatorState,
    task: Task,
    failure: str | None,
    partial: int,
    latency: float,
    unreachable: list[str],
    base: str,
    body: dict[str, Any],
    download_failures: int = 0,
) -> None:
    started = time.monotonic()
    try:
        # Over the account's concurrency the task waits in WaveSpeed's queue ("created"); nothing is refused.
        async with state.task_slot(task.api_key):
            await _work(state, task, failure, partial, latency, unreachable, base, download_failures)
        task.execution_ms = int((time.monotonic() - started) * 1000)
    finally:
        task.done.set()
    if task.webhook:
        await _deliver_webhook(state, task, body)


TASK_FAILURES = frozenset({"timeout", "policy", "task", "nocode"})
"""Failures a submitted task ends in (the others are answered at submit, or only in the sync reply)."""


async def _work(
    state: SimulatorState,
    task: Task,
    failure: str | None,
    partial: int,
    latency: float,
    unreachable: list[str],
    base: str,
    download_failures: int,
) -> None:
    if failure == "stuck":
        # Over the account's concurrency, or a backlog at WaveSpeed: the task never leaves the queue.
        await asyncio.sleep(state.config.hang_s)
        return
    task.status = "processing"
    if failure not in TASK_FAILURES and not unreachable:
        # The render is part of the generation time: a task of latency L is done at L (not L plus the render, which
        # for many tasks ending together would queue on this process's CPU and stretch every call).
        ready_at = time.monotonic() + latency
        outputs = []
        for index in range(max(0, task.max_images - partial)):
            data, content_type = await state.render(task.prompt, 0, index, task.size)
            if failure == "cutimage":
                data = data[: len(data) // 2]
            if task.base64_output:
                outputs.append(base64.b64encode(data).decode())
            else:
                extension = "jpg" if content_type == "image/jpeg" else "png"
                output_key = f"{task.id}/{index}.{extension}"
                outputs.append(state.store_output(output_key, data, content_type, base))
                state.output_failures[output_key] = download_failures
                if failure == "expire":
                    state.expired.add(output_key)
        await asyncio.sleep(max(0.0, ready_at - time.monotonic()))
        task.outputs = outputs
        task.status = "completed"
        return
    await asyncio.sleep(latency)
    if failure == "timeout":
        # The task never finishes within any sane client deadline; it ends as WaveSpeed's own timeout.
        await asyncio.sleep(state.config.hang_s)
        task.status, task.code, task.error = "failed", 5004, "task timed out"
    elif failure == "policy":
        task.status, task.code, task.error = "failed", 1200, "content flagged by moderation"
    elif failure == "task":
        task.status, task.code, task.error = "failed", 5000, "internal error while generating"
    elif failure == "nocode":
        # The docs' own failed-task example: a status and an error, no code.
        task.status, task.code, task.error = "failed", None, "Task failed"
    else:
        task.status, task.code, task.error = "failed", 1402, f"media URL unreachable: {unreachable[0]}"


async def _deliver_webhook(state: SimulatorState, task: Task, body: dict[str, Any]) -> None:
    assert task.webhook is not None
    payload = {**task.data(), "input": body}
    raw = json.dumps(payload).encode()
    timestamp = int(state.config.clock())
    headers = {
        "content-type": "application/json",
        "webhook-id": task.id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign_webhook(state.config.webhook_secret, task.id, timestamp, raw),
    }
    transport = state.config.webhook_transport
    host = urlsplit(task.webhook).hostname or ""
    if transport is None and host not in LOOPBACK_HOSTS:
        # The simulator never reaches beyond loopback: a public webhook URL is recorded, not called.
        state.webhooks.append(WebhookDelivery(task.webhook, None, headers, raw, "non-loopback host not contacted"))
        return
    try:
        async with httpx.AsyncClient(transport=transport, timeout=10.0) as client:
            response = await client.post(task.webhook, content=raw, headers=headers)
        state.webhooks.append(WebhookDelivery(task.webhook, response.status_code, headers, raw))
    except httpx.HTTPError as exc:
        state.webhooks.append(WebhookDelivery(task.webhook, None, headers, raw, repr(exc)))


async def poll(request: Request) -> Response:
    state = _state(request)
    state.record(request, None)
    if _api_key(request) is None:
        return _unauthorized()
    task = state.tasks.get(request.path_params["task_id"])
    if task is None:
        return error(404, "Not Found", "prediction not found")
    if task.poll_failures:
        status = int(task.poll_failures.pop(0))
        if status == 404:
            return error(404, "Not Found", "prediction not found")
        return error(status, "Too Many Requests" if status == 429 else "Server Error", "simulated poll failure")
    return envelope(task.data())


async def balance(request: Request) -> Response:
    state = _state(request)
    state.record(request, None)
    if _api_key(request) is None:
        return _unauthorized()
    return envelope({"balance": state.config.balance})


async def upload(request: Request) -> Response:
    state = _state(request)
    if _api_key(request) is None:
        state.record(request, None)
        return _unauthorized()
    async with request.form() as form:
        file = form.get("file")
        if file is None or isinstance(file, str):
            state.record(request, {"file": None})
            return error(400, "Bad Request", "multipart field 'file' is required")
        data = await file.read()
        filename = file.filename or "upload"
        content_type = file.content_type or "application/octet-stream"
    state.record(request, {"file": {"filename": filename, "content_type": content_type, "size": len(data)}})
    media_id = f"{uuid.uuid4().hex}/{filename}"
    state.uploads[media_id] = (data, content_type)
    url = f"{_base_url(request)}/media/{media_id}"
    return envelope({"type": content_type.split("/")[0], "download_url": url, "filename": filename, "size": len(data)})


async def media(request: Request) -> Response:
    stored = _state(request).uploads.get(request.path_params["media_id"])
    if stored is None:
        return Response(status_code=404)
    return Response(stored[0], media_type=stored[1])


async def output(request: Request) -> Response:
    state = _state(request)
    state.record(request, None)  # so tests can count the fetches of each output link
    key = request.path_params["output_id"]
    stored = state.outputs.get(key)
    if stored is None:
        return Response(status_code=404)
    if key in state.expired:
        # What an object store answers for a presigned link past its expiry.
        return Response(EXPIRED_LINK, status_code=403, media_type="application/xml")
    if state.output_failures[key] > 0:
        state.output_failures[key] -= 1
        return Response(status_code=500)
    return Response(stored[0], media_type=stored[1])


routes = [
    *(Route(f"/api/v3/bytedance/seedream-v4{suffix}", submit, methods=["POST"]) for suffix in ENDPOINTS),
    Route("/api/v3/predictions/{task_id}/result", poll, methods=["GET"]),
    Route("/api/v3/predictions/{task_id}", poll, methods=["GET"]),
    Route("/api/v3/balance", balance, methods=["GET"]),
    Route("/api/v3/media/upload/binary", upload, methods=["POST"]),
    Route("/media/{media_id:path}", media, methods=["GET"]),
    Route("/outputs/{output_id:path}", output, methods=["GET"]),
]
