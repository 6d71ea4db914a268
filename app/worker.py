"""The worker process (``playground worker``): runs batches from the Redis queue with SAQ.

It builds what the batch loop needs (provider, storage, bus publisher, account limits) once, runs any number of
batches at a time, serves its metrics on ``WORKER_METRICS_PORT``, and stops cleanly on SIGTERM/SIGINT: running batches
get ``SHUTDOWN_GRACE_SECONDS`` to finish, then go back to the queue for another worker.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from tortoise import Tortoise

from app import tracing
from app.metrics import worker_metrics_server
from app.runtime import saq_settings, worker_queues
from services.core import db
from services.core.config import Settings
from services.infra.jobs import run_workers
from services.infra.outage import Outage

log = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def database(settings: Settings) -> AsyncIterator[None]:
    """The ORM for a process outside the API (worker, CLI commands); the embedded SQLite database is migrated first."""
    url = settings.resolved_database_url
    if settings.is_sqlite:
        await db.migrate(url)
    await Tortoise.init(config=db.tortoise_config(url), _enable_global_fallback=True)
    try:
        yield
    finally:
        await db.close()


async def run(settings: Settings, *, concurrency: int | None = None) -> None:
    """Run batches from the queue until SIGTERM/SIGINT; needs ``REDIS_URL``."""
    if not settings.redis_url:
        raise ValueError("the worker needs REDIS_URL (without it, `playground serve` runs batches itself)")
    tracing.configure_tracing("playground-worker")
    outage = Outage("Redis")  # one per process: the queue, the bus and the limiter report to it
    with worker_metrics_server(settings.worker_metrics_port):
        try:
            async with database(settings):
                await run_workers(
                    lambda: worker_queues(
                        settings,
                        outage,
                        concurrency=concurrency or settings.worker_concurrency,
                        saq_settings=saq_settings(settings),
                    )
                )
        finally:
            await asyncio.to_thread(tracing.flush_tracing)
