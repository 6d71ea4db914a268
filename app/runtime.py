"""The process's infrastructure, built once from settings: bus, queue, storage, provider, limits, HTTP clients.

The API and ``playground worker`` build the same runtime. With ``REDIS_URL`` unset (embedded default) the queue,
bus and limits live in this process and the API runs batches itself; with it set, the API only enqueues and the
SAQ workers run batches.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx

from app import tracing
from app.logs import register_secrets
from services.core.config import ProviderKind, Settings
from services.generation.outbox import Outbox
from services.generation.runner import BatchRunner, WorkerDeps
from services.infra import metrics
from services.infra.bus import EventBus, create_bus
from services.infra.jobs import BatchHandler, InProcessQueue, JobQueue, SaqQueue
from services.infra.limits import create_limiter
from services.infra.outage import Outage
from services.infra.storage import LinkSigner, Storage, open_storage
from services.progress.publisher import ProgressPublisher
from services.seedream import (
    GenerationRequest,
    GenerationResult,
    ProviderError,
    SeedreamProvider,
    create_http_client,
    create_provider,
)
from services.seedream.simulator import Latency, SimulatorConfig
from services.seedream.simulator import create_app as create_simulator

log = logging.getLogger(__name__)

EMBEDDED_SIMULATOR_URL = "http://simulator.internal"
DEFAULT_BASE_URLS = {
    ProviderKind.WAVESPEED: "https://api.wavespeed.ai",
    ProviderKind.ARK: "https://ark.ap-southeast.bytepluses.com/api/v3",
}


@dataclass(frozen=True, slots=True)
class Runtime:
    settings: Settings
    bus: EventBus
    queue: JobQueue
    """The outbox in front of the job queue (`services.generation.outbox.Outbox`): what the services enqueue to."""
    storage: Storage
    publisher: ProgressPublisher
    http: httpx.AsyncClient
    """General outbound HTTP (reference URLs): no proxies from the environment, no redirects."""
    redis_outage: Outage
    """This process's view of Redis, shared by the queue, the bus and the outbox drainer (one log line per window)."""


class MeteredProvider:
    """A provider whose calls are timed and whose failures are counted by category (Prometheus)."""

    def __init__(self, provider: SeedreamProvider) -> None:
        self._provider = provider

    @property
    def name(self) -> str:
        return self._provider.name

    async def generate(self, request: GenerationRequest) -> GenerationResult:
        started = time.perf_counter()
        outcome = "error"
        try:
            result = await self._provider.generate(request)
            outcome = "ok"
            for slot in result.failed:  # images of a set the provider did not deliver
                category = slot.category.value.lower()
                metrics.PROVIDER_ERRORS.labels(provider=self.name, category=category).inc()
            return result
        except ProviderError as error:
            metrics.PROVIDER_ERRORS.labels(provider=self.name, category=error.category.value.lower()).inc()
            raise
        finally:
            elapsed = time.perf_counter() - started
            metrics.PROVIDER_CALL_DURATION.labels(provider=self.name, outcome=outcome).observe(elapsed)


@contextlib.asynccontextmanager
async def provider_stack(settings: Settings) -> AsyncIterator[tuple[SeedreamProvider, httpx.AsyncClient]]:
    """The configured provider and the shared HTTP client it uses.

    With the simulator and no ``SEEDREAM_BASE_URL`` the simulator runs in this process behind httpx's ASGI
    transport: the same client code as production, no socket.
    """
    kind = settings.seedream_provider
    simulator = None
    if kind is ProviderKind.SIMULATOR and not settings.seedream_base_url:
        latency = (
            Latency.fixed(settings.simulator_latency_seconds)
            if settings.simulator_latency_seconds is not None
            else Latency.lognormal(3.0, 0.35, 20.0)
        )
        simulator = create_simulator(
            SimulatorConfig(api_keys=frozenset({settings.simulator_api_key}), latency=latency, record_requests=False)
        )
        client = create_http_client(transport=httpx.ASGITransport(app=simulator))
        tracing.instrument_client(client)  # clients on real sockets are traced by the global instrumentation
        base_url = EMBEDDED_SIMULATOR_URL
    else:
        # A call in flight holds a connection (sync mode, a streamed reply): as many as the account runs at once, kept
        # alive (a reconnect is a TLS handshake).
        connections = max(100, settings.provider_concurrent_tasks)
        client = create_http_client(max_connections=connections, max_keepalive_connections=connections)
        base_url = settings.seedream_base_url or DEFAULT_BASE_URLS.get(kind, "")
    api_key = {
        ProviderKind.SIMULATOR: settings.simulator_api_key,
        ProviderKind.WAVESPEED: settings.wavespeed_api_key or "",
        ProviderKind.ARK: settings.ark_api_key or "",
    }[kind]
    provider = MeteredProvider(
        create_provider(
            kind.value,
            client,
            base_url=base_url,
            api_key=api_key,
            model=settings.ark_model,
            deadline_s=settings.provider_deadline_seconds,
            # In-process, WaveSpeed's sync mode costs one request per call instead of a submit and a run of polls.
            sync_mode=simulator is not None,
        )
    )
    try:
        if simulator is not None:
            # ASGITransport does not run lifespans; run the simulator's so its background tasks end with us.
            async with simulator.router.lifespan_context(simulator):
                yield provider, client
        else:
            yield provider, client
    finally:
        await client.aclose()


@contextlib.asynccontextmanager
async def batch_runner(
    settings: Settings,
    *,
    storage: Storage,
    publisher: ProgressPublisher,
    http: httpx.AsyncClient,
    outage: Outage | None = None,
) -> AsyncIterator[BatchRunner]:
    """The queue handler that runs batches in this process, with its provider and account limits."""
    async with provider_stack(settings) as (provider, _):
        limiter = create_limiter(
            settings.redis_url,
            concurrent_tasks=settings.provider_concurrent_tasks,
            images_per_minute=settings.provider_images_per_minute,
            per_user_concurrency=settings.per_user_concurrency,
            key_prefix=f"{settings.redis_namespace}:limits:",
            # A dead worker's slots free themselves as soon as its job counts as dead.
            lease_ttl_s=settings.worker_dead_after_seconds,
            outage=outage,
        )
        try:
            yield BatchRunner(
                WorkerDeps(
                    settings=settings,
                    provider=provider,
                    storage=storage,
                    publisher=publisher,
                    limiter=limiter,
                    http=http,
                )
            )
        finally:
            await limiter.close()


def link_signer(settings: Settings) -> LinkSigner:
    """The ``/media`` link signer every process of a deployment builds alike (same key, lifetime and base)."""
    return LinkSigner(settings.media_signing_secret, settings.media_link_seconds, settings.media_base_url.rstrip("/"))


def storage_for(settings: Settings, url: str | None = None) -> Storage:
    """The storage backend ``STORAGE_URL`` (or ``url``) names."""
    return open_storage(url or settings.resolved_storage_url, link_signer(settings))


@contextlib.asynccontextmanager
async def _shared(
    settings: Settings, outage: Outage
) -> AsyncIterator[tuple[EventBus, ProgressPublisher, Storage, httpx.AsyncClient]]:
    # Settings may come from elsewhere than the environment (tests, the development key file): blank them too.
    register_secrets(settings.secret_values())
    bus = create_bus(
        settings.redis_url,
        channel_prefix=f"{settings.redis_namespace}:",
        client_name=f"{settings.redis_namespace}-bus",  # tells deployments apart in CLIENT LIST
        outage=outage,
    )
    await bus.start()
    http = httpx.AsyncClient(trust_env=False, follow_redirects=False, timeout=httpx.Timeout(10.0))
    try:
        publisher = ProgressPublisher(bus, item_concurrency=settings.batch_item_concurrency)
        yield bus, publisher, storage_for(settings), http
    finally:
        await http.aclose()
        await bus.close()


@contextlib.asynccontextmanager
async def build_runtime(settings: Settings) -> AsyncIterator[Runtime]:
    """The API's runtime. Embedded (no ``REDIS_URL``): batches run in this process. With Redis: SAQ workers run
    them and the API only enqueues, through the outbox, whose drainer runs here. Needs the ORM initialised by the
    caller.
    """
    outage = Outage("Redis")
    async with _shared(settings, outage) as (bus, publisher, storage, http), contextlib.AsyncExitStack() as stack:
        queue: JobQueue
        if settings.redis_url:
            queue = SaqQueue(settings.redis_url, name=settings.redis_namespace, outage=outage)
        else:
            runner = await stack.enter_async_context(
                batch_runner(settings, storage=storage, publisher=publisher, http=http, outage=outage)
            )
            queue = InProcessQueue(runner, concurrency=settings.worker_concurrency)
        await queue.start()
        outbox = Outbox(queue, outage=outage, sweep_interval_s=settings.outbox_sweep_seconds)
        await outbox.start()
        try:
            yield Runtime(
                settings=settings,
                bus=bus,
                queue=outbox,
                storage=storage,
                publisher=publisher,
                http=http,
                redis_outage=outage,
            )
        finally:
            await outbox.close()
            await queue.close()


@contextlib.asynccontextmanager
async def worker_handler(settings: Settings, outage: Outage) -> AsyncIterator[BatchHandler]:
    """For ``playground worker``: the batch handler with everything it needs (the ORM is the caller's). ``outage``
    is the worker's view of Redis, shared with its queue."""
    async with (
        _shared(settings, outage) as (_, publisher, storage, http),
        batch_runner(settings, storage=storage, publisher=publisher, http=http, outage=outage) as runner,
    ):
        yield runner
