"""usageAnalytics benchmark: one user's report over 90 days with 1,000,000 analytics rows (100 users) on PostgreSQL.

Creates a throwaway database (``PLAYGROUND_BENCH_POSTGRES_URL``, default the local server), migrates it with the
aerich chain (so the indexes are the migrations' own), fills ``playground_usage_analytics`` with one SQL statement
(``generate_series``: 90 % IMAGE rows, 10 % CALL rows, spread over 180 days, 100 users, 4 modes; no projects or
batches, which only change the grouping key), runs ``ANALYZE``, then times
``services.analytics.reports.usage_report`` (the whole call: every query it runs) and prints
``EXPLAIN (ANALYZE)`` of each statement of one call, so the plan's use of indexes shows.
Baseline in the same run: ``SELECT count(*)`` of the same user's rows in the range (the floor of any aggregation).
Run: ``python bench/bench_analytics.py [--rows N] [--calls N] [--quick]``.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import platform
import re
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import asyncpg
from tortoise import Tortoise

from models import Role, User
from services.analytics.reports import Granularity, GroupBy, Scope, usage_report
from services.core import db

ADMIN_URL = os.environ.get("PLAYGROUND_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
USERS = 100

FILL = """
INSERT INTO playground_usage_analytics (
    id, kind, user_id, project_id, presets, provider, mode, size_tier, outcome, images_requested, images_delivered,
    credits_captured, credits_refunded, processing_time_ms, error_category, created_at, item_id, batch_job_id
)
SELECT
    gen_random_uuid(),
    CASE WHEN (g / $2) % 10 = 0 THEN 'CALL' ELSE 'IMAGE' END,
    u.id,
    NULL,
    '[]'::jsonb,
    'simulator',
    (ARRAY['TEXT_TO_IMAGE', 'EDIT', 'SEQUENTIAL', 'MULTI_REFERENCE'])[1 + (g / $2) % 4],
    '2K',
    CASE WHEN g % 13 = 0 THEN 'FAILED' ELSE 'SUCCEEDED' END,
    1,
    CASE WHEN g % 13 = 0 THEN 0 ELSE 1 END,
    CASE WHEN g % 13 = 0 THEN 0 ELSE 2 END,
    CASE WHEN g % 13 = 0 THEN 2 ELSE 0 END,
    (500 + (g * 7919) % 20000)::int,
    CASE WHEN g % 13 = 0 THEN 'TRANSIENT' END,
    now() - (((g * 104729) % (180 * 86400)) || ' seconds')::interval,
    NULL,
    NULL
FROM generate_series(1, $1::bigint) AS g
JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM users) AS u ON u.n = g % $2
"""


class _Statements(logging.Handler):
    """The SQL (and values) Tortoise sends, for EXPLAIN."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.seen: list[tuple[str, list[Any]]] = []

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args if isinstance(record.args, tuple) else ()
        if len(args) >= 2 and str(args[0]).lstrip().upper().startswith(("SELECT", "WITH")):
            values = args[1]
            self.seen.append((str(args[0]), list(values) if isinstance(values, list | tuple) else []))


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--calls", type=int, default=30)
    parser.add_argument("--quick", action="store_true", help="100,000 rows, 10 calls")
    args = parser.parse_args()
    rows, calls = (100_000, 10) if args.quick else (args.rows, args.calls)

    admin = await asyncpg.connect(ADMIN_URL)
    name = f"playground_bench_{uuid.uuid4().hex[:10]}"
    await admin.execute(f'CREATE DATABASE "{name}"')
    url = ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        await db.migrate(url)
        await Tortoise.init(config=db.tortoise_config(url), _enable_global_fallback=True)
        conn = await asyncpg.connect(url)
        try:
            version = await conn.fetchval("SHOW server_version")
            print(
                f"machine: {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
                f"CPython {platform.python_version()}, PostgreSQL {version}"
            )
            for index in range(USERS):
                await User.create(id=uuid.uuid4(), subject=f"bench-{index}", credits=10_000, display_name=f"u{index}")
            started = time.perf_counter()
            await conn.execute(FILL, rows, USERS)
            await conn.execute("ANALYZE")
            print(f"filled {rows:,} analytics rows for {USERS} users in {time.perf_counter() - started:.1f} s")

            user = await User.get(subject="bench-7")
            admin_user = await User.get(subject="bench-8")
            await User.filter(id=admin_user.id).update(role=Role.ADMIN)
            admin_user = await User.get(id=admin_user.id)
            end = datetime.now(UTC)
            start = end - timedelta(days=90)
            in_range = await conn.fetchval(
                "SELECT count(*) FROM playground_usage_analytics WHERE user_id = $1 AND created_at >= $2"
                " AND created_at < $3",
                user.id,
                start,
                end,
            )
            print(f"user's rows in the 90-day range: {in_range:,}")

            async def timed(label: str, run: Any) -> None:
                await run()  # warm-up
                samples = []
                for _ in range(calls):
                    t0 = time.perf_counter()
                    await run()
                    samples.append((time.perf_counter() - t0) * 1000)
                samples.sort()
                p95 = samples[min(len(samples) - 1, int(0.95 * len(samples)))]
                print(f"{label:<58} median {statistics.median(samples):7.1f} ms   p95 {p95:7.1f} ms   (n={calls})")

            async def baseline() -> None:
                await conn.fetchval(
                    "SELECT count(*) FROM playground_usage_analytics WHERE user_id = $1 AND kind = 'IMAGE'"
                    " AND created_at >= $2 AND created_at < $3",
                    user.id,
                    start,
                    end,
                )

            await timed("baseline: count(*) of the user's IMAGE rows in range", baseline)
            for granularity, group_by in (
                (Granularity.DAY, GroupBy.MODE),
                (Granularity.WEEK, GroupBy.PROJECT),
                (Granularity.DAY, GroupBy.PRESET),
            ):

                async def one_user(g: Granularity = granularity, by: GroupBy = group_by) -> None:
                    await usage_report(user, start=start, end=end, granularity=g, group_by=by)

                await timed(f"usageAnalytics MINE, 90 days, {granularity.value}, by {group_by.value}", one_user)

            async def hourly() -> None:
                await usage_report(user, start=end - timedelta(days=31), end=end, granularity=Granularity.HOUR)

            await timed("usageAnalytics MINE, 31 days, HOUR, by MODE", hourly)

            async def everyone() -> None:
                await usage_report(admin_user, start=end - timedelta(days=7), end=end, scope=Scope.ALL)

            await timed("usageAnalytics ALL (admin), 7 days, DAY, by MODE", everyone)

            # The plans of one call.
            handler = _Statements()
            logger = logging.getLogger("tortoise.db_client")
            logger.addHandler(handler)
            logger.setLevel(logging.DEBUG)
            report = await usage_report(user, start=start, end=end)
            logger.removeHandler(handler)
            print(
                f"\nthe report read {report.totals.images_requested:,} images, {len(report.series)} days,"
                f" p50 {report.totals.p50_ms} ms, p95 {report.totals.p95_ms} ms"
            )
            print(f"\nplans of one usageAnalytics call ({len(handler.seen)} statements):")
            for sql, values in handler.seen:
                plan = await conn.fetch("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + sql, *values)
                lines = [row[0] for row in plan]
                indexes = sorted({m for line in lines for m in re.findall(r"(?:using|Index Scan on) (\S+)", line)})
                scans = [line.strip() for line in lines if "Scan" in line]
                print(f"- {sql[:90]}...")
                print(f"  indexes: {', '.join(indexes) or 'none'}; scans: {' | '.join(scans)}")
                print(f"  {next(line for line in lines if line.startswith('Execution Time'))}")
        finally:
            await conn.close()
    finally:
        await Tortoise.close_connections()
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


if __name__ == "__main__":
    asyncio.run(main())
