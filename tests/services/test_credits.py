"""The ledger's only writer: conditional debits, idempotency, and the balance invariant under concurrency."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from starlette.applications import Starlette

from models import CreditLedgerEntry, LedgerKind, User
from services import credits
from services.core.errors import InsufficientCredits
from services.credits import ledger_sum


@pytest.fixture
async def user(app: Starlette) -> User:
    created = await User.create(id=uuid.uuid4(), subject=f"ledger-{uuid.uuid4().hex[:8]}")
    await credits.grant(created.id, 10, idempotency_key="seed")
    return await User.get(id=created.id)


async def test_debits_never_overdraw_under_concurrency(user: User) -> None:
    async def debit(i: int) -> bool:
        try:
            await credits.reserve(user.id, uuid.uuid4(), 3, images=1)
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
    batch_id = uuid.uuid4()
    with pytest.raises(InsufficientCredits) as caught:
        await credits.reserve(user.id, batch_id, 11, images=11)
    assert caught.value.required == 11
    assert caught.value.available == 10
    assert (await User.get(id=user.id)).credits == 10
    assert not await CreditLedgerEntry.filter(reference=str(batch_id)).exists()


async def test_same_key_is_applied_once(user: User) -> None:
    image_id = uuid.uuid4()
    entries = await asyncio.gather(
        *(credits.refund(user.id, image_id, 2, batch_id=None, description="again") for _ in range(6))
    )
    assert {e.kind for e in entries} == {LedgerKind.REFUND}
    assert len({e.id for e in entries}) == 1
    assert (await User.get(id=user.id)).credits == 12
    assert await ledger_sum(user.id) == 12
