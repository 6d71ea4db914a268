"""OpenTelemetry tracing (``app/tracing.py``): off by default at no cost; on, a real generate leaves spans for the HTTP
request, the GraphQL operation, the provider call (httpx) and, on PostgreSQL, the SQL (asyncpg).

The traced app runs in a child process (``python -m tests.app.test_tracing``): instrumentation patches libraries
process-wide, and this process's session app must stay untraced for the other tests.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import TEST_DB, TEST_SECRET

ROOT = Path(__file__).resolve().parents[2]
OTEL_VARIABLES = (
    "OTEL_EXPORTER_OTLP_ENDPOINT",
    "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
    "OTEL_SDK_DISABLED",
    "OTEL_SERVICE_NAME",
)


def _child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in OTEL_VARIABLES and not k.startswith("PLAYGROUND_")}
    return {**env, **extra}


def _run_child(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tests.app.test_tracing", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_tracing_requested_reads_the_standard_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.tracing import tracing_requested

    for name in OTEL_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    assert not tracing_requested()
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")
    assert tracing_requested()
    monkeypatch.setenv("OTEL_SDK_DISABLED", "true")
    assert not tracing_requested()
    monkeypatch.delenv("OTEL_EXPORTER_OTLP_ENDPOINT")
    monkeypatch.delenv("OTEL_SDK_DISABLED")
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces")
    assert tracing_requested()


def test_without_an_endpoint_nothing_is_installed(tmp_path: Path) -> None:
    """No endpoint: the API and the worker build as usual; no instrumentation, exporter or tracing extension is
    imported, no tracer provider is set and no library is patched.

    (redis-py 7 probes for ``opentelemetry.sdk.metrics`` at import when the SDK is installed, for its own opt-in
    metrics; that import is redis-py's, and it does nothing until ``redis.observability`` is initialised.)
    """
    result = _run_child("untraced", str(tmp_path), env=_child_env())
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {
        "configured": False,
        "provider": False,
        "tracing_modules": [],
        "global_provider_set": False,
        "patched": [],
    }, report


async def test_a_generate_is_traced(database_url: str, tmp_path: Path) -> None:
    """Through the app with an in-memory exporter: HTTP request, GraphQL operation, provider call, SQL."""
    # On SQLite, the child uses a database of its own (the session app holds the suite's file).
    url = database_url if TEST_DB == "postgres" else f"sqlite://{tmp_path / 'traced.db'}"
    result = await asyncio.to_thread(_run_child, "traced", str(tmp_path), url, env=_child_env())
    assert result.returncode == 0, result.stderr[-4000:]
    spans: list[dict[str, Any]] = json.loads(result.stdout.strip().splitlines()[-1])

    def of(scope: str) -> list[dict[str, Any]]:
        return [s for s in spans if s["scope"] == scope]

    http = [s for s in of("opentelemetry.instrumentation.asgi") if s["kind"] == "SERVER"]
    assert any(s["attributes"].get("http.route", s["name"]).endswith("/graphql") for s in http), http
    operations = [s for s in of("strawberry") if s["name"].startswith("GraphQL Query")]
    assert any("generate" in s["attributes"].get("query", "") for s in operations), operations
    # The GraphQL operation is a child of the HTTP request's span.
    assert {s["trace_id"] for s in operations} <= {s["trace_id"] for s in http}
    resolvers = [s for s in of("strawberry") if s["name"] == "GraphQL Resolving: generate"]
    assert resolvers, sorted({s["name"] for s in of("strawberry")})
    provider_calls = [
        s
        for s in of("opentelemetry.instrumentation.httpx")
        if s["kind"] == "CLIENT"
        and "simulator.internal" in s["attributes"].get("url.full", s["attributes"].get("http.url", ""))
    ]
    assert provider_calls, [s["name"] for s in spans]
    assert all(s["service"] == "playground-api" for s in spans)
    if TEST_DB != "postgres":
        pytest.skip(
            "SQL spans come from the asyncpg instrumentation: SQLite (aiosqlite) has none; PostgreSQL run checks"
        )
    sql = of("opentelemetry.instrumentation.asyncpg")
    assert any("INSERT" in str(s["attributes"].get("db.statement", s["name"])).upper() for s in sql), [
        s["name"] for s in sql
    ]


# The child process -----------------------------------------------------------------------------------------------


def _untraced(var_dir: str) -> dict[str, Any]:
    import app.cli
    import app.worker  # noqa: F401
    from app.api import create_app
    from app.tracing import asgi_middleware, configure_tracing, tracer_provider
    from services.core.config import Settings

    settings = Settings(var_dir=Path(var_dir), jwt_secret=TEST_SECRET)
    create_app(settings)
    configured = configure_tracing("playground-api")
    assert asgi_middleware() is None
    import asyncpg
    import redis.asyncio

    tracing_prefixes = ("opentelemetry.instrumentation", "opentelemetry.exporter", "strawberry.extensions.tracing")
    trace_api = sys.modules.get("opentelemetry.trace")
    candidates = {
        "httpx": httpx.AsyncHTTPTransport.handle_async_request,
        "redis": redis.asyncio.Redis.execute_command,
        "asyncpg": asyncpg.connection.Connection.execute,
    }
    return {
        "configured": configured,
        "provider": tracer_provider() is not None,
        "tracing_modules": sorted(m for m in sys.modules if m.startswith(tracing_prefixes)),
        "global_provider_set": getattr(trace_api, "_TRACER_PROVIDER", None) is not None,
        "patched": sorted(name for name, function in candidates.items() if hasattr(function, "__wrapped__")),
    }


async def _traced(var_dir: str, database_url: str) -> list[dict[str, Any]]:
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    from app.api import create_app
    from app.tracing import configure_tracing, reset_tracing
    from models import Role
    from services.core import db
    from services.core.auth import issue_token
    from services.core.config import Settings
    from tests.conftest import Caller
    from tests.generation_support import generate, new_project, wait_until_ended

    exporter = InMemorySpanExporter()
    assert configure_tracing("playground-api", exporter=exporter)
    settings = Settings(
        var_dir=Path(var_dir),
        database_url=database_url,
        jwt_secret=TEST_SECRET,
        signup_credits=20,
        simulator_latency_seconds=0.0,
    )
    if not settings.is_sqlite:
        await db.migrate(settings.resolved_database_url)
    application = create_app(settings)
    alice = Caller(subject="traced-user", token=issue_token(settings, "traced-user", role=Role.USER))
    async with (
        application.router.lifespan_context(application),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=application), base_url="http://testserver") as client,
    ):

        async def gql(query: str, variables: dict[str, Any] | None = None, caller: Caller | None = None) -> Any:
            response = await client.post(
                "/graphql",
                json={"query": query, "variables": variables or {}},
                headers=caller.headers if caller else {},
            )
            assert response.status_code == 200, response.text
            return response.json()

        project = await new_project(gql, alice)
        payload = await generate(
            gql, alice, projectId=project, mode="TEXT_TO_IMAGE", prompts=["a traced harbour"], size="1024x1024"
        )
        assert payload["userErrors"] == [], payload
        await wait_until_ended(application, payload["batchJob"]["id"])
    reset_tracing()
    return [
        {
            "name": span.name,
            "kind": span.kind.name,
            "scope": span.instrumentation_scope.name if span.instrumentation_scope else "",
            "trace_id": span.context.trace_id if span.context else 0,
            "service": span.resource.attributes.get("service.name"),
            "attributes": {k: str(v) for k, v in (span.attributes or {}).items()},
        }
        for span in exporter.get_finished_spans()
    ]


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    if mode == "untraced":
        print(json.dumps(_untraced(*rest)))
    else:
        print(json.dumps(asyncio.run(_traced(*rest))))
