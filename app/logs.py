"""Logging for every process we start (API, worker, CLI, simulator): structlog over the standard library.

Every record, ours (``logging.getLogger``) and the libraries' (uvicorn, SAQ, Tortoise), goes through one pipeline:
the context of the current request or job, the level, the logger, a UTC timestamp, then a renderer: JSON lines in
production, a readable console line in development (``LOG_FORMAT`` overrides). The context keys are bound with
``structlog.contextvars.bind_contextvars`` where they become known: ``request_id`` (`app.api.RequestId`),
``user_id`` (the GraphQL context), ``batch_id`` (submit, and the queue when a job runs, along with the request id
that enqueued it). Values of keys that name secrets or prompts are replaced before rendering, so that a
careless ``extra=`` cannot leak a token, a key or a user's prompt.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog
from structlog.typing import Processor

REDACTED = "[redacted]"
SENSITIVE_KEYS = frozenset(
    {"authorization", "token", "access_token", "jwt", "api_key", "apikey", "secret", "password", "prompt", "prompts"}
)


def _redact(_: Any, __: str, event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    for key in event.keys() & SENSITIVE_KEYS:
        event[key] = REDACTED
    return event


def configure_logging(level: str | None = None, *, fmt: str | None = None) -> None:
    """Send every logger to stderr through structlog at ``level`` (default ``LOG_LEVEL``, else INFO), rendered as
    ``fmt`` (``json`` or ``console``; default ``LOG_FORMAT``, else JSON when ``PLAYGROUND_ENV=production``).

    Read from the environment, not from `Settings`, so that a process whose settings are invalid still logs.
    """
    name = (level or os.environ.get("LOG_LEVEL") or "INFO").upper()
    production = os.environ.get("PLAYGROUND_ENV", "").lower() == "production"
    fmt = (fmt or os.environ.get("LOG_FORMAT") or ("json" if production else "console")).lower()
    shared: list[Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        _redact,
    ]
    renderer: list[Processor]
    if fmt == "json":
        renderer = [structlog.processors.format_exc_info, structlog.processors.JSONRenderer()]
    else:
        renderer = [structlog.dev.ConsoleRenderer(colors=False)]
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *renderer],
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(getattr(logging, name, logging.INFO))
    # uvicorn's loggers keep no handlers of their own (we pass log_config=None), so their records come here too.
    for noisy in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(noisy).handlers = []
        logging.getLogger(noisy).propagate = True
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
