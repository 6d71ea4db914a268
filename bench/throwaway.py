"""A fresh, migrated throwaway PostgreSQL database for a benchmark, dropped on exit (shared by the bench scripts)."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import AsyncIterator

import asyncpg

ADMIN_URL = os.environ.get("PLAYGROUND_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")


async def _admin(statement: str) -> None:
    admin = await asyncpg.connect(ADMIN_URL)
    try:
        await admin.execute(statement)
    finally:
        await admin.close()


@contextlib.asynccontextmanager
async def postgres_database(prefix: str) -> AsyncIterator[str]:
    """A database named ``prefix_<random>`` through ``PLAYGROUND_BENCH_POSTGRES_URL``, migrated; its URL."""
    from services.core import db

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    await _admin(f'CREATE DATABASE "{name}"')
    url = ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        await db.migrate(url)
        yield url
    finally:
        await _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
