"""The decode slots: at most ``slots`` decodes at once per process, the others waiting their turn."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest

from services.infra import decoding


@pytest.fixture
def two_slots() -> Iterator[None]:
    before = decoding.slots()
    decoding.configure(2)
    yield
    decoding.configure(before)


async def test_at_most_the_configured_number_of_decodes_run_at_once(two_slots: None) -> None:
    lock = threading.Lock()
    gate = threading.Event()
    running = 0
    most = 0

    def decode(n: int) -> int:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        try:
            # Held until the test has seen both slots busy: a third decode could only start by taking a slot.
            if not gate.wait(timeout=30):
                raise TimeoutError("the gate was never opened")
            return n * n
        finally:
            with lock:
                running -= 1

    tasks = [asyncio.create_task(decoding.run(decode, n)) for n in range(6)]
    async with asyncio.timeout(30):
        while True:  # polling a condition, not a fixed wait
            with lock:
                if running == 2:
                    break
            await asyncio.sleep(0.01)
    assert not any(task.done() for task in tasks)  # four still waiting for a slot
    gate.set()
    assert await asyncio.gather(*tasks) == [n * n for n in range(6)]
    assert most == 2


async def test_a_failing_decode_raises_in_the_caller_and_frees_its_slot(two_slots: None) -> None:
    def broken() -> None:
        raise ValueError("not an image")

    for _ in range(3):  # more failures than slots: none of them keeps a slot
        with pytest.raises(ValueError, match="not an image"):
            await decoding.run(broken)
    assert await decoding.run(lambda: 7) == 7


def test_slots_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least one"):
        decoding.configure(0)
