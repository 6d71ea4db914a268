"""Job kinds: what a domain declares about its background work, and the queues that carry each kind.

A domain declares its kinds in its own ``tasks.py`` (``services.generation.tasks.RUN_BATCH``,
``services.webhooks.tasks.DELIVER_WEBHOOK``) with the policy that suits them: timeout, attempts, backoff, how many
run at once, and which queue carries them. The composition root (``app.runtime``) hands the kinds and their handlers
to `build_queues`; nothing here imports a domain.

Every kind has a queue of its own (a SAQ queue name, or an in-process queue), so the kinds never share worker slots:
a webhook receiver that hangs fills the delivery slots, and batches keep theirs.
"""

from __future__ import annotations

import asyncio
import dataclasses
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass

from services.infra.jobs.queues import InProcessQueue, JobHandler, KindQueue, SaqQueue, SaqSettings
from services.infra.outage import Outage

StillWanted = Callable[[list[uuid.UUID]], Awaitable[set[uuid.UUID]]]
"""Of these keys, those whose job is still wanted; the outbox drops the others without handing them over (their row
of record has ended or is gone)."""


@dataclass(frozen=True, slots=True)
class JobKind:
    """One kind of background job. Its key is the id (UUID) of its row of record in SQL."""

    name: str
    """Unique; the SAQ function name and the outbox's ``kind`` column. Never rename a kind with jobs in flight."""
    label: str
    """The job's name in the logs ("batch taken", "delivery finished")."""
    log_field: str
    """The log field that carries the key (``batch_id``)."""
    queue_suffix: str | None = None
    """Its SAQ queue is ``<REDIS_NAMESPACE>:<suffix>``; None: ``<REDIS_NAMESPACE>`` itself (the batches' queue, as
    it was before there were several kinds)."""
    concurrency: int | None = None
    """Jobs of this kind at once per process; None: the process's ``WORKER_CONCURRENCY``."""
    timeout_s: int = 3600
    """A job running longer is cancelled and retried."""
    retries: int = 5
    """Attempts in all (a swept job and a handler error use one each)."""
    retry_delay_s: float = 1.0
    retry_backoff_max_s: float = 60.0
    still_wanted: StillWanted | None = None

    def queue_name(self, namespace: str) -> str:
        return namespace if self.queue_suffix is None else f"{namespace}:{self.queue_suffix}"

    def saq_settings(self, base: SaqSettings) -> SaqSettings:
        """The worker-wide settings (heartbeat, sweep, grace) with this kind's job policy."""
        return dataclasses.replace(
            base,
            timeout_s=self.timeout_s,
            retries=self.retries,
            retry_delay_s=self.retry_delay_s,
            retry_backoff_max_s=self.retry_backoff_max_s,
        )


class UnknownJobKind(LookupError):
    """A kind no process registered (a row written by a newer release, or a typo)."""


class Jobs:
    """The queues of every registered kind, behind one interface: ``enqueue(kind, key)`` goes to the kind's queue.

    Implements `services.infra.jobs.JobQueue`; the outbox (`services.infra.jobs.outbox.Outbox`) sits in front of it
    in a running process.
    """

    def __init__(self, queues: Mapping[JobKind, KindQueue]) -> None:
        names = [kind.name for kind in queues]
        if len(set(names)) != len(names):
            raise ValueError(f"two job kinds share a name: {sorted(names)}")
        self._kinds = {kind.name: kind for kind in queues}
        self._queues = {kind.name: queue for kind, queue in queues.items()}

    @property
    def kinds(self) -> list[JobKind]:
        return list(self._kinds.values())

    def kind(self, name: str) -> JobKind:
        try:
            return self._kinds[name]
        except KeyError:
            raise UnknownJobKind(name) from None

    def queue(self, kind: JobKind) -> KindQueue:
        try:
            return self._queues[kind.name]
        except KeyError:
            raise UnknownJobKind(kind.name) from None

    async def start(self) -> None:
        for queue in self._queues.values():
            await queue.start()

    async def drain(self, grace: float) -> None:
        """Every kind's `KindQueue.drain`, at once (one grace for all)."""
        await asyncio.gather(*(queue.drain(grace) for queue in self._queues.values()))

    async def close(self) -> None:
        for queue in reversed(list(self._queues.values())):
            await queue.close()

    async def enqueue(self, kind: JobKind, key: uuid.UUID) -> None:
        await self.queue(kind).enqueue(key)

    async def abort(self, kind: JobKind, key: uuid.UUID) -> None:
        await self.queue(kind).abort(key)

    async def status(self, kind: JobKind, key: uuid.UUID) -> str | None:
        return await self.queue(kind).status(key)

    async def queued_count(self) -> int:
        return sum([await queue.queued_count() for queue in self._queues.values()])

    async def healthy(self) -> bool:
        for queue in self._queues.values():
            if not await queue.healthy():
                return False
        return True


def in_process_queues(handlers: Mapping[JobKind, JobHandler], *, concurrency: int) -> Jobs:
    """The embedded default: an asyncio queue per kind in this process (``concurrency`` for kinds that set none)."""
    return Jobs(
        {
            kind: InProcessQueue(
                handler, concurrency=kind.concurrency or concurrency, label=kind.label, log_field=kind.log_field
            )
            for kind, handler in handlers.items()
        }
    )


def saq_queues(
    redis_url: str,
    kinds: Iterable[JobKind],
    *,
    namespace: str,
    concurrency: int,
    settings: SaqSettings | None = None,
    outage: Outage | None = None,
) -> Jobs:
    """A SAQ queue per kind that only enqueues, aborts and reads status (API processes)."""
    return Jobs(
        {
            kind: saq_queue(
                redis_url, kind, None, namespace=namespace, concurrency=concurrency, settings=settings, outage=outage
            )
            for kind in kinds
        }
    )


def saq_queue(
    redis_url: str,
    kind: JobKind,
    handler: JobHandler | None,
    *,
    namespace: str,
    concurrency: int,
    settings: SaqSettings | None = None,
    outage: Outage | None = None,
) -> SaqQueue:
    """The kind's SAQ queue; with a handler, `start` also runs a worker for it in this process (``playground
    worker``, see `services.infra.jobs.queues.run_workers`). ``concurrency`` for kinds that set none."""
    return SaqQueue(
        redis_url,
        name=kind.queue_name(namespace),
        handler=handler,
        concurrency=kind.concurrency or concurrency,
        settings=kind.saq_settings(settings or SaqSettings()),
        outage=outage,
        function=kind.name,
        label=kind.label,
        log_field=kind.log_field,
    )
