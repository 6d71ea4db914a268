"""GraphQL documents by their SHA-256: the store behind automatic persisted queries, and trusted documents manifests.

``DocumentStore`` keeps registered documents in a bounded in-process LRU and, when Redis is configured, in Redis
too, so that a document registered through one API replica is found by every other. Redis is a cache here, never a
record: when it cannot be reached a lookup is a miss (the client sends the text again) and a registration is kept
in this process only; the outage is reported once through ``Outage``.

``load_manifest`` reads a persisted documents manifest (GraphQL Code Generator's ``persisted-documents.json``: an
object of SHA-256 hex digests to document texts) and refuses one whose keys are not the digests of their texts.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections import OrderedDict
from pathlib import Path

from redis.asyncio import ConnectionPool, Redis
from redis.exceptions import RedisError

from services.infra.outage import Outage

log = logging.getLogger(__name__)

SHA256_HEX = re.compile(r"[0-9a-f]{64}")
DEFAULT_CAPACITY = 2048
"""Documents the in-process LRU holds (a client's operations number in the tens; this is every client's at once)."""
DEFAULT_TTL_SECONDS = 7 * 24 * 3600
"""How long Redis keeps a registered document after its last registration (a client re-registers on a miss)."""
MAX_DOCUMENT_BYTES = 64 * 1024
"""A larger document is never stored: it runs, but every request for it must carry its text."""


def document_hash(text: str) -> str:
    """The SHA-256 hex digest of a document's UTF-8 bytes (what Apollo's link, urql's exchange and codegen send)."""
    return hashlib.sha256(text.encode()).hexdigest()


class DocumentStore:
    """Registered documents by hash: this process's LRU first, then Redis (when ``redis_url`` is given)."""

    def __init__(
        self,
        redis_url: str | None = None,
        *,
        namespace: str = "playground",
        capacity: int = DEFAULT_CAPACITY,
        ttl_seconds: int = DEFAULT_TTL_SECONDS,
    ) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self.ttl_seconds = ttl_seconds
        self._local: OrderedDict[str, str] = OrderedDict()
        self._prefix = f"{namespace}:documents:"
        self._pool: ConnectionPool | None = None
        self._redis: Redis | None = None
        if redis_url is not None:
            # Short timeouts: a stalled Redis must not stall the reads behind it (a failure is a miss).
            self._pool = ConnectionPool.from_url(redis_url, socket_connect_timeout=2, socket_timeout=2)
            self._redis = Redis(connection_pool=self._pool)
        self.outage = Outage("Redis (persisted documents)", logger=log)

    @property
    def shared(self) -> bool:
        """True when registrations reach every replica (Redis is configured)."""
        return self._redis is not None

    def __len__(self) -> int:
        return len(self._local)

    async def get(self, digest: str) -> str | None:
        text = self._local.get(digest)
        if text is not None:
            self._local.move_to_end(digest)
            return text
        if self._redis is None:
            return None
        try:
            raw = await self._redis.get(self._prefix + digest)
        except (RedisError, OSError) as error:
            self.outage.failed(error, "reading a persisted document")
            return None
        self.outage.succeeded()
        if raw is None:
            return None
        text = raw.decode() if isinstance(raw, bytes) else str(raw)
        if document_hash(text) != digest:  # never run what another writer put under a wrong key
            return None
        self._remember(digest, text)
        return text

    async def put(self, digest: str, text: str, *, shared: bool = True) -> None:
        """Register ``text`` under ``digest`` (the caller has checked that it is the text's digest). ``shared=False``
        keeps it in this process's LRU only: Redis is bounded by nothing but its TTL, so only documents of callers
        who are accountable (signed in, and counted by the request budget) go there; an anonymous client could
        otherwise fill it with endless variants of a public query."""
        if len(text.encode()) > MAX_DOCUMENT_BYTES:
            return
        self._remember(digest, text)
        if self._redis is None or not shared:
            return
        try:
            await self._redis.set(self._prefix + digest, text, ex=self.ttl_seconds)
        except (RedisError, OSError) as error:
            self.outage.failed(error, "registering a persisted document")
            return
        self.outage.succeeded()

    def _remember(self, digest: str, text: str) -> None:
        self._local[digest] = text
        self._local.move_to_end(digest)
        while len(self._local) > self.capacity:
            self._local.popitem(last=False)

    async def close(self) -> None:
        if self._redis is not None:
            await self._redis.aclose()
        if self._pool is not None:
            await self._pool.disconnect()


class ManifestError(ValueError):
    """A trusted documents manifest that cannot be used (unreadable, not an object of digests to texts)."""


def load_manifest(path: Path) -> dict[str, str]:
    """The trusted documents of a persisted documents manifest, by SHA-256 hex digest.

    Every key must be the digest of its text: the server runs the text it holds for a hash, so a manifest whose
    keys were made another way (another algorithm, a text changed by hand) would refuse or mismatch the client's
    requests; it is refused at start instead.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, ValueError) as error:
        raise ManifestError(f"cannot read the trusted documents manifest {path}: {error}") from error
    if not isinstance(data, dict):
        raise ManifestError(f"{path}: a persisted documents manifest is a JSON object of hashes to documents")
    documents: dict[str, str] = {}
    for key, text in data.items():
        if not isinstance(text, str) or not SHA256_HEX.fullmatch(key):
            raise ManifestError(f"{path}: {key!r} is not a SHA-256 hex digest of a document text")
        if document_hash(text) != key:
            raise ManifestError(f"{path}: {key} is not the SHA-256 of its document (use hashAlgorithm sha256)")
        documents[key] = text
    return documents
