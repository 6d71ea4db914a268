"""One job system for every kind of background work.

- `kinds`: `JobKind` (a domain declares its kinds, with their policy, in its own ``tasks.py``) and `Jobs` (a queue
  per kind behind one interface); `in_process_queues` / `saq_queues` / `saq_queue` build them.
- `queues`: one kind's queue, in process (`InProcessQueue`) or SAQ on Redis (`SaqQueue`), and the worker loop
  (`run_workers`).
- `outbox`: the table of record for jobs not yet handed over (`outbox.put` in the caller's transaction) and the
  drainer (`outbox.Outbox`), which is what the services enqueue to.

Nothing here imports a domain: the composition root (``app.runtime``) hands the kinds and their handlers in.
"""

from __future__ import annotations

import uuid
from typing import Protocol

from services.infra.jobs.kinds import JobKind, Jobs, UnknownJobKind, in_process_queues, saq_queue, saq_queues
from services.infra.jobs.queues import (
    DEFAULT_FUNCTION,
    EnqueueTimeout,
    InProcessQueue,
    JobHandler,
    KindQueue,
    SaqQueue,
    SaqSettings,
    create_queue,
    release_slot,
    run_worker,
    run_workers,
)


class JobQueue(Protocol):
    """What the services enqueue to (in a running process: the outbox in front of every kind's queue)."""

    async def enqueue(self, kind: JobKind, key: uuid.UUID) -> None:
        """Queue the job unless one of this kind and key is already queued or running."""
        ...

    async def abort(self, kind: JobKind, key: uuid.UUID) -> None:
        """Stop a queued or running job; nothing happens if it is unknown or finished."""
        ...

    async def status(self, kind: JobKind, key: uuid.UUID) -> str | None:
        """``queued`` / ``active`` / ``aborting`` / ``complete`` / ``failed`` / ``aborted``, or None if unknown."""
        ...

    async def queued_count(self) -> int:
        """Jobs waiting for a worker, all kinds."""
        ...

    async def healthy(self) -> bool:
        """Whether the queues can take jobs now (for /readyz)."""
        ...


__all__ = [
    "DEFAULT_FUNCTION",
    "EnqueueTimeout",
    "InProcessQueue",
    "JobHandler",
    "JobKind",
    "JobQueue",
    "Jobs",
    "KindQueue",
    "SaqQueue",
    "SaqSettings",
    "UnknownJobKind",
    "create_queue",
    "in_process_queues",
    "release_slot",
    "run_worker",
    "run_workers",
    "saq_queue",
    "saq_queues",
]
