"""When the balance runs out: a recency-weighted daily rate with a damped trend and weekly seasonality, and a range.

The history is the credits spent in each of the last ``HISTORY_DAYS`` 24-hour slots ending now (slot 0 the most
recent), from the first slot with spending on (at least ``MIN_HISTORY_DAYS``), so a new account is not diluted by
days before it existed. Written here (about seventy lines of arithmetic) rather than pulling in a statistics library:

1. **Weekly seasonality** (with at least two weeks of history): each day's spend over the centred 7-day mean
   around it, averaged per weekday (recency-weighted, half-life ``SEASON_HALF_LIFE_DAYS``), the seven factors
   averaging 1; a trend cancels out of those ratios. Without two weeks every factor is 1.
2. **Level and trend** of the deseasonalised spend: a weighted least-squares line through the history, weights
   halving every ``HALF_LIFE_DAYS`` back (the latest days count most); with less than two weeks the trend is 0.
   ``daily_burn`` is that line now. Going forward the trend is damped (Gardner and McKenzie: day ``h`` adds
   ``trend × (φ + φ² + … + φ^h)``, ``φ`` = ``DAMPING``, so at most four days' worth of trend), never below zero:
   a fortnight of growth is not extrapolated for a year, nor a decline to nothing.
3. **Range**: daily noise is the weighted spread of the history around the line; over ``n`` days it adds up to
   ``σ√n``. ``runs_out_early`` is the first day on which spending ``Z`` spreads above the expected total reaches the
   balance, ``runs_out_late`` the first with spending ``Z`` spreads below (``Z`` = 1.2816: an 80 % band under
   normal noise), ``runs_out_on`` the expected total. A date past ``HORIZON_DAYS`` is ``None``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta

HISTORY_DAYS = 56
MIN_HISTORY_DAYS = 7
SEASON_MIN_DAYS = 14
HALF_LIFE_DAYS = 7.0
SEASON_HALF_LIFE_DAYS = 28.0
Z = 1.2816
DAMPING = 0.8
HORIZON_DAYS = 3650


@dataclass(frozen=True, slots=True)
class Forecast:
    daily_burn: float
    """The deseasonalised rate of spending now (credits per day)."""
    trend_per_day: float
    """How much that rate grows (or, negative, falls) each day."""
    weekday_factors: list[float]
    """Monday to Sunday: a day's spending relative to the average day (all 1 without two weeks of history)."""
    history_days: int
    """How many days of history the forecast read."""
    balance: int
    runs_out_on: date | None
    """When the expected spending reaches the balance; None when it never does within ten years."""
    runs_out_early: date | None
    """The earliest likely date (spending at the top of the 80 % band)."""
    runs_out_late: date | None
    """The latest likely date (spending at the bottom of the band); None when that never reaches the balance."""


def _weekday(now: datetime, days_from_now: float) -> int:
    """The weekday of the middle of the 24-hour slot that starts ``days_from_now`` days from ``now``."""
    return (now + timedelta(days=days_from_now + 0.5)).weekday()


def _weights(count: int, half_life: float) -> list[float]:
    return [0.5 ** (age / half_life) for age in range(count)]


def _seasonality(spend: list[float], now: datetime) -> list[float]:
    """Classical multiplicative decomposition: each day's spend over the centred 7-day mean around it (a trend
    cancels out of that ratio), averaged per weekday with recent weeks counting most."""
    if len(spend) < SEASON_MIN_DAYS:
        return [1.0] * 7
    weights = _weights(len(spend), SEASON_HALF_LIFE_DAYS)
    sums, totals = [0.0] * 7, [0.0] * 7
    for age in range(3, len(spend) - 3):
        around = sum(spend[age - 3 : age + 4]) / 7
        if around > 0:
            day = _weekday(now, -(age + 1))
            sums[day] += weights[age] * spend[age] / around
            totals[day] += weights[age]
    raw = [sums[d] / totals[d] if totals[d] else 1.0 for d in range(7)]
    mean = sum(raw) / 7
    return [factor / mean for factor in raw] if mean > 0 else [1.0] * 7


def forecast(spend_by_age: list[float], balance: int, now: datetime) -> Forecast:
    """The forecast from ``spend_by_age`` (credits spent in the 24 hours ending ``age`` days before ``now``, index 0
    the most recent, up to ``HISTORY_DAYS`` entries) and the balance now."""
    ages = [age for age, value in enumerate(spend_by_age[:HISTORY_DAYS]) if value > 0]
    if not ages:
        return Forecast(0.0, 0.0, [1.0] * 7, 0, balance, None, None, None)
    length = max(ages[-1] + 1, MIN_HISTORY_DAYS)
    spend = [float(v) for v in spend_by_age[:length]] + [0.0] * max(0, length - len(spend_by_age))
    factors = _seasonality(spend, now)
    seasons = [factors[_weekday(now, -(age + 1))] for age in range(length)]
    flat = [x / season if season > 0 else 0.0 for x, season in zip(spend, seasons, strict=True)]
    # A weekday that never sees spending says nothing about the level: it gets no weight.
    weights = [w if season > 0 else 0.0 for w, season in zip(_weights(length, HALF_LIFE_DAYS), seasons, strict=True)]
    total = sum(weights)
    times = [-(age + 0.5) for age in range(length)]  # the middle of each slot, in days from now
    t_mean = sum(w * t for w, t in zip(weights, times, strict=True)) / total
    y_mean = sum(w * y for w, y in zip(weights, flat, strict=True)) / total
    spread = sum(w * (t - t_mean) ** 2 for w, t in zip(weights, times, strict=True))
    trend = 0.0
    if length >= SEASON_MIN_DAYS and spread > 0:
        covariance = sum(w * (t - t_mean) * (y - y_mean) for w, t, y in zip(weights, times, flat, strict=True))
        trend = covariance / spread
    residuals = [y - (y_mean + trend * (t - t_mean)) for t, y in zip(times, flat, strict=True)]
    sigma = math.sqrt(sum(w * r * r for w, r in zip(weights, residuals, strict=True)) / total)
    burn = max(0.0, y_mean - trend * t_mean)

    def rate(day: int) -> float:
        # Damped: the trend adds PHI + PHI^2 + ... (at most PHI / (1 - PHI) days' worth), never below zero.
        added = trend * DAMPING * (1 - DAMPING ** (day + 1)) / (1 - DAMPING)
        return max(0.0, burn + added) * factors[_weekday(now, day)]

    today = now.date()
    if balance <= 0:
        return Forecast(burn, trend, factors, length, balance, today, today, today)
    expected: date | None = None
    early: date | None = None
    late: date | None = None
    spent = 0.0
    for day in range(HORIZON_DAYS):
        spent += rate(day)
        margin = Z * sigma * math.sqrt(day + 1)
        when = (now + timedelta(days=day + 1) - timedelta(microseconds=1)).date()  # the day the slot ends on
        if early is None and spent + margin >= balance:
            early = when
        if expected is None and spent >= balance:
            expected = when
        if spent - margin >= balance:
            late = when
            break
    return Forecast(burn, trend, factors, length, balance, expected, early, late)
