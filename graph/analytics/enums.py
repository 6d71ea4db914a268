"""The analytics enumerations, exposed to clients with descriptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from services.analytics import insights, reports

if TYPE_CHECKING:  # strawberry.enum returns the class itself; mypy sees it as a variable otherwise
    from services.analytics.insights import InsightKind as InsightKind
    from services.analytics.reports import Granularity as Granularity
    from services.analytics.reports import GroupBy as GroupBy
    from services.analytics.reports import Scope as Scope
else:
    Granularity = strawberry.enum(
        reports.Granularity, description="Time series buckets, in UTC (weeks start on Monday)."
    )
    GroupBy = strawberry.enum(reports.GroupBy, description="How `groups` splits the totals.")
    Scope = strawberry.enum(
        reports.Scope, description="MINE: your usage. ALL: everyone's, with provider statistics (administrators)."
    )
    InsightKind = strawberry.enum(
        insights.InsightKind,
        description=(
            "LOW_SUCCESS_PRESET / LOW_SUCCESS_MODE: delivered far less often than your other images. "
            "CONTENT_POLICY_REFUNDS: images refused on content policy. COSTLY_TIER: a pricier tier whose images you "
            "rarely keep."
        ),
    )
