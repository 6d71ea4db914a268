"""Credits: the ledger and administrators' grants."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.core.arguments import After, First
from graph.core.connections import Connection
from graph.core.context import Context
from graph.core.errors import UserErrorsExtension
from graph.credits.inputs import CreditsGrantInput
from graph.credits.payloads import CreditsGrantPayload
from graph.credits.types import CreditTransactionType
from graph.users.types import UserType
from services import credits, users
from services.core.pagination import DEFAULT_PAGE_SIZE

Info = strawberry.Info[Context, None]
PAGE_ARGS = " `first` is at most 100."


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
    entry = await credits.grant(
        input.user_id, input.amount, reason=input.reason or "", idempotency_key=input.idempotency_key
    )
    return CreditsGrantPayload(
        transaction=CreditTransactionType.from_model(entry),
        user=UserType.from_model(await users.get(entry.user_id)),
    )


@strawberry.type
class CreditQueries:
    credit_transactions: Connection[CreditTransactionType] = strawberry.field(
        resolver=credit_transactions, description="Your credit ledger, newest first." + PAGE_ARGS
    )


@strawberry.type
class CreditMutations:
    credits_grant: CreditsGrantPayload = strawberry.mutation(
        resolver=credits_grant,
        extensions=[UserErrorsExtension()],
        description="Add credits to a user's balance (administrators only).",
    )
