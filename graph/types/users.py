"""The viewer and their credit ledger."""

from __future__ import annotations

import uuid
from datetime import datetime

import strawberry

from graph.types.enums import LedgerKind, Role
from models import CreditLedgerEntry, User
from services import credits


@strawberry.type(name="User", description="The authenticated caller.")
class UserType:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    subject: str = strawberry.field(description="The identity provider's subject (`sub` claim).")
    email: str | None = strawberry.field(description="Email from the token, when it carries one.")
    role: Role = strawberry.field(description="USER or ADMIN.")
    credits: int = strawberry.field(description="Spendable balance (credits on hold are not included).")
    created_at: datetime = strawberry.field(description="When the account was created (first request).")

    @strawberry.field(description="Credits on hold for batches still running (not part of `credits`).")  # type: ignore[untyped-decorator]
    async def credits_held(self) -> int:
        return await credits.held(uuid.UUID(self.id))

    @classmethod
    def from_model(cls, user: User) -> UserType:
        return cls(
            id=strawberry.ID(str(user.id)),
            subject=user.subject,
            email=user.email,
            role=user.role,
            credits=user.credits,
            created_at=user.created_at,
        )


@strawberry.type(
    name="CreditTransaction",
    description="One ledger entry. The amounts of all entries sum to the balance.",
)
class CreditTransactionType:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    kind: LedgerKind = strawberry.field(description="Why the credits moved.")
    amount: int = strawberry.field(description="Change of the spendable balance (negative when held).")
    held_delta: int = strawberry.field(description="Change of the credits on hold.")
    balance_after: int = strawberry.field(description="The balance right after this entry.")
    reference: str | None = strawberry.field(description="What it belongs to, such as a batch job id.")
    description: str = strawberry.field(description="A note, such as an administrator's reason.")
    created_at: datetime = strawberry.field(description="When it was written.")

    @classmethod
    def from_model(cls, entry: CreditLedgerEntry) -> CreditTransactionType:
        return cls(
            id=strawberry.ID(str(entry.id)),
            kind=entry.kind,
            amount=entry.amount,
            held_delta=entry.held_delta,
            balance_after=entry.balance_after,
            reference=entry.reference,
            description=entry.description,
            created_at=entry.created_at,
        )
