"""``/metrics``: the operator's counters move during a real batch (embedded mode: the app runs the batch itself)."""

from __future__ import annotations

import asyncio
import json

import httpx
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families
from starlette.applications import Starlette

from services.core.config import Environment
from services.infra.bus import InProcessBus
from tests.conftest import GQL, MakeCaller
from tests.generation_support import generate, new_project
from tests.graph.test_subscriptions import PROGRESS, messages_until_complete, socket, subscribe
from tests.security.support import changed_settings

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


async def scrape(client: httpx.AsyncClient) -> Samples:
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


async def quiet(client: httpx.AsyncClient, within: float = 30.0) -> Samples:
    """A scrape taken while no batch runs in this process (earlier tests' batches may still be finishing)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while (samples := await scrape(client)) and value(samples, "playground_jobs_running") > 0:
        assert loop.time() < deadline, "batches of earlier tests still running"
        await asyncio.sleep(0.05)  # polling a condition with a bounded deadline
    return samples


def value(samples: Samples, name: str, **labels: str) -> float:
    """The sample's value (0 when absent), summed over any labels not named."""
    wanted = set(labels.items())
    return sum(v for (n, ls), v in samples.items() if n == name and wanted <= ls)


async def test_counters_move_during_a_batch(
    app: Starlette, live_url: str, client: httpx.AsyncClient, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    before = await quiet(client)

    payload = await generate(
        gql,
        alice,
        projectId=project,
        mode="TEXT_TO_IMAGE",
        prompts=["a quiet harbour [[delay:0.3]]", "a forbidden one [[fail:policy]]", "a meadow [[delay:0.3]]"],
        size="1024x1024",
    )
    assert payload["userErrors"] == [], payload
    batch_id = payload["batchJob"]["id"]
    async with socket(live_url, alice) as ws:
        await subscribe(ws, PROGRESS, {"id": batch_id})
        first = json.loads(await asyncio.wait_for(ws.recv(), 10))
        assert first["type"] == "next", first
        during = await scrape(client)
        assert value(during, "playground_websockets_open") >= 1
        assert value(during, "playground_subscriptions_active", operation="batchProgress") >= 1
        received = [first, *await asyncio.wait_for(messages_until_complete(ws), 30)]
    events = [m["payload"]["data"]["batchProgress"] for m in received if m["type"] == "next"]
    assert events[-1]["status"] == "PARTIALLY_SUCCEEDED", events[-1]

    # The job ends just after its terminal event (the handler returns after publishing it): wait until it has.
    after = await quiet(client)

    def moved(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert moved("playground_graphql_operations_total", operation="generate", type="mutation", outcome="ok") == 1
    assert moved("playground_graphql_operation_duration_seconds_count", operation="generate", type="mutation") == 1
    assert moved("playground_graphql_operations_total", operation="batchProgress", type="subscription") == 1
    assert value(after, "playground_subscriptions_active", operation="batchProgress") == value(
        before, "playground_subscriptions_active", operation="batchProgress"
    )
    assert moved("playground_bus_published_events_total") >= 4  # start, two images, one refund, the end
    assert moved("playground_bus_deliveries_total") >= 4
    assert moved("playground_job_duration_seconds_count", outcome="complete") == 1
    assert moved("playground_provider_call_duration_seconds_count", provider="simulator") == 3
    assert moved("playground_provider_errors_total", provider="simulator", category="content_policy") == 1
    assert moved("playground_limiter_wait_seconds_count") == 3
    assert moved("playground_images_delivered_total") == 2
    assert moved("playground_ledger_credits_total", kind="reserve") == 3
    assert moved("playground_ledger_credits_total", kind="capture") == 2
    assert moved("playground_ledger_credits_total", kind="refund") == 1
    assert ("playground_queue_depth", frozenset()) in after


async def test_bus_counts_drops_and_resyncs() -> None:
    def count(name: str) -> float:
        return REGISTRY.get_sample_value(name) or 0.0

    drops, resyncs = count("playground_bus_dropped_events_total"), count("playground_bus_resyncs_total")
    bus = InProcessBus()
    await bus.start()
    try:
        async with bus.subscribe("metrics-test", queue_size=2) as subscription:
            for seq in range(5):  # nobody reads: the oldest snapshots make room for the newest
                await bus.publish("metrics-test", {"seq": seq})
            assert subscription.pending == 2
            subscription._resync()
    finally:
        await bus.close()
    assert count("playground_bus_dropped_events_total") - drops == 3 + 2  # three shed, two superseded by RESYNC
    assert count("playground_bus_resyncs_total") - resyncs == 1


async def test_metrics_on_the_api_port_need_the_token_in_production(app: Starlette, client: httpx.AsyncClient) -> None:
    token = "m" * 32
    with changed_settings(app, environment=Environment.PRODUCTION, metrics_token=None):
        assert (await client.get("/metrics")).status_code == 404  # no token configured: not served here
    with changed_settings(app, environment=Environment.PRODUCTION, metrics_token=token):
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": token}):
            refused = await client.get("/metrics", headers=headers)
            assert refused.status_code == 404, headers
            assert "playground_" not in refused.text
        served = await client.get("/metrics", headers={"Authorization": f"Bearer {token}"})
        assert served.status_code == 200
        assert "playground_" in served.text
    assert (await client.get("/metrics")).status_code == 200  # development: open
