"""Usage analytics as clients see them."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import strawberry

from graph.analytics.enums import Granularity, GroupBy, InsightKind, Scope
from graph.core.convert import from_row, source
from services.analytics import insights, reports
from services.generation import capabilities


@strawberry.type(description="What a set of generations came to.")
class UsageTotals:
    generations: int = strawberry.field(description="Batches with at least one image settled in the range.")
    images_requested: int = strawberry.field(description="Images settled (delivered, failed or cancelled).")
    images_delivered: int = strawberry.field(description="Images delivered.")
    credits_spent: int = strawberry.field(description="Credits captured for delivered images.")
    credits_refunded: int = strawberry.field(description="Credits returned for images not delivered.")
    success_rate: float | None = strawberry.field(description="Delivered / requested; null when nothing was.")
    p50_processing_ms: int | None = strawberry.field(
        description="Median processing time of delivered images.", metadata=source("p50_ms")
    )
    p95_processing_ms: int | None = strawberry.field(
        description="95th percentile processing time.", metadata=source("p95_ms")
    )

    @classmethod
    def from_totals(cls, totals: reports.Totals) -> UsageTotals:
        return from_row(cls, totals)


@strawberry.type(description="One bucket of the time series.")
class UsageBucket:
    start: datetime = strawberry.field(description="Start of the bucket (UTC).")
    totals: UsageTotals = strawberry.field(description="What the bucket came to.")


@strawberry.type(description="The totals of one group (a mode, project or first preset).")
class UsageGroup:
    key: str | None = strawberry.field(
        description="The mode, or the project or preset id; null for images without a project or preset."
    )
    totals: UsageTotals = strawberry.field(description="What the group came to.")


@strawberry.type(description="Images not delivered, by why.")
class FailureCount:
    category: str | None = strawberry.field(description="An `ErrorCategory` value (CANCELLED for cancels).")
    images: int = strawberry.field(description="Images.")


@strawberry.type(
    description=(
        "Where the balance is heading: a recency-weighted daily rate with a damped trend and weekly seasonality over "
        "the last 8 weeks, and an 80 % range of run-out dates (the README gives the method)."
    )
)
class UsageForecast:
    daily_burn: float = strawberry.field(
        description="Credits per day now (recent days count most; weekday effects taken out)."
    )
    trend_per_day: float = strawberry.field(description="How much the daily rate grows (negative: falls) per day.")
    weekday_factors: list[float] = strawberry.field(
        description="Monday to Sunday: a weekday's spending relative to the average day (all 1 under two weeks)."
    )
    history_days: int = strawberry.field(description="Days of history read (0 when nothing was spent).")
    balance: int = strawberry.field(description="The balance now (with scope ALL: every user's together).")
    runs_out_on: date | None = strawberry.field(
        description="When the expected spending reaches the balance; null if not within ten years."
    )
    runs_out_early: date | None = strawberry.field(
        description="The earliest likely run-out date (spending at the top of the 80 % band)."
    )
    runs_out_late: date | None = strawberry.field(
        description="The latest likely run-out date (bottom of the band); null if that never reaches the balance."
    )


@strawberry.type(description="One provider's calls in the range (administrators).")
class ProviderUsage:
    provider: str = strawberry.field(description="The provider's name.")
    calls: int = strawberry.field(description="Provider call attempts (retries included).")
    failed_calls: int = strawberry.field(description="Attempts that did not deliver everything asked.")
    error_rate: float | None = strawberry.field(description="failedCalls / calls.")
    p50_latency_ms: int | None = strawberry.field(description="Median wall time of a call.", metadata=source("p50_ms"))
    p95_latency_ms: int | None = strawberry.field(
        description="95th percentile wall time of a call.", metadata=source("p95_ms")
    )


@strawberry.type(description="A number an insight is based on.")
class InsightFigure:
    name: str = strawberry.field(
        description="What it counts: imagesRequested, imagesDelivered, otherImagesRequested, otherImagesDelivered, "
        "images, creditsRefunded, creditsSpent, imagesKept or creditsAtLowerTier."
    )
    value: float = strawberry.field(description="The count or sum, read from your own rows.")


@strawberry.type(description="One thing that drew an insight, with how many times (most first).")
class InsightCount:
    label: str = strawberry.field(description="`preset: <name>` or `prompt: <text>`.")
    count: int = strawberry.field(description="Images.")


@strawberry.type(description="Something your own usage in the range says you could do better, with its numbers.")
class UsageInsight:
    kind: InsightKind = strawberry.field(description="Which rule found it.")
    subject: str | None = strawberry.field(
        description="The preset id (LOW_SUCCESS_PRESET), the mode (LOW_SUCCESS_MODE) or MODE@TIER (COSTLY_TIER)."
    )
    message: str = strawberry.field(description="The insight in a sentence, citing its counts.")
    figures: list[InsightFigure] = strawberry.field(description="The counts behind it.")
    breakdown: list[InsightCount] = strawberry.field(
        description="What drew it (CONTENT_POLICY_REFUNDS: presets and prompts, at most three of each)."
    )


@strawberry.type(description="Where credits and time went in a range: totals, a time series, groups, a forecast.")
class UsageAnalytics:
    from_: datetime = strawberry.field(
        name="from", description="Start of the range, inclusive (UTC).", metadata=source("start")
    )
    to: datetime = strawberry.field(description="End of the range, exclusive (UTC).", metadata=source("end"))
    granularity: Granularity = strawberry.field(description="Bucket size of `series`.")
    group_by: GroupBy = strawberry.field(description="What `groups` splits by.")
    scope: Scope = strawberry.field(description="Whose usage.")
    totals: UsageTotals = strawberry.field(description="The whole range.")
    series: list[UsageBucket] = strawberry.field(description="Buckets with usage, in time order.")
    groups: list[UsageGroup] = strawberry.field(description="The totals per group.")
    failures: list[FailureCount] = strawberry.field(description="Images not delivered, by category.")
    forecast: UsageForecast = strawberry.field(description="When the balance runs out at the recent rate.")
    providers: list[ProviderUsage] | None = strawberry.field(
        description="Per-provider latency and error rates (scope ALL only)."
    )

    _user_id: strawberry.Private[uuid.UUID]

    @strawberry.field(  # type: ignore[untyped-decorator]
        description="Rules over your own usage in the range (whatever the scope) that say what to change, each citing "
        "its counts: presets or modes far less successful than your others, content-policy refunds and what drew "
        "them, costly tiers whose images you rarely keep."
    )
    async def insights(self, info: strawberry.Info) -> list[UsageInsight]:
        settings = info.context.services.settings
        found = await insights.insights(
            self._user_id,
            self.from_,
            self.to,
            lambda mode, tier: capabilities.price_per_image(settings, mode, tier),
        )
        return [from_row(UsageInsight, insight) for insight in found]

    @classmethod
    def from_report(cls, report: reports.UsageReport, user_id: uuid.UUID) -> UsageAnalytics:
        return from_row(cls, report, _user_id=user_id)
