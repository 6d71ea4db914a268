"""Item slots shared by every batch a worker process runs, handed out fairly across owners.

A worker holds at most ``capacity`` provider calls in flight (``WORKER_CONCURRENCY`` x ``BATCH_ITEM_CONCURRENCY``),
whatever batch they belong to: each call that ends starts the next waiting item of any batch. Waiting items are
served by owner (the user whose batch it is): a freed slot goes to the waiting owner with the fewest calls in
flight, round-robin among equals, oldest item first within an owner, so a user with a long backlog does not keep
a later user waiting behind it; an owner never holds more than ``per_owner`` slots
(``PER_USER_CONCURRENCY``), so a slot is never spent on an item that would only wait in the provider limiter.
The provider limits (``services.infra.limits``) still hold per call, across processes.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import OrderedDict, deque


class FairSlots:
    """``await acquire(owner)`` ... ``release(owner)``; see the module docstring."""

    def __init__(self, capacity: int, *, per_owner: int | None = None) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self.per_owner = per_owner if per_owner is not None else capacity
        self._free = capacity
        self._held: dict[str, int] = {}
        self._waiting: OrderedDict[str, deque[asyncio.Future[None]]] = OrderedDict()
        """Owners with waiting items, in the order they are served next (round-robin)."""

    @property
    def in_use(self) -> int:
        return self.capacity - self._free

    def held(self, owner: str) -> int:
        return self._held.get(owner, 0)

    def waiting(self) -> int:
        return sum(1 for waiters in self._waiting.values() for waiter in waiters if not waiter.done())

    async def acquire(self, owner: str) -> None:
        """Wait for a slot for one of ``owner``'s items (after the items already waiting, in turn by owner)."""
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.setdefault(owner, deque()).append(waiter)
        self._grant()
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release(owner)  # granted, but its taker is gone: the slot goes to the next in turn
            else:
                self._forget(owner, waiter)
            raise

    def release(self, owner: str) -> None:
        """The call of one of ``owner``'s items is over: its slot goes to the next waiting item in turn."""
        held = self._held.get(owner, 0)
        if held <= 0:
            raise RuntimeError(f"{owner} holds no slot")
        if held == 1:
            del self._held[owner]
        else:
            self._held[owner] = held - 1
        self._free += 1
        self._grant()

    def _forget(self, owner: str, waiter: asyncio.Future[None]) -> None:
        waiters = self._waiting.get(owner)
        if waiters is None:
            return
        with contextlib.suppress(ValueError):
            waiters.remove(waiter)
        if not waiters:
            del self._waiting[owner]

    def _grant(self) -> None:
        while self._free > 0 and self._waiting:
            # The waiting owner with the fewest calls in flight; among equals, the one served longest ago.
            chosen, fewest = None, self.per_owner
            for owner in self._waiting:
                held = self._held.get(owner, 0)
                if held < fewest:
                    chosen, fewest = owner, held
            if chosen is None:
                return  # every waiting owner is at its own limit
            waiters = self._waiting.pop(chosen)
            waiter = waiters.popleft()
            if waiters:
                self._waiting[chosen] = waiters  # served: to the end of the turn
            if waiter.done():
                continue  # cancelled while waiting
            waiter.set_result(None)
            self._held[chosen] = self._held.get(chosen, 0) + 1
            self._free -= 1
