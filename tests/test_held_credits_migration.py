"""The held_credits migration fills ``users.credits_held`` from each user's ledger (the sum of ``held_delta``), on
both dialects.

Each chain is applied migration by migration (their upgrade SQL) up to the one before held_credits, users and ledger
entries are written, then held_credits runs: every user's new column equals their ledger's sum, 0 without entries.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from tests.migrations_support import _asyncpg_dsn, chain_until, throwaway_postgres_or_skip, upgrade_sql

USER = "INSERT INTO users (id, subject, display_name, role, credits, created_at, updated_at) VALUES "
ENTRY = (
    "INSERT INTO credit_ledger (id, user_id, amount, held_delta, kind, balance_after, description, idempotency_key,"
    " created_at) VALUES "
)
# (amount, held_delta, kind) per user: a reserve of 30 with one capture and one refund of 10 leaves 10 on hold.
LEDGERS = {
    "busy": [(100, 0, "SIGNUP"), (-30, 30, "RESERVE"), (0, -10, "CAPTURE"), (10, -10, "REFUND")],
    "settled": [(100, 0, "SIGNUP"), (-20, 20, "RESERVE"), (0, -20, "CAPTURE")],
    "fresh": [(50, 0, "SIGNUP")],
    "no_ledger": [],
}
EXPECTED = {"busy": 10, "settled": 0, "fresh": 0, "no_ledger": 0}


@pytest.fixture
async def pg_url() -> AsyncIterator[str]:
    async with throwaway_postgres_or_skip() as url:
        yield url


def ledger_rows(ids: dict[str, uuid.UUID]) -> list[tuple[uuid.UUID, uuid.UUID, int, int, str, int, str]]:
    rows = []
    for name, entries in LEDGERS.items():
        balance = 0
        for number, (amount, held, kind) in enumerate(entries):
            balance += amount
            rows.append((uuid.uuid4(), ids[name], amount, held, kind, balance, f"{kind.lower()}:{name}:{number}"))
    return rows


async def test_sqlite_fills_held_credits_from_the_ledger(tmp_path: Path) -> None:
    before, target = chain_until("sqlite", "held_credits")
    connection = sqlite3.connect(tmp_path / "m.db")
    try:
        for name in before:
            connection.executescript(await upgrade_sql("sqlite", name))
        ids = {name: uuid.uuid4() for name in LEDGERS}
        for name, ident in ids.items():
            connection.execute(
                USER + "(?, ?, '', 'USER', 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
                (
                    str(ident),
                    name,
                ),
            )
        for row in ledger_rows(ids):
            entry, user, *rest = row
            connection.execute(
                ENTRY + "(?, ?, ?, ?, ?, ?, '', ?, '2026-01-01 00:00:00')", (str(entry), str(user), *rest)
            )
        connection.commit()
        connection.executescript(await upgrade_sql("sqlite", target))
        held = dict(connection.execute("SELECT subject, credits_held FROM users").fetchall())
        held = {name: value for name, value in held.items() if name in LEDGERS}  # not the chain's built-in user
        assert held == EXPECTED
    finally:
        connection.close()


async def test_postgres_fills_held_credits_from_the_ledger(pg_url: str) -> None:
    before, target = chain_until("postgres", "held_credits")
    connection = await asyncpg.connect(_asyncpg_dsn(pg_url))
    try:
        for name in before:
            await connection.execute(await upgrade_sql("postgres", name))
        ids = {name: uuid.uuid4() for name in LEDGERS}
        for name, ident in ids.items():
            await connection.execute(USER + "($1, $2, '', 'USER', 0, now(), now())", ident, name)
        for row in ledger_rows(ids):
            await connection.execute(ENTRY + "($1, $2, $3, $4, $5, $6, '', $7, now())", *row)
        await connection.execute(await upgrade_sql("postgres", target))
        rows = await connection.fetch("SELECT subject, credits_held FROM users")
        held = {r["subject"]: r["credits_held"] for r in rows if r["subject"] in LEDGERS}  # not the built-in user
        assert held == EXPECTED
    finally:
        await connection.close()
