"""The aggregation SQL on known rows: nearest-rank percentiles and date buckets are the same on both dialects."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from models import GenerationMode, UsageEvent, UsageKind, UsageOutcome, User
from services.analytics import forecast as forecasting
from services.analytics.reports import Granularity, GroupBy, usage_report
from tests.conftest import GQL, MakeCaller


async def test_percentiles_buckets_and_groups_on_known_rows(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    await gql("{ me { id } }", caller=alice)
    user = await User.get(subject=alice.subject)
    sunday = datetime(2026, 3, 1, 10, 30, tzinfo=UTC)  # a Sunday: its week starts on Monday 23 February
    monday = datetime(2026, 3, 2, 9, 15, tzinfo=UTC)
    rows = []
    for index, ms in enumerate(range(10, 110, 10)):
        rows.append(
            UsageEvent(
                id=uuid.uuid4(),
                kind=UsageKind.IMAGE,
                user_id=user.id,
                mode=GenerationMode.EDIT if index < 4 else GenerationMode.TEXT_TO_IMAGE,
                size_tier="2K",
                outcome=UsageOutcome.SUCCEEDED,
                images_requested=1,
                images_delivered=1,
                credits_captured=2,
                processing_time_ms=ms,
                created_at=sunday if index < 4 else monday,
            )
        )
    rows.append(
        UsageEvent(
            id=uuid.uuid4(),
            kind=UsageKind.IMAGE,
            user_id=user.id,
            mode=GenerationMode.EDIT,
            size_tier="2K",
            outcome=UsageOutcome.FAILED,
            images_requested=1,
            credits_refunded=2,
            processing_time_ms=5,  # not delivered: not part of the percentiles
            created_at=monday,
        )
    )
    await UsageEvent.bulk_create(rows)

    report = await usage_report(
        user,
        start=datetime(2026, 2, 1, tzinfo=UTC),
        end=datetime(2026, 4, 1, tzinfo=UTC),
        granularity=Granularity.WEEK,
        group_by=GroupBy.MODE,
        now=datetime(2026, 3, 3, tzinfo=UTC),
    )
    assert (report.totals.p50_ms, report.totals.p95_ms) == (50, 100)
    assert (report.totals.images_requested, report.totals.images_delivered) == (11, 10)
    assert (report.totals.credits_spent, report.totals.credits_refunded) == (20, 2)
    # Every week overlapping the range, from the Monday on or before its start, zeros included.
    assert [b.start for b in report.series] == [
        datetime(2026, 1, 26, tzinfo=UTC) + timedelta(weeks=n) for n in range(10)
    ]
    assert [(b.start, b.totals.images_requested) for b in report.series if b.totals.images_requested] == [
        (datetime(2026, 2, 23, tzinfo=UTC), 4),
        (datetime(2026, 3, 2, tzinfo=UTC), 7),
    ]
    assert report.series[0].totals.generations == 0
    groups = {g.key: (g.totals.images_delivered, g.totals.p50_ms, g.totals.p95_ms) for g in report.groups}
    assert groups == {"EDIT": (4, 20, 40), "TEXT_TO_IMAGE": (6, 70, 100)}
    # The forecast reads the spend per 24 hours before `now`: Monday's 12 credits a day ago, Sunday's 8 the day before.
    now = datetime(2026, 3, 3, tzinfo=UTC)
    assert report.forecast == forecasting.forecast([12, 8], (await User.get(id=user.id)).credits, now)

    daily = await usage_report(
        user, start=datetime(2026, 3, 2, tzinfo=UTC), end=datetime(2026, 3, 3, tzinfo=UTC), granularity=Granularity.HOUR
    )
    assert len(daily.series) == 24
    assert [(b.start, b.totals.images_requested) for b in daily.series if b.totals.images_requested] == [
        (datetime(2026, 3, 2, 9, tzinfo=UTC), 7)
    ]
