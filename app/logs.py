"""Logging for every process we start (API, worker, CLI): one format, the level from ``LOG_LEVEL``."""

from __future__ import annotations

import logging
import os

FORMAT = "%(asctime)s %(levelname)s %(name)s %(process)d: %(message)s"


def configure_logging(level: str | None = None) -> None:
    """Send our loggers to stderr at ``level`` (default ``LOG_LEVEL``, else INFO); uvicorn keeps its own handlers."""
    name = (level or os.environ.get("LOG_LEVEL") or "INFO").upper()
    logging.basicConfig(level=getattr(logging, name, logging.INFO), format=FORMAT)
