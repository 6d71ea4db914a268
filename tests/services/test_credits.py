"""The ledger's only writer: conditional debits, idempotency, and the balance invariant under concurrency."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from starlette.applications import Starlette
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

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


async def assert_held_matches_ledger(user_id: uuid.UUID) -> int:
    """``users.credits_held`` equals the sum of the ledger's ``held_delta`` (and the balance its ``amount``)."""
    row = await User.get(id=user_id)
    assert row.credits_held == await credits.ledger_held_sum(user_id)
    assert row.credits == await ledger_sum(user_id)
    assert await credits.held(user_id) == row.credits_held
    return row.credits_held


async def test_held_credits_follow_the_ledger_through_concurrent_work_and_failures(user: User) -> None:
    await credits.grant(user.id, 990, idempotency_key="more")  # 1,000 in all
    batches = [uuid.uuid4() for _ in range(8)]
    # Each reserve twice at once (the repeat's transaction fails on the key and rolls back whole), all together.
    await asyncio.gather(*(credits.reserve(user.id, b, 15, images=3) for b in batches * 2))
    assert await assert_held_matches_ledger(user.id) == 120
    with pytest.raises(InsufficientCredits):  # refused: nothing written, nothing held
        await credits.reserve(user.id, uuid.uuid4(), 10_000, images=3)
    assert await assert_held_matches_ledger(user.id) == 120

    def settlements(batch: uuid.UUID, delivered: int) -> list[credits.ImageSettlement]:
        return [
            credits.ImageSettlement(uuid.uuid5(batch, str(i)), 5, i < delivered, f"image {i + 1}") for i in range(3)
        ]

    async def settle(batch: uuid.UUID, delivered: int) -> None:
        async with in_transaction():
            await credits.settle_images(user.id, batch, settlements(batch, delivered))

    async def one_by_one(batch: uuid.UUID) -> None:
        for i in range(3):
            image = uuid.uuid5(batch, str(i))
            if i == 0:
                await credits.capture(user.id, image, 5, batch_id=batch, description="one")
            else:
                await credits.refund(user.id, image, 5, batch_id=batch, description="one")

    # Groups and single settlements of different batches at once; then one group again (its images were settled:
    # the insert fails and rolls its transaction back whole, balance and held credits included).
    await asyncio.gather(
        settle(batches[0], 3),
        settle(batches[1], 1),
        settle(batches[2], 0),
        one_by_one(batches[3]),
        settle(batches[4], 2),
    )
    with pytest.raises(IntegrityError):
        await settle(batches[0], 3)
    assert await assert_held_matches_ledger(user.id) == 45  # batches 5, 6 and 7 still hold theirs
    await settle(batches[5], 3)
    assert await assert_held_matches_ledger(user.id) == 30
    # Refunded: 2 + 3 + 2 + 1 images of 5 credits = 40, back to the balance.
    assert await credits.balance_and_held(user.id) == credits.Balance(1000 - 120 + 40, 30)
