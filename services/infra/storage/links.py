"""Signed links to stored objects: private ones expire, public ones are stable.

A private link is ``<base>/<key>?e=<expiry>&s=<signature>``, the signature an HMAC-SHA256 of the key and the
expiry (unix seconds) under the deployment's media signing key, so a link cannot be stretched in time nor moved to
another key. The expiry is rounded up to a step (a tenth of the lifetime, at most five minutes): every query in one
step mints the same URL, so browsers and proxies can cache the image across page loads. A public link (a public
gallery item, a public preset's preview) is ``<base>/<key>?s=<signature>`` over the key alone: stable, shareable,
and still not derivable for any other key.

The S3 backend mints presigned GETs for private objects instead; its public links are these, answered by the API
with a redirect to a fresh presigned GET (``app/media.py``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from services.infra.storage.keys import check_key

SIGNATURE_BYTES = 16  # 128 bits: forging one is as hard as guessing a key's token
MAX_STEP_SECONDS = 300


class LinkProblem(StrEnum):
    EXPIRED = "EXPIRED"
    BAD_SIGNATURE = "BAD_SIGNATURE"


class LinkRefused(Exception):
    """A link that must not be answered; ``problem`` says why, ``str()`` says it to a person."""

    def __init__(self, problem: LinkProblem, message: str) -> None:
        super().__init__(message)
        self.problem = problem


@dataclass(frozen=True, slots=True)
class LinkSigner:
    """Mints and checks ``/media`` links. ``clock`` returns unix seconds (tests pass their own)."""

    secret: bytes
    lifetime_seconds: int
    base_url: str = "/media"
    clock: Callable[[], float] = field(default=time.time)

    def __post_init__(self) -> None:
        object.__setattr__(self, "base_url", self.base_url.rstrip("/"))

    @property
    def step_seconds(self) -> int:
        return max(1, min(MAX_STEP_SECONDS, self.lifetime_seconds // 10))

    def _signature(self, key: str, scope: str) -> str:
        digest = hmac.new(self.secret, f"{key}\n{scope}".encode(), hashlib.sha256).digest()[:SIGNATURE_BYTES]
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    def expiry(self) -> int:
        """When a link minted now expires: the lifetime from now, rounded up to the next step."""
        step = self.step_seconds
        return math.ceil((self.clock() + self.lifetime_seconds) / step) * step

    def private(self, key: str) -> str:
        expires = self.expiry()
        return f"{self.base_url}/{check_key(key)}?e={expires}&s={self._signature(key, str(expires))}"

    def public(self, key: str) -> str:
        return f"{self.base_url}/{check_key(key)}?s={self._signature(key, 'public')}"

    def verify(self, key: str, expires: str | None, signature: str | None) -> None:
        """Nothing when the link is good; ``LinkRefused`` saying why otherwise (the signature is checked first, so
        a forged link never learns whether its time would have passed)."""
        scope = "public" if expires is None else expires
        if not signature or not hmac.compare_digest(signature, self._signature(key, scope)):
            raise LinkRefused(LinkProblem.BAD_SIGNATURE, "This link's signature is not valid for this image.")
        if expires is not None and int(expires) < self.clock():
            raise LinkRefused(LinkProblem.EXPIRED, "This link has expired: read the image's URL again for a new one.")
