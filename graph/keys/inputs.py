"""API key inputs."""

from __future__ import annotations

from datetime import datetime

import strawberry

from graph.keys.enums import ApiKeyScope


@strawberry.input(description="A new API key.")
class ApiKeyCreateInput:
    name: str = strawberry.field(description="Your name for it, 1-80 characters.")
    scopes: list[ApiKeyScope] = strawberry.field(description="What it may reach; at least one.")
    expires_at: datetime | None = strawberry.field(
        default=None, description="When it stops working (with a time zone, in the future); null: never."
    )
