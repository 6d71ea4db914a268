"""Progress-bus fan-out benchmark, in process and end to end through GraphQL subscriptions.

Part 1 (bus): for N subscribers on one channel in this process, measures publish-to-receive latency (p50/p99) and
deliveries/s through (a) ``RedisBus`` (one pub/sub connection, in-memory fan-out), (b) ``InProcessBus`` (the same
queues, no Redis) and (c) a baseline in the same run: plain ``asyncio.Queue`` fan-out of the same events. Then the
memory of an idle subscription (with the task waiting on it), by tracemalloc.

Part 2 (websocket): N WebSocket clients (graphql-transport-ws, token in ``connection_init``) subscribed to
``batchProgress(batchJobId)`` of one running batch on the product app served by uvicorn on a loopback port, events
published through the app's own ``ProgressPublisher.publish`` (a benchmark-only route of this script's server
launcher); against a bare Starlette WebSocket broadcast of an event of the same fields to the same number of
sockets, measured in the same run. Reports p50/p99, deliveries/s, server CPU per delivery, connect rate, server RSS
per idle socket and (full run) the server's CPU while every subscription sits idle. Server, clients and this
orchestrator are separate processes.

Events go in lock step: the next one is published when every subscriber has the previous one, so latency is the
fan-out itself, not a backlog, and no queue overflows. Run:
`python bench/bench_fanout.py [--quick] [--part bus|websocket|all] [--redis-url URL] [--sockets 1000,5000]`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import logging
import os
import platform
import sys
import time
import tracemalloc
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx
from redis.asyncio import Redis

from services.infra.bus import EventBus, InProcessBus, RedisBus
from services.seedream.simulator.server import free_port

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


async def bus_main(quick: bool, redis_url: str) -> None:
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


# --- GraphQL subscriptions over WebSocket, end to end ------------------------------------------------------------
#
# Three kinds of process: this one orchestrates; a server process serves either the product app (create_app, the
# embedded default: SQLite, in-process bus) plus a benchmark-only trigger route, or a bare Starlette WebSocket
# broadcast; client processes hold the sockets (websockets' asyncio client, no permessage-deflate offered). The
# orchestrator asks the server to publish one event, waits until every client process reports that all its sockets
# have it, then publishes the next (lock step, as above). Latency is the event's own timestamp (``at``: stamped by
# the product's snapshot right before the bus publish; by the bare server right before its send loop) to the
# client's receive, on the same machine's clock.

BENCH_SECRET = "bench-fanout-secret-" + "x" * 40
BENCH_SUBJECT = "bench-fanout"
SUBSCRIPTION = """
subscription Progress($id: ID!) {
  batchProgress(batchJobId: $id) {
    batchJobId seq status terminal total completed failed cancelled fraction queuePosition etaSeconds
    image { imageEditId batchIndex url width height }
    creditsHeld at
  }
}
"""
SCRIPT = Path(__file__).resolve()
CONNECT_CONCURRENCY = 50  # handshakes in flight per client process
PHASE_TIMEOUT_S = 600.0  # any one phase (connecting N sockets, one event's fan-out, closing) ends by then


def raise_nofile(wanted: int) -> None:
    """Raise this process's open-file limit towards ``wanted`` (up to the hard limit)."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def _uvicorn_server(app: Any, port: int) -> Any:
    import uvicorn

    # As `playground serve` runs it (ws "auto", uvicorn pings every 20 s), with a backlog for thousands of connects.
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        ws_ping_interval=20,
        ws_ping_timeout=20,
        backlog=8192,
        timeout_graceful_shutdown=5,
    )
    return uvicorn.Server(config)


async def _serve_until_stopped(app: Any, port: int) -> None:
    server = _uvicorn_server(app, port)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
            return
        await asyncio.sleep(0.01)  # polling uvicorn's flag: it has no event for "started"
    print("ready", flush=True)
    await task


def graphql_server_app(var_dir: Path) -> Any:
    """The product app (embedded default) behind a benchmark-only ``/bench/*`` route that creates the batch and
    publishes its progress through the app's own runtime."""
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route, Router

    from app.api import create_app
    from models import BatchJob, BatchStatus, GenerationMode
    from models.jobs import JobOutbox
    from services import projects, users
    from services.core.auth import issue_token
    from services.core.config import Settings
    from services.generation.plan import SubmitRequest
    from services.generation.submit import submit
    from services.infra.jobs import JobKind

    # Every socket is the same user here: lift the per-user caps and the operations budget above what is measured.
    settings = Settings(
        var_dir=var_dir,
        jwt_secret=BENCH_SECRET,
        simulator_latency_seconds=0.0,
        ws_max_sockets_per_user=1_000_000,
        ws_max_subscriptions_per_user=1_000_000,
        rate_limit_operations="off",
    )
    product = create_app(settings)

    class NoQueue:
        """Accepts the batch and never runs it: the benchmark publishes its progress by hand."""

        async def start(self) -> None: ...

        async def close(self) -> None: ...

        async def enqueue(self, kind: JobKind, key: uuid.UUID) -> None: ...

        async def abort(self, kind: JobKind, key: uuid.UUID) -> None: ...

        async def status(self, kind: JobKind, key: uuid.UUID) -> str | None:
            return None

        async def queued_count(self) -> int:
            return 0

        async def healthy(self) -> bool:
            return True

    async def setup(_: Request) -> JSONResponse:
        runtime = product.state.services
        user = await users.get_or_create_by_subject(BENCH_SUBJECT, settings.signup_credits)
        project = await projects.create(user.id, projects.ProjectChanges(name="fan-out"))
        request = SubmitRequest(
            project_id=str(project.id), mode=GenerationMode.TEXT_TO_IMAGE, prompts=["fan-out"], count=4
        )
        submitted = await submit(
            user,
            request,
            settings=settings,
            storage=runtime.storage,
            http=runtime.http,
            queue=NoQueue(),
            publisher=runtime.publisher,
        )
        batch_id = submitted.batch.id
        # NoQueue took nothing, so the batch's outbox row stays and the app's drainer would hand it to the real
        # queue, which would run it to its end mid-measurement: this batch is never to run.
        await JobOutbox.filter(key=batch_id).delete()
        # Progress of a running batch, leased for the whole run as a live runner's would be: without a lease, the
        # reconciler hands a RUNNING batch nobody works on back to the queue after its grace (15 s), which ran it to
        # its end and completed every subscription right after the idle window.
        await BatchJob.filter(id=batch_id).update(
            status=BatchStatus.RUNNING,
            lease_owner="bench:fan-out",
            lease_until=datetime.now(UTC) + timedelta(hours=6),
        )
        token = issue_token(settings, BENCH_SUBJECT, ttl_seconds=6 * 3600)
        return JSONResponse({"batchId": str(batch_id), "token": token})

    async def publish(request: Request) -> JSONResponse:
        event = await product.state.services.publisher.changed(uuid.UUID(request.query_params["batch"]))
        return JSONResponse({"seq": event.seq, "terminal": event.terminal})

    bench = Router(
        routes=[Route("/bench/setup", setup, methods=["POST"]), Route("/bench/publish", publish, methods=["POST"])]
    )

    async def app(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/bench/"):
            await bench(scope, receive, send)
        else:
            await product(scope, receive, send)  # also the lifespan: the product app's runtime starts and stops

    return app


def bare_event(seq: int) -> dict[str, Any]:
    """What the subscription above selects, as the bare server sends it (same envelope, same fields)."""
    return {
        "id": "1",
        "type": "next",
        "payload": {
            "data": {
                "batchProgress": {
                    "batchJobId": "0b7c2f4e-1111-4c3b-9a57-5d2e3f1a2b3c",
                    "seq": seq,
                    "status": "RUNNING",
                    "terminal": False,
                    "total": 4,
                    "completed": 0,
                    "failed": 0,
                    "cancelled": 0,
                    "fraction": 0.0,
                    "queuePosition": None,
                    "etaSeconds": 20.0,
                    "image": None,
                    "creditsHeld": 4,
                    "at": datetime.now(UTC).isoformat(),
                }
            }
        },
    }


def bare_server_app() -> Any:
    """Baseline: one WebSocket route; ``POST /bench/publish`` sends one JSON text to every connected socket."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route, WebSocketRoute
    from starlette.websockets import WebSocket, WebSocketDisconnect

    sockets: set[WebSocket] = set()
    seq = 0

    async def endpoint(websocket: WebSocket) -> None:
        await websocket.accept()
        sockets.add(websocket)
        try:
            await websocket.send_text('{"type":"connection_ack"}')
            while True:
                await websocket.receive_text()
        except WebSocketDisconnect:
            pass
        finally:
            sockets.discard(websocket)

    async def publish(_: Request) -> JSONResponse:
        nonlocal seq
        seq += 1
        payload = json.dumps(bare_event(seq))
        for websocket in list(sockets):
            with contextlib.suppress(RuntimeError, OSError):  # a socket closing meanwhile
                await websocket.send_text(payload)
        return JSONResponse({"seq": seq, "terminal": False})

    async def setup(_: Request) -> JSONResponse:
        return JSONResponse({"batchId": "", "token": ""})

    return Starlette(
        routes=[
            WebSocketRoute("/graphql", endpoint),
            Route("/bench/publish", publish, methods=["POST"]),
            Route("/bench/setup", setup, methods=["POST"]),
        ]
    )


def serve(kind: str, port: int, var_dir: Path) -> None:
    """Server process entry: serve until SIGTERM."""
    raise_nofile(65_536)
    logging.basicConfig(level=logging.WARNING)
    app = graphql_server_app(var_dir) if kind == "graphql" else bare_server_app()
    asyncio.run(_serve_until_stopped(app, port))


async def client_main(url: str, kind: str, sockets: int, token: str, batch_id: str, out_path: Path) -> None:
    """Client process entry: open ``sockets`` subscriptions, report per event, dump latencies on "close"."""
    from websockets.asyncio.client import ClientConnection, connect
    from websockets.typing import Subprotocol

    raise_nofile(sockets + 1_024)
    gate = asyncio.Semaphore(CONNECT_CONCURRENCY)

    async def open_one() -> ClientConnection:
        async with gate:
            protocols = [Subprotocol("graphql-transport-ws")] if kind == "graphql" else None
            ws = await connect(url, subprotocols=protocols, compression=None, ping_interval=None, open_timeout=120)
            if kind == "graphql":
                await ws.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}))
                _expect_type(await ws.recv(), "connection_ack")
                subscribe = {"query": SUBSCRIPTION, "variables": {"id": batch_id}}
                await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": subscribe}))
                _expect_type(await ws.recv(), "next")  # the stored snapshot: the subscription is live
            else:
                _expect_type(await ws.recv(), "connection_ack")
            return ws

    async with asyncio.timeout(PHASE_TIMEOUT_S):
        connections = await asyncio.gather(*(open_one() for _ in range(sockets)))
    print("ready", flush=True)

    latencies: list[float] = []
    counts: dict[int, int] = {}
    received_bytes = 0

    async def receive(ws: ClientConnection) -> None:
        nonlocal received_bytes
        async for message in ws:
            now = time.time()
            data = json.loads(message)
            if data.get("type") != "next":
                print(f"error unexpected message {message!r:.200}", flush=True)
                return
            event = data["payload"]["data"]["batchProgress"]
            latencies.append(now - datetime.fromisoformat(event["at"]).timestamp())
            received_bytes += len(message)
            seq = int(event["seq"])
            counts[seq] = counts.get(seq, 0) + 1
            if counts[seq] == sockets:
                print(f"got {seq}", flush=True)

    receivers = [asyncio.create_task(receive(ws)) for ws in connections]
    await asyncio.to_thread(sys.stdin.readline)  # the orchestrator says "close" (or closes our stdin)
    for task in receivers:
        task.cancel()
    await asyncio.gather(*receivers, return_exceptions=True)

    async def close(ws: ClientConnection) -> None:
        async with gate:
            await ws.close()

    async with asyncio.timeout(PHASE_TIMEOUT_S):
        await asyncio.gather(*(close(ws) for ws in connections), return_exceptions=True)
    await asyncio.to_thread(out_path.write_text, json.dumps({"latencies": latencies, "bytes": received_bytes}))
    print("closed", flush=True)


def _expect_type(message: str | bytes, wanted: str) -> None:
    kind = json.loads(message).get("type")
    if kind != wanted:
        raise RuntimeError(f"expected {wanted}, got {message!r:.300}")


class Child:
    """A benchmark subprocess that talks in lines on stdout (``ready``, ``got N``, ``closed``, ``error ...``)."""

    def __init__(self, name: str, process: asyncio.subprocess.Process, log_path: Path) -> None:
        self.name = name
        self.process = process
        self.log_path = log_path

    @classmethod
    async def spawn(cls, name: str, log_path: Path, *args: str) -> Child:
        with log_path.open("wb") as log:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                str(SCRIPT),
                *args,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=log,
            )
        return cls(name, process, log_path)

    async def expect(self, wanted: str) -> None:
        assert self.process.stdout is not None
        while True:
            raw = await self.process.stdout.readline()
            if not raw:
                await self.process.wait()
                tail = self.log_path.read_text(errors="replace")[-2_000:]
                raise RuntimeError(f"{self.name} exited ({self.process.returncode}) before {wanted!r}:\n{tail}")
            line = raw.decode().strip()
            if line == wanted:
                return
            if line.startswith("error"):
                raise RuntimeError(f"{self.name}: {line}")

    async def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line.encode() + b"\n")
        await self.process.stdin.drain()

    async def stop(self, *, terminate: bool) -> None:
        if self.process.returncode is None and terminate:
            self.process.terminate()
        try:
            async with asyncio.timeout(30):
                await self.process.wait()
        except TimeoutError:
            self.process.kill()
            await self.process.wait()


def process_stats(pid: int) -> tuple[int, float]:
    """Resident bytes and CPU seconds (user + system) of a process, from /proc."""
    rss = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1]) * 1024
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return rss, (int(fields[11]) + int(fields[12])) / ticks


@dataclass
class WebSocketResult:
    fanout: FanoutResult
    connect_seconds: float
    rss_per_socket: float
    server_cpu_per_delivery: float
    idle_cpu_seconds: float | None
    message_bytes: float


async def _warm_up(url: str, kind: str, setup: dict[str, str], http: httpx.AsyncClient) -> None:
    """One subscription through the whole path and one event, so lazy imports and caches are not counted."""
    from websockets.asyncio.client import connect
    from websockets.typing import Subprotocol

    protocols = [Subprotocol("graphql-transport-ws")] if kind == "graphql" else None
    async with asyncio.timeout(60), connect(url, subprotocols=protocols, compression=None) as ws:
        if kind == "graphql":
            init = {"type": "connection_init", "payload": {"Authorization": f"Bearer {setup['token']}"}}
            await ws.send(json.dumps(init))
            _expect_type(await ws.recv(), "connection_ack")
            subscribe = {"query": SUBSCRIPTION, "variables": {"id": setup["batchId"]}}
            await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": subscribe}))
        _expect_type(await ws.recv(), "next" if kind == "graphql" else "connection_ack")
        (await http.post("/bench/publish", params={"batch": setup["batchId"]})).raise_for_status()
        _expect_type(await ws.recv(), "next")


async def measure_websocket_fanout(
    kind: str, *, sockets: int, events: int, client_processes: int, idle_window: float, work_dir: Path
) -> WebSocketResult:
    """N sockets subscribed to one batch on a fresh server process of ``kind`` (graphql or bare)."""
    port = free_port()
    run_dir = work_dir / f"{kind}-{sockets}"
    run_dir.mkdir()
    server = await Child.spawn(
        f"{kind} server", run_dir / "server.log", "--serve", kind, "--port", str(port), "--var-dir", str(run_dir)
    )
    clients: list[Child] = []
    try:
        async with asyncio.timeout(120):
            await server.expect("ready")
        url = f"ws://127.0.0.1:{port}/graphql"
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", trust_env=False, timeout=120) as http:
            setup: dict[str, str] = (await http.post("/bench/setup")).raise_for_status().json()
            await _warm_up(url, kind, setup, http)
            rss_before, _ = process_stats(server.process.pid)
            started = time.perf_counter()
            shares = [
                sockets // client_processes + (index < sockets % client_processes) for index in range(client_processes)
            ]
            for index, share in enumerate(shares):
                client = await Child.spawn(
                    f"client {index}",
                    run_dir / f"client-{index}.log",
                    "--client",
                    kind,
                    "--url",
                    url,
                    "--sockets",
                    str(share),
                    "--token",
                    setup["token"],
                    "--batch",
                    setup["batchId"],
                    "--out",
                    str(run_dir / f"client-{index}.json"),
                )
                clients.append(client)
            async with asyncio.timeout(PHASE_TIMEOUT_S):
                await asyncio.gather(*(client.expect("ready") for client in clients))
            connect_seconds = time.perf_counter() - started
            rss_after, cpu_idle_start = process_stats(server.process.pid)
            idle_cpu = None
            if idle_window > 0:
                await asyncio.sleep(idle_window)  # an observation window, not synchronisation
                idle_cpu = process_stats(server.process.pid)[1] - cpu_idle_start

            _, cpu_before = process_stats(server.process.pid)
            started = time.perf_counter()
            for _ in range(events):
                reply = (await http.post("/bench/publish", params={"batch": setup["batchId"]})).raise_for_status()
                seq = reply.json()["seq"]
                async with asyncio.timeout(PHASE_TIMEOUT_S):
                    await asyncio.gather(*(client.expect(f"got {seq}") for client in clients))
            seconds = time.perf_counter() - started
            _, cpu_after = process_stats(server.process.pid)

            for client in clients:
                await client.send("close")
            async with asyncio.timeout(PHASE_TIMEOUT_S):
                await asyncio.gather(*(client.expect("closed") for client in clients))
    finally:
        for client in clients:
            await client.stop(terminate=client.process.returncode is None)
        await server.stop(terminate=True)

    latencies: list[float] = []
    received_bytes = 0
    for index in range(client_processes):
        dumped = json.loads((run_dir / f"client-{index}.json").read_text())
        latencies.extend(dumped["latencies"])
        received_bytes += dumped["bytes"]
    label = "GraphQL" if kind == "graphql" else "bare Starlette"
    fanout = FanoutResult(label, sockets, events, len(latencies), seconds, latencies)
    return WebSocketResult(
        fanout=fanout,
        connect_seconds=connect_seconds,
        rss_per_socket=(rss_after - rss_before) / sockets,
        server_cpu_per_delivery=(cpu_after - cpu_before) / max(1, len(latencies)),
        idle_cpu_seconds=idle_cpu,
        message_bytes=received_bytes / max(1, len(latencies)),
    )


REPORT: list[dict[str, Any]] = []
"""What ``--json PATH`` writes: one row per socket count of the WebSocket part (read by ``bench/run_all``)."""


async def websocket_main(
    quick: bool, sizes: list[int] | None, events: int | None, client_processes: int, idle_window: float
) -> None:
    import shutil
    import tempfile

    sizes = sizes or ([200, 1_000] if quick else [1_000, 5_000])
    events = events or (10 if quick else 20)
    raise_nofile(65_536)
    print(
        f"GraphQL subscriptions over WebSocket (graphql-transport-ws, uvicorn on loopback, embedded default: SQLite + "
        f"in-process bus) vs a bare Starlette WebSocket broadcast; {events} events in lock step; clients in "
        f"{client_processes} separate process(es), websockets' asyncio client, no permessage-deflate\n"
    )
    work_dir = Path(tempfile.mkdtemp(prefix="bench-fanout-"))
    try:
        for n in sizes:
            graphql = await measure_websocket_fanout(
                "graphql",
                sockets=n,
                events=events,
                client_processes=client_processes,
                idle_window=idle_window,
                work_dir=work_dir,
            )
            bare = await measure_websocket_fanout(
                "bare",
                sockets=n,
                events=events,
                client_processes=client_processes,
                idle_window=idle_window,
                work_dir=work_dir,
            )
            for result in (graphql, bare):
                print(
                    result.fanout.row()
                    + f"  server CPU {result.server_cpu_per_delivery * 1e6:6.1f} µs/delivery, "
                    + f"{result.message_bytes:.0f} B/msg"
                )
            g, b = graphql.fanout, bare.fanout
            print(
                f"  ratios GraphQL/bare: p50 x{g.percentile(0.5) / b.percentile(0.5):.2f}, "
                f"p99 x{g.percentile(0.99) / b.percentile(0.99):.2f}, throughput x{g.per_second / b.per_second:.2f}, "
                f"server CPU per delivery x{graphql.server_cpu_per_delivery / bare.server_cpu_per_delivery:.2f}"
            )
            print(
                f"  connect (+ init + subscribe + snapshot): GraphQL {n / graphql.connect_seconds:7.0f} sockets/s, "
                f"bare {n / bare.connect_seconds:7.0f} sockets/s"
            )
            print(
                f"  server RSS per idle socket: GraphQL subscription {graphql.rss_per_socket / 1024:6.1f} KiB, "
                f"bare socket {bare.rss_per_socket / 1024:6.1f} KiB "
                f"(x{graphql.rss_per_socket / max(1.0, bare.rss_per_socket):.2f})"
            )
            if graphql.idle_cpu_seconds is not None and bare.idle_cpu_seconds is not None:
                print(
                    f"  server CPU while idle for {idle_window:.0f} s: GraphQL {graphql.idle_cpu_seconds:6.2f} s, "
                    f"bare {bare.idle_cpu_seconds:6.2f} s"
                )
            assert g.deliveries == b.deliveries == n * events, (g.deliveries, b.deliveries)
            REPORT.append(
                {
                    "sockets": n,
                    "events": events,
                    "graphql": {
                        "per_second": g.per_second,
                        "p50_ms": g.percentile(0.5) * 1000,
                        "p99_ms": g.percentile(0.99) * 1000,
                        "cpu_us_per_delivery": graphql.server_cpu_per_delivery * 1e6,
                        "connect_per_second": n / graphql.connect_seconds,
                        "rss_kib_per_socket": graphql.rss_per_socket / 1024,
                        "idle_cpu_seconds": graphql.idle_cpu_seconds,
                    },
                    "bare": {
                        "per_second": b.per_second,
                        "p50_ms": b.percentile(0.5) * 1000,
                        "p99_ms": b.percentile(0.99) * 1000,
                        "cpu_us_per_delivery": bare.server_cpu_per_delivery * 1e6,
                        "connect_per_second": n / bare.connect_seconds,
                        "rss_kib_per_socket": bare.rss_per_socket / 1024,
                        "idle_cpu_seconds": bare.idle_cpu_seconds,
                    },
                    "idle_window": idle_window,
                }
            )
            print()
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small N, for a smoke run")
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL)
    parser.add_argument("--part", choices=["bus", "websocket", "all"], default="all")
    parser.add_argument("--sockets", help="WebSocket client counts, e.g. 1000,5000 (default; quick 200,1000)")
    parser.add_argument("--events", type=int, help="events per WebSocket run (default 20, quick 10)")
    parser.add_argument("--client-processes", type=int, default=2)
    parser.add_argument(
        "--idle-window",
        type=float,
        help="seconds to watch the server's CPU with every socket idle (default 35, quick 0)",
    )
    # Internal: the server and client processes the WebSocket part starts.
    parser.add_argument("--serve", choices=["graphql", "bare"], help=argparse.SUPPRESS)
    parser.add_argument("--client", choices=["graphql", "bare"], help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--var-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help="also write the WebSocket part's figures to this file as JSON")
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--token", default="", help=argparse.SUPPRESS)
    parser.add_argument("--batch", default="", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.serve:
        serve(arguments.serve, arguments.port, arguments.var_dir)
    elif arguments.client:
        asyncio.run(
            client_main(
                arguments.url, arguments.client, int(arguments.sockets), arguments.token, arguments.batch, arguments.out
            )
        )
    else:
        if arguments.part in ("bus", "all"):
            asyncio.run(bus_main(arguments.quick, arguments.redis_url))
        if arguments.part in ("websocket", "all"):
            idle = arguments.idle_window if arguments.idle_window is not None else (0.0 if arguments.quick else 35.0)
            sizes = [int(n) for n in arguments.sockets.split(",")] if arguments.sockets else None
            asyncio.run(websocket_main(arguments.quick, sizes, arguments.events, arguments.client_processes, idle))
        if arguments.json:
            arguments.json.write_text(json.dumps({"websocket": REPORT}, indent=2))
