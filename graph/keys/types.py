"""API keys as clients see them: never the key itself (it is shown once, by ``apiKeyCreate``)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from graph.keys.enums import ApiKeyScope
from models.keys import ApiKey


@strawberry.type(name="ApiKey", description="A long-lived, scoped credential for your servers (without its secret).")
class ApiKeyType:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description="Your name for the key.")
    prefix: str = strawberry.field(description="The key's first characters (`ppk_` and 8 more), to tell keys apart.")
    scopes: list[ApiKeyScope] = strawberry.field(description="What the key may reach.")
    created_at: datetime = strawberry.field(description="Creation time.")
    expires_at: datetime | None = strawberry.field(description="Refused from this time on; null: never expires.")
    last_used_at: datetime | None = strawberry.field(
        description="About when it was last used (recorded at most once a minute); null: never used."
    )
    last_used_address: str | None = strawberry.field(description="The client address of that use.")
    revoked_at: datetime | None = strawberry.field(description="When it was revoked; null while it is usable.")

    @classmethod
    def from_model(cls, row: ApiKey) -> ApiKeyType:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            prefix=row.prefix,
            scopes=[ApiKeyScope(s) for s in row.scopes],
            created_at=row.created_at,
            expires_at=row.expires_at,
            last_used_at=row.last_used_at,
            last_used_address=row.last_used_address,
            revoked_at=row.revoked_at,
        )
