"""One database connection per request (``db.request_connection``): pinned, serialised, released whatever happens."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest
from starlette.applications import Starlette
from tortoise import Tortoise
from tortoise.transactions import in_transaction

from models import User
from services.core import db
from tests.conftest import TEST_DB


async def backend_pid() -> Any:
    _, rows = await Tortoise.get_connection("default").execute_query("SELECT pg_backend_pid() AS pid")
    return rows[0]["pid"]


def pool_free(client: Any) -> int:
    """Idle connections of the app's asyncpg pool (``client``: the pool client, taken outside any pinning)."""
    return sum(1 for holder in client._pool._holders if holder._con is not None and not holder._in_use)


postgres_only = pytest.mark.skipif(TEST_DB != "postgres", reason="pinning is for PostgreSQL's connection pool")


@postgres_only
async def test_every_statement_of_the_block_runs_on_one_connection(app: Starlette) -> None:
    async with db.request_connection():
        pids = {await backend_pid() for _ in range(3)}
        pids |= set(await asyncio.gather(*(backend_pid() for _ in range(5))))  # resolvers run concurrently
        assert len(pids) == 1
        subject = f"pinned-{uuid.uuid4().hex[:8]}"
        async with in_transaction():
            assert await backend_pid() in pids  # a transaction inside uses the pinned connection too
            await User.create(id=uuid.uuid4(), subject=subject)
    assert await User.filter(subject=subject).exists()  # committed


@postgres_only
async def test_the_connection_goes_back_on_an_error_and_a_failed_transaction_rolls_back(app: Starlette) -> None:
    client = Tortoise.get_connection("default")
    await backend_pid()  # the pool has connections open
    free_before = pool_free(client)
    subject = f"rolled-back-{uuid.uuid4().hex[:8]}"
    free_inside: list[int] = []

    async def fail_inside() -> None:
        async with db.request_connection():
            free_inside.append(pool_free(client))
            async with in_transaction():
                await User.create(id=uuid.uuid4(), subject=subject)
                raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        await fail_inside()
    assert free_inside == [free_before - 1]
    assert pool_free(client) == free_before
    assert not await User.filter(subject=subject).exists()


@postgres_only
async def test_a_task_outliving_the_block_falls_back_to_the_pool(app: Starlette) -> None:
    async with db.request_connection():
        pinned = await backend_pid()
        proceed = asyncio.Event()

        async def later() -> Any:
            await proceed.wait()
            return await backend_pid()

        task = asyncio.create_task(later())  # inherits the block's context
    proceed.set()
    assert isinstance(await task, int)  # ran on a pooled connection, not the released one
    assert isinstance(pinned, int)


async def test_on_sqlite_it_changes_nothing(app: Starlette) -> None:
    before = Tortoise.get_connection("default")
    async with db.request_connection():
        inside = Tortoise.get_connection("default")
        assert (inside is before) == (TEST_DB != "postgres")
        assert await User.all().count() >= 0


@postgres_only
async def test_the_pool_skips_the_session_reset_but_rolls_back_an_open_transaction(app: Starlette) -> None:
    pool = Tortoise.get_connection("default")._pool
    proxy = await pool.acquire()
    raw = proxy._con
    await proxy.execute("SET application_name = 'kept-across-release'")
    await proxy.execute("BEGIN")
    await proxy.execute("SELECT 1")
    assert raw.is_in_transaction()
    await pool.release(proxy)
    # asyncpg's local reset ran (the open transaction was rolled back), its RESET ALL round trip did not.
    assert not raw.is_in_transaction()
    assert await raw.fetchval("SHOW application_name") == "kept-across-release"
    await raw.execute("RESET application_name")
