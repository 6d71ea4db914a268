"""Simulator settings: keys, limits, latency and injected failures. Defaults suit a standalone demo server."""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import httpx

from services.seedream.simulator.fault_plan import TIERS, FaultPlan


@dataclass(frozen=True, slots=True)
class Latency:
    """How long a generation takes: fixed, uniform in [low, high], or lognormal around a median."""

    kind: Literal["fixed", "uniform", "lognormal"] = "fixed"
    low: float = 0.0
    high: float = 0.0
    sigma: float = 0.0

    @classmethod
    def fixed(cls, seconds: float) -> Latency:
        return cls("fixed", seconds, seconds)

    @classmethod
    def uniform(cls, low: float, high: float) -> Latency:
        return cls("uniform", low, high)

    @classmethod
    def lognormal(cls, median: float, sigma: float = 0.4, cap: float = 120.0) -> Latency:
        return cls("lognormal", median, cap, sigma)

    def sample(self, rng: random.Random) -> float:
        if self.kind == "fixed":
            return self.low
        if self.kind == "uniform":
            return rng.uniform(self.low, self.high)
        return min(self.high, rng.lognormvariate(math.log(max(self.low, 1e-6)), self.sigma))


@dataclass(frozen=True, slots=True)
class FailureRates:
    """Probabilities (0..1) of each injected failure per request, drawn from the simulator's seeded RNG."""

    server_error: float = 0.0
    rate_limited: float = 0.0
    timeout: float = 0.0
    content_policy: float = 0.0
    partial: float = 0.0


@dataclass(frozen=True, slots=True)
class SimulatorConfig:
    api_keys: frozenset[str] = frozenset({"simulator"})
    """Accepted bearer keys; `simulator` is always accepted in addition to these."""
    latency: Latency = field(default_factory=lambda: Latency.lognormal(3.0, 0.35, 20.0))
    """Per-image generation time. Tests use `Latency.fixed(0)`."""
    failures: FailureRates = field(default_factory=FailureRates)
    images_per_minute: int = 10_000
    """Per key, WaveSpeed-tier style; over it a request gets 429."""
    concurrent_tasks: int = 1_000
    """Per key; WaveSpeed queues beyond its limit, we answer 429 so the pressure is visible to the caller."""
    sync_wait_s: float = 90.0
    """How long a WaveSpeed sync request is held before the 5004 "still processing" answer."""
    hang_s: float = 3_600.0
    """How long a `timeout` failure keeps an Ark request open (WaveSpeed tasks simply never finish)."""
    image_format: Literal["JPEG", "PNG"] = "JPEG"
    balance: float = 100.0
    webhook_secret: str = "whsec_c2ltdWxhdG9yLXdlYmhvb2stc2VjcmV0"  # noqa: S105 (a public test secret)
    webhook_transport: httpx.AsyncBaseTransport | None = None
    """Where webhooks go; None means real loopback HTTP. Non-loopback hosts are never contacted."""
    ark_models: frozenset[str] = frozenset({"seedream-4-0-250828", "doubao-seedream-4-0-250828"})
    seed: int = 0
    """Seeds the RNG that draws latency and injected failures."""
    clock: Callable[[], float] = time.time
    """Wall clock for rate windows, timestamps and webhook signatures."""
    record_requests: bool = True
    """Keep every API request (path, headers, JSON body) in `app.state.simulator.requests` for tests."""
    render_once: bool = False
    """Render one image per size and format and serve it for every request of that size (`playground simulator
    --render-once`): a remote provider's render costs its caller nothing, so a benchmark that shares the CPU with
    the simulator uses this to measure the caller alone. The bytes are a whole image as always; only the caption
    (prompt, seed, index) is the first request's."""

    fault_plan: FaultPlan | None = None
    """Faults injected without trigger words (`playground simulator --faults FILE`); see `fault_plan`."""
    max_prompt_chars: int | None = None
    """Refuse longer prompts (400, as each service refuses bad input). The services document no limit we could
    confirm, so none by default; a plan sets one."""

    def with_plan(self, plan: FaultPlan | None, tier: str | None = None) -> SimulatorConfig:
        """This config with a fault plan's settings, and a WaveSpeed tier's limits (`tier` wins over the plan's)."""
        from dataclasses import replace

        config = replace(self, fault_plan=plan)
        chosen = tier or (plan.tier if plan else None)
        if chosen is not None:
            per_minute, concurrent = TIERS[chosen]
            config = replace(config, images_per_minute=per_minute, concurrent_tasks=concurrent)
        if plan is not None and plan.max_prompt_chars is not None:
            config = replace(config, max_prompt_chars=plan.max_prompt_chars)
        return config

    def accepts(self, key: str) -> bool:
        return key == "simulator" or key in self.api_keys
