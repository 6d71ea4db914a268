"""The viewer, credits and the ledger."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.arguments import After, First
from graph.context import Context
from graph.inputs.credits import CreditsGrantInput
from graph.types.connections import Connection
from graph.types.payloads import CreditsGrantPayload
from graph.types.users import CreditTransactionType, UserType
from services import credits, users
from services.errors import NotFound
from services.ids import parse_id
from services.pagination import DEFAULT_PAGE_SIZE

Info = strawberry.Info[Context, None]


async def me(info: Info) -> UserType:
    user = await info.context.user()
    return UserType.from_model(await users.get(user.id))


async def credit_transactions(
    info: Info,
    first: First = DEFAULT_PAGE_SIZE,
    after: After = None,
) -> Connection[CreditTransactionType]:
    user = await info.context.user()
    page = await credits.ledger_page(user.id, first=first, after=after)
    return Connection.from_page(page, CreditTransactionType.from_model)


async def credits_grant(
    info: Info, input: Annotated[CreditsGrantInput, strawberry.argument(description="Whom and how much.")]
) -> CreditsGrantPayload:
    await info.context.admin()
    user_id = parse_id(input.user_id)
    if user_id is None:
        raise NotFound("user not found", ["input", "userId"])
    entry = await credits.grant(user_id, input.amount, reason=input.reason or "", idempotency_key=input.idempotency_key)
    return CreditsGrantPayload(
        transaction=CreditTransactionType.from_model(entry),
        user=UserType.from_model(await users.get(user_id)),
    )
