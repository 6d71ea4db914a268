"""The job_outbox migration carries the batch outbox's rows over as run_batch jobs, on both dialects.

Each chain is applied migration by migration (their upgrade SQL) up to the one before job_outbox, a batch outbox row
is written, then job_outbox runs: the row is in playground_job_outbox, as kind run_batch, and the old table is gone.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from tests.migrations_support import _asyncpg_dsn, chain_until, throwaway_postgres_or_skip, upgrade_sql

ROW = "INSERT INTO playground_batch_outbox (id, batch_job_id, attempts, due_at, last_error, created_at) VALUES "


@pytest.fixture
async def pg_url() -> AsyncIterator[str]:
    async with throwaway_postgres_or_skip() as url:
        yield url


async def test_sqlite_carries_batch_outbox_rows_over(tmp_path: Path) -> None:
    before, target = chain_until("sqlite", "job_outbox")
    connection = sqlite3.connect(tmp_path / "m.db")
    try:
        for name in before:
            connection.executescript(await upgrade_sql("sqlite", name))
        batch, row = str(uuid.uuid4()), str(uuid.uuid4())
        connection.execute(ROW + "(?, ?, 2, '2026-01-01 00:00:00', 'away', '2026-01-01 00:00:00')", (row, batch))
        connection.commit()
        connection.executescript(await upgrade_sql("sqlite", target))
        moved = connection.execute("SELECT id, kind, key, attempts, last_error FROM playground_job_outbox").fetchall()
        assert moved == [(row, "run_batch", batch, 2, "away")]
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "playground_batch_outbox" not in tables
    finally:
        connection.close()


async def test_postgres_carries_batch_outbox_rows_over(pg_url: str) -> None:
    before, target = chain_until("postgres", "job_outbox")
    connection = await asyncpg.connect(_asyncpg_dsn(pg_url))
    try:
        for name in before:
            await connection.execute(await upgrade_sql("postgres", name))
        batch, row = uuid.uuid4(), uuid.uuid4()
        await connection.execute("SET session_replication_role = replica")  # the outbox row's batch is not there
        await connection.execute(ROW + "($1, $2, 2, now(), 'away', now())", row, batch)
        await connection.execute("SET session_replication_role = DEFAULT")
        await connection.execute(await upgrade_sql("postgres", target))
        moved = await connection.fetch("SELECT id, kind, key, attempts, last_error FROM playground_job_outbox")
        assert [tuple(r) for r in moved] == [(row, "run_batch", batch, 2, "away")]
        assert await connection.fetchval("SELECT to_regclass('playground_batch_outbox')") is None
    finally:
        await connection.close()
