"""Credits: the balance on ``User.credits`` and the append-only ledger that always sums to it.

Every balance change is one conditional UPDATE plus its ledger row, in one transaction. Each entry carries a
unique idempotency key, so repeating an operation (a retried request, a re-delivered job) changes nothing.
"""

from __future__ import annotations

import uuid
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from models import CreditLedgerEntry, LedgerKind, User
from services.errors import InsufficientCredits, InvalidInput, NotFound
from services.pagination import Page, paginate

MAX_GRANT = 1_000_000


async def apply_entry(
    user_id: uuid.UUID,
    *,
    amount: int,
    kind: LedgerKind,
    idempotency_key: str,
    held_delta: int = 0,
    reference: str | None = None,
    description: str = "",
) -> CreditLedgerEntry:
    """Change a balance by ``amount`` and record it; returns the existing entry when the key was used before.

    A debit that would make the balance negative raises ``InsufficientCredits`` and writes nothing.
    """
    existing = await CreditLedgerEntry.get_or_none(idempotency_key=idempotency_key)
    if existing is not None:
        return existing
    try:
        async with in_transaction():
            query = User.filter(id=user_id)
            if amount < 0:
                query = query.filter(credits__gte=-amount)
            updated = await query.update(credits=F("credits") + amount)
            if updated == 0:
                user = await User.get_or_none(id=user_id)
                if user is None:
                    raise NotFound("user not found", ["input", "userId"])
                raise InsufficientCredits(required=-amount, available=user.credits)
            # Our UPDATE holds the row lock (PostgreSQL) or the write lock (SQLite) until commit, so this read
            # sees exactly the balance our change produced.
            balance = (await User.get(id=user_id)).credits
            return await CreditLedgerEntry.create(
                user_id=user_id,
                amount=amount,
                held_delta=held_delta,
                kind=kind,
                balance_after=balance,
                reference=reference,
                description=description,
                idempotency_key=idempotency_key,
            )
    except IntegrityError:
        # A concurrent call with the same key committed first; ours rolled back whole.
        return await CreditLedgerEntry.get(idempotency_key=idempotency_key)


async def grant(
    user_id: uuid.UUID, amount: int, *, reason: str = "", idempotency_key: str | None = None
) -> CreditLedgerEntry:
    """An administrator's grant of ``amount`` credits (1..1,000,000)."""
    if not 0 < amount <= MAX_GRANT:
        raise InvalidInput(f"amount must be between 1 and {MAX_GRANT}", ["input", "amount"])
    if len(reason) > 500:
        raise InvalidInput("reason must be at most 500 characters", ["input", "reason"])
    if idempotency_key is not None and not 1 <= len(idempotency_key) <= 100:
        raise InvalidInput("idempotencyKey must be 1-100 characters", ["input", "idempotencyKey"])
    return await apply_entry(
        user_id,
        amount=amount,
        kind=LedgerKind.GRANT,
        idempotency_key=f"grant:{user_id}:{idempotency_key or uuid.uuid4()}",
        description=reason,
    )


async def ledger_sum(user_id: uuid.UUID) -> int:
    """The sum of a user's ledger amounts (equals their balance; used by checks and tests)."""
    amounts: list[Any] = await CreditLedgerEntry.filter(user_id=user_id).values_list("amount", flat=True)
    return sum(int(a) for a in amounts)


async def ledger_page(user_id: uuid.UUID, *, first: int, after: str | None) -> Page[CreditLedgerEntry]:
    """The user's ledger, newest first."""
    return await paginate(CreditLedgerEntry.filter(user_id=user_id), first=first, after=after)


async def held(user_id: uuid.UUID) -> int:
    """Credits the user has on hold (reserved, neither captured nor refunded yet)."""
    deltas: list[Any] = await CreditLedgerEntry.filter(user_id=user_id).values_list("held_delta", flat=True)
    return sum(int(d) for d in deltas)
