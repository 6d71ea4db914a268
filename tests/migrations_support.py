"""Helpers for the migration tests: throwaway databases, schema introspection for drift checks, and a chain's
migrations applied one by one up to a data migration (``chain_until``, ``upgrade_sql``).

A schema is rendered as sorted text lines (one per column, index/unique constraint and foreign key), so two
schemas compare with ``==`` and a mismatch prints as a unified diff. Deliberately ignored: names of indexes and
constraints (a ``unique_together`` added by a later aerich migration is a UNIQUE INDEX, the same thing
``generate_schemas`` writes as a table constraint), column defaults (Tortoise keeps defaults in Python; aerich
adds a DB default when it adds a NOT NULL column), comments, and aerich's own table.
"""

from __future__ import annotations

import contextlib
import difflib
import importlib.util
import os
import sqlite3
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest
from tortoise.context import TortoiseContext

from services.core.db import AERICH_APP, MIGRATIONS_DIR, tortoise_config
from tests.conftest import DB_PREFIX

POSTGRES_ADMIN_URL_ENV = "PLAYGROUND_TEST_POSTGRES_URL"
DEFAULT_POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
IGNORED_TABLES = frozenset({"aerich", "sqlite_sequence"})


def postgres_admin_url() -> str | None:
    """The admin URL throwaway databases are created through; ``None`` when explicitly disabled (empty)."""
    value = os.environ.get(POSTGRES_ADMIN_URL_ENV)
    if value is None:
        return DEFAULT_POSTGRES_ADMIN_URL
    return value or None


def sqlite_url(path: Path) -> str:
    return f"sqlite://{path.resolve()}"


def _with_database(url: str, database: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/" + database))


def _asyncpg_dsn(url: str) -> str:
    # asyncpg accepts postgres:// and postgresql://; Tortoise also allows asyncpg://.
    parts = urlsplit(url)
    scheme = "postgresql" if parts.scheme in {"asyncpg", "postgres", "postgresql"} else parts.scheme
    return urlunsplit(parts._replace(scheme=scheme, query=""))


async def postgres_ping(url: str) -> None:
    conn = await asyncpg.connect(_asyncpg_dsn(url), timeout=5)
    await conn.close()


@contextlib.asynccontextmanager
async def throwaway_postgres(admin_url: str, prefix: str | None = None) -> AsyncIterator[str]:
    """Creates an empty, uniquely named database and yields its URL; drops it (WITH FORCE) afterwards."""
    name = f"{prefix or DB_PREFIX + '_mig'}_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(_asyncpg_dsn(admin_url))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield _with_database(admin_url, name)
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@contextlib.asynccontextmanager
async def throwaway_postgres_or_skip() -> AsyncIterator[str]:
    """``throwaway_postgres`` through the admin URL, or the test skipped when PostgreSQL tests are disabled."""
    admin = postgres_admin_url()
    if admin is None:
        pytest.skip("PostgreSQL tests disabled")
    async with throwaway_postgres(admin) as url:
        yield url


def chain_until(dialect: str, migration: str) -> tuple[list[str], str]:
    """The chain's files in order (by number) before the migration named ``migration`` (its name after the number
    and timestamp, e.g. ``"workspaces"``), and that migration's file."""
    files = sorted(
        (p.name for p in (MIGRATIONS_DIR / dialect / AERICH_APP).glob("[0-9]*_*.py")),
        key=lambda n: int(n.split("_")[0]),
    )
    target = next(f for f in files if f.split("_", 2)[-1] == f"{migration}.py")
    return files[: files.index(target)], target


async def upgrade_sql(dialect: str, name: str) -> str:
    """The upgrade SQL of one migration file of a chain (what aerich would run)."""
    path = MIGRATIONS_DIR / dialect / AERICH_APP / name
    spec = importlib.util.spec_from_file_location(f"migration_{dialect}_{path.stem}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sql: str = await module.upgrade(None)
    return sql


async def generate_schemas(url: str) -> None:
    """Builds the models' tables in ``url`` with Tortoise's ``generate_schemas`` (no migrations)."""
    async with TortoiseContext() as context:
        await context.init(config=tortoise_config(url))
        await context.generate_schemas(safe=False)


# --- introspection -------------------------------------------------------------------------------------------


def sqlite_schema(path: Path) -> list[str]:
    lines: list[str] = []
    with contextlib.closing(sqlite3.connect(path)) as db:
        tables = [
            row[0]
            for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if row[0] not in IGNORED_TABLES
        ]
        for table in tables:
            lines.append(f"table {table}")
            pk: list[tuple[int, str]] = []
            for _cid, name, type_, notnull, _default, pk_pos in db.execute(f'PRAGMA table_info("{table}")'):
                null = "NOT NULL" if notnull or pk_pos else "NULL"
                lines.append(f"{table}.column {name} {type_.upper()} {null}")
                if pk_pos:
                    pk.append((pk_pos, name))
            lines.append(f"{table}.primary key ({', '.join(n for _, n in sorted(pk))})")
            for _seq, index, unique, origin, _partial in db.execute(f'PRAGMA index_list("{table}")'):
                if origin == "pk":
                    continue
                columns = [row[2] for row in db.execute(f'PRAGMA index_info("{index}")')]
                kind = "unique" if unique else "index"
                lines.append(f"{table}.{kind} ({', '.join(columns)})")
            fks: dict[int, list[tuple[int, str, str, str, str]]] = {}
            for fk_id, seq, ref_table, from_, to, _on_update, on_delete, _match in db.execute(
                f'PRAGMA foreign_key_list("{table}")'
            ):
                fks.setdefault(fk_id, []).append((seq, from_, ref_table, to, on_delete))
            for parts in fks.values():
                parts.sort()
                src = ", ".join(p[1] for p in parts)
                dst = ", ".join(p[3] for p in parts)
                lines.append(f"{table}.foreign key ({src}) -> {parts[0][2]} ({dst}) ON DELETE {parts[0][4]}")
    return sorted(lines)


_PG_ON_DELETE = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}


async def postgres_schema(url: str) -> list[str]:
    lines: list[str] = []
    conn = await asyncpg.connect(_asyncpg_dsn(url))
    try:
        tables = [
            row["relname"]
            for row in await conn.fetch(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname"
            )
            if row["relname"] not in IGNORED_TABLES
        ]
        for table in tables:
            lines.append(f"table {table}")
            for row in await conn.fetch(
                "SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull"
                " FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0"
                " AND NOT a.attisdropped ORDER BY a.attnum",
                f'"{table}"',
            ):
                null = "NOT NULL" if row["attnotnull"] else "NULL"
                lines.append(f"{table}.column {row['attname']} {row['type'].upper()} {null}")
            for row in await conn.fetch(
                "SELECT i.indisprimary, i.indisunique,"
                " array(SELECT a.attname FROM unnest(i.indkey::smallint[]) WITH ORDINALITY AS k(attnum, ord)"
                "       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
                "       ORDER BY k.ord) AS columns,"
                " pg_get_expr(i.indexprs, i.indrelid) AS expression, am.amname AS method"
                " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam"
                " WHERE i.indrelid = $1::regclass",
                f'"{table}"',
            ):
                columns = ", ".join(row["columns"])
                if row["expression"] is not None:  # written by hand in a migration (aerich cannot)
                    lines.append(f"{table}.expression index {row['method']} ({row['expression']})")
                elif row["indisprimary"]:
                    lines.append(f"{table}.primary key ({columns})")
                else:
                    lines.append(f"{table}.{'unique' if row['indisunique'] else 'index'} ({columns})")
            for row in await conn.fetch(
                "SELECT c.confdeltype::text AS confdeltype, r.relname AS ref_table,"
                " array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)"
                "       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum"
                "       ORDER BY k.ord) AS src,"
                " array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)"
                "       JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum"
                "       ORDER BY k.ord) AS dst"
                " FROM pg_constraint c JOIN pg_class r ON r.oid = c.confrelid"
                " WHERE c.conrelid = $1::regclass AND c.contype = 'f'",
                f'"{table}"',
            ):
                on_delete = _PG_ON_DELETE[row["confdeltype"]]
                lines.append(
                    f"{table}.foreign key ({', '.join(row['src'])}) -> {row['ref_table']}"
                    f" ({', '.join(row['dst'])}) ON DELETE {on_delete}"
                )
    finally:
        await conn.close()
    return sorted(lines)


def schema_diff(migrated: list[str], generated: list[str]) -> str:
    """A readable unified diff; empty when the schemas are equal."""
    return "\n".join(
        difflib.unified_diff(
            generated,
            migrated,
            fromfile="models (generate_schemas)",
            tofile="migrations (aerich chain)",
            lineterm="",
        )
    )
