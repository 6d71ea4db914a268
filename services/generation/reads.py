"""Reading batches, their provider calls and images, scoped to the caller."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from models import BatchItem, BatchJob, BatchStatus, ImageEdit
from services import access
from services.core.ids import parse_id
from services.core.pagination import Page, count_each, paginate, paginate_each
from services.generation import capabilities as caps


async def get_batch(user_id: uuid.UUID, batch_id: str | uuid.UUID) -> BatchJob | None:
    """A batch the user may view, or None."""
    return await access.find_viewable(BatchJob, user_id, batch_id)


async def get_image(user_id: uuid.UUID, image_id: str) -> ImageEdit | None:
    """An image the user may view, or None."""
    return await access.find_viewable(ImageEdit, user_id, image_id)


async def batches_page(
    user_id: uuid.UUID,
    *,
    first: int,
    after: str | None,
    status: BatchStatus | None = None,
    project_id: str | uuid.UUID | None = None,
) -> Page[BatchJob]:
    """The user's batches, newest first, optionally of one status or one project."""
    query = access.viewable(BatchJob, user_id)
    if status is not None:
        query = query.filter(status=status)
    if project_id is not None:
        # The batches are scoped to the user already; an id that cannot be a project matches nothing.
        ident = project_id if isinstance(project_id, uuid.UUID) else parse_id(project_id)
        query = query.filter(project_id=ident) if ident else query.filter(id=None)
    return await paginate(query, first=first, after=after)


async def images_page(
    user_id: uuid.UUID, *, first: int, after: str | None, project_id: uuid.UUID | None = None
) -> Page[ImageEdit]:
    """The user's images, newest first, optionally of one project."""
    query = access.viewable(ImageEdit, user_id)
    if project_id is not None:
        query = query.filter(project_id=project_id)
    return await paginate(query, first=first, after=after)


async def batches_pages(
    user_id: uuid.UUID, project_ids: list[uuid.UUID], *, first: int, after: str | None
) -> dict[uuid.UUID, Page[BatchJob]]:
    """A page of the user's batches per project, newest first, in one statement (``project.batchJobs`` in a list)."""
    query = access.viewable(BatchJob, user_id)
    return await paginate_each(query, parent="project_id", parent_ids=project_ids, first=first, after=after)


async def images_pages(
    user_id: uuid.UUID, project_ids: list[uuid.UUID], *, first: int, after: str | None
) -> dict[uuid.UUID, Page[ImageEdit]]:
    """A page of the user's images per project, newest first, in one statement (``project.imageEdits`` in a list)."""
    query = access.viewable(ImageEdit, user_id)
    return await paginate_each(query, parent="project_id", parent_ids=project_ids, first=first, after=after)


async def batch_counts(user_id: uuid.UUID, project_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How many of the user's batches each project holds (one statement)."""
    return await count_each(access.viewable(BatchJob, user_id), parent="project_id", parent_ids=project_ids)


async def image_counts(user_id: uuid.UUID, project_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How many of the user's images each project holds (one statement)."""
    return await count_each(access.viewable(ImageEdit, user_id), parent="project_id", parent_ids=project_ids)


async def images_of(batch_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[ImageEdit]]:
    """The images of several batches, in batch order (one query; used by a DataLoader on batches already scoped)."""
    grouped: dict[uuid.UUID, list[ImageEdit]] = {ident: [] for ident in batch_ids}
    for edit in await ImageEdit.filter(batch_job_id__in=batch_ids).order_by("batch_index"):
        if edit.batch_job_id is not None:
            grouped[edit.batch_job_id].append(edit)
    return grouped


async def items_of(batch_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[BatchItem]]:
    """The provider calls of several batches, in order (one query; used by a DataLoader on batches already scoped)."""
    grouped: dict[uuid.UUID, list[BatchItem]] = {ident: [] for ident in batch_ids}
    for item in await BatchItem.filter(batch_job_id__in=batch_ids).order_by("item_index"):
        grouped[item.batch_job_id].append(item)
    return grouped


async def batches_by_id(batch_ids: list[uuid.UUID]) -> dict[uuid.UUID, BatchJob]:
    """Several batches by id (one query; used by a DataLoader on images already scoped)."""
    return {batch.id: batch for batch in await BatchJob.filter(id__in=batch_ids)}


async def items_by_id(item_ids: list[uuid.UUID]) -> dict[uuid.UUID, BatchItem]:
    """Several provider calls by id (one query; used by a DataLoader on images already scoped)."""
    return {item.id: item for item in await BatchItem.filter(id__in=item_ids)}


@dataclass(frozen=True, slots=True)
class PresetUse:
    """One preset a batch applied, as recorded in ``BatchJob.parameters["presets"]``."""

    preset_id: str
    version: int | None = None
    weight: float | None = None
    intensity: float | None = None


@dataclass(frozen=True, slots=True)
class RemixParameters:
    """What made an image, shaped like a generate request, so that submitting it unchanged makes the same call."""

    project_id: uuid.UUID
    mode: Any
    prompt: str
    """As the user wrote it (presets are applied again at submit)."""
    max_images: int | None
    size: str
    seed: int | None
    references: list[str] = field(default_factory=list)
    """Upload ids."""
    presets: list[PresetUse] = field(default_factory=list)


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def presets_used(batch: BatchJob) -> list[PresetUse]:
    """The presets of a batch in order: ``parameters["presets"]``, or for batches from before multi-preset support,
    ``style_preset_id`` with ``parameters["styleIntensity"]``."""
    recorded = batch.parameters.get("presets")
    if isinstance(recorded, list):
        return [
            PresetUse(
                preset_id=str(entry["presetId"]),
                version=int(entry["version"]) if isinstance(entry.get("version"), int) else None,
                weight=_number(entry.get("weight")),
                intensity=_number(entry.get("intensity")),
            )
            for entry in recorded
            if isinstance(entry, dict) and entry.get("presetId")
        ]
    if batch.style_preset_id is not None:
        return [
            PresetUse(preset_id=str(batch.style_preset_id), intensity=_number(batch.parameters.get("styleIntensity")))
        ]
    return []


def remix_of(edit: ImageEdit, batch: BatchJob | None, item: BatchItem | None) -> RemixParameters:
    """The parameters that made ``edit`` (its batch and provider call loaded by the caller)."""
    produces_set = caps.MODE_INFO[edit.mode].produces_set
    return RemixParameters(
        project_id=edit.project_id,
        mode=edit.mode,
        prompt=edit.prompt,
        max_images=(item.max_images if item else 1) if produces_set else None,
        size=edit.size,
        seed=item.seed if item else edit.seed,
        # The user's own references: the presets' are sent again by the presets themselves.
        references=[str(r) for r in batch.parameters.get("userReferences", batch.parameters.get("references", []))]
        if batch
        else [],
        presets=presets_used(batch) if batch else [],
    )
