"""A provider call whose outcome is unknown is never followed by a new purchase (unless the operator allows more
purchases per item): the real WaveSpeed and Ark clients against the simulator over HTTP, the runner and settlement.

Each test asserts what the provider saw (the submits it received), how the images ended (category, code, message),
what the user paid and got back, and that the call is listed for administrators with its ids.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from prometheus_client import REGISTRY
from starlette.applications import Starlette

from models import BatchItem, BatchJob, BatchStatus, EditStatus, ErrorCategory, GenerationMode, ImageEdit, Role
from models.enums import ProviderCallState
from services.core.config import Settings
from services.generation import call_state
from services.seedream import create_http_client
from services.seedream.simulator import Latency, SimulatorConfig, SimulatorServer
from tests.conftest import GQL, MakeCaller
from tests.generation_support import assert_ledger_consistent
from tests.services.generation.test_provider_fidelity import (
    ARK,
    SEQ,
    ark,
    queued_batch,
    runner,
    statuses,
    submissions,
    wavespeed,
)

T2I = "/api/v3/bytedance/seedream-v4"
UNKNOWN = call_state.OUTCOME_UNKNOWN_CODE

ADMIN_QUERY = """
query { unknownProviderOutcomes(first: 100) {
  itemId batchJobId ownerId provider requestId taskId attempt purchases unknownAt itemStatus note
} }
"""


@pytest.fixture(scope="module")
def simulator() -> Iterator[SimulatorServer]:
    config = SimulatorConfig(latency=Latency.fixed(0), sync_wait_s=0.5, hang_s=5.0)
    with SimulatorServer(config) as server:
        yield server


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    # A short read timeout: a reply that never comes is given up on quickly.
    async with create_http_client(read_timeout_s=0.5) as client:
        yield client


def unknown_count(provider: str) -> float:
    value = REGISTRY.get_sample_value("playground_provider_outcomes_unknown_total", {"provider": provider})
    return value or 0.0


async def assert_refunded_as_unknown(batch_id: uuid.UUID, subject: str) -> None:
    """Every image failed as unknown, with the message written for users, and nothing charged."""
    batch = await BatchJob.get(id=batch_id)
    assert batch.status is BatchStatus.FAILED
    assert batch.credits_captured == 0
    assert batch.credits_refunded == batch.credits_reserved > 0
    edits = await ImageEdit.filter(batch_job_id=batch_id)
    assert {(e.status, e.error_category, e.error_code, e.error_message) for e in edits} == {
        (EditStatus.FAILED, ErrorCategory.TRANSIENT, UNKNOWN, call_state.OUTCOME_UNKNOWN_MESSAGE)
    }
    await assert_ledger_consistent(subject)


async def listed_for_admins(gql: GQL, make_caller: MakeCaller, item: BatchItem) -> dict[str, Any]:
    body = await gql(ADMIN_QUERY, caller=make_caller("ops", role=Role.ADMIN))
    rows = {row["itemId"]: row for row in body["data"]["unknownProviderOutcomes"]}
    row: dict[str, Any] = rows[str(item.id)]
    return row


@pytest.mark.parametrize("fault", ["lostreply", "504", "html", "reset"])
async def test_a_wavespeed_submit_with_an_unknown_outcome_is_bought_once_and_refunded(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
    fault: str,
) -> None:
    marker = f"ws-{fault}-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"[[fail:{fault}]] {marker}", GenerationMode.SEQUENTIAL, 4
    )
    before = unknown_count("wavespeed")

    await runner(app, settings, wavespeed(simulator, http), http)(batch_id)

    # The task was created (and billed) at WaveSpeed; it is never bought again.
    assert submissions(simulator, SEQ, marker) == 1
    await assert_refunded_as_unknown(batch_id, subject)
    (item,) = await BatchItem.filter(batch_job_id=batch_id)
    assert item.provider_call_state is ProviderCallState.UNKNOWN
    assert item.provider_purchases == 1
    assert unknown_count("wavespeed") == before + 1
    row = await listed_for_admins(gql, make_caller, item)
    assert row["provider"] == "wavespeed"
    assert row["requestId"] == item.provider_request_id is not None
    assert row["batchJobId"] == str(batch_id)
    assert row["itemStatus"] == "FAILED"


async def test_denied_to_non_admins_and_nothing_listed(gql: GQL, make_caller: MakeCaller) -> None:
    body = await gql(ADMIN_QUERY, caller=make_caller("user"))
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


@pytest.mark.parametrize("fault", ["lostreply", "504", "html", "reset"])
async def test_an_ark_single_call_with_an_unknown_outcome_is_bought_once(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
    fault: str,
) -> None:
    marker = f"ark-{fault}-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"[[fail:{fault}]] {marker}", GenerationMode.TEXT_TO_IMAGE, 1
    )

    await runner(app, settings, ark(simulator, http, request_timeout_s=0.5), http)(batch_id)

    assert submissions(simulator, ARK, marker) == 1
    await assert_refunded_as_unknown(batch_id, subject)
    (item,) = await BatchItem.filter(batch_job_id=batch_id)
    # The id we recorded before the request left is the one Ark received.
    (sent,) = [r for r in simulator.state.requests if r.path == ARK and marker in str(r.body)]
    assert sent.headers["x-client-request-id"] == item.provider_request_id
    row = await listed_for_admins(gql, make_caller, item)
    assert (row["provider"], row["requestId"], row["purchases"]) == ("ark", item.provider_request_id, 1)


async def test_an_operator_allowing_two_purchases_gets_a_second_call_and_the_record_says_so(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
) -> None:
    marker = f"two-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"[[fail:lostreply:once]] {marker}", GenerationMode.TEXT_TO_IMAGE, 1
    )
    allowing = settings.model_copy(update={"provider_max_purchases_per_item": 2})

    await runner(app, allowing, ark(simulator, http, request_timeout_s=0.5), http)(batch_id)

    assert submissions(simulator, ARK, marker) == 2
    batch = await BatchJob.get(id=batch_id)
    assert batch.status is BatchStatus.SUCCEEDED
    assert batch.credits_captured == batch.credits_reserved
    (item,) = await BatchItem.filter(batch_job_id=batch_id)
    assert item.provider_purchases == 2
    assert item.provider_call_state is ProviderCallState.BOUGHT
    assert item.outcome_unknown is not None
    assert "outcome unknown" in item.outcome_unknown
    await assert_ledger_consistent(subject)


async def test_an_ark_stream_cut_mid_set_keeps_what_arrived_and_refunds_the_rest_without_a_new_purchase(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
) -> None:
    marker = f"arkcut-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"[[fail:reset]] {marker}", GenerationMode.SEQUENTIAL, 4
    )

    await runner(app, settings, ark(simulator, http, request_timeout_s=5), http)(batch_id)

    assert submissions(simulator, ARK, marker) == 1
    batch = await BatchJob.get(id=batch_id)
    assert batch.status is BatchStatus.PARTIALLY_SUCCEEDED
    assert await statuses(batch_id) == [EditStatus.SUCCEEDED] + [EditStatus.FAILED] * 3
    assert batch.credits_captured * 4 == batch.credits_reserved  # one image paid, three refunded
    failed = await ImageEdit.filter(batch_job_id=batch_id, status=EditStatus.FAILED)
    assert {(e.error_code, e.error_message) for e in failed} == {(UNKNOWN, call_state.OUTCOME_UNKNOWN_MESSAGE)}
    (item,) = await BatchItem.filter(batch_job_id=batch_id)
    assert item.provider_call_state is ProviderCallState.UNKNOWN
    await assert_ledger_consistent(subject)


async def test_a_wavespeed_poll_404_is_unknown_and_never_a_new_purchase(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
) -> None:
    marker = f"poll404-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"[[delay:0.2]] [[poll:404:1]] {marker}", GenerationMode.SEQUENTIAL, 2
    )

    await runner(app, settings, wavespeed(simulator, http), http)(batch_id)

    assert submissions(simulator, SEQ, marker) == 1
    await assert_refunded_as_unknown(batch_id, subject)
    (item,) = await BatchItem.filter(batch_job_id=batch_id)
    row = await listed_for_admins(gql, make_caller, item)
    assert row["taskId"] == item.provider_task_id is not None


async def test_a_wavespeed_failure_without_a_code_is_not_bought_again(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
) -> None:
    marker = f"nocode-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"[[fail:nocode]] {marker}", GenerationMode.TEXT_TO_IMAGE, 1
    )

    await runner(app, settings, wavespeed(simulator, http), http)(batch_id)

    assert submissions(simulator, T2I, marker) == 1
    (edit,) = await ImageEdit.filter(batch_job_id=batch_id)
    assert (edit.status, edit.error_category, edit.error_code, edit.error_message) == (
        EditStatus.FAILED,
        ErrorCategory.TRANSIENT,
        "task_failed",
        "Task failed",
    )
    batch = await BatchJob.get(id=batch_id)
    assert (batch.credits_captured, batch.credits_refunded) == (0, batch.credits_reserved)
    await assert_ledger_consistent(subject)


async def test_a_documented_refunded_failure_gives_the_purchase_back_and_is_retried(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
) -> None:
    # A 5000 task failure is refunded by WaveSpeed: the retry is a new purchase within the limit of one.
    marker = f"refunded-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"[[fail:task:once]] {marker}", GenerationMode.TEXT_TO_IMAGE, 1
    )

    await runner(app, settings, wavespeed(simulator, http), http)(batch_id)

    assert submissions(simulator, T2I, marker) == 2
    assert (await BatchJob.get(id=batch_id)).status is BatchStatus.SUCCEEDED
    (item,) = await BatchItem.filter(batch_job_id=batch_id)
    assert (item.provider_purchases, item.provider_call_state) == (1, ProviderCallState.BOUGHT)
    await assert_ledger_consistent(subject)


async def test_a_call_left_in_flight_by_a_dead_worker_is_unknown_and_not_bought_again(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
) -> None:
    marker = f"dead-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(app, gql, make_caller, marker, GenerationMode.TEXT_TO_IMAGE, 1)
    (item,) = await BatchItem.filter(batch_job_id=batch_id)
    # A worker recorded the call, sent it and died before any reply (no task id stored).
    recorded = await call_state.record(item.id, provider="ark", attempt=1, max_purchases=1)
    assert recorded is not None

    await runner(app, settings, ark(simulator, http), http)(batch_id)

    assert submissions(simulator, ARK, marker) == 0
    await assert_refunded_as_unknown(batch_id, subject)
    (item,) = await BatchItem.filter(batch_job_id=batch_id)
    assert item.provider_request_id == recorded.request_id
    assert item.outcome_unknown is not None
    assert "worker stopped" in item.outcome_unknown


async def test_a_recording_whose_answer_was_lost_with_the_database_is_given_back_not_unknown(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The database went away as the recording's UPDATE committed: the runner saw a connection error, yet the row
    # says RECORDED. That request never left, so the next recording gives its purchase back and buys once, instead
    # of calling the call unknown and refunding an image nobody bought (what a PostgreSQL cut did in the fault suite).
    marker = f"lost-commit-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(app, gql, make_caller, marker, GenerationMode.TEXT_TO_IMAGE, 1)
    real_record = call_state.record
    lost: list[str] = []

    async def record_then_lose_the_answer(item_id: uuid.UUID, **kwargs: Any) -> call_state.Recorded | None:
        recorded = await real_record(item_id, **kwargs)
        if not lost:
            assert recorded is not None
            lost.append(recorded.request_id)
            raise ConnectionResetError("connection lost as the commit landed")
        return recorded

    monkeypatch.setattr(call_state, "record", record_then_lose_the_answer)

    await runner(app, settings, ark(simulator, http), http)(batch_id)

    assert lost, "the fault never happened"
    assert submissions(simulator, ARK, marker) == 1
    assert (await BatchJob.get(id=batch_id)).status is BatchStatus.SUCCEEDED
    (item,) = await BatchItem.filter(batch_job_id=batch_id)
    assert (item.provider_purchases, item.provider_call_state) == (1, ProviderCallState.BOUGHT)
    assert item.provider_request_id != lost[0]
    assert item.outcome_unknown is None
    await assert_ledger_consistent(subject)
