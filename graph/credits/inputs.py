"""Inputs of the credit operations."""

from __future__ import annotations

import strawberry


@strawberry.input(description="An administrator's grant of credits to a user.")
class CreditsGrantInput:
    user_id: strawberry.ID = strawberry.field(description="The user to credit.")
    amount: int = strawberry.field(description="Credits to add, 1-1,000,000.")
    reason: str | None = strawberry.field(default=None, description="Shown in the user's ledger.")
    idempotency_key: str | None = strawberry.field(
        default=None, description="Repeat the call with the same key and it is applied once."
    )
