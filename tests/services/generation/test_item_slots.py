"""Item slots shared across the worker: a call that ends starts the next waiting item of any batch, the user with
the fewest calls in flight first, and a batch hands its worker slot back once none of its items waits (so the next
batch starts up while its calls run). Through the real runner, settlement and in-process queue."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from dataclasses import replace

from starlette.applications import Starlette

from app.runtime import batch_runner
from models import BatchStatus, CreditLedgerEntry, EditStatus, GenerationMode, ImageEdit, LedgerKind, User
from services.generation.plan import SubmitRequest
from services.generation.runner import BatchRunner
from services.generation.submit import submit
from services.generation.tasks import RUN_BATCH
from services.infra.fair_slots import FairSlots
from services.infra.jobs import InProcessQueue, Jobs
from services.progress.follow import follow_batch
from services.seedream import GenerationRequest, GenerationResult, SeedreamProvider
from tests.conftest import GQL, MakeCaller
from tests.generation_support import assert_ledger_consistent, new_project
from tests.sql_count import sql_statements


class Changes:
    """Wakes a waiter whenever something it watches changed (no sleeps: the waiter re-checks its condition)."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def changed(self) -> None:
        self._event.set()

    async def until(self, condition: Callable[[], bool]) -> None:
        async with asyncio.timeout(30):  # a bound, not a wait: a condition never met fails here instead of hanging
            while not condition():
                self._event.clear()
                await self._event.wait()


class GatedProvider:
    """The real provider behind a gate: each call waits until the test opens it; calls are kept in arrival order
    with their owner (named in the prompt), and the peak in flight overall and per owner."""

    def __init__(self, inner: SeedreamProvider, changes: Changes) -> None:
        self.inner = inner
        self.changes = changes
        self.arrived: list[tuple[str, asyncio.Event]] = []
        self.open = False
        self.in_flight: dict[str, int] = {}
        self.peak = 0
        self.peak_per_owner: dict[str, int] = {}

    @property
    def name(self) -> str:
        return self.inner.name

    async def generate(self, request: GenerationRequest) -> GenerationResult:
        owner = request.prompt.split()[0]
        gate = asyncio.Event()
        if self.open:
            gate.set()
        self.arrived.append((owner, gate))
        self.in_flight[owner] = self.in_flight.get(owner, 0) + 1
        self.peak = max(self.peak, sum(self.in_flight.values()))
        self.peak_per_owner[owner] = max(self.peak_per_owner.get(owner, 0), self.in_flight[owner])
        self.changes.changed()
        try:
            await gate.wait()
            return await self.inner.generate(request)
        finally:
            self.in_flight[owner] -= 1
            self.changes.changed()

    def release_all(self) -> None:
        self.open = True
        for _, gate in self.arrived:
            gate.set()


class WatchedSlots(FairSlots):
    """The runner's shared slots, telling the test when an item queued or a slot changed hands."""

    def __init__(self, capacity: int, *, per_owner: int, changes: Changes) -> None:
        super().__init__(capacity, per_owner=per_owner)
        self.changes = changes

    def _grant(self) -> None:
        super()._grant()
        self.changes.changed()


async def test_a_finished_call_starts_the_next_user_s_waiting_item_and_every_image_is_charged_once(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    runtime = app.state.services
    # Two batches in flight x one item each = two shared slots; a user may have both.
    settings = runtime.settings.model_copy(
        update={"worker_concurrency": 2, "batch_item_concurrency": 1, "per_user_concurrency": 2}
    )
    changes = Changes()
    callers = {name: make_caller(name) for name in ("alice", "bob")}
    projects = {name: await new_project(gql, caller) for name, caller in callers.items()}
    users = {name: await User.get(subject=caller.subject) for name, caller in callers.items()}
    async with batch_runner(settings, storage=runtime.storage, publisher=runtime.publisher, http=runtime.http) as base:
        gated = GatedProvider(base.deps.provider, changes)
        runner = BatchRunner(replace(base.deps, provider=gated))
        slots = WatchedSlots(2, per_owner=2, changes=changes)
        runner.slots = slots
        queue = Jobs({RUN_BATCH: InProcessQueue(runner, concurrency=settings.worker_concurrency)})

        async def submitted(name: str, images: int) -> uuid.UUID:
            result = await submit(
                users[name],
                SubmitRequest(
                    project_id=projects[name],
                    mode=GenerationMode.TEXT_TO_IMAGE,
                    prompts=[f"{name} image {index}" for index in range(images)],
                    size="1024x1024",
                ),
                settings=settings,
                storage=runtime.storage,
                http=runtime.http,
                queue=queue,
                publisher=runtime.publisher,
            )
            return result.batch.id

        async def ended(batch_id: uuid.UUID) -> BatchStatus:
            async for event in follow_batch(runtime.bus, batch_id):
                if event.terminal:
                    return event.status
            raise AssertionError("the stream ended without a terminal event")

        try:
            await queue.start()
            alice_batch = await submitted("alice", 4)
            alice_done = asyncio.create_task(ended(alice_batch))
            # Alice's batch takes both slots; her other two items wait, so the batch keeps its worker slot.
            await changes.until(lambda: len(gated.arrived) == 2 and slots.waiting() == 2)
            bob_batch = await submitted("bob", 2)
            bob_done = asyncio.create_task(ended(bob_batch))
            # Bob's batch starts on the second worker slot; his items wait behind the busy item slots.
            await changes.until(lambda: slots.waiting() == 4)
            assert [owner for owner, _ in gated.arrived] == ["alice", "alice"]

            gated.arrived[0][1].set()  # one of Alice's calls ends: Bob's first item takes its slot, not her third
            await changes.until(lambda: len(gated.arrived) == 3)
            assert gated.arrived[2][0] == "bob"
            gated.arrived[1][1].set()  # then Alice (one call in flight each; she has waited longer)
            await changes.until(lambda: len(gated.arrived) == 4)
            assert gated.arrived[3][0] == "alice"

            gated.release_all()
            statuses = await asyncio.gather(alice_done, bob_done)
        finally:
            await queue.close()

    assert list(statuses) == [BatchStatus.SUCCEEDED, BatchStatus.SUCCEEDED]
    assert [owner for owner, _ in gated.arrived].count("alice") == 4
    assert [owner for owner, _ in gated.arrived].count("bob") == 2
    assert gated.peak == 2  # never more calls in flight than shared slots
    assert slots.in_use == 0
    assert slots.waiting() == 0
    for name, batch_id in (("alice", alice_batch), ("bob", bob_batch)):
        edits = await ImageEdit.filter(batch_job_id=batch_id)
        assert {edit.status for edit in edits} == {EditStatus.SUCCEEDED}
        captures = await CreditLedgerEntry.filter(reference=str(batch_id), kind=LedgerKind.CAPTURE)
        assert sorted(entry.idempotency_key for entry in captures) == sorted(f"capture:{edit.id}" for edit in edits)
        await assert_ledger_consistent(callers[name].subject)


async def test_a_provider_call_costs_at_most_two_item_writes_besides_the_group_commit(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    """Per call: the purchase recorded before it leaves, and the provider's task id when the reply names one;
    starts, images, ends and the reply ride in the batch's group commit. No read of the item per call."""
    runtime = app.state.services
    caller = make_caller("carol")
    project = await new_project(gql, caller)
    user = await User.get(subject=caller.subject)
    changes = Changes()
    async with batch_runner(
        runtime.settings, storage=runtime.storage, publisher=runtime.publisher, http=runtime.http
    ) as base:
        gated = GatedProvider(base.deps.provider, changes)
        gated.release_all()
        runner = BatchRunner(replace(base.deps, provider=gated))
        queue = Jobs({RUN_BATCH: InProcessQueue(runner, concurrency=1)})
        try:
            result = await submit(
                user,
                SubmitRequest(
                    project_id=project,
                    mode=GenerationMode.TEXT_TO_IMAGE,
                    prompts=[f"carol image {index}" for index in range(4)],
                    size="1024x1024",
                ),
                settings=runtime.settings,
                storage=runtime.storage,
                http=runtime.http,
                queue=queue,
                publisher=runtime.publisher,
            )
            with sql_statements() as statements:
                await queue.start()
                async with asyncio.timeout(60):
                    async for event in follow_batch(runtime.bus, result.batch.id):
                        if event.terminal:
                            break
        finally:
            await queue.close()

    assert event.status is BatchStatus.SUCCEEDED
    assert len(gated.arrived) == 4
    # One item's row at a time (the group commit writes many at once: ``WITH v(...)``, ``"id" IN (...)``).
    item_writes = [s for s in statements if s.startswith('UPDATE "playground_batch_items"') and '"id" IN (' not in s]
    item_reads = [s for s in statements if s.startswith("SELECT") and 'FROM "playground_batch_items" WHERE "id"=' in s]
    assert len(item_writes) <= 2 * len(gated.arrived), item_writes
    assert item_reads == []
    # The reply is known before the images are settled: it is not written again after the group commit.
    assert not [s for s in statements if s.startswith('UPDATE "playground_image_edits" SET "api_response"')]
    edits = await ImageEdit.filter(batch_job_id=result.batch.id)
    assert all(edit.api_response for edit in edits)  # each image keeps the provider's reply
    await assert_ledger_consistent(caller.subject)
