"""Analytics queries: where credits and time go."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.analytics.enums import Granularity, GroupBy, Scope
from graph.analytics.inputs import DateRangeInput
from graph.analytics.types import UsageAnalytics
from graph.core.context import Context
from services.analytics import reports

Info = strawberry.Info[Context, None]


async def usage_analytics(
    info: Info,
    range: Annotated[DateRangeInput, strawberry.argument(description="The time range.")],
    granularity: Annotated[Granularity, strawberry.argument(description="Bucket size.")] = Granularity.DAY,
    group_by: Annotated[GroupBy, strawberry.argument(description="How to group.")] = GroupBy.MODE,
    scope: Annotated[Scope, strawberry.argument(description="MINE, or ALL (administrators).")] = Scope.MINE,
) -> UsageAnalytics:
    user = await info.context.user()
    report = await reports.usage_report(
        user, start=range.from_, end=range.to, granularity=granularity, group_by=group_by, scope=scope
    )
    return UsageAnalytics.from_report(report, user.id)


@strawberry.type
class AnalyticsQueries:
    usage_analytics: UsageAnalytics = strawberry.field(
        resolver=usage_analytics,
        description="Totals, a time series, groups, failures and a forecast of your usage (or everyone's, admins).",
    )
