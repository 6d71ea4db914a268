"""Replay of recorded provider exchanges: an httpx transport that plays a transcript (JSON under
``tests/transcripts/``), one readable fixture per provider behaviour, written from the providers' documented examples.

A transcript is ``{"behaviour": ..., "source": ..., "exchanges": [{"request": {...}, "response": {...}}]}``. Each
request names ``method`` and ``path`` (and optionally ``body_contains``: keys whose values the JSON body must carry);
requests must arrive in order, and one beyond the transcript fails the test (so "never resent" is checked by the
transport itself). A response has ``status``, optional ``headers`` and one body: ``json``, ``text``, ``sse`` (a list
of events, each sent as one ``data:`` line; the string ``[DONE]`` as is), or ``image`` (``[width, height]``: a real
PNG). Inside ``json`` and ``sse``, ``{"$png_b64": [w, h]}`` becomes a real PNG in base64.
"""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path
from typing import Any

import httpx
from PIL import Image

TRANSCRIPTS = Path(__file__).parent / "transcripts"


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (40, 90, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def _expand(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"$png_b64"}:
            width, height = value["$png_b64"]
            return base64.b64encode(png(width, height)).decode()
        return {key: _expand(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_expand(item) for item in value]
    return value


class TranscriptTransport(httpx.AsyncBaseTransport):
    """Plays one transcript; ``requests`` keeps what the client sent."""

    def __init__(self, name: str) -> None:
        self.transcript: dict[str, Any] = json.loads((TRANSCRIPTS / f"{name}.json").read_text())
        self.exchanges: list[dict[str, Any]] = list(self.transcript["exchanges"])
        self.requests: list[httpx.Request] = []

    @property
    def remaining(self) -> int:
        return len(self.exchanges)

    def sent(self, method: str, path_suffix: str) -> int:
        return sum(1 for r in self.requests if r.method == method and r.url.path.endswith(path_suffix))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        self.requests.append(request)
        if not self.exchanges:
            raise AssertionError(f"unexpected request beyond the transcript: {request.method} {request.url}")
        exchange = self.exchanges.pop(0)
        expected = exchange["request"]
        assert request.method == expected["method"], (request.method, expected)
        assert request.url.path.endswith(expected["path"]), (request.url.path, expected["path"])
        for key, value in expected.get("body_contains", {}).items():
            assert json.loads(request.content)[key] == value, (key, value)
        response = exchange["response"]
        headers = dict(response.get("headers", {}))
        if "json" in response:
            content = json.dumps(_expand(response["json"])).encode()
            headers.setdefault("content-type", "application/json")
        elif "sse" in response:
            lines = [
                "data: [DONE]\n\n" if event == "[DONE]" else f"data: {json.dumps(_expand(event))}\n\n"
                for event in response["sse"]
            ]
            content = "".join(lines).encode()
            headers.setdefault("content-type", "text/event-stream")
        elif "image" in response:
            content = png(*response["image"])
            headers.setdefault("content-type", "image/png")
        else:
            content = response.get("text", "").encode()
        return httpx.Response(response["status"], headers=headers, content=content, request=request)
