"""Reading usage analytics: totals, a time series, groups, failures by category, a forecast and (administrators)
per-provider latency and error rates.

Everything is aggregated in SQL (GROUP BY over date buckets, per dialect), never by looping over rows in Python.
Money and image counts come from IMAGE rows (one per settled image, written with its ledger entry); provider
latency and error rates from CALL rows (one per provider call attempt).

- **generations**: distinct batches with an image settled in the range;
- **success rate**: images delivered / images requested (cancelled images count as requested, not delivered);
- **forecast**: ``services.analytics.forecast`` over the credits spent per day in SQL;
- **processing time**: of delivered images (from the start of their provider call to their delivery); p50 and p95
  are nearest-rank percentiles, ``percentile_disc`` on PostgreSQL and the same rank taken with a window function on
  SQLite, so both dialects give the same numbers.

The rows read are the caller's (``user_id``), or everyone's for ``Scope.ALL``, which needs an administrator.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from models import Role, UsageEvent, User
from services.analytics import forecast as forecasting
from services.core.errors import Forbidden, InvalidInput

MAX_RANGE = timedelta(days=366)
MAX_HOURLY_RANGE = timedelta(days=31)


class Granularity(StrEnum):
    HOUR = "HOUR"
    DAY = "DAY"
    WEEK = "WEEK"


class GroupBy(StrEnum):
    MODE = "MODE"
    PROJECT = "PROJECT"
    PRESET = "PRESET"


class Scope(StrEnum):
    MINE = "MINE"
    ALL = "ALL"


GROUP_COLUMNS = {GroupBy.MODE: "mode", GroupBy.PROJECT: "project_id", GroupBy.PRESET: "style_preset_id"}


@dataclass(frozen=True, slots=True)
class Totals:
    generations: int
    images_requested: int
    images_delivered: int
    credits_spent: int
    credits_refunded: int
    p50_ms: int | None
    p95_ms: int | None

    @property
    def success_rate(self) -> float | None:
        return self.images_delivered / self.images_requested if self.images_requested else None


@dataclass(frozen=True, slots=True)
class Bucket:
    start: datetime
    totals: Totals


@dataclass(frozen=True, slots=True)
class Group:
    key: str | None
    """The mode, project id or first preset id; None for images without a project or preset."""
    totals: Totals


@dataclass(frozen=True, slots=True)
class FailureCount:
    category: str | None
    images: int


@dataclass(frozen=True, slots=True)
class ProviderStats:
    provider: str
    calls: int
    failed_calls: int
    """Calls that did not deliver everything asked (retried, partial or failed)."""
    p50_ms: int | None
    p95_ms: int | None

    @property
    def error_rate(self) -> float | None:
        return self.failed_calls / self.calls if self.calls else None


@dataclass(frozen=True, slots=True)
class UsageReport:
    start: datetime
    end: datetime
    granularity: Granularity
    group_by: GroupBy
    scope: Scope
    totals: Totals
    series: list[Bucket]
    groups: list[Group]
    failures: list[FailureCount]
    forecast: forecasting.Forecast
    providers: list[ProviderStats] | None


class _Sql:
    """Parameters in the dialect's placeholder style, and the dialect's date and percentile expressions."""

    def __init__(self, dialect: str) -> None:
        self.postgres = dialect == "postgres"
        self.values: list[Any] = []

    def param(self, value: Any) -> str:
        if isinstance(value, datetime):
            value = UsageEvent._meta.fields_map["created_at"].to_db_value(value, UsageEvent)
        elif isinstance(value, uuid.UUID) and not self.postgres:
            value = str(value)
        self.values.append(value)
        return f"${len(self.values)}" if self.postgres else "?"

    def bucket(self, granularity: Granularity) -> str:
        if self.postgres:
            return f"date_trunc('{granularity.value.lower()}', created_at AT TIME ZONE 'UTC')"
        if granularity is Granularity.HOUR:
            return "strftime('%Y-%m-%d %H:00:00', created_at)"
        if granularity is Granularity.DAY:
            return "strftime('%Y-%m-%d 00:00:00', created_at)"
        return "date(created_at, '-6 days', 'weekday 1') || ' 00:00:00'"  # the Monday on or before


def _utc(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


async def _rows(sql: _Sql, query: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = await UsageEvent._meta.db.execute_query_dict(query, sql.values)
    return rows


def _int(value: Any) -> int:
    return int(value) if value is not None else 0


def _opt_int(value: Any) -> int | None:
    return int(value) if value is not None else None


async def _image_metrics(dialect: str, where: tuple[str, list[Any]], key: str | None) -> list[tuple[Any, Totals]]:
    """Totals of IMAGE rows matching ``where``, per value of the SQL expression ``key`` (one row when None)."""
    condition, params = where
    sql = _Sql(dialect)
    bound = condition.format(*[sql.param(p) for p in params])
    select_key = f"{key} AS k," if key else ""
    group = "GROUP BY k ORDER BY k" if key else ""
    sums = (
        "COUNT(DISTINCT batch_job_id) AS generations, SUM(images_requested) AS requested,"
        " SUM(images_delivered) AS delivered, SUM(credits_captured) AS spent, SUM(credits_refunded) AS refunded"
    )
    if sql.postgres:
        percentiles = (
            "percentile_disc(0.5) WITHIN GROUP (ORDER BY processing_time_ms)"
            " FILTER (WHERE images_delivered > 0) AS p50,"
            " percentile_disc(0.95) WITHIN GROUP (ORDER BY processing_time_ms)"
            " FILTER (WHERE images_delivered > 0) AS p95"
        )
        query = f"SELECT {select_key} {sums}, {percentiles} FROM playground_usage_analytics WHERE {bound} {group}"
    else:
        # Nearest rank: the first value whose rank reaches p * n among the delivered images of the group.
        partition = f"PARTITION BY {key}" if key else ""
        query = (
            f"WITH r AS (SELECT {key or 'NULL'} AS k, batch_job_id, images_requested, images_delivered,"
            " credits_captured, credits_refunded, processing_time_ms,"
            " CASE WHEN images_delivered > 0 AND processing_time_ms IS NOT NULL THEN ROW_NUMBER() OVER"
            f" ({partition} ORDER BY images_delivered > 0 AND processing_time_ms IS NOT NULL DESC,"
            " processing_time_ms) END AS rn,"
            f" SUM(CASE WHEN images_delivered > 0 AND processing_time_ms IS NOT NULL THEN 1 ELSE 0 END)"
            f" OVER ({partition}) AS n"
            f" FROM playground_usage_analytics WHERE {bound})"
            f" SELECT {'k,' if key else ''} {sums},"
            " MIN(CASE WHEN rn >= 0.5 * n THEN processing_time_ms END) AS p50,"
            " MIN(CASE WHEN rn >= 0.95 * n THEN processing_time_ms END) AS p95"
            f" FROM r {group}"
        )
    result = []
    for row in await _rows(sql, query):
        totals = Totals(
            generations=_int(row["generations"]),
            images_requested=_int(row["requested"]),
            images_delivered=_int(row["delivered"]),
            credits_spent=_int(row["spent"]),
            credits_refunded=_int(row["refunded"]),
            p50_ms=_opt_int(row["p50"]),
            p95_ms=_opt_int(row["p95"]),
        )
        result.append((row.get("k"), totals))
    return result


def _scope_condition(user_id: uuid.UUID | None, kind: str, start: datetime, end: datetime) -> tuple[str, list[Any]]:
    """A WHERE clause with ``{}`` where each parameter goes, and the parameters."""
    condition = "kind = {} AND created_at >= {} AND created_at < {}"
    params: list[Any] = [kind, start, end]
    if user_id is not None:
        condition = "user_id = {} AND " + condition
        params.insert(0, user_id)
    return condition, params


async def _failures(dialect: str, where: tuple[str, list[Any]]) -> list[FailureCount]:
    condition, params = where
    sql = _Sql(dialect)
    bound = condition.format(*[sql.param(p) for p in params])
    query = (
        "SELECT error_category AS category, SUM(images_requested - images_delivered) AS images"
        f" FROM playground_usage_analytics WHERE {bound} AND images_delivered < images_requested"
        " GROUP BY error_category ORDER BY images DESC, category"
    )
    return [FailureCount(category=row["category"], images=_int(row["images"])) for row in await _rows(sql, query)]


async def _forecast(dialect: str, user_id: uuid.UUID | None, now: datetime) -> forecasting.Forecast:
    """Credits spent per 24-hour slot before ``now`` (grouped in SQL), handed to ``services.analytics.forecast``."""
    where = _scope_condition(user_id, "IMAGE", now - timedelta(days=forecasting.HISTORY_DAYS), now)
    sql = _Sql(dialect)
    at = sql.param(now)  # first: SQLite's placeholders are positional, and the SELECT comes before the WHERE
    bound = where[0].format(*[sql.param(p) for p in where[1]])
    if sql.postgres:
        age = f"FLOOR(EXTRACT(EPOCH FROM ({at}::timestamptz - created_at)) / 86400)"
    else:
        age = f"CAST(julianday({at}) - julianday(created_at) AS INTEGER)"
    rows = await _rows(
        sql,
        f"SELECT {age} AS age, SUM(credits_captured) AS spent FROM playground_usage_analytics"
        f" WHERE {bound} GROUP BY age",
    )
    spend = [0.0] * forecasting.HISTORY_DAYS
    for row in rows:
        index = _int(row["age"])
        if 0 <= index < forecasting.HISTORY_DAYS:
            spend[index] += _int(row["spent"])
    if user_id is not None:
        balances: list[Any] = await User.filter(id=user_id).values_list("credits", flat=True)
        balance = sum(int(b) for b in balances)
    else:
        sql = _Sql(dialect)
        balance = _int((await _rows(sql, "SELECT SUM(credits) AS total FROM users"))[0]["total"])
    return forecasting.forecast(spend, balance, now)


async def _providers(dialect: str, start: datetime, end: datetime) -> list[ProviderStats]:
    where = _scope_condition(None, "CALL", start, end)
    sql = _Sql(dialect)
    bound = where[0].format(*[sql.param(p) for p in where[1]])
    failed = "SUM(CASE WHEN outcome = 'SUCCEEDED' THEN 0 ELSE 1 END)"
    if sql.postgres:
        query = (
            f"SELECT provider, COUNT(*) AS calls, {failed} AS failed,"
            " percentile_disc(0.5) WITHIN GROUP (ORDER BY processing_time_ms) AS p50,"
            " percentile_disc(0.95) WITHIN GROUP (ORDER BY processing_time_ms) AS p95"
            f" FROM playground_usage_analytics WHERE {bound} GROUP BY provider ORDER BY provider"
        )
    else:
        query = (
            "WITH r AS (SELECT provider, outcome, processing_time_ms,"
            " CASE WHEN processing_time_ms IS NOT NULL THEN ROW_NUMBER() OVER (PARTITION BY provider"
            " ORDER BY processing_time_ms IS NULL, processing_time_ms) END AS rn,"
            " COUNT(processing_time_ms) OVER (PARTITION BY provider) AS n"
            f" FROM playground_usage_analytics WHERE {bound})"
            f" SELECT provider, COUNT(*) AS calls, {failed} AS failed,"
            " MIN(CASE WHEN rn >= 0.5 * n THEN processing_time_ms END) AS p50,"
            " MIN(CASE WHEN rn >= 0.95 * n THEN processing_time_ms END) AS p95"
            " FROM r GROUP BY provider ORDER BY provider"
        )
    return [
        ProviderStats(
            provider=row["provider"],
            calls=_int(row["calls"]),
            failed_calls=_int(row["failed"]),
            p50_ms=_opt_int(row["p50"]),
            p95_ms=_opt_int(row["p95"]),
        )
        for row in await _rows(sql, query)
    ]


EMPTY = Totals(
    generations=0,
    images_requested=0,
    images_delivered=0,
    credits_spent=0,
    credits_refunded=0,
    p50_ms=None,
    p95_ms=None,
)


def bucket_starts(start: datetime, end: datetime, granularity: Granularity) -> list[datetime]:
    """Every bucket that overlaps ``[start, end)``, in order: the first one starts at or before ``start`` (the hour,
    the UTC day, the Monday of the week), as the SQL buckets do."""
    first = start.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    step = timedelta(hours=1)
    if granularity is not Granularity.HOUR:
        first = first.replace(hour=0)
        step = timedelta(days=1)
    if granularity is Granularity.WEEK:
        first -= timedelta(days=first.weekday())
        step = timedelta(weeks=1)
    starts: list[datetime] = []
    at = first
    while at < end:
        starts.append(at)
        if datetime.max.replace(tzinfo=at.tzinfo) - at < step:
            break  # the last bucket of the calendar (a range ending near 9999-12-31)
        at += step
    return starts


def _filled(found: list[tuple[Any, Totals]], start: datetime, end: datetime, granularity: Granularity) -> list[Bucket]:
    """The series with every bucket of the range, those without events as zeros."""
    by_start = {_utc(key): totals for key, totals in found}
    return [Bucket(start=at, totals=by_start.get(at, EMPTY)) for at in bucket_starts(start, end, granularity)]


def _check(start: datetime, end: datetime, granularity: Granularity) -> tuple[datetime, datetime]:
    start, end = _utc(start), _utc(end)
    if end <= start:
        raise InvalidInput("range.to must be after range.from", ["range", "to"])
    if end - start > MAX_RANGE:
        raise InvalidInput(f"a range is at most {MAX_RANGE.days} days", ["range", "to"])
    if granularity is Granularity.HOUR and end - start > MAX_HOURLY_RANGE:
        raise InvalidInput(f"HOUR granularity takes a range of at most {MAX_HOURLY_RANGE.days} days", ["granularity"])
    return start, end


async def usage_report(
    user: User,
    *,
    start: datetime,
    end: datetime,
    granularity: Granularity = Granularity.DAY,
    group_by: GroupBy = GroupBy.MODE,
    scope: Scope = Scope.MINE,
    now: datetime | None = None,
) -> UsageReport:
    """Usage between ``start`` (inclusive) and ``end`` (exclusive): the caller's, or everyone's for an admin."""
    if scope is Scope.ALL and user.role is not Role.ADMIN:
        raise Forbidden("scope ALL is for administrators")
    start, end = _check(start, end, granularity)
    dialect = UsageEvent._meta.db.capabilities.dialect
    owner = user.id if scope is Scope.MINE else None
    images = _scope_condition(owner, "IMAGE", start, end)
    probe = _Sql(dialect)
    totals = (await _image_metrics(dialect, images, None))[0][1]
    series = _filled(await _image_metrics(dialect, images, probe.bucket(granularity)), start, end, granularity)
    groups = [
        Group(key=str(k) if k is not None else None, totals=t)
        for k, t in await _image_metrics(dialect, images, GROUP_COLUMNS[group_by])
    ]
    return UsageReport(
        start=start,
        end=end,
        granularity=granularity,
        group_by=group_by,
        scope=scope,
        totals=totals,
        series=series,
        groups=groups,
        failures=await _failures(dialect, images),
        forecast=await _forecast(dialect, owner, now or datetime.now(UTC)),
        providers=await _providers(dialect, start, end) if scope is Scope.ALL else None,
    )
