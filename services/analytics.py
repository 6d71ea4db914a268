"""Usage analytics: one ``playground_usage_analytics`` row per outcome of a provider call (delivered images,
failed images), kept when the project, batch or preset it points at is deleted."""

from __future__ import annotations

import uuid
from typing import Any

from models import BatchJob, EditStatus, ImageEdit, UsageEvent


async def record_provider_call(batch: BatchJob, item_id: uuid.UUID, *, processing_ms: int | None) -> None:
    """Record what one item's provider call came to, once its images are settled."""
    edits = await ImageEdit.filter(item_id=item_id)
    delivered = [e for e in edits if e.status is EditStatus.SUCCEEDED]
    failed = [e for e in edits if e.status is EditStatus.FAILED]
    common: dict[str, Any] = {
        "user_id": batch.owner_id,
        "project_id": batch.project_id,
        "batch_job_id": batch.id,
        "style_preset_id": batch.style_preset_id,
        "mode": batch.mode,
        "size_tier": batch.size_tier.value,
    }
    if delivered:
        await UsageEvent.create(
            id=uuid.uuid4(),
            succeeded=True,
            images=len(delivered),
            credits=sum(e.credits for e in delivered),
            processing_time_ms=processing_ms,
            **common,
        )
    if failed:
        await UsageEvent.create(
            id=uuid.uuid4(),
            succeeded=False,
            images=len(failed),
            credits=0,
            processing_time_ms=processing_ms,
            error_category=failed[0].error_category,
            **common,
        )
