"""usageAnalytics over GraphQL: its totals equal what the ledger and the batches say, to the credit; grouping,
series, forecast, failures; scope ALL for administrators only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.applications import Starlette

from models import BatchJob, CreditLedgerEntry, LedgerKind, Role, User
from services.analytics import forecast as forecasting
from tests.conftest import GQL, Caller, MakeCaller, error_codes
from tests.generation_support import assert_ledger_consistent, generate, new_project, wait_until_ended

TOTALS = (
    "generations imagesRequested imagesDelivered creditsSpent creditsRefunded successRate"
    " p50ProcessingMs p95ProcessingMs"
)
USAGE = f"""
query($range: DateRangeInput!, $granularity: Granularity, $groupBy: GroupBy, $scope: Scope) {{
  usageAnalytics(range: $range, granularity: $granularity, groupBy: $groupBy, scope: $scope) {{
    from to granularity groupBy scope
    totals {{ {TOTALS} }}
    series {{ start totals {{ {TOTALS} }} }}
    groups {{ key totals {{ {TOTALS} }} }}
    failures {{ category images }}
    forecast {{ dailyBurn trendPerDay weekdayFactors historyDays balance runsOutOn runsOutEarly runsOutLate }}
    providers {{ provider calls failedCalls errorRate p50LatencyMs p95LatencyMs }}
  }}
}}"""
CANCEL = "mutation($id: ID!) { batchJobCancel(id: $id) { batchJob { status } userErrors { code } } }"


def around_now() -> dict[str, str]:
    now = datetime.now(UTC)
    return {"from": (now - timedelta(days=1)).isoformat(), "to": (now + timedelta(hours=1)).isoformat()}


async def usage(gql: GQL, caller: Caller, **variables: Any) -> dict[str, Any]:
    body = await gql(USAGE, {"range": around_now(), **variables}, caller)
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["usageAnalytics"]
    return result


async def run_mixed_batches(app: Starlette, gql: GQL, caller: Caller) -> list[str]:
    """A full success, a partial set, a content-policy failure, and a cancel: every kind of settlement."""
    first, second = await new_project(gql, caller), await new_project(gql, caller)
    ids = []
    for project, fields in (
        (first, {"mode": "TEXT_TO_IMAGE", "prompt": "a boat", "count": 2}),
        (first, {"mode": "SEQUENTIAL", "prompt": "four birds [[partial:1]]", "maxImages": 4}),
        (second, {"mode": "TEXT_TO_IMAGE", "prompt": "nope [[fail:policy]]"}),
    ):
        job = (await generate(gql, caller, projectId=project, size="1024x1024", **fields))["batchJob"]
        await wait_until_ended(app, job["id"])
        ids.append(job["id"])
    slow = (
        await generate(
            gql, caller, projectId=second, mode="SEQUENTIAL", prompt="never [[delay:30]]", maxImages=3, size="1024x1024"
        )
    )["batchJob"]
    cancelled = await gql(CANCEL, {"id": slow["id"]}, caller)
    assert cancelled["data"]["batchJobCancel"]["batchJob"]["status"] == "CANCELLED"
    ids.append(slow["id"])
    return ids


async def test_usage_totals_equal_the_ledger_and_the_batches_to_the_credit(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    batch_ids = await run_mixed_batches(app, gql, alice)
    await run_mixed_batches(app, gql, bob)  # someone else's usage counts nowhere in Alice's
    user = await assert_ledger_consistent(alice.subject)

    report = await usage(gql, alice, groupBy="PROJECT")
    totals = report["totals"]
    ledger = await CreditLedgerEntry.filter(user_id=user.id)
    captured = -sum(e.held_delta for e in ledger if e.kind is LedgerKind.CAPTURE)
    refunded = sum(e.amount for e in ledger if e.kind is LedgerKind.REFUND)
    batches = await BatchJob.filter(owner_id=user.id)
    assert sorted(str(b.id) for b in batches) == sorted(batch_ids)
    assert totals["creditsSpent"] == captured == sum(b.credits_captured for b in batches)
    assert totals["creditsRefunded"] == refunded == sum(b.credits_refunded for b in batches)
    assert totals["creditsSpent"] + totals["creditsRefunded"] == sum(b.credits_reserved for b in batches)
    assert totals["imagesRequested"] == sum(b.total_images for b in batches) == 10
    assert totals["imagesDelivered"] == sum(b.completed_images for b in batches) == 5
    assert totals["generations"] == 4
    assert totals["successRate"] == 0.5
    assert totals["p50ProcessingMs"] is not None
    assert totals["p50ProcessingMs"] <= totals["p95ProcessingMs"]
    failures = {f["category"]: f["images"] for f in report["failures"]}
    assert failures["CANCELLED"] == 3
    assert failures["CONTENT_POLICY"] == 1
    assert sum(failures.values()) == 5

    # The series and the groups add up to the totals.
    for part in ("series", "groups"):
        for key in ("imagesRequested", "imagesDelivered", "creditsSpent", "creditsRefunded"):
            assert sum(entry["totals"][key] for entry in report[part]) == totals[key], (part, key)
    assert len(report["groups"]) == 2
    assert report["providers"] is None
    forecast = report["forecast"]
    assert forecast["balance"] == user.credits
    # Everything was spent in the last 24 hours: a week's history, no trend, no seasonality.
    expected = forecasting.forecast([captured], user.credits, datetime.now(UTC))
    assert forecast["dailyBurn"] == expected.daily_burn
    assert (forecast["trendPerDay"], forecast["historyDays"], forecast["weekdayFactors"]) == (0, 7, [1.0] * 7)
    for field, day in (("runsOutOn", expected.runs_out_on), ("runsOutEarly", expected.runs_out_early)):
        assert day is not None
        assert abs((datetime.fromisoformat(forecast[field]).date() - day).days) <= 1

    by_mode = await usage(gql, alice, groupBy="MODE", granularity="HOUR")
    assert {g["key"] for g in by_mode["groups"]} == {"TEXT_TO_IMAGE", "SEQUENTIAL"}
    assert by_mode["granularity"] == "HOUR"
    week = await usage(gql, alice, granularity="WEEK")
    assert all(datetime.fromisoformat(b["start"]).weekday() == 0 for b in week["series"])

    # A range that ends before everything happened is empty.
    past = {"from": "2020-01-01T00:00:00Z", "to": "2020-02-01T00:00:00Z"}
    empty = (await gql(USAGE, {"range": past}, alice))["data"]["usageAnalytics"]
    assert empty["totals"]["imagesRequested"] == 0
    assert empty["totals"]["successRate"] is None
    # January 2020: 31 daily buckets, all zeros (a series is every bucket of the range).
    assert len(empty["series"]) == 31
    assert {bucket["totals"]["imagesRequested"] for bucket in empty["series"]} == {0}


async def test_scope_all_is_for_administrators(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    alice, admin = make_caller("alice"), make_caller("admin", role=Role.ADMIN)
    await run_mixed_batches(app, gql, alice)
    denied = await gql(USAGE, {"range": around_now(), "scope": "ALL"}, alice)
    assert error_codes(denied) == ["FORBIDDEN"]

    everyone = await usage(gql, admin, scope="ALL")
    mine = await usage(gql, alice)
    assert everyone["totals"]["imagesRequested"] >= mine["totals"]["imagesRequested"]
    providers = {p["provider"]: p for p in everyone["providers"]}
    assert providers["simulator"]["calls"] >= 6
    assert providers["simulator"]["failedCalls"] >= 2
    assert 0 < providers["simulator"]["errorRate"] < 1
    admin_user = await User.get(subject=admin.subject)
    assert everyone["forecast"]["balance"] >= admin_user.credits


async def test_bad_ranges_are_refused(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    backwards = {"from": "2026-02-01T00:00:00Z", "to": "2026-01-01T00:00:00Z"}
    body = await gql(USAGE, {"range": backwards}, alice)
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "reason": "INVALID", "field": ["range", "to"]}
    long_hourly = {"from": "2026-01-01T00:00:00Z", "to": "2026-03-01T00:00:00Z"}
    body = await gql(USAGE, {"range": long_hourly, "granularity": "HOUR"}, alice)
    assert body["errors"][0]["extensions"]["field"] == ["granularity"]
    assert error_codes(await gql(USAGE, {"range": around_now()})) == ["UNAUTHENTICATED"]


async def test_a_five_day_range_returns_five_daily_buckets(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    five = {"from": "2021-03-01T00:00:00Z", "to": "2021-03-06T00:00:00Z"}
    series = (await gql(USAGE, {"range": five}, alice))["data"]["usageAnalytics"]["series"]
    assert [bucket["start"][:10] for bucket in series] == [f"2021-03-0{day}" for day in range(1, 6)]
    assert {bucket["totals"]["creditsSpent"] for bucket in series} == {0}
