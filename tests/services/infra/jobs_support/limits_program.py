"""Provider-limit holders in their own process.

Run as ``python -m tests.services.infra.jobs_support.limits_program CONFIG_JSON``.

CONFIG: ``prefix``, ``ns``, ``mode`` and the limiter settings (``concurrent_tasks``, ``images_per_minute``,
``per_user_concurrency``, ``window_s``, ``lease_ttl_s``).

- ``hold``: ``holders`` coroutines (users ``users[i % len(users)]``) wait for ``{ns}:go``, then each takes a slot,
  counts itself in flight (``{ns}:inflight``, ``{ns}:inflight:{user}``, peaks under ``:max``), works ``hold_s``,
  and pushes its pid to ``{ns}:done``.
- ``crash``: takes one slot, sets ``{ns}:holding`` to its pid and waits to be killed.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from typing import Any

from redis.asyncio import Redis

from services.infra.limits import RedisProviderLimiter
from tests.services.infra.jobs_support import REDIS_URL, done

COUNT_IN = """
local v = redis.call('INCR', KEYS[1])
if v > tonumber(redis.call('GET', KEYS[2]) or '0') then redis.call('SET', KEYS[2], v) end
return v
"""


async def main(config: dict[str, Any]) -> None:
    redis = Redis.from_url(REDIS_URL)
    ns = config["ns"]
    limiter = RedisProviderLimiter(
        redis,
        key_prefix=config["prefix"],
        concurrent_tasks=config["concurrent_tasks"],
        images_per_minute=config["images_per_minute"],
        per_user_concurrency=config["per_user_concurrency"],
        window_s=config["window_s"],
        lease_ttl_s=config["lease_ttl_s"],
    )
    count_in = redis.register_script(COUNT_IN)
    pid = os.getpid()
    try:
        if config["mode"] == "crash":
            async with limiter.slot("crasher", 1):
                await redis.set(f"{ns}:holding", pid)
                await asyncio.Event().wait()  # until SIGKILL
            return

        await done(redis.rpush(f"{ns}:ready", pid))
        while not await done(redis.exists(f"{ns}:go")):  # noqa: ASYNC110 - the condition lives in Redis
            await asyncio.sleep(0.01)  # waiting for the test's start signal

        async def holder(i: int) -> None:
            user = config["users"][i % len(config["users"])]
            async with limiter.slot(user, 1):
                await count_in(keys=[f"{ns}:inflight", f"{ns}:inflight:max"])
                await count_in(keys=[f"{ns}:inflight:{user}", f"{ns}:inflight:{user}:max"])
                await asyncio.sleep(config["hold_s"])  # the provider call's duration
                await redis.decr(f"{ns}:inflight:{user}")
                await redis.decr(f"{ns}:inflight")
            await done(redis.rpush(f"{ns}:done", pid))

        await asyncio.gather(*(holder(i) for i in range(config["holders"])))
    finally:
        await limiter.close()
        await redis.aclose()


if __name__ == "__main__":
    asyncio.run(main(json.loads(sys.argv[1])))
