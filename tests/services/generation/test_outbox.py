"""The outbox: a submit commits its batch, its credit hold and its outbox row together, so it answers with its batch
whatever Redis is doing; the drainer hands the batch over once Redis is back, and concurrent drainers hand each batch
over once. On SQLite and PostgreSQL (the ``app`` fixture's database)."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from starlette.applications import Starlette

from models import BatchJob, BatchStatus, CreditLedgerEntry, GenerationMode, LedgerKind, User
from models.jobs import JobOutbox
from services.generation.cancel import cancel
from services.generation.plan import SubmitRequest
from services.generation.submit import Submitted, submit
from services.generation.tasks import RUN_BATCH
from services.infra.jobs import Jobs, SaqQueue
from services.infra.jobs.outbox import Outbox
from services.infra.outage import Outage
from tests.conftest import GQL, MakeCaller
from tests.generation_support import assert_ledger_consistent, new_project
from tests.redis_proxy import RedisProxy
from tests.services.infra.jobs_support import REDIS_URL, delete_matching, eventually, unique_name


class RecordingQueue:
    """Takes every batch (after a pause, so that concurrent drainers overlap) and remembers each hand-over."""

    def __init__(self, *, refuse: bool = False) -> None:
        self.enqueued: list[uuid.UUID] = []
        self.refuse = refuse

    async def start(self) -> None: ...

    async def close(self) -> None: ...

    async def drain(self, grace: float) -> None: ...

    async def enqueue(self, batch_id: uuid.UUID) -> None:
        if self.refuse:
            raise RedisConnectionError("Error 111 connecting to redis:6379. Connection refused.")
        await asyncio.sleep(0.01)  # a round trip's worth: lets the other drainer run meanwhile
        self.enqueued.append(batch_id)

    async def abort(self, batch_id: uuid.UUID) -> None: ...

    async def status(self, batch_id: uuid.UUID) -> str | None:
        return None

    async def queued_count(self) -> int:
        return len(self.enqueued)

    async def healthy(self) -> bool:
        return not self.refuse


def quiet_outage() -> Outage:
    return Outage("Redis", base_s=0.01, cap_s=0.05)


async def submit_as(app: Starlette, user: User, project: str, queue: Outbox, **fields: object) -> Submitted:
    runtime = app.state.services
    request = SubmitRequest(project_id=project, mode=GenerationMode.TEXT_TO_IMAGE, **fields)  # type: ignore[arg-type]
    return await submit(
        user,
        request,
        settings=runtime.settings,
        storage=runtime.storage,
        http=runtime.http,
        queue=queue,
        publisher=runtime.publisher,
    )


async def close_batches(app: Starlette, user: User, queue: Outbox, batch_ids: list[uuid.UUID]) -> None:
    """Cancel what the test left open (refunded), so no other test sees a QUEUED batch that never runs."""
    for batch_id in batch_ids:
        await cancel(user, str(batch_id), queue=queue, publisher=app.state.services.publisher)


@pytest.fixture
async def proxy() -> AsyncIterator[RedisProxy]:
    relay = RedisProxy.to(REDIS_URL)
    await relay.start()
    try:
        yield relay
    finally:
        await relay.close()


async def test_submit_while_redis_is_away_answers_with_its_batch_and_holds_once(
    app: Starlette, gql: GQL, make_caller: MakeCaller, proxy: RedisProxy
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    user = await User.get(subject=alice.subject)
    name = unique_name("outbox")
    saq = SaqQueue(proxy.url(), name=name)
    await saq.start()
    outbox = Outbox(Jobs({RUN_BATCH: saq}), outage=quiet_outage(), sweep_interval_s=3600)
    direct = Redis.from_url(REDIS_URL)
    batch_id: uuid.UUID | None = None
    try:
        await proxy.cut()
        first = await submit_as(app, user, project, outbox, prompt="through the outage", idempotency_key="tap-1")
        batch_id = first.batch.id
        assert first.created
        assert (await BatchJob.get(id=batch_id)).status is BatchStatus.QUEUED
        row = await JobOutbox.get(kind=RUN_BATCH.name, key=batch_id)
        assert row.due_at <= datetime.now(UTC)  # left for the drainer, due at once
        assert outbox.outage.down
        # The client retries (it saw a slow answer, say): the same batch, nothing held twice.
        again = await submit_as(app, user, project, outbox, prompt="through the outage", idempotency_key="tap-1")
        assert (again.batch.id, again.created) == (batch_id, False)
        reserves = await CreditLedgerEntry.filter(reference=str(batch_id), kind=LedgerKind.RESERVE)
        assert [entry.amount for entry in reserves] == [-1]
        assert (await assert_ledger_consistent(alice.subject)).credits == 19
        assert not await direct.exists(f"saq:job:{name}:{batch_id}")  # the queue never saw it

        await outbox.start()  # the drainer: it retries with backoff while Redis stays away
        proxy.restore()

        async def handed_over() -> bool:
            return not await JobOutbox.filter(kind=RUN_BATCH.name, key=batch_id).exists()

        await eventually(handed_over, within=30, what="the drainer to hand the batch over")
        assert await direct.exists(f"saq:job:{name}:{batch_id}")
        reader = SaqQueue(REDIS_URL, name=name)
        try:
            job = await reader.queue.job(str(batch_id))
        finally:
            await reader.close()
        assert job is not None
        assert job.key == str(batch_id)
        assert job.status.value == "queued"
    finally:
        await outbox.close()
        if batch_id is not None:
            await close_batches(app, user, outbox, [batch_id])
        await saq.close()
        await delete_matching(direct, f"saq:{name}:*", f"saq:job:{name}:*")
        await direct.aclose()
    await assert_ledger_consistent(alice.subject)


async def test_concurrent_drainers_hand_each_batch_over_once(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    user = await User.get(subject=alice.subject)
    refusing = Outbox(Jobs({RUN_BATCH: RecordingQueue(refuse=True)}), outage=quiet_outage())
    batches = [(await submit_as(app, user, project, refusing, prompt=f"held {n}")).batch.id for n in range(6)]
    try:
        assert await JobOutbox.filter(kind=RUN_BATCH.name, key__in=batches).count() == 6
        # One of them ended meanwhile (cancelled): its row goes without a hand-over.
        await close_batches(app, user, refusing, batches[:1])
        await JobOutbox.filter(kind=RUN_BATCH.name, key__in=batches).update(due_at=datetime.now(UTC))

        queues = [RecordingQueue(), RecordingQueue()]
        drainers = [Outbox(Jobs({RUN_BATCH: queue}), outage=quiet_outage()) for queue in queues]
        passes = await asyncio.gather(*(drainer.drain() for drainer in drainers))
        handed = Counter(batch_id for queue in queues for batch_id in queue.enqueued)
        # Other tests' leftovers may be due too: look at ours only.
        ours = {batch_id: n for batch_id, n in handed.items() if batch_id in batches}
        assert ours == dict.fromkeys(batches[1:], 1), (ours, passes)
        assert not await JobOutbox.filter(kind=RUN_BATCH.name, key__in=batches).exists()
        assert sum(p.dropped for p in passes) >= 1
    finally:
        await close_batches(app, user, refusing, batches[1:])
    await assert_ledger_consistent(alice.subject)


async def test_a_refused_hand_over_is_retried_later_with_backoff(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    user = await User.get(subject=alice.subject)
    queue = RecordingQueue(refuse=True)
    outbox = Outbox(Jobs({RUN_BATCH: queue}), outage=quiet_outage())
    batch_id = (await submit_as(app, user, project, outbox, prompt="later")).batch.id
    try:
        first = await outbox.drain()
        row = await JobOutbox.get(kind=RUN_BATCH.name, key=batch_id)
        assert first.postponed >= 1
        assert row.attempts == 1
        assert row.last_error is not None
        assert row.last_error.startswith("ConnectionError: Error 111")
        assert row.due_at > datetime.now(UTC)  # not due again at once
        assert outbox.outage.down

        queue.refuse = False
        await JobOutbox.filter(id=row.id).update(due_at=datetime.now(UTC))
        second = await outbox.drain()
        assert second.handed_over >= 1
        assert queue.enqueued.count(batch_id) == 1
        assert not await JobOutbox.filter(kind=RUN_BATCH.name, key=batch_id).exists()
        assert not outbox.outage.down
    finally:
        await close_batches(app, user, outbox, [batch_id])
