"""The bus's vocabulary: what an event is, the ``RESYNC`` marker, and the ``EventBus`` / ``Subscription``
interfaces every bus implements (semantics: ``services.infra.bus``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from types import TracebackType
from typing import Any, Protocol, Self

Event = dict[str, Any]


class Resync:
    """Marker yielded to a subscriber after the bus lost messages; re-read the state from SQL when you see it."""

    _instance: Resync | None = None

    def __new__(cls) -> Resync:
        # A singleton, so `item is RESYNC` and isinstance checks both work.
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "RESYNC"


RESYNC = Resync()


class Subscription(Protocol):
    """One subscriber's view of one channel.

    Use as ``async with bus.subscribe(channel) as sub: async for item in sub: ...``. Entering registers the
    subscriber (for Redis: returns once Redis confirmed the channel, so a snapshot read afterwards cannot miss an
    event); leaving unregisters it. Iteration yields events and ``RESYNC`` and stops when the bus closes.
    """

    @property
    def channel(self) -> str: ...

    def __aiter__(self) -> AsyncIterator[Event | Resync]: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...


class EventBus(Protocol):
    """Publish notifications to channels and subscribe to them (see the module docstring for the semantics)."""

    async def start(self) -> None: ...

    async def close(self) -> None: ...

    async def publish(self, channel: str, event: Event) -> None: ...

    def subscribe(self, channel: str, *, queue_size: int | None = None) -> Subscription: ...

    @property
    def healthy(self) -> bool: ...
