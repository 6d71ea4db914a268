"""Helpers for the queue and provider-limit tests: Redis namespaces, bounded polling, worker subprocesses."""

from __future__ import annotations

import asyncio
import signal
import sys
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from redis.asyncio import Redis

from tests.conftest import TEST_REDIS_URL

ROOT = Path(__file__).resolve().parents[4]
REDIS_URL = TEST_REDIS_URL


T = TypeVar("T")


async def done(call: Awaitable[T] | T) -> T:
    """Await a redis-py list/set command: its stubs type them ``Awaitable[T] | T`` (sync and async share them)."""
    if isinstance(call, Awaitable):
        result: T = await call
        return result
    return call


def unique_name(kind: str) -> str:
    return f"test-{kind}-{uuid.uuid4().hex[:10]}"


async def eventually(
    condition: Callable[[], Awaitable[bool]], *, within: float = 10.0, interval: float = 0.05, what: str = ""
) -> None:
    """Poll ``condition`` until it holds; fail after ``within`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not await condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out after {within} s waiting for {what or condition}")
        await asyncio.sleep(interval)  # polling a condition, not a fixed wait


async def delete_matching(redis: Redis, *patterns: str) -> None:
    for pattern in patterns:
        keys = [key async for key in redis.scan_iter(match=pattern, count=500)]
        if keys:
            await redis.delete(*keys)


class ChildProcess:
    """A Python module run as a subprocess from the project root."""

    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc

    @classmethod
    async def start(cls, module: str, *args: str) -> ChildProcess:
        proc = await asyncio.create_subprocess_exec(sys.executable, "-m", module, *args, cwd=ROOT)
        return cls(proc)

    @property
    def pid(self) -> int:
        return self.proc.pid

    async def kill(self) -> None:
        """SIGKILL: no cleanup runs in the child."""
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGKILL)
        await self.proc.wait()

    async def terminate(self, grace: float = 15.0) -> int:
        """SIGTERM and wait; SIGKILL if it does not exit in time. Returns the exit code."""
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.proc.wait(), grace)
            except TimeoutError:
                await self.kill()
        return self.proc.returncode if self.proc.returncode is not None else -1
