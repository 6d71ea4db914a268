"""A batch's lease in SQL: who works on the open batch now, so that no two runners run it at once and nothing open
is forgotten.

A runner takes the lease (``lease_owner``, ``lease_until``) before it touches a batch and renews it every third of
``BATCH_LEASE_SECONDS`` while it runs; it gives it back when it stops. The reconciler
(``services.generation.reconciler``) takes a lapsed lease for a moment (owner ``handback:...``) while it hands the
batch back to the queue, so that two reconcilers never hand the same batch back; the runner that then takes the job
takes the lease over from it at once.

Every change is one conditional UPDATE: two processes racing for a lease cannot both win, on SQLite or PostgreSQL.
The database's clock is not used: the processes' clocks are assumed to agree to well within a lease.

A runner whose lease was taken by someone else (it could not renew it for longer than a lease, during a database
outage, and a new runner took the batch after the outage) is cancelled: what it had settled stays, and the calls it
had in flight are found RECORDED by the new runner, which never buys them again (``call_state``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q

from models import BatchJob
from models.enums import TERMINAL_BATCH_STATUSES
from services.infra.outage import Outage, dependency_unreachable

log = logging.getLogger(__name__)

HANDBACK_PREFIX = "handback:"
RUNNER_PREFIX = "run:"
PROCESS = f"{socket.gethostname()[:40]}:{os.getpid()}"
"""This process, as lease owners name it (host and pid; a random suffix tells two runs apart)."""


def _now() -> datetime:
    return datetime.now(UTC)


def runner_owner() -> str:
    return f"{RUNNER_PREFIX}{PROCESS}:{uuid.uuid4().hex[:8]}"


def lapsed(now: datetime) -> Q:
    """Batches whose lease is free: never taken, given back, or not renewed in time."""
    return Q(lease_until__isnull=True) | Q(lease_until__lt=now)


async def acquire(batch_id: uuid.UUID, owner: str, ttl_s: float) -> bool:
    """Take the batch's lease if it is free, already ours, or only held by a reconciler handing it back."""
    now = _now()
    free = lapsed(now) | Q(lease_owner=owner) | Q(lease_owner__startswith=HANDBACK_PREFIX)
    until = now + timedelta(seconds=ttl_s)
    taken = await BatchJob.filter(free, id=batch_id).update(lease_owner=owner, lease_until=until)
    return bool(taken)


async def renew(batch_id: uuid.UUID, owner: str, ttl_s: float) -> bool:
    """Move our lease's end forward; False if the lease is no longer ours."""
    until = _now() + timedelta(seconds=ttl_s)
    return bool(await BatchJob.filter(id=batch_id, lease_owner=owner).update(lease_until=until))


async def release(batch_id: uuid.UUID, owner: str) -> None:
    await BatchJob.filter(id=batch_id, lease_owner=owner).update(lease_owner=None, lease_until=None)


@contextlib.asynccontextmanager
async def hold(batch_id: uuid.UUID, ttl_s: float, *, outage: Outage | None = None) -> AsyncIterator[bool]:
    """Hold the batch's lease for the block, renewed in the background; yields False (nothing held) if the batch
    ended while we waited for a live holder to let go.

    Another live runner (its job re-delivered while it still runs, e.g. after Redis lost its data) keeps renewing:
    we wait until it lets go or its lease lapses, polling about three times per lease. If the lease is taken from us
    (we could not renew it in time), the task that holds it is cancelled.
    """
    owner = runner_owner()
    while not await acquire(batch_id, owner, ttl_s):
        rows = await BatchJob.filter(id=batch_id).values_list("status", "lease_until")
        if not rows or rows[0][0] in TERMINAL_BATCH_STATUSES:
            yield False
            return
        until = rows[0][1]
        wait = ttl_s / 3 if until is None else (until - _now()).total_seconds() + 0.05
        await asyncio.sleep(min(max(wait, 0.05), ttl_s / 3))  # waiting on another holder's lease, bounded
    holder = asyncio.current_task()
    renewer = asyncio.create_task(_renew(batch_id, owner, ttl_s, holder, outage or Outage("the database", logger=log)))
    try:
        yield True
    finally:
        renewer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await renewer
        try:
            # Shielded: a cancelled runner still lets go, so that its re-delivered job need not wait out the lease.
            await asyncio.shield(release(batch_id, owner))
        except Exception as error:  # the database is away: the lease lapses by itself
            if not dependency_unreachable(error):
                raise
            log.info("batch %s: lease not given back (%s); it lapses in %.0f s", batch_id, error, ttl_s)


async def _renew(
    batch_id: uuid.UUID, owner: str, ttl_s: float, holder: asyncio.Task[object] | None, outage: Outage
) -> None:
    while True:
        await asyncio.sleep(min(ttl_s / 3, max(outage.delay(), 0.05)) if outage.down else ttl_s / 3)
        try:
            ours = await renew(batch_id, owner, ttl_s)
        except Exception as error:
            if not dependency_unreachable(error):
                log.warning("batch %s: renewing its lease failed", batch_id, exc_info=True)
                continue
            outage.failed(error, "renewing a batch lease")
            continue
        outage.succeeded()
        if not ours:
            log.warning(
                "batch %s: its lease was taken over by another runner while this one could not renew it; "
                "this runner stops (what it settled stays, its calls in flight are never bought again)",
                batch_id,
            )
            if holder is not None:
                holder.cancel()
            return
