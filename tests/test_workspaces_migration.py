"""The workspaces migration gives every existing user a personal workspace and its OWNER membership, on both
dialects.

Each chain is applied migration by migration (their upgrade SQL) up to the one before workspaces, users are written
as the app wrote them then, then the workspaces migration runs: each user (the built-in library's owner included)
owns exactly one PERSONAL workspace, created when the user was, and is its OWNER member.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from tests.migrations_support import _asyncpg_dsn, chain_until, throwaway_postgres_or_skip, upgrade_sql

BUILT_IN = "00000000-0000-4000-8000-000000000001"
USER = 'INSERT INTO "users" ("id", "subject", "email", "role", "credits", "display_name", "created_at", "updated_at") '
PERSONAL = """
    SELECT "w"."owner_id", "w"."name", "w"."kind", "w"."created_at" = "u"."created_at", "m"."user_id", "m"."role"
    FROM "workspaces" AS "w"
    JOIN "users" AS "u" ON "u"."id" = "w"."owner_id"
    LEFT JOIN "workspace_members" AS "m" ON "m"."workspace_id" = "w"."id"
    ORDER BY "w"."owner_id"
"""


def expected(user_ids: list[str]) -> list[tuple[str, str, str, bool, str, str]]:
    return [(u, "Personal", "PERSONAL", True, u, "OWNER") for u in sorted(user_ids)]


@pytest.fixture
async def pg_url() -> AsyncIterator[str]:
    async with throwaway_postgres_or_skip() as url:
        yield url


async def test_sqlite_gives_every_user_a_personal_workspace(tmp_path: Path) -> None:
    before, target = chain_until("sqlite", "workspaces")
    connection = sqlite3.connect(tmp_path / "m.db")
    try:
        for name in before:
            connection.executescript(await upgrade_sql("sqlite", name))
        alice, bob = str(uuid.uuid4()), str(uuid.uuid4())
        for ident, subject, when in ((alice, "alice", "2026-01-01 10:00:00+00:00"), (bob, "bob", "2026-02-01")):
            connection.execute(USER + "VALUES (?, ?, NULL, 'user', 20, ?, ?, ?)", (ident, subject, subject, when, when))
        connection.commit()
        connection.executescript(await upgrade_sql("sqlite", target))
        rows = [tuple(r) for r in connection.execute(PERSONAL).fetchall()]
        assert [(*r[:3], bool(r[3]), *r[4:]) for r in rows] == expected([alice, bob, BUILT_IN])
        ids = connection.execute('SELECT "id" FROM "workspaces" UNION ALL SELECT "id" FROM "workspace_members"')
        for (ident,) in ids.fetchall():
            assert str(uuid.UUID(ident)) == ident  # the ids the ORM reads back
    finally:
        connection.close()


async def test_postgres_gives_every_user_a_personal_workspace(pg_url: str) -> None:
    before, target = chain_until("postgres", "workspaces")
    connection = await asyncpg.connect(_asyncpg_dsn(pg_url))
    try:
        for name in before:
            await connection.execute(await upgrade_sql("postgres", name))
        alice, bob = uuid.uuid4(), uuid.uuid4()
        for ident, subject in ((alice, "alice"), (bob, "bob")):
            await connection.execute(USER + "VALUES ($1, $2, NULL, 'user', 20, $2, now(), now())", ident, subject)
        await connection.execute(await upgrade_sql("postgres", target))
        rows = [tuple(str(v) if isinstance(v, uuid.UUID) else v for v in r) for r in await connection.fetch(PERSONAL)]
        assert rows == expected([str(alice), str(bob), BUILT_IN])
    finally:
        await connection.close()
