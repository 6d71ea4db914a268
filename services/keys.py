"""API keys: long-lived, scoped bearer credentials a user makes for their servers.

**Format.** ``ppk_`` + 32 random base62 characters (about 190 bits) + a 6-character checksum: the CRC32 of
everything before it, in base62, zero-padded (GitHub's token format). 42 characters, ``[A-Za-z0-9_]`` only, so a
double-click selects it whole. The fixed prefix lets secret scanners find leaked keys; the checksum lets them (and
us) tell a key from a look-alike without a database: a token with our prefix and a wrong length, alphabet or
checksum is refused before anything is read.

**Storage.** Only ``HMAC-SHA256(API_KEY_SECRET, key)`` is kept (hex, unique index; a lookup is one indexed read).
A key has 190 random bits, so a slow password hash would buy nothing (nobody can guess through 2^190) and would cost
every request tens of milliseconds; a fast hash suffices, and keying it means a copy of the database alone does not
even let anyone test a candidate key. The key itself is returned once, by ``create``, and never again.

**Revocation bound.** Each API process keeps what it read about a key for ``API_KEY_CACHE_SECONDS`` (default 5,
at most 10): a key revoked through another process, or one that just expired, is refused by every process within
that many seconds; the process that revokes it forgets it at once. Expiry is checked on every use against the
clock, not the cache.

**Last use.** Written at most once a minute per key and process, as one conditional ``UPDATE`` (only when the stored
time is older than a minute), so a busy key costs no write per request and processes do not overwrite each other.
"""

from __future__ import annotations

import binascii
import copy
import hashlib
import hmac
import logging
import secrets
import string
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q

from models import User
from models.enums import Role
from models.keys import ApiKey, ApiKeyScope
from services import access
from services.core.auth import Identity
from services.core.errors import Conflict, InvalidInput, NotFound, Unauthenticated
from services.core.pagination import Page, paginate
from services.core.text import check_text

logger = logging.getLogger(__name__)

KEY_PREFIX = "ppk_"
ALPHABET = string.digits + string.ascii_uppercase + string.ascii_lowercase
BODY_LENGTH = 32
CHECKSUM_LENGTH = 6
KEY_LENGTH = len(KEY_PREFIX) + BODY_LENGTH + CHECKSUM_LENGTH
SHOWN_PREFIX_LENGTH = len(KEY_PREFIX) + 8
"""How much of a key lists show (``ppk_`` and 8 random characters): enough to tell keys apart, useless to guess."""

NAME_MAX = 80
MAX_ACTIVE_KEYS = 50
"""Unrevoked keys per user."""
LAST_USED_EVERY = timedelta(minutes=1)
ADDRESS_MAX = 64
NEVER = 253402300799.0
"""9999-12-31T23:59:59Z: the ``expires_at`` of a key without expiry (sockets schedule their close by it)."""


def _base62(number: int, width: int) -> str:
    digits = []
    while number:
        number, digit = divmod(number, 62)
        digits.append(ALPHABET[digit])
    return "".join(reversed(digits)).rjust(width, "0")


def _checksum(head: str) -> str:
    return _base62(binascii.crc32(head.encode("ascii")), CHECKSUM_LENGTH)


def generate_key() -> str:
    """A new key: prefix, 32 random base62 characters, checksum."""
    head = KEY_PREFIX + "".join(secrets.choice(ALPHABET) for _ in range(BODY_LENGTH))
    return head + _checksum(head)


def check_format(token: str) -> None:
    """``Unauthenticated`` unless ``token`` is well formed (prefix, length, alphabet, checksum); reads nothing."""
    if not token.startswith(KEY_PREFIX):
        raise Unauthenticated(f"invalid API key: it must start with `{KEY_PREFIX}`")
    if len(token) != KEY_LENGTH:
        raise Unauthenticated(f"invalid API key: it must be {KEY_LENGTH} characters long")
    if not all(ch in ALPHABET for ch in token[len(KEY_PREFIX) :]):
        raise Unauthenticated("invalid API key: unexpected characters")
    head, checksum = token[:-CHECKSUM_LENGTH], token[-CHECKSUM_LENGTH:]
    if not hmac.compare_digest(_checksum(head), checksum):
        raise Unauthenticated("invalid API key: bad checksum (mistyped or truncated?)")


def hash_key(secret: str, token: str) -> str:
    return hmac.new(secret.encode(), token.encode(), hashlib.sha256).hexdigest()


@dataclass(slots=True)
class _Known:
    """What a process read about one key, and when (``read_at``, monotonic)."""

    key_id: uuid.UUID
    owner: User
    scopes: frozenset[ApiKeyScope]
    expires_at: datetime | None
    revoked: bool
    last_used_at: datetime | None
    read_at: float

    @classmethod
    def of(cls, row: ApiKey, read_at: float) -> _Known:
        return cls(
            key_id=row.id,
            owner=row.owner,
            scopes=frozenset(ApiKeyScope(s) for s in row.scopes if s in ApiKeyScope.__members__),
            expires_at=row.expires_at,
            revoked=row.revoked_at is not None,
            last_used_at=row.last_used_at,
            read_at=read_at,
        )


class ApiKeyVerifier:
    """Verifies API keys for ``services.core.auth.TokenVerifier`` and keeps what it read for a few seconds.

    One per API process. ``forget`` drops a key at once (this process revoked it).
    """

    def __init__(
        self,
        secret: str | None,
        *,
        cache_seconds: float,
        max_entries: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._secret = secret
        self._now = now
        self.cache_seconds = cache_seconds
        self._max_entries = max_entries
        self._clock = clock
        self._by_hash: OrderedDict[str, _Known] = OrderedDict()
        self._hash_of: dict[uuid.UUID, str] = {}

    @property
    def enabled(self) -> bool:
        return self._secret is not None

    def hash(self, token: str) -> str:
        if self._secret is None:
            raise Conflict("API keys are off on this server (API_KEY_SECRET is not set)")
        return hash_key(self._secret, token)

    def recognises(self, token: str) -> bool:
        return token.startswith(KEY_PREFIX)

    async def verify(self, token: str, client_address: str | None) -> Identity:
        check_format(token)
        if self._secret is None:
            raise Unauthenticated("API keys are off on this server")
        digest = hash_key(self._secret, token)
        known = self._cached(digest)
        if known is None:
            row = await ApiKey.filter(secret_hash=digest).select_related("owner").first()
            if row is None:
                raise Unauthenticated("invalid API key: unknown or deleted")
            known = self._remember(digest, row)
        self._check_usable(known)
        await self._note_use(known, client_address)
        return Identity(
            subject=f"apikey:{known.key_id}",
            role=Role.USER,
            email=None,
            expires_at=known.expires_at.timestamp() if known.expires_at else NEVER,
            api_key_id=known.key_id,
            user_id=known.owner.id,
            scopes=known.scopes,
        )

    async def user_of(self, identity: Identity) -> User:
        """The owner of the key ``identity`` was verified from, checking again that the key is still usable (a
        socket asks on every operation). A copy: callers may not change another request's row."""
        assert identity.api_key_id is not None
        digest = self._hash_of.get(identity.api_key_id)
        known = self._cached(digest) if digest is not None else None
        if known is None:
            row = await ApiKey.filter(id=identity.api_key_id).select_related("owner").first()
            if row is None:
                raise Unauthenticated("invalid API key: unknown or deleted")
            known = self._remember(row.secret_hash, row)
        self._check_usable(known)
        return copy.copy(known.owner)

    def forget(self, key_id: uuid.UUID) -> None:
        digest = self._hash_of.pop(key_id, None)
        if digest is not None:
            self._by_hash.pop(digest, None)

    def _cached(self, digest: str) -> _Known | None:
        known = self._by_hash.get(digest)
        if known is None:
            return None
        if self._clock() - known.read_at >= self.cache_seconds:
            self.forget(known.key_id)
            return None
        self._by_hash.move_to_end(digest)
        return known

    def _remember(self, digest: str, row: ApiKey) -> _Known:
        known = _Known.of(row, self._clock())
        if self.cache_seconds > 0:
            self._by_hash[digest] = known
            self._hash_of[known.key_id] = digest
            while len(self._by_hash) > self._max_entries:
                _, dropped = self._by_hash.popitem(last=False)
                self._hash_of.pop(dropped.key_id, None)
        return known

    def _check_usable(self, known: _Known) -> None:
        if known.revoked:
            raise Unauthenticated("invalid API key: revoked")
        if known.expires_at is not None and known.expires_at <= self._now():
            raise Unauthenticated("invalid API key: expired")

    async def _note_use(self, known: _Known, client_address: str | None) -> None:
        now = self._now()
        if known.last_used_at is not None and now - known.last_used_at < LAST_USED_EVERY:
            return
        known.last_used_at = now  # before the write: concurrent requests of this process do not write again
        address = client_address[:ADDRESS_MAX] if client_address else None
        stale = Q(last_used_at=None) | Q(last_used_at__lt=now - LAST_USED_EVERY)
        await ApiKey.filter(stale, id=known.key_id).update(last_used_at=now, last_used_address=address)


@dataclass(frozen=True, slots=True)
class NewApiKey:
    name: str
    scopes: Sequence[ApiKeyScope]
    expires_at: datetime | None


def _clean(new: NewApiKey) -> tuple[str, list[str]]:
    name = check_text(new.name.strip(), ["input", "name"], max_length=NAME_MAX)
    if not name:
        raise InvalidInput("a key needs a name", ["input", "name"])
    if not new.scopes:
        raise InvalidInput("a key needs at least one scope", ["input", "scopes"])
    scopes = sorted({ApiKeyScope(s).value for s in new.scopes})
    if new.expires_at is not None:
        if new.expires_at.tzinfo is None:
            raise InvalidInput("the expiry needs a time zone", ["input", "expires_at"])
        if new.expires_at <= datetime.now(UTC):
            raise InvalidInput("the expiry must be in the future", ["input", "expires_at"])
    return name, scopes


async def create(owner_id: uuid.UUID, new: NewApiKey, *, verifier: ApiKeyVerifier) -> tuple[ApiKey, str]:
    """A new key for ``owner_id`` and the key itself: the only time it is ever shown."""
    name, scopes = _clean(new)
    if not verifier.enabled:
        raise Conflict("API keys are off on this server (API_KEY_SECRET is not set)")
    if await access.owned(ApiKey, owner_id).filter(revoked_at=None).count() >= MAX_ACTIVE_KEYS:
        raise Conflict(f"at most {MAX_ACTIVE_KEYS} keys: revoke one first", ["input", "name"])
    token = generate_key()
    row = await ApiKey.create(
        id=uuid.uuid4(),
        owner_id=owner_id,
        name=name,
        prefix=token[:SHOWN_PREFIX_LENGTH],
        secret_hash=verifier.hash(token),
        scopes=scopes,
        expires_at=new.expires_at,
    )
    return row, token


async def list_page(owner_id: uuid.UUID, *, first: int, after: str | None) -> Page[ApiKey]:
    """The owner's unrevoked keys (expired ones included, so they can be told apart and revoked), newest first."""
    return await paginate(access.owned(ApiKey, owner_id).filter(revoked_at=None), first=first, after=after)


async def revoke(owner_id: uuid.UUID, key_id: str, *, verifier: ApiKeyVerifier) -> ApiKey:
    """Revoke one of the owner's keys: refused from now on (by other processes within ``API_KEY_CACHE_SECONDS``)."""
    row = await access.find_owned(ApiKey, owner_id, key_id)
    if row is None or row.revoked_at is not None:
        raise NotFound("API key not found", ["id"])
    now = datetime.now(UTC)
    await ApiKey.filter(id=row.id, revoked_at=None).update(revoked_at=now)
    row.revoked_at = now
    verifier.forget(row.id)
    logger.info("api key revoked", extra={"api_key_id": str(row.id)})
    return row
