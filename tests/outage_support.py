"""A throwaway PostgreSQL database reached through a TCP relay a test can cut (``tests/redis_proxy.py`` relays any
TCP), for the outage tests (``tests/app/test_outage.py``, ``tests/app/test_socket_outage.py``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from services.core import db
from services.core.config import Settings
from tests.conftest import TEST_REDIS_URL, TEST_SECRET, create_pg_database, drop_pg_database
from tests.redis_proxy import RedisProxy


@dataclass(frozen=True)
class RelayedDatabase:
    relay: RedisProxy
    url: str
    """The database's URL through the relay (what the app under test is given)."""
    name: str

    def settings(self, var_dir: str, namespace: str) -> Settings:
        """Production settings on this database (through the relay) and the test Redis, under ``namespace``."""
        return Settings(
            var_dir=Path(var_dir),
            database_url=self.url,
            jwt_secret=TEST_SECRET,
            environment="production",
            redis_url=TEST_REDIS_URL,
            redis_namespace=f"{namespace}-{self.name}",
        )


@asynccontextmanager
async def relayed_database() -> AsyncIterator[RelayedDatabase]:
    """A migrated throwaway database behind a relay; both are gone afterwards."""
    direct = await create_pg_database()
    host, _, port = direct.split("@", 1)[1].split("/", 1)[0].rpartition(":")
    relay = RedisProxy(host, int(port))  # a plain TCP relay, whatever it relays
    await relay.start()
    try:
        await db.migrate(direct)
        user, _, rest = direct.partition("@")
        name = rest.rsplit("/", 1)[1]
        yield RelayedDatabase(relay=relay, url=f"{user}@127.0.0.1:{relay.port}/{name}", name=name)
    finally:
        await relay.close()
        await drop_pg_database(direct)
