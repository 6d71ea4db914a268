"""A WaveSpeed submit whose reply is lost is recovered from the task's signed webhook, never bought again.

The real WaveSpeed client, runner and settlement against the simulator over HTTP; the simulator delivers the
task's webhook over real HTTP to the API served by uvicorn (``live_url``), which verifies and settles it.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from starlette.applications import Starlette

from models import BatchItem, BatchJob, BatchStatus, EditStatus, GenerationMode, ImageEdit
from models.enums import ProviderCallState
from services.core.config import Settings
from services.generation import call_state, provider_webhooks
from services.seedream import create_http_client
from services.seedream.simulator import Latency, SimulatorConfig, SimulatorServer
from services.seedream.webhook_signature import sign_webhook
from tests.conftest import GQL, MakeCaller
from tests.generation_support import assert_ledger_consistent
from tests.services.generation.test_outcome_unknown import assert_refunded_as_unknown
from tests.services.generation.test_provider_fidelity import SEQ, queued_batch, runner, submissions, wavespeed

SECRET = SimulatorConfig().webhook_secret


@pytest.fixture(scope="module")
def simulator() -> Iterator[SimulatorServer]:
    config = SimulatorConfig(latency=Latency.fixed(0), hang_s=5.0)
    with SimulatorServer(config) as server:
        yield server


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with create_http_client(read_timeout_s=0.5) as client:
        yield client


def with_webhooks(settings: Settings, live_url: str, wait_s: float = 20.0) -> Settings:
    return settings.model_copy(
        update={"provider_webhook_base_url": f"http://{live_url}", "provider_webhook_wait_seconds": wait_s}
    )


async def until(condition: object, limit_s: float = 20.0) -> None:
    """Wait for an async condition (a callable returning an awaitable bool), bounded."""
    deadline = time.monotonic() + limit_s
    while not await condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)  # polling a condition, not a fixed wait


@pytest.mark.parametrize("fault", ["lostreply", "504", "html", "reset"])
async def test_a_lost_submit_reply_is_recovered_from_the_webhook_and_charged_once(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
    live_url: str,
    fault: str,
) -> None:
    marker = f"hook-{fault}-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"[[fail:{fault}]] {marker}", GenerationMode.SEQUENTIAL, 4
    )

    await runner(app, with_webhooks(settings, live_url), wavespeed(simulator, http), http)(batch_id)

    # One task bought; its images delivered and charged once, from the task the webhook named.
    assert submissions(simulator, SEQ, marker) == 1
    (sent,) = [r for r in simulator.state.requests if r.path == SEQ and marker in str(r.body)]
    (item,) = await BatchItem.filter(batch_job_id=batch_id)
    assert f"/provider-webhooks/wavespeed/{item.id}/{item.provider_request_id}" in sent.query.replace("%2F", "/")
    batch = await BatchJob.get(id=batch_id)
    assert batch.status is BatchStatus.SUCCEEDED
    assert batch.credits_captured == batch.credits_reserved > 0
    assert batch.credits_refunded == 0
    assert [e.status for e in await ImageEdit.filter(batch_job_id=batch_id)] == [EditStatus.SUCCEEDED] * 4
    assert (item.provider_call_state, item.provider_purchases) == (ProviderCallState.BOUGHT, 1)
    assert item.provider_task_id is not None
    delivered = [
        w for w in simulator.state.webhooks if item.provider_task_id in w.url or item.provider_task_id in str(w.body)
    ]
    assert delivered
    assert all(w.status == 200 for w in delivered)
    await assert_ledger_consistent(subject)


async def test_no_webhook_in_time_is_an_unknown_outcome_refunded_and_the_late_one_is_recorded(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
    live_url: str,
) -> None:
    # The task takes 2 s; the item waits 0.3 s for its webhook, then gives the call up as unknown.
    marker = f"hooklate-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"[[fail:504]] [[delay:2]] {marker}", GenerationMode.SEQUENTIAL, 2
    )

    await runner(app, with_webhooks(settings, live_url, wait_s=0.3), wavespeed(simulator, http), http)(batch_id)

    assert submissions(simulator, SEQ, marker) == 1
    await assert_refunded_as_unknown(batch_id, subject)

    async def late_webhook_recorded() -> bool:
        item = await BatchItem.get(batch_job_id=batch_id)
        return item.provider_task_id is not None

    await until(late_webhook_recorded)
    item = await BatchItem.get(batch_job_id=batch_id)
    # Still unknown and refunded (the user is not charged after the fact); the record names the task.
    assert item.provider_call_state is ProviderCallState.UNKNOWN
    assert item.outcome_unknown is not None
    assert f"task {item.provider_task_id} ended completed" in item.outcome_unknown
    assert (await BatchJob.get(id=batch_id)).credits_captured == 0
    await assert_ledger_consistent(subject)


async def test_the_receiver_refuses_bad_signatures_and_dedupes(
    app: Starlette, gql: GQL, make_caller: MakeCaller, client: httpx.AsyncClient
) -> None:
    batch_id, _ = await queued_batch(app, gql, make_caller, "receiver", GenerationMode.TEXT_TO_IMAGE, 1)
    (item,) = await BatchItem.filter(batch_job_id=batch_id)
    recorded = await call_state.record(item.id, provider="wavespeed", attempt=1, max_purchases=1, slots=[0])
    assert recorded is not None
    path = provider_webhooks.ROUTE.format(item_id=item.id, request_id=recorded.request_id)
    body = json.dumps({"id": "a" * 32, "status": "completed", "outputs": []}).encode()
    now = int(time.time())

    def headers(secret: str, timestamp: int = now) -> dict[str, str]:
        return {
            "content-type": "application/json",
            "webhook-id": "a" * 32,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": sign_webhook(secret, "a" * 32, timestamp, body),
        }

    forged = await client.post(path, content=body, headers=headers("whsec_b3RoZXI="))
    stale = await client.post(path, content=body, headers=headers(SECRET, now - 600))
    assert (forged.status_code, stale.status_code) == (401, 401)
    unchanged = await BatchItem.get(id=item.id)
    assert (unchanged.provider_call_state, unchanged.provider_task_id) == (ProviderCallState.RECORDED, None)

    first = await client.post(path, content=body, headers=headers(SECRET))
    again = await client.post(path, content=body, headers=headers(SECRET))
    other = await client.post(
        provider_webhooks.ROUTE.format(item_id=item.id, request_id="older"), content=body, headers=headers(SECRET)
    )
    assert [r.json()["received"] for r in (first, again, other)] == ["recovered", "duplicate", "ignored"]
    found = await BatchItem.get(id=item.id)
    assert (found.provider_call_state, found.provider_task_id, found.provider_task_slots) == (
        ProviderCallState.BOUGHT,
        "a" * 32,
        [0],
    )
    assert found.provider_purchases == 1


async def test_the_receiver_is_off_without_a_secret() -> None:
    with pytest.raises(provider_webhooks.WebhookRejected) as refused:
        await provider_webhooks.receive(None, str(uuid.uuid4()), "r", {}, b"{}")
    assert refused.value.status == 404
