"""Counting the SQL statements a piece of work runs (for "no N+1" tests that pin a number).

Tortoise logs every statement it sends on the ``tortoise.db_client`` logger at DEBUG, as ``"<sql>: <values>"``;
connection open/close messages are logged there too and are not counted.

Only statements sent from the block's own context count: the block marks its context with a ``ContextVar``, which
the work it starts inherits (a request served in the test's task, tasks it creates), while work started earlier (a
queue-position offer or a recorder left by a previous test, another test's background task) runs in a context without
that mark and is not counted, whatever the timing.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

STATEMENT_WORDS = ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT")

_COUNTING: ContextVar[object | None] = ContextVar("sql_count_block", default=None)


class _Recorder(logging.Handler):
    def __init__(self, task_name: str | None) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[str] = []
        self.task_name = task_name

    def emit(self, record: logging.LogRecord) -> None:
        if _COUNTING.get() is not self:
            return
        if self.task_name is not None:
            try:
                task = asyncio.current_task()
            except RuntimeError:
                task = None
            if task is None or task.get_name() != self.task_name:
                return
        text = str(record.args[0]) if isinstance(record.args, tuple) and record.args else record.getMessage()
        if text.lstrip().upper().startswith(STATEMENT_WORDS):
            self.statements.append(text)


@contextmanager
def sql_statements(*, task_name: str | None = None) -> Iterator[list[str]]:
    """Yields the list of statements run inside the block (filled as they run); with ``task_name``, only those sent
    by the asyncio task of that name (not by other work the app runs meanwhile)."""
    logger = logging.getLogger("tortoise.db_client")
    recorder = _Recorder(task_name)
    previous = logger.level
    logger.addHandler(recorder)
    logger.setLevel(logging.DEBUG)
    mark = _COUNTING.set(recorder)
    try:
        yield recorder.statements
    finally:
        _COUNTING.reset(mark)
        logger.removeHandler(recorder)
        logger.setLevel(previous)
