"""The ledger primitive: conditional debits, idempotency, and the balance invariant under concurrency."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from starlette.applications import Starlette

from models import CreditLedgerEntry, LedgerKind, User
from services.credits import apply_entry, ledger_sum
from services.errors import InsufficientCredits


@pytest.fixture
async def user(app: Starlette) -> User:
    created = await User.create(id=uuid.uuid4(), subject=f"ledger-{uuid.uuid4().hex[:8]}")
    await apply_entry(created.id, amount=10, kind=LedgerKind.GRANT, idempotency_key=f"seed:{created.id}")
    return await User.get(id=created.id)


async def test_debits_never_overdraw_under_concurrency(user: User) -> None:
    async def debit(i: int) -> bool:
        try:
            await apply_entry(
                user.id, amount=-3, held_delta=3, kind=LedgerKind.RESERVE, idempotency_key=f"d:{user.id}:{i}"
            )
        except InsufficientCredits:
            return False
        return True

    results = await asyncio.gather(*(debit(i) for i in range(12)))
    assert results.count(True) == 3  # 10 // 3
    refreshed = await User.get(id=user.id)
    assert refreshed.credits == 1
    assert await ledger_sum(user.id) == 1
    assert await CreditLedgerEntry.filter(user_id=user.id).count() == 4


async def test_insufficient_credits_writes_nothing(user: User) -> None:
    with pytest.raises(InsufficientCredits) as caught:
        await apply_entry(user.id, amount=-11, kind=LedgerKind.RESERVE, idempotency_key=f"big:{user.id}")
    assert caught.value.required == 11
    assert caught.value.available == 10
    assert (await User.get(id=user.id)).credits == 10
    assert not await CreditLedgerEntry.filter(idempotency_key=f"big:{user.id}").exists()


async def test_same_key_is_applied_once(user: User) -> None:
    key = f"refund:{user.id}"
    entries = await asyncio.gather(
        *(apply_entry(user.id, amount=2, kind=LedgerKind.REFUND, idempotency_key=key) for _ in range(6))
    )
    assert len({e.id for e in entries}) == 1
    assert (await User.get(id=user.id)).credits == 12
    assert await ledger_sum(user.id) == 12
