"""The credit ledger and balance events as clients see them."""

from __future__ import annotations

from datetime import datetime

import strawberry

from graph.core.convert import from_row
from graph.core.enums import ProgressEventKind
from graph.credits.enums import LedgerKind
from models import CreditLedgerEntry
from services.progress.events import CreditBalance


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
        return from_row(cls, entry)


@strawberry.type(description="Your spendable balance or the credits held for your open batches changed.")
class CreditBalanceEvent:
    balance: int = strawberry.field(description="The spendable balance.")
    held: int = strawberry.field(
        description="Credits on hold for your open batches (reserved at submit; charged or returned per image). "
        "Sent only when this or the balance changed."
    )
    kind: ProgressEventKind = strawberry.field(
        description="EVENT: a change as it happened; REPLAY: a change missed while away, replayed after `afterSeq`; "
        "SNAPSHOT: the balance read from the database (a resume that could not replay everything)."
    )
    user_seq: int | None = strawberry.field(
        description="Your event number, as on `BatchProgressEvent.userSeq`: resume `myEvents` with `afterSeq`."
    )

    @classmethod
    def from_event(cls, event: CreditBalance) -> CreditBalanceEvent:
        return from_row(cls, event)
