"""Each batch's recent events, kept so that a follower who comes back with ``afterSeq`` gets exactly what it missed.

Written only by the publisher (``services.progress.publisher``), after the state is in SQL and before the event is
published: whoever subscribes first and reads the log after finds every event up to the one being published in the
log or, later, on its subscription. Kept in a bounded log (``services.infra.bounded_log``): a Redis stream per batch
(capped, expiring) in distributed mode, this process's memory in the embedded default.
"""

from __future__ import annotations

import uuid

from services.infra.bounded_log import BoundedLog
from services.progress.events import BatchProgress, from_json


def _key(batch_id: uuid.UUID) -> str:
    return f"batch:{batch_id}"


class BatchHistory:
    """The per-batch event log (see the module docstring)."""

    def __init__(self, log: BoundedLog) -> None:
        self.log = log

    async def record(self, event: BatchProgress) -> None:
        await self.log.append(_key(event.batch_job_id), event.to_json())

    async def since(self, batch_id: uuid.UUID, after_seq: int) -> list[BatchProgress] | None:
        """The kept events with ``seq`` above ``after_seq``, in order and without a gap, starting at
        ``after_seq + 1``; None when the log cannot show that nothing after ``after_seq`` is missing (it expired,
        was capped past that point, or could not be read)."""
        entries = await self.log.read(_key(batch_id))
        if entries is None:
            return None
        by_seq: dict[int, BatchProgress] = {}
        for entry in entries:
            event = from_json(entry)
            if isinstance(event, BatchProgress):
                by_seq[event.seq] = event
        if after_seq not in by_seq and after_seq + 1 not in by_seq:
            return None  # nothing shows continuity from after_seq (the log expired, or was capped past it)
        missed: list[BatchProgress] = []
        seq = after_seq + 1
        while seq in by_seq:
            missed.append(by_seq[seq])
            seq += 1
        if any(s > seq for s in by_seq):
            return None  # a hole: an event in between was not recorded
        return missed

    async def close(self) -> None:
        await self.log.close()
