"""Scalars of ours that replace Strawberry's defaults (``scalar_overrides`` in ``graph.core.schema``)."""

from __future__ import annotations

from datetime import datetime

import strawberry
from graphql import GraphQLError

from services.core.timestamps import OutOfRange, as_utc


def _parse_datetime(value: object) -> datetime:
    """An ISO 8601 date and time, read as UTC (no offset: UTC). One that names an instant outside years 1..9999
    in UTC is refused here, while the variables are coerced, as a client error naming the variable."""
    if not isinstance(value, str):
        raise GraphQLError(f"DateTime cannot represent {value!r}: expected an ISO 8601 string")
    try:
        parsed = datetime.fromisoformat(value)
    except (ValueError, OverflowError) as error:
        raise GraphQLError(f"DateTime cannot represent {value!r}: {error}") from None
    try:
        return as_utc(parsed)
    except OutOfRange as error:
        raise GraphQLError(
            f"DateTime cannot represent {value!r}: {error}",
            extensions={"code": "BAD_USER_INPUT", "reason": "OUT_OF_RANGE"},
        ) from None


DATETIME = strawberry.scalar(
    name="DateTime",
    description=(
        "Date with time (ISO 8601). Read as UTC when it has no offset; an instant outside years 1 to 9999 in UTC "
        "is refused (BAD_USER_INPUT, reason OUT_OF_RANGE)."
    ),
    serialize=lambda value: value.isoformat(),
    parse_value=_parse_datetime,
)
