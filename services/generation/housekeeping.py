"""Deleting what a user made or uploaded: images and reference images (uploads), and listing the uploads.

Policy (also in the README): a delete is **refused** (``Conflict``) while a batch that needs the object is still
open (QUEUED, RUNNING or CANCEL_REQUESTED): an image of that batch, or an upload that batch references. Once the
batch has ended, the row and its stored file go together: the row is deleted inside a transaction and the file is
deleted before that transaction commits, so a storage failure rolls the row back (the call fails, nothing changed,
it can be repeated; ``Storage.delete`` is idempotent). No row ever points at a missing file and no file is left
without its row, except if the commit itself fails after the file is gone (then the row stays, pointing at nothing,
and deleting it again finishes the job).

Deleting an image never touches the ledger or the analytics: the credits it cost stay captured, and the batch keeps
its counters. Its gallery items go with it (foreign key cascade).
"""

from __future__ import annotations

import uuid
from typing import Any

from tortoise.transactions import in_transaction

from models import BatchJob, ImageEdit, Upload
from models.enums import OPEN_BATCH_STATUSES
from services import access
from services.core.errors import Conflict, NotFound
from services.core.pagination import Page, paginate
from services.infra.storage import Storage


async def delete_image(user_id: uuid.UUID, image_id: str, storage: Storage) -> uuid.UUID:
    """Delete one of the caller's images and its stored file; refused while its batch is open."""
    edit = await access.find_editable(ImageEdit, user_id, image_id)
    if edit is None:
        raise NotFound("image not found", ["id"])
    if edit.batch_job_id is not None:
        status: list[Any] = await BatchJob.filter(id=edit.batch_job_id).values_list("status", flat=True)
        if status and status[0] in OPEN_BATCH_STATUSES:
            raise Conflict("the image's batch is still running: cancel it or wait until it ends", ["id"])
    async with in_transaction():
        deleted = await access.editable(ImageEdit, user_id).filter(id=edit.id).delete()
        if deleted and edit.image_key:
            await storage.delete(edit.image_key)
    return edit.id


async def uploads_page(user_id: uuid.UUID, *, first: int, after: str | None) -> Page[Upload]:
    """The caller's reference images, newest first."""
    return await paginate(access.owned(Upload, user_id), first=first, after=after)


async def upload_in_use(user_id: uuid.UUID, upload_id: uuid.UUID) -> bool:
    """Whether an open batch of the user references the upload (open batches are few: read their parameters)."""
    rows: list[Any] = (
        await access.owned(BatchJob, user_id)
        .filter(status__in=OPEN_BATCH_STATUSES)
        .values_list("parameters", flat=True)
    )
    return any(str(upload_id) in (parameters or {}).get("references", []) for parameters in rows)


async def delete_upload(user_id: uuid.UUID, upload_id: str, storage: Storage) -> uuid.UUID:
    """Delete one of the caller's reference images and its stored file; refused while an open batch uses it.

    Ended batches keep the URL in their images' ``sourceImages`` (it stops resolving); a remix of such an image
    names an upload that no longer exists and is refused at submit as not found.
    """
    upload = await access.find_editable(Upload, user_id, upload_id)
    if upload is None:
        raise NotFound("upload not found", ["id"])
    if await upload_in_use(user_id, upload.id):
        raise Conflict("a batch that is still running uses this image: cancel it or wait until it ends", ["id"])
    async with in_transaction():
        deleted = await access.editable(Upload, user_id).filter(id=upload.id).delete()
        if deleted:
            await storage.delete(upload.storage_key)
    return upload.id
