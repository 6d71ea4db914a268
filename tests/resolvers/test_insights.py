"""``usageAnalytics.insights``: rules over the caller's own usage, each citing counts that the rows bear out."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.applications import Starlette

from models import ErrorCategory, GenerationMode, UsageEvent, UsageKind, UsageOutcome, User
from services.analytics import insights
from tests.conftest import GQL, Caller, MakeCaller
from tests.generation_support import generate, new_project, wait_until_ended
from tests.resolvers.test_gallery import add

INSIGHTS = """
query($range: DateRangeInput!) {
  usageAnalytics(range: $range) {
    insights { kind subject message figures { name value } breakdown { label count } }
  }
}"""
PRESET = """mutation($input: StylePresetInput!) { stylePresetCreate(input: $input) { stylePreset { id } } }"""


def around_now() -> dict[str, str]:
    now = datetime.now(UTC)
    return {"from": (now - timedelta(days=1)).isoformat(), "to": (now + timedelta(hours=1)).isoformat()}


async def read_insights(gql: GQL, caller: Caller) -> list[dict[str, Any]]:
    body = await gql(INSIGHTS, {"range": around_now()}, caller)
    assert "errors" not in body, body
    found: list[dict[str, Any]] = body["data"]["usageAnalytics"]["insights"]
    return found


def figures(insight: dict[str, Any]) -> dict[str, float]:
    return {f["name"]: f["value"] for f in insight["figures"]}


async def run(app: Starlette, gql: GQL, caller: Caller, **fields: Any) -> str:
    job = (await generate(gql, caller, **fields))["batchJob"]
    await wait_until_ended(app, job["id"])
    return str(job["id"])


async def test_insights_cite_the_counts_of_a_failing_preset_refusals_and_a_costly_tier(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    project = await new_project(gql, alice)
    assert await read_insights(gql, alice) == []  # nothing used, nothing said

    created = await gql(PRESET, {"input": {"name": "Edgy", "promptTemplate": "{prompt} [[fail:policy]]"}}, alice)
    edgy = created["data"]["stylePresetCreate"]["stylePreset"]["id"]
    # Six images delivered without a preset (1K), five refused with the preset, five delivered at 4K (one kept).
    await run(app, gql, alice, projectId=project, mode="TEXT_TO_IMAGE", prompt="a calm sea", size="1024x1024", count=6)
    await run(
        app,
        gql,
        alice,
        projectId=project,
        mode="TEXT_TO_IMAGE",
        prompt="a storm",
        count=3,
        size="1024x1024",
        presets=[{"presetId": edgy}],
    )
    await run(
        app,
        gql,
        alice,
        projectId=project,
        mode="TEXT_TO_IMAGE",
        prompt="a wreck",
        count=2,
        size="1024x1024",
        presets=[{"presetId": edgy}],
    )
    big = await run(
        app, gql, alice, projectId=project, mode="TEXT_TO_IMAGE", prompt="a harbour", size="4096x4096", count=5
    )
    user = await User.get(subject=alice.subject)
    kept = await UsageEvent.filter(batch_job_id=big, kind=UsageKind.IMAGE).first()
    assert kept is not None
    assert kept.image_edit_id is not None
    assert (await add(gql, alice, str(kept.image_edit_id)))["userErrors"] == []

    found = {i["kind"]: i for i in await read_insights(gql, alice)}
    assert set(found) == {"LOW_SUCCESS_PRESET", "CONTENT_POLICY_REFUNDS", "COSTLY_TIER"}

    preset = found["LOW_SUCCESS_PRESET"]
    assert preset["subject"] == edgy
    assert figures(preset) == {
        "imagesRequested": 5,
        "imagesDelivered": 0,
        "otherImagesRequested": 11,
        "otherImagesDelivered": 11,
    }
    assert preset["message"] == ("Preset 'Edgy' delivered 0 of 5 images (0 %); your other images: 11 of 11 (100 %).")

    refusals = found["CONTENT_POLICY_REFUNDS"]
    refunded = sum(
        e.credits_refunded for e in await UsageEvent.filter(user_id=user.id, error_category="CONTENT_POLICY")
    )
    assert figures(refusals) == {"images": 5, "creditsRefunded": refunded}
    assert refunded > 0
    assert refusals["breakdown"] == [
        {"label": "preset: Edgy", "count": 5},
        {"label": "prompt: a storm", "count": 3},
        {"label": "prompt: a wreck", "count": 2},
    ]

    tier = found["COSTLY_TIER"]
    assert tier["subject"] == "TEXT_TO_IMAGE@4K"
    spent = sum(e.credits_captured for e in await UsageEvent.filter(batch_job_id=big, kind=UsageKind.IMAGE))
    assert figures(tier) == {"imagesDelivered": 5, "creditsSpent": spent, "imagesKept": 1, "creditsAtLowerTier": 5}
    assert spent == 10

    # Bob's usage is his own: none of Alice's insights reach him.
    assert await read_insights(gql, bob) == []


def row(user: User, *, mode: GenerationMode, delivered: bool, preset: uuid.UUID | None = None) -> UsageEvent:
    return UsageEvent(
        id=uuid.uuid4(),
        kind=UsageKind.IMAGE,
        user_id=user.id,
        mode=mode,
        size_tier="1K",
        style_preset_id=preset,
        outcome=UsageOutcome.SUCCEEDED if delivered else UsageOutcome.FAILED,
        images_requested=1,
        images_delivered=1 if delivered else 0,
        credits_captured=1 if delivered else 0,
        credits_refunded=0 if delivered else 1,
        error_category=None if delivered else ErrorCategory.TRANSIENT,
    )


async def test_low_success_rules_keep_to_their_thresholds(gql: GQL, make_caller: MakeCaller) -> None:
    """Constructed rows: a mode 30 points below the others is named; 20 points below, or with four images, is not;
    cancelled images count on neither side."""
    carol = make_caller("carol")
    await gql("{ me { id } }", caller=carol)
    user = await User.get(subject=carol.subject)
    start, end = datetime.now(UTC) - timedelta(hours=1), datetime.now(UTC) + timedelta(hours=1)

    def price(mode: GenerationMode, tier: Any) -> int:
        return 1

    rows = [row(user, mode=GenerationMode.TEXT_TO_IMAGE, delivered=True) for _ in range(10)]
    rows += [row(user, mode=GenerationMode.EDIT, delivered=n < 7) for n in range(10)]  # 70 % against 100 %
    await UsageEvent.bulk_create(rows)
    found = await insights.insights(user.id, start, end, price)
    assert [(i.kind, i.subject) for i in found] == [(insights.InsightKind.LOW_SUCCESS_MODE, "EDIT")]
    assert found[0].message == "Mode EDIT delivered 7 of 10 images (70 %); your other images: 10 of 10 (100 %)."

    # One more delivered EDIT image, and two delivered TEXT_TO_IMAGE failing: 8/11 = 73 % against 10/12 = 83 %.
    await UsageEvent.bulk_create(
        [row(user, mode=GenerationMode.EDIT, delivered=True)]
        + [row(user, mode=GenerationMode.TEXT_TO_IMAGE, delivered=False) for _ in range(2)]
    )
    assert await insights.insights(user.id, start, end, price) == []

    # A cancelled failure is no failure: many cancelled EDIT images change nothing.
    cancelled = [row(user, mode=GenerationMode.EDIT, delivered=False) for _ in range(20)]
    for event in cancelled:
        event.error_category = ErrorCategory.CANCELLED
    await UsageEvent.bulk_create(cancelled)
    assert await insights.insights(user.id, start, end, price) == []

    # Four images of a mode are too few to judge, however badly they went.
    await UsageEvent.bulk_create([row(user, mode=GenerationMode.MULTI_REFERENCE, delivered=False) for _ in range(4)])
    assert await insights.insights(user.id, start, end, price) == []
