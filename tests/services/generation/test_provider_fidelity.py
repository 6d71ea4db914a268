"""The batch loop against the simulator over real HTTP with injected faults: one provider task per requested set
whatever fails in between (poll errors, our deadline, a worker that dies mid-task, dead downloads), every image
settled once, and failures classified and refunded."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from models import (
    BatchItem,
    BatchJob,
    BatchStatus,
    EditStatus,
    ErrorCategory,
    GenerationMode,
    ImageEdit,
    User,
)
from models.jobs import JobOutbox
from services.core.config import Settings
from services.generation.plan import SubmitRequest
from services.generation.runner import BatchRunner, WorkerDeps
from services.generation.submit import submit
from services.infra.limits import create_limiter
from services.seedream import (
    ArkClient,
    ArkConfig,
    GenerationRequest,
    GenerationResult,
    SeedreamProvider,
    Submission,
    WaveSpeedClient,
    WaveSpeedConfig,
    create_http_client,
)
from services.seedream.simulator import Latency, SimulatorConfig, SimulatorServer
from tests.conftest import GQL, MakeCaller
from tests.generation_support import assert_ledger_consistent, new_project
from tests.services.generation.test_reconcile import DeadQueue

SEQ = "/api/v3/bytedance/seedream-v4/sequential"
ARK = "/api/v3/images/generations"


@pytest.fixture(scope="module")
def simulator() -> Iterator[SimulatorServer]:
    config = SimulatorConfig(latency=Latency.fixed(0), sync_wait_s=0.5, hang_s=3.0)
    with SimulatorServer(config) as server:
        yield server


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with create_http_client(read_timeout_s=20) as client:
        yield client


class DiesAfterSubmit:
    """A provider whose worker dies right after the task id was stored: `submitted` is set, then the test
    cancels the runner as a killed process would stop it."""

    def __init__(self, inner: SeedreamProvider) -> None:
        self.inner = inner
        self.submitted = asyncio.Event()

    @property
    def name(self) -> str:
        return self.inner.name

    async def generate(self, request: GenerationRequest) -> GenerationResult:
        stored = request.on_submitted

        async def on_submitted(submission: Submission) -> None:
            if stored is not None:
                await stored(submission)
            self.submitted.set()

        return await self.inner.generate(replace(request, on_submitted=on_submitted))


def wavespeed(simulator: SimulatorServer, http: httpx.AsyncClient, **options: Any) -> WaveSpeedClient:
    config: dict[str, Any] = {
        "api_key": "simulator",
        "base_url": simulator.base_url,
        "poll_initial_s": 0.02,
        "poll_max_s": 0.05,
        "deadline_s": 10.0,
        "base64_output": False,
    }
    config.update(options)
    return WaveSpeedClient(http, WaveSpeedConfig(**config))


def ark(simulator: SimulatorServer, http: httpx.AsyncClient, **options: Any) -> ArkClient:
    config: dict[str, Any] = {"api_key": "simulator", "base_url": simulator.ark_base_url, "request_timeout_s": 10}
    config.update(options)
    return ArkClient(http, ArkConfig(**config))


def runner(app: Starlette, settings: Settings, provider: SeedreamProvider, http: httpx.AsyncClient) -> BatchRunner:
    runtime = app.state.services
    quick = settings.model_copy(
        update={"provider_max_attempts": 4, "provider_retry_base_seconds": 0.0, "provider_retry_max_seconds": 0.0}
    )
    limiter = create_limiter(None, concurrent_tasks=10, images_per_minute=10_000, per_user_concurrency=10)
    return BatchRunner(
        WorkerDeps(
            settings=quick,
            provider=provider,
            storage=runtime.storage,
            publisher=runtime.publisher,
            limiter=limiter,
            http=http,
        )
    )


async def queued_batch(
    app: Starlette, gql: GQL, make_caller: MakeCaller, prompt: str, mode: GenerationMode, images: int
) -> tuple[uuid.UUID, str]:
    caller = make_caller("fidelity")
    project = await new_project(gql, caller)
    runtime = app.state.services
    user = await User.get(subject=caller.subject)
    fields: dict[str, Any] = {"max_images": images} if mode is GenerationMode.SEQUENTIAL else {"count": images}
    submitted = await submit(
        user,
        SubmitRequest(project_id=project, mode=mode, prompt=prompt, size="1024x1024", **fields),
        settings=runtime.settings,
        storage=runtime.storage,
        http=runtime.http,
        queue=DeadQueue(),
        publisher=runtime.publisher,
    )
    # The dead queue "took" it: its outbox row goes, or the app's drainer would hand the batch to the live queue.
    await JobOutbox.filter(key=submitted.batch.id).delete()
    return submitted.batch.id, caller.subject


def submissions(simulator: SimulatorServer, path: str, marker: str) -> int:
    return sum(1 for request in simulator.state.requests if request.path == path and marker in str(request.body))


async def statuses(batch_id: uuid.UUID) -> list[EditStatus]:
    edits = await ImageEdit.filter(batch_job_id=batch_id).order_by("batch_index")
    return [edit.status for edit in edits]


async def test_a_redelivered_job_resumes_the_stored_task_instead_of_buying_it_again(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
) -> None:
    marker = f"crash-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"[[delay:0.5]] {marker}", GenerationMode.SEQUENTIAL, 3
    )
    dying = DiesAfterSubmit(wavespeed(simulator, http))
    first = asyncio.create_task(runner(app, settings, dying, http)(batch_id))
    await asyncio.wait_for(dying.submitted.wait(), 10)
    first.cancel()  # the worker dies while polling
    with pytest.raises(asyncio.CancelledError):
        await first
    (item,) = await BatchItem.filter(batch_job_id=batch_id)
    assert item.provider_task_id is not None
    assert item.provider_task_slots == [0, 1, 2]

    # The queue re-delivers the job to another worker.
    await runner(app, settings, wavespeed(simulator, http), http)(batch_id)

    batch = await BatchJob.get(id=batch_id)
    assert batch.status is BatchStatus.SUCCEEDED
    assert await statuses(batch_id) == [EditStatus.SUCCEEDED] * 3
    assert submissions(simulator, SEQ, marker) == 1
    (item,) = await BatchItem.filter(batch_job_id=batch_id)
    assert item.provider_task_slots is None  # settled: nothing left to resume
    await assert_ledger_consistent(subject)


async def test_our_deadline_then_a_retry_resumes_polling_the_same_task(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
) -> None:
    marker = f"deadline-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"[[delay:0.6]] [[poll:429:2]] [[poll:500:1]] {marker}", GenerationMode.SEQUENTIAL, 2
    )
    client = wavespeed(simulator, http, deadline_s=0.25, deadline_per_extra_image_s=0.0)

    await runner(app, settings, client, http)(batch_id)

    assert (await BatchJob.get(id=batch_id)).status is BatchStatus.SUCCEEDED
    assert submissions(simulator, SEQ, marker) == 1
    (item,) = await BatchItem.filter(batch_job_id=batch_id)
    assert item.attempts >= 2  # at least one deadline, then resumed
    await assert_ledger_consistent(subject)


async def test_dead_output_links_fail_only_their_images_and_buy_nothing_again(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
) -> None:
    marker = f"cdn-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"[[download:500:9]] {marker}", GenerationMode.SEQUENTIAL, 2
    )

    await runner(app, settings, wavespeed(simulator, http, download_attempts=2), http)(batch_id)

    batch = await BatchJob.get(id=batch_id)
    assert batch.status is BatchStatus.FAILED
    assert batch.credits_captured == 0
    assert batch.credits_refunded == batch.credits_reserved
    edits = await ImageEdit.filter(batch_job_id=batch_id)
    assert {(edit.status, edit.error_category, edit.error_code) for edit in edits} == {
        (EditStatus.FAILED, ErrorCategory.TRANSIENT, "download_failed")
    }
    assert submissions(simulator, SEQ, marker) == 1
    await assert_ledger_consistent(subject)


async def test_invalid_input_in_a_200_envelope_is_not_retried(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
) -> None:
    marker = f"envelope-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"[[fail:envelope]] {marker}", GenerationMode.SEQUENTIAL, 2
    )

    await runner(app, settings, wavespeed(simulator, http), http)(batch_id)

    edits = await ImageEdit.filter(batch_job_id=batch_id)
    assert {(edit.error_category, edit.error_code) for edit in edits} == {(ErrorCategory.INVALID_INPUT, "1401")}
    assert submissions(simulator, SEQ, marker) == 1
    await assert_ledger_consistent(subject)


async def test_ark_cut_stream_settles_what_arrived_and_refunds_the_rest_once(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
) -> None:
    marker = f"cut-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"[[fail:truncate]] {marker}", GenerationMode.SEQUENTIAL, 3
    )

    await runner(app, settings, ark(simulator, http), http)(batch_id)

    batch = await BatchJob.get(id=batch_id)
    assert batch.status is BatchStatus.PARTIALLY_SUCCEEDED
    assert await statuses(batch_id) == [EditStatus.SUCCEEDED, EditStatus.FAILED, EditStatus.FAILED]
    assert submissions(simulator, ARK, marker) == 1
    await assert_ledger_consistent(subject)


async def test_ark_policy_sub_codes_fail_as_content_policy_without_a_retry(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
) -> None:
    marker = f"policy-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app,
        gql,
        make_caller,
        f"[[fail:policy]] [[code:SensitiveContentDetected.Violence]] {marker}",
        GenerationMode.TEXT_TO_IMAGE,
        1,
    )

    await runner(app, settings, ark(simulator, http), http)(batch_id)

    (edit,) = await ImageEdit.filter(batch_job_id=batch_id)
    assert (edit.status, edit.error_category) == (EditStatus.FAILED, ErrorCategory.CONTENT_POLICY)
    assert submissions(simulator, ARK, marker) == 1
    await assert_ledger_consistent(subject)
