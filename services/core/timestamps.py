"""Instants a client may send: every one is read as UTC, and only what both databases and Python can hold is taken.

A time with an offset near the ends of the calendar (``0001-01-01T00:00:00+01:00``, ``9999-12-31T23:59:59-05:00``)
names an instant before year 1 or after year 9999 in UTC, which Python's ``datetime`` cannot represent: converting
it raised ``OverflowError`` deep in a query. One rule here, used by the GraphQL ``DateTime`` scalar and by the
cursors, turns such values into a clear refusal before anything reads the database.
"""

from __future__ import annotations

from datetime import UTC, datetime

EARLIEST = datetime(1, 1, 1, tzinfo=UTC)
LATEST = datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)


class OutOfRange(ValueError):
    """The value names an instant outside ``EARLIEST``..``LATEST`` (UTC)."""


def as_utc(value: datetime) -> datetime:
    """``value`` in UTC (a value without an offset is taken as UTC), or ``OutOfRange``."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError as error:
        raise OutOfRange(f"{value.isoformat()} is before year 1 or after year 9999 in UTC") from error
