"""Prometheus exposition: ``/metrics`` on the API, and a port of its own for a worker (``WORKER_METRICS_PORT``).

The metric objects live in ``services/infra/metrics.py``; this module only serves them. With
``PROMETHEUS_MULTIPROC_DIR`` set, the values of every process writing to that directory are collected together.
"""

from __future__ import annotations

import contextlib
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
