"""When to call the provider again after a transient failure, and how long to wait first."""

from __future__ import annotations

import random
from dataclasses import dataclass

from services.core.config import Settings


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """At most ``max_attempts`` calls per item; exponential backoff with full jitter, capped at ``max_seconds``."""

    max_attempts: int
    base_seconds: float
    max_seconds: float

    @classmethod
    def from_settings(cls, settings: Settings) -> RetryPolicy:
        return cls(
            max_attempts=settings.provider_max_attempts,
            base_seconds=settings.provider_retry_base_seconds,
            max_seconds=settings.provider_retry_max_seconds,
        )

    def may_retry(self, attempt: int) -> bool:
        """Whether another call may follow attempt number ``attempt`` (counted from 1)."""
        return attempt < self.max_attempts

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait after attempt ``attempt``: never shorter than the provider's own hint."""
        ceiling = min(self.max_seconds, self.base_seconds * 2**attempt)
        jitter = random.uniform(0, ceiling)  # noqa: S311 (jitter, not cryptography)
        return max(jitter, retry_after or 0.0)

    @staticmethod
    def gave_up(message: str, attempts: int) -> str:
        return f"{message} (gave up after {attempts} attempts)"
