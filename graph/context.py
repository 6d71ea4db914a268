"""Per-request context: who is calling (verified lazily, once), and the process's services."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.websockets import WebSocket

from graph.dataloaders import Loaders
from graph.services import AppServices
from models import Role, User
from services.auth import Identity, bearer_token
from services.errors import Forbidden, Unauthenticated
from services.users import ensure_user


@dataclass
class Context:
    services: AppServices
    request: Request | WebSocket
    connection_params: dict[str, Any] | None = None
    identity: Identity | None = None
    loaders: Loaders = field(default_factory=Loaders)
    _user: User | None = field(default=None, repr=False)

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
            self.identity = await self.services.verifier.verify(token)
        if self.identity.expires_at + self.services.settings.jwt_leeway_seconds < time.time():
            raise Unauthenticated("token expired")
        return self.identity

    async def user(self) -> User:
        """The calling user, created on first use; cached for the request (re-read per operation on sockets)."""
        identity = await self.authenticate()
        if self._user is None or self.is_websocket:
            self._user = await ensure_user(identity, self.services.settings.signup_credits)
        return self._user

    async def admin(self) -> User:
        user = await self.user()
        if user.role is not Role.ADMIN:
            raise Forbidden("administrators only")
        return user
