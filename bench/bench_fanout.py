"""Progress-bus fan-out benchmark.

For N subscribers on one channel in this process, measures publish-to-receive latency (p50/p99) and deliveries/s
through (a) ``RedisBus`` (one pub/sub connection, in-memory fan-out), (b) ``InProcessBus`` (the same queues, no
Redis) and (c) a baseline in the same run: plain ``asyncio.Queue`` fan-out of the same events. Then the memory of
an idle subscription (with the task waiting on it), by tracemalloc.

Events go in lock step: the next one is published when every subscriber has the previous one, so latency is the
fan-out itself, not a backlog, and no queue overflows. The measuring functions take any ``EventBus``; the GraphQL /
WebSocket end-to-end variant can reuse them. Run: `python bench/bench_fanout.py [--quick] [--redis-url URL]`.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import sys
import time
import tracemalloc
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from redis.asyncio import Redis

from services.events import EventBus, InProcessBus, RedisBus

DEFAULT_REDIS_URL = os.environ.get("PLAYGROUND_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")

Closer = Callable[[], Awaitable[None]]
IdleOpener = Callable[[int], Awaitable[Closer]]


@dataclass
class FanoutResult:
    """One fan-out run: latencies are publish-to-receive per delivery, in seconds."""

    label: str
    subscribers: int
    events: int
    deliveries: int
    seconds: float
    latencies: list[float]

    @property
    def per_second(self) -> float:
        return self.deliveries / self.seconds if self.seconds else float("inf")

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    def row(self) -> str:
        return (
            f"  {self.label:<14} N={self.subscribers:>5}  deliveries={self.deliveries:>7}  "
            f"p50={self.percentile(0.50) * 1e3:8.3f} ms  p99={self.percentile(0.99) * 1e3:8.3f} ms  "
            f"{self.per_second:>11,.0f} deliveries/s"
        )


class _Lockstep:
    """Counts deliveries of the current event; the publisher waits for all of them before the next."""

    def __init__(self, subscribers: int) -> None:
        self.subscribers = subscribers
        self.received = 0
        self.all_received = asyncio.Event()
        self.latencies: list[float] = []

    def record(self, sent_ns: int) -> None:
        self.latencies.append((time.perf_counter_ns() - sent_ns) / 1e9)
        self.received += 1
        if self.received == self.subscribers:
            self.all_received.set()

    def next_round(self) -> None:
        self.received = 0
        self.all_received.clear()


def make_event(seq: int, *, terminal: bool) -> dict[str, Any]:
    """A progress snapshot of realistic size, stamped with its send time."""
    return {
        "type": "batch.progress",
        "batchId": "0b7c2f4e-1111-4c3b-9a57-5d2e3f1a2b3c",
        "seq": seq,
        "status": "COMPLETED" if terminal else "RUNNING",
        "completed": seq,
        "total": 4,
        "terminal": terminal,
        "sentNs": time.perf_counter_ns(),
    }


async def measure_bus_fanout(
    bus: EventBus, *, subscribers: int, events: int, label: str, channel: str = "batch:bench"
) -> FanoutResult:
    """N tasks subscribed to one channel of ``bus``; ``events`` events published in lock step."""
    lockstep = _Lockstep(subscribers)
    ready = 0
    all_ready = asyncio.Event()

    async def consume() -> None:
        nonlocal ready
        async with bus.subscribe(channel, queue_size=events + 1) as sub:
            ready += 1
            if ready == subscribers:
                all_ready.set()
            async for item in sub:
                if not isinstance(item, dict):
                    raise RuntimeError("RESYNC during the benchmark: the bus lost its connection")
                lockstep.record(item["sentNs"])
                if item["terminal"]:
                    return

    async def publish() -> float:
        await all_ready.wait()
        started = time.perf_counter()
        for seq in range(1, events + 1):
            lockstep.next_round()
            await bus.publish(channel, make_event(seq, terminal=seq == events))
            await lockstep.all_received.wait()
        return time.perf_counter() - started

    async with asyncio.TaskGroup() as group:
        for _ in range(subscribers):
            group.create_task(consume())
        publisher = group.create_task(publish())
    return FanoutResult(label, subscribers, events, len(lockstep.latencies), publisher.result(), lockstep.latencies)


async def measure_queue_fanout(*, subscribers: int, events: int, label: str = "asyncio.Queue") -> FanoutResult:
    """Baseline: the same events, JSON round-tripped once (as the bus does) and put into N plain queues."""
    lockstep = _Lockstep(subscribers)
    queues: list[asyncio.Queue[dict[str, Any]]] = [asyncio.Queue() for _ in range(subscribers)]

    async def consume(queue: asyncio.Queue[dict[str, Any]]) -> None:
        while True:
            item = await queue.get()
            lockstep.record(item["sentNs"])
            if item["terminal"]:
                return

    async def publish() -> float:
        await asyncio.sleep(0)  # let every consumer reach its first get()
        started = time.perf_counter()
        for seq in range(1, events + 1):
            lockstep.next_round()
            event = json.loads(json.dumps(make_event(seq, terminal=seq == events)))
            for queue in queues:
                queue.put_nowait(event)
            await lockstep.all_received.wait()
        return time.perf_counter() - started

    async with asyncio.TaskGroup() as group:
        for queue in queues:
            group.create_task(consume(queue))
        publisher = group.create_task(publish())
    return FanoutResult(label, subscribers, events, len(lockstep.latencies), publisher.result(), lockstep.latencies)


async def measure_idle_memory(open_idle: IdleOpener, count: int) -> float:
    """Bytes per idle subscription: ``open_idle(count)`` opens them (each with a waiting task), returns a closer."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        close = await open_idle(count)
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    await close()
    return (after - before) / count


def idle_bus_subscriptions(bus: EventBus, channel: str) -> IdleOpener:
    async def open_idle(count: int) -> Closer:
        entered = asyncio.Event()
        opened = 0

        async def idle() -> None:
            nonlocal opened
            async with bus.subscribe(channel) as sub:
                opened += 1
                if opened == count:
                    entered.set()
                async for _ in sub:
                    pass

        tasks = [asyncio.create_task(idle()) for _ in range(count)]
        await entered.wait()

        async def close() -> None:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        return close

    return open_idle


async def idle_queues(count: int) -> Closer:
    queues: list[asyncio.Queue[dict[str, Any]]] = [asyncio.Queue() for _ in range(count)]
    tasks = [asyncio.create_task(queue.get()) for queue in queues]
    await asyncio.sleep(0)  # let every task reach its get()

    async def close() -> None:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    return close


async def machine_figures(redis_url: str) -> dict[str, str]:
    client = Redis.from_url(redis_url)
    try:
        info = await client.info("server")
    finally:
        await client.aclose()
    return {
        "cores": str(os.cpu_count()),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "redis": str(info.get("redis_version")),
        "event loop": type(asyncio.get_running_loop()).__name__,
    }


async def main(quick: bool, redis_url: str) -> None:
    sizes = [100, 500] if quick else [1_000, 5_000]
    events = 10 if quick else 30
    idle_count = 500 if quick else 2_000
    for key, value in (await machine_figures(redis_url)).items():
        print(f"{key:>10}: {value}")
    print(f"lock-step fan-out, {events} events of ~{len(json.dumps(make_event(1, terminal=False)))} bytes JSON\n")

    tag = uuid.uuid4().hex[:8]
    redis_bus = RedisBus(redis_url, channel_prefix=f"bench-{tag}:", client_name=f"bench-fanout-{tag}")
    await redis_bus.start()
    memory_bus = InProcessBus()
    await memory_bus.start()
    try:
        # Warm-up, discarded: the publisher's connection is opened lazily by the first PUBLISH.
        await measure_bus_fanout(redis_bus, subscribers=10, events=3, label="warm-up")
        await measure_bus_fanout(memory_bus, subscribers=10, events=3, label="warm-up")
        await measure_queue_fanout(subscribers=10, events=3)
        for n in sizes:
            redis = await measure_bus_fanout(redis_bus, subscribers=n, events=events, label="RedisBus")
            memory = await measure_bus_fanout(memory_bus, subscribers=n, events=events, label="InProcessBus")
            baseline = await measure_queue_fanout(subscribers=n, events=events)
            for result in (redis, memory, baseline):
                print(result.row())
            print(
                f"  ratios vs asyncio.Queue: RedisBus p50 x{redis.percentile(0.5) / baseline.percentile(0.5):.2f}, "
                f"p99 x{redis.percentile(0.99) / baseline.percentile(0.99):.2f}, "
                f"throughput x{redis.per_second / baseline.per_second:.2f}; "
                f"InProcessBus throughput x{memory.per_second / baseline.per_second:.2f}"
            )
            assert redis.deliveries == memory.deliveries == baseline.deliveries == n * events
            print()

        print(f"memory per idle subscription (with its waiting task), {idle_count} subscriptions, tracemalloc:")
        redis_bytes = await measure_idle_memory(idle_bus_subscriptions(redis_bus, "batch:idle"), idle_count)
        memory_bytes = await measure_idle_memory(idle_bus_subscriptions(memory_bus, "batch:idle"), idle_count)
        queue_bytes = await measure_idle_memory(idle_queues, idle_count)
        print(f"  RedisBus       {redis_bytes:8,.0f} B")
        print(f"  InProcessBus   {memory_bytes:8,.0f} B")
        print(f"  asyncio.Queue  {queue_bytes:8,.0f} B   (ratio RedisBus/Queue x{redis_bytes / queue_bytes:.2f})")
        print(f"\nRedisBus: reconnects={redis_bus.reconnects} publish_failures={redis_bus.publish_failures}")
    finally:
        await memory_bus.close()
        await redis_bus.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small N, for a smoke run")
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.quick, arguments.redis_url))
