"""Per-request context: who is calling (verified lazily, once), and the process's services."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx
import structlog
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.dataloader import DataLoader

from graph.core import media
from graph.core.dataloaders import RoomLoader
from models import Role, User
from services.core.auth import Identity, TokenVerifier, bearer_token
from services.core.config import Settings
from services.core.errors import Forbidden, Unauthenticated
from services.infra.bus import EventBus
from services.infra.jobs import JobQueue
from services.infra.rate_limits import RequestRateLimiter
from services.infra.storage import Storage
from services.keys import ApiKeyVerifier
from services.progress.events import BatchProgress
from services.progress.publisher import ProgressPublisher
from services.users import UserCache, ensure_user


class SharedEvents(Protocol):
    """The typed hook of the shared subscription fan-out (``app.websocket.fanout``).

    Set as ``Context.shared_events`` on the context of one stream that renders events for many subscriptions: the
    fan-out has already decided, per subscriber, that it may follow the batch, and feeds the events here. The
    subscription's resolver renders them instead of following the batch itself; the operation metrics leave the
    counting to the fan-out, which counts each subscription.
    """

    def __aiter__(self) -> AsyncIterator[BatchProgress]: ...


@dataclass(frozen=True, slots=True)
class SharedSubscription:
    """Which root subscription field the socket layer may share, and the names of its arguments: declared by the
    resolvers that define the field, passed to the fan-out by the composition root (``app.api``)."""

    field: str
    """The root field's GraphQL name."""
    batch_argument: str
    """The argument naming the batch (an ``ID``)."""
    after_argument: str
    """The resume argument (``Int``, optional): it only filters, so subscriptions differing in it share a stream."""


@dataclass(frozen=True, slots=True)
class AppServices:
    """The process-wide services every request may use, built once by the app's lifespan (``app.api``)."""

    settings: Settings
    verifier: TokenVerifier
    bus: EventBus
    outbox: JobQueue
    """The outbox in front of the job queue (`services.infra.jobs.outbox.Outbox`): what the services enqueue to."""
    storage: Storage
    publisher: ProgressPublisher
    http: httpx.AsyncClient
    """General outbound HTTP (reference URLs): no proxies from the environment, no redirects."""
    rate_limiter: RequestRateLimiter
    """Per-caller request budgets (``graph.core.rate_limits``): per user for sessions, per key for API keys."""
    api_keys: ApiKeyVerifier
    """The API keys ``verifier`` accepts (the same object as ``verifier.keys``), for creating and revoking them."""
    user_cache: UserCache = field(default_factory=lambda: UserCache(ttl_seconds=0))
    """Verified tokens and their users, reused by HTTP requests for ``USER_CACHE_SECONDS``."""


@dataclass
class Context:
    services: AppServices
    request: Request | WebSocket
    connection_params: dict[str, Any] | None = None
    response: Response | None = None
    """Over HTTP: headers and status to add to the response (a 429 with ``Retry-After``); None on sockets."""
    identity: Identity | None = None
    shared_events: SharedEvents | None = None
    """Set on the context of a shared stream (``SharedEvents``): the events to render, for subscribers whose access
    the fan-out has checked."""
    _loaders: dict[str, DataLoader[Any, Any]] = field(default_factory=dict, repr=False)
    _user: User | None = field(default=None, repr=False)
    _token: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        media.bind(self.services.storage)  # image links of this operation (graph.core.media)

    def loader(self, declared: RoomLoader[Any, Any]) -> DataLoader[Any, Any]:
        """This request's loader for a room's ``declared`` loader, made on first use and shared by every room that
        declares the same context key (a socket that only subscribes never makes one)."""
        made = self._loaders.get(declared.context_key)
        if made is None:
            made = self._loaders[declared.context_key] = declared.make()
        return made

    @property
    def known_user(self) -> User | None:
        """The user the last ``user()`` call returned, without reading it again."""
        return self._user

    def forget_user(self) -> None:
        """Drop the cached user row (a socket re-reads it per operation anyway)."""
        self._user = None

    @property
    def is_websocket(self) -> bool:
        return isinstance(self.request, WebSocket)

    async def authenticate(self) -> Identity:
        """The verified identity; Unauthenticated when there is no valid, unexpired token."""
        if self.identity is None:
            if self.is_websocket:
                header = (self.connection_params or {}).get("Authorization")
                if header is not None and not isinstance(header, str):
                    raise Unauthenticated("connection_init Authorization must be a string")
            else:
                header = self.request.headers.get("authorization")
            token = bearer_token(header)
            if token is None:
                raise Unauthenticated("authentication required: send `Authorization: Bearer <token>`")
            # Sockets verify once at connect and re-read their user per operation: no cache there. API keys are
            # never put in the user cache (services.keys keeps them for at most API_KEY_CACHE_SECONDS).
            cached = None if self.is_websocket else self.services.user_cache.get(token)
            if cached is not None:
                self.identity, self._user = cached
                structlog.contextvars.bind_contextvars(user_id=str(self._user.id))
            else:
                client = self.request.client
                self.identity = await self.services.verifier.verify(token, client.host if client else None)
                self._token = None if self.identity.is_api_key else token
        if self.identity.expires_at + self.services.settings.jwt_leeway_seconds < time.time():
            raise Unauthenticated("token expired")
        return self.identity

    async def signed_in(self) -> bool:
        """Whether the caller is verified, now or by the token it sent; never raises (for decisions made after the
        operation ran, such as whether to share a persisted document with the other replicas)."""
        if self.identity is not None:
            return True
        try:
            await self.authenticate()
        except Exception:  # no token, a bad one, or the key store away: not verified, which is the safe answer
            return False
        return True

    async def user(self) -> User:
        """The calling user, created on first use; kept for the request and, over HTTP, for a few seconds per token
        (``UserCache``: read its balance fresh, never from this row); re-read per operation on sockets."""
        identity = await self.authenticate()
        if self._user is None or self.is_websocket:
            if identity.is_api_key:
                # Checks again that the key is usable: a socket's next operation is refused once it is revoked.
                self._user = await self.services.api_keys.user_of(identity)
            else:
                self._user = await ensure_user(identity, self.services.settings.signup_credits)
            if self._token is not None and not self.is_websocket:
                self.services.user_cache.put(self._token, identity, self._user)
                self._token = None
            structlog.contextvars.bind_contextvars(user_id=str(self._user.id))
        return self._user

    async def optional_user(self) -> User | None:
        """The calling user, or None for a request that sends no token at all (public reads); a token that is
        sent must be valid (``Unauthenticated`` otherwise), so a client never silently reads as nobody."""
        anonymous = self.identity is None and self._user is None and not self.is_websocket
        if anonymous and self.request.headers.get("authorization") is None:
            return None
        return await self.user()

    async def admin(self) -> User:
        if (await self.authenticate()).is_api_key:
            raise Forbidden("API keys never reach administrator fields")
        user = await self.user()
        if user.role is not Role.ADMIN:
            raise Forbidden("administrators only")
        return user
