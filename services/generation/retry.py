"""Retrying an ended batch: a new batch, linked to the old one, for its failed and cancelled images (or all)."""

from __future__ import annotations

import uuid

from models import BatchItem, BatchJob, BatchPresetUse, EditStatus, ImageEdit, Project, Upload, User
from models.enums import TERMINAL_BATCH_STATUSES
from services import access
from services.core.config import Settings
from services.core.errors import Conflict, NotFound
from services.core.ids import parse_id
from services.generation import capabilities as caps
from services.generation.plan import Plan, PlannedItem, existing_references
from services.generation.styles import AppliedPreset
from services.generation.submit import OnCreate, after_create, create_batch
from services.infra.jobs import JobQueue
from services.progress.publisher import ProgressPublisher


async def _recorded_presets(batch: BatchJob) -> list[AppliedPreset]:
    """The presets the batch used, as it recorded them (exact versions), for the retry's own record."""
    uses = (
        await BatchPresetUse.filter(batch_job_id=batch.id)
        .order_by("position")
        .prefetch_related("preset", "preset_version")
    )
    return [
        AppliedPreset(
            preset=use.preset,
            version=use.preset_version,
            weight=use.weight,
            intensity=use.intensity,
            position=use.position,
            strength=use.intensity,
        )
        for use in uses
        if use.preset is not None and use.preset_version is not None
    ]


async def retry(
    user: User,
    batch_id: str,
    *,
    only_failed: bool,
    settings: Settings,
    queue: JobQueue,
    publisher: ProgressPublisher,
    on_create: OnCreate | None = None,
) -> BatchJob:
    """A new batch for the failed or cancelled images of an ended one (or all of it), quoted and held as usual
    (``on_create``: as for ``submit``)."""
    original = await access.find_editable(BatchJob, user.id, batch_id)
    if original is None:
        raise NotFound("batch job not found", ["id"])
    if original.status not in TERMINAL_BATCH_STATUSES:
        raise Conflict("the batch is still running: cancel it or wait until it ends", ["id"])
    edits = await ImageEdit.filter(batch_job_id=original.id).order_by("batch_index")
    source = {edit.item_id: edit.prompt for edit in edits}
    wanted: dict[uuid.UUID, int] = {}
    for edit in edits:
        if edit.item_id is None:
            continue
        if not only_failed or edit.status in (EditStatus.FAILED, EditStatus.CANCELLED):
            wanted[edit.item_id] = wanted.get(edit.item_id, 0) + 1
    if not wanted:
        raise Conflict("nothing to retry: every image was delivered", ["only_failed"])
    items = await BatchItem.filter(id__in=list(wanted)).order_by("item_index")
    project = await access.find_editable(Project, user.id, original.project_id)
    if project is None:
        raise NotFound("the batch's project no longer exists", ["id"])
    # The user's own references, and the presets' as the original batch recorded them (vetted at its submit).
    parameters = original.parameters
    own_ids = [parse_id(r) for r in parameters.get("userReferences", parameters.get("references", []))]
    references = await access.owned(Upload, user.id).filter(id__in=[r for r in own_ids if r])
    by_id = {r.id: r for r in references}
    own = [by_id[r] for r in own_ids if r in by_id]
    applied = await _recorded_presets(original)
    tier = original.size_tier
    planned = Plan(
        project=project,
        mode=original.mode,
        width=original.width,
        height=original.height,
        tier=tier,
        items=[
            PlannedItem(
                prompt=item.prompt,
                source_prompt=source.get(item.id, item.prompt),
                images=wanted[item.id],
                seed=item.seed,
                retried_from_item_id=item.id,
            )
            for item in items
        ],
        price_per_image=caps.price_per_image(settings, original.mode, tier),
        presets=applied,
        preset_references=await existing_references(
            [i for i in (parse_id(r) for r in parameters.get("presetReferences", [])) if i]
        ),
    )
    batch = await create_batch(user, planned, own, idempotency_key=None, retried_from=original, on_create=on_create)
    await after_create(batch, queue=queue, publisher=publisher)
    return batch
