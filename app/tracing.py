"""Optional OpenTelemetry tracing: HTTP requests, GraphQL operations and resolvers, SQL (asyncpg), Redis and outbound
HTTP (provider calls, reference fetches).

On only when an OTLP endpoint is configured (``OTEL_EXPORTER_OTLP_ENDPOINT`` or
``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT``) and ``OTEL_SDK_DISABLED`` is not true. Off, nothing of OpenTelemetry is
imported: the whole cost is one look at the environment. The SDK reads the rest of the standard variables itself
(``OTEL_SERVICE_NAME``, ``OTEL_RESOURCE_ATTRIBUTES``, ``OTEL_TRACES_SAMPLER``, ``OTEL_TRACES_SAMPLER_ARG``,
``OTEL_EXPORTER_OTLP_HEADERS``...).

Every instrumentation is given this module's tracer provider explicitly; the process-wide provider is set too, except
through the test seam (``exporter=``), so that ``reset_tracing`` can take everything back.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SpanExporter
    from starlette.middleware import Middleware

ENDPOINT_VARIABLES = ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
# Probes and scrapes would be most of the spans and tell nothing.
EXCLUDED_URLS = "/healthz,/readyz,/metrics"

_provider: TracerProvider | None = None
_instrumentors: list[Any] = []


def tracing_requested() -> bool:
    """The cheap check: is an OTLP endpoint configured (and the SDK not disabled)?"""
    if os.environ.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return False
    return any(os.environ.get(name, "").strip() for name in ENDPOINT_VARIABLES)


def configure_tracing(service_name: str, *, exporter: SpanExporter | None = None) -> bool:
    """Install tracing for this process when an endpoint is configured (or, for tests, an ``exporter`` is given);
    returns whether tracing is on. ``service_name`` is the default for ``OTEL_SERVICE_NAME``. Idempotent."""
    global _provider
    if _provider is not None:
        return True
    if exporter is None and not tracing_requested():
        return False

    from opentelemetry import trace
    from opentelemetry.instrumentation.asyncpg import AsyncPGInstrumentor
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
    from opentelemetry.instrumentation.redis import RedisInstrumentor
    from opentelemetry.sdk.resources import SERVICE_NAME, Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor

    # OTEL_SERVICE_NAME (read by Resource.create) wins over the default given here.
    attributes = {} if os.environ.get("OTEL_SERVICE_NAME") else {SERVICE_NAME: service_name}
    provider = TracerProvider(resource=Resource.create(attributes))  # the sampler comes from OTEL_TRACES_SAMPLER*
    if exporter is None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
        trace.set_tracer_provider(provider)
    else:
        provider.add_span_processor(SimpleSpanProcessor(exporter))
    for instrumentor in (HTTPXClientInstrumentor(), RedisInstrumentor(), AsyncPGInstrumentor()):  # type: ignore[no-untyped-call]
        instrumentor.instrument(tracer_provider=provider)
        _instrumentors.append(instrumentor)
    _provider = provider
    return True


def tracer_provider() -> TracerProvider | None:
    """This process's tracer provider, or None when tracing is off."""
    return _provider


def asgi_middleware() -> Middleware | None:
    """The ASGI middleware that traces HTTP requests and WebSockets, or None when off."""
    if _provider is None:
        return None
    from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
    from starlette.middleware import Middleware

    middleware: Any = OpenTelemetryMiddleware
    return Middleware(middleware, tracer_provider=_provider, excluded_urls=EXCLUDED_URLS)


def instrument_client(client: httpx.AsyncClient) -> None:
    """Trace a client whose transport is not a network one (the embedded simulator behind httpx's ASGI transport);
    clients on real sockets are traced already. Nothing when off."""
    if _provider is None:
        return
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

    HTTPXClientInstrumentor.instrument_client(client, tracer_provider=_provider)


def flush_tracing() -> None:
    """Export the spans still buffered (a process's last step: uvicorn ends by re-raising SIGTERM, so the SDK's
    exit hook may never run). Nothing when off."""
    if _provider is not None:
        _provider.force_flush()


def reset_tracing() -> None:
    """Take back what ``configure_tracing`` installed and flush the spans (tests)."""
    global _provider
    for instrumentor in reversed(_instrumentors):
        instrumentor.uninstrument()
    _instrumentors.clear()
    if _provider is not None:
        _provider.shutdown()
    _provider = None
