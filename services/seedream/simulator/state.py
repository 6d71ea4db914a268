"""Everything the simulator remembers while it runs: tasks, uploads, rendered outputs, recorded requests."""

from __future__ import annotations

import asyncio
import base64
import binascii
import random
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request

from services.seedream.simulator.config import SimulatorConfig
from services.seedream.simulator.fault_plan import states_count
from services.seedream.simulator.rate_limits import KeyLimiter
from services.seedream.simulator.render import render_image
from services.seedream.simulator.triggers import Triggers, parse_triggers, visible_prompt


@dataclass(slots=True)
class RecordedRequest:
    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: Any


@dataclass(slots=True)
class WebhookDelivery:
    url: str
    status: int | None
    headers: dict[str, str]
    body: bytes
    error: str | None = None


@dataclass(slots=True)
class Task:
    """A WaveSpeed task; `data()` is what the poll endpoint returns inside the envelope."""

    id: str
    api_key: str
    endpoint: str
    prompt: str
    size: tuple[int, int]
    images: list[str]
    max_images: int
    base64_output: bool
    webhook: str | None
    created_at: str
    poll_url: str
    status: str = "created"
    poll_failures: list[str] = field(default_factory=list)
    """Statuses the next polls answer with before the task is shown again (injected faults)."""
    outputs: list[str] = field(default_factory=list)
    code: int | None = None
    error: str = ""
    execution_ms: int | None = None
    done: asyncio.Event = field(default_factory=asyncio.Event)
    nsfw_first: bool = False

    def data(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "model": "bytedance/seedream-v4" + self.endpoint,
            "status": self.status,
            "outputs": list(self.outputs),
            "urls": {"get": self.poll_url},
            "has_nsfw_contents": [self.nsfw_first and i == 0 for i in range(len(self.outputs))],
            "created_at": self.created_at,
            "error": self.error,
            "executionTime": self.execution_ms or 0,
            "timings": {"inference": self.execution_ms or 0},
        }
        if self.code is not None:
            data["code"] = self.code
        return data


class SimulatorState:
    def __init__(self, config: SimulatorConfig) -> None:
        self.config = config
        self.rng = random.Random(config.seed)  # noqa: S311 (simulated failures, not security)
        self.limiter = KeyLimiter(config.images_per_minute, config.concurrent_tasks, config.clock)
        self.tasks: dict[str, Task] = {}
        self.uploads: dict[str, tuple[bytes, str]] = {}
        self.outputs: dict[str, tuple[bytes, str]] = {}
        self.rendered: dict[tuple[int, int], bytes] = {}
        """``render_once``: the image served for each size."""
        self.expired: set[str] = set()
        """Output keys whose links have expired (answer 403)."""
        self.output_failures: Counter[str] = Counter()
        """Injected failures left per output key (each download answers 500 until it reaches 0)."""
        self.task_slots: dict[str, asyncio.Semaphore] = {}
        """Per key: WaveSpeed runs at most `concurrent_tasks` at once and queues the rest (no 429)."""
        self.requests: list[RecordedRequest] = []
        self.webhooks: list[WebhookDelivery] = []
        self.attempts: Counter[str] = Counter()
        self.background: set[asyncio.Task[None]] = set()

    def record(self, request: Request, body: Any) -> None:
        if self.config.record_requests:
            self.requests.append(
                RecordedRequest(request.method, request.url.path, request.url.query, dict(request.headers), body)
            )

    def triggers(self, prompt: str, provider: str = "any") -> Triggers:
        """Parse trigger words and apply `:K` limits (the Kth+1 attempt of the same prompt succeeds); without a
        trigger word, the fault plan may pick a fault. A set whose prompt does not state its count comes back
        short when the plan says so."""
        triggers = self._triggers(prompt)
        plan = self.config.fault_plan
        if plan is None:
            return triggers
        if triggers.failure is None:
            picked = plan.pick(provider, prompt, self.rng)
            if picked is not None:
                triggers = replace(triggers, failure=picked)
        if triggers.failure is None and plan.short_unstated_sets and not states_count(prompt):
            triggers = replace(triggers, failure="short")
        return triggers

    def too_long(self, prompt: str) -> bool:
        limit = self.config.max_prompt_chars
        return limit is not None and len(prompt) > limit

    def _triggers(self, prompt: str) -> Triggers:
        triggers = parse_triggers(prompt)
        self.attempts[prompt] += 1
        if triggers.failure_attempts is not None and self.attempts[prompt] > triggers.failure_attempts:
            return Triggers(
                None,
                None,
                triggers.partial,
                triggers.delay_s,
                triggers.poll_failures,
                triggers.download_failures,
                triggers.code,
            )
        return triggers

    def random_failure(self) -> str | None:
        """Draw one injected failure kind from the configured rates (in a fixed order, from the seeded
        RNG)."""
        rates = self.config.failures
        for kind, rate in (
            ("500", rates.server_error),
            ("429", rates.rate_limited),
            ("timeout", rates.timeout),
            ("policy", rates.content_policy),
        ):
            if rate > 0 and self.rng.random() < rate:
                return kind
        return None

    def random_partial(self, count: int) -> int:
        if count > 1 and self.config.failures.partial > 0 and self.rng.random() < self.config.failures.partial:
            return self.rng.randint(1, count - 1)
        return 0

    def latency(self, triggers: Triggers) -> float:
        return triggers.delay_s if triggers.delay_s is not None else self.config.latency.sample(self.rng)

    def reference_bytes(self, url: str, request: Request) -> bytes | None:
        """The bytes of a data: URL or one of our uploads; None for anything else (never fetched)."""
        if url.startswith("data:"):
            try:
                return base64.b64decode(url.partition(",")[2], validate=True)
            except (binascii.Error, ValueError):
                return None
        parts = urlsplit(url)
        if parts.netloc == request.url.netloc and parts.path.startswith("/media/"):
            stored = self.uploads.get(parts.path.removeprefix("/media/"))
            return stored[0] if stored else None
        return None

    def reference_reachable(self, url: str, request: Request) -> bool:
        """Only our own upload URLs and data: URLs are checked; other URLs are accepted without any fetch."""
        if url.startswith("data:"):
            header, _, payload = url.partition(",")
            if not header.endswith(";base64"):
                return False
            try:
                base64.b64decode(payload, validate=True)
            except (binascii.Error, ValueError):
                return False
            return True
        parts = urlsplit(url)
        if parts.netloc == request.url.netloc and parts.path.startswith("/media/"):
            return parts.path.removeprefix("/media/") in self.uploads
        return True

    async def render(self, prompt: str, seed: int, index: int, size: tuple[int, int]) -> tuple[bytes, str]:
        image_format = self.config.image_format
        content_type = "image/jpeg" if image_format == "JPEG" else "image/png"
        if self.config.render_once and (cached := self.rendered.get(size)) is not None:
            return cached, content_type
        # Rendering is CPU work: keep it off the event loop so polls and other requests stay responsive.
        data = await asyncio.to_thread(
            render_image,
            visible_prompt(prompt),
            seed=seed,
            index=index,
            width=size[0],
            height=size[1],
            image_format=image_format,
        )
        if self.config.render_once:
            self.rendered[size] = data
        return data, content_type

    def store_output(self, key: str, data: bytes, content_type: str, base_url: str) -> str:
        self.outputs[key] = (data, content_type)
        return f"{base_url}/outputs/{key}"

    def task_slot(self, key: str) -> asyncio.Semaphore:
        if key not in self.task_slots:
            self.task_slots[key] = asyncio.Semaphore(self.config.concurrent_tasks)
        return self.task_slots[key]

    def spawn(self, coroutine: Any) -> None:
        task: asyncio.Task[None] = asyncio.create_task(coroutine)
        self.background.add(task)
        task.add_done_callback(self.background.discard)
