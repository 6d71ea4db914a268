"""Secrets never reach logs or startup errors: the JWT key, passwords inside database and Redis URLs, provider API
keys, bearer tokens. Checked on settings errors, on what the CLI prints when it cannot start, and on the captured
log output (JSON and console), exceptions and tracebacks included."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import structlog
from pydantic import ValidationError

from app import logs
from app.logs import configure_logging, scrub
from services.core.config import Settings
from tests.conftest import MakeCaller

JWT_SECRET = "jwt-Secret-0123456789-abcdefghijklmnop"
DB_PASSWORD = "Db-Passw0rd-9f8e7d"
REDIS_PASSWORD = "R3dis-Passw0rd-1a2b"
API_KEY = "wsk-live-Api-Key-55aa66bb77cc"
DATABASE_URL = f"postgres://playground:{DB_PASSWORD}@127.0.0.1:1/playground"
REDIS_URL = f"redis://:{REDIS_PASSWORD}@127.0.0.1:1/0"
SECRETS = (JWT_SECRET, DB_PASSWORD, REDIS_PASSWORD, API_KEY)


def assert_no_secret(text: str) -> None:
    leaked = [secret for secret in SECRETS if secret in text]
    assert not leaked, f"{leaked} in:\n{text}"


@pytest.mark.parametrize(
    "fields",
    [
        {"jwt_secret": "too-short-" + JWT_SECRET[:10], "database_url": DATABASE_URL},
        {"jwt_secret": JWT_SECRET, "jwt_jwks_url": "https://idp/jwks.json", "redis_url": REDIS_URL},
        {"jwt_secret": JWT_SECRET, "wavespeed_api_key": API_KEY, "jwt_leeway_seconds": 999},
        {"environment": "production", "database_url": DATABASE_URL, "redis_url": REDIS_URL, "ark_api_key": API_KEY},
    ],
    ids=["short-jwt-secret", "two-key-sources", "bad-field-beside-secrets", "production-without-key"],
)
def test_settings_errors_name_the_problem_not_the_values(tmp_path: Path, fields: dict[str, object]) -> None:
    with pytest.raises(ValidationError) as caught:
        Settings(var_dir=tmp_path, **fields)  # type: ignore[arg-type]
    assert_no_secret(str(caught.value))
    assert_no_secret(repr(caught.value))
    # errors() hands the inputs to whoever asks for them; the CLI asks without (app.cli.settings_problem).
    assert_no_secret(repr(caught.value.errors(include_input=False)))
    short = "too-short-" + JWT_SECRET[:10]
    assert short not in str(caught.value)


def run_cli(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "PLAYGROUND_VAR_DIR": str(tmp_path / "var")}
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )


def test_the_cli_does_not_print_secrets_when_settings_are_invalid(tmp_path: Path) -> None:
    result = run_cli(
        tmp_path,
        "migrate",
        JWT_SECRET=JWT_SECRET[:20],
        DATABASE_URL=DATABASE_URL,
        REDIS_URL=REDIS_URL,
        WAVESPEED_API_KEY=API_KEY,
    )
    assert result.returncode != 0
    assert "JWT_SECRET" in result.stderr
    assert JWT_SECRET[:20] not in result.stderr + result.stdout
    assert_no_secret(result.stderr + result.stdout)


def test_the_cli_does_not_print_secrets_when_the_database_refuses(tmp_path: Path) -> None:
    result = run_cli(
        tmp_path, "migrate", JWT_SECRET=JWT_SECRET, DATABASE_URL=DATABASE_URL, REDIS_URL=REDIS_URL, ARK_API_KEY=API_KEY
    )
    assert result.returncode != 0
    assert_no_secret(result.stderr + result.stdout)


@pytest.fixture
def captured(monkeypatch: pytest.MonkeyPatch) -> Iterator[io.StringIO]:
    """Our logging, configured from an environment full of secrets, into a buffer; restored afterwards."""
    for name, value in {
        "JWT_SECRET": JWT_SECRET,
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "WAVESPEED_API_KEY": API_KEY,
    }.items():
        monkeypatch.setenv(name, value)
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    registered = set(logs._secrets)
    buffer = io.StringIO()
    try:
        yield buffer
    finally:
        root.handlers, root.level = handlers, level
        structlog.reset_defaults()
        logs._secrets.clear()
        logs._secrets.update(registered)


def log_everything(logger: logging.Logger) -> None:
    """Every way a secret reaches a log: a message, arguments, extra fields, an exception and its traceback."""
    logger.info("connecting to %s and %s", DATABASE_URL, REDIS_URL)
    logger.warning("provider call", extra={"headers": {"Authorization": f"Bearer {API_KEY}"}})
    logger.info("signing with %s", JWT_SECRET)
    try:
        raise ConnectionError(f"could not connect to {DATABASE_URL} (password {DB_PASSWORD!r})")
    except ConnectionError:
        logger.exception("database unavailable")
    structlog.get_logger("playground.test").info(
        "event", database_url=DATABASE_URL, note=f"key={API_KEY}", auth=f"bearer {JWT_SECRET}"
    )


@pytest.mark.parametrize("fmt", ["json", "console"])
def test_log_output_is_scrubbed(captured: io.StringIO, fmt: str) -> None:
    configure_logging("INFO", fmt=fmt)
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(captured)
    log_everything(logging.getLogger("playground.test"))
    text = captured.getvalue()
    assert "database unavailable" in text  # the control: the lines are there, with their tracebacks
    assert "Traceback" in text or "ConnectionError" in text
    assert_no_secret(text)
    assert "[redacted]" in text


def test_secrets_registered_from_settings_are_scrubbed_too(captured: io.StringIO) -> None:
    configure_logging("INFO", fmt="json")
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(captured)
    development_key = "dev-key-from-var-dir-" + "z" * 30
    logs.register_secrets([development_key, "short", None])
    logging.getLogger("playground.test").warning("key is %s; short is short", development_key)
    text = captured.getvalue()
    assert development_key not in text
    assert "short is short" in text  # values too short to be secrets are not blanked out of ordinary words


def test_scrub_patterns() -> None:
    token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl"
    assert scrub(f"postgres://u:{DB_PASSWORD}@h/db") == "postgres://u:[redacted]@h/db"
    assert scrub(f"rediss://:{REDIS_PASSWORD}@h:6380/0") == "rediss://:[redacted]@h:6380/0"
    assert scrub(f"Authorization: Bearer {API_KEY}") == "Authorization: Bearer [redacted]"
    assert scrub(f"token={token}") == "token=[redacted]"
    assert scrub("http://example.com:8080/a@b") == "http://example.com:8080/a@b"  # no password: untouched


async def test_an_unexpected_error_with_a_secret_is_masked_and_scrubbed(
    captured: io.StringIO, client: httpx.AsyncClient, make_caller: MakeCaller, monkeypatch: pytest.MonkeyPatch
) -> None:
    import services.projects

    configure_logging("INFO", fmt="json")
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(captured)

    async def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError(f"lost {DATABASE_URL}")

    monkeypatch.setattr(services.projects, "list_page", broken)
    alice = make_caller("alice")
    response = await client.post("/graphql", json={"query": "{ projects { totalCount } }"}, headers=alice.headers)
    assert response.json()["errors"][0]["message"] == "Unexpected error."
    assert_no_secret(response.text)
    text = captured.getvalue()
    assert "lost postgres://playground:[redacted]@" in text  # logged, with its traceback, scrubbed
    assert alice.token not in text
    assert_no_secret(text)


def test_the_example_jwt_secret_is_refused_in_production(tmp_path: Path) -> None:
    """The value printed in deploy/env.example would let anyone sign tokens: `serve` refuses to start with it."""
    example = next(
        line.partition("=")[2]
        for line in (Path(__file__).parents[2] / "deploy" / "env.example").read_text().splitlines()
        if line.startswith("JWT_SECRET=")
    )
    result = run_cli(tmp_path, "migrate", JWT_SECRET=example, PLAYGROUND_ENV="production")
    assert result.returncode != 0
    assert "example value" in result.stderr
    assert example not in result.stderr + result.stdout
    development = run_cli(tmp_path, "migrate", JWT_SECRET=example)
    assert development.returncode == 0, development.stderr
