"""Trigger words in a prompt that force an outcome, so tests are deterministic.

`[[fail:policy]]` content-policy rejection, `[[fail:500]]` server error, `[[fail:task]]` task-level 5000
(WaveSpeed),
`[[fail:429]]` rate limited, `[[fail:timeout]]` never completes, `[[partial:N]]` a set loses N slots,
`[[delay:S]]` this request takes S seconds. `[[fail:500:K]]` / `[[fail:429:K]]` / `[[fail:task:K]]` fail only
the
first K attempts of the same prompt (`once` = 1), for retry tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TRIGGER = re.compile(r"\[\[(fail|partial|delay):([a-z0-9.]+)(?::([a-z0-9]+))?\]\]")
FAILURE_KINDS = frozenset({"policy", "500", "task", "429", "timeout"})


@dataclass(frozen=True, slots=True)
class Triggers:
    failure: str | None = None
    """One of FAILURE_KINDS."""
    failure_attempts: int | None = None
    """Fail only the first N attempts; None means always."""
    partial: int = 0
    delay_s: float | None = None


def parse_triggers(prompt: str) -> Triggers:
    failure: str | None = None
    attempts: int | None = None
    partial = 0
    delay: float | None = None
    for kind, value, extra in _TRIGGER.findall(prompt):
        if kind == "fail" and value in FAILURE_KINDS:
            failure = value
            if extra:
                attempts = 1 if extra == "once" else int(extra) if extra.isdigit() else None
        elif kind == "partial" and value.isdigit():
            partial = int(value)
        elif kind == "delay":
            try:
                delay = float(value)
            except ValueError:
                delay = None
    return Triggers(failure, attempts, partial, delay)


def visible_prompt(prompt: str) -> str:
    """The prompt without trigger words (what is drawn on the image)."""
    return " ".join(_TRIGGER.sub("", prompt).split())
