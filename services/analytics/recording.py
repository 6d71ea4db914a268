"""Writing ``playground_usage_analytics`` rows.

- ``record_image``: one IMAGE row per settled image. ``services.generation.settlement`` calls it inside the
  transaction that changes the image's status and writes its ledger entry, so the row commits exactly when the
  capture or refund does: analytics and the ledger cannot disagree.
- ``image_row`` / ``call_row``: the same rows unsaved, for the worker's group commit (one INSERT for many). A CALL
  row stands for one provider call attempt that ended (delivered all, part, none, or will be retried); it carries
  latency and outcome, never credits.
"""

from __future__ import annotations

import uuid
from typing import Any

from models import BatchJob, EditStatus, ErrorCategory, ImageEdit, UsageEvent, UsageKind, UsageOutcome


def presets_of(batch: BatchJob) -> list[dict[str, Any]]:
    """The presets a batch used, as recorded in its parameters (``[]`` for batches from before presets)."""
    presets = batch.parameters.get("presets")
    if isinstance(presets, list):
        return [dict(p) for p in presets if isinstance(p, dict)]
    if batch.style_preset_id is not None:
        return [{"presetId": str(batch.style_preset_id), "intensity": batch.parameters.get("styleIntensity")}]
    return []


def _common(batch: BatchJob) -> dict[str, Any]:
    return {
        "user_id": batch.owner_id,
        "project_id": batch.project_id,
        "batch_job_id": batch.id,
        "style_preset_id": batch.style_preset_id,
        "presets": presets_of(batch),
        "mode": batch.mode,
        "size_tier": batch.size_tier.value,
    }


async def record_image(
    batch: BatchJob,
    edit: ImageEdit,
    *,
    status: EditStatus,
    category: ErrorCategory | None = None,
    processing_ms: int | None = None,
) -> UsageEvent:
    """The IMAGE row of one settlement (call inside the settlement's transaction)."""
    row = image_row(batch, edit, status=status, category=category, processing_ms=processing_ms)
    await row.save(force_create=True)
    return row


def image_row(
    batch: BatchJob,
    edit: ImageEdit,
    *,
    status: EditStatus,
    category: ErrorCategory | None = None,
    processing_ms: int | None = None,
) -> UsageEvent:
    """The IMAGE row of one settlement, unsaved (the worker inserts a group's rows at once)."""
    delivered = status is EditStatus.SUCCEEDED
    outcome = {
        EditStatus.SUCCEEDED: UsageOutcome.SUCCEEDED,
        EditStatus.CANCELLED: UsageOutcome.CANCELLED,
    }.get(status, UsageOutcome.FAILED)
    return UsageEvent(
        id=uuid.uuid4(),
        kind=UsageKind.IMAGE,
        image_edit_id=edit.id,
        item_id=edit.item_id,
        provider=batch.provider,
        outcome=outcome,
        images_requested=1,
        images_delivered=1 if delivered else 0,
        credits_captured=edit.credits if delivered else 0,
        credits_refunded=0 if delivered else edit.credits,
        processing_time_ms=processing_ms,
        error_category=None if delivered else category,
        **_common(batch),
    )


def call_row(
    batch: BatchJob,
    item_id: uuid.UUID,
    *,
    provider: str,
    requested: int,
    delivered: int,
    processing_ms: int | None,
    category: ErrorCategory | None = None,
    retried: bool = False,
) -> UsageEvent:
    """The CALL row of one provider call attempt, unsaved."""
    if retried:
        outcome = UsageOutcome.RETRIED
    elif delivered >= requested:
        outcome = UsageOutcome.SUCCEEDED
    else:
        outcome = UsageOutcome.PARTIAL if delivered else UsageOutcome.FAILED
    return UsageEvent(
        id=uuid.uuid4(),
        kind=UsageKind.CALL,
        item_id=item_id,
        provider=provider,
        outcome=outcome,
        images_requested=requested,
        images_delivered=delivered,
        processing_time_ms=processing_ms,
        error_category=category if outcome is not UsageOutcome.SUCCEEDED else None,
        **_common(batch),
    )
