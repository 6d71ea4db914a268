"""The `playground` command on a fresh directory with nothing configured: the README's first steps."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.runtime import job_kinds
from services.core.config import Settings
from tests.conftest import TEST_REDIS_URL, TEST_SECRET

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


SECRET = "pw-s3cret-never-shown"


def run_with(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        cwd=cwd,
        env=clean_env() | env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def assert_one_clear_line(result: subprocess.CompletedProcess[str], code: int, expected: str) -> None:
    assert result.returncode == code, result.stderr
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert SECRET not in result.stderr + result.stdout  # a password in a URL is never echoed
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stdout == ""  # nothing started


def postgres_url(database: str, *, port: int | None = None) -> str:
    """A URL to the test PostgreSQL server (or a port nothing listens on) with a password that must not leak."""
    admin = os.environ.get("PLAYGROUND_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    host_port = admin.split("@", 1)[1].split("/", 1)[0]
    host = host_port.rsplit(":", 1)[0]
    return f"postgres://postgres:{SECRET}@{host}:{port or host_port.rsplit(':', 1)[1]}/{database}"


COMMANDS_WITH_A_DATABASE = [
    ["migrate"],
    ["serve", "--port", "8999"],
    ["worker"],
    ["credits", "grant", "--sub", "a", "--amount", "1"],
]


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("DATABASE_URL", f"mysql://app:{SECRET}@db/app", "DATABASE_URL: unsupported scheme 'mysql'"),
        ("DATABASE_URL", f"postgres://app:{SECRET}@db:port/app", "DATABASE_URL: malformed (Port is not an integer)"),
        ("DATABASE_URL", f"postgres://app:{SECRET}@[::1/app", "DATABASE_URL: malformed"),
        ("DATABASE_URL", SECRET, "DATABASE_URL: not a database URL"),
        ("REDIS_URL", f"redis://:{SECRET}@cache:port/0", "REDIS_URL: malformed"),
        ("REDIS_URL", f"redis://:{SECRET}@cache:6379/zero", "REDIS_URL: malformed (the database must be a number)"),
        ("REDIS_URL", f"http://:{SECRET}@cache", "REDIS_URL: unsupported scheme 'http'"),
        ("REDIS_URL", SECRET, "REDIS_URL: not a Redis URL"),
    ],
)
def test_a_malformed_or_unsupported_url_is_one_line_without_the_password(
    tmp_path: Path, variable: str, value: str, expected: str
) -> None:
    for command in (["serve"], ["worker"], ["migrate"]):
        result = run_with(tmp_path, {variable: value}, *command)
        assert_one_clear_line(result, 2, f"playground: invalid settings: {expected}")


@pytest.mark.parametrize("command", COMMANDS_WITH_A_DATABASE, ids=lambda c: c[0])
def test_a_database_that_refuses_connections_is_one_line_without_the_password(
    tmp_path: Path, command: list[str]
) -> None:
    env = {"DATABASE_URL": postgres_url("playground", port=free_port()), "REDIS_URL": TEST_REDIS_URL}
    result = run_with(tmp_path, env, *command)
    assert_one_clear_line(result, 1, "playground: database unreachable: postgres://127.0.0.1:")
    assert result.stderr.strip().endswith("/playground: connection refused")


@pytest.mark.parametrize("command", COMMANDS_WITH_A_DATABASE, ids=lambda c: c[0])
def test_a_database_that_does_not_exist_is_one_line_without_the_password(tmp_path: Path, command: list[str]) -> None:
    missing = f"playground_missing_{uuid.uuid4().hex[:8]}"
    env = {"DATABASE_URL": postgres_url(missing), "REDIS_URL": TEST_REDIS_URL}
    result = run_with(tmp_path, env, *command)
    assert_one_clear_line(result, 1, f"/{missing}: the database does not exist (create it first)")


def test_simulator_refuses_a_fault_plan_it_cannot_read(tmp_path: Path) -> None:
    plan = tmp_path / "faults.yaml"
    plan.write_text("faults:\n  - fault: meteor\n    rate: 0.5\n")
    result = playground(tmp_path, "simulator", "--faults", str(plan), "--tier", "bronze")
    assert result.returncode == 2
    assert "fault must be one of" in result.stderr


def test_a_busy_port_is_one_line_and_exit_3_before_anything_starts(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = playground(tmp_path, "serve", "--port", str(port))
    assert result.returncode == 3, result.stderr
    assert result.stdout == ""  # no "open http://…" pointing at someone else's server
    assert result.stderr.strip() == f"playground: cannot listen on 127.0.0.1:{port}: address already in use"
    assert not (tmp_path / "var").exists()  # no migration ran, no database was created


@pytest.mark.parametrize("host", ["nosuchhost.invalid", "192.0.2.1"])
def test_an_unusable_host_is_one_line_and_exit_3(tmp_path: Path, host: str) -> None:
    result = playground(tmp_path, "serve", "--host", host, "--port", str(free_port()))
    assert result.returncode == 3, result.stderr
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert f"cannot listen on {host}" in result.stderr
    assert not (tmp_path / "var").exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["serve", "--bogus"], "playground: error: unrecognized arguments: --bogus"),
        (["nosuch"], "playground: error: argument command: invalid choice"),
        (["token"], "playground token: error: the following arguments are required: --sub"),
    ],
)
def test_argparse_errors_are_one_line(tmp_path: Path, args: list[str], expected: str) -> None:
    result = playground(tmp_path, *args)
    assert result.returncode == 2
    assert result.stderr.startswith(expected), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_token_outside_the_servers_directory_refuses_instead_of_creating_a_new_secret(tmp_path: Path) -> None:
    result = playground(tmp_path, "token", "--sub", "alice")
    assert result.returncode == 2
    assert result.stdout == ""  # no token the server would reject
    assert str(tmp_path / "var" / "jwt_secret") in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (tmp_path / "var" / "jwt_secret").exists()


def test_credits_grant_outside_the_servers_directory_refuses_instead_of_a_fresh_database(tmp_path: Path) -> None:
    result = playground(tmp_path, "credits", "grant", "--sub", "alice", "--amount", "5")
    assert result.returncode == 1
    assert result.stdout == ""
    assert str(tmp_path / "var" / "playground.db") in result.stderr
    assert not (tmp_path / "var").exists()


def test_a_sqlite_url_in_a_missing_directory_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "missing" / "dir"
    result = run_with(tmp_path, {"DATABASE_URL": f"sqlite://{missing}/x.db"}, "migrate")
    assert_one_clear_line(result, 1, f"the directory {missing} does not exist")
    assert not missing.exists()


def test_one_shot_commands_leave_no_tortoise_lines_on_stderr(tmp_path: Path) -> None:
    migrated = playground(tmp_path, "migrate")
    assert migrated.returncode == 0, migrated.stderr
    granted = playground(tmp_path, "credits", "grant", "--sub", "alice", "--amount", "1")
    assert granted.returncode == 0, granted.stderr
    assert "+1 credit," in granted.stdout  # singular
    assert "Tortoise-ORM shutdown" not in migrated.stderr + granted.stderr


def test_the_banner_points_at_the_playground_only_where_it_is_served(tmp_path: Path) -> None:
    from app.cli import banner
    from services.core.config import Settings

    embedded = Settings()
    assert banner(embedded, "127.0.0.1", 8000) == (
        "Preset Playground: open http://127.0.0.1:8000/ (GraphQL at http://127.0.0.1:8000/graphql)"
    )
    production = Settings(
        PLAYGROUND_ENV="production",
        JWT_SECRET="a-production-secret-of-enough-bytes-0123456789",
        DATABASE_URL="postgres://p@db:5432/playground",
        REDIS_URL="redis://redis:6379/0",
        WEB_DIST_DIR=str(tmp_path / "no-build"),
    )
    assert banner(production, "::1", 8000) == "Preset Playground API: GraphQL at http://[::1]:8000/graphql"
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "index.html").write_text("<!doctype html>")
    built = production.model_copy(update={"web_dist_dir": tmp_path / "build"})
    assert banner(built, "::1", 8000).startswith("Preset Playground: open http://[::1]:8000/ ")


def test_the_simulator_honours_log_format_json(tmp_path: Path) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "simulator", "--port", str(port)],
        cwd=tmp_path,
        env=clean_env() | {"LOG_FORMAT": "json"},
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline()  # blocks until the first log line (startup), bounded by the test timeout
        assert json.loads(line)["event"], line
    finally:
        process.terminate()
        process.wait(timeout=20)
        if process.stderr:
            process.stderr.close()


def _log_lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def _redis_complaints(records: list[dict[str, object]]) -> list[dict[str, object]]:
    return [r for r in records if r["level"] in ("warning", "error") and "redis" in str(r["event"]).lower()]


def test_serve_with_redis_unreachable_starts_is_not_ready_and_says_so_once(tmp_path: Path) -> None:
    port = free_port()
    env = clean_env() | {"REDIS_URL": "redis://127.0.0.1:1/0", "LOG_FORMAT": "json"}
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    try:
        while True:  # poll until it answers (a condition), bounded
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "server did not answer"
            try:
                ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        assert ready.status_code == 503
        assert ready.json()["components"]["redis"]["status"] == "down"
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    records = _log_lines(stderr)
    complaints = _redis_complaints(records)
    assert len(complaints) == 1, complaints  # the outage, once: not per retry, not once more per component
    assert str(complaints[0]["event"]).startswith("Redis unreachable (")
    assert "object at 0x" not in stderr


def test_worker_with_redis_unreachable_starts_says_so_once_and_stops_without_false_alarms(tmp_path: Path) -> None:
    env = clean_env() | {"REDIS_URL": "redis://127.0.0.1:1/0", "LOG_FORMAT": "json"}
    queues = len({kind.queue_suffix for kind in job_kinds(Settings(jwt_secret=TEST_SECRET))})  # one per job kind
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "worker"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(90, process.kill)  # bounds the reads below if the worker never starts
    watchdog.start()
    seen: list[str] = []
    try:
        assert process.stderr is not None
        while sum("worker started" in line for line in seen) < queues:
            line = process.stderr.readline()
            assert line, "".join(seen)
            seen.append(line)
        process.terminate()
        _, rest = process.communicate(timeout=60)
    finally:
        watchdog.cancel()
        if process.poll() is None:
            process.kill()
        if process.stderr:
            process.stderr.close()
    stderr = "".join(seen) + rest
    records = _log_lines(stderr)
    complaints = _redis_complaints(records)
    assert len(complaints) == 1, complaints
    assert str(complaints[0]["event"]).startswith("Redis unreachable (")
    assert len([r for r in records if str(r["event"]).startswith("worker stopped")]) == queues, stderr
    # SAQ's own lines (its Redis client's repr, "Working shutting down") and its false shutdown warning are gone.
    assert not [r for r in records if r["logger"] == "saq"], stderr
    assert "did not finish" not in stderr
    assert "object at 0x" not in stderr


def test_embedded_serve_gives_a_running_batch_the_shutdown_grace_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    env = clean_env() | {"LOG_FORMAT": "json", "SHUTDOWN_GRACE_SECONDS": "60"}
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:  # poll readiness (a condition), bounded
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "server did not become ready"
            try:
                if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.05)
        token = playground(tmp_path, "token", "--sub", "alice")
        headers = {"Authorization": f"Bearer {token.stdout.strip()}"}

        def gql(query: str, variables: dict[str, object] | None = None) -> dict[str, Any]:
            body = {"query": query, "variables": variables or {}}
            result: dict[str, Any] = httpx.post(f"{url}/graphql", json=body, headers=headers, timeout=10).json()
            return result

        project = gql('mutation { projectCreate(input: {name: "grace"}) { project { id } } }')
        made = gql(
            "mutation($input: GenerateInput!) { generate(input: $input) { batchJob { id } } }",
            {"input": {"projectId": project["data"]["projectCreate"]["project"]["id"], "prompt": "owl [[delay:3]]"}},
        )
        batch_id = made["data"]["generate"]["batchJob"]["id"]
        status = "QUEUED"
        while status == "QUEUED":  # until it runs (a condition), bounded
            assert time.monotonic() < deadline + 30, "the batch did not start"
            read = gql("query($id: ID!) { batchJob(id: $id) { status } }", {"id": batch_id})
            status = read["data"]["batchJob"]["status"]
            time.sleep(0.05)
        assert status == "RUNNING"  # mid-call: the simulator holds it for 3 s
        process.terminate()
        _, stderr = process.communicate(timeout=90)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    ended = [r for r in _log_lines(stderr) if r.get("batch_id") == batch_id and "ended" in str(r["event"])]
    assert [r["status"] for r in ended] == ["SUCCEEDED"], stderr[-3000:]  # it finished within the grace
