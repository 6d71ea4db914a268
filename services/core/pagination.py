"""Keyset pagination, newest first, with opaque cursors (no OFFSET: stable under inserts, fast at any depth).

``paginate`` orders by ``(created_at, id)`` descending; with ``leading_flag`` (a boolean column, e.g. favourites
first) by ``(flag, created_at, id)`` descending, the flag then being part of the cursor.
"""

from __future__ import annotations

import base64
import binascii
import functools
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

from tortoise.expressions import Q, RawSQL
from tortoise.functions import Count
from tortoise.models import Model
from tortoise.queryset import QuerySet

from services.core.errors import InvalidInput
from services.core.timestamps import as_utc

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20


M = TypeVar("M", bound=Model)  # any model with `id` (UUID) and `created_at`


@dataclass(frozen=True, slots=True)
class Page(Generic[M]):
    items: list[M]
    has_next_page: bool
    has_previous_page: bool
    total_query: QuerySet[M]
    """What ``total_count`` counts when no ``counter`` is set."""
    cursor: Callable[[Any], str] = field(default=lambda item: encode_cursor(item))
    """The cursor of one of ``items`` (matching how the page was ordered)."""
    counter: Callable[[], Awaitable[int]] | None = None
    """How to count the whole list instead of ``total_query.count()``: pages read together for many parents set
    it to a batched count (a DataLoader), so that N nested ``totalCount`` fields cost one statement, not N."""

    async def total_count(self) -> int:
        if self.counter is not None:
            return await self.counter()
        return await self.total_query.count()


def encode_cursor(item: Any) -> str:
    raw = f"{item.created_at.isoformat()}|{item.id}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        created, _, ident = base64.urlsafe_b64decode(padded.encode()).decode().partition("|")
        # as_utc: a forged time at the ends of the calendar is refused here, not an OverflowError in the driver.
        return as_utc(datetime.fromisoformat(created)), uuid.UUID(ident)
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise InvalidInput("invalid cursor", ["after"]) from error


def check_page_size(first: int) -> None:
    if not 0 <= first <= MAX_PAGE_SIZE:
        raise InvalidInput(f"first must be between 0 and {MAX_PAGE_SIZE}", ["first"])


def encode_flagged_cursor(item: Any, flag: str) -> str:
    return encode_cursor(item) + ("~1" if getattr(item, flag) else "~0")


def _after(cursor: str, leading_flag: str | None) -> Q:
    if leading_flag is None:
        created, ident = decode_cursor(cursor)
        return Q(created_at__lt=created) | Q(created_at=created, id__lt=ident)
    raw, _, flag = cursor.rpartition("~")
    if flag not in ("0", "1"):
        raise InvalidInput("invalid cursor", ["after"])
    created, ident = decode_cursor(raw)
    later = Q(created_at__lt=created) | Q(created_at=created, id__lt=ident)
    flagged: dict[str, Any] = {leading_flag: True}
    unflagged: dict[str, Any] = {leading_flag: False}
    if flag == "1":  # after a flagged row: the rest of the flagged rows, then every unflagged one
        return Q(Q(**flagged), later) | Q(**unflagged)
    return Q(Q(**unflagged), later)


async def paginate(query: QuerySet[M], *, first: int, after: str | None, leading_flag: str | None = None) -> Page[M]:
    """Up to ``first`` rows of ``query`` after the cursor ``after``, ordered by (created_at, id) descending, or by
    (``leading_flag``, created_at, id) descending when a flag is given."""
    check_page_size(first)
    page_query = query
    if after is not None:
        page_query = page_query.filter(_after(after, leading_flag))
    order = ("-created_at", "-id") if leading_flag is None else (f"-{leading_flag}", "-created_at", "-id")
    rows = await page_query.order_by(*order).limit(first + 1)
    flag = leading_flag
    return Page(
        items=rows[:first],
        has_next_page=len(rows) > first,
        has_previous_page=after is not None,
        total_query=query,
        cursor=encode_cursor if flag is None else (lambda item: encode_flagged_cursor(item, flag)),
    )


def encode_ranked_cursor(item: Any, rank_field: str) -> str:
    raw = f"{int(getattr(item, rank_field))}|{item.created_at.isoformat()}|{item.id}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_ranked_cursor(cursor: str) -> tuple[int, datetime, uuid.UUID]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        rank, created, ident = base64.urlsafe_b64decode(padded.encode()).decode().split("|")
        return int(rank), as_utc(datetime.fromisoformat(created)), uuid.UUID(ident)
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise InvalidInput("invalid cursor", ["after"]) from error


def _check_rank(model: type[Model], rank_field: str, rank: int) -> None:
    """A forged rank the column cannot hold (2**70; on PostgreSQL an integer column stops at 2**31 - 1) is a bad
    cursor, refused before it reaches the driver, which would fail with an overflow."""
    constraints = model._meta.fields_map[rank_field].constraints
    if not constraints.get("ge", -(2**63)) <= rank <= constraints.get("le", 2**63 - 1):
        raise InvalidInput("invalid cursor", ["after"])


async def paginate_ranked(query: QuerySet[M], *, rank_field: str, first: int, after: str | None) -> Page[M]:
    """Like ``paginate``, ordered by the integer column ``rank_field`` first (highest first), then newest."""
    check_page_size(first)
    page_query = query
    if after is not None:
        rank, created, ident = decode_ranked_cursor(after)
        _check_rank(query.model, rank_field, rank)
        same_rank: dict[str, Any] = {rank_field: rank}
        below: dict[str, Any] = {f"{rank_field}__lt": rank}
        page_query = page_query.filter(
            Q(**below) | Q(**same_rank, created_at__lt=created) | Q(**same_rank, created_at=created, id__lt=ident)
        )
    rows = await page_query.order_by(f"-{rank_field}", "-created_at", "-id").limit(first + 1)
    return Page(
        items=rows[:first],
        has_next_page=len(rows) > first,
        has_previous_page=after is not None,
        total_query=query,
        cursor=lambda item: encode_ranked_cursor(item, rank_field),
    )


_BUILDERS: dict[type[Model], Callable[[Mapping[str, Any]], Any]] = {}


def _row_builder(model: type[M]) -> Callable[[Mapping[str, Any]], M]:
    """Builds ``model`` instances from whole rows, as ``Model._init_from_db`` does, at half its cost.

    The nested pages build ~100 instances per request and Tortoise's own constructor spends half its time outside
    the conversions (keyword unpacking, its ``__setattr__`` override for four bookkeeping attributes). This uses the
    same field lists Tortoise prepares for ``_init_from_db`` (native, default-typed and converted columns), so every
    attribute holds what the ORM would have set; a row lacking a column takes ``_init_from_db`` itself.
    """
    built = _BUILDERS.get(model)
    if built is not None:
        return built
    meta = model._meta
    native = [(key, attribute) for key, attribute, _ in meta.db_native_fields]
    typed = [(key, attribute, field.field_type) for key, attribute, field in meta.db_default_fields]
    converted = [(key, attribute, field.to_python_value) for key, attribute, field in meta.db_complex_fields]
    custom_pk = meta.db_pk_column not in meta.generated_db_fields

    def build(row: Mapping[str, Any]) -> M:
        item = model.__new__(model)
        values = item.__dict__
        try:
            for key, attribute in native:
                values[attribute] = row[key]
            for key, attribute, to_type in typed:
                value = row[key]
                values[attribute] = value if value is None else to_type(value)
            for key, attribute, convert in converted:
                values[attribute] = convert(row[key])
        except KeyError:
            return model._init_from_db(**dict(row))
        values.update(_partial=False, _saved_in_db=True, _custom_generated_pk=custom_pk, _await_when_save={})
        return item

    _BUILDERS[model] = build
    return build


RANK = "page_rank"
"""The column name of the per-parent rank in ``paginate_each``'s statement."""


async def paginate_each(
    query: QuerySet[M], *, parent: str, parent_ids: Sequence[uuid.UUID], first: int, after: str | None
) -> dict[uuid.UUID, Page[M]]:
    """One page of ``query`` per parent (``parent`` is the column, e.g. ``project_id``), in one statement.

    The same page as ``paginate(query.filter(parent=id), ...)`` gives for each id: the rows are ranked per parent with
    ``ROW_NUMBER() OVER (PARTITION BY parent ORDER BY created_at DESC, id DESC)`` (PostgreSQL and SQLite alike) and
    the first ``first + 1`` of each kept. ``query`` is already scoped (``services.access``); every id gets a page.
    """
    check_page_size(first)
    if parent not in query.model._meta.db_fields:
        raise ValueError(f"{parent!r} is not a column of {query.model.__name__}")
    ids = list(dict.fromkeys(parent_ids))
    grouped: dict[uuid.UUID, list[M]] = {ident: [] for ident in ids}
    if ids:
        ranked = query.filter(**{f"{parent}__in": ids})
        if after is not None:
            ranked = ranked.filter(_after(after, None))
        ranked = ranked.annotate(
            **{RANK: RawSQL(f'ROW_NUMBER() OVER (PARTITION BY "{parent}" ORDER BY "created_at" DESC, "id" DESC)')}
        )
        # Tortoise has no window functions or subqueries in FROM: its own statement (filters, scoping, parameters)
        # becomes the inner query, and only the rank cut-off and the order are added around it.
        ranked._choose_db_if_not_chosen()
        ranked._make_query()
        inner, values = ranked.query.get_parameterized_sql()
        # Only code-given names and an int are spliced in; every value stays a parameter of the inner statement.
        statement = (
            f'SELECT * FROM ({inner}) AS "ranked" WHERE "{RANK}" <= {int(first) + 1} ORDER BY "{parent}", "{RANK}"'  # noqa: S608
        )
        _, rows = await ranked._db.execute_query(statement, values)
        build = _row_builder(query.model)
        for row in rows:
            item = build(row)
            grouped[getattr(item, parent)].append(item)
    return {
        ident: Page(
            items=rows_of[:first],
            has_next_page=len(rows_of) > first,
            has_previous_page=after is not None,
            # The whole list is one parent's rows: counted on demand (a filtered query per parent up front cost
            # more than its count, which nested pages take from a DataLoader instead).
            total_query=query,
            counter=functools.partial(_count_of_parent, query, parent, ident),
        )
        for ident, rows_of in grouped.items()
    }


async def _count_of_parent(query: QuerySet[M], parent: str, ident: uuid.UUID) -> int:
    return await query.filter(**{parent: ident}).count()


async def count_each(query: QuerySet[M], *, parent: str, parent_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How many rows of ``query`` each parent has, in one ``GROUP BY`` statement (0 for a parent with none)."""
    ids = list(dict.fromkeys(parent_ids))
    counts = dict.fromkeys(ids, 0)
    if ids:
        rows = (
            await query.filter(**{f"{parent}__in": ids})
            .annotate(row_count=Count("id"))
            .group_by(parent)
            .values_list(parent, "row_count")
        )
        for ident, count in rows:
            counts[ident] = int(count)
    return counts
