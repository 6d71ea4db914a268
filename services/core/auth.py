"""Bearer credentials: JWTs (HS256 with a shared secret, or RS256/ES256 from a JWKS with rotation by ``kid``)

Strict by design: algorithms are pinned per key source (so ``alg: none`` and HS256-signed-with-the-public-key
tokens are refused), ``exp``/``iat``/``sub`` are required, ``aud``/``iss`` are checked when configured, and a token
may live at most ``JWT_MAX_LIFETIME_SECONDS``. A validly signed token is still untrusted input: every claim we read
must have the JSON type we expect (``check_claim_shapes``), otherwise the caller is ``Unauthenticated``; a list
where a string belongs must never reach the code as an unexpected type.

API keys are the other kind of bearer credential: ``TokenVerifier`` hands a token that a ``KeyVerifier`` recognises
(``services.keys``: by its fixed prefix) to it, and both yield one ``Identity``.
"""

from __future__ import annotations

import asyncio
import math
import time
import uuid
from dataclasses import dataclass
from typing import Any, Protocol

import jwt

from models.enums import Role
from models.keys import ApiKeyScope
from services.core.config import Settings
from services.core.errors import InvalidInput, Unauthenticated

HS_ALGORITHMS = ["HS256"]
JWKS_ALGORITHMS = ["RS256", "ES256"]
REQUIRED_CLAIMS = ["exp", "iat", "sub"]
TIME_CLAIMS = ("exp", "iat", "nbf")
STRING_CLAIMS = ("sub", "iss", "role", "email", "name", "preferred_username", "jti")


@dataclass(frozen=True, slots=True)
class Identity:
    """Who a verified token says the caller is."""

    subject: str
    role: Role
    email: str | None
    expires_at: float
    name: str | None = None
    """A name to show others (``name`` or ``preferred_username``), when the token carries one."""
    api_key_id: uuid.UUID | None = None
    """Set when the caller authenticated with an API key. Its ``subject`` is then ``apikey:<id>`` (never a JWT
    subject: per-caller budgets count per key), ``role`` is always USER and ``user_id`` names the key's owner."""
    user_id: uuid.UUID | None = None
    scopes: frozenset[ApiKeyScope] | None = None
    """What an API key may reach; None for a session (a JWT), which reaches whatever its user may."""

    @property
    def is_api_key(self) -> bool:
        return self.api_key_id is not None


class KeyVerifier(Protocol):
    """Verifies API keys (``services.keys.ApiKeyVerifier``); ``TokenVerifier`` hands it the tokens it recognises."""

    def recognises(self, token: str) -> bool:
        """Whether ``token`` is meant as an API key (whatever its validity)."""
        ...

    async def verify(self, token: str, client_address: str | None) -> Identity:
        """The key's identity; ``Unauthenticated`` when it is malformed, unknown, revoked or expired."""
        ...


class TokenVerifier:
    """Verifies bearer tokens against the configured key source."""

    def __init__(self, settings: Settings, keys: KeyVerifier | None = None) -> None:
        self.keys = keys
        self._secret = settings.hs256_secret
        self._audience = settings.jwt_audience
        self._issuer = settings.jwt_issuer
        self._leeway = settings.jwt_leeway_seconds
        self._max_lifetime = settings.jwt_max_lifetime_seconds
        self._jwks: jwt.PyJWKClient | None = None
        if settings.jwt_jwks_url:
            # PyJWKClient caches the key set and refetches on an unknown `kid` (rotation), at most once per
            # cooldown so that tokens with random kids cannot hammer the identity provider. It is synchronous,
            # so it runs in a thread.
            self._jwks = jwt.PyJWKClient(
                settings.jwt_jwks_url,
                lifespan=300,
                timeout=5,
                cooldown_duration=settings.jwt_jwks_refresh_cooldown_seconds,
            )

    async def verify(self, token: str, client_address: str | None = None) -> Identity:
        """The identity of a JWT or (with a ``KeyVerifier``) an API key; ``client_address`` is recorded as a key's
        last use."""
        if self.keys is not None and self.keys.recognises(token):
            return await self.keys.verify(token, client_address)
        try:
            if self._jwks is not None:
                signing_key = await asyncio.to_thread(self._jwks.get_signing_key_from_jwt, token)
                claims = self._decode(token, signing_key.key, JWKS_ALGORITHMS)
            else:
                assert self._secret is not None
                claims = self._decode(token, self._secret, HS_ALGORITHMS)
        except jwt.PyJWTError as error:
            raise Unauthenticated(f"invalid token: {error}") from error
        check_claim_shapes(claims)
        check_lifetime(claims, max_lifetime=self._max_lifetime)
        return _identity(claims)

    def _decode(self, token: str, key: Any, algorithms: list[str]) -> dict[str, Any]:
        options: Any = {"require": [*REQUIRED_CLAIMS], "verify_aud": self._audience is not None}
        if self._audience is not None:
            options["require"].append("aud")
        if self._issuer is not None:
            options["require"].append("iss")
        claims: dict[str, Any] = jwt.decode(
            token,
            key,
            algorithms=algorithms,
            audience=self._audience,
            issuer=self._issuer,
            leeway=self._leeway,
            options=options,
        )
        return claims


def _is_number(value: Any) -> bool:
    # bool is an int to Python, and PyJWT reads "123" as 123 (it calls int()); neither is a NumericDate.
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def check_claim_shapes(claims: Any) -> None:
    """``Unauthenticated`` unless every claim we read has the JSON type RFC 7519 (or our provider) gives it.

    PyJWT checks signatures and times but accepts ``"exp": "9999999999"`` or ``true``, and leaves ``role``, ``email``
    or ``app_metadata`` to us; a list or an object there must read as a bad token, not as a server error.
    """
    if not isinstance(claims, dict):
        raise Unauthenticated("invalid token: the payload must be a JSON object")
    for name in TIME_CLAIMS:
        if name in claims and not _is_number(claims[name]):
            raise Unauthenticated(f"invalid token: `{name}` must be a number (seconds since the epoch)")
    for name in STRING_CLAIMS:
        if name in claims and not isinstance(claims[name], str):
            raise Unauthenticated(f"invalid token: `{name}` must be a string")
    audience = claims.get("aud")
    if "aud" in claims and not (
        isinstance(audience, str) or (isinstance(audience, list) and all(isinstance(a, str) for a in audience))
    ):
        raise Unauthenticated("invalid token: `aud` must be a string or a list of strings")
    app_metadata = claims.get("app_metadata")
    if "app_metadata" in claims:
        if not isinstance(app_metadata, dict):
            raise Unauthenticated("invalid token: `app_metadata` must be an object")
        if "role" in app_metadata and not isinstance(app_metadata["role"], str):
            raise Unauthenticated("invalid token: `app_metadata.role` must be a string")


def check_lifetime(claims: dict[str, Any], *, max_lifetime: int) -> None:
    """``Unauthenticated`` for a token issued to live longer than ``max_lifetime`` seconds (``exp - iat``).

    ``iat`` may not lie in the future (beyond the leeway; PyJWT checks it), so this also bounds how long from now a
    token stays valid: a stolen long-lived token, or one minted with a far ``exp``, is refused outright.
    """
    lifetime = float(claims["exp"]) - float(claims["iat"])
    if lifetime > max_lifetime:
        raise Unauthenticated(f"invalid token: it lives {lifetime:.0f} s; at most {max_lifetime} s are allowed")


def _identity(claims: dict[str, Any]) -> Identity:
    subject = claims.get("sub")
    if not isinstance(subject, str) or not subject or len(subject) > 255:
        raise Unauthenticated("invalid token: `sub` must be a non-empty string of at most 255 characters")
    app_metadata = claims.get("app_metadata")
    # Supabase puts the database role ("authenticated") in `role` and application roles in app_metadata.
    roles = {claims.get("role")}
    if isinstance(app_metadata, dict):
        roles.add(app_metadata.get("role"))
    email = claims.get("email")
    return Identity(
        subject=subject,
        role=Role.ADMIN if Role.ADMIN.value in roles else Role.USER,
        email=email if isinstance(email, str) and len(email) <= 320 else None,
        expires_at=float(claims["exp"]),
        name=_display_name(claims.get("name")) or _display_name(claims.get("preferred_username")),
    )


DISPLAY_NAME_MAX = 80


def _display_name(value: Any) -> str | None:
    """A claim usable as a display name: a string, control characters dropped, at most 80 characters."""
    if not isinstance(value, str):
        return None
    cleaned = " ".join("".join(ch for ch in value if ch.isprintable()).split())[:DISPLAY_NAME_MAX]
    return cleaned or None


MAX_TOKEN_LENGTH = 8192
"""Longer than any token an identity provider issues; decoding a bigger one is work nobody should make us do."""


def bearer_token(header_value: str | None) -> str | None:
    """The token in an ``Authorization: Bearer ...`` value; None when absent; Unauthenticated when malformed."""
    if header_value is None:
        return None
    if len(header_value) > MAX_TOKEN_LENGTH:
        raise Unauthenticated(f"the bearer token is longer than {MAX_TOKEN_LENGTH} characters")
    scheme, _, token = header_value.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("the Authorization header must be `Bearer <token>`")
    return token.strip()


def issue_token(
    settings: Settings,
    subject: str,
    *,
    role: Role = Role.USER,
    email: str | None = None,
    name: str | None = None,
    ttl_seconds: int = 3600,
) -> str:
    """A signed HS256 token for local use (``playground token``); needs an HS256 secret."""
    secret = settings.hs256_secret
    if secret is None:
        raise RuntimeError("tokens can only be issued with JWT_SECRET or the development secret, not with JWKS")
    if ttl_seconds > settings.jwt_max_lifetime_seconds:
        # The verifier would refuse it; say so now rather than hand out a token that never works.
        raise InvalidInput(
            f"a token lives at most {settings.jwt_max_lifetime_seconds} s (JWT_MAX_LIFETIME_SECONDS)", ["ttl"]
        )
    now = int(time.time())
    claims: dict[str, Any] = {"sub": subject, "iat": now, "exp": now + ttl_seconds}
    if role is Role.ADMIN:
        claims["app_metadata"] = {"role": Role.ADMIN.value}
    if email:
        claims["email"] = email
    if name:
        claims["name"] = name
    if settings.jwt_audience:
        claims["aud"] = settings.jwt_audience
    if settings.jwt_issuer:
        claims["iss"] = settings.jwt_issuer
    return jwt.encode(claims, secret, algorithm="HS256")
