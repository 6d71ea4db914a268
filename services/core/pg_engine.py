"""Tortoise's asyncpg engine, minus a round trip per pooled statement (named by ``db.tortoise_config``).

asyncpg resets a connection each time it goes back to its pool: ``pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *;
RESET ALL``, one round trip after every statement Tortoise runs outside a transaction (a third of the worker's
round trips). The app keeps no session state on a pooled connection (no ``SET``, ``LISTEN``, session advisory lock
or cursor outside a transaction), so only asyncpg's local part of the reset runs: listeners cleared, and a
transaction left open rolled back.
"""

from __future__ import annotations

from typing import Any

import asyncpg
from tortoise.backends.asyncpg.client import AsyncpgDBClient


async def _no_session_reset(connection: asyncpg.Connection) -> None:
    """Nothing beyond asyncpg's local reset (it ran before this; see the module docstring)."""


class AsyncpgClient(AsyncpgDBClient):
    async def create_pool(self, **kwargs: Any) -> asyncpg.Pool:
        return await asyncpg.create_pool(None, reset=_no_session_reset, **kwargs)


client_class = AsyncpgClient
