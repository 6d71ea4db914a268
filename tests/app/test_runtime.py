"""The API's runtime with Redis: what it enqueues carries this deployment's queue settings, as the workers' jobs do."""

from __future__ import annotations

import uuid

from redis.asyncio import Redis
from starlette.applications import Starlette

from app.runtime import build_runtime
from services.core.config import Settings
from services.generation.tasks import RUN_BATCH
from services.infra.jobs import SaqQueue
from services.infra.jobs.outbox import Outbox
from tests.services.infra.jobs_support import REDIS_URL, delete_matching, unique_name


async def test_a_job_the_api_queues_carries_the_workers_heartbeat(app: Starlette, settings: Settings) -> None:
    # The sweep judges a running job by the heartbeat stored with it: an API-queued batch on SAQ's default (5 s)
    # would be swept after 5 s of silence whatever WORKER_DEAD_AFTER_SECONDS says.
    namespace = unique_name("runtime")
    api_settings = settings.model_copy(
        update={"redis_url": REDIS_URL, "redis_namespace": namespace, "worker_dead_after_seconds": 17}
    )
    batch_id = uuid.uuid4()
    try:
        async with build_runtime(api_settings) as runtime:
            outbox = runtime.outbox
            assert isinstance(outbox, Outbox)
            jobs = outbox.queue
            await jobs.enqueue(RUN_BATCH, batch_id)
            queue = jobs.queue(RUN_BATCH)
            assert isinstance(queue, SaqQueue)
            job = await queue.queue.job(str(batch_id))
        assert job is not None
        assert job.heartbeat == 17
    finally:
        redis = Redis.from_url(REDIS_URL)
        await delete_matching(redis, f"saq:{namespace}*", f"saq:job:{namespace}*", f"{namespace}*")
        await redis.aclose()
