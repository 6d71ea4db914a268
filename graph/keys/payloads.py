"""API key mutation payloads: the key (its secret only once, at creation) and ``userErrors``."""

from __future__ import annotations

import strawberry

from graph.core.errors import UserError
from graph.keys.types import ApiKeyType

USER_ERRORS = "Expected failures (validation, not found, limits); empty on success."


@strawberry.type(description="Result of creating an API key.")
class ApiKeyCreatePayload:
    api_key: ApiKeyType | None = strawberry.field(default=None, description="The new key, when it succeeded.")
    key: str | None = strawberry.field(
        default=None,
        description="The key itself (`ppk_…`): shown this once and never again; send it as `Authorization: Bearer`.",
    )
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of revoking an API key.")
class ApiKeyRevokePayload:
    api_key: ApiKeyType | None = strawberry.field(default=None, description="The revoked key, when it succeeded.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)
