"""The job_outbox migration carries the batch outbox's rows over as run_batch jobs, on both dialects.

Each chain is applied migration by migration (their upgrade SQL) up to the one before job_outbox, a batch outbox row
is written, then job_outbox runs: the row is in playground_job_outbox, as kind run_batch, and the old table is gone.
"""

from __future__ import annotations

import importlib.util
import sqlite3
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from services.core.db import AERICH_APP, MIGRATIONS_DIR
from tests.migrations_support import _asyncpg_dsn, postgres_admin_url, throwaway_postgres

ROW = "INSERT INTO playground_batch_outbox (id, batch_job_id, attempts, due_at, last_error, created_at) VALUES "


async def upgrade_sql(dialect: str, name: str) -> str:
    path = MIGRATIONS_DIR / dialect / AERICH_APP / name
    spec = importlib.util.spec_from_file_location(f"migration_{dialect}_{path.stem}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sql: str = await module.upgrade(None)
    return sql


@pytest.fixture
async def pg_url() -> AsyncIterator[str]:
    admin = postgres_admin_url()
    if admin is None:
        pytest.skip("PostgreSQL tests disabled")
    async with throwaway_postgres(admin) as url:
        yield url


def split(dialect: str) -> tuple[list[str], str]:
    """The chain's files in order (by number) before job_outbox, and job_outbox's."""
    files = sorted(
        (p.name for p in (MIGRATIONS_DIR / dialect / AERICH_APP).glob("[0-9]*_*.py")),
        key=lambda n: int(n.split("_")[0]),
    )
    target = next(f for f in files if f.split("_", 2)[-1] == "job_outbox.py")
    return files[: files.index(target)], target


async def test_sqlite_carries_batch_outbox_rows_over(tmp_path: Path) -> None:
    before, target = split("sqlite")
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
    before, target = split("postgres")
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
