"""The fault suite (issue 20): short outages of Redis and PostgreSQL never strand a batch or buy an image twice.

A cluster of its own: the API and two workers (real processes) on a throwaway PostgreSQL database reached through a
TCP relay the test cuts, a ``redis-server`` the test starts itself (no persistence), killed and restarted empty or
paused with SIGSTOP, and the simulator over HTTP in the test process (it records every purchase). Leases and the
reconciler run with short periods (``BATCH_LEASE_SECONDS=3``, ``RECONCILE_INTERVAL_SECONDS=1``), the outages last a
few seconds: the scaled-down versions of the issue's 15-45 s faults. Two last longer than what they must outlive,
scaled from the settings: PostgreSQL cut for longer than a batch job's whole retry budget plus a lease (the issue's
45 s cut), Redis paused past the jobs' heartbeat and the lease; and one worker stalls (SIGSTOP) mid-purchase past its
heartbeat and lease, so its live job is swept and runs again elsewhere.

After each scenario: every batch is terminal within the bound (``BOUND_S``: the lease, a reconcile pass and the
batch's own provider time, with room for a loaded machine), no credit is held for an ended batch, the ledger sums to
every balance, and the simulator saw at most one purchase per requested image or set.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import subprocess
from collections import Counter
from collections.abc import AsyncIterator, Awaitable
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from redis.asyncio import Redis
from redis.exceptions import RedisError

from services.core.config import Settings
from services.generation.tasks import RUN_BATCH
from services.infra.jobs import SaqQueue
from services.seedream.simulator import Latency, SimulatorConfig
from services.seedream.simulator import create_app as create_simulator
from tests.conftest import Caller, create_pg_database, drop_pg_database
from tests.distributed_support import Cluster, free_port, make_caller, poll, serve_app
from tests.generation_support import generate, new_project
from tests.redis_proxy import RedisProxy

pytestmark = pytest.mark.slow

LEASE_S = 3
RECONCILE_S = 1
BOUND_S = 60.0
"""Seconds from the end of an outage until every batch has ended (lease + pass + provider time, with room)."""
FAST = {
    "BATCH_LEASE_SECONDS": str(LEASE_S),
    "RECONCILE_INTERVAL_SECONDS": str(RECONCILE_S),
    "OUTBOX_SWEEP_SECONDS": "1",
}
TERMINAL = ("SUCCEEDED", "PARTIALLY_SUCCEEDED", "FAILED", "CANCELLED")
HEARTBEAT_S = Settings.model_fields["worker_dead_after_seconds"].default
"""``WORKER_DEAD_AFTER_SECONDS`` as the cluster runs it (the default: neither the API nor the workers set it)."""
RETRY_BUDGET_S = sum(
    min(RUN_BATCH.retry_delay_s * 2**attempt, RUN_BATCH.retry_backoff_max_s) for attempt in range(RUN_BATCH.retries - 1)
)
"""The longest a batch job's attempts could last if each failed at once (the backoffs between them: 15 s)."""


class RedisServer:
    """A ``redis-server`` of the test's own on a free port: killed, restarted empty, paused and resumed."""

    def __init__(self, work_dir: Path) -> None:
        self.port = free_port()
        self.work_dir = work_dir
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    async def start(self) -> None:
        self.process = await asyncio.to_thread(
            subprocess.Popen,
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=self.work_dir,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = Redis.from_url(self.url)

        async def answers() -> bool:
            try:
                reply = client.ping()  # typed for the sync and async clients alike
                return bool(await reply if isinstance(reply, Awaitable) else reply)
            except (OSError, RedisError):  # not listening yet
                return False

        try:
            await poll(answers, within=10, what="redis-server to answer")
        finally:
            await client.aclose()

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def pause(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.kill()


class FaultCluster(Cluster):
    """`Cluster` on a Redis of its own (no relay for Redis) and PostgreSQL through a relay the test cuts."""

    def __init__(self, *, work_dir: Path, database_url: str, redis_server: RedisServer, pg_proxy: RedisProxy) -> None:
        redis = Redis.from_url(redis_server.url)
        super().__init__(
            work_dir=work_dir,
            database_url=database_url,
            namespace="faults",
            redis=redis,
            proxy=RedisProxy("127.0.0.1", redis_server.port),
        )
        self.redis_server = redis_server
        self.pg_proxy = pg_proxy
        self.direct_database_url = database_url
        self.database_url = database_url.replace(
            database_url.split("@", 1)[1].split("/", 1)[0], f"127.0.0.1:{pg_proxy.port}"
        )

    @property
    def shared_env(self) -> dict[str, str]:
        return super().shared_env | {"REDIS_URL": self.redis_server.url, "SIGNUP_CREDITS": "60"} | FAST

    async def start_api(self) -> None:
        # The API goes straight to the test's Redis (the base class would put the relay in front of it).
        saved = self.proxy
        self.proxy = _Direct(self.redis_server.port)  # type: ignore[assignment]
        try:
            await super().start_api()
        finally:
            self.proxy = saved

    async def fetch(self, sql: str, *args: Any) -> list[Any]:
        conn = await asyncpg.connect(self.direct_database_url)
        try:
            return list(await conn.fetch(sql, *args))
        finally:
            await conn.close()


class _Direct:
    """Stands in for the relay in `Cluster.start_api`: the URL of the Redis itself."""

    def __init__(self, port: int) -> None:
        self.port = port

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/0"  # the test's own Redis: database 0, as the workers use


@pytest.fixture(scope="module")
async def faults(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[FaultCluster]:
    work_dir = tmp_path_factory.mktemp("faults")
    redis_server = RedisServer(work_dir)
    await redis_server.start()
    direct = await create_pg_database()
    host, port = direct.split("@", 1)[1].split("/", 1)[0].rsplit(":", 1)
    pg_proxy = RedisProxy(host, int(port))
    await pg_proxy.start()
    cluster = FaultCluster(work_dir=work_dir, database_url=direct, redis_server=redis_server, pg_proxy=pg_proxy)
    simulator = create_simulator(SimulatorConfig(latency=Latency.fixed(0.0), record_requests=True))
    try:
        async with serve_app(simulator) as simulator_url:
            cluster.simulator = simulator  # type: ignore[attr-defined]
            cluster.saq = SaqQueue(redis_server.url, name=cluster.namespace)
            await cluster.saq.start()
            await cluster.migrate()
            await cluster.start_api()
            for _ in range(2):
                await cluster.start_worker(SEEDREAM_BASE_URL=simulator_url, WORKER_CONCURRENCY="4", **FAST)
            yield cluster
    finally:
        await cluster.stop_workers()
        if cluster.api_process is not None:
            await cluster.api_process.stop()
        if cluster.api is not None:
            await cluster.api.close()
        with contextlib.suppress(Exception):
            await cluster.saq.close()
        with contextlib.suppress(Exception):
            await cluster.redis.aclose()
        await pg_proxy.close()
        redis_server.stop()
        await drop_pg_database(direct)


async def _submit(cluster: FaultCluster, tag: str, count: int, delay: int = 2) -> dict[str, Caller]:
    """``count`` batches (a 2-image set each, a provider call of ``delay`` s) by two users; batch id -> owner."""
    users = [make_caller(f"{tag}-a"), make_caller(f"{tag}-b")]
    batches: dict[str, Caller] = {}
    for index in range(count):
        user = users[index % 2]
        project = await new_project(cluster.gql, user)
        payload = await generate(
            cluster.gql,
            user,
            projectId=project,
            mode="SEQUENTIAL",
            prompt=f"{tag} batch {index} [[delay:{delay}]]",
            maxImages=2,
            size="1024x1024",
        )
        assert payload["userErrors"] == [], payload
        batches[payload["batchJob"]["id"]] = user
    return batches


async def _all_terminal(cluster: FaultCluster, batches: dict[str, Caller]) -> None:
    async def ended() -> bool:
        rows = await cluster.fetch("SELECT status FROM playground_batch_jobs WHERE id = ANY($1::uuid[])", list(batches))
        return len(rows) == len(batches) and all(row["status"] in TERMINAL for row in rows)

    await poll(ended, within=BOUND_S, what="every batch to end", interval=0.2, context=cluster.diagnostics)


async def _assert_honest(cluster: FaultCluster, tag: str, batches: dict[str, Caller]) -> None:
    """Ledger exact, nothing held for an ended batch, at most one purchase per set."""
    for row in await cluster.fetch(
        "SELECT u.credits, COALESCE(SUM(l.amount), 0) AS total FROM users u "
        "LEFT JOIN credit_ledger l ON l.user_id = u.id GROUP BY u.id, u.credits"
    ):
        assert row["credits"] == row["total"], row
        assert row["credits"] >= 0
    for row in await cluster.fetch(
        "SELECT b.id, b.status, b.credits_reserved, b.credits_captured, b.credits_refunded, "
        "COALESCE((SELECT SUM(held_delta) FROM credit_ledger l WHERE l.reference = b.id::text), 0) AS held "
        "FROM playground_batch_jobs b WHERE b.id = ANY($1::uuid[])",
        list(batches),
    ):
        assert row["held"] == 0, dict(row)
        assert row["credits_captured"] + row["credits_refunded"] == row["credits_reserved"], dict(row)
    state = cluster.simulator.state.simulator  # type: ignore[attr-defined]
    bought = Counter(
        request.body["prompt"]
        for request in state.requests
        if request.method == "POST" and str(request.body.get("prompt", "")).startswith(tag)
    )
    assert bought, "the simulator saw no purchase"
    assert max(bought.values()) <= 1, bought
    statuses = Counter(
        row["status"]
        for row in await cluster.fetch(
            "SELECT status FROM playground_batch_jobs WHERE id = ANY($1::uuid[])", list(batches)
        )
    )
    handed = await cluster.fetch("SELECT SUM(handbacks) AS n FROM playground_batch_jobs")
    purchases = sum(bought.values())
    print(f"\n{tag}: {dict(statuses)}, purchases {purchases} for {len(bought)} sets, hand-backs {handed[0]['n']}")
    for row in await cluster.fetch(
        "SELECT id, status, error_message FROM playground_batch_jobs "
        "WHERE status <> 'SUCCEEDED' AND id = ANY($1::uuid[])",
        list(batches),
    ):
        print(f"  {row['id']} {row['status']}: {row['error_message']}")
        for item in await cluster.fetch(
            "SELECT status, error_category, error_code, error_message, provider_call_state, outcome_unknown "
            "FROM playground_batch_items WHERE batch_job_id = $1",
            row["id"],
        ):
            print(f"    {dict(item)}")


async def _nothing_given_up(cluster: FaultCluster, batches: dict[str, Caller]) -> None:
    """No purchase was given up as an unknown outcome: an outage of the database is no reason to lose what the
    provider sold (the task id it answered is written once the database is back, and the task resumed)."""
    given_up = await cluster.fetch(
        "SELECT i.batch_job_id, i.outcome_unknown FROM playground_batch_items i "
        "WHERE i.error_code = 'PROVIDER_OUTCOME_UNKNOWN' AND i.batch_job_id = ANY($1::uuid[])",
        list(batches),
    )
    assert [dict(row) for row in given_up] == []


async def _running(cluster: FaultCluster, batches: dict[str, Caller]) -> bool:
    rows = await cluster.fetch(
        "SELECT count(*) AS n FROM playground_batch_jobs WHERE status = 'RUNNING' AND id = ANY($1::uuid[])",
        list(batches),
    )
    return bool(rows[0]["n"])


async def test_redis_killed_and_restarted_empty(faults: FaultCluster) -> None:
    # More batches than the two workers can hold, so that some wait in Redis's queue when it loses everything. A
    # worker hands a batch's worker slot back once its (one) item has an item slot, so each worker holds the batches
    # of its calls in flight (PER_USER_CONCURRENCY 4 for each of the two users: 8) plus WORKER_CONCURRENCY (4) whose
    # item waits for one: 24 for the two.
    batches = await _submit(faults, "redis-empty", 32, delay=4)
    await poll(lambda: _running(faults, batches), within=30, what="a batch to run", context=faults.diagnostics)
    faults.redis_server.kill()
    await poll(
        lambda: _component_down(faults, "redis"),
        within=30,
        what="/readyz to see Redis down",
        context=faults.diagnostics,
    )
    await faults.redis_server.start()  # the same port, no data
    await _all_terminal(faults, batches)
    await _assert_honest(faults, "redis-empty", batches)
    # The jobs that waited were lost with Redis's data: the reconciler handed their batches back.
    handed = await faults.fetch(
        "SELECT COALESCE(SUM(handbacks), 0) AS n FROM playground_batch_jobs WHERE id = ANY($1::uuid[])", list(batches)
    )
    assert handed[0]["n"] >= 1


async def test_redis_paused(faults: FaultCluster) -> None:
    batches = await _submit(faults, "redis-paused", 6)
    await poll(lambda: _running(faults, batches), within=30, what="a batch to run", context=faults.diagnostics)
    faults.redis_server.pause()
    try:
        await poll(
            lambda: _component_down(faults, "redis"),
            within=30,
            what="/readyz to see Redis down",
            context=faults.diagnostics,
        )
    finally:
        faults.redis_server.resume()
    await _all_terminal(faults, batches)
    await _assert_honest(faults, "redis-paused", batches)


async def test_postgres_cut(faults: FaultCluster) -> None:
    batches = await _submit(faults, "pg-cut", 6)
    await poll(lambda: _running(faults, batches), within=30, what="a batch to run", context=faults.diagnostics)
    await faults.pg_proxy.cut()
    try:
        await poll(
            lambda: _component_down(faults, "database"),
            within=30,
            what="/readyz to see the database down",
            context=faults.diagnostics,
        )
        # Long enough for the workers' jobs to fail against it again and again (attempts must not burn).
        async with asyncio.timeout(30):
            await faults.pg_proxy.wait_refused(faults.pg_proxy.refused + 30)
    finally:
        faults.pg_proxy.restore()
    await _all_terminal(faults, batches)
    await _assert_honest(faults, "pg-cut", batches)
    await _nothing_given_up(faults, batches)


async def _component_down(cluster: FaultCluster, name: str) -> bool:
    return await cluster.gql.component(name) == "down"


async def _outage_lasts(seconds: float, since: float) -> None:
    """The length of an outage from its start (``since``, the loop's clock): a parameter of the scenario (how long
    the dependency stays away), not a wait for a condition."""
    await asyncio.sleep(max(0.0, since + seconds - asyncio.get_running_loop().time()))


async def test_postgres_cut_longer_than_every_retry_budget(faults: FaultCluster) -> None:
    # The issue's 45 s cut outlasted the jobs' attempts (5, 15 s of backoff in all) and stranded 4 batches with
    # credits held. Scaled from the settings rather than copied: longer than the attempts' whole backoff
    # (RETRY_BUDGET_S) plus a lease and a reconcile pass, so that a job spending attempts on the outage would run out
    # of them and a lease taken before it would lapse during it (21 s with the defaults and FAST).
    cut_s = RETRY_BUDGET_S + LEASE_S + RECONCILE_S + 2
    batches = await _submit(faults, "pg-long", 4)
    await poll(lambda: _running(faults, batches), within=30, what="a batch to run", context=faults.diagnostics)
    cut_at = asyncio.get_running_loop().time()
    await faults.pg_proxy.cut()
    try:
        await poll(
            lambda: _component_down(faults, "database"),
            within=30,
            what="/readyz to see the database down",
            context=faults.diagnostics,
        )
        await _outage_lasts(cut_s, since=cut_at)
    finally:
        faults.pg_proxy.restore()
    await _all_terminal(faults, batches)
    await _assert_honest(faults, "pg-long", batches)
    await _nothing_given_up(faults, batches)


async def test_redis_paused_past_every_heartbeat(faults: FaultCluster) -> None:
    # Paused past the jobs' heartbeat and the batch lease: when Redis is back every running job looks dead, and a
    # sweep that judged them at once would abort them all (SAQ issue #277).
    pause_s = max(HEARTBEAT_S, LEASE_S) + 3
    batches = await _submit(faults, "redis-long", 4, delay=3)
    await poll(lambda: _running(faults, batches), within=30, what="a batch to run", context=faults.diagnostics)
    paused_at = asyncio.get_running_loop().time()
    faults.redis_server.pause()
    try:
        await poll(
            lambda: _component_down(faults, "redis"),
            within=30,
            what="/readyz to see Redis down",
            context=faults.diagnostics,
        )
        await _outage_lasts(pause_s, since=paused_at)
    finally:
        faults.redis_server.resume()
    await _all_terminal(faults, batches)
    await _assert_honest(faults, "redis-long", batches)
    # No live job was swept when Redis came back: each batch ran in its first attempt.
    attempts = {batch_id: job.attempts for batch_id in batches if (job := await faults.job(batch_id)) is not None}
    assert attempts == dict.fromkeys(batches, 1), attempts


async def test_a_live_job_swept_anyway_runs_again_without_buying_twice(faults: FaultCluster) -> None:
    # A worker stalls (SIGSTOP) in the middle of a provider call, past its heartbeat and its lease: its job is swept
    # and re-delivered to the other worker, which takes the lapsed lease. Then the stalled worker wakes up with the
    # provider's answer still coming. The batch runs again on the other worker, and nothing is bought twice.
    batches = await _submit(faults, "swept-live", 2, delay=4)
    state = faults.simulator.state.simulator  # type: ignore[attr-defined]
    by_prompt = {f"swept-live batch {index} ": batch_id for index, batch_id in enumerate(batches)}

    async def buying() -> tuple[str, Any] | None:
        """A batch whose purchase the simulator has received, and the worker whose lease runs it."""
        for request in state.requests:
            prompt = str(request.body.get("prompt", "")) if request.method == "POST" else ""
            batch_id = next((b for start, b in by_prompt.items() if prompt.startswith(start)), None)
            if batch_id is None:
                continue
            rows = await faults.fetch("SELECT lease_owner FROM playground_batch_jobs WHERE id = $1::uuid", batch_id)
            owner = rows[0]["lease_owner"] or ""
            for worker in faults.workers:
                if f":{worker.process.pid}:" in owner:
                    return batch_id, worker
        return None

    batch_id, stalled = await poll(buying, within=30, what="a purchase in flight", context=faults.diagnostics)
    stalled.process.popen.send_signal(signal.SIGSTOP)
    try:

        async def taken_over() -> bool:
            rows = await faults.fetch(
                "SELECT status, lease_owner FROM playground_batch_jobs WHERE id = $1::uuid", batch_id
            )
            owner = rows[0]["lease_owner"] or ""
            return rows[0]["status"] in TERMINAL or (
                owner.startswith("run:") and f":{stalled.process.pid}:" not in owner
            )

        await poll(taken_over, within=30, what="another worker to take the batch", context=faults.diagnostics)
        job = await faults.job(batch_id)
        assert job is not None
        assert job.attempts >= 2, job  # swept, and run again
    finally:
        stalled.process.popen.send_signal(signal.SIGCONT)
    await _all_terminal(faults, batches)
    await _assert_honest(faults, "swept-live", batches)
