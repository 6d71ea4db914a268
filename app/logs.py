"""Logging for every process we start (API, worker, CLI, simulator): structlog over the standard library.

Every record, ours (``logging.getLogger``) and the libraries' (uvicorn, SAQ, Tortoise), goes through one pipeline:
the context of the current request or job, the level, the logger, a UTC timestamp, then a renderer: JSON lines in
production, a readable console line in development (``LOG_FORMAT`` overrides). The context keys are bound with
``structlog.contextvars.bind_contextvars`` where they become known: ``request_id`` (`app.api.RequestId`),
``user_id`` (the GraphQL context), ``batch_id`` (submit, and the queue when a job runs, along with the request id
that enqueued it). Values of keys that name secrets or prompts are replaced before rendering, so that a
careless ``extra=`` cannot leak a token, a key or a user's prompt. Then every rendered line, tracebacks included,
is scrubbed (``scrub``): passwords inside URLs (``postgres://user:...@host``), bearer tokens, anything shaped like a
JWT, and the configured secrets themselves (``JWT_SECRET``, the provider API keys, the passwords of
``DATABASE_URL`` and ``REDIS_URL``; ``register_secrets`` adds more), wherever an exception message or a library
happened to put them.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Iterable, MutableMapping
from typing import Any

import structlog
from structlog.typing import Processor

REDACTED = "[redacted]"
SENSITIVE_KEYS = frozenset(
    {
        "authorization",
        "token",
        "access_token",
        "jwt",
        "api_key",
        "apikey",
        "secret",
        "password",
        "prompt",
        "prompts",
        "jwt_secret",
        "database_url",
        "redis_url",
        "wavespeed_api_key",
        "ark_api_key",
    }
)
# Environment variables whose values are secrets, or URLs whose password is one.
SECRET_VARIABLES = ("JWT_SECRET", "WAVESPEED_API_KEY", "ARK_API_KEY")
URL_VARIABLES = ("DATABASE_URL", "REDIS_URL")
MIN_SECRET_LENGTH = 8  # shorter values would blank out ordinary words

_URL_PASSWORD = re.compile(r"(?P<head>\b[a-z][a-z0-9+.-]*://[^\s:/@]*:)[^\s@/]+@", re.IGNORECASE)
_BEARER = re.compile(r"(?P<head>\bbearer\s+)[A-Za-z0-9._~+/=-]+", re.IGNORECASE)
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")
_secrets: set[str] = set()


def url_password(url: str | None) -> str | None:
    """The password inside ``scheme://user:password@host/...``, if any."""
    match = _URL_PASSWORD.search(url or "")
    if match is None:
        return None
    return match.group(0)[len(match.group("head")) : -1]


def register_secrets(values: Iterable[str | None]) -> None:
    """Blank these values out of every log line from now on (empty and very short values are ignored)."""
    _secrets.update(v for v in values if v and len(v) >= MIN_SECRET_LENGTH)


def scrub(text: str) -> str:
    """``text`` with URL passwords, bearer tokens, JWT-shaped strings and registered secrets replaced."""
    text = _URL_PASSWORD.sub(lambda m: f"{m.group('head')}{REDACTED}@", text)
    text = _BEARER.sub(lambda m: f"{m.group('head')}{REDACTED}", text)
    text = _JWT.sub(REDACTED, text)
    for secret in sorted(_secrets, key=len, reverse=True):  # longest first: one secret may contain another
        text = text.replace(secret, REDACTED)
    return text


class ScrubbingFormatter(structlog.stdlib.ProcessorFormatter):
    """structlog's formatter, with ``scrub`` applied to the finished line (message, context and traceback)."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def _redact(_: Any, __: str, event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    for key in event.keys() & SENSITIVE_KEYS:
        event[key] = REDACTED
    return event


# SAQ's own INFO lines repeat ours ("batch taken", "worker started", ...) with a job's or a Redis client's repr.
_SAQ_DUPLICATES = (
    "Worker starting:",
    "Working shutting down",
    "Processing ",
    "Finished ",
    "Enqueuing ",
    "Retrying ",
    "Sweeping ",
)


class SaqLogFilter(logging.Filter):
    """Drops SAQ's lines that repeat ours, and names a job by its key where SAQ would print its repr."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name != "saq":
            return True
        message = str(record.msg)
        if record.levelno <= logging.INFO and message.startswith(_SAQ_DUPLICATES):
            return False
        if isinstance(record.args, tuple):
            record.args = tuple(getattr(arg, "key", arg) if _is_saq_job(arg) else arg for arg in record.args)
        return True


def _is_saq_job(value: object) -> bool:
    return type(value).__module__ == "saq.job" and hasattr(value, "key")


def _drop_color_message(_: Any, __: str, event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    event.pop("color_message", None)  # uvicorn's ``extra``: its message again, with terminal colour codes
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
    register_secrets(os.environ.get(name) for name in SECRET_VARIABLES)
    register_secrets(url_password(os.environ.get(name)) for name in URL_VARIABLES)
    formatter = ScrubbingFormatter(
        # A standard-library record's ``extra=`` fields become fields of the line.
        foreign_pre_chain=[*shared[:-1], structlog.stdlib.ExtraAdder(), _drop_color_message, _redact],
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *renderer],
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    handler.addFilter(SaqLogFilter())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(getattr(logging, name, logging.INFO))
    # uvicorn's loggers keep no handlers of their own (we pass log_config=None), so their records come here too.
    for noisy in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(noisy).handlers = []
        logging.getLogger(noisy).propagate = True
    # Tortoise logs "Tortoise-ORM shutdown" at INFO when a one-shot command closes its connections: noise on stderr.
    logging.getLogger("tortoise").setLevel(max(root.level, logging.WARNING))
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
