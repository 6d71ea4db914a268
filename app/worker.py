"""The worker process (``playground worker``): runs batches from the Redis queue with SAQ.

It builds what the batch loop needs (provider, storage, bus publisher, account limits) once, runs any number of
batches at a time, and stops cleanly on SIGTERM/SIGINT (running jobs go back to the queue for another worker).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator

from tortoise import Tortoise

from app.runtime import worker_handler
from services.core import db
from services.core.config import Settings
from services.infra.jobs import run_worker

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
    async with database(settings):
        await run_worker(
            settings.redis_url,
            concurrency=concurrency or settings.worker_concurrency,
            handler_factory=lambda: worker_handler(settings),
            name=settings.redis_namespace,
        )
