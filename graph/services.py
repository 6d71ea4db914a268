"""The process-wide services the API hands to every request (built once in the app's lifespan)."""

from __future__ import annotations

from dataclasses import dataclass

from services.auth import TokenVerifier
from services.config import Settings
from services.runtime import Runtime


@dataclass(frozen=True, slots=True)
class AppServices:
    settings: Settings
    verifier: TokenVerifier
    runtime: Runtime
