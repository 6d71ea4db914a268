"""The reconciler: nothing open is forgotten.

Every API and worker process runs one (like the outbox drainer): every ``RECONCILE_INTERVAL_SECONDS`` it looks for
batches that are open (QUEUED, RUNNING, CANCEL_REQUESTED) while nobody works on them: no lease (no runner renews
one, see ``services.generation.lease``), no row in the outbox, and no live job in the queue (none, or one that ended:
Redis lost its data, the job was swept or aborted, its attempts ran out). Each such batch is

- handed back to the queue (through the outbox: with Redis away it waits there), or
- ended honestly once it has been handed back ``RECONCILE_MAX_HANDBACKS`` times: what was delivered stays charged,
  every other image is refunded, the batch ends FAILED or PARTIALLY_SUCCEEDED with the reason;
- a CANCEL_REQUESTED batch whose canceller stopped half-way is finished as cancelled.

Each action is one log line and one count of ``playground_reconciler_batches{action}``. Several processes reconcile
at once safely: a process first takes the batch's lapsed lease for itself (a conditional UPDATE that also counts
the hand-back), so only one hands a given batch back; the runner that takes the job takes the lease over.

The bound (README, "Outages"): once the database and Redis answer again, an open batch that nobody works on is
handed back (or ended) within ``BATCH_LEASE_SECONDS`` (its last runner's lease lapses) plus
``RECONCILE_INTERVAL_SECONDS`` (the next pass), 40 s with the defaults; a batch is handed back at most
``RECONCILE_MAX_HANDBACKS`` times before it is ended, so no batch holds credits for ever.

A pass needs both the database and Redis (the queue's view of live jobs): while either is away it does nothing and
says so once per outage.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.expressions import F

from models import BatchJob, BatchStatus, EditStatus, ErrorCategory
from models.jobs import JobOutbox
from services.generation import lease
from services.generation.cancel import finalize_cancel
from services.generation.settlement import finish, refund_open_images
from services.generation.tasks import RUN_BATCH
from services.infra import metrics
from services.infra.background import BackgroundLoop
from services.infra.jobs import JobQueue
from services.infra.outage import Outage, dependency_unreachable
from services.progress.publisher import ProgressPublisher

log = logging.getLogger(__name__)

LIVE_JOB_STATUSES = frozenset({"queued", "active", "aborting"})
"""Queue states of a job that will still run (or is running) the batch."""
NEW_BATCH_GRACE = timedelta(seconds=15)
"""A batch this young is left alone: its submit hands it to the queue itself (or its outbox row waits)."""
PASS_LIMIT = 200
ENDED_MESSAGE = (
    "This batch was interrupted too many times by outages of our own services; the images not delivered were "
    "refunded. You can retry it."
)


@dataclass(slots=True)
class ReconcilerState:
    """What the reconciler of this process did (``/readyz`` shows it)."""

    passes: int = 0
    handed_back: int = 0
    ended: int = 0
    cancels_finished: int = 0
    last_pass_at: float | None = None
    """``time.time()`` of the last complete pass."""
    waiting_for: str | None = None
    """The dependency the last attempt found away (``database`` or ``redis``), None after a complete pass."""
    recent: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "passes": self.passes,
            "handedBack": self.handed_back,
            "ended": self.ended,
            "cancelsFinished": self.cancels_finished,
            "lastPassSecondsAgo": None if self.last_pass_at is None else round(time.time() - self.last_pass_at, 1),
            "waitingFor": self.waiting_for,
        }


class Reconciler:
    """Runs `reconcile_once` every ``interval_s`` in the background (`start` / `close`)."""

    def __init__(
        self,
        queue: JobQueue,
        publisher: ProgressPublisher,
        *,
        interval_s: float,
        lease_s: float,
        max_handbacks: int,
    ) -> None:
        self.queue = queue
        self.publisher = publisher
        self.interval_s = interval_s
        self.lease_s = lease_s
        self.max_handbacks = max_handbacks
        self.state = ReconcilerState()
        self.outage = Outage("the database or Redis (reconciler)", logger=log)
        self._owner = f"{lease.HANDBACK_PREFIX}{lease.PROCESS}"
        self._loop = BackgroundLoop(self._run, "batch-reconciler")

    async def start(self) -> None:
        self._loop.start()

    async def close(self) -> None:
        await self._loop.close()

    async def _run(self) -> None:
        while True:
            try:
                await self.reconcile_once()
            except Exception as error:
                if dependency_unreachable(error):
                    self.outage.failed(error, "reconciling open batches")
                else:
                    log.exception("reconciler: a pass failed")
                metrics.RECONCILER_PASSES.labels(outcome="waiting" if dependency_unreachable(error) else "error").inc()
            await asyncio.sleep(self.interval_s)  # the period between passes

    async def reconcile_once(self) -> int:
        """One pass; returns how many batches it acted on."""
        now = datetime.now(UTC)
        self.state.waiting_for = "database"
        rows = (
            await BatchJob.filter(
                lease.lapsed(now),
                status__in=(BatchStatus.QUEUED, BatchStatus.RUNNING, BatchStatus.CANCEL_REQUESTED),
                created_at__lt=now - NEW_BATCH_GRACE,
            )
            .order_by("created_at")
            .limit(PASS_LIMIT)
            .values_list("id", "status")
        )
        waiting = set(
            await JobOutbox.filter(kind=RUN_BATCH.name, key__in=[row[0] for row in rows]).values_list("key", flat=True)
        )
        acted = 0
        for batch_id, raw_status in rows:
            status = BatchStatus(raw_status)
            if batch_id in waiting:
                continue  # its job is in the outbox: a drainer hands it over
            self.state.waiting_for = "redis"
            if status is not BatchStatus.CANCEL_REQUESTED and await self.queue.status(RUN_BATCH, batch_id) in (
                LIVE_JOB_STATUSES
            ):
                continue
            self.state.waiting_for = "database"
            if await self._act(batch_id, status, now):
                acted += 1
        self.state.waiting_for = None
        self.state.passes += 1
        self.state.last_pass_at = time.time()
        self.outage.succeeded()
        metrics.RECONCILER_PASSES.labels(outcome="ok").inc()
        return acted

    async def _act(self, batch_id: uuid.UUID, status: BatchStatus, now: datetime) -> bool:
        # The claim: one process per lapsed lease, and the hand-back counted in the same statement.
        claimed = await BatchJob.filter(lease.lapsed(now), id=batch_id, status=status).update(
            lease_owner=self._owner,
            lease_until=now + timedelta(seconds=self.lease_s),
            handbacks=F("handbacks") + (0 if status is BatchStatus.CANCEL_REQUESTED else 1),
        )
        if not claimed:
            return False  # another process took it first, or it moved on
        if status is BatchStatus.CANCEL_REQUESTED:
            await finalize_cancel(batch_id, publisher=self.publisher)
            self.state.cancels_finished += 1
            metrics.RECONCILER_BATCHES.labels(action="cancel_finished").inc()
            log.info("reconciler: batch %s was left CANCEL_REQUESTED; its cancel is finished now", batch_id)
            return True
        batch = await BatchJob.get(id=batch_id)
        if batch.handbacks > self.max_handbacks:
            await self._end(batch)
            return True
        await self.queue.enqueue(RUN_BATCH, batch_id)
        self.state.handed_back += 1
        metrics.RECONCILER_BATCHES.labels(action="handed_back").inc()
        log.info(
            "reconciler: batch %s was %s with no live job and no lease; handed back to the queue (hand-back %d of %d)",
            batch_id,
            status.value,
            batch.handbacks,
            self.max_handbacks,
        )
        return True

    async def _end(self, batch: BatchJob) -> None:
        """End the batch honestly: delivered images stay charged, every other image is refunded."""
        refunded = await refund_open_images(
            batch.id, status=EditStatus.FAILED, category=ErrorCategory.INTERNAL, message=ENDED_MESSAGE
        )
        finished = await finish(batch.id, error=ENDED_MESSAGE)
        await lease.release(batch.id, self._owner)
        if finished is not None:
            await self.publisher.changed(batch.id)
        await self.publisher.balance(batch.owner_id)
        self.state.ended += 1
        metrics.RECONCILER_BATCHES.labels(action="ended").inc()
        log.warning(
            "reconciler: batch %s was handed back %d times and never finished; ended (%d image(s) refunded)",
            batch.id,
            batch.handbacks - 1,
            refunded,
        )
