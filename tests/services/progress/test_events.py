"""Progress events survive the bus: what a publisher sends as JSON comes back as the same typed event."""

from __future__ import annotations

import dataclasses
import json
import uuid
from datetime import UTC, datetime

import pytest

from models import BatchStatus
from services.progress.events import BatchProgress, CreditBalance, DeliveredImage, from_json


def progress(image: DeliveredImage | None) -> BatchProgress:
    return BatchProgress(
        batch_job_id=uuid.uuid4(),
        user_id=uuid.uuid4(),
        project_id=uuid.uuid4(),
        seq=7,
        status=BatchStatus.RUNNING,
        terminal=False,
        total=6,
        completed=2,
        failed=1,
        cancelled=0,
        fraction=0.5,
        queue_position=None,
        queue_wait_seconds=0.0,
        run_seconds=12.5,
        eta_seconds=12.5,
        image=image,
        credits_held=9,
        credits_captured=6,
        credits_refunded=3,
        at=datetime(2026, 11, 25, 12, 0, tzinfo=UTC),
    )


@pytest.mark.parametrize(
    "image", [None, DeliveredImage(uuid.uuid4(), batch_index=1, url="/media/x.jpeg", width=1024, height=768)]
)
def test_batch_progress_round_trips_through_json_text(image: DeliveredImage | None) -> None:
    event = progress(image)
    # Through text, as the Redis bus carries it.
    assert from_json(json.loads(json.dumps(event.to_json()))) == event


def test_credit_balance_round_trips_and_is_never_terminal() -> None:
    event = CreditBalance(user_id=uuid.uuid4(), balance=14)
    message = event.to_json()
    assert message["terminal"] is False  # the bus may drop a superseded balance for room, never a terminal event
    assert from_json(json.loads(json.dumps(message))) == event


def test_the_bus_sees_terminal_on_the_last_batch_event() -> None:
    ended = dataclasses.replace(progress(None), status=BatchStatus.SUCCEEDED, terminal=True)
    assert ended.to_json()["terminal"] is True


def test_a_message_of_no_known_type_is_refused() -> None:
    with pytest.raises(ValueError, match="not a progress event"):
        from_json({"type": "something", "terminal": False})
