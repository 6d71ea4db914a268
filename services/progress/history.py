"""Recent progress events, kept so that a follower who comes back with ``afterSeq`` gets exactly what it missed: each
batch's events (``batchProgress``) and each user's (``myEvents``).

Both are numbered logs (``services.infra.numbered_log``): a Redis stream per key (capped, expiring) in distributed
mode, this process's memory in the embedded default.

- ``BatchHistory``: a batch's events under their ``seq`` (numbered in SQL). Written only by the publisher
  (``services.progress.publisher``), after the state is in SQL and before the event is published: whoever
  subscribes first and reads the log after finds every event up to the one being published in the log or, later, on
  its subscription.
- ``UserHistory``: every ``myEvents`` event of a user (their batches' events and balance changes), numbered by the
  log itself (``userSeq``), before it is published with that number. An event that could not be numbered leaves a
  gap, and a resume across it gets a snapshot instead.
"""

from __future__ import annotations

import dataclasses
import uuid
from typing import TypeVar

from services.infra.numbered_log import NumberedLog
from services.progress.events import AccountExportChanged, BatchProgress, CreditBalance, ProgressEvent, from_json

E = TypeVar("E", bound=BatchProgress | CreditBalance | AccountExportChanged)


def _batch_key(batch_id: uuid.UUID) -> str:
    return f"batch:{batch_id}"


def _user_key(user_id: uuid.UUID) -> str:
    return f"user:{user_id}"


class BatchHistory:
    """The per-batch event log (see the module docstring)."""

    def __init__(self, log: NumberedLog) -> None:
        self.log = log

    @staticmethod
    def key(batch_id: uuid.UUID) -> str:
        return _batch_key(batch_id)

    async def record(self, event: BatchProgress) -> None:
        await self.log.put(_batch_key(event.batch_job_id), event.seq, event.to_json())

    async def since(self, batch_id: uuid.UUID, after_seq: int) -> list[BatchProgress] | None:
        """The kept events with ``seq`` above ``after_seq``, in order and without a gap; None when the log cannot
        show that nothing after ``after_seq`` is missing (it expired, was capped past that point, had a hole, or
        could not be read)."""
        entries = await self.log.since(_batch_key(batch_id), after_seq)
        if entries is None:
            return None
        return [event for event in map(from_json, entries) if isinstance(event, BatchProgress)]

    async def close(self) -> None:
        await self.log.close()


class UserHistory:
    """The per-user ``myEvents`` log (see the module docstring)."""

    def __init__(self, log: NumberedLog) -> None:
        self.log = log

    @staticmethod
    def key(user_id: uuid.UUID) -> str:
        return _user_key(user_id)

    async def record(self, user_id: uuid.UUID, event: E) -> E:
        """``event`` numbered for the user (``user_seq``) and kept; unnumbered (``user_seq`` None) when the log
        could not take it, which leaves a gap."""
        unnumbered = dataclasses.replace(event, user_seq=None)
        number = await self.log.append(_user_key(user_id), unnumbered.to_json())
        return dataclasses.replace(event, user_seq=number)

    async def since(self, user_id: uuid.UUID, after_seq: int) -> list[ProgressEvent] | None:
        """The user's events with ``user_seq`` above ``after_seq``, in order, with none missing; None when they
        cannot all be replayed (expired, capped, a gap, or an unreadable log)."""
        entries = await self.log.since(_user_key(user_id), after_seq, counted=True)
        if entries is None:
            return None
        return [
            dataclasses.replace(from_json(entry), user_seq=number)
            for number, entry in enumerate(entries, start=after_seq + 1)
        ]

    async def head(self, user_id: uuid.UUID) -> int | None:
        """The user's last ``user_seq`` (0 before the first); None when it could not be read."""
        return await self.log.head(_user_key(user_id))

    async def close(self) -> None:
        await self.log.close()
