"""BytePlus ModelArk / Volcengine Ark client: one `POST {base}/images/generations` per request, sync or SSE.

Streaming (`stream: true`) delivers a set image by image: each `image_generation.partial_succeeded` event is
turned
into a `GeneratedImage` and handed to the request's `on_image` callback at once; `partial_failed` becomes a
failed
slot. Validation errors still arrive as plain JSON with a 4xx status.

Never pay twice: Ark bills a request even when the client has hung up, and a sync set answers only when the
whole set is done. Set modes therefore stream by default (the read timeout then applies between events, not to
the whole set); without streaming the read timeout grows with `max_images`. A stream that ends without
`image_generation.completed` fails the images it never showed (no retry: they may have been billed), and a read
timeout or a reset after the request was sent is raised with `outcome_unknown`. Ark has no task to poll, so
`request.on_submitted` gets an id of our own (not resumable) before the request leaves, for the record.
"""

from __future__ import annotations

import base64
import binascii
import json
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Final, Literal

import httpx

from services.seedream.ark_references import ark_reference
from services.seedream.errors import (
    OUTCOME_UNKNOWN_CODE,
    ProviderError,
    ProviderRejected,
    ProviderTransient,
)
from services.seedream.image_probe import probe_image
from services.seedream.raw_response import elide_object
from services.seedream.set_prompt import stating_count
from services.seedream.types import (
    ErrorCategory,
    FailedSlot,
    GeneratedImage,
    GenerationRequest,
    GenerationResult,
    ImageSize,
    JSONObject,
    JSONValue,
    ReferenceImage,
    Submission,
    Timings,
)

__all__ = ["ArkClient", "ArkConfig"]

DEFAULT_BASE_URL: Final = "https://ark.ap-southeast.bytepluses.com/api/v3"
DEFAULT_MODEL: Final = "seedream-4-0-250828"
PROVIDER: Final = "ark"
# Failed-slot code for images a stream never showed (it was cut, or ended without `image_generation.completed`):
# they may be made and billed, so they are failures whose outcome is unknown, never asked for again.
STREAM_CUT_CODE: Final = OUTCOME_UNKNOWN_CODE
STREAM_CUT_MESSAGE: Final = "the image service's stream stopped before this image"
# Ark returns JPEG; a URL output has no bytes to inspect, so it is labelled with this.
OUTPUT_CONTENT_TYPE: Final = "image/jpeg"


@dataclass(frozen=True, slots=True)
class ArkConfig:
    api_key: str
    base_url: str = DEFAULT_BASE_URL
    model: str = DEFAULT_MODEL
    response_format: Literal["url", "b64_json"] = "b64_json"
    watermark: bool = False
    """Ark's own default is true; we only ask for it when configured."""
    stream: bool = False
    """Stream every request (sets stream anyway while `stream_sets` is on)."""
    stream_sets: bool = True
    """Stream set modes, so no read timeout has to cover a whole set."""
    request_timeout_s: float = 300.0
    """Read budget for one image (sync), or the longest gap between two events when streaming."""
    timeout_per_extra_image_s: float = 60.0
    """Added to the sync read budget for each image of a set beyond the first (Ark answers only at the end)."""


class ArkClient:
    def __init__(self, http: httpx.AsyncClient, config: ArkConfig) -> None:
        self._http = http
        self._config = config
        self._url = config.base_url.rstrip("/") + "/images/generations"

    @property
    def name(self) -> str:
        return PROVIDER

    async def generate(self, request: GenerationRequest) -> GenerationResult:
        started = time.monotonic()
        stream = self.streams(request)
        body = self.request_body(request)
        # Our id for this purchase, sent as the SDK does, so the provider's logs can find the request.
        request_id = request.request_id or uuid.uuid4().hex
        headers = {"Authorization": f"Bearer {self._config.api_key}", "X-Client-Request-Id": request_id}
        read = self._config.request_timeout_s
        if not stream:
            read += max(0, request.expected_images - 1) * self._config.timeout_per_extra_image_s
        timeout = httpx.Timeout(connect=10.0, read=read, write=60.0, pool=10.0)
        if request.on_submitted is not None:
            # Before the request leaves: if we die waiting, the record shows a request whose outcome is unknown.
            await request.on_submitted(Submission(request_id, resumable=False))
        try:
            if stream:
                images, failed, raw = await self._stream(body, headers, timeout, request)
            else:
                images, failed, raw = await self._sync(body, headers, timeout, request)
        except httpx.TransportError as exc:
            raise ProviderError.from_transport_error(exc, provider=PROVIDER, request_sent=True) from exc
        if not images and failed and all(slot.code != STREAM_CUT_CODE for slot in failed):
            first = failed[0]
            if first.category is ErrorCategory.TRANSIENT:
                raise ProviderTransient(first.message, provider=PROVIDER, code=first.code)
            raise ProviderRejected(first.message, provider=PROVIDER, code=first.code, category=first.category)
        return GenerationResult(
            provider=PROVIDER,
            images=images,
            failed=failed,
            timings=Timings(inference_ms=None, wall_ms=int((time.monotonic() - started) * 1000)),
            raw_response=raw,
        )

    def streams(self, request: GenerationRequest) -> bool:
        """Whether `request` goes out as SSE."""
        return self._config.stream or (self._config.stream_sets and request.mode.is_set)

    def request_body(self, request: GenerationRequest) -> JSONObject:
        """The JSON body for `request` (public so tests and logs can show exactly what is sent)."""
        size = request.size
        body: JSONObject = {
            "model": self._config.model,
            # `auto` lets the model choose how many (up to max_images): the prompt says how many are wanted.
            "prompt": stating_count(request.prompt, request.max_images) if request.mode.is_set else request.prompt,
            "size": f"{size.width}x{size.height}" if isinstance(size, ImageSize) else size.value,
            "response_format": self._config.response_format,
            "watermark": self._config.watermark,
        }
        if request.references:
            refs = [_reference_value(ref) for ref in request.references]
            body["image"] = refs[0] if len(refs) == 1 else list[JSONValue](refs)
        if request.mode.is_set:
            body["sequential_image_generation"] = "auto"
            body["sequential_image_generation_options"] = {"max_images": request.max_images}
        else:
            body["sequential_image_generation"] = "disabled"
        if request.seed is not None:
            body["seed"] = request.seed
        if self.streams(request):
            body["stream"] = True
        return body

    async def _sync(
        self, body: JSONObject, headers: dict[str, str], timeouts: httpx.Timeout, request: GenerationRequest
    ) -> tuple[list[GeneratedImage], list[FailedSlot], JSONObject]:
        response = await self._http.post(self._url, json=body, headers=headers, timeout=timeouts)
        payload = _json_or_none(response.content)
        unclear = ProviderError.unclear_reply(response, provider=PROVIDER, is_json=isinstance(payload, dict))
        if unclear is not None:
            raise unclear
        if response.status_code != 200 or not isinstance(payload, dict):
            raise ProviderError.from_ark_response(response, payload)
        if "data" not in payload and isinstance(payload.get("error"), dict):
            # A 200 holding only an error: classified by its code like any other Ark error, never "no images,
            # no failures".
            raise ProviderError.from_ark_response(response, payload)
        entries = payload.get("data")
        images: list[GeneratedImage] = []
        failed: list[FailedSlot] = []
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if not isinstance(entry, dict):
                continue
            outcome = _entry_outcome(index, entry)
            if isinstance(outcome, FailedSlot):
                failed.append(outcome)
            else:
                images.append(outcome)
                if request.on_image is not None:
                    await request.on_image(outcome)
        return images, failed, elide_object(payload)

    async def _stream(
        self, body: JSONObject, headers: dict[str, str], timeouts: httpx.Timeout, request: GenerationRequest
    ) -> tuple[list[GeneratedImage], list[FailedSlot], JSONObject]:
        images: list[GeneratedImage] = []
        failed: list[FailedSlot] = []
        events: list[JSONValue] = []
        headers = {**headers, "Accept": "text/event-stream"}
        completed = False
        async with self._http.stream("POST", self._url, json=body, headers=headers, timeout=timeouts) as response:
            if response.status_code != 200:
                await response.aread()
                payload = _json_or_none(response.content)
                unclear = ProviderError.unclear_reply(response, provider=PROVIDER, is_json=isinstance(payload, dict))
                raise unclear or ProviderError.from_ark_response(response, payload)
            try:
                async for event in _sse_events(response):
                    if event == "[DONE]":
                        break
                    payload = _json_or_none(event.encode())
                    if not isinstance(payload, dict):
                        continue
                    events.append(elide_object(payload))
                    kind = payload.get("type")
                    if kind == "image_generation.partial_succeeded":
                        image = _entry_outcome(_index_of(payload, len(images) + len(failed)), payload)
                        if isinstance(image, FailedSlot):
                            failed.append(image)
                            continue
                        images.append(image)
                        if request.on_image is not None:
                            await request.on_image(image)
                    elif kind == "image_generation.partial_failed":
                        slot = _entry_outcome(_index_of(payload, len(images) + len(failed)), payload)
                        if isinstance(slot, FailedSlot):
                            failed.append(slot)
                    elif kind == "image_generation.completed" or "error" in payload:
                        # `completed` may carry an error, and an internal error may come alone: either ends the
                        # stream, and the images not shown fail with the provider's code.
                        completed = True
                        error = payload.get("error")
                        if isinstance(error, dict) and error:
                            failed.extend(_unseen(images, failed, request, error))
                        if kind != "image_generation.completed":
                            break
            except httpx.TransportError as exc:
                # Cut mid-stream (a reset, a read timeout between events): what arrived is kept; the rest was
                # asked for and may be made and billed, so it fails as unknown below and is not bought again.
                events.append({"cut": type(exc).__name__})
                completed = False
        if not completed:
            # The stream ended without `image_generation.completed`: the images not seen are failures, and
            # their outcome is unknown (they may be billed), so they are not asked for again.
            seen = {item.index for item in images} | {slot.index for slot in failed}
            failed.extend(
                FailedSlot(index, STREAM_CUT_CODE, ErrorCategory.TRANSIENT, STREAM_CUT_MESSAGE)
                for index in range(request.expected_images)
                if index not in seen
            )
        return images, failed, {"stream": True, "events": events, "completed": completed}


def _unseen(
    images: list[GeneratedImage], failed: list[FailedSlot], request: GenerationRequest, error: JSONObject
) -> list[FailedSlot]:
    """Failed slots, with the stream's error, for the images it never showed."""
    code = str(error.get("code") or "stream_error")
    message = str(error.get("message") or "")
    category = ProviderError.from_ark_code(code, message, status=200).category
    seen = {item.index for item in images} | {slot.index for slot in failed}
    return [FailedSlot(index, code, category, message) for index in range(request.expected_images) if index not in seen]


async def _sse_events(response: httpx.Response) -> AsyncIterator[str]:
    """The `data` of each server-sent event; a multi-line event's `data:` lines are joined (the SSE spec)."""
    lines: list[str] = []
    async for line in response.aiter_lines():
        if line == "":
            if lines:
                yield "\n".join(lines)
                lines = []
            continue
        if line.startswith("data:"):
            value = line[5:]
            lines.append(value[1:] if value.startswith(" ") else value)
    if lines:
        yield "\n".join(lines)


def _reference_value(reference: ReferenceImage) -> str:
    if reference.url is not None:
        return reference.url
    assert reference.data is not None
    data, content_type = ark_reference(reference.data)
    encoded = base64.b64encode(data).decode()
    return f"data:{content_type};base64,{encoded}"


def _entry_outcome(index: int, entry: JSONObject) -> GeneratedImage | FailedSlot:
    error = entry.get("error")
    if isinstance(error, dict):
        code = str(error.get("code") or "unknown")
        category = ProviderError.from_ark_code(code, "", status=200).category
        return FailedSlot(index, code, category, str(error.get("message") or ""))
    width, height = _parse_size(entry.get("size"))
    b64 = entry.get("b64_json")
    if isinstance(b64, str):
        try:
            data = base64.b64decode(b64, validate=True)
        except (binascii.Error, ValueError):
            return FailedSlot(index, "unreadable_output", ErrorCategory.TRANSIENT, "invalid base64")
        try:
            width, height, content_type = probe_image(data)
        except ValueError as exc:
            return FailedSlot(index, "unreadable_output", ErrorCategory.TRANSIENT, str(exc))
        return GeneratedImage(index, width, height, content_type, data=data)
    url = entry.get("url")
    if isinstance(url, str):
        return GeneratedImage(index, width, height, OUTPUT_CONTENT_TYPE, url=url)
    return FailedSlot(index, "missing_output", ErrorCategory.TRANSIENT, "entry carries neither url nor b64_json")


def _index_of(event: JSONObject, fallback: int) -> int:
    value = event.get("image_index")
    return value if isinstance(value, int) else fallback


def _parse_size(value: JSONValue) -> tuple[int, int]:
    if isinstance(value, str) and "x" in value:
        width, _, height = value.partition("x")
        if width.isdigit() and height.isdigit():
            return int(width), int(height)
    return 0, 0


def _json_or_none(raw: bytes) -> JSONValue:
    try:
        value: JSONValue = json.loads(raw)
    except ValueError:
        return None
    return value
