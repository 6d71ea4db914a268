"""Usage analytics as clients see them."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from graph.analytics.enums import Granularity, GroupBy, Scope
from services.analytics import reports


@strawberry.type(description="What a set of generations came to.")
class UsageTotals:
    generations: int = strawberry.field(description="Batches with at least one image settled in the range.")
    images_requested: int = strawberry.field(description="Images settled (delivered, failed or cancelled).")
    images_delivered: int = strawberry.field(description="Images delivered.")
    credits_spent: int = strawberry.field(description="Credits captured for delivered images.")
    credits_refunded: int = strawberry.field(description="Credits returned for images not delivered.")
    success_rate: float | None = strawberry.field(description="Delivered / requested; null when nothing was.")
    p50_processing_ms: int | None = strawberry.field(description="Median processing time of delivered images.")
    p95_processing_ms: int | None = strawberry.field(description="95th percentile processing time.")

    @classmethod
    def from_totals(cls, totals: reports.Totals) -> UsageTotals:
        return cls(
            generations=totals.generations,
            images_requested=totals.images_requested,
            images_delivered=totals.images_delivered,
            credits_spent=totals.credits_spent,
            credits_refunded=totals.credits_refunded,
            success_rate=totals.success_rate,
            p50_processing_ms=totals.p50_ms,
            p95_processing_ms=totals.p95_ms,
        )


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
    p50_latency_ms: int | None = strawberry.field(description="Median wall time of a call.")
    p95_latency_ms: int | None = strawberry.field(description="95th percentile wall time of a call.")


@strawberry.type(description="Where credits and time went in a range: totals, a time series, groups, a forecast.")
class UsageAnalytics:
    from_: datetime = strawberry.field(name="from", description="Start of the range, inclusive (UTC).")
    to: datetime = strawberry.field(description="End of the range, exclusive (UTC).")
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
        return cls(
            from_=report.start,
            to=report.end,
            granularity=report.granularity,
            group_by=report.group_by,
            scope=report.scope,
            totals=UsageTotals.from_totals(report.totals),
            series=[UsageBucket(start=b.start, totals=UsageTotals.from_totals(b.totals)) for b in report.series],
            groups=[UsageGroup(key=g.key, totals=UsageTotals.from_totals(g.totals)) for g in report.groups],
            failures=[FailureCount(category=f.category, images=f.images) for f in report.failures],
            forecast=UsageForecast(
                daily_burn=report.forecast.daily_burn,
                balance=report.forecast.balance,
                runs_out_on=report.forecast.runs_out_on,
            ),
            providers=[
                ProviderUsage(
                    provider=p.provider,
                    calls=p.calls,
                    failed_calls=p.failed_calls,
                    error_rate=p.error_rate,
                    p50_latency_ms=p.p50_ms,
                    p95_latency_ms=p.p95_ms,
                )
                for p in report.providers
            ]
            if report.providers is not None
            else None,
        )
