"""Prometheus exposition: ``/metrics`` on the API, and a port of its own for a worker (``WORKER_METRICS_PORT``).

The metric objects live in ``services/infra/metrics.py``; this module only serves them. With
``PROMETHEUS_MULTIPROC_DIR`` set, the values of every process writing to that directory are collected together.
"""

from __future__ import annotations

import contextlib
import hmac
import logging
import os
from collections.abc import Iterator
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest, start_http_server
from prometheus_client.multiprocess import MultiProcessCollector
from starlette.requests import Request
from starlette.responses import Response

from services.infra import metrics

log = logging.getLogger(__name__)


def registry() -> CollectorRegistry:
    """This process's registry, or the collector over every process's files in multiprocess mode."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        collected = CollectorRegistry()
        MultiProcessCollector(collected)  # type: ignore[no-untyped-call]  # unannotated in prometheus-client
        return collected
    return REGISTRY


async def metrics_endpoint(request: Request) -> Response:
    """``GET /metrics`` in the Prometheus text format; the queue depth is read from the queue as it is scraped."""
    services: Any = getattr(request.app.state, "services", None)
    settings = getattr(services, "settings", None)
    if settings is not None and not settings.is_development:
        # Production: the API port faces clients; the figures (routes, queue depth, error rates) are for the
        # scraper only. No METRICS_TOKEN: not served here at all; a wrong or missing token reads the same.
        token = settings.metrics_token
        given = request.headers.get("authorization", "")
        if token is None or not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            return Response("Not Found", status_code=404, media_type="text/plain")
    if services is not None:
        try:
            metrics.QUEUE_DEPTH.set(await services.outbox.queued_count())
        except Exception:  # Redis unreachable: the other metrics still matter, and the gauge keeps its last value
            log.warning("metrics: could not read the queue depth", exc_info=True)
    return Response(generate_latest(registry()), media_type=CONTENT_TYPE_LATEST)


@contextlib.contextmanager
def worker_metrics_server(port: int | None, host: str = "0.0.0.0") -> Iterator[int | None]:  # noqa: S104 - scraped from other hosts
    """Serve ``/metrics`` on ``port`` for the block (a worker has no web server of its own); yields the bound port,
    or None when ``port`` is unset or 0."""
    if not port:
        yield None
        return
    server, thread = start_http_server(port, addr=host, registry=registry())
    log.info("worker metrics on port %d", port)
    try:
        yield port
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
