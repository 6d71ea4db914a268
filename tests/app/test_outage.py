"""Clients are told the truth while PostgreSQL is unreachable: ``SERVICE_UNAVAILABLE`` with ``retryAfter``, never the
driver's errno nor "Unexpected error.", and answers again once it is back.

The app runs on a throwaway PostgreSQL database reached through a TCP relay the test cuts (tests/redis_proxy.py
relays any TCP). It runs in a child process: a second app's ORM context beside the session's app would mix them.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
QUERIES = {
    "me": ("{ me { id credits } }", True),
    "capabilities": ("{ capabilities { provider } }", False),
    "projects": ("{ projects { totalCount } }", True),
    "projectCreate": ('mutation { projectCreate(input: {name: "during"}) { project { id } } }', True),
}


def test_a_database_outage_is_service_unavailable_with_retry_after(tmp_path: Path) -> None:
    env = {**os.environ, "PLAYGROUND_ENV": "production", "LOG_LEVEL": "WARNING"}
    result = subprocess.run(
        [sys.executable, "-m", "tests.app.test_outage", str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    for name, body in report["before"].items():
        assert "errors" not in body, (name, body)
    for name, body in report["during"].items():
        if name == "capabilities" and "errors" not in body:
            continue  # answered without the database: fine
        errors = body["errors"]
        assert [e["extensions"] for e in errors] == [{"code": "SERVICE_UNAVAILABLE", "retryAfter": 5}], (name, body)
        assert not [e for e in errors if "Errno" in e["message"] or e["message"] == "Unexpected error."], body
    for name, body in report["after"].items():
        assert "errors" not in body, (name, body)
    assert report["created_during"] == 0


async def _scenario(var_dir: str) -> dict[str, Any]:
    import httpx

    from app.api import create_app
    from models import Project
    from services.core.auth import issue_token
    from tests.outage_support import relayed_database

    async with relayed_database() as database:
        relay = database.relay
        settings = database.settings(var_dir, "outage")
        token = issue_token(settings, "outage-user")
        application = create_app(settings)
        report: dict[str, Any] = {}
        async with (
            application.router.lifespan_context(application),
            httpx.AsyncClient(transport=httpx.ASGITransport(app=application), base_url="http://t") as client,
        ):

            async def ask() -> dict[str, Any]:
                answers = {}
                for key, (query, signed) in QUERIES.items():
                    headers = {"Authorization": f"Bearer {token}"} if signed else {}
                    response = await client.post("/graphql", json={"query": query}, headers=headers)
                    answers[key] = response.json()
                return answers

            report["before"] = await ask()
            await relay.cut()
            report["during"] = await ask()
            relay.restore()
            report["after"] = await ask()
            report["created_during"] = await Project.filter(name="during").count() - 2  # the "before" and "after" ones
        return report


if __name__ == "__main__":
    print(json.dumps(asyncio.run(_scenario(sys.argv[1]))))
