"""Shared fixtures: a throwaway database (SQLite or PostgreSQL), the app in-process, tokens and a GraphQL helper.

``PLAYGROUND_TEST_DB=postgres`` runs the suite against a fresh PostgreSQL database created for the session
(admin connection from ``PLAYGROUND_TEST_POSTGRES_URL``) and dropped afterwards.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import hypothesis
import pytest
from starlette.applications import Starlette

from app.api import create_app
from models import Role
from services.core.auth import issue_token
from services.core.config import Settings
from services.seedream.simulator import SimulatorConfig

TEST_SECRET = "test-secret-" + "x" * 40
ADMIN_URL = os.environ.get("PLAYGROUND_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
TEST_DB = os.environ.get("PLAYGROUND_TEST_DB", "sqlite")
TEST_REDIS_URL = os.environ.get("PLAYGROUND_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
"""The Redis (and database number) every test that needs one uses."""
DB_PREFIX = os.environ.get("PLAYGROUND_TEST_DB_PREFIX", "playground_test")
"""Throwaway PostgreSQL databases are named ``<prefix>_<random>`` (a prefix of your own beside other users)."""
if not re.fullmatch(r"[a-z][a-z0-9_]{0,40}", DB_PREFIX):
    raise RuntimeError("PLAYGROUND_TEST_DB_PREFIX: 1-41 of a-z, 0-9 and _, starting with a letter")

# Property-based tests (hypothesis): a bounded number of examples per test (PLAYGROUND_HYPOTHESIS_EXAMPLES), no time
# limit per example (a request to the app takes what the database takes), no example database written into the
# checkout, and the seed printed with any failure so it can be replayed. Module fixtures serve every example on
# purpose (the app, a user's objects), so the function-scoped-fixture health check is off.
hypothesis.settings.register_profile(
    "playground",
    max_examples=int(os.environ.get("PLAYGROUND_HYPOTHESIS_EXAMPLES", "12")),
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture, hypothesis.HealthCheck.too_slow],
)
hypothesis.settings.load_profile("playground")


async def create_pg_database() -> str:
    name = f"{DB_PREFIX}_{uuid.uuid4().hex[:12]}"
    conn = await asyncpg.connect(ADMIN_URL)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


async def drop_pg_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    conn = await asyncpg.connect(ADMIN_URL)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


@pytest.fixture(autouse=True)
def _fresh_executor_cache() -> None:
    # Tortoise caches INSERT/DELETE SQL per connection name and table, not per dialect: after a test that used a
    # PostgreSQL "default" connection, SQLite would reuse PostgreSQL's SQL (and vice versa).
    from tortoise.backends.base.executor import EXECUTOR_CACHE

    EXECUTOR_CACHE.clear()


@pytest.fixture(scope="session")
def var_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("var")


@pytest.fixture(scope="session")
async def database_url(var_dir: Path) -> AsyncIterator[str]:
    if TEST_DB == "postgres":
        url = await create_pg_database()
        yield url
        await drop_pg_database(url)
    else:
        yield f"sqlite://{var_dir / 'test.db'}"


@pytest.fixture(scope="session")
def settings(var_dir: Path, database_url: str) -> Settings:
    return Settings(
        var_dir=var_dir,
        database_url=database_url,
        jwt_secret=TEST_SECRET,
        signup_credits=20,
        simulator_latency_seconds=0.0,
        provider_retry_base_seconds=0.01,
        provider_retry_max_seconds=0.05,
        # Counted on every request, but too high to trip: tests of the limits swap in tight ones
        # (tests/security/test_rate_limits.py), and a hypothesis run by one user must not be refused.
        rate_limit_operations="100000/minute",
        rate_limit_generate="100000/minute",
        rate_limit_uploads="100000/minute",
        rate_limit_upload_bytes="100000000000/minute",
        # The outbox drainer looks for other processes' leftovers only at start: no stray statement of its own lands
        # in a test that counts SQL statements. Its hand-over retries do not depend on this.
        outbox_sweep_seconds=3600,
        # Likewise the reconciler: one pass at start, then none during the tests (its tests call it themselves).
        reconcile_interval_seconds=3600,
        # Webhook receivers in tests listen on loopback (the SSRF tests turn this off for their own settings).
        webhooks_allow_private_addresses=True,
        # WaveSpeed's task webhooks are signed with the simulator's public test secret.
        provider_webhook_secret=SimulatorConfig().webhook_secret,
        # A batch's webhook follow-up row wakes the app's drainer when due: not within a session (tests that need a
        # follow-up run it themselves, tests/services/webhooks/test_recovery.py).
        webhooks_follow_seconds=3600,
        # Closing the app stops its running batches at once (the drain's grace is tested on its own).
        shutdown_grace_seconds=0,
    )


@pytest.fixture(scope="session")
async def app(settings: Settings) -> AsyncIterator[Starlette]:
    from services.core import db

    if not settings.is_sqlite:
        await db.migrate(settings.resolved_database_url)  # the embedded default migrates in its lifespan
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@dataclass
class Caller:
    """A user as tests see them: their subject and a token."""

    subject: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


MakeCaller = Callable[..., Caller]


@pytest.fixture
def make_caller(settings: Settings) -> MakeCaller:
    def make(prefix: str = "user", role: Role = Role.USER, **claims: Any) -> Caller:
        subject = f"{prefix}-{uuid.uuid4().hex[:8]}"
        return Caller(subject=subject, token=issue_token(settings, subject, role=role, **claims))

    return make


GQL = Callable[..., Awaitable[dict[str, Any]]]


@pytest.fixture
def gql(client: httpx.AsyncClient) -> GQL:
    async def run(query: str, variables: dict[str, Any] | None = None, caller: Caller | None = None) -> dict[str, Any]:
        response = await client.post(
            "/graphql",
            json={"query": query, "variables": variables or {}},
            headers=caller.headers if caller else {},
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    return run


def error_codes(body: dict[str, Any]) -> list[str]:
    return [e.get("extensions", {}).get("code") for e in body.get("errors", [])]


@pytest.fixture(scope="session")
async def live_url(app: Starlette) -> AsyncIterator[str]:
    """The app served by uvicorn on a free loopback port (for real WebSocket clients)."""
    import asyncio
    import socket

    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    # The app's lifespan already runs (the `app` fixture); uvicorn only serves.
    server = uvicorn.Server(uvicorn.Config(app, lifespan="off", log_level="warning", ws="websockets-sansio"))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)  # polling a condition, not a fixed wait
    yield f"127.0.0.1:{port}"
    server.should_exit = True
    await task


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On the PostgreSQL run, keep only tests that use the app's database (the rest ran on the SQLite pass;
    the migration tests cover both dialects themselves)."""
    if TEST_DB != "postgres":
        return
    keep: list[pytest.Item] = []
    drop: list[pytest.Item] = []
    for item in items:
        uses_db = "database_url" in getattr(item, "fixturenames", ())
        (keep if uses_db else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
