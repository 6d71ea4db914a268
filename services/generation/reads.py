"""Reading batches, their provider calls and images, scoped to the caller."""

from __future__ import annotations

import uuid

from models import BatchItem, BatchJob, BatchStatus, ImageEdit
from services import access
from services.core.ids import parse_id
from services.core.pagination import Page, paginate


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
