"""Honest estimates on synthetic timings: the batch's own finished calls replace the history, the history is the
recent calls of the same mode and size tier, and a set is priced by its size."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from starlette.applications import Starlette

from models import BatchItem, BatchJob, EditStatus, GenerationMode
from services.progress.eta import RunTracker, estimate, image_seconds, recent_image_seconds
from tests.conftest import GQL, MakeCaller
from tests.services.generation.test_settlement import _submitted


def test_four_twelve_second_items_to_go_say_about_48_seconds_not_the_history() -> None:
    now = [0.0]
    items = [uuid.uuid4() for _ in range(5)]
    # The history says 0.6 s per image; one call at a time.
    tracker = RunTracker(per_item=0.6, concurrency=1, pending=set(items), clock=lambda: now[0])
    assert tracker.estimate().run_seconds == 3.0
    tracker.start(items[0])
    now[0] = 12.0
    tracker.close(items[0], 12.0)  # the first call took 12 s
    assert tracker.estimate().run_seconds == 48.0
    tracker.start(items[1])
    now[0] = 23.0
    tracker.close(items[1], 11.0)
    assert tracker.estimate().run_seconds == 34.5  # three left at the mean of 12 and 11


def test_a_set_is_priced_by_its_size_and_a_measured_set_teaches_the_per_image_time() -> None:
    now = [0.0]
    first, second = uuid.uuid4(), uuid.uuid4()
    tracker = RunTracker(
        per_item=2.0, concurrency=1, pending={first, second}, sizes={first: 8, second: 4}, clock=lambda: now[0]
    )
    assert tracker.estimate().run_seconds == 24.0  # 12 images at 2 s
    tracker.start(first)
    now[0] = 5.0
    assert tracker.estimate().run_seconds == 19.0  # the set counts down; the next one waits for its slot
    now[0] = 40.0
    tracker.close(first, 40.0)  # 8 images in 40 s: 5 s per image
    assert tracker.estimate().run_seconds == 20.0  # the set of 4 left


async def _finished(batch: BatchJob, seconds: list[float], *, at: datetime, images: int = 1) -> None:
    """Mark the batch's first items succeeded with these call times, finished at ``at``."""
    items = await BatchItem.filter(batch_job_id=batch.id).order_by("item_index")
    for item, spent in zip(items, seconds, strict=False):
        await BatchItem.filter(id=item.id).update(
            status=EditStatus.SUCCEEDED,
            processing_time_ms=int(spent * 1000),
            max_images=images,
            started_at=at - timedelta(seconds=spent),
            finished_at=at,
        )


async def test_the_snapshot_estimate_adapts_to_the_batch_s_own_calls(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    _, batch = await _submitted(app, gql, make_caller, images=5)
    now = datetime.now(UTC)
    before = await image_seconds(batch, now=now)  # whatever the recent history of this mode and size says
    await _finished(batch, [12.0], at=now)
    assert await image_seconds(batch, now=now) == 12.0
    assert before != 12.0
    # Four pending one-image calls at 12 s on four slots: one wave.
    assert (await estimate(batch, 4, now=now)).run_seconds == 12.0
    assert (await estimate(batch, 1, now=now)).run_seconds == 48.0


async def test_recent_calls_count_not_old_ones(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    _, old = await _submitted(app, gql, make_caller, images=2)
    _, recent = await _submitted(app, gql, make_caller, images=2)
    # A future instant, so the calls other tests made are older than the window: only these two batches count.
    now = datetime.now(UTC) + timedelta(days=30)
    await _finished(old, [0.6, 0.6], at=now - timedelta(days=2))
    await _finished(recent, [9.0, 11.0], at=now - timedelta(minutes=5))
    assert await recent_image_seconds(GenerationMode.TEXT_TO_IMAGE, old.size_tier, now=now) == 10.0
