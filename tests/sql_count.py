"""Counting the SQL statements a piece of work runs (for "no N+1" tests that pin a number).

Tortoise logs every statement it sends on the ``tortoise.db_client`` logger at DEBUG, as ``"<sql>: <values>"``;
connection open/close messages are logged there too and are not counted.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

STATEMENT_WORDS = ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT")


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = str(record.args[0]) if isinstance(record.args, tuple) and record.args else record.getMessage()
        if text.lstrip().upper().startswith(STATEMENT_WORDS):
            self.statements.append(text)


@contextmanager
def sql_statements() -> Iterator[list[str]]:
    """Yields the list of statements run inside the block (filled as they run)."""
    logger = logging.getLogger("tortoise.db_client")
    recorder = _Recorder()
    previous = logger.level
    logger.addHandler(recorder)
    logger.setLevel(logging.DEBUG)
    try:
        yield recorder.statements
    finally:
        logger.removeHandler(recorder)
        logger.setLevel(previous)
