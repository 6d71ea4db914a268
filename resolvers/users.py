"""The viewer."""

from __future__ import annotations

import strawberry

from graph.core.context import Context
from graph.users.types import UserType
from services import users

Info = strawberry.Info[Context, None]


async def me(info: Info) -> UserType:
    user = await info.context.user()
    return UserType.from_model(await users.get(user.id))


@strawberry.type
class UserQueries:
    me: UserType = strawberry.field(resolver=me, description="The authenticated caller.")
