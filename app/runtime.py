"""The process's infrastructure, built once from settings: bus, queue, storage, provider, limits, HTTP clients.

The API and ``playground worker`` build the same runtime. With ``REDIS_URL`` unset (embedded default) the queue,
bus and limits live in this process and the API runs batches itself; with it set, the API only enqueues and the
SAQ workers run batches.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx

from app import tracing
from app.logs import register_secrets
from services.account.export import AccountExporter
from services.account.tasks import ACCOUNT_EXPORT
from services.core.config import ProviderKind, Settings
from services.generation.reconciler import Reconciler
from services.generation.retention import Retention
from services.generation.runner import BatchRunner, WorkerDeps
from services.generation.tasks import RUN_BATCH, STORAGE_RETENTION
from services.infra import decoding, metrics
from services.infra.bus import EventBus, create_bus
from services.infra.jobs import (
    JobHandler,
    JobKind,
    JobQueue,
    Jobs,
    SaqQueue,
    SaqSettings,
    in_process_queues,
    saq_queue,
    saq_queues,
)
from services.infra.jobs.outbox import Outbox
from services.infra.latest import create_latest
from services.infra.limits import create_limiter
from services.infra.numbered_log import create_log, restart_safe_first_number
from services.infra.outage import Outage
from services.infra.storage import LinkSigner, Storage, open_storage
from services.progress.history import BatchHistory, UserHistory
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
from services.seedream.simulator.fault_plan import load_fault_plan
from services.webhooks.deliveries import WebhookRecorder
from services.webhooks.tasks import DELIVER_WEBHOOK, FOLLOW_BATCH, Deliverer

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
    outbox: JobQueue
    """The outbox in front of every kind's queue (`services.infra.jobs.outbox.Outbox`): what the services enqueue
    to."""
    storage: Storage
    publisher: ProgressPublisher
    http: httpx.AsyncClient
    """General outbound HTTP (reference URLs): no proxies from the environment, no redirects."""
    redis_outage: Outage
    """This process's view of Redis, shared by the queue, the bus and the outbox drainer (one log line per window)."""
    reconciler: Reconciler
    """Finds open batches nobody works on (`services.generation.reconciler`); ``/readyz`` shows its work."""
    webhooks: WebhookRecorder
    """Records the webhook events of batch progress and balances, off the generation path."""


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
        plan = load_fault_plan(settings.simulator_faults) if settings.simulator_faults is not None else None
        simulator = create_simulator(
            SimulatorConfig(
                api_keys=frozenset({settings.simulator_api_key}), latency=latency, record_requests=False
            ).with_plan(plan)
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
            queue_wait_s=settings.provider_queue_wait_seconds,
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
    return open_storage(
        url or settings.resolved_storage_url, link_signer(settings), link_endpoint=settings.storage_link_endpoint
    )


@contextlib.asynccontextmanager
async def _shared(
    settings: Settings, outage: Outage
) -> AsyncIterator[tuple[EventBus, ProgressPublisher, Storage, httpx.AsyncClient]]:
    # Settings may come from elsewhere than the environment (tests, the development key file): blank them too.
    register_secrets(settings.secret_values())
    decoding.configure(settings.image_decode_slots)
    bus = create_bus(
        settings.redis_url,
        channel_prefix=f"{settings.redis_namespace}:",
        client_name=f"{settings.redis_namespace}-bus",  # tells deployments apart in CLIENT LIST
        outage=outage,
    )
    await bus.start()
    http = httpx.AsyncClient(trust_env=False, follow_redirects=False, timeout=httpx.Timeout(10.0))
    # Each batch's recent events, for followers who resume (a Redis stream per batch when Redis is configured).
    history = BatchHistory(
        create_log(
            settings.redis_url,
            prefix=f"{settings.redis_namespace}:progress:",
            client_name=f"{settings.redis_namespace}-progress-log",
        )
    )
    # Each user's recent myEvents events, numbered (userSeq), for followers who resume.
    user_history = UserHistory(
        create_log(
            settings.redis_url,
            prefix=f"{settings.redis_namespace}:myevents:",
            client_name=f"{settings.redis_namespace}-myevents-log",
            first_number=restart_safe_first_number(),
        )
    )
    # The values last sent (queue positions, balances), shared by every process when Redis is configured.
    latest = create_latest(
        settings.redis_url,
        prefix=f"{settings.redis_namespace}:latest:",
        client_name=f"{settings.redis_namespace}-latest",
    )
    publisher = ProgressPublisher(
        bus,
        history=history,
        user_history=user_history,
        latest=latest,
        item_concurrency=settings.batch_item_concurrency,
    )
    try:
        yield bus, publisher, storage_for(settings), http
    finally:
        await http.aclose()
        await publisher.close()
        await bus.close()


def reconciler_for(settings: Settings, queue: JobQueue, publisher: ProgressPublisher) -> Reconciler:
    """The process's reconciler (every API and worker process runs one)."""
    return Reconciler(
        queue,
        publisher,
        interval_s=settings.reconcile_interval_seconds,
        lease_s=settings.batch_lease_seconds,
        max_handbacks=settings.reconcile_max_handbacks,
    )


def job_kinds(settings: Settings) -> tuple[JobKind, ...]:
    """Every kind of background job, as the domains declare them in their ``tasks.py`` (with the settings that size
    them)."""
    return (
        RUN_BATCH,
        dataclasses.replace(DELIVER_WEBHOOK, concurrency=settings.webhooks_concurrency),
        STORAGE_RETENTION,
        FOLLOW_BATCH,
        ACCOUNT_EXPORT,
    )


def webhook_client(settings: Settings) -> httpx.AsyncClient:
    """Outbound HTTP for webhook deliveries: no proxies from the environment, no redirects, bounded connections."""
    return httpx.AsyncClient(
        trust_env=False,
        follow_redirects=False,
        timeout=httpx.Timeout(settings.webhooks_timeout_seconds),
        limits=httpx.Limits(max_connections=settings.webhooks_concurrency * 2),
    )


def observe_webhooks(publisher: ProgressPublisher, settings: Settings) -> WebhookRecorder:
    """Webhook events derived from batch progress and balances: the recorder, told by the publisher (its
    ``queue`` is set once the process has one)."""
    recorder = WebhookRecorder(follow_after_s=settings.webhooks_follow_seconds)
    publisher.batch_observers.append(recorder.on_batch_progress)
    publisher.balance_observers.append(recorder.on_balance)
    return recorder


@contextlib.asynccontextmanager
async def job_handlers(
    settings: Settings,
    *,
    storage: Storage,
    publisher: ProgressPublisher,
    http: httpx.AsyncClient,
    recorder: WebhookRecorder,
    outage: Outage | None = None,
) -> AsyncIterator[dict[JobKind, JobHandler]]:
    """The handler of every kind in `job_kinds`, for a process that runs jobs (the embedded API, the worker)."""
    run_batch, deliver_webhook, retention, follow_batch, account_export = job_kinds(settings)

    async def follow(batch_id: uuid.UUID) -> None:
        await recorder.follow(batch_id)

    async with (
        batch_runner(settings, storage=storage, publisher=publisher, http=http, outage=outage) as runner,
        webhook_client(settings) as webhook_http,
    ):
        yield {
            run_batch: runner,
            deliver_webhook: Deliverer(settings, webhook_http),
            retention: Retention(settings, storage),
            follow_batch: follow,
            account_export: AccountExporter(settings, storage, publisher, recorder),
        }


def saq_settings(settings: Settings) -> SaqSettings:
    """The SAQ settings of this deployment, the same in the API and the workers: a job carries the heartbeat of the
    process that enqueued it, and the sweep judges it by that (an API-queued job on SAQ's default heartbeat would be
    swept after 5 s whatever ``WORKER_DEAD_AFTER_SECONDS`` says)."""
    return SaqSettings(heartbeat_s=settings.worker_dead_after_seconds, shutdown_grace_s=settings.shutdown_grace_seconds)


@contextlib.asynccontextmanager
async def build_runtime(settings: Settings) -> AsyncIterator[Runtime]:
    """The API's runtime. Embedded (no ``REDIS_URL``): jobs of every kind run in this process. With Redis: SAQ
    workers run them and the API only enqueues, through the outbox, whose drainer runs here. Needs the ORM
    initialised by the caller.
    """
    outage = Outage("Redis")
    async with _shared(settings, outage) as (bus, publisher, storage, http), contextlib.AsyncExitStack() as stack:
        recorder = observe_webhooks(publisher, settings)
        queue: Jobs
        if settings.redis_url:
            queue = saq_queues(
                settings.redis_url,
                job_kinds(settings),
                namespace=settings.redis_namespace,
                concurrency=settings.worker_concurrency,
                settings=saq_settings(settings),
                outage=outage,
            )
        else:
            handlers = await stack.enter_async_context(
                job_handlers(
                    settings, storage=storage, publisher=publisher, http=http, recorder=recorder, outage=outage
                )
            )
            queue = in_process_queues(handlers, concurrency=settings.worker_concurrency)
        await queue.start()
        outbox = Outbox(queue, outage=outage, sweep_interval_s=settings.outbox_sweep_seconds)
        recorder.queue = outbox
        await outbox.start()
        reconciler = reconciler_for(settings, outbox, publisher)
        await reconciler.start()
        try:
            yield Runtime(
                settings=settings,
                bus=bus,
                outbox=outbox,
                storage=storage,
                publisher=publisher,
                http=http,
                redis_outage=outage,
                reconciler=reconciler,
                webhooks=recorder,
            )
        finally:
            # Embedded, a running batch gets the same grace as in a worker (with Redis nothing runs here to wait for).
            await queue.drain(settings.shutdown_grace_seconds)
            await reconciler.close()
            await recorder.close()  # what the batches told it is recorded before the queues stop
            await outbox.close()
            await queue.close()


@contextlib.asynccontextmanager
async def worker_queues(
    settings: Settings, outage: Outage, *, concurrency: int, saq_settings: SaqSettings
) -> AsyncIterator[list[SaqQueue]]:
    """For ``playground worker``: a SAQ queue with its worker per job kind, each handler with everything it needs
    (the ORM is the caller's). ``outage`` is the worker's view of Redis, shared with its queues."""
    assert settings.redis_url is not None
    async with _shared(settings, outage) as (_, publisher, storage, http), contextlib.AsyncExitStack() as stack:
        recorder = observe_webhooks(publisher, settings)
        stack.push_async_callback(recorder.close)
        handlers = await stack.enter_async_context(
            job_handlers(settings, storage=storage, publisher=publisher, http=http, recorder=recorder, outage=outage)
        )
        queues = {
            kind: saq_queue(
                settings.redis_url,
                kind,
                handler,
                namespace=settings.redis_namespace,
                concurrency=concurrency,
                settings=saq_settings,
                outage=outage,
            )
            for kind, handler in handlers.items()
        }
        # Events of the batches this worker runs are handed to the delivery queue at once (no drainer runs here:
        # what the queue cannot take stays in the outbox for the API's drainers).
        recorder.queue = Outbox(Jobs(queues), outage=outage)
        # Every worker also looks for open batches nobody works on (what it hands back waits in the outbox while
        # Redis is away, for the API's drainers).
        reconciler = reconciler_for(settings, recorder.queue, publisher)
        await reconciler.start()
        try:
            yield list(queues.values())
        finally:
            await reconciler.close()
