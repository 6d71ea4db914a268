"""Webhook benchmark: deliveries per second to a local receiver, and what a receiver that hangs costs others.

Runs the product runtime (``app.runtime.build_runtime``: in-process queues, a queue per job kind, the embedded
simulator with a fixed latency) on a throwaway SQLite database, with a receiver (uvicorn + Starlette) on a loopback
port that answers 204 at once on ``/ok/<n>`` and never answers on ``/hang`` (each attempt there ends at
``WEBHOOKS_TIMEOUT_SECONDS``). Three measurements, each against its baseline in the same run:

1. **deliveries/s**: D deliveries recorded for 4 healthy endpoints, handed to the delivery queue, until all have
   succeeded; then the same again while 40 deliveries to a hanging endpoint are in flight (ratio with / without).
2. **generations**: B batches of 4 images for a user without endpoints, until all ended; then B batches for a user
   whose endpoint hangs and subscribes to every batch event (ratio). Webhook events are recorded off the generation
   path (the recorder's consumer), so the ratio should stay near 1; the time the recorder then needs to catch up is
   printed too.

Run: ``python bench/bench_webhooks.py [--quick] [--deliveries D] [--batches B]``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import socket
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from tortoise import Tortoise

from app.runtime import build_runtime
from models import BatchJob, DeliveryStatus, GenerationMode, User, WebhookDelivery, WebhookEndpoint
from models.enums import TERMINAL_BATCH_STATUSES
from services import projects, users
from services.core import db
from services.core.config import Settings
from services.generation.plan import SubmitRequest
from services.generation.submit import submit
from services.webhooks import deliveries, endpoints
from services.webhooks.events import EVENT_TYPES

POLL_S = 0.02  # polling the database for a condition (a benchmark's wait, not a test's)


@contextlib.asynccontextmanager
async def receiver() -> AsyncIterator[int]:
    forever = asyncio.Event()

    async def ok(_: Request) -> Response:
        return Response(status_code=204)

    async def hang(_: Request) -> Response:
        await forever.wait()
        return Response(status_code=204)

    app = Starlette(routes=[Route("/ok/{n}", ok, methods=["POST"]), Route("/hang", hang, methods=["POST"])])
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, lifespan="off", log_level="error", timeout_graceful_shutdown=1))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:  # noqa: ASYNC110 - uvicorn offers no event for it
        await asyncio.sleep(POLL_S)
    try:
        yield sock.getsockname()[1]
    finally:
        forever.set()
        server.should_exit = True
        await task


async def until(condition: object, what: str, limit_s: float = 600.0) -> None:
    deadline = time.perf_counter() + limit_s
    while not await condition():  # type: ignore[operator]
        if time.perf_counter() > deadline:
            raise TimeoutError(what)
        await asyncio.sleep(POLL_S)


async def record_for(endpoint: WebhookEndpoint, count: int, queue: object) -> list[uuid.UUID]:
    new = [
        deliveries.NewDelivery(
            endpoint_id=endpoint.id,
            owner_id=endpoint.owner_id,
            event_id=f"evt_{uuid.uuid4().hex}",
            event_type="batch.image_delivered",
            payload={"type": "batch.image_delivered", "data": {"n": n}},
        )
        for n in range(count)
    ]
    return await deliveries.record(new, queue)  # type: ignore[arg-type]


async def deliveries_per_second(settings: Settings, runtime: object, port: int, count: int, hang: bool) -> float:
    owner = await users.get_or_create_by_subject(f"bench-{uuid.uuid4().hex[:8]}", 0)
    healthy = []
    for n in range(4):
        changes = endpoints.EndpointChanges(url=f"http://127.0.0.1:{port}/ok/{n}", events=["batch.failed"])
        healthy.append((await endpoints.create(owner.id, changes, settings))[0])
    queue = runtime.outbox  # type: ignore[attr-defined]
    if hang:
        stuck, _ = await endpoints.create(
            owner.id, endpoints.EndpointChanges(url=f"http://127.0.0.1:{port}/hang", events=["batch.failed"]), settings
        )
        await record_for(stuck, 40, queue)
    started = time.perf_counter()
    ids: list[uuid.UUID] = []
    for index, endpoint in enumerate(healthy):
        ids += await record_for(endpoint, count // 4 + (1 if index < count % 4 else 0), queue)

    async def done() -> bool:
        return await WebhookDelivery.filter(id__in=ids, status=DeliveryStatus.SUCCEEDED).count() == len(ids)

    await until(done, "healthy deliveries")
    return len(ids) / (time.perf_counter() - started)


async def generations_seconds(settings: Settings, runtime: object, port: int, batches: int, hang: bool) -> float:
    owner: User = await users.get_or_create_by_subject(f"bench-{uuid.uuid4().hex[:8]}", 100_000)
    project = await projects.create(owner.id, projects.ProjectChanges(name="bench"))
    if hang:
        await endpoints.create(
            owner.id,
            endpoints.EndpointChanges(url=f"http://127.0.0.1:{port}/hang", events=list(EVENT_TYPES)),
            settings,
        )
    started = time.perf_counter()
    ids = []
    for n in range(batches):
        request = SubmitRequest(
            project_id=str(project.id), mode=GenerationMode.TEXT_TO_IMAGE, prompts=[f"bench {n}"], count=4
        )
        submitted = await submit(
            owner,
            request,
            settings=settings,
            storage=runtime.storage,  # type: ignore[attr-defined]
            http=runtime.http,  # type: ignore[attr-defined]
            queue=runtime.outbox,  # type: ignore[attr-defined]
            publisher=runtime.publisher,  # type: ignore[attr-defined]
            on_create=deliveries.on_batch_created(owner.id, settings),  # as the API does: the follow-up job
        )
        ids.append(submitted.batch.id)

    async def ended() -> bool:
        return await BatchJob.filter(id__in=ids, status__in=TERMINAL_BATCH_STATUSES).count() == len(ids)

    await until(ended, "batches")
    return time.perf_counter() - started


async def main(arguments: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as var:
        url = f"sqlite://{var}/bench.db"
        settings = Settings(
            var_dir=Path(var),
            database_url=url,
            jwt_secret="bench-secret-bench-secret-bench-secret",  # noqa: S106 - a throwaway run's
            simulator_latency_seconds=0.2,
            provider_concurrent_tasks=100,
            provider_images_per_minute=100_000,
            per_user_concurrency=100,
            webhooks_allow_private_addresses=True,
            webhooks_timeout_seconds=3.0,
            outbox_sweep_seconds=3600,
        )
        await db.migrate(url)
        await Tortoise.init(config=db.tortoise_config(url), _enable_global_fallback=True)
        try:
            async with receiver() as port, build_runtime(settings) as runtime:
                print(f"work: {arguments.deliveries} deliveries to 4 endpoints; {arguments.batches} batches x 4 images")
                print(f"      (simulator latency 0.2 s, WEBHOOKS_CONCURRENCY {settings.webhooks_concurrency}, SQLite)")
                alone = await deliveries_per_second(settings, runtime, port, arguments.deliveries, hang=False)
                beside = await deliveries_per_second(settings, runtime, port, arguments.deliveries, hang=True)
                print(
                    f"deliveries/s   healthy alone {alone:7.1f}   beside a hanging endpoint {beside:7.1f}"
                    f"   ratio {beside / alone:.2f}"
                )
                base = await generations_seconds(settings, runtime, port, arguments.batches, hang=False)
                hung = await generations_seconds(settings, runtime, port, arguments.batches, hang=True)
                caught_up = time.perf_counter()
                await runtime.webhooks.idle()
                lag = time.perf_counter() - caught_up
                print(
                    f"generations    no endpoint {base:6.2f} s   endpoint hanging on every event {hung:6.2f} s"
                    f"   ratio {hung / base:.2f}"
                )
                print(f"               webhook events recorded {lag:6.2f} s after the last batch ended")
        finally:
            await db.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="200 deliveries, 5 batches")
    parser.add_argument("--deliveries", type=int, default=None)
    parser.add_argument("--batches", type=int, default=None)
    parsed = parser.parse_args()
    parsed.deliveries = parsed.deliveries or (200 if parsed.quick else 1000)
    parsed.batches = parsed.batches or (5 if parsed.quick else 20)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    asyncio.run(main(parsed))
