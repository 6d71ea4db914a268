"""Credit mutation payloads: the changed object and ``userErrors`` (empty on success)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from graph.core.errors import UserError
from graph.credits.types import CreditTransactionType

if TYPE_CHECKING:
    from graph.users.types import UserType

User = Annotated["UserType", strawberry.lazy("graph.users.types")]

USER_ERRORS = "Expected failures (validation, not found, credits); empty on success."


@strawberry.type(description="Result of a credit grant.")
class CreditsGrantPayload:
    transaction: CreditTransactionType | None = strawberry.field(default=None, description="The ledger entry.")
    user: Annotated[UserType, strawberry.lazy("graph.users.types")] | None = strawberry.field(
        default=None, description="The credited user, with the new balance."
    )
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)
