"""The forecast on synthetic histories with known shapes: flat, rising, falling, a weekly pattern, no usage; and the
same numbers through ``usageAnalytics`` from rows on both databases."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from models import GenerationMode, UsageEvent, UsageKind, UsageOutcome, User
from services.analytics import forecast as forecasting
from services.analytics.reports import usage_report
from tests.conftest import GQL, MakeCaller

FRIDAY_NOON = datetime(2026, 12, 4, 12, tzinfo=UTC)


def naive_date(spend: list[float], balance: int, now: datetime) -> date:
    """What the old forecast said: the balance over the plain 14-day average."""
    burn = sum(spend[:14]) / 14
    return (now + timedelta(days=balance / burn)).date()


def test_no_usage_never_runs_out() -> None:
    result = forecasting.forecast([0.0] * 56, 500, FRIDAY_NOON)
    assert (result.daily_burn, result.history_days) == (0.0, 0)
    assert (result.runs_out_on, result.runs_out_early, result.runs_out_late) == (None, None, None)
    assert result.weekday_factors == [1.0] * 7


def test_a_flat_history_runs_out_on_the_day_the_arithmetic_says() -> None:
    result = forecasting.forecast([10.0] * 56, 100, FRIDAY_NOON)
    assert result.daily_burn == pytest.approx(10)
    assert result.trend_per_day == pytest.approx(0, abs=1e-9)
    assert result.weekday_factors == pytest.approx([1.0] * 7)
    # No noise: the range collapses onto the expected day, ten days on.
    assert (
        result.runs_out_on == result.runs_out_early == result.runs_out_late == date(2026, 12, 14)
    )  # Monday noon: 100 credits at 10 a day from Friday noon


def test_a_rising_history_runs_out_sooner_than_its_average_says() -> None:
    spend = [max(0.0, 30.0 - age) for age in range(56)]  # one credit a day more, every day, up to 30 yesterday
    result = forecasting.forecast(spend, 300, FRIDAY_NOON)
    assert result.trend_per_day == pytest.approx(1.0, rel=0.05)
    assert result.daily_burn == pytest.approx(30.5, rel=0.05)  # the line now, above the 14-day mean of 23.5
    assert result.runs_out_on is not None
    assert result.runs_out_on < naive_date(spend, 300, FRIDAY_NOON)
    assert result.runs_out_early is not None
    assert result.runs_out_late is not None
    assert result.runs_out_early <= result.runs_out_on <= result.runs_out_late


def test_a_falling_history_runs_out_later_than_its_average_says() -> None:
    spend = [min(40.0, 5.0 + age) for age in range(56)]  # down one a day, to 5 yesterday
    result = forecasting.forecast(spend, 200, FRIDAY_NOON)
    assert result.trend_per_day < 0
    assert result.daily_burn < sum(spend[:14]) / 14
    assert result.runs_out_on is not None
    assert result.runs_out_on > naive_date(spend, 200, FRIDAY_NOON)


def test_a_weekly_pattern_spends_nothing_at_weekends() -> None:
    # 14 credits on each weekday, nothing on Saturdays and Sundays, for the eight weeks before Saturday 00:00.
    saturday = datetime(2026, 12, 5, tzinfo=UTC)
    spend = [0.0 if (saturday - timedelta(days=age + 1)).weekday() >= 5 else 14.0 for age in range(56)]
    result = forecasting.forecast(spend, 50, saturday)
    assert result.weekday_factors == pytest.approx([1.4] * 5 + [0.0] * 2)
    assert result.daily_burn == pytest.approx(10)
    # Saturday and Sunday: nothing; Monday 14, Tuesday 28, Wednesday 42, Thursday 56 >= 50.
    assert result.runs_out_on == date(2026, 12, 10)
    weekend = forecasting.forecast(spend, 15, saturday)
    # 15 credits last over the weekend into Tuesday; the plain average (10 a day) said Sunday.
    assert weekend.runs_out_on == date(2026, 12, 8)
    assert naive_date(spend, 15, saturday) == date(2026, 12, 6)


def test_noise_widens_the_range_around_the_expected_day() -> None:
    spend = [20.0 if age % 2 else 0.0 for age in range(56)]  # 10 a day on average, alternating
    result = forecasting.forecast(spend, 300, FRIDAY_NOON)
    assert result.runs_out_early is not None
    assert result.runs_out_on is not None
    assert result.runs_out_late is not None
    assert result.runs_out_early < result.runs_out_on < result.runs_out_late


def test_an_empty_balance_has_run_out_today() -> None:
    result = forecasting.forecast([5.0] * 10, 0, FRIDAY_NOON)
    assert result.runs_out_on == result.runs_out_early == result.runs_out_late == FRIDAY_NOON.date()


async def test_the_report_reads_the_same_history_from_rows(gql: GQL, make_caller: MakeCaller) -> None:
    """Rows spread over four weeks (rising), read back through SQL on this database: the same forecast."""
    alice = make_caller("alice")
    await gql("{ me { id } }", caller=alice)
    user = await User.get(subject=alice.subject)
    now = datetime(2026, 6, 10, 15, tzinfo=UTC)
    spend = [float(3 + (27 - age) // 7) if age < 28 else 0.0 for age in range(56)]
    rows = [
        UsageEvent(
            id=uuid.uuid4(),
            kind=UsageKind.IMAGE,
            user_id=user.id,
            mode=GenerationMode.TEXT_TO_IMAGE,
            size_tier="2K",
            outcome=UsageOutcome.SUCCEEDED,
            images_requested=1,
            images_delivered=1,
            credits_captured=int(value),
            created_at=now - timedelta(days=age, hours=6),
        )
        for age, value in enumerate(spend)
        if value
    ]
    await UsageEvent.bulk_create(rows)
    report = await usage_report(user, start=now - timedelta(days=30), end=now, now=now)
    assert report.forecast == forecasting.forecast(spend, user.credits, now), report.forecast
    assert report.forecast.history_days == 28
    assert report.forecast.trend_per_day > 0
