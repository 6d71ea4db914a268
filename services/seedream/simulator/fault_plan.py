"""A fault plan: the simulator misbehaving like the real services without trigger words in the prompts.

`playground simulator --faults plan.yaml` (or `SIMULATOR_FAULTS=plan.yaml`) reads a JSON or YAML file::

    tier: bronze                 # WaveSpeed account tier: images/min and concurrent tasks (see TIERS)
    max_prompt_chars: 2000       # longer prompts are refused as each service refuses bad input (400)
    short_unstated_sets: true    # a set whose prompt does not state its count comes back short
    faults:                      # each rule: which fault, for which provider, how often
      - fault: lostreply         # one of FAULTS
        provider: wavespeed      # wavespeed | ark | any (default any)
        rate: 0.05               # probability per request (seeded RNG), or:
        match: "checkout"        # every request whose prompt contains this text
        times: 2                 # at most this many times in all (default: no limit)

Faults (the cases of the "never pay twice" review): `lostreply` the reply never comes after the task was created;
`504` a gateway's 504 with the task created; `html` an HTTP 200 carrying an HTML page; `reset` the connection drops
mid-reply (an Ark stream after its first image); `stuck` the task stays in WaveSpeed's queue; `expire` output links
answer 403 as expired links do; `nocode` a WaveSpeed task failing without a code; `nsfw` the first image is flagged
(WaveSpeed `has_nsfw_contents`, Ark `OutputImageSensitiveContentDetected`); `short` a set comes back short;
`closed` Ark's `InvalidEndpoint.ClosedEndpoint`; `cutimage` outputs cut at half; plus `500`, `429`, `policy`,
`timeout`, `task`. Trigger words in a prompt win over the plan.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

import yaml

TIERS: Final[dict[str, tuple[int, int]]] = {
    "bronze": (2, 2),
    "silver": (500, 300),
    "gold": (3000, 3000),
    "ultra": (5000, 10000),
}
"""WaveSpeed account tiers as the 2026 docs give them: (images per minute, concurrent tasks)."""

FAULTS: Final = frozenset(
    {
        "lostreply",
        "504",
        "html",
        "reset",
        "stuck",
        "expire",
        "nocode",
        "nsfw",
        "short",
        "closed",
        "cutimage",
        "500",
        "429",
        "policy",
        "timeout",
        "task",
    }
)
Provider = Literal["wavespeed", "ark", "any"]


@dataclass(slots=True)
class FaultRule:
    fault: str
    provider: Provider = "any"
    rate: float = 0.0
    match: str | None = None
    times: int | None = None
    used: int = 0

    def applies(self, provider: str, prompt: str, rng: random.Random) -> bool:
        if self.provider not in ("any", provider):
            return False
        if self.times is not None and self.used >= self.times:
            return False
        hit = (self.match is not None and self.match in prompt) or (self.rate > 0 and rng.random() < self.rate)
        if hit:
            self.used += 1
        return hit


@dataclass(slots=True)
class FaultPlan:
    rules: list[FaultRule] = field(default_factory=list)
    tier: str | None = None
    max_prompt_chars: int | None = None
    short_unstated_sets: bool = False

    def pick(self, provider: str, prompt: str, rng: random.Random) -> str | None:
        """The first rule's fault that applies to this request, if any."""
        for rule in self.rules:
            if rule.applies(provider, prompt, rng):
                return rule.fault
        return None


def parse_fault_plan(raw: Any) -> FaultPlan:
    """Validate a plan's parsed content; ValueError names what is wrong."""
    if not isinstance(raw, dict):
        raise ValueError("a fault plan is an object")
    unknown = set(raw) - {"tier", "max_prompt_chars", "short_unstated_sets", "faults"}
    if unknown:
        raise ValueError(f"unknown keys in the fault plan: {sorted(unknown)}")
    tier = raw.get("tier")
    if tier is not None and tier not in TIERS:
        raise ValueError(f"tier must be one of {sorted(TIERS)}")
    limit = raw.get("max_prompt_chars")
    if limit is not None and (not isinstance(limit, int) or limit < 1):
        raise ValueError("max_prompt_chars must be a positive integer")
    rules = []
    for index, entry in enumerate(raw.get("faults") or []):
        if isinstance(entry, dict) and isinstance(entry.get("fault"), int):
            entry = {**entry, "fault": str(entry["fault"])}  # YAML reads `fault: 504` as a number
        if not isinstance(entry, dict) or entry.get("fault") not in FAULTS:
            raise ValueError(f"faults[{index}]: fault must be one of {sorted(FAULTS)}")
        extra = set(entry) - {"fault", "provider", "rate", "match", "times"}
        if extra:
            raise ValueError(f"faults[{index}]: unknown keys {sorted(extra)}")
        provider = entry.get("provider", "any")
        rate = entry.get("rate", 0.0)
        match = entry.get("match")
        times = entry.get("times")
        if provider not in ("wavespeed", "ark", "any"):
            raise ValueError(f"faults[{index}]: provider must be wavespeed, ark or any")
        if not isinstance(rate, int | float) or not 0 <= rate <= 1:
            raise ValueError(f"faults[{index}]: rate must be between 0 and 1")
        if match is not None and not isinstance(match, str):
            raise ValueError(f"faults[{index}]: match must be text")
        if times is not None and (not isinstance(times, int) or times < 1):
            raise ValueError(f"faults[{index}]: times must be a positive integer")
        if match is None and rate == 0:
            raise ValueError(f"faults[{index}]: give a rate or a match")
        rules.append(FaultRule(entry["fault"], provider, float(rate), match, times))
    return FaultPlan(rules, tier, limit, bool(raw.get("short_unstated_sets", False)))


def load_fault_plan(path: Path) -> FaultPlan:
    """Read a plan from a `.json`, `.yaml` or `.yml` file."""
    text = path.read_text()
    raw = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    return parse_fault_plan(raw)


def states_count(prompt: str) -> bool:
    """Whether the prompt states a set's count in the form our clients send (`services.seedream.set_prompt`)."""
    return "Generate a set of exactly" in prompt
