"""Tortoise configuration for the app, the CLI and aerich; connecting, migrating and closing."""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import os
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tortoise import Tortoise
from tortoise.backends.asyncpg.client import AsyncpgDBClient, TransactionWrapper
from tortoise.backends.base.client import (
    ConnectionWrapper,
    PoolConnectionWrapper,
    TransactionalDBClient,
    TransactionContext,
)
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.backends.sqlite.client import SqliteTransactionContext
from tortoise.connection import get_connections
from tortoise.exceptions import TransactionManagementError

from models import MODEL_MODULES

_PACKAGED_MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# A wheel (the Docker image) carries the chains inside this package (pyproject.toml force-include); a checkout and
# an editable install read them at the repository root, where scripts/makemigrations writes them.
MIGRATIONS_DIR = (
    _PACKAGED_MIGRATIONS if _PACKAGED_MIGRATIONS.is_dir() else Path(__file__).resolve().parents[2] / "migrations"
)
log = logging.getLogger(__name__)


def dialect_of(url: str) -> str:
    """``sqlite`` or ``postgres``: the migration chain a database URL uses."""
    scheme = urlsplit(url).scheme
    if scheme == "sqlite":
        return "sqlite"
    if scheme in {"postgres", "postgresql", "asyncpg", "psycopg"}:
        return "postgres"
    raise ValueError(f"unsupported database URL scheme {scheme!r}")


def _with_query(url: str, **params: str) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query.update(params)
    return urlunsplit(parts._replace(query=urlencode(query)))


def tortoise_config(url: str, *, with_aerich: bool = False, foreign_keys: bool = True) -> dict[str, Any]:
    """The Tortoise config for ``url``.

    ``with_aerich`` adds aerich's own table (needed to migrate); ``foreign_keys=False`` is how SQLite
    migrations run, because a table rebuild with foreign keys on cascade-deletes child rows.
    """
    if dialect_of(url) == "sqlite":
        path = url.split("://", 1)[1].split("?", 1)[0]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        if not foreign_keys:
            url = _with_query(url, foreign_keys="OFF")
    modules = [*MODEL_MODULES, "aerich.models"] if with_aerich else list(MODEL_MODULES)
    connection: str | dict[str, Any] = url
    if not with_aerich:
        expanded = expand_db_url(url)
        if expanded["engine"] == "tortoise.backends.asyncpg":
            # The same engine, its pool without asyncpg's per-release session reset (see services/core/pg_engine.py).
            connection = {**expanded, "engine": "services.core.pg_engine"}
    return {
        "connections": {"default": connection},
        "apps": {"models": {"models": modules, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


# Read by aerich through aerich_sqlite.toml / aerich_postgres.toml (`scripts/makemigrations`). Migrations
# are generated `--offline`, so these URLs are never connected to: they only pick the dialect aerich writes.
AERICH_SQLITE = tortoise_config("sqlite://:memory:", with_aerich=True)
AERICH_POSTGRES = tortoise_config("postgres://postgres@127.0.0.1:5432/postgres", with_aerich=True)
AERICH_APP = "models"


def migrations_location(dialect: str) -> Path:
    """The aerich ``location`` of a dialect's chain; the migration files live in ``<location>/models/``."""
    return MIGRATIONS_DIR / dialect


async def migrate(url: str) -> list[str]:
    """Apply the dialect's aerich chain to ``url``; returns the names of the migrations applied (if any).

    Idempotent: migrations already recorded in the ``aerich`` table are skipped. The work happens in a private
    ``TortoiseContext`` whose connections are closed before returning, so it neither reuses nor disturbs a
    context the caller (the app's ``RegisterTortoise``, a test fixture) has active, and the caller may
    initialise Tortoise afterwards as usual. On SQLite foreign keys are off while migrating (a table rebuild
    would otherwise cascade-delete child rows), ``PRAGMA foreign_key_check`` runs afterwards, and concurrent
    callers on the same file (several processes starting at once) are serialised by a lock file next to it.
    Not safe to run concurrently within one process: aerich keeps its migration state on a class.
    """
    dialect = dialect_of(url)
    if dialect != "sqlite":
        return await _upgrade(url, dialect)
    lock_path = _sqlite_lock_path(url)
    if lock_path is None:
        return await _upgrade(url, dialect)
    lock_fd = await asyncio.to_thread(_acquire_file_lock, lock_path)
    try:
        return await _upgrade_sqlite_atomically(url)
    finally:
        _release_file_lock(lock_fd)


async def _upgrade_sqlite_atomically(url: str) -> list[str]:
    """SQLite runs aerich's scripts with ``executescript``, which commits as it goes, so a migration that fails
    halfway would leave the file half-migrated. A copy taken before pending migrations is put back on failure."""
    path = Path(url.split("://", 1)[1].split("?", 1)[0])
    backup = path.with_name(path.name + ".pre-migrate")
    pending = await asyncio.to_thread(_sqlite_has_pending, path, migrations_location("sqlite"))
    if pending:
        await asyncio.to_thread(_sqlite_copy, path, backup)
    try:
        applied = await _upgrade(url, "sqlite")
    except BaseException:
        if pending:
            await asyncio.to_thread(_sqlite_copy, backup, path)
            log.error("migration failed: %s restored to its state before the migration", path)
        raise
    finally:
        if pending:
            backup.unlink(missing_ok=True)
    return applied


def _sqlite_has_pending(path: Path, location: Path) -> bool:
    """Whether an existing database lacks some migration of the chain (a new file has nothing to protect)."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    with contextlib.closing(sqlite3.connect(path)) as conn:
        has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'aerich'").fetchone()
        if not has_table:
            return False
        applied = {row[0] for row in conn.execute("SELECT version FROM aerich")}
    available = {p.name for p in location.joinpath(AERICH_APP).glob("[0-9]*_*.py")}
    return bool(available - applied)


def _sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's online backup API (safe while others have the file open)."""
    with contextlib.closing(sqlite3.connect(source)) as src, contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


async def _upgrade(url: str, dialect: str) -> list[str]:
    from aerich import Command
    from tortoise.context import TortoiseContext

    config = tortoise_config(url, with_aerich=True, foreign_keys=False)
    location = migrations_location(dialect)
    if not _has_migrations(location):
        raise RuntimeError(f"no {dialect} migrations under {location}: run scripts/makemigrations")
    # aerich's Command calls Tortoise.init() only when no context is current (otherwise it silently migrates
    # whatever database that context points at), and such an init leaves its context set in the caller's
    # context variable. With a private context, aerich uses and closes ours, and leaving the block restores
    # whatever context was current before.
    async with TortoiseContext() as context:
        await context.init(config=config)
        async with Command(tortoise_config=config, app=AERICH_APP, location=str(location)) as command:
            applied: list[str] = await command.upgrade(run_in_transaction=True)
            if dialect == "sqlite":
                await _check_sqlite_foreign_keys()
    return applied


async def _check_sqlite_foreign_keys() -> None:
    connection = Tortoise.get_connection("default")
    _, rows = await connection.execute_query("PRAGMA foreign_key_check")
    if rows:
        raise RuntimeError(f"migration left rows violating foreign keys: {[tuple(r) for r in rows[:5]]}")


def _has_migrations(location: Path) -> bool:
    return any(location.joinpath(AERICH_APP).glob("[0-9]*_*.py"))


def _sqlite_lock_path(url: str) -> Path | None:
    path = url.split("://", 1)[1].split("?", 1)[0]
    if not path or path == ":memory:":
        return None
    return Path(path).with_name(Path(path).name + ".migrate-lock")


def _acquire_file_lock(path: Path) -> int:
    """Blocks until this process holds an exclusive lock on ``path``; returns the descriptor to release."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _release_file_lock(fd: int) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


async def close() -> None:
    await Tortoise.close_connections()


class DatabaseUnreachable(RuntimeError):
    """The database cannot be used (refused, missing, wrong credentials, no answer). The message names the host,
    port and database, never the password, so that a command can print it as it is."""


CONNECT_TIMEOUT_S = 10.0


async def check_connection(url: str, *, create_directory: bool = True) -> None:
    """Connect to ``url`` once and run ``SELECT 1``; `DatabaseUnreachable` with a printable reason if that fails.

    For a command's start: it tells "the database does not exist" or "connection refused" in one line, before the
    command gets as far as a traceback. ``create_directory=False``: a SQLite file whose directory does not exist
    is refused (a typo in ``DATABASE_URL`` would otherwise start an empty database somewhere unexpected).
    """
    if dialect_of(url) == "sqlite":
        path = url.split("://", 1)[1].split("?", 1)[0]
        directory = Path(path).parent.resolve() if path and path != ":memory:" else None
        if not create_directory and directory is not None and not directory.is_dir():
            raise DatabaseUnreachable(
                f"cannot open the SQLite database {path}: the directory {directory} does not exist (create it first)"
            )
        try:
            await asyncio.to_thread(_touch_sqlite, path)
        except (OSError, sqlite3.Error) as error:
            raise DatabaseUnreachable(f"cannot open the SQLite database {path}: {_reason(error)}") from None
        return
    import asyncpg
    from tortoise.backends.base.config_generator import expand_db_url

    credentials = expand_db_url(url)["credentials"]
    where = describe_target(url)
    try:
        connection = await asyncpg.connect(
            host=credentials.get("host"),
            port=credentials.get("port"),
            user=credentials.get("user"),
            password=credentials.get("password"),
            database=credentials.get("database"),
            ssl=credentials.get("ssl"),
            timeout=CONNECT_TIMEOUT_S,
        )
    except asyncpg.InvalidCatalogNameError:
        raise DatabaseUnreachable(f"{where}: the database does not exist (create it first)") from None
    except (asyncpg.InvalidPasswordError, asyncpg.InvalidAuthorizationSpecificationError):
        raise DatabaseUnreachable(f"{where}: authentication failed (check the user and password)") from None
    except TimeoutError:
        raise DatabaseUnreachable(f"{where}: no answer within {CONNECT_TIMEOUT_S:.0f} s") from None
    except OSError as error:
        raise DatabaseUnreachable(f"{where}: {_reason(error)}") from None
    except asyncpg.PostgresError as error:
        raise DatabaseUnreachable(f"{where}: refused ({type(error).__name__})") from None
    try:
        await connection.execute("SELECT 1")
    finally:
        await connection.close()


def describe_target(url: str) -> str:
    """``postgres://HOST:PORT/DATABASE``, for messages: the URL without its user and password."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


def _reason(error: BaseException) -> str:
    """An OS-level error in words (``connection refused``), without the exception's own text (which may quote)."""
    if isinstance(error, OSError):
        text = os.strerror(error.errno) if error.errno and error.errno > 0 else error.strerror
        if text:
            return text[0].lower() + text[1:]
    return type(error).__name__


def _touch_sqlite(path: str) -> None:
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    with contextlib.closing(sqlite3.connect(path or ":memory:")) as connection:
        connection.execute("SELECT 1")


class _PinnedConnection(TransactionWrapper):
    """One pooled asyncpg connection that every statement of a request uses, outside any transaction.

    Tortoise's asyncpg client acquires a pool connection per statement, and asyncpg resets a connection (a round trip:
    ``pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL``) each time it goes back to the pool. Bound in the
    request's context (the same context variable ``in_transaction`` uses), this takes one connection per request.
    Statements are serialised on it (resolvers run concurrently; a connection runs one statement at a time). A
    transaction started inside runs on the same connection and holds it until it ends (the other resolvers' statements
    wait rather than join it): taking a second pooled connection instead could deadlock, with every connection of
    the pool pinned by a request waiting for one more. Used after ``release`` (a task that outlived the request and
    kept its context), it falls back to the pool.
    """

    def __init__(self, parent: AsyncpgDBClient) -> None:
        super().__init__(parent)
        self._released = True

    async def open(self) -> None:
        pooled = PoolConnectionWrapper[Any](self._parent, self._parent._pool_init_lock)
        await pooled.ensure_connection()
        assert self._parent._pool is not None
        self._connection = await self._parent._pool.acquire()
        self._released = False

    async def release(self) -> None:
        if not self._released:
            self._released = True
            assert self._parent._pool is not None
            # Under the lock: a statement still running on it (a cancelled request) finishes first.
            async with self._lock:
                await self._parent._pool.release(self._connection)

    def acquire_connection(self) -> Any:
        if self._released:
            return self._parent.acquire_connection()
        return ConnectionWrapper(self._lock, self)

    def _in_transaction(self) -> TransactionContext:
        if self._released:
            return self._parent._in_transaction()
        return _PinnedTransaction(self)

    # Not a transaction: a batch of statements is made atomic as the pool client does it.
    execute_many = AsyncpgDBClient.execute_many


class _PinnedTransaction(TransactionContext):
    """A transaction on a request's pinned connection, holding it (its lock) from BEGIN to COMMIT or ROLLBACK."""

    def __init__(self, pinned: _PinnedConnection) -> None:
        self.pinned = pinned
        self.client = TransactionWrapper(pinned)
        self.token: Any = None

    async def __aenter__(self) -> TransactionalDBClient:
        await self.pinned._lock.acquire()
        try:
            self.token = get_connections().set(self.client.connection_name, self.client)
            await self.client.begin()
        except BaseException:
            if self.token is not None:
                get_connections().reset(self.token)
            self.pinned._lock.release()
            raise
        return self.client

    async def __aexit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> None:
        try:
            if not self.client._finalized:
                if exc_type is None:
                    await self.client.commit()
                elif exc_type is not TransactionManagementError:  # a failed transaction cannot be rolled back
                    await self.client.rollback()
        finally:
            get_connections().reset(self.token)
            self.pinned._lock.release()


@contextlib.asynccontextmanager
async def request_connection(name: str = "default") -> AsyncIterator[None]:
    """Run the block's statements on one database connection (PostgreSQL; SQLite has a single connection anyway).

    Inside a transaction already, or on another backend, it does nothing. The connection goes back to the pool when
    the block ends, also on an error or a cancellation.
    """
    handler = get_connections()
    client = handler.get(name)
    # The pool client itself (the app's is a subclass, services/core/pg_engine.py); a transaction or a pinned connection
    # (both TransactionWrapper) already has its connection.
    if not isinstance(client, AsyncpgDBClient) or isinstance(client, TransactionWrapper):
        yield
        return
    pinned = _PinnedConnection(client)
    await pinned.open()
    token = handler.set(name, pinned)
    try:
        yield
    finally:
        handler.reset(token)
        await pinned.release()


# --- SQLite transactions that are cancelled while they begin -------------------------------------------------------


async def _sqlite_transaction_enter(self: SqliteTransactionContext) -> Any:
    """Tortoise's ``SqliteTransactionContext.__aenter__``, made safe against an exception or a cancellation after it
    took the client's transaction lock: Tortoise's own takes the lock, then awaits the connection and ``BEGIN``; a
    task cancelled in between (a job aborted, a request whose client went away) never reaches ``__aexit__``, so the
    lock stays taken and every later statement of the process waits for it forever (the embedded default has one
    SQLite connection). Here the lock is released and a ``BEGIN`` that may have run is rolled back before the error
    goes on."""
    await self._trxlock.acquire()
    try:
        await self.ensure_connection()
        self.token = get_connections().set(self.connection_name, self.connection)
        try:
            await self.connection.begin()
        except BaseException:
            get_connections().reset(self.token)
            connection = self.connection._connection
            if connection is not None:
                with contextlib.suppress(Exception):
                    # Shielded: the rollback runs to its end even while this task is being cancelled.
                    await asyncio.shield(connection.rollback())
            raise
    except BaseException:
        self._trxlock.release()
        raise
    return self.connection


SqliteTransactionContext.__aenter__ = _sqlite_transaction_enter  # type: ignore[method-assign]
