"""Usage analytics as clients see them."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from graph.analytics.enums import Granularity, GroupBy, Scope
from graph.core.convert import from_row, source
from services.analytics import reports


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


@strawberry.type(description="Where the balance is heading at the recent rate of spending.")
class UsageForecast:
    daily_burn: float = strawberry.field(description="Credits spent per day, averaged over the last 14 days.")
    balance: int = strawberry.field(description="The balance now (with scope ALL: every user's together).")
    runs_out_on: date | None = strawberry.field(description="When it reaches zero at that rate; null if never.")


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
    forecast: UsageForecast = strawberry.field(description="The balance at the last 14 days' rate.")
    providers: list[ProviderUsage] | None = strawberry.field(
        description="Per-provider latency and error rates (scope ALL only)."
    )

    @classmethod
    def from_report(cls, report: reports.UsageReport) -> UsageAnalytics:
        return from_row(cls, report)
