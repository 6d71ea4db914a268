"""The simulator misbehaving like the services from a fault plan (no trigger words), and the faults only a plan or
the new trigger words produce: the real clients, runner and settlement against the simulator over HTTP.

Each asserts what the provider saw (the submits), how the images ended, what the user paid and got back.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from models import BatchItem, BatchJob, BatchStatus, EditStatus, ErrorCategory, GenerationMode, ImageEdit
from models.enums import ProviderCallState
from services.core.config import Settings
from services.seedream import create_http_client
from services.seedream.simulator import Latency, SimulatorConfig, SimulatorServer
from services.seedream.simulator.fault_plan import TIERS, load_fault_plan, parse_fault_plan
from tests.conftest import GQL, MakeCaller
from tests.generation_support import assert_ledger_consistent
from tests.services.generation.test_outcome_unknown import assert_refunded_as_unknown
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
PLAN = """
max_prompt_chars: 300
short_unstated_sets: true
faults:
  - fault: lostreply
    provider: wavespeed
    match: plan-lost
  - fault: 504
    provider: ark
    match: plan-504
    times: 1
"""


@pytest.fixture(scope="module")
def simulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimulatorServer]:
    path = tmp_path_factory.mktemp("plan") / "faults.yaml"
    path.write_text(PLAN)
    config = SimulatorConfig(latency=Latency.fixed(0), hang_s=3.0).with_plan(load_fault_plan(path))
    with SimulatorServer(config) as server:
        yield server


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with create_http_client(read_timeout_s=0.5) as client:
        yield client


def test_a_plan_is_validated_and_a_tier_sets_the_documented_limits(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="fault must be one of"):
        parse_fault_plan({"faults": [{"fault": "meteor", "rate": 1}]})
    with pytest.raises(ValueError, match="give a rate or a match"):
        parse_fault_plan({"faults": [{"fault": "504"}]})
    with pytest.raises(ValueError, match="tier"):
        parse_fault_plan({"tier": "platinum"})
    json_plan = tmp_path / "plan.json"
    json_plan.write_text('{"tier": "silver", "faults": [{"fault": "stuck", "rate": 0.5}]}')
    config = SimulatorConfig().with_plan(load_fault_plan(json_plan))
    assert (config.images_per_minute, config.concurrent_tasks) == TIERS["silver"] == (500, 300)
    bronze = SimulatorConfig().with_plan(None, "bronze")
    assert (bronze.images_per_minute, bronze.concurrent_tasks) == (2, 2)


async def test_bronze_tier_refuses_the_third_image_in_a_minute() -> None:
    with SimulatorServer(SimulatorConfig(latency=Latency.fixed(0)).with_plan(None, "bronze")) as server:
        async with httpx.AsyncClient(headers={"Authorization": "Bearer simulator"}) as client:
            codes = [
                (await client.post(server.base_url + T2I, json={"prompt": f"tier {n}"})).status_code for n in range(3)
            ]
    assert codes == [200, 200, 429]


async def test_a_planned_lost_reply_is_bought_once_and_refunded(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
) -> None:
    marker = f"plan-lost-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(app, gql, make_caller, marker, GenerationMode.TEXT_TO_IMAGE, 1)

    await runner(app, settings, wavespeed(simulator, http), http)(batch_id)

    assert submissions(simulator, T2I, marker) == 1
    await assert_refunded_as_unknown(batch_id, subject)


async def test_a_planned_ark_504_is_bought_once_and_refunded(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
) -> None:
    marker = f"plan-504-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(app, gql, make_caller, marker, GenerationMode.TEXT_TO_IMAGE, 1)

    await runner(app, settings, ark(simulator, http, request_timeout_s=2), http)(batch_id)

    assert submissions(simulator, ARK, marker) == 1
    await assert_refunded_as_unknown(batch_id, subject)


@pytest.mark.parametrize("provider", ["wavespeed", "ark"])
async def test_sets_state_their_count_so_the_plan_returns_them_whole(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
    provider: str,
) -> None:
    # The plan shortens every set whose prompt does not state its count: ours always does.
    marker = f"stated-{provider}-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(app, gql, make_caller, marker, GenerationMode.SEQUENTIAL, 4)
    client = wavespeed(simulator, http) if provider == "wavespeed" else ark(simulator, http, request_timeout_s=5)

    await runner(app, settings, client, http)(batch_id)

    assert submissions(simulator, SEQ if provider == "wavespeed" else ARK, marker) == 1
    assert await statuses(batch_id) == [EditStatus.SUCCEEDED] * 4
    await assert_ledger_consistent(subject)


@pytest.mark.parametrize("provider", ["wavespeed", "ark"])
async def test_a_short_set_is_charged_for_what_arrived_and_refunded_for_the_rest(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
    provider: str,
) -> None:
    marker = f"short-{provider}-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"[[fail:short]] {marker}", GenerationMode.SEQUENTIAL, 4
    )
    client = wavespeed(simulator, http) if provider == "wavespeed" else ark(simulator, http, request_timeout_s=5)

    await runner(app, settings, client, http)(batch_id)

    assert submissions(simulator, SEQ if provider == "wavespeed" else ARK, marker) == 1
    assert await statuses(batch_id) == [EditStatus.SUCCEEDED] * 2 + [EditStatus.FAILED] * 2
    batch = await BatchJob.get(id=batch_id)
    assert batch.status is BatchStatus.PARTIALLY_SUCCEEDED
    assert batch.credits_captured * 2 == batch.credits_refunded * 2 == batch.credits_reserved
    failed = await ImageEdit.filter(batch_job_id=batch_id, status=EditStatus.FAILED)
    assert {e.error_category for e in failed} == {ErrorCategory.TRANSIENT}
    await assert_ledger_consistent(subject)


async def test_a_task_stuck_in_the_queue_is_an_unknown_outcome_never_bought_again(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
) -> None:
    marker = f"stuck-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"[[fail:stuck]] {marker}", GenerationMode.TEXT_TO_IMAGE, 1
    )
    # Even an operator allowing more purchases: a queued task may still run and bill.
    allowing = settings.model_copy(update={"provider_max_purchases_per_item": 3})

    await runner(app, allowing, wavespeed(simulator, http, queue_wait_s=0.3), http)(batch_id)

    assert submissions(simulator, T2I, marker) == 1
    await assert_refunded_as_unknown(batch_id, subject)
    (item,) = await BatchItem.filter(batch_job_id=batch_id)
    assert item.provider_call_state is ProviderCallState.UNKNOWN
    assert item.provider_task_id is not None
    assert item.outcome_unknown is not None
    assert "queue" in item.outcome_unknown


@pytest.mark.parametrize("provider", ["wavespeed", "ark"])
async def test_expired_links_fail_their_images_without_a_new_purchase(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
    provider: str,
) -> None:
    marker = f"expire-{provider}-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"[[fail:expire]] {marker}", GenerationMode.SEQUENTIAL, 2
    )
    client = (
        wavespeed(simulator, http)
        if provider == "wavespeed"
        else ark(simulator, http, request_timeout_s=5, response_format="url")
    )

    await runner(app, settings, client, http)(batch_id)

    assert submissions(simulator, SEQ if provider == "wavespeed" else ARK, marker) == 1
    failed = await ImageEdit.filter(batch_job_id=batch_id).order_by("batch_index")
    assert [(e.status, e.error_code) for e in failed] == [(EditStatus.FAILED, "download_failed")] * 2
    assert all("could not be downloaded" in (e.error_message or "") for e in failed)
    batch = await BatchJob.get(id=batch_id)
    assert (batch.credits_captured, batch.credits_refunded) == (0, batch.credits_reserved)
    await assert_ledger_consistent(subject)


@pytest.mark.parametrize("provider", ["wavespeed", "ark"])
async def test_an_nsfw_flag_fails_that_image_as_content_policy_and_charges_the_rest(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
    provider: str,
) -> None:
    marker = f"nsfw-{provider}-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"[[fail:nsfw]] {marker}", GenerationMode.SEQUENTIAL, 2
    )
    client = wavespeed(simulator, http) if provider == "wavespeed" else ark(simulator, http, request_timeout_s=5)

    await runner(app, settings, client, http)(batch_id)

    assert submissions(simulator, SEQ if provider == "wavespeed" else ARK, marker) == 1
    edits = await ImageEdit.filter(batch_job_id=batch_id, status=EditStatus.FAILED)
    assert [e.error_category for e in edits] == [ErrorCategory.CONTENT_POLICY]
    batch = await BatchJob.get(id=batch_id)
    assert batch.credits_captured * 2 == batch.credits_reserved
    await assert_ledger_consistent(subject)


@pytest.mark.parametrize("provider", ["wavespeed", "ark"])
async def test_a_prompt_over_the_limit_is_invalid_input_not_retried_and_refunded(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
    provider: str,
) -> None:
    marker = f"long-{provider}-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"{marker} {'word ' * 80}", GenerationMode.TEXT_TO_IMAGE, 1
    )
    client = wavespeed(simulator, http) if provider == "wavespeed" else ark(simulator, http, request_timeout_s=5)

    await runner(app, settings, client, http)(batch_id)

    assert submissions(simulator, T2I if provider == "wavespeed" else ARK, marker) == 1
    (edit,) = await ImageEdit.filter(batch_job_id=batch_id)
    assert (edit.status, edit.error_category) == (EditStatus.FAILED, ErrorCategory.INVALID_INPUT)
    assert edit.error_message is not None
    assert "longer than 300" in edit.error_message
    batch = await BatchJob.get(id=batch_id)
    assert (batch.credits_captured, batch.credits_refunded) == (0, batch.credits_reserved)
    await assert_ledger_consistent(subject)
