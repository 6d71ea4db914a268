"""The `playground` command on a fresh directory with nothing configured: the README's first steps."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG_VARS = (
    "DATABASE_URL",
    "REDIS_URL",
    "JWT_SECRET",
    "JWT_JWKS_URL",
    "PLAYGROUND_VAR_DIR",
    "SEEDREAM_PROVIDER",
)


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in CONFIG_VARS}
    env["PYTHONPATH"] = str(ROOT)
    return env


def playground(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        cwd=cwd,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
        cwd=tmp_path,
        env=clean_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:  # poll readiness (a condition), bounded
            assert process.poll() is None, process.stdout.read() if process.stdout else ""
            assert time.monotonic() < deadline, "server did not become ready"
            try:
                if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.05)
        yield tmp_path, url
    finally:
        process.terminate()
        process.wait(timeout=20)
        if process.stdout:
            process.stdout.close()


def test_fresh_serve_token_and_first_query(served: tuple[Path, str]) -> None:
    cwd, url = served
    assert (cwd / "var" / "playground.db").exists()
    assert (cwd / "var" / "jwt_secret").exists()

    anonymous = httpx.post(f"{url}/graphql", json={"query": "{ me { id credits } }"}).json()
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"

    token = playground(cwd, "token", "--sub", "alice")
    assert token.returncode == 0, token.stderr
    headers = {"Authorization": f"Bearer {token.stdout.strip()}"}
    me = httpx.post(f"{url}/graphql", json={"query": "{ me { id credits } }"}, headers=headers).json()
    assert me["data"]["me"]["credits"] == 20

    granted = playground(cwd, "credits", "grant", "--sub", "alice", "--amount", "5")
    assert granted.returncode == 0, granted.stderr
    assert "balance 25" in granted.stdout
    me = httpx.post(f"{url}/graphql", json={"query": "{ me { credits } }"}, headers=headers).json()
    assert me["data"]["me"]["credits"] == 25

    migrated = playground(cwd, "migrate")
    assert migrated.returncode == 0, migrated.stderr
    assert "up to date" in migrated.stdout


def test_schema_command_prints_the_committed_schema(tmp_path: Path) -> None:
    printed = playground(tmp_path, "schema")
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout.strip() == (ROOT / "schema.graphql").read_text().strip()


def test_invalid_settings_are_reported_in_one_line(tmp_path: Path) -> None:
    env = clean_env() | {"JWT_SECRET": "too-short"}
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "token", "--sub", "x"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "at least 32 bytes" in result.stderr
    assert "Traceback" not in result.stderr
    assert "too-short" not in result.stderr  # a secret is never echoed
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["serve", "--port", "99999"], "99999 is not a TCP port"),
        (["serve", "--port", "0"], "0 is not a TCP port"),
        (["simulator", "--port", "seven"], "'seven' is not a whole number"),
        (["token", "--sub", "  "], "--sub: must not be empty"),
        (["token", "--sub", "a", "--ttl", "0"], "--ttl: 0 must be 1 or more"),
        (["worker", "--concurrency", "-1"], "--concurrency: -1 must be 1 or more"),
        (["credits", "grant", "--sub", "a", "--amount", "0"], "--amount: 0 must be 1 or more"),
    ],
)
def test_bad_arguments_end_in_one_clear_error(tmp_path: Path, args: list[str], expected: str) -> None:
    result = playground(tmp_path, *args)
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""  # nothing started, no token printed
