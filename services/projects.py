"""Projects: every read and write is scoped to the owner; another user's project reads as not found."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from tortoise.expressions import Q

from models import BatchJob, BatchStatus, GenerationMode, ProcessingStatus, Project
from models.enums import OPEN_BATCH_STATUSES
from services import access
from services.core.errors import Conflict, InvalidInput, NotFound
from services.core.pagination import Page, paginate
from services.core.text import check_json, check_optional_text, check_text

NAME_MAX = 120
DESCRIPTION_MAX = 2000
BATCH_SIZE_MAX = 60
METADATA_MAX_BYTES = 16_384
SEARCH_MAX = 200


@dataclass(frozen=True, slots=True)
class ProjectChanges:
    """Fields to set; ``None`` leaves a field unchanged."""

    name: str | None = None
    description: str | None = None
    generation_type: GenerationMode | None = None
    batch_size: int | None = None
    metadata: Any = None
    """A JSON object; anything else is refused."""


def _clean(changes: ProjectChanges, *, creating: bool) -> dict[str, Any]:
    """The validated values to write; every field is checked before the caller writes anything."""
    values: dict[str, Any] = {}
    if changes.name is not None or creating:
        name = check_text(changes.name or "", ["input", "name"], max_length=NAME_MAX).strip()
        if not name:
            raise InvalidInput("name must not be empty", ["input", "name"])
        values["name"] = name
    if changes.description is not None:
        values["description"] = check_text(
            changes.description, ["input", "description"], max_length=DESCRIPTION_MAX, multiline=True
        )
    if changes.generation_type is not None:
        values["generation_type"] = changes.generation_type
    if changes.batch_size is not None:
        if not 1 <= changes.batch_size <= BATCH_SIZE_MAX:
            raise InvalidInput(f"batchSize must be between 1 and {BATCH_SIZE_MAX}", ["input", "batch_size"])
        values["batch_size"] = changes.batch_size
    if changes.metadata is not None:
        if not isinstance(changes.metadata, dict):
            raise InvalidInput("metadata must be a JSON object", ["input", "metadata"])
        values["metadata"] = check_json(changes.metadata, ["input", "metadata"], max_bytes=METADATA_MAX_BYTES)
    return values


async def get(user_id: uuid.UUID, project_id: str) -> Project | None:
    """A project the user may view, or None."""
    return await access.find_viewable(Project, user_id, project_id)


async def _get_editable(user_id: uuid.UUID, project_id: str) -> Project:
    project = await access.find_editable(Project, user_id, project_id)
    if project is None:
        raise NotFound("project not found", ["id"])
    return project


async def create(owner_id: uuid.UUID, changes: ProjectChanges) -> Project:
    return await Project.create(id=uuid.uuid4(), owner_id=owner_id, **_clean(changes, creating=True))


async def update(owner_id: uuid.UUID, project_id: str, changes: ProjectChanges) -> Project:
    values = _clean(changes, creating=False)
    project = await _get_editable(owner_id, project_id)
    if values:
        project.update_from_dict(values)
        await project.save(update_fields=[*values, "updated_at"])
    return project


async def delete(owner_id: uuid.UUID, project_id: str) -> uuid.UUID:
    """Delete a project with its batches and images; refused while a batch still holds credits."""
    project = await access.find_owned(Project, owner_id, project_id)
    if project is None:
        raise NotFound("project not found", ["id"])
    if await BatchJob.filter(project_id=project.id, status__in=OPEN_BATCH_STATUSES).exists():
        raise Conflict("the project has batches in progress: cancel them or wait until they end", ["id"])
    await project.delete()
    return project.id


async def list_page(
    owner_id: uuid.UUID,
    *,
    first: int,
    after: str | None,
    status: ProcessingStatus | None = None,
    search: str | None = None,
) -> Page[Project]:
    query = access.viewable(Project, owner_id)
    if status is not None:
        query = query.filter(processing_status=status)
    if check_optional_text(search, ["filter", "search"], max_length=SEARCH_MAX):
        query = query.filter(Q(name__icontains=search) | Q(description__icontains=search))
    return await paginate(query, first=first, after=after)


async def refresh_status(project_id: uuid.UUID) -> None:
    """A project's processing status follows its batches: processing > queued > the latest batch's outcome."""
    open_statuses: list[Any] = await BatchJob.filter(project_id=project_id, status__in=OPEN_BATCH_STATUSES).values_list(
        "status", flat=True
    )
    statuses = set(open_statuses)
    if BatchStatus.RUNNING in statuses or BatchStatus.CANCEL_REQUESTED in statuses:
        value = ProcessingStatus.PROCESSING
    elif BatchStatus.QUEUED in statuses:
        value = ProcessingStatus.QUEUED
    else:
        latest = await BatchJob.filter(project_id=project_id).order_by("-created_at").first()
        if latest is None:
            value = ProcessingStatus.IDLE
        elif latest.status is BatchStatus.FAILED:
            value = ProcessingStatus.FAILED
        elif latest.status is BatchStatus.CANCELLED:
            value = ProcessingStatus.IDLE
        else:
            value = ProcessingStatus.COMPLETED
    await Project.filter(id=project_id).update(processing_status=value)
