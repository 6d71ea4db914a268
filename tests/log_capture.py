"""Our real logging pipeline (``app.logs``: structlog over the standard library) rendered as JSON into a buffer, so a
test reads the lines a process would write."""

from __future__ import annotations

import contextlib
import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import structlog

from app.logs import configure_logging


@contextlib.contextmanager
def captured_json_logs(level: str = "INFO") -> Iterator[io.StringIO]:
    """Configure our logging in JSON, written to the yielded buffer; the previous handlers come back afterwards."""
    root = logging.getLogger()
    handlers, previous = root.handlers[:], root.level
    configure_logging(level, fmt="json")
    buffer = io.StringIO()
    ours = root.handlers[0]
    assert isinstance(ours, logging.StreamHandler)
    ours.setStream(buffer)
    try:
        yield buffer
    finally:
        root.handlers, root.level = handlers, previous
        structlog.reset_defaults()


def lines(buffer: io.StringIO) -> list[dict[str, Any]]:
    """Every line written so far, parsed (each must be one JSON object)."""
    return [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]
