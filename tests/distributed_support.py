"""Helpers for the multi-process tests (``tests/test_distributed.py``).

The API (``playground serve``) and the workers (``playground worker``) run as real processes on a throwaway
PostgreSQL database and one Redis namespace. The API reaches Redis through `RedisProxy`, a relay in the test process,
so a test can tell the API's connections apart from the workers' (as Redis sees them) and keep the API cut off from
Redis for a while. Clients: GraphQL over HTTP (`Api`, shaped like the ``gql`` fixture so ``tests.generation_support``
works with it) and over WebSocket (`Subscription`, graphql-transport-ws). Waiting is always on a condition with a
bounded deadline; on a timeout the error carries the tail of every process's log.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any, TypeVar

import asyncpg
import httpx
import uvicorn
from redis.asyncio import Redis
from saq.job import Job
from starlette.applications import Starlette
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from services.core.auth import issue_token
from services.core.config import Settings
from services.infra.jobs import SaqQueue
from tests.conftest import TEST_SECRET, Caller, create_pg_database, drop_pg_database
from tests.redis_proxy import RedisProxy
from tests.services.infra.jobs_support import REDIS_URL, delete_matching

ROOT = Path(__file__).resolve().parents[1]
PROTOCOL = "graphql-transport-ws"
SETTING_VARS = frozenset((f.alias or name).upper() for name, f in Settings.model_fields.items())
"""Every environment variable `Settings` reads: none leaks from the test runner's environment into a child."""

T = TypeVar("T")


# --- waiting ---------------------------------------------------------------------------------------------------------


async def poll(
    probe: Callable[[], Awaitable[T | None]],
    *,
    within: float,
    what: str,
    interval: float = 0.05,
    context: Callable[[], str] | None = None,
) -> T:
    """Call ``probe`` until it returns something other than None (or False); fail after ``within`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        value = await probe()
        if value is not None and value is not False:
            return value
        if loop.time() > deadline:
            raise AssertionError(
                f"timed out after {within} s waiting for {what}" + (f"\n{context()}" if context else "")
            )
        await asyncio.sleep(interval)  # polling a condition with a bounded deadline, not a fixed wait


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


# --- processes -------------------------------------------------------------------------------------------------------


def child_env(values: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k.upper() not in SETTING_VARS}
    env["PYTHONPATH"] = str(ROOT)
    env["PYTHONUNBUFFERED"] = "1"
    env.update(values)
    return env


class Process:
    """``python -m app.cli ARGS`` with its output in a log file (never a pipe nobody reads)."""

    def __init__(self, name: str, args: list[str], env: dict[str, str], log_path: Path, cwd: Path) -> None:
        self.name = name
        self.log_path = log_path
        self._log: IO[bytes] | None = log_path.open("wb")
        self.popen = subprocess.Popen(
            [sys.executable, "-m", "app.cli", *args],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    @property
    def pid(self) -> int:
        return self.popen.pid

    @property
    def alive(self) -> bool:
        return self.popen.poll() is None

    def kill(self) -> None:
        """SIGKILL: nothing runs in the child any more (no cleanup, no goodbye to Redis or the database)."""
        if self.alive:
            self.popen.send_signal(signal.SIGKILL)
        self.popen.wait(timeout=10)
        self._close_log()

    async def stop(self, grace: float = 15.0) -> int:
        """SIGTERM, then SIGKILL if it has not exited within ``grace`` seconds. Returns the exit code."""
        try:
            if self.alive:
                self.popen.send_signal(signal.SIGTERM)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    await asyncio.to_thread(self.popen.wait, grace)
            if self.alive:
                self.popen.send_signal(signal.SIGKILL)
            return self.popen.wait(timeout=10)
        finally:
            self._close_log()

    def tail(self, lines: int = 30) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def _close_log(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None


@dataclass
class Worker:
    process: Process
    saq_id: str
    """The SAQ worker id it registered (``saq:<queue>:worker_info:<id>``); jobs name it as ``worker_id``."""


# --- GraphQL clients -------------------------------------------------------------------------------------------------


def make_caller(name: str) -> Caller:
    """A new user (created with SIGNUP_CREDITS on their first request) and a token the API accepts."""
    subject = f"{name}-{uuid.uuid4().hex[:8]}"
    settings = Settings(jwt_secret=TEST_SECRET, jwt_jwks_url=None, jwt_audience=None, jwt_issuer=None)
    return Caller(subject=subject, token=issue_token(settings, subject))


class Api:
    """GraphQL over HTTP against the API process; called like the ``gql`` fixture (``tests.generation_support``)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.http = httpx.AsyncClient(base_url=base_url, timeout=30.0, trust_env=False)

    async def __call__(
        self, query: str, variables: dict[str, Any] | None = None, caller: Caller | None = None
    ) -> dict[str, Any]:
        response = await self.http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=caller.headers if caller else {}
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def ready(self) -> dict[str, Any] | None:
        """``/readyz``'s answer (200 or 503), or None while the API does not answer."""
        try:
            response = await self.http.get("/readyz")
        except httpx.TransportError:
            return None
        if response.status_code not in (200, 503):
            return None
        ready: dict[str, Any] = response.json()
        assert (response.status_code == 200) == (ready["status"] == "ok"), ready
        return ready

    async def component(self, name: str) -> str | None:
        """One component's status in ``/readyz`` (``ok``, ``down``, ``disabled``), or None while the API does not
        answer."""
        state = await self.ready()
        return None if state is None else str(state["components"][name]["status"])

    async def close(self) -> None:
        await self.http.aclose()


PROGRESS = """
subscription($id: ID!) {
  batchProgress(batchJobId: $id) {
    seq status terminal total completed failed creditsHeld creditsCaptured creditsRefunded at
    image { imageEditId batchIndex url width height }
  }
}"""


class Subscription:
    """One WebSocket (graphql-transport-ws, token in ``connection_init``) running one subscription; a background
    reader keeps every message, so a test can wait for a condition on them."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.messages: list[dict[str, Any]] = []
        self.received_at: list[float] = []
        self.closed = False
        self._changed = asyncio.Event()
        self._reader: asyncio.Task[None] | None = None

    @classmethod
    async def open(cls, ws_url: str, caller: Caller, variables: dict[str, Any], query: str = PROGRESS) -> Subscription:
        ws = await connect(ws_url, subprotocols=[PROTOCOL])  # type: ignore[list-item]
        subscription = cls(ws)
        try:
            await ws.send(
                json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {caller.token}"}})
            )
            ack = json.loads(await asyncio.wait_for(ws.recv(), 10))
            assert ack["type"] == "connection_ack", ack
            await ws.send(
                json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query, "variables": variables}})
            )
        except BaseException:
            await ws.close()
            raise
        subscription._reader = asyncio.create_task(subscription._read())
        return subscription

    async def _read(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            async for raw in self.ws:
                message: dict[str, Any] = json.loads(raw)
                if message.get("type") == "ping":
                    await self.ws.send(json.dumps({"type": "pong"}))
                    continue
                self.messages.append(message)
                self.received_at.append(loop.time())
                self._changed.set()
        except ConnectionClosed:
            pass
        finally:
            self.closed = True
            self._changed.set()

    @property
    def events(self) -> list[dict[str, Any]]:
        """The ``batchProgress`` payloads received, in order."""
        return [
            m["payload"]["data"]["batchProgress"]
            for m in self.messages
            if m.get("type") == "next" and (m.get("payload") or {}).get("data")
        ]

    @property
    def image_events(self) -> list[dict[str, Any]]:
        return [e for e in self.events if e["image"] is not None]

    @property
    def completed(self) -> bool:
        return any(m.get("type") == "complete" for m in self.messages)

    @property
    def terminal(self) -> dict[str, Any] | None:
        return next((e for e in self.events if e["terminal"]), None)

    async def wait(self, condition: Callable[[Subscription], bool], *, within: float, what: str) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while True:
            self._changed.clear()
            if condition(self):
                return
            remaining = deadline - loop.time()
            if remaining <= 0 or (self.closed and not condition(self)):
                raise AssertionError(
                    f"{what}: not seen within {within} s; socket closed={self.closed}; {self.messages}"
                )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), remaining)

    async def wait_first_event(self, within: float = 15.0) -> dict[str, Any]:
        await self.wait(lambda s: bool(s.events), within=within, what="the first event")
        return self.events[0]

    async def wait_finished(self, within: float) -> None:
        """Until ``complete`` (or an ``error``) arrives."""
        await self.wait(
            lambda s: any(m.get("type") in ("complete", "error") for m in s.messages), within=within, what="complete"
        )

    async def close(self) -> None:
        await self.ws.close()
        if self._reader is not None:
            await asyncio.wait({self._reader})


# --- the cluster -----------------------------------------------------------------------------------------------------


BASE_WORKER_ENV = {
    "SIMULATOR_LATENCY_SECONDS": "0.2",
    "PROVIDER_RETRY_BASE_SECONDS": "0.05",
    "PROVIDER_RETRY_MAX_SECONDS": "0.2",
}


class Cluster:
    """The API process, any number of worker processes, and what they share: database, Redis namespace, var and
    media directories, JWT secret. Built by `start_cluster`."""

    def __init__(self, *, work_dir: Path, database_url: str, namespace: str, redis: Redis, proxy: RedisProxy) -> None:
        self.work_dir = work_dir
        self.database_url = database_url
        self.namespace = namespace
        self.redis = redis
        self.proxy = proxy
        self.saq = SaqQueue(REDIS_URL, name=namespace)
        self.api_process: Process | None = None
        self.api_port = 0
        self.api: Api | None = None
        self.workers: list[Worker] = []
        self.subscriptions: list[Subscription] = []
        self._names = 0

    @property
    def shared_env(self) -> dict[str, str]:
        return {
            "DATABASE_URL": self.database_url,
            "REDIS_URL": REDIS_URL,
            "REDIS_NAMESPACE": self.namespace,
            "JWT_SECRET": TEST_SECRET,
            "PLAYGROUND_VAR_DIR": str(self.work_dir / "var"),
            "MEDIA_DIR": str(self.work_dir / "media"),
            "SIGNUP_CREDITS": "20",
        }

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.api_port}/graphql"

    @property
    def gql(self) -> Api:
        assert self.api is not None
        return self.api

    def diagnostics(self) -> str:
        parts = []
        for process in [p for p in [self.api_process] if p] + [w.process for w in self.workers]:
            parts.append(f"--- {process.name} (pid {process.pid}, alive={process.alive}) ---\n{process.tail()}")
        return "\n".join(parts)

    def _process(self, kind: str, args: list[str], env: dict[str, str]) -> Process:
        self._names += 1
        name = f"{kind}-{self._names}"
        return Process(name, args, child_env(env), self.work_dir / f"{name}.log", self.work_dir)

    async def migrate(self) -> None:
        env = child_env(self.shared_env)
        result = await asyncio.to_thread(
            subprocess.run,
            [sys.executable, "-m", "app.cli", "migrate"],
            cwd=self.work_dir,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr

    async def start_api(self) -> None:
        self.api_port = free_port()
        # The API reaches Redis through the relay; the workers go straight to Redis.
        env = self.shared_env | {"REDIS_URL": self.proxy.url(int(REDIS_URL.rsplit("/", 1)[1] or 0))}
        self.api_process = self._process("api", ["serve", "--port", str(self.api_port)], env)
        self.api = Api(f"http://127.0.0.1:{self.api_port}")
        api, process = self.api, self.api_process

        async def ready() -> bool:
            assert process.alive, f"the API exited:\n{process.tail()}"
            state = await api.ready()
            return state is not None and state["status"] == "ok" and state["components"]["bus"]["status"] == "ok"

        await poll(ready, within=60, what="the API to be ready", context=self.diagnostics)

    async def worker_ids(self) -> set[str]:
        prefix = f"saq:{self.namespace}:worker_info:"
        return {key.decode().removeprefix(prefix) async for key in self.redis.scan_iter(match=f"{prefix}*")}

    async def start_worker(self, **settings: str) -> Worker:
        """A ``playground worker`` with the shared settings, `BASE_WORKER_ENV` and ``settings``; returns once it has
        registered with SAQ (so it takes jobs). Workers start one at a time, so the new SAQ id is this process's."""
        before = await self.worker_ids()
        process = self._process("worker", ["worker"], self.shared_env | BASE_WORKER_ENV | settings)
        worker = Worker(process, "")
        self.workers.append(worker)

        async def registered() -> str | None:
            assert process.alive, f"the worker exited:\n{process.tail()}"
            new = await self.worker_ids() - before
            assert len(new) <= 1, new
            return new.pop() if new else None

        worker.saq_id = await poll(registered, within=30, what="the worker to register", context=self.diagnostics)
        return worker

    async def stop_workers(self) -> None:
        workers, self.workers = self.workers, []
        for worker in workers:
            await worker.process.stop()

    async def subscribe(self, caller: Caller, batch_id: str) -> Subscription:
        subscription = await Subscription.open(self.ws_url, caller, {"id": batch_id})
        self.subscriptions.append(subscription)
        return subscription

    async def close_subscriptions(self) -> None:
        subscriptions, self.subscriptions = self.subscriptions, []
        for subscription in subscriptions:
            await subscription.close()

    async def job(self, batch_id: str) -> Job | None:
        """The SAQ job of a batch (status, attempts, ``worker_id``)."""
        return await self.saq.queue.job(batch_id)

    async def fetch(self, sql: str, *args: Any) -> list[asyncpg.Record]:
        conn = await asyncpg.connect(self.database_url)
        try:
            rows: list[asyncpg.Record] = await conn.fetch(sql, *args)
            return rows
        finally:
            await conn.close()

    async def api_redis_clients(self, kind: str | None = None) -> list[dict[str, str]]:
        """The API's connections as Redis lists them (``CLIENT LIST [TYPE kind]``): those coming through the relay."""
        clients: list[dict[str, str]] = await self.redis.client_list(_type=kind)
        ports = self.proxy.upstream_ports
        return [c for c in clients if int(c["addr"].rsplit(":", 1)[1]) in ports]

    async def live_leases(self) -> dict[str, float]:
        """The provider slot leases not yet expired (lease -> expiry, ms of Redis time), all users."""
        seconds, micros = await self.redis.time()
        now_ms = seconds * 1000 + micros // 1000
        leases = await self.redis.zrange(f"{self.namespace}:limits:{{account}}:leases", 0, -1, withscores=True)
        return {member.decode(): score for member, score in leases if score > now_ms}

    async def reset_provider_limits(self) -> None:
        """Forget the provider-limit state (slot leases, image window, 429 penalty). Only while no worker runs: the
        leases left are a killed worker's, which would otherwise hold slots until their TTL runs out."""
        assert not self.workers
        await delete_matching(self.redis, f"{self.namespace}:limits:*")


@contextlib.asynccontextmanager
async def start_cluster(work_dir: Path) -> AsyncIterator[Cluster]:
    """A fresh PostgreSQL database (migrated), a Redis namespace and the API; everything removed afterwards."""
    namespace = f"dist-{uuid.uuid4().hex[:10]}"
    database_url = await create_pg_database()
    redis = Redis.from_url(REDIS_URL)
    proxy = RedisProxy.to(REDIS_URL)
    cluster = Cluster(work_dir=work_dir, database_url=database_url, namespace=namespace, redis=redis, proxy=proxy)
    try:
        await proxy.start()
        await cluster.saq.start()
        await cluster.migrate()
        await cluster.start_api()
        yield cluster
    finally:
        await cluster.close_subscriptions()
        await cluster.stop_workers()
        if cluster.api_process is not None:
            await cluster.api_process.stop()
        if cluster.api is not None:
            await cluster.api.close()
        await cluster.saq.close()
        await proxy.close()
        await delete_matching(redis, f"saq:{namespace}:*", f"saq:job:{namespace}:*", f"{namespace}:*")
        await redis.aclose()
        await drop_pg_database(database_url)


# --- a provider shared by every worker --------------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def serve_app(app: Starlette) -> AsyncIterator[str]:
    """Serve an ASGI app on a free loopback port in this process; yields its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, lifespan="on", log_level="warning"))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        while not server.started:
            if task.done():
                task.result()
            await asyncio.sleep(0.01)  # polling a condition, not a fixed wait
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
        sock.close()


@dataclass(frozen=True)
class TaskSpan:
    prompt: str
    start: datetime
    end: datetime


def peak_overlap(spans: list[TaskSpan]) -> int:
    """The most spans open at one instant (an end at the same instant as a start counts first)."""
    points = sorted([(s.start, 1) for s in spans] + [(s.end, -1) for s in spans], key=lambda p: (p[0], p[1]))
    peak = current = 0
    for _, step in points:
        current += step
        peak = max(peak, current)
    return peak


def spans_of(tasks: list[Any]) -> list[TaskSpan]:
    """The provider tasks' lifetimes as the simulator saw them: from the accepted submit (when its task slot is
    taken) to the end of generation (when it is released)."""
    spans = []
    for task in tasks:
        start = datetime.fromisoformat(task.created_at)
        spans.append(TaskSpan(task.prompt, start, start + timedelta(milliseconds=task.execution_ms or 0)))
    return spans
