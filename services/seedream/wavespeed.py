"""WaveSpeed v3 client for the four Seedream v4 endpoints (submit, then sync answer or poll).

Flow: upload local references (`/api/v3/media/upload/binary`), submit, then either take the sync answer or
poll
`data.urls.get` (falling back to `/api/v3/predictions/{id}/result`) with backoff until a terminal status or
our
overall deadline. Base64 outputs are decoded, URL outputs downloaded, so results always hold bytes.

Never pay twice: WaveSpeed bills every submit (a set for all of `max_images`), so this client submits at most
once per `generate` call. The task id goes to `request.on_submitted` before the first poll; transient poll
failures (429, 5xx, connection errors) are retried until the deadline, which grows with the number of images,
as the official SDKs retry their result GET; a task still queued (`created`) after `queue_wait_s` is given up
as an unknown outcome (it may still run and bill: never bought again); at the deadline
`ProviderDeadlineExceeded.resume_task_id` names the task, and a later call with `request.resume_task_id` polls it
instead of submitting. A failed output
download is retried, then fails only its own image.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import logging
import time
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlsplit

import httpx

from services.seedream.downloads import MAX_OUTPUT_BYTES, OutputTooLarge, read_capped
from services.seedream.errors import (
    WAVESPEED_SYNC_STILL_PROCESSING_CODE,
    ProviderAuthError,
    ProviderDeadlineExceeded,
    ProviderError,
    ProviderTransient,
)
from services.seedream.image_probe import probe_image
from services.seedream.raw_response import elide_object
from services.seedream.set_prompt import stating_count
from services.seedream.types import (
    ErrorCategory,
    FailedSlot,
    GeneratedImage,
    GenerationMode,
    GenerationRequest,
    GenerationResult,
    ImageSize,
    JSONObject,
    JSONValue,
    ReferenceImage,
    SizeTier,
    Submission,
    Timings,
)
from services.seedream.webhook_signature import WebhookSignatureError, verify_webhook_signature

__all__ = [
    "ENDPOINTS",
    "QUEUED_TOO_LONG_CODE",
    "WaveSpeedClient",
    "WaveSpeedConfig",
    "WebhookSignatureError",
    "verify_webhook_signature",
]

log = logging.getLogger(__name__)

DEFAULT_BASE_URL: Final = "https://api.wavespeed.ai"
PROVIDER: Final = "wavespeed"
ENDPOINTS: Final[dict[GenerationMode, str]] = {
    GenerationMode.TEXT_TO_IMAGE: "/api/v3/bytedance/seedream-v4",
    GenerationMode.EDIT: "/api/v3/bytedance/seedream-v4/edit",
    GenerationMode.SEQUENTIAL: "/api/v3/bytedance/seedream-v4/sequential",
    GenerationMode.EDIT_SEQUENTIAL: "/api/v3/bytedance/seedream-v4/edit-sequential",
}
TERMINAL_STATUSES: Final = frozenset({"completed", "failed", "cancelled", "timeout", "deleted"})
# HTTP statuses worth another try of an output download (the rest, 403/404, mean the link is gone).
RETRYABLE_DOWNLOAD_STATUSES: Final = frozenset({408, 429, 500, 502, 503, 504})
# Envelope codes a submit may carry besides 200: a sync request the server stopped waiting for.
SYNC_PENDING_CODES: Final = frozenset({WAVESPEED_SYNC_STILL_PROCESSING_CODE})
# The server holds a sync request about 90 s before answering 5004; give the read a margin beyond that.
SYNC_READ_MARGIN_S: Final = 15.0
QUEUED_TOO_LONG_CODE: Final = "queued_too_long"
"""A task still queued after `queue_wait_s`: its outcome is unknown (it may run later), never bought again."""


@dataclass(frozen=True, slots=True)
class WaveSpeedConfig:
    api_key: str
    base_url: str = DEFAULT_BASE_URL
    sync_mode: bool = False
    base64_output: bool = False
    poll_initial_s: float = 2.0
    """WaveSpeed documents at least 2 s between polls of an image task, growing (`poll_multiplier`)."""
    poll_max_s: float = 10.0
    poll_multiplier: float = 1.5
    deadline_s: float = 300.0
    """Overall budget for one `generate` call of one image, from submit to the last download."""
    deadline_per_extra_image_s: float = 30.0
    """Added to `deadline_s` for each image of a set beyond the first (a set of 15 runs for minutes)."""
    download_attempts: int = 3
    """Tries per output download before that one image is reported failed."""
    sync_wait_s: float = 90.0
    """How long the server holds a sync request before answering 5004 (sets our read timeout)."""
    webhook_url: str | None = None
    queue_wait_s: float = 900.0
    """How long a task may stay queued (`created`, over the account's concurrency) before it is given up as an
    unknown outcome: it may still run, and bill, later, so it is never bought again."""


class WaveSpeedClient:
    """Talks to WaveSpeed (or the simulator, which speaks the same format) through a shared
    `httpx.AsyncClient`."""

    def __init__(self, http: httpx.AsyncClient, config: WaveSpeedConfig, *, name: str = PROVIDER) -> None:
        self._http = http
        self._config = config
        self._base = config.base_url.rstrip("/")
        self._name = name

    @property
    def name(self) -> str:
        return self._name

    async def generate(self, request: GenerationRequest) -> GenerationResult:
        started = time.monotonic()
        deadline = started + self.deadline_for(request)
        if request.resume_task_id is not None:
            # A task submitted by an earlier call (or a worker that died): poll it, never buy it again.
            task_id: str | None = request.resume_task_id
            data: JSONObject = {"id": request.resume_task_id, "status": "processing"}
        else:
            references = [await self._reference_url(ref) for ref in request.references]
            body = self._request_body(request, references)
            # A webhook names the request (our item and request ids): a submit whose reply is lost is found by it.
            webhook = request.webhook_url or self._config.webhook_url
            params = {"webhook": webhook} if webhook else None
            timeout = self._sync_timeout(deadline) if self._config.sync_mode else None
            envelope = await self._call(
                "POST",
                self._base + ENDPOINTS[request.mode],
                json=body,
                params=params,
                timeouts=timeout,
                accept_codes=SYNC_PENDING_CODES,
                purchase=True,
            )
            data = _data_of(envelope)
            task_id = str(data.get("id") or "") or None
            if task_id is not None and request.on_submitted is not None:
                await request.on_submitted(Submission(task_id, resumable=True))
            if _sync_still_running(envelope, data):
                # The SDKs test only the code: a 5004 reply is "still running, poll it", whatever its status.
                data = {**data, "status": "processing"}
        if str(data.get("status")) not in TERMINAL_STATUSES:
            data = await self._poll(data, deadline)
        status = str(data.get("status"))
        if status != "completed":
            raise ProviderError.from_wavespeed_task(data)
        images, failed = await self._collect_outputs(data, request, deadline)
        # A completed task is paid for: images that did not arrive are failed slots, never a reason to submit
        # again.
        for image in images:
            if request.on_image is not None:
                await request.on_image(image)
        return GenerationResult(
            provider=self._name,
            images=images,
            failed=failed,
            timings=Timings(inference_ms=_inference_ms(data), wall_ms=_elapsed_ms(started)),
            raw_response=elide_object(data),
            task_id=task_id,
        )

    def deadline_for(self, request: GenerationRequest) -> float:
        """Seconds one `generate` call may take: the base budget plus a share for each extra image of a set."""
        extra = max(0, request.expected_images - 1)
        return self._config.deadline_s + extra * self._config.deadline_per_extra_image_s

    async def balance(self) -> float:
        """The account balance in USD (`GET /api/v3/balance` -> `data.balance`)."""
        data = _data_of(await self._call("GET", self._base + "/api/v3/balance"))
        value = data.get("balance")
        if not isinstance(value, int | float):
            raise ProviderTransient("balance missing from reply", provider=self._name, code="bad_reply")
        return float(value)

    async def upload(self, data: bytes, content_type: str, filename: str = "reference") -> str:
        """Upload a local reference and return the URL WaveSpeed hands back for it."""
        files = {"file": (filename, data, content_type)}
        envelope = await self._call("POST", self._base + "/api/v3/media/upload/binary", files=files)
        payload = _data_of(envelope)
        url = payload.get("download_url") or payload.get("url")
        if not isinstance(url, str):
            raise ProviderTransient("upload reply carried no URL", provider=self._name, code="bad_reply")
        return url

    def _request_body(self, request: GenerationRequest, references: list[str]) -> JSONObject:
        size = request.size
        if isinstance(size, SizeTier):
            size = ImageSize(size.square_side, size.square_side)
        prompt = stating_count(request.prompt, request.max_images) if request.mode.is_set else request.prompt
        body: JSONObject = {"prompt": prompt, "size": f"{size.width}*{size.height}"}
        if request.mode.needs_references or references:
            body["images"] = list[JSONValue](references)
        if request.mode.is_set:
            body["max_images"] = request.max_images
        if self._config.base64_output:
            body["enable_base64_output"] = True
        if self._config.sync_mode:
            body["enable_sync_mode"] = True
        # WaveSpeed has no seed: request.seed is deliberately not sent.
        return body

    async def _reference_url(self, reference: ReferenceImage) -> str:
        if reference.url is not None:
            return reference.url
        assert reference.data is not None
        extension = reference.content_type.rsplit("/", 1)[-1]
        return await self.upload(reference.data, reference.content_type, f"reference.{extension}")

    def _sync_timeout(self, deadline: float) -> httpx.Timeout:
        remaining = max(0.1, deadline - time.monotonic())
        read = min(remaining, self._config.sync_wait_s + SYNC_READ_MARGIN_S)
        return httpx.Timeout(connect=10.0, read=read, write=30.0, pool=10.0)

    async def _poll(self, data: JSONObject, deadline: float) -> JSONObject:
        task_id = str(data.get("id") or "")
        url = self._poll_url(data, task_id)
        interval = self._config.poll_initial_s
        last_error: ProviderTransient | None = None
        queued_until = time.monotonic() + self._config.queue_wait_s
        while True:
            if str(data.get("status")) == "created" and time.monotonic() >= queued_until:
                raise ProviderTransient(
                    f"task {task_id} is still waiting in the image service's queue",
                    provider=self._name,
                    code=QUEUED_TOO_LONG_CODE,
                    outcome_unknown=True,
                )
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                why = f" (last poll error: {last_error.message})" if last_error is not None else ""
                raise ProviderDeadlineExceeded(
                    f"task {task_id} still {data.get('status')} at the deadline{why}",
                    provider=self._name,
                    task_id=task_id,
                )
            await asyncio.sleep(min(interval, remaining))
            interval = min(interval * self._config.poll_multiplier, self._config.poll_max_s)
            timeout = httpx.Timeout(max(0.1, min(30.0, deadline - time.monotonic())))
            try:
                data = _data_of(await self._call("GET", url, timeouts=timeout))
            except ProviderTransient as error:
                # The task runs on whatever happens to our GET: retry the poll, never the (billed) submit.
                last_error = error
                if error.retry_after:
                    interval = max(interval, error.retry_after)
                continue
            except ProviderAuthError as error:
                if error.status != 404:
                    raise
                # The task is gone from the provider's view (expired, deleted, or a glitch): what it made, and
                # billed, is unknown. Never a reason for a new purchase.
                raise ProviderTransient(
                    f"the image service no longer finds task {task_id}",
                    provider=self._name,
                    code="task_not_found",
                    status=404,
                    outcome_unknown=True,
                ) from error
            if str(data.get("status")) in TERMINAL_STATUSES:
                return data

    def _poll_url(self, data: JSONObject, task_id: str) -> str:
        urls = data.get("urls")
        get_url = urls.get("get") if isinstance(urls, dict) else None
        # Only follow urls.get on our own origin: it receives the Authorization header.
        if isinstance(get_url, str) and _origin(get_url) == _origin(self._base):
            return get_url
        if not task_id:
            raise ProviderTransient("reply carried neither a task id nor urls.get", provider=self._name)
        return f"{self._base}/api/v3/predictions/{task_id}/result"

    async def _collect_outputs(
        self, data: JSONObject, request: GenerationRequest, deadline: float
    ) -> tuple[list[GeneratedImage], list[FailedSlot]]:
        outputs = data.get("outputs")
        outputs = outputs if isinstance(outputs, list) else []
        nsfw = data.get("has_nsfw_contents")
        flags = nsfw if isinstance(nsfw, list) else []
        images: list[GeneratedImage] = []
        failed: list[FailedSlot] = []
        payloads = await asyncio.gather(*(self._output_bytes(item, deadline) for item in outputs))
        for index, payload in enumerate(payloads):
            if index < len(flags) and flags[index] is True:
                failed.append(FailedSlot(index, "nsfw", ErrorCategory.CONTENT_POLICY, "flagged by the provider"))
                continue
            if isinstance(payload, FailedSlot):
                failed.append(FailedSlot(index, payload.code, payload.category, payload.message))
                continue
            try:
                width, height, content_type = probe_image(payload)
            except ValueError as exc:
                failed.append(FailedSlot(index, "unreadable_output", ErrorCategory.TRANSIENT, str(exc)))
                continue
            images.append(GeneratedImage(index, width, height, content_type, data=payload))
        # A set may come back short; slots that never arrived are reported so the caller can refund them.
        for index in range(len(outputs), request.expected_images):
            failed.append(FailedSlot(index, "missing_output", ErrorCategory.TRANSIENT, "no output for this slot"))
        return images, failed

    async def _output_bytes(self, item: JSONValue, deadline: float) -> bytes | FailedSlot:
        """The output's bytes, or a failed slot (its index is set by the caller) when it cannot be had."""
        if not isinstance(item, str):
            return b""
        if item.startswith(("http://", "https://")):
            return await self._download(item, deadline)
        encoded = item.split(",", 1)[1] if item.startswith("data:") else item
        if len(encoded) // 4 * 3 > MAX_OUTPUT_BYTES:
            return FailedSlot(-1, "output_too_large", ErrorCategory.TRANSIENT, "the image is larger than allowed")
        try:
            return base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            return b""

    async def _download(self, url: str, deadline: float) -> bytes | FailedSlot:
        delay = self._config.poll_initial_s
        reason = "download failed"
        for attempt in range(1, self._config.download_attempts + 1):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            status: int | None = None
            try:
                # Output links are public CDN URLs: no Authorization header leaves for a foreign host.
                timeout = httpx.Timeout(max(0.1, min(60.0, remaining)))
                async with self._http.stream("GET", url, timeout=timeout) as response:
                    status = response.status_code
                    if status == 200:
                        return await read_capped(response)
            except OutputTooLarge as exc:
                # The same link would serve the same bytes: that image fails, nothing is fetched or bought again.
                return FailedSlot(-1, "output_too_large", ErrorCategory.TRANSIENT, str(exc))
            except httpx.TransportError as exc:
                reason = "the image could not be downloaded from the image service"
                log.info("download of a provider output failed: %r", exc)
            if status is not None:
                reason = f"the image could not be downloaded from the image service (HTTP {status})"
                if status not in RETRYABLE_DOWNLOAD_STATUSES:
                    break
            if attempt < self._config.download_attempts:
                await asyncio.sleep(min(delay, max(0.0, deadline - time.monotonic())))
                delay = min(delay * 2, self._config.poll_max_s)
        return FailedSlot(-1, "download_failed", ErrorCategory.TRANSIENT, reason)

    async def _call(
        self,
        method: str,
        url: str,
        *,
        json: JSONObject | None = None,
        params: dict[str, str] | None = None,
        files: dict[str, tuple[str, bytes, str]] | None = None,
        timeouts: httpx.Timeout | None = None,
        accept_codes: frozenset[int] = frozenset(),
        purchase: bool = False,
    ) -> JSONObject:
        """One API call. With `purchase` (the submit) a reply that does not tell whether the task was created (a
        read timeout or reset after sending, a 504, an HTTP 200 that is not JSON) raises with `outcome_unknown`:
        the official SDK never resends a submit ("the task may already have been created")."""
        headers = {"Authorization": f"Bearer {self._config.api_key}"}
        try:
            response = await self._http.request(
                method,
                url,
                json=json,
                params=params,
                files=files,
                headers=headers,
                timeout=timeouts if timeouts is not None else httpx.USE_CLIENT_DEFAULT,
            )
        except httpx.TransportError as exc:
            raise ProviderError.from_transport_error(exc, provider=self._name, request_sent=purchase) from exc
        try:
            body: JSONValue = response.json()
        except ValueError:
            body = None
        if purchase:
            unclear = ProviderError.unclear_reply(response, provider=self._name, is_json=isinstance(body, dict))
            if unclear is not None:
                raise unclear
        if (
            response.status_code != 200
            or not isinstance(body, dict)
            or (body.get("code") != 200 and body.get("code") not in accept_codes)
        ):
            if response.status_code == 200 and not isinstance(body, dict):
                raise ProviderTransient("reply is not a JSON envelope", provider=self._name, status=200)
            error = ProviderError.from_wavespeed_response(response, body)
            if self._name != error.provider:
                error.provider = self._name
            raise error
        return body


def _data_of(envelope: JSONObject) -> JSONObject:
    data = envelope.get("data")
    return data if isinstance(data, dict) else {}


def _sync_still_running(envelope: JSONObject, data: JSONObject) -> bool:
    codes = (envelope.get("code"), data.get("code"))
    return WAVESPEED_SYNC_STILL_PROCESSING_CODE in codes and bool(data.get("id"))


def _inference_ms(data: JSONObject) -> int | None:
    timings = data.get("timings")
    if isinstance(timings, dict) and isinstance(timings.get("inference"), int | float):
        value = timings["inference"]
        assert isinstance(value, int | float)
        return int(value)
    execution = data.get("executionTime")
    return int(execution) if isinstance(execution, int | float) else None


def _elapsed_ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc
