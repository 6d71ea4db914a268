"""API key queries and mutations (sessions only: ``graph.keys.scopes`` keeps keys away from these fields)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.core.arguments import After, First
from graph.core.connections import Connection
from graph.core.context import Context
from graph.core.errors import UserErrorsExtension
from graph.keys.inputs import ApiKeyCreateInput
from graph.keys.payloads import ApiKeyCreatePayload, ApiKeyRevokePayload
from graph.keys.types import ApiKeyType
from services import keys
from services.core.pagination import DEFAULT_PAGE_SIZE

Info = strawberry.Info[Context, None]


async def api_key_list(info: Info, first: First = DEFAULT_PAGE_SIZE, after: After = None) -> Connection[ApiKeyType]:
    user = await info.context.user()
    page = await keys.list_page(user.id, first=first, after=after)
    return Connection.from_page(page, ApiKeyType.from_model)


async def api_key_create(
    info: Info, input: Annotated[ApiKeyCreateInput, strawberry.argument(description="The new key.")]
) -> ApiKeyCreatePayload:
    user = await info.context.user()
    new = keys.NewApiKey(name=input.name, scopes=input.scopes, expires_at=input.expires_at)
    created, key = await keys.create(user.id, new, verifier=info.context.services.api_keys)
    return ApiKeyCreatePayload(api_key=ApiKeyType.from_model(created), key=key)


async def api_key_revoke(
    info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The key's id.")]
) -> ApiKeyRevokePayload:
    user = await info.context.user()
    revoked = await keys.revoke(user.id, id, verifier=info.context.services.api_keys)
    return ApiKeyRevokePayload(api_key=ApiKeyType.from_model(revoked))


@strawberry.type
class ApiKeyQueries:
    api_keys: Connection[ApiKeyType] = strawberry.field(
        resolver=api_key_list,
        description="Your API keys that are not revoked (expired ones included), newest first. Sessions only.",
    )


@strawberry.type
class ApiKeyMutations:
    api_key_create: ApiKeyCreatePayload = strawberry.mutation(
        resolver=api_key_create,
        extensions=[UserErrorsExtension()],
        description="Create an API key; the key itself is in this payload only, never shown again. Sessions only.",
    )
    api_key_revoke: ApiKeyRevokePayload = strawberry.mutation(
        resolver=api_key_revoke,
        extensions=[UserErrorsExtension()],
        description=(
            "Revoke one of your API keys: refused at once on this server, and on every other API process within "
            "`API_KEY_CACHE_SECONDS` (5 s by default). Sessions only."
        ),
    )
