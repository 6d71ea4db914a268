"""Recovery: a batch left open by a process that died is resumed at start, and nothing is charged twice."""

from __future__ import annotations

import uuid

from starlette.applications import Starlette

from models import (
    BatchJob,
    BatchStatus,
    CreditLedgerEntry,
    EditStatus,
    GenerationMode,
    ImageEdit,
    LedgerKind,
    User,
)
from services.generation.plan import SubmitRequest
from services.generation.reconcile import reconcile
from services.generation.settlement import Delivered, deliver_image
from services.generation.submit import submit
from services.infra.jobs import JobKind
from tests.conftest import GQL, MakeCaller
from tests.generation_support import assert_ledger_consistent, new_project, wait_until_ended


class DeadQueue:
    """A queue whose process died right after accepting work: it accepts and never runs anything."""

    def __init__(self) -> None:
        self.enqueued: list[uuid.UUID] = []

    async def start(self) -> None: ...

    async def close(self) -> None: ...

    async def enqueue(self, kind: JobKind, key: uuid.UUID) -> None:
        self.enqueued.append(key)

    async def abort(self, kind: JobKind, key: uuid.UUID) -> None: ...

    async def status(self, kind: JobKind, key: uuid.UUID) -> str | None:
        return None

    async def queued_count(self) -> int:
        return len(self.enqueued)

    async def healthy(self) -> bool:
        return True


async def test_open_batches_are_resumed_without_charging_twice(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    runtime = app.state.services
    user = await User.get(subject=alice.subject)
    dead = DeadQueue()
    submitted = await submit(
        user,
        SubmitRequest(
            project_id=project,
            mode=GenerationMode.SEQUENTIAL,
            prompt="resume me",
            max_images=3,
            size="1024x1024",
        ),
        settings=runtime.settings,
        storage=runtime.storage,
        http=runtime.http,
        queue=dead,
        publisher=runtime.publisher,
    )
    batch_id = submitted.batch.id
    assert dead.enqueued == [batch_id]
    # The dead worker had started the batch and delivered the first image before it died.
    await BatchJob.filter(id=batch_id).update(status=BatchStatus.RUNNING)
    first = await ImageEdit.filter(batch_job_id=batch_id, batch_index=0).first()
    assert first is not None
    stored = await runtime.storage.put(b"\x89PNG fake but stored", "image/png", prefix="outputs")
    assert await deliver_image(
        await BatchJob.get(id=batch_id),
        first,
        Delivered(stored.key, stored.url, 1024, 1024, "image/png", stored.size_bytes, 10, {"index": 0}),
    )

    resumed = await reconcile(runtime.outbox, runtime.publisher)
    assert resumed >= 1
    await wait_until_ended(app, str(batch_id))

    batch = await BatchJob.get(id=batch_id)
    assert batch.status is BatchStatus.SUCCEEDED
    edits = await ImageEdit.filter(batch_job_id=batch_id).order_by("batch_index")
    assert [e.status for e in edits] == [EditStatus.SUCCEEDED] * 3
    assert edits[0].image_key == stored.key  # the image delivered before the crash was kept, not regenerated
    captures = await CreditLedgerEntry.filter(reference=str(batch_id), kind=LedgerKind.CAPTURE)
    assert sorted(c.idempotency_key for c in captures) == sorted(f"capture:{e.id}" for e in edits)
    final = await assert_ledger_consistent(alice.subject)
    assert final.credits == 17
