"""The viewer as clients see them."""

from __future__ import annotations

import uuid
from datetime import datetime

import strawberry

from graph.core.convert import from_row
from graph.users import loaders
from graph.users.enums import Role
from models import User


@strawberry.type(name="User", description="The authenticated caller.")
class UserType:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    subject: str = strawberry.field(description="The identity provider's subject (`sub` claim).")
    email: str | None = strawberry.field(description="Email from the token, when it carries one.")
    display_name: str = strawberry.field(description="What other users see of you (the token's `name` claim).")
    role: Role = strawberry.field(description="USER or ADMIN.")
    credits: int = strawberry.field(description="Spendable balance (credits on hold are not included).")
    created_at: datetime = strawberry.field(description="When the account was created (first request).")

    @strawberry.field(description="Credits on hold for batches still running (not part of `credits`).")  # type: ignore[untyped-decorator]
    async def credits_held(self, info: strawberry.Info) -> int:
        held: int = await loaders.credits_held.on(info).load(uuid.UUID(self.id))
        return held

    @classmethod
    def from_model(cls, user: User) -> UserType:
        return from_row(cls, user)


@strawberry.type(description="What other users see of a user: the display name, nothing else.")
class PublicUser:
    display_name: str = strawberry.field(description="The name the user chose to show (never an email).")

    @classmethod
    def from_model(cls, user: User) -> PublicUser:
        return from_row(cls, user)
