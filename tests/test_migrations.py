"""The aerich chains (migrations/sqlite, migrations/postgres) apply to an empty database and match the models.

PostgreSQL tests create their own databases through the admin URL in ``PLAYGROUND_TEST_POSTGRES_URL`` (default
``postgres://postgres@127.0.0.1:5432/postgres``) and drop them afterwards. When the server is unreachable they
fail; set the variable to an empty string to skip them explicitly. Select one dialect with ``-k sqlite`` or
``-k postgres``.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Awaitable, Iterator
from contextlib import closing
from pathlib import Path
from typing import TypeVar

import asyncpg
import pytest
from starlette.applications import Starlette
from tortoise.backends.base.executor import EXECUTOR_CACHE
from tortoise.context import TortoiseContext, get_current_context
from tortoise.contrib.starlette import RegisterTortoise

import services.core.db
from models import Project, User
from services.core.db import AERICH_APP, MIGRATIONS_DIR, migrate, tortoise_config
from tests.migrations_support import (
    generate_schemas,
    postgres_admin_url,
    postgres_ping,
    postgres_schema,
    schema_diff,
    sqlite_schema,
    sqlite_url,
    throwaway_postgres,
)

ROOT = Path(__file__).resolve().parent.parent
DIALECTS = ["sqlite", "postgres"]
# Indexes aerich cannot write, added in `-- hand-written:` blocks of the PostgreSQL chain (not in the models).
HAND_WRITTEN_POSTGRES_INDEXES = [
    "playground_gallery.expression index gin (to_tsvector('simple'::regconfig, (search_text)::text))",
]
T = TypeVar("T")


def chain_files(dialect: str) -> list[str]:
    # By number, as aerich orders them (10_ after 9_, not after 1_).
    names = [p.name for p in (MIGRATIONS_DIR / dialect / AERICH_APP).glob("[0-9]*_*.py")]
    return sorted(names, key=lambda name: int(name.split("_", 1)[0]))


@pytest.fixture(autouse=True)
def _clear_tortoise_executor_cache() -> None:
    """Tortoise 1.1.9 caches each model's INSERT/DELETE SQL process-wide keyed by (connection name, schema,
    table), not by dialect: once a model was saved through the SQLite "default" connection, saving it through
    a PostgreSQL "default" reuses the SQLite SQL (``?`` placeholders: syntax error). Tests here switch dialects
    within one process, so start each with an empty cache. (A single app process uses one database.)"""
    EXECUTOR_CACHE.clear()


@pytest.fixture(scope="session")
async def pg_admin_url() -> str:
    url = postgres_admin_url()
    if url is None:
        pytest.skip("PostgreSQL tests disabled: PLAYGROUND_TEST_POSTGRES_URL is set to an empty string")
    try:
        await postgres_ping(url)
    except (OSError, asyncpg.PostgresError) as exc:
        pytest.fail(
            f"PostgreSQL at {url} is unreachable ({exc!r}): start it, point PLAYGROUND_TEST_POSTGRES_URL"
            " at another server, or set it to an empty string to skip the PostgreSQL tests"
        )
    return url


@pytest.fixture
async def pg_url(pg_admin_url: str) -> AsyncIterator[str]:
    """A fresh, empty PostgreSQL database, dropped after the test."""
    async with throwaway_postgres(pg_admin_url) as url:
        yield url


async def in_task(coro: Awaitable[T]) -> T:
    """Runs ``coro`` in its own task with empty context variables: it neither sees the session app's Tortoise context
    (which it would otherwise re-initialise and close) nor leaves what it sets (Tortoise.init does) behind."""

    async def run() -> T:
        return await coro

    return await asyncio.create_task(run(), context=contextvars.Context())


# --- the chains themselves ----------------------------------------------------------------------------------


@pytest.mark.parametrize("dialect", DIALECTS)
def test_chain_exists_and_chains_are_in_step(dialect: str) -> None:
    files = chain_files(dialect)
    assert files, f"no migrations in migrations/{dialect}/models: run scripts/makemigrations init"
    assert files[0].startswith("0_")
    assert files[0].endswith("_init.py")
    assert len(files) == len(chain_files("sqlite")) == len(chain_files("postgres"))
    # Same names in both chains (timestamps may differ by the second aerich took between them).
    names = {d: [f.split("_", 2)[2] for f in chain_files(d)] for d in DIALECTS}
    assert names["sqlite"] == names["postgres"]


@pytest.mark.parametrize("dialect", DIALECTS)
def test_aerich_detects_no_changes_offline(dialect: str, tmp_path: Path) -> None:
    """aerich's own check, on a copy of the chain so the repository is never written to."""
    location = tmp_path / dialect
    shutil.copytree(MIGRATIONS_DIR / dialect / AERICH_APP, location / AERICH_APP)
    config = tmp_path / f"aerich_{dialect}.toml"
    config.write_text(
        f'[tool.aerich]\ntortoise_orm = "services.core.db.AERICH_{dialect.upper()}"\nlocation = "{location}"\n'
    )
    before = sorted(p.name for p in (location / AERICH_APP).iterdir())
    result = subprocess.run(
        [sys.executable, "-m", "aerich", "-c", str(config), "migrate", "--name", "drift_check", "--offline"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = result.stdout + result.stderr
    new_files = sorted(set(p.name for p in (location / AERICH_APP).iterdir()) - set(before))
    generated = "".join(
        (location / AERICH_APP / f).read_text().split("MODELS_STATE")[0] for f in new_files if f.endswith(".py")
    )
    assert result.returncode == 0, output
    assert "No changes detected" in output, (
        f"the models changed without a migration; run scripts/makemigrations NAME.\n{output}\n{generated}"
    )
    assert not [f for f in new_files if f.endswith(".py")]


def test_makemigrations_check_passes(tmp_path: Path) -> None:
    env = {**os.environ, "AERICH": f"{sys.executable} -m aerich", "TMPDIR": str(tmp_path)}
    result = subprocess.run(
        [str(ROOT / "scripts" / "makemigrations"), "--check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "sqlite: no changes detected" in result.stdout
    assert "postgres: no changes detected" in result.stdout


# --- applying the chains: no drift, idempotent ------------------------------------------------------------


async def test_sqlite_chain_matches_models(tmp_path: Path) -> None:
    migrated_db = tmp_path / "migrated.db"
    applied = await migrate(sqlite_url(migrated_db))
    assert applied == chain_files("sqlite")

    generated_db = tmp_path / "generated.db"
    await in_task(generate_schemas(sqlite_url(generated_db)))

    migrated, generated = sqlite_schema(migrated_db), sqlite_schema(generated_db)
    assert any(line.startswith("users.column") for line in generated), generated
    assert migrated == generated, "schema drift:\n" + schema_diff(migrated, generated)
    assert await migrate(sqlite_url(migrated_db)) == []


async def test_postgres_chain_matches_models(pg_url: str, pg_admin_url: str) -> None:
    applied = await migrate(pg_url)
    assert applied == chain_files("postgres")
    assert await migrate(pg_url) == []

    async with throwaway_postgres(pg_admin_url) as generated_url:
        await in_task(generate_schemas(generated_url))
        generated = await postgres_schema(generated_url)
    migrated = await postgres_schema(pg_url)
    assert any(line.startswith("users.column") for line in generated), generated
    hand_written = [line for line in migrated if ".expression index " in line]
    assert hand_written == HAND_WRITTEN_POSTGRES_INDEXES
    migrated = [line for line in migrated if line not in hand_written]
    assert migrated == generated, "schema drift:\n" + schema_diff(migrated, generated)


@pytest.mark.parametrize(
    ("table", "line"),
    [
        ("users", "users.unique (subject)"),
        ("credit_ledger", "credit_ledger.unique (idempotency_key)"),
        ("playground_style_presets", "playground_style_presets.unique (share_code)"),
        ("playground_batch_jobs", "playground_batch_jobs.unique (owner_id, idempotency_key)"),
        ("playground_gallery", "playground_gallery.unique (owner_id, image_edit_id)"),
    ],
)
async def test_unique_constraints_present_after_sqlite_migration(tmp_path: Path, table: str, line: str) -> None:
    """unique=True and unique_together survive aerich's initial migration (tortoise#2272 is Meta.constraints)."""
    db = tmp_path / "m.db"
    await migrate(sqlite_url(db))
    assert line in sqlite_schema(db)


# --- data safety and the Tortoise context -------------------------------------------------------------------


async def _insert_user_and_project(url: str) -> tuple[str, str]:
    async with TortoiseContext() as context:
        await context.init(config=tortoise_config(url))
        user = await User.create(subject=f"migration-test-{uuid.uuid4().hex[:8]}")
        project = await Project.create(owner=user, name="kept")
        return str(user.id), str(project.id)


def _sqlite_ids(path: Path, table: str) -> set[str]:
    with closing(sqlite3.connect(path)) as db:
        return {str(row[0]) for row in db.execute(f'SELECT id FROM "{table}"')}  # noqa: S608 (test's own names)


async def test_sqlite_rerun_keeps_rows(tmp_path: Path) -> None:
    db = tmp_path / "app.db"
    await migrate(sqlite_url(db))
    user_id, project_id = await in_task(_insert_user_and_project(sqlite_url(db)))
    assert await migrate(sqlite_url(db)) == []
    assert user_id in _sqlite_ids(db, "users")
    assert project_id in _sqlite_ids(db, "playground_projects")


REBUILD_USERS = '''from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        {create};
        INSERT INTO "users_rebuilt" SELECT * FROM "users";
        DROP TABLE "users";
        ALTER TABLE "users_rebuilt" RENAME TO "users";"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return ""
'''


async def test_sqlite_table_rebuild_does_not_cascade(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A later migration that rebuilds a parent table (what aerich does on SQLite to alter a column) must not
    cascade-delete child rows: migrate() runs with foreign keys off and checks them afterwards."""
    chain = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR / "sqlite", chain / "sqlite")
    monkeypatch.setattr(services.core.db, "MIGRATIONS_DIR", chain)
    db = tmp_path / "app.db"
    await migrate(sqlite_url(db))
    user_id, project_id = await in_task(_insert_user_and_project(sqlite_url(db)))

    with closing(sqlite3.connect(db)) as conn:
        (create_users,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'users'").fetchone()
    create = create_users.replace('"users"', '"users_rebuilt"', 1)
    (chain / "sqlite" / AERICH_APP / "99_20990101000000_rebuild_users.py").write_text(
        REBUILD_USERS.format(create=create)
    )
    assert await migrate(sqlite_url(db)) == ["99_20990101000000_rebuild_users.py"]
    assert user_id in _sqlite_ids(db, "users")
    assert project_id in _sqlite_ids(db, "playground_projects")


@contextlib.contextmanager
def own_global_context() -> Iterator[None]:
    """``RegisterTortoise`` makes its context Tortoise's one global fallback and clears it on exit: that would take
    the session app's (which the other tests reach through it) with it. The app's is set aside meanwhile and put
    back."""
    from tortoise import context

    kept = context._global_context
    context._global_context = None
    try:
        yield
    finally:
        context._global_context = kept


async def test_migrate_then_register_tortoise_in_same_process(tmp_path: Path) -> None:
    """The app's startup: migrate() on the embedded default, then RegisterTortoise in the same process."""
    url = sqlite_url(tmp_path / "app.db")

    async def startup() -> int:
        before = get_current_context()
        await migrate(url)
        assert get_current_context() is before, "migrate() must not leave a Tortoise context behind"
        async with RegisterTortoise(Starlette(), config=tortoise_config(url)):
            await User.create(subject="after-migrate")
            # migrate() while the app's context is active: uses its own context, leaves the app's usable.
            assert await migrate(url) == []
            return await User.filter(subject="after-migrate").count()

    with own_global_context():
        assert await in_task(startup()) == 1


async def test_migrate_postgres_then_register_tortoise(pg_url: str) -> None:
    async def startup() -> int:
        await migrate(pg_url)
        async with RegisterTortoise(Starlette(), config=tortoise_config(pg_url)):
            await User.create(subject="after-migrate")
            assert await migrate(pg_url) == []
            return await User.filter(subject="after-migrate").count()

    with own_global_context():
        assert await in_task(startup()) == 1


BROKEN = '''from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE "half_done" ("id" INT NOT NULL PRIMARY KEY);
        ALTER TABLE "users" ADD "nickname" VARCHAR(40);
        THIS IS NOT SQL;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return ""
'''


async def test_sqlite_failed_migration_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's executescript commits as it goes: a migration failing halfway must not leave half of it behind."""
    chain = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR / "sqlite", chain / "sqlite")
    monkeypatch.setattr(services.core.db, "MIGRATIONS_DIR", chain)
    db = tmp_path / "app.db"
    await migrate(sqlite_url(db))
    user_id, project_id = await in_task(_insert_user_and_project(sqlite_url(db)))
    (chain / "sqlite" / AERICH_APP / "98_20990101000000_broken.py").write_text(BROKEN)

    with pytest.raises(Exception, match="syntax error"):
        await migrate(sqlite_url(db))

    with closing(sqlite3.connect(db)) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        columns = {row[1] for row in conn.execute("PRAGMA table_info(users)")}
        versions = [row[0] for row in conn.execute("SELECT version FROM aerich")]
    assert "half_done" not in tables
    assert "nickname" not in columns
    assert not any("broken" in v for v in versions)
    assert user_id in _sqlite_ids(db, "users")
    assert project_id in _sqlite_ids(db, "playground_projects")
    assert not (tmp_path / "app.db.pre-migrate").exists()
