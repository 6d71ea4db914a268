"""BytePlus ModelArk / Volcengine Ark client: one `POST {base}/images/generations` per request, sync or SSE.

Streaming (`stream: true`) delivers a set image by image: each `image_generation.partial_succeeded` event is
turned
into a `GeneratedImage` and handed to the request's `on_image` callback at once; `partial_failed` becomes a
failed
slot. Validation errors still arrive as plain JSON with a 4xx status.
"""

from __future__ import annotations

import base64
import binascii
import json
import time
from dataclasses import dataclass
from typing import Final, Literal

import httpx

from services.seedream.errors import (
    ARK_CONTENT_POLICY_CODES,
    ProviderError,
    ProviderRejected,
    ProviderTransient,
)
from services.seedream.image_probe import probe_image
from services.seedream.raw_response import elide_object
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
    Timings,
)

__all__ = ["ArkClient", "ArkConfig"]

DEFAULT_BASE_URL: Final = "https://ark.ap-southeast.bytepluses.com/api/v3"
DEFAULT_MODEL: Final = "seedream-4-0-250828"
PROVIDER: Final = "ark"
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
    request_timeout_s: float = 300.0
    """Read budget for one call (the whole set in sync mode, the gap between events when streaming)."""


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
        body = self.request_body(request)
        headers = {"Authorization": f"Bearer {self._config.api_key}"}
        timeout = httpx.Timeout(connect=10.0, read=self._config.request_timeout_s, write=60.0, pool=10.0)
        try:
            if self._config.stream:
                images, failed, raw = await self._stream(body, headers, timeout, request)
            else:
                images, failed, raw = await self._sync(body, headers, timeout, request)
        except httpx.TransportError as exc:
            raise ProviderError.from_transport_error(exc, provider=PROVIDER) from exc
        if not images and failed:
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

    def request_body(self, request: GenerationRequest) -> JSONObject:
        """The JSON body for `request` (public so tests and logs can show exactly what is sent)."""
        size = request.size
        body: JSONObject = {
            "model": self._config.model,
            "prompt": request.prompt,
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
        if self._config.stream:
            body["stream"] = True
        return body

    async def _sync(
        self, body: JSONObject, headers: dict[str, str], timeouts: httpx.Timeout, request: GenerationRequest
    ) -> tuple[list[GeneratedImage], list[FailedSlot], JSONObject]:
        response = await self._http.post(self._url, json=body, headers=headers, timeout=timeouts)
        payload = _json_or_none(response.content)
        if response.status_code != 200 or not isinstance(payload, dict):
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
        async with self._http.stream("POST", self._url, json=body, headers=headers, timeout=timeouts) as response:
            if response.status_code != 200:
                await response.aread()
                raise ProviderError.from_ark_response(response, _json_or_none(response.content))
            async for line in response.aiter_lines():
                if not line.startswith("data:"):
                    continue
                data = line[5:].strip()
                if data == "[DONE]":
                    break
                event = _json_or_none(data.encode())
                if not isinstance(event, dict):
                    continue
                events.append(elide_object(event))
                kind = event.get("type")
                if kind == "image_generation.partial_succeeded":
                    image = _entry_outcome(_index_of(event, len(images) + len(failed)), event)
                    if isinstance(image, FailedSlot):
                        failed.append(image)
                        continue
                    images.append(image)
                    if request.on_image is not None:
                        await request.on_image(image)
                elif kind == "image_generation.partial_failed":
                    slot = _entry_outcome(_index_of(event, len(images) + len(failed)), event)
                    if isinstance(slot, FailedSlot):
                        failed.append(slot)
                elif "error" in event and kind != "image_generation.completed":
                    # An internal error ends the stream; what already arrived is kept, the rest is retryable.
                    error = event["error"]
                    code = str(error.get("code")) if isinstance(error, dict) else "stream_error"
                    message = str(error.get("message")) if isinstance(error, dict) else ""
                    done = len(images) + len(failed)
                    failed.extend(
                        FailedSlot(index, code, ErrorCategory.TRANSIENT, message)
                        for index in range(done, request.expected_images)
                    )
                    break
        return images, failed, {"stream": True, "events": events}


def _reference_value(reference: ReferenceImage) -> str:
    if reference.url is not None:
        return reference.url
    assert reference.data is not None
    encoded = base64.b64encode(reference.data).decode()
    return f"data:{reference.content_type};base64,{encoded}"


def _entry_outcome(index: int, entry: JSONObject) -> GeneratedImage | FailedSlot:
    error = entry.get("error")
    if isinstance(error, dict):
        code = str(error.get("code") or "unknown")
        category = ErrorCategory.CONTENT_POLICY if code in ARK_CONTENT_POLICY_CODES else ErrorCategory.TRANSIENT
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
