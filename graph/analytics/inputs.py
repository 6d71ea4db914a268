"""Inputs of the analytics queries."""

from __future__ import annotations

from datetime import datetime

import strawberry


@strawberry.input(description="A time range: from (inclusive) to (exclusive); at most 366 days.")
class DateRangeInput:
    from_: datetime = strawberry.field(name="from", description="Start, inclusive.")
    to: datetime = strawberry.field(description="End, exclusive.")
