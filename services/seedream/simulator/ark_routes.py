"""The Ark side of the simulator: `POST /api/v3/images/generations`, plain JSON or SSE (`stream: true`)."""

from __future__ import annotations

import asyncio
import base64
import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from services.seedream.simulator import faults
from services.seedream.simulator.state import SimulatorState
from services.seedream.simulator.validation import (
    ARK_MAX_REFERENCES,
    MAX_IMAGES,
    InvalidInput,
    ark_size,
    ark_tier_shape,
    boolean,
    check_ark_reference,
    max_images_of,
    prompt_of,
    string_list,
)

OUTPUT_POLICY_CODE = "OutputImageSensitiveContentDetected"


def ark_error(
    status: int,
    code: str,
    message: str,
    *,
    param: str = "",
    kind: str = "",
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "param": param, "type": kind}}
    return JSONResponse(body, status_code=status, headers=headers)


def _state(request: Request) -> SimulatorState:
    state: SimulatorState = request.app.state.simulator
    return state


async def generations(request: Request) -> Response:
    state = _state(request)
    try:
        body = await request.json()
    except ValueError:
        body = None
    state.record(request, body)
    scheme, _, key = request.headers.get("authorization", "").partition(" ")
    key = key.strip()
    if scheme.lower() != "bearer" or not state.config.accepts(key):
        return ark_error(
            401,
            "AuthenticationError",
            "The API key in the request is missing or invalid.",
            kind="Unauthorized",
        )
    if not isinstance(body, dict):
        return ark_error(400, "InvalidParameter", "The request body must be a JSON object.", kind="BadRequest")
    model = body.get("model")
    if not model:
        return ark_error(
            400, "MissingParameter", "The parameter `model` is required.", param="model", kind="BadRequest"
        )
    if not isinstance(model, str) or (model not in state.config.ark_models and not model.startswith("ep-")):
        return ark_error(
            404,
            "InvalidEndpointOrModel.NotFound",
            f"The model or endpoint {model} does not exist or you do not have access to it.",
            kind="NotFound",
        )
    try:
        prompt = prompt_of(body)
        size = ark_size(body.get("size"))
        references = string_list(body.get("image"), "image")
        if len(references) > ARK_MAX_REFERENCES:
            raise InvalidInput(f"at most {ARK_MAX_REFERENCES} reference images are allowed", "image")
        mode = body.get("sequential_image_generation", "disabled")
        if mode not in ("auto", "disabled"):
            raise InvalidInput(
                "sequential_image_generation must be 'auto' or 'disabled'", "sequential_image_generation"
            )
        options = body.get("sequential_image_generation_options") or {}
        if not isinstance(options, dict):
            raise InvalidInput(
                "sequential_image_generation_options must be an object", "sequential_image_generation_options"
            )
        count = max_images_of(options.get("max_images"), 15) if mode == "auto" else 1
        if mode == "auto" and len(references) + count > MAX_IMAGES:
            raise InvalidInput(f"reference images plus max_images must not exceed {MAX_IMAGES}", "image")
        response_format = body.get("response_format", "url")
        if response_format not in ("url", "b64_json"):
            raise InvalidInput("response_format must be 'url' or 'b64_json'", "response_format")
        stream = boolean(body.get("stream"), "stream", False)
        boolean(body.get("watermark"), "watermark", True)
        seed = body.get("seed", 0)
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise InvalidInput("seed must be an integer", "seed")
        for url in references:
            if not state.reference_reachable(url, request):
                raise InvalidInput(f"The image {url[:64]} cannot be downloaded or decoded.", "image")
            data = state.reference_bytes(url, request)
            if data is not None:
                check_ark_reference(data)
        if isinstance(body.get("size"), str) and body["size"] in ("1K", "2K", "4K"):
            size = ark_tier_shape(body["size"], prompt)
    except InvalidInput as exc:
        code = "MissingParameter" if exc.missing else "InvalidParameter"
        return ark_error(400, code, str(exc), param=exc.param, kind="BadRequest")

    if state.too_long(prompt):
        return ark_error(
            400,
            "InvalidParameter",
            f"The parameter `prompt` is longer than {state.config.max_prompt_chars} characters.",
            param="prompt",
            kind="BadRequest",
        )
    triggers = state.triggers(prompt, "ark")
    failure = triggers.failure or state.random_failure()
    if failure == "429":
        return ark_error(
            429,
            "RateLimitExceeded.EndpointRPMExceeded",
            "Request rate limit exceeded.",
            kind="TooManyRequests",
            headers={"Retry-After": "2"},
        )
    if failure in ("500", "task"):
        return ark_error(
            500,
            "InternalServiceError",
            "The service encountered an unexpected internal error.",
            kind="InternalServerError",
        )
    if failure == "402":
        return ark_error(403, "AccountOverdueError", "Your account has an overdue balance.", kind="Forbidden")
    if failure == "closed":
        # As the docs answer it: a 400 that says to try again later.
        return ark_error(
            400,
            "InvalidEndpoint.ClosedEndpoint",
            "The endpoint is closed for now. Please try again later.",
            kind="BadRequest",
        )
    if failure == "envelope":
        code = triggers.code or "InternalServiceError"
        return JSONResponse({"error": {"code": code, "message": "simulated error in a 200 reply", "type": ""}})
    if failure == "policy":
        return ark_error(
            400,
            triggers.code or "InputTextSensitiveContentDetected",
            "The request failed because the input text may contain sensitive information.",
            param="prompt",
            kind="BadRequest",
        )
    refused = state.limiter.acquire(key, count)
    if refused is not None:
        reason, retry_after = refused
        return ark_error(
            429,
            "ModelAccountIpmRateLimitExceeded",
            reason,
            kind="TooManyRequests",
            headers={"Retry-After": f"{retry_after:.0f}"},
        )
    if failure == "short" and count > 1:
        count = (count + 1) // 2  # `auto` mode: the model decided on fewer images
    partial = triggers.partial or state.random_partial(count)
    if failure == "nsfw":
        partial = max(partial, 1)  # moderation rejects a slot, the rest continue
    generation = _Generation(
        state,
        request,
        key,
        prompt,
        size,
        count,
        seed,
        response_format,
        partial,
        state.latency(triggers),
        triggers.code or OUTPUT_POLICY_CODE,
    )
    generation.cut_images = failure == "cutimage"
    generation.expire = failure == "expire"
    if failure in ("timeout", "lostreply"):
        try:
            await faults.hang(request, state.config.hang_s)
        finally:
            state.limiter.release(key)
        return ark_error(500, "InternalServiceError", "The request timed out.", kind="InternalServerError")
    if stream:
        return await _stream(generation, truncate=failure == "truncate", reset=failure == "reset")
    try:
        entries = [await generation.entry(index) for index in range(count)]
    finally:
        state.limiter.release(key)
    # The images are made (and billed) from here on; these replies hide that from the caller.
    if failure == "504":
        return faults.gateway_timeout()
    if failure == "html":
        return faults.html_page()
    if failure == "reset":
        return faults.cut(b'{"model": "')
    return JSONResponse(
        {
            "model": model,
            "created": int(state.config.clock()),
            "data": entries,
            "usage": generation.usage(),
        }
    )


class _Generation:
    """One Ark call's outputs, rendered one slot at a time (so streaming can send each as it is done)."""

    def __init__(
        self,
        state: SimulatorState,
        request: Request,
        key: str,
        prompt: str,
        size: tuple[int, int],
        count: int,
        seed: int,
        response_format: str,
        partial: int,
        latency: float,
        failure_code: str,
    ) -> None:
        self.state, self.key, self.prompt, self.size, self.count = state, key, prompt, size, count
        self.seed, self.response_format, self.latency = seed, response_format, latency
        self.failure_code = failure_code
        self.failed_from = count - min(partial, count)
        self.base = str(request.base_url).rstrip("/")
        self.call_id = uuid.uuid4().hex
        self.generated = 0
        self.cut_images = False
        self.expire = False

    async def entry(self, index: int) -> dict[str, Any]:
        await asyncio.sleep(self.latency)
        if index >= self.failed_from:
            # Moderation rejects this slot; the rest of the set continues (as Ark documents).
            return {
                "error": {
                    "code": self.failure_code,
                    "message": "The generated image may contain sensitive information.",
                }
            }
        # Seedream 4.0 accepts `seed` and ignores it: the same prompt renders the same whatever the seed.
        data, content_type = await self.state.render(self.prompt, 0, index, self.size)
        if self.cut_images:
            data = data[: len(data) // 2]
        self.generated += 1
        entry: dict[str, Any] = {"size": f"{self.size[0]}x{self.size[1]}"}
        if self.response_format == "b64_json":
            entry["b64_json"] = base64.b64encode(data).decode()
        else:
            extension = "jpg" if content_type == "image/jpeg" else "png"
            key = f"ark-{self.call_id}/{index}.{extension}"
            entry["url"] = self.state.store_output(key, data, content_type, self.base)
            if self.expire:
                self.state.expired.add(key)  # Ark links last 24 h; this one is already past it
        return entry

    def usage(self) -> dict[str, int]:
        tokens = self.generated * self.size[0] * self.size[1] // 256
        return {"generated_images": self.generated, "output_tokens": tokens, "total_tokens": tokens}


def _event(payload: dict[str, Any]) -> bytes:
    return f"event: {payload['type']}\ndata: {json.dumps(payload)}\n\n".encode()


async def _stream(generation: _Generation, *, truncate: bool = False, reset: bool = False) -> Response:
    # Ark sends headers only after the first image is done: render it before answering.
    try:
        first = await generation.entry(0)
    except BaseException:
        generation.state.limiter.release(generation.key)
        raise

    def as_event(index: int, entry: dict[str, Any]) -> bytes:
        if "error" in entry:
            return _event({"type": "image_generation.partial_failed", "image_index": index, **entry})
        return _event({"type": "image_generation.partial_succeeded", "image_index": index, **entry})

    async def events() -> AsyncIterator[bytes]:
        try:
            yield as_event(0, first)
            if truncate:
                return  # the connection ends: no more images, no `completed`, no [DONE]
            if reset:
                # The rest of the set is still made (and billed) while the connection drops.
                for index in range(1, generation.count):
                    await generation.entry(index)
                raise faults.ConnectionCut("simulated connection reset mid-stream")
            for index in range(1, generation.count):
                yield as_event(index, await generation.entry(index))
            yield _event({"type": "image_generation.completed", "usage": generation.usage()})
            yield b"data: [DONE]\n\n"
        finally:
            generation.state.limiter.release(generation.key)

    return StreamingResponse(events(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})


routes = [Route("/api/v3/images/generations", generations, methods=["POST"])]
