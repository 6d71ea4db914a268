"""A queue worker for the tests.

Run as ``python -m tests.services.infra.jobs_support.worker_program QUEUE NAMESPACE [CONCURRENCY]``.

It runs `services.infra.jobs.run_worker` with production settings. Its handler records each start
(``RPUSH {ns}:started:{batch} pid``), blocks while ``{ns}:gate:{batch}`` exists, records a CancelledError
(``RPUSH {ns}:cancelled:{batch} pid``) and, when it finishes, ``RPUSH {ns}:done:{batch} pid``. ``{ns}:ready:{pid}``
is set once the worker started, ``{ns}:stopped`` gets the pid after the handler factory was left.
"""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from redis.asyncio import Redis

from services.infra.jobs import JobHandler, run_worker
from tests.services.infra.jobs_support import REDIS_URL, done


async def main(queue: str, ns: str, concurrency: int) -> None:
    pid = os.getpid()
    redis = Redis.from_url(REDIS_URL)

    async def handler(batch_id: uuid.UUID) -> None:
        await done(redis.rpush(f"{ns}:started:{batch_id}", pid))
        try:
            while await done(redis.exists(f"{ns}:gate:{batch_id}")):  # noqa: ASYNC110 - the condition lives in Redis
                await asyncio.sleep(0.05)  # waiting on the test's gate key
        except asyncio.CancelledError:
            await done(redis.rpush(f"{ns}:cancelled:{batch_id}", pid))
            raise
        await done(redis.rpush(f"{ns}:done:{batch_id}", pid))

    @asynccontextmanager
    async def handler_factory() -> AsyncIterator[JobHandler]:
        await redis.set(f"{ns}:ready:{pid}", 1)
        try:
            yield handler
        finally:
            await done(redis.rpush(f"{ns}:stopped", pid))

    try:
        await run_worker(REDIS_URL, concurrency=concurrency, handler_factory=handler_factory, name=queue)
    finally:
        await redis.aclose()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 2))
