"""The service's Prometheus metrics: every metric object, in one place, named as Prometheus asks.

Infrastructure and domain modules import the objects they move (``metrics.BUS_DROPPED.inc()``); the exposition
(``/metrics`` on the API, a port of its own on a worker) lives in ``app/metrics.py``. Labels only ever take values
from small fixed sets (operation root fields, statuses, categories): never ids, users or prompts.

With ``PROMETHEUS_MULTIPROC_DIR`` set before the process starts, prometheus-client keeps the values in files there,
so that several processes behind one exposition (uvicorn or SAQ run with more than one process) add up; gauges then
say how they combine (``multiprocess_mode``).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from contextlib import contextmanager

from prometheus_client import Counter, Gauge, Histogram

PREFIX = "playground"

# Seconds: fast GraphQL operations up to slow provider calls and whole batches.
REQUEST_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
PROVIDER_BUCKETS = (0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 40.0, 80.0, 160.0, 300.0)
JOB_BUCKETS = (0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0)
WAIT_BUCKETS = (0.001, 0.01, 0.05, 0.1, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)

# --- GraphQL and sockets (the API) --------------------------------------------------------------------------------

GRAPHQL_OPERATIONS = Counter(
    f"{PREFIX}_graphql_operations",
    "GraphQL operations by root field, operation type and outcome (ok, error: the result carried errors).",
    ["operation", "type", "outcome"],
)
GRAPHQL_DURATION = Histogram(
    f"{PREFIX}_graphql_operation_duration_seconds",
    "Time to answer a GraphQL query or mutation, by root field and operation type.",
    ["operation", "type"],
    buckets=REQUEST_BUCKETS,
)
WEBSOCKETS_OPEN = Gauge(
    f"{PREFIX}_websockets_open", "WebSocket connections open on the GraphQL endpoint.", multiprocess_mode="livesum"
)
SUBSCRIPTIONS_ACTIVE = Gauge(
    f"{PREFIX}_subscriptions_active",
    "GraphQL subscriptions running, by root field.",
    ["operation"],
    multiprocess_mode="livesum",
)

# --- the progress bus ---------------------------------------------------------------------------------------------

BUS_PUBLISHED = Counter(f"{PREFIX}_bus_published_events", "Events published on the progress bus.")
BUS_DELIVERIES = Counter(f"{PREFIX}_bus_deliveries", "Events handed to a local subscriber's queue.")
BUS_DROPPED = Counter(
    f"{PREFIX}_bus_dropped_events", "Events a full subscriber queue lost (its oldest non-terminal event)."
)
BUS_RESYNCS = Counter(
    f"{PREFIX}_bus_resyncs", "RESYNC markers sent to subscribers (after a reconnect, or to a slow consumer)."
)
BUS_RECONNECTS = Counter(f"{PREFIX}_bus_listener_reconnects", "Times the Redis pub/sub listener reconnected.")

# --- the job queue --------------------------------------------------------------------------------------------------

QUEUE_DEPTH = Gauge(
    f"{PREFIX}_queue_depth", "Batch jobs waiting for a worker (read when scraped).", multiprocess_mode="mostrecent"
)
JOBS_RUNNING = Gauge(f"{PREFIX}_jobs_running", "Batch jobs running in this process.", multiprocess_mode="livesum")
JOB_DURATION = Histogram(
    f"{PREFIX}_job_duration_seconds",
    "Time a batch job ran in this process, by outcome (complete, failed, aborted, interrupted).",
    ["outcome"],
    buckets=JOB_BUCKETS,
)

RECONCILER_PASSES = Counter(
    f"{PREFIX}_reconciler_passes",
    "Passes of the batch reconciler, by outcome (ok; waiting: the database or Redis was away; error).",
    ["outcome"],
)
RECONCILER_BATCHES = Counter(
    f"{PREFIX}_reconciler_batches",
    "Open batches the reconciler found with no live job and no lease, by what it did (handed_back; ended: refunded "
    "after too many hand-backs; cancel_finished).",
    ["action"],
)
JOB_OUTAGE_WAITS = Counter(
    f"{PREFIX}_job_outage_waits",
    "Job runs that failed because the database or Redis was unreachable and were run again once it answered, "
    "without using one of the job's attempts.",
)

# --- the provider ---------------------------------------------------------------------------------------------------

PROVIDER_CALL_DURATION = Histogram(
    f"{PREFIX}_provider_call_duration_seconds",
    "Seedream provider calls (one request or set), by provider and outcome (ok, error).",
    ["provider", "outcome"],
    buckets=PROVIDER_BUCKETS,
)
PROVIDER_ERRORS = Counter(
    f"{PREFIX}_provider_errors",
    "Failed Seedream provider calls by provider and error category (transient, content_policy, invalid_input, auth).",
    ["provider", "category"],
)
PROVIDER_OUTCOMES_UNKNOWN = Counter(
    f"{PREFIX}_provider_outcomes_unknown",
    "Provider calls whose outcome became unknown (sent, possibly billed, no reply saying so), by provider. "
    "Each is listed by the admin query unknownProviderOutcomes with its provider ids.",
    ["provider"],
)
LIMITER_WAIT = Histogram(
    f"{PREFIX}_limiter_wait_seconds",
    "Time a provider call waited for a slot under the account and per-user limits.",
    buckets=WAIT_BUCKETS,
)

# --- what users get and pay -------------------------------------------------------------------------------------------

IMAGES_DELIVERED = Counter(f"{PREFIX}_images_delivered", "Images stored and delivered to their batch.")
LEDGER_CREDITS = Counter(
    f"{PREFIX}_ledger_credits",
    "Credits moved by the ledger, by entry kind (reserve, capture, refund, grant, signup).",
    ["kind"],
)


@contextmanager
def timed(histogram: Histogram) -> Iterator[None]:
    """Observe the seconds the block took (also when it raises)."""
    started = time.perf_counter()
    try:
        yield
    finally:
        histogram.observe(time.perf_counter() - started)


@contextmanager
def job_run() -> Iterator[None]:
    """Count a batch job as running for the block, and observe its duration by how it ended."""
    JOBS_RUNNING.inc()
    started = time.perf_counter()
    outcome = "failed"
    try:
        yield
        outcome = "complete"
    except asyncio.CancelledError:
        outcome = "interrupted"
        raise
    finally:
        JOBS_RUNNING.dec()
        JOB_DURATION.labels(outcome=outcome).observe(time.perf_counter() - started)


# --- storage retention ----------------------------------------------------------------------------------------------

RETENTION_REMOVED = Counter(
    f"{PREFIX}_retention_removed_objects",
    "Stored objects removed by the retention job, by what they were (unused_upload, orphan_file, expired_export).",
    ["what"],
)
RETENTION_RUNS = Counter(f"{PREFIX}_retention_runs", "Runs of the storage retention job, by outcome.", ["outcome"])
