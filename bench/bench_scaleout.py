"""Scale-out on one machine: 1 then 2 workers, and 1 then 2 API processes, against one PostgreSQL and one Redis.

Part ``workers``: B batches of 10 images are submitted over GraphQL (``generate``) to one API process while no worker
runs; then W ``playground worker`` processes start (W = 1, then 2, each round on new batches) and the clock runs from
the moment every worker has registered with SAQ to the moment every batch is terminal (read from PostgreSQL). The
provider is ``playground simulator`` in a process of its own at a fixed latency L, called over loopback HTTP as a
remote provider is (WaveSpeed protocol: submit, then polls). Figures: images/s, CPU per image of the workers (from
``/proc``), the scaling efficiency ``rate(W=2) / (2 × rate(W=1))`` and, per core, CPU per image with 1 worker over
CPU per image with 2.

Part ``fanout``: S WebSocket subscriptions to one batch's ``batchProgress``, split evenly across A API processes
(A = 1, then 2), opened by client processes (``bench_fanout.py``'s client); this process publishes E events through
the product's own runtime (``app.runtime.build_runtime``: the Redis bus in the deployment's namespace), back to back,
and the clock stops when every socket has the last. Figures: deliveries/s, API CPU per delivery (all API processes),
the efficiency ``rate(A=2) / (2 × rate(A=1))`` and, per core, API CPU per delivery with 1 process over 2.

A 2-core machine bounds both: the load generators, PostgreSQL, Redis and the simulator share the same cores, so a
throughput efficiency below 1 here says more about the machine than about the design; the CPU-per-unit ratio is the
figure that carries to more machines (see ``bench/README.md``, "Scale-out"). Each run uses a throwaway database
(``PLAYGROUND_BENCH_POSTGRES_URL``) and a random Redis namespace (``PLAYGROUND_BENCH_REDIS_URL``), both removed at the
end.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import platform
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

import asyncpg
import httpx
from bench_fanout import Child, process_stats, raise_nofile
from bench_worker import simulator_process
from redis.asyncio import Redis
from throwaway import postgres_database

from services.core.auth import issue_token
from services.core.config import Settings
from services.seedream.simulator.server import free_port

ROOT = Path(__file__).resolve().parent.parent
FANOUT_SCRIPT = Path(__file__).resolve().parent / "bench_fanout.py"
REDIS_URL = os.environ.get("PLAYGROUND_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
SECRET = "bench-scaleout-secret-" + "x" * 16
SIMULATOR_KEY = "bench-scaleout"
TERMINAL = ("SUCCEEDED", "PARTIALLY_SUCCEEDED", "FAILED", "CANCELLED")
SETTING_VARS = frozenset((f.alias or name).upper() for name, f in Settings.model_fields.items())
PHASE_TIMEOUT_S = 900.0

log = logging.getLogger("bench.scaleout")


# --- processes -------------------------------------------------------------------------------------------------------


class Process:
    """``python -m app.cli ARGS`` with its output in a log file (never a pipe nobody reads)."""

    def __init__(self, name: str, args: list[str], env: dict[str, str], log_path: Path) -> None:
        self.name = name
        self.log_path = log_path
        self._log: IO[bytes] = log_path.open("wb")
        self.popen = subprocess.Popen(
            [sys.executable, "-m", "app.cli", *args],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    @property
    def cpu_seconds(self) -> float:
        return process_stats(self.popen.pid)[1]

    def check_alive(self) -> None:
        if self.popen.poll() is not None:
            tail = self.log_path.read_text(errors="replace")[-2_000:]
            raise RuntimeError(f"{self.name} exited ({self.popen.returncode}):\n{tail}")

    async def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                await asyncio.to_thread(self.popen.wait, 30)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                await asyncio.to_thread(self.popen.wait)
        self._log.close()


async def until(probe: Any, *, within: float, what: str, interval: float = 0.1) -> Any:
    """Await ``probe()`` until it returns something truthy; fail after ``within`` seconds."""
    deadline = time.monotonic() + within
    while True:
        value = await probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out after {within} s waiting for {what}")
        await asyncio.sleep(interval)  # polling a condition with a deadline, outside the measured window


@dataclass
class Deployment:
    """What every process of one deployment shares: database, Redis namespace, directories, secret, provider."""

    database_url: str
    namespace: str
    work_dir: Path
    simulator_url: str
    concurrency: tuple[int, int]

    def env(self, **extra: str) -> dict[str, str]:
        workers, items = self.concurrency
        values = {
            "DATABASE_URL": self.database_url,
            "REDIS_URL": REDIS_URL,
            "REDIS_NAMESPACE": self.namespace,
            "JWT_SECRET": SECRET,
            "PLAYGROUND_VAR_DIR": str(self.work_dir / "var"),
            "MEDIA_DIR": str(self.work_dir / "media"),
            "SIGNUP_CREDITS": "100000",
            "LOG_LEVEL": os.environ.get("BENCH_LOG_LEVEL", "WARNING"),
            "SEEDREAM_PROVIDER": "simulator",
            "SEEDREAM_BASE_URL": self.simulator_url,
            "SIMULATOR_API_KEY": SIMULATOR_KEY,
            "WORKER_CONCURRENCY": str(workers),
            "BATCH_ITEM_CONCURRENCY": str(items),
            # Measure the deployment, not its per-account limits: every cap above what is measured.
            "PROVIDER_CONCURRENT_TASKS": str(4 * workers * items),
            "PROVIDER_IMAGES_PER_MINUTE": "1000000",
            "PER_USER_CONCURRENCY": str(workers * items),
            "RATE_LIMIT_OPERATIONS": "off",
            "RATE_LIMIT_GENERATE": "off",
            "WS_MAX_SOCKETS_PER_USER": "1000000",
            "WS_MAX_SUBSCRIPTIONS_PER_USER": "1000000",
        }
        env = {k: v for k, v in os.environ.items() if k.upper() not in SETTING_VARS}
        env["PYTHONPATH"] = str(ROOT)
        return env | values | extra

    def settings(self) -> Settings:
        return Settings(
            database_url=self.database_url,
            redis_url=REDIS_URL,
            redis_namespace=self.namespace,
            jwt_secret=SECRET,
            var_dir=self.work_dir / "var",
        )

    def process(self, name: str, args: list[str]) -> Process:
        return Process(name, args, self.env(), self.work_dir / f"{name}.log")

    async def api(self, name: str) -> tuple[Process, str]:
        port = free_port()
        process = self.process(name, ["serve", "--port", str(port)])
        base = f"http://127.0.0.1:{port}"
        async with httpx.AsyncClient(base_url=base, trust_env=False, timeout=5) as http:

            async def ready() -> bool:
                process.check_alive()
                with contextlib.suppress(httpx.TransportError):
                    return (await http.get("/readyz")).status_code == 200
                return False

            await until(ready, within=120, what=f"{name} to be ready")
        return process, base

    async def worker_ids(self, redis: Redis) -> set[bytes]:
        return {key async for key in redis.scan_iter(match=f"saq:{self.namespace}:worker_info:*")}


def token_for(subject: str) -> str:
    return issue_token(Settings(jwt_secret=SECRET, jwt_jwks_url=None), subject, ttl_seconds=6 * 3600)


async def graphql(http: httpx.AsyncClient, token: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    response = await http.post(
        "/graphql", json={"query": query, "variables": variables}, headers={"Authorization": f"Bearer {token}"}
    )
    body: dict[str, Any] = response.raise_for_status().json()
    if body.get("errors"):
        raise RuntimeError(f"GraphQL errors: {body['errors']}")
    data: dict[str, Any] = body["data"]
    return data


PROJECT = 'mutation { projectCreate(input: {name: "scale-out"}) { project { id } } }'
GENERATE = """
mutation($input: GenerateInput!) {
  generate(input: $input) { batchJob { id } userErrors { field code message } }
}"""


def new_tokens(count: int, label: str) -> list[str]:
    """Tokens of ``count`` new users (each created with ``SIGNUP_CREDITS`` on its first request)."""
    return [token_for(f"{label}-{index}-{uuid.uuid4().hex[:6]}") for index in range(count)]


async def submit_batches(base: str, tokens: list[str], *, batches: int, images: int) -> list[str]:
    """``batches`` batches of ``images`` images, round-robin over the users of ``tokens``; their ids."""
    users = len(tokens)
    async with httpx.AsyncClient(base_url=base, trust_env=False, timeout=60) as http:
        projects = [(await graphql(http, t, PROJECT, {}))["projectCreate"]["project"]["id"] for t in tokens]
        gate = asyncio.Semaphore(8)

        async def one(index: int) -> str:
            user = index % users
            fields = {"projectId": projects[user], "prompt": f"scale-out {index}", "count": images}
            async with gate:
                payload = (await graphql(http, tokens[user], GENERATE, {"input": fields}))["generate"]
            if payload["userErrors"]:
                raise RuntimeError(f"generate refused: {payload['userErrors']}")
            batch_id: str = payload["batchJob"]["id"]
            return batch_id

        return list(await asyncio.gather(*(one(index) for index in range(batches))))


# --- workers ---------------------------------------------------------------------------------------------------------


@dataclass
class WorkerRound:
    workers: int
    images: int
    seconds: float
    images_per_second: float
    bound_images_per_second: float
    worker_cpu_ms_per_image: float
    api_cpu_ms_per_image: float
    succeeded_images: int
    commits_per_image: float
    row_writes_per_image: float


DATABASE_ACTIVITY = """
SELECT xact_commit, tup_inserted + tup_updated + tup_deleted FROM pg_stat_database WHERE datname = current_database()
"""


async def database_activity(url: str) -> tuple[int, int]:
    """This database's committed transactions and written rows so far (``pg_stat_database``, every process's, once
    they have flushed their statistics: read after the workers exited)."""
    conn = await asyncpg.connect(url)
    try:
        row = await conn.fetchrow(DATABASE_ACTIVITY)
        assert row is not None
        return int(row[0]), int(row[1])
    finally:
        await conn.close()


async def worker_round(
    deployment: Deployment, redis: Redis, api: Process, base: str, *, workers: int, batches: int, latency: float
) -> WorkerRound:
    batch_ids = await submit_batches(base, new_tokens(10, f"w{workers}"), batches=batches, images=10)
    known = await deployment.worker_ids(redis)
    commits_before, writes_before = await database_activity(deployment.database_url)
    started_workers = [deployment.process(f"worker-{workers}-{index}", ["worker"]) for index in range(workers)]
    conn = await asyncpg.connect(deployment.database_url)
    try:

        async def registered() -> bool:
            for process in started_workers:
                process.check_alive()
            return len(await deployment.worker_ids(redis) - known) >= workers

        await until(registered, within=120, what=f"{workers} worker(s) to register", interval=0.02)
        cpu_before = sum(p.cpu_seconds for p in started_workers)
        api_before = api.cpu_seconds
        started = time.perf_counter()

        async def all_ended() -> bool:
            ended = await conn.fetchval(
                "SELECT count(*) FROM playground_batch_jobs WHERE id = ANY($1::uuid[]) AND status = ANY($2::text[])",
                [uuid.UUID(b) for b in batch_ids],
                list(TERMINAL),
            )
            return int(ended) == len(batch_ids)

        await until(all_ended, within=PHASE_TIMEOUT_S, what="every batch to end", interval=0.05)
        seconds = time.perf_counter() - started
        cpu = sum(p.cpu_seconds for p in started_workers) - cpu_before
        api_cpu = api.cpu_seconds - api_before
        succeeded = await conn.fetchval(
            "SELECT count(*) FROM playground_image_edits WHERE batch_job_id = ANY($1::uuid[]) AND status = 'SUCCEEDED'",
            [uuid.UUID(b) for b in batch_ids],
        )
    finally:
        await conn.close()
        for process in started_workers:
            await process.stop()
    commits_after, writes_after = await database_activity(deployment.database_url)
    images = batches * 10
    slots = deployment.concurrency[0] * deployment.concurrency[1]
    return WorkerRound(
        workers=workers,
        images=images,
        seconds=seconds,
        images_per_second=images / seconds,
        bound_images_per_second=workers * slots / latency,
        worker_cpu_ms_per_image=1000 * cpu / images,
        api_cpu_ms_per_image=1000 * api_cpu / images,
        succeeded_images=int(succeeded),
        commits_per_image=(commits_after - commits_before) / images,
        row_writes_per_image=(writes_after - writes_before) / images,
    )


# --- fan-out ---------------------------------------------------------------------------------------------------------


@dataclass
class FanoutRound:
    apis: int
    sockets: int
    events: int
    deliveries: int
    seconds: float
    deliveries_per_second: float
    api_cpu_us_per_delivery: float
    connect_seconds: float


async def fanout_round(deployment: Deployment, *, apis: int, sockets: int, events: int) -> FanoutRound:
    from tortoise import Tortoise

    from app.runtime import build_runtime
    from services.core import db

    processes: list[Process] = []
    clients: list[Child] = []
    run_dir = deployment.work_dir / f"fanout-{apis}"
    run_dir.mkdir()
    try:
        bases = []
        for index in range(apis):
            process, base = await deployment.api(f"api-fanout-{apis}-{index}")
            processes.append(process)
            bases.append(base)
        (token,) = new_tokens(1, f"fanout-{apis}")
        # The batch is never run (no worker in this part): it stays QUEUED with a live queue job, so nothing ends
        # it while the benchmark publishes its progress by hand.
        (batch_id,) = await submit_batches(bases[0], [token], batches=1, images=4)
        started = time.perf_counter()
        for index in range(apis):
            share = sockets // apis + (index < sockets % apis)
            url = bases[index].replace("http://", "ws://") + "/graphql"
            child = await Child.spawn(
                f"client {index}",
                run_dir / f"client-{index}.log",
                *("--client", "graphql", "--url", url, "--sockets", str(share), "--token", token),
                *("--batch", batch_id, "--out", str(run_dir / f"client-{index}.json")),
            )
            clients.append(child)
        async with asyncio.timeout(PHASE_TIMEOUT_S):
            await asyncio.gather(*(client.expect("ready") for client in clients))
        connect_seconds = time.perf_counter() - started

        await Tortoise.init(config=db.tortoise_config(deployment.database_url), _enable_global_fallback=True)
        try:
            async with build_runtime(deployment.settings()) as runtime:
                cpu_before = sum(p.cpu_seconds for p in processes)
                started = time.perf_counter()
                # Pipelined, not in lock step: the processes' throughput, not one event's round trip, is measured.
                for _ in range(events):
                    event = await runtime.publisher.changed(uuid.UUID(batch_id))
                async with asyncio.timeout(PHASE_TIMEOUT_S):
                    await asyncio.gather(*(client.expect(f"got {event.seq}") for client in clients))
                seconds = time.perf_counter() - started
                cpu = sum(p.cpu_seconds for p in processes) - cpu_before
        finally:
            await db.close()
        for client in clients:
            await client.send("close")
        async with asyncio.timeout(PHASE_TIMEOUT_S):
            await asyncio.gather(*(client.expect("closed") for client in clients))
    finally:
        for client in clients:
            await client.stop(terminate=client.process.returncode is None)
        for process in processes:
            await process.stop()
    deliveries = 0
    for index in range(apis):
        deliveries += len(json.loads((run_dir / f"client-{index}.json").read_text())["latencies"])
    return FanoutRound(
        apis=apis,
        sockets=sockets,
        events=events,
        deliveries=deliveries,
        seconds=seconds,
        deliveries_per_second=deliveries / seconds,
        api_cpu_us_per_delivery=1e6 * cpu / max(1, deliveries),
        connect_seconds=connect_seconds,
    )


# --- the run ---------------------------------------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def deployment_for(latency: float, concurrency: tuple[int, int]) -> AsyncIterator[Deployment]:
    work_dir = Path(tempfile.mkdtemp(prefix="bench-scaleout-"))
    namespace = f"scaleout-{uuid.uuid4().hex[:8]}"
    redis = Redis.from_url(REDIS_URL)
    try:
        async with postgres_database("bench_scaleout") as url:
            with simulator_process(latency, SIMULATOR_KEY) as (simulator_url, _):
                yield Deployment(url, namespace, work_dir, simulator_url, concurrency)
    finally:
        for pattern in (f"saq:{namespace}:*", f"saq:job:{namespace}:*", f"{namespace}:*"):
            keys = [key async for key in redis.scan_iter(match=pattern, count=1000)]
            for start in range(0, len(keys), 500):
                await redis.delete(*keys[start : start + 500])
        await redis.aclose()
        import shutil

        shutil.rmtree(work_dir, ignore_errors=True)


def efficiency(two: float, one: float) -> float:
    return two / (2 * one) if one else 0.0


async def main(arguments: argparse.Namespace) -> None:
    raise_nofile(65_536)
    workers, items = (int(part) for part in arguments.concurrency.split("x"))
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    report: dict[str, Any] = {}
    async with deployment_for(arguments.latency, (workers, items)) as deployment:
        if arguments.part in ("workers", "all"):
            print(
                f"\nworkers: {arguments.batches} batches × 10 images per round, simulator at {arguments.latency} s, "
                f"C = {workers}x{items} per worker, PostgreSQL + Redis, 1 API process"
            )
            redis = Redis.from_url(REDIS_URL)
            api, base = await deployment.api("api-workers")
            rounds = []
            try:
                for count in (1, 2):
                    result = await worker_round(
                        deployment,
                        redis,
                        api,
                        base,
                        workers=count,
                        batches=arguments.batches,
                        latency=arguments.latency,
                    )
                    rounds.append(result)
                    print(
                        f"  {count} worker(s): {result.images_per_second:6.2f} images/s "
                        f"(bound {result.bound_images_per_second:.1f}, {result.succeeded_images}/{result.images} "
                        f"succeeded), workers' CPU {result.worker_cpu_ms_per_image:.1f} ms/image, API CPU "
                        f"{result.api_cpu_ms_per_image:.1f} ms/image; PostgreSQL {result.commits_per_image:.1f} "
                        f"commits and {result.row_writes_per_image:.1f} row writes per image"
                    )
            finally:
                await api.stop()
                await redis.aclose()
            scaling = efficiency(rounds[1].images_per_second, rounds[0].images_per_second)
            per_core = rounds[0].worker_cpu_ms_per_image / rounds[1].worker_cpu_ms_per_image
            print(f"  scaling efficiency 2 workers vs 1: {scaling:.2f} (throughput), {per_core:.2f} (CPU per image)")
            report["workers"] = {"rounds": [asdict(r) for r in rounds], "efficiency": scaling, "cpu": per_core}
        if arguments.part in ("fanout", "all"):
            print(
                f"\nfan-out: {arguments.sockets} batchProgress subscriptions split across the API processes, "
                f"{arguments.events} events published back to back through the Redis bus"
            )
            fanouts = []
            for count in (1, 2):
                fanned = await fanout_round(deployment, apis=count, sockets=arguments.sockets, events=arguments.events)
                fanouts.append(fanned)
                print(
                    f"  {count} API process(es): {fanned.deliveries_per_second:8.0f} deliveries/s, API CPU "
                    f"{fanned.api_cpu_us_per_delivery:.0f} µs/delivery, {fanned.sockets} sockets connected in "
                    f"{fanned.connect_seconds:.1f} s"
                )
            scaling = efficiency(fanouts[1].deliveries_per_second, fanouts[0].deliveries_per_second)
            per_core = fanouts[0].api_cpu_us_per_delivery / max(fanouts[1].api_cpu_us_per_delivery, 1e-9)
            print(
                f"  scaling efficiency 2 API processes vs 1: {scaling:.2f} (throughput), {per_core:.2f} (CPU per "
                f"delivery)"
            )
            report["fanout"] = {"rounds": [asdict(r) for r in fanouts], "efficiency": scaling, "cpu": per_core}
    if arguments.json:
        arguments.json.write_text(json.dumps(report, indent=2))


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run (fewer batches, sockets and events)")
    parser.add_argument("--part", choices=["workers", "fanout", "all"], default="all")
    parser.add_argument("--batches", type=int, help="batches of 10 images per worker round (default 30; quick 6)")
    parser.add_argument("--latency", type=float, default=2.0, help="simulator latency per call, seconds")
    parser.add_argument("--concurrency", default="4x5", help="WORKER_CONCURRENCY x BATCH_ITEM_CONCURRENCY per worker")
    parser.add_argument("--sockets", type=int, help="subscriptions in the fan-out part (default 1000; quick 200)")
    parser.add_argument("--events", type=int, help="events in the fan-out part (default 100; quick 20)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file as JSON")
    arguments = parser.parse_args()
    arguments.batches = arguments.batches or (6 if arguments.quick else 30)
    arguments.sockets = arguments.sockets or (200 if arguments.quick else 1_000)
    arguments.events = arguments.events or (20 if arguments.quick else 100)
    return arguments


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    asyncio.run(main(parse_arguments()))
