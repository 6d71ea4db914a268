"""The worker's shared item slots: a bound across batches, round-robin by owner, a limit per owner, cancellation."""

from __future__ import annotations

import asyncio

import pytest

from services.infra.fair_slots import FairSlots


async def _settle() -> None:
    """Let every task that can run now run (the slots are granted synchronously on release)."""
    for _ in range(5):
        await asyncio.sleep(0)


async def test_at_most_capacity_in_use_and_each_release_starts_the_next() -> None:
    slots = FairSlots(2)
    order: list[str] = []

    async def item(name: str) -> None:
        await slots.acquire("alice")
        order.append(name)

    tasks = [asyncio.create_task(item(f"a{index}")) for index in range(4)]
    await _settle()
    assert order == ["a0", "a1"]
    assert slots.in_use == 2
    assert slots.waiting() == 2

    slots.release("alice")
    await _settle()
    assert order == ["a0", "a1", "a2"]
    assert slots.in_use == 2

    slots.release("alice")
    await _settle()
    assert order == ["a0", "a1", "a2", "a3"]
    await asyncio.gather(*tasks)
    assert slots.waiting() == 0


async def test_waiting_items_are_served_round_robin_by_owner() -> None:
    """Alice queued six items before Bob and Carol queued theirs: the freed slots alternate between the owners,
    oldest item first within each, instead of serving Alice's backlog first."""
    slots = FairSlots(1)
    await slots.acquire("first")  # the one slot is busy while the others queue
    granted: list[str] = []

    async def item(owner: str, index: int) -> None:
        await slots.acquire(owner)
        granted.append(f"{owner}{index}")

    tasks = [asyncio.create_task(item("alice", index)) for index in range(6)]
    await _settle()
    tasks += [asyncio.create_task(item("bob", index)) for index in range(2)]
    await _settle()
    tasks += [asyncio.create_task(item("carol", 0))]
    await _settle()
    assert granted == []

    slots.release("first")
    owners = ["first", "alice", "bob", "carol", "alice", "bob", "alice", "alice", "alice"]
    for index in range(9):
        await _settle()
        if index < 8:
            slots.release(owners[index + 1])
    await asyncio.gather(*tasks)
    assert granted == ["alice0", "bob0", "carol0", "alice1", "bob1", "alice2", "alice3", "alice4", "alice5"]


async def test_an_owner_never_holds_more_than_its_limit_and_the_others_use_the_rest() -> None:
    slots = FairSlots(4, per_owner=2)
    granted: list[str] = []

    async def item(owner: str, index: int) -> None:
        await slots.acquire(owner)
        granted.append(f"{owner}{index}")

    tasks = [asyncio.create_task(item("alice", index)) for index in range(4)]
    await _settle()
    assert granted == ["alice0", "alice1"]
    assert slots.held("alice") == 2
    assert slots.in_use == 2  # two slots stay free rather than going to an owner at its limit

    tasks += [asyncio.create_task(item("bob", index)) for index in range(3)]
    await _settle()
    assert granted == ["alice0", "alice1", "bob0", "bob1"]
    assert slots.in_use == 4

    slots.release("bob")  # the free slot cannot go to Alice (at her limit): Bob's next item takes it
    await _settle()
    assert granted[-1] == "bob2"
    slots.release("alice")
    await _settle()
    assert granted[-1] == "alice2"
    slots.release("alice")
    await _settle()
    assert granted[-1] == "alice3"
    await asyncio.gather(*tasks)
    assert slots.held("alice") == 2
    assert slots.held("bob") == 2


async def test_a_cancelled_waiter_takes_no_slot_and_a_cancelled_grantee_gives_its_slot_on() -> None:
    slots = FairSlots(1)
    await slots.acquire("alice")
    gone = asyncio.create_task(slots.acquire("bob"))
    await _settle()
    gone.cancel()
    with pytest.raises(asyncio.CancelledError):
        await gone
    assert slots.waiting() == 0

    later = asyncio.create_task(slots.acquire("carol"))
    await _settle()
    slots.release("alice")  # granted to Carol, whose task is cancelled before it resumes
    later.cancel()
    with pytest.raises(asyncio.CancelledError):
        await later
    assert slots.in_use == 0  # the slot came back instead of leaking
    await asyncio.wait_for(slots.acquire("dave"), timeout=5)
    assert slots.held("dave") == 1


async def test_releasing_a_slot_an_owner_does_not_hold_is_an_error() -> None:
    slots = FairSlots(1)
    with pytest.raises(RuntimeError):
        slots.release("alice")
    assert slots.in_use == 0


async def test_a_freed_slot_goes_to_the_owner_with_the_fewest_calls_in_flight() -> None:
    """Alice holds both slots and has a backlog when Bob's items arrive: Bob's first item takes the next freed
    slot, not Alice's third, even though Alice has waited longer."""
    slots = FairSlots(2)
    granted: list[str] = []

    async def item(owner: str, index: int) -> None:
        await slots.acquire(owner)
        granted.append(f"{owner}{index}")

    tasks = [asyncio.create_task(item("alice", index)) for index in range(4)]
    await _settle()
    tasks += [asyncio.create_task(item("bob", index)) for index in range(2)]
    await _settle()
    assert granted == ["alice0", "alice1"]
    for owner in ("alice", "alice", "bob", "alice"):
        slots.release(owner)
        await _settle()
    await asyncio.gather(*tasks)
    assert granted == ["alice0", "alice1", "bob0", "alice2", "bob1", "alice3"]
