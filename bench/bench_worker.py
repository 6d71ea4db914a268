"""Worker throughput benchmark: batches through the real runner against the simulator.

Submits B batches of I text-to-image items (1024x1024, one image each) through ``services.generation.submit``,
spread over U users with raised credits, then starts the in-process queue and waits for every batch through the
progress bus (``services.progress.follow.follow_batch``). The provider limits are raised so that the only bound is
the worker concurrency C = WORKER_CONCURRENCY (batches in flight) x BATCH_ITEM_CONCURRENCY (items in flight per
batch).

The simulator (fixed latency L) is, by default, a process of its own (``playground simulator`` on a free loopback
port), called over real HTTP by the WaveSpeed client in sync mode, as a remote provider is: its render does not
compete with the worker for this process's GIL, and its CPU is read from ``/proc`` and reported on its own.
``--simulator inprocess`` runs it in this process behind httpx's ASGI transport instead (the embedded default of
``app.runtime``), where the render counts in the worker's CPU.

Reported per configuration: images/s against the theoretical bound C / L (ratio) and against the schedule's own
bound (a task is seen when it finishes, in sync mode; a batch runs its items in waves of BATCH_ITEM_CONCURRENCY),
CPU ms per image of this process (``time.process_time``, every thread: the runner, aiosqlite, the storage
executor; with ``inprocess`` also the render) and of the simulator process, and the render of one JPEG measured
separately in the same run, as the baseline. Submission is timed on its own, before the queue starts, so the
throughput is the worker's alone.

Run: `python bench/bench_worker.py [--quick] [--database sqlite|postgres|both] [--concurrency 4x5,10x10,25x10]
[--simulator process|inprocess] [--render-once]`. ``--render-once``: the simulator process renders one image per
size and serves it to every call (a remote provider's render costs the worker nothing; on a 2-core machine at C=100
the simulator's render otherwise competes with the worker for the CPU). The worker still decodes every image whole.
PostgreSQL: a throwaway database is created through ``PLAYGROUND_BENCH_POSTGRES_URL`` (default
``postgres://postgres@127.0.0.1:5432/postgres``) and dropped afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import math
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import asyncpg
import httpx
from throwaway import ADMIN_URL, postgres_database
from tortoise import Tortoise
from tortoise.backends.base.executor import EXECUTOR_CACHE

from app.runtime import MeteredProvider, batch_runner, storage_for
from models import BatchJob, BatchStatus, EditStatus, GenerationMode, ImageEdit, User
from services import projects, users
from services.core import db
from services.core.config import Settings
from services.generation.plan import SubmitRequest
from services.generation.runner import BatchRunner, WorkerDeps
from services.generation.submit import submit
from services.generation.tasks import RUN_BATCH
from services.infra.bus import create_bus
from services.infra.jobs import in_process_queues
from services.infra.limits import create_limiter
from services.infra.storage import Storage
from services.progress.follow import follow_batch
from services.progress.publisher import ProgressPublisher
from services.seedream import GenerationRequest, GenerationResult, create_http_client, create_provider
from services.seedream.image_decode import decode_image
from services.seedream.simulator.render import render_image
from services.seedream.simulator.server import free_port

SIDE = 1024
ITEMS_PER_BATCH = 10  # MAX_COUNT_PER_PROMPT: one prompt x count 10 = 10 provider calls of one image


@dataclass(frozen=True)
class Config:
    database: str
    workers: int
    items: int
    batches: int
    users: int
    latency: float
    simulator: str = "process"
    render_once: bool = False
    """The simulator process renders one image per size and serves it to every call (``--render-once``)."""

    @property
    def concurrency(self) -> int:
        """Provider calls in flight at most: batches in flight x items in flight per batch (capped by the work)."""
        return min(self.workers, self.batches) * min(self.items, ITEMS_PER_BATCH)

    @property
    def images(self) -> int:
        return self.batches * ITEMS_PER_BATCH

    def schedule_seconds(self) -> float:
        """The least wall time this schedule allows: rounds of batches x waves of items x the latency.

        A worker slot takes the next batch only when its batch has ended, and a batch runs its items in waves of
        ``items``; so 10 items at 4 per batch take 3 waves, and 100 batches on 4 workers take 25 rounds.
        """
        rounds = math.ceil(self.batches / self.workers)
        waves = math.ceil(ITEMS_PER_BATCH / self.items)
        return rounds * waves * self.latency


@dataclass
class Result:
    config: Config
    submit_seconds: float
    submit_cpu: float
    run_seconds: float
    run_cpu: float
    images_delivered: int
    statuses: dict[str, int] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)
    """Failed images by error code and message (empty when every image was delivered)."""
    events_seen: int = 0
    statements: int = 0
    """SQL statements sent while the queue ran (the followers' snapshot reads included)."""
    simulator_cpu: float | None = None
    """CPU seconds of the simulator's own process while the queue ran (None when it ran in this process)."""
    calls: list[float] = field(default_factory=list)
    """Wall seconds of each provider call as the worker saw it (out-of-process simulator only)."""

    @property
    def images_per_second(self) -> float:
        return self.images_delivered / self.run_seconds if self.run_seconds else float("inf")

    @property
    def cpu_ms_per_image(self) -> float:
        return self.run_cpu * 1000 / max(1, self.images_delivered)

    @property
    def simulator_ms_per_image(self) -> float | None:
        if self.simulator_cpu is None:
            return None
        return self.simulator_cpu * 1000 / max(1, self.images_delivered)


class StatementCounter(logging.Handler):
    """Counts the statements Tortoise logs on ``tortoise.db_client`` (as tests/sql_count.py does)."""

    WORDS = ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH")

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        text = str(record.args[0]) if isinstance(record.args, tuple) and record.args else str(record.msg)
        if text.lstrip()[:6].upper().startswith(self.WORDS):
            self.count += 1


@contextlib.contextmanager
def counting_statements() -> Iterator[StatementCounter]:
    logger = logging.getLogger("tortoise.db_client")
    counter = StatementCounter()
    previous, propagate = logger.level, logger.propagate
    logger.addHandler(counter)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False  # counted, not printed
    try:
        yield counter
    finally:
        logger.removeHandler(counter)
        logger.setLevel(previous)
        logger.propagate = propagate


def decode_cpu_ms(samples: int) -> float:
    """The whole-image check every delivered image gets before it is stored (part of the worker's CPU per image)."""
    data = render_image("decode", seed=1, index=0, width=SIDE, height=SIDE, image_format="JPEG")
    decode_image(data)
    started = time.process_time()
    for _ in range(samples):
        decode_image(data)
    return (time.process_time() - started) * 1000 / samples


def render_cpu_ms(samples: int) -> float:
    """Baseline: CPU of the simulator rendering one 1024x1024 JPEG (its share of the per-image CPU)."""
    render_image("warm-up", seed=1, index=0, width=SIDE, height=SIDE, image_format="JPEG")
    started = time.process_time()
    for index in range(samples):
        render_image(f"bench prompt {index}", seed=1, index=index, width=SIDE, height=SIDE, image_format="JPEG")
    return (time.process_time() - started) * 1000 / samples


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far, from ``/proc/<pid>/stat`` (fields 14 and 15, in clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def simulator_process(latency: float, api_key: str, *, render_once: bool = False) -> Iterator[tuple[str, int]]:
    """``playground simulator`` on a free loopback port in its own process: (its base URL, its pid).

    Ready when its port accepts a connection (waited for by connecting, with the process checked for an early exit).
    """
    for _ in range(5):  # another process may take the free port before the simulator binds it
        port = free_port()
        # Its log goes to a file, never a pipe: a pipe nobody reads fills up and then blocks the simulator's writes
        # (and with them its replies), which the ratios would count against the worker.
        with tempfile.TemporaryFile() as stderr:
            process = subprocess.Popen(
                [
                    *(sys.executable, "-m", "app.cli", "simulator", "--port", str(port), "--latency", str(latency)),
                    *(["--render-once"] if render_once else []),
                ],
                cwd=Path(__file__).resolve().parent.parent,
                env={**os.environ, "SIMULATOR_API_KEY": api_key, "LOG_LEVEL": "WARNING"},
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
            try:
                while process.poll() is None:
                    try:
                        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                            break
                    except OSError:
                        time.sleep(0.05)  # polling a port the child is about to bind, before any clock runs
                if process.poll() is None:
                    yield f"http://127.0.0.1:{port}", process.pid
                    return
                stderr.seek(0)
                error = stderr.read().decode(errors="replace")
                if "address already in use" not in error.lower():
                    raise RuntimeError(f"the simulator exited at start: {error[-2000:]}")
            finally:
                if process.poll() is None:
                    process.terminate()
                    try:
                        process.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        process.kill()
                        process.wait()
    raise RuntimeError("no free port for the simulator after 5 attempts")


class TimedProvider:
    """The provider, with the wall time of each call kept (as the worker sees it: request to parsed reply)."""

    def __init__(self, provider: MeteredProvider) -> None:
        self._provider = provider
        self.calls: list[float] = []

    @property
    def name(self) -> str:
        return self._provider.name

    async def generate(self, request: GenerationRequest) -> GenerationResult:
        started = time.perf_counter()
        try:
            return await self._provider.generate(request)
        finally:
            self.calls.append(time.perf_counter() - started)


CALLS: list[float] = []
"""Provider call durations of the configuration being measured (out-of-process simulator only)."""


@contextlib.asynccontextmanager
async def remote_runner(
    settings: Settings, *, base_url: str, storage: Storage, publisher: ProgressPublisher, http: httpx.AsyncClient
) -> AsyncIterator[BatchRunner]:
    """``app.runtime.batch_runner``'s pieces, the provider being the WaveSpeed client (sync mode) over HTTP."""
    # One connection per call in flight: sync mode holds a connection for the whole call.
    client = create_http_client(
        max_connections=settings.provider_concurrent_tasks + 10,
        max_keepalive_connections=settings.provider_concurrent_tasks + 10,
    )
    provider = TimedProvider(
        MeteredProvider(
            create_provider(
                "simulator",
                client,
                base_url=base_url,
                api_key=settings.simulator_api_key,
                deadline_s=settings.provider_deadline_seconds,
                sync_mode=True,
            )
        )
    )
    limiter = create_limiter(
        None,
        concurrent_tasks=settings.provider_concurrent_tasks,
        images_per_minute=settings.provider_images_per_minute,
        per_user_concurrency=settings.per_user_concurrency,
        key_prefix="bench:limits:",
        lease_ttl_s=settings.worker_dead_after_seconds,
    )
    try:
        yield BatchRunner(
            WorkerDeps(
                settings=settings, provider=provider, storage=storage, publisher=publisher, limiter=limiter, http=http
            )
        )
    finally:
        CALLS[:] = provider.calls
        await limiter.close()
        await client.aclose()


@contextlib.asynccontextmanager
async def database(kind: str, var_dir: Path) -> AsyncIterator[str]:
    """A fresh, migrated database: a SQLite file under ``var_dir`` or a throwaway PostgreSQL database."""
    if kind == "sqlite":
        url = f"sqlite://{var_dir / 'bench.db'}"
        await db.migrate(url)
        yield url
        return
    async with postgres_database("bench_worker") as url:
        yield url


async def run_one(config: Config) -> Result:
    var_dir = Path(tempfile.mkdtemp(prefix="bench-worker-"))
    try:
        async with database(config.database, var_dir) as url:
            EXECUTOR_CACHE.clear()  # Tortoise caches SQL per connection name, not per dialect
            await Tortoise.init(config=db.tortoise_config(url), _enable_global_fallback=True)
            try:
                return await _measure(config, url, var_dir)
            finally:
                await db.close()
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


async def _measure(config: Config, url: str, var_dir: Path) -> Result:
    per_user_images = math.ceil(config.images / config.users)
    settings = Settings(
        var_dir=var_dir,
        database_url=url,
        jwt_secret="bench-secret-" + "x" * 40,
        signup_credits=per_user_images * 2,
        simulator_latency_seconds=config.latency,
        worker_concurrency=config.workers,
        batch_item_concurrency=config.items,
        # Raised so that only worker_concurrency x batch_item_concurrency bounds the calls in flight.
        provider_concurrent_tasks=config.concurrency + 1,
        per_user_concurrency=config.concurrency,
        provider_images_per_minute=1_000_000,
    )
    bus = create_bus(None)
    await bus.start()
    publisher = ProgressPublisher(bus, item_concurrency=settings.batch_item_concurrency)
    storage = storage_for(settings)
    simulator_pid: int | None = None
    CALLS.clear()
    # The same pieces app.runtime.build_runtime wires; the queue is started by hand.
    async with contextlib.AsyncExitStack() as stack:
        http = await stack.enter_async_context(
            httpx.AsyncClient(trust_env=False, follow_redirects=False, timeout=httpx.Timeout(10.0))
        )
        if config.simulator == "process":
            base_url, simulator_pid = stack.enter_context(
                simulator_process(config.latency, settings.simulator_api_key, render_once=config.render_once)
            )
            runner = await stack.enter_async_context(
                remote_runner(settings, base_url=base_url, storage=storage, publisher=publisher, http=http)
            )
        else:
            runner = await stack.enter_async_context(
                batch_runner(settings, storage=storage, publisher=publisher, http=http)
            )
        queue = in_process_queues({RUN_BATCH: runner}, concurrency=settings.worker_concurrency)
        owners: list[tuple[User, str]] = []
        for index in range(config.users):
            user = await users.get_or_create_by_subject(f"bench-{index}", settings.signup_credits)
            project = await projects.create(user.id, projects.ProjectChanges(name=f"bench {index}"))
            owners.append((user, str(project.id)))

        # Submission, timed on its own; the queue is not started yet, so no batch runs meanwhile.
        batch_ids: list[uuid.UUID] = []
        cpu, wall = time.process_time(), time.perf_counter()
        for index in range(config.batches):
            user, project_id = owners[index % config.users]
            request = SubmitRequest(
                project_id=project_id,
                mode=GenerationMode.TEXT_TO_IMAGE,
                prompts=[f"bench batch {index}: a lighthouse at dusk"],
                count=ITEMS_PER_BATCH,
                size=f"{SIDE}x{SIDE}",
            )
            submitted = await submit(
                user, request, settings=settings, storage=storage, http=http, queue=queue, publisher=publisher
            )
            batch_ids.append(submitted.batch.id)
        submit_seconds, submit_cpu = time.perf_counter() - wall, time.process_time() - cpu

        # Every follower has its snapshot (so it is subscribed) before the queue starts; the run ends when each
        # has seen its batch's terminal event.
        events = 0
        snapshots = 0
        all_subscribed = asyncio.Event()

        async def follow(batch_id: uuid.UUID) -> None:
            nonlocal events, snapshots
            first = True
            async for event in follow_batch(bus, batch_id, item_concurrency=settings.batch_item_concurrency):
                events += 1
                if first:
                    first = False
                    snapshots += 1
                    if snapshots == len(batch_ids):
                        all_subscribed.set()
                if event.terminal:
                    return

        try:
            async with asyncio.timeout(max(60.0, config.schedule_seconds() * 10)), asyncio.TaskGroup() as group:
                followers = [group.create_task(follow(batch_id)) for batch_id in batch_ids]
                await all_subscribed.wait()
                with counting_statements() as counter:
                    simulator_before = process_cpu_seconds(simulator_pid) if simulator_pid else 0.0
                    cpu, wall = time.process_time(), time.perf_counter()
                    await queue.start()
                    await asyncio.gather(*followers)
                    run_seconds, run_cpu = time.perf_counter() - wall, time.process_time() - cpu
                    simulator_cpu = process_cpu_seconds(simulator_pid) - simulator_before if simulator_pid else None
        finally:
            await queue.close()
            await bus.close()

    rows = await BatchJob.filter(id__in=batch_ids).values_list("status", "completed_images")
    statuses: dict[str, int] = {}
    delivered = 0
    for status, completed in rows:
        key = BatchStatus(status).value
        statuses[key] = statuses.get(key, 0) + 1
        delivered += int(completed)
    failures: dict[str, int] = {}
    failed_rows = await ImageEdit.filter(batch_job_id__in=batch_ids, status=EditStatus.FAILED).values_list(
        "error_code", "error_message"
    )
    for code, message in failed_rows:
        reason = f"{code or '-'}: {(message or '')[:120]}"
        failures[reason] = failures.get(reason, 0) + 1
    return Result(
        config=config,
        submit_seconds=submit_seconds,
        submit_cpu=submit_cpu,
        run_seconds=run_seconds,
        run_cpu=run_cpu,
        images_delivered=delivered,
        statuses=statuses,
        failures=failures,
        events_seen=events,
        statements=counter.count,
        simulator_cpu=simulator_cpu,
        calls=list(CALLS),
    )


async def database_versions(kinds: list[str]) -> dict[str, str]:
    import sqlite3

    versions = {"sqlite": f"SQLite {sqlite3.sqlite_version} (aiosqlite)"}
    if "postgres" in kinds:
        admin = await asyncpg.connect(ADMIN_URL)
        try:
            versions["postgres"] = "PostgreSQL " + str(await admin.fetchval("SHOW server_version")) + " (asyncpg)"
        finally:
            await admin.close()
    return {kind: versions[kind] for kind in kinds}


def parse_concurrency(text: str) -> list[tuple[int, int]]:
    """``"10x10,25x10"`` -> [(10, 10), (25, 10)]: WORKER_CONCURRENCY x BATCH_ITEM_CONCURRENCY."""
    pairs = []
    for part in text.split(","):
        workers, _, items = part.strip().partition("x")
        pairs.append((int(workers), int(items)))
    return pairs


REPORT: list[dict[str, object]] = []
"""What ``--json PATH`` writes: one row per configuration, as printed (read by ``bench/run_all``)."""


def print_result(result: Result, render_ms: float) -> None:
    config = result.config
    bound = config.concurrency / config.latency
    schedule_bound = config.images / config.schedule_seconds()
    simulator_ms = result.simulator_ms_per_image
    # In process, the render is part of this process's CPU; out of process, it is the simulator's.
    overhead = result.cpu_ms_per_image - (render_ms if simulator_ms is None else 0.0)
    busy = result.run_cpu / result.run_seconds if result.run_seconds else 0.0
    REPORT.append(
        {
            "database": config.database,
            "workers": config.workers,
            "items": config.items,
            "concurrency": config.concurrency,
            "latency": config.latency,
            "images": result.images_delivered,
            "images_per_second": result.images_per_second,
            "bound": bound,
            "ratio": result.images_per_second / bound,
            "cpu_ms_per_image": result.cpu_ms_per_image,
            "render_ms": render_ms,
            "overhead_ms_per_image": overhead,
            "simulator": config.simulator,
            "render_once": config.render_once,
            "simulator_ms_per_image": simulator_ms,
        }
    )
    if result.calls:
        calls = sorted(result.calls)
        mean = sum(calls) / len(calls)
        seen_bound = config.concurrency / mean
        REPORT[-1].update(call_mean_s=mean, call_p90_s=calls[int(len(calls) * 0.9)], seen_bound=seen_bound)
    where = (
        f"render baseline {render_ms:5.1f} ms, in this process"
        if simulator_ms is None
        else f"simulator process {simulator_ms:5.1f} ms/image, render baseline {render_ms:5.1f} ms"
    )
    print(
        f"  {config.database:<8} C={config.workers:>3}x{config.items:<2}={config.concurrency:>4}  "
        f"{result.images_delivered:>5} images in {result.run_seconds:6.1f} s = {result.images_per_second:6.1f} images/s"
        f"  bound C/L {bound:6.1f}/s (ratio {result.images_per_second / bound:4.2f}; "
        f"schedule bound {schedule_bound:5.1f}/s, ratio {result.images_per_second / schedule_bound:4.2f})"
    )
    print(
        f"  {'':<8} CPU {result.cpu_ms_per_image:6.1f} ms/image ({where}; "
        f"worker+DB+bus {overhead:6.1f} ms = {overhead / render_ms:4.1f}x the render); "
        f"process busy {busy:4.2f} cores; submit {result.submit_seconds * 1000 / config.batches:5.1f} ms/batch "
        f"({result.submit_cpu * 1000 / config.batches:5.1f} ms CPU); statuses {result.statuses}; "
        f"events {result.events_seen}; SQL {result.statements / max(1, result.images_delivered):4.1f} "
        "statements/image"
    )
    if result.calls:
        print(
            f"  {'':<8} provider calls as the worker saw them: mean {mean:5.3f} s, p90 "
            f"{calls[int(len(calls) * 0.9)]:5.3f} s, max {calls[-1]:5.3f} s (latency {config.latency} s); "
            f"bound C/mean {seen_bound:6.1f}/s (ratio {result.images_per_second / seen_bound:4.2f})"
        )


async def main(arguments: argparse.Namespace) -> None:
    kinds = ["sqlite", "postgres"] if arguments.database == "both" else [arguments.database]
    if arguments.quick:
        batches, latency, default_concurrency = 10, 0.5, "5x5"
    else:
        batches, latency, default_concurrency = 100, 2.0, "4x5,10x10,25x10"
    batches = arguments.batches or batches
    latency = arguments.latency if arguments.latency is not None else latency
    pairs = parse_concurrency(arguments.concurrency or default_concurrency)

    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    for kind, version in (await database_versions(kinds)).items():
        print(f"database {kind}: {version}")
    print(
        f"work: {batches} batches x {ITEMS_PER_BATCH} images ({batches * ITEMS_PER_BATCH} images, {SIDE}x{SIDE} "
        f"JPEG), {arguments.users} users, simulator latency {latency} s (WaveSpeed sync "
        f"mode: no polling), simulator {arguments.simulator}"
        f"{' rendering once per size (--render-once: no render CPU per call)' if arguments.render_once else ''}; "
        "in-process queue and bus"
    )
    render_ms = render_cpu_ms(5 if arguments.quick else 20)
    print(f"baseline: simulator render of one {SIDE}x{SIDE} JPEG = {render_ms:.1f} ms CPU")
    print(
        f"whole-image check of one {SIDE}x{SIDE} JPEG (every block decoded, at 1/8 scale; in the worker's CPU per "
        f"image) = {decode_cpu_ms(20):.1f} ms CPU\n"
    )
    for kind in kinds:
        for workers, items in pairs:
            config = Config(
                kind, workers, items, batches, arguments.users, latency, arguments.simulator, arguments.render_once
            )
            result = await run_one(config)
            print_result(result, render_ms)
            if result.images_delivered != config.images:
                print(f"  WARNING: {config.images - result.images_delivered} images not delivered: {result.failures}")
        print()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 images in 10 batches, latency 0.5 s, C=5x5")
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument(
        "--concurrency", help="WORKER_CONCURRENCYxBATCH_ITEM_CONCURRENCY list, e.g. 10x10,25x10 (default per mode)"
    )
    parser.add_argument("--batches", type=int, help="batches of 10 images (default 100, quick 10)")
    parser.add_argument("--latency", type=float, help="simulator latency in seconds (default 2.0, quick 0.5)")
    parser.add_argument(
        "--simulator",
        choices=["process", "inprocess"],
        default="process",
        help="the simulator in its own process over loopback HTTP (default) or in this one (ASGI transport)",
    )
    parser.add_argument(
        "--render-once",
        action="store_true",
        help="the simulator process renders one image per size and serves it to every call (no render CPU per "
        "call, as with a remote provider; the worker still decodes every image whole)",
    )
    parser.add_argument("--users", type=int, default=10, help="batches are spread round-robin over this many users")
    parser.add_argument("--json", type=Path, help="also write the figures to this file as JSON")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parsed = parser.parse_args()
    asyncio.run(main(parsed))
    if parsed.json:
        parsed.json.write_text(json.dumps({"runs": REPORT}, indent=2))
