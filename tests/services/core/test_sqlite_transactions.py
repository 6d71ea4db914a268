"""A SQLite transaction whose task is cancelled while it begins leaves the connection usable.

Tortoise's ``SqliteTransactionContext`` takes the client's transaction lock before it awaits ``BEGIN``; cancelled in
between, it never released it, and every later statement of the process waited forever (the embedded default has
one SQLite connection: the whole service hung). ``services.core.db`` replaces that entry with one that releases the
lock and rolls back. The scenario runs on a file of its own, in its own Tortoise context and task.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
from pathlib import Path
from typing import Any

import pytest
from tortoise.backends.sqlite.client import SqliteTransactionWrapper
from tortoise.context import TortoiseContext
from tortoise.transactions import in_transaction

from models import User
from services.core import db


async def test_a_transaction_cancelled_while_it_begins_leaves_the_connection_usable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite://{tmp_path / 'cancelled.db'}"
    begun = asyncio.Event()
    original = SqliteTransactionWrapper.begin

    async def begin_then_wait(self: SqliteTransactionWrapper) -> Any:
        await original(self)  # BEGIN has run on the connection...
        begun.set()
        await asyncio.Event().wait()  # ...and the task is cancelled before the transaction is entered

    async def scenario() -> tuple[int, int]:
        async with TortoiseContext() as context:
            await context.init(config=db.tortoise_config(url))
            await context.generate_schemas(safe=False)

            async def enter() -> None:
                async with in_transaction():
                    raise AssertionError("never entered")

            monkeypatch.setattr(SqliteTransactionWrapper, "begin", begin_then_wait)
            task = asyncio.create_task(enter())
            await begun.wait()
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            monkeypatch.setattr(SqliteTransactionWrapper, "begin", original)

            # Bounded: before the fix this waited forever on the lock the cancelled task kept.
            before = await asyncio.wait_for(User.all().count(), 10)
            async with asyncio.timeout(10), in_transaction():
                await User.create(subject="after-the-cancel")
            return before, await User.filter(subject="after-the-cancel").count()

    # Empty context variables: the session app's Tortoise context is neither seen nor disturbed.
    result = await asyncio.create_task(scenario(), context=contextvars.Context())
    assert result == (0, 1)
