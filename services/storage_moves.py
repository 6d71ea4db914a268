"""Moving every stored object to another store (``playground storage migrate --to URL``).

Each row that names an object (an image's ``image_url``, an upload's ``url``) is switched to the new store only
after its object was copied and the copy verified (``infra.storage.copy_verified``: SHA-256 of what was read equals
SHA-256 of what the target gives back). A row already naming the target is done, so a run that was interrupted
(killed, a network failure) is resumed by running it again: it copies only what is left. Objects are never
deleted from the source: the old store keeps working for processes still configured with it until they switch
``STORAGE_URL``. Keys do not change between stores.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from models import ImageEdit, Upload
from services.infra.storage import STORE_ERRORS, ObjectNotFound, Storage
from services.infra.storage.copy import CopyMismatch, copy_verified

log = logging.getLogger(__name__)
PAGE = 200


@dataclass
class MoveReport:
    copied: int = 0
    bytes_copied: int = 0
    missing: list[str] = field(default_factory=list)
    """Keys whose object the source does not hold (their rows are left as they are)."""
    failed: list[str] = field(default_factory=list)
    """Keys whose copy did not verify or could not be written (run again)."""

    @property
    def complete(self) -> bool:
        return not self.failed and not self.missing


@dataclass(frozen=True, slots=True)
class _Row:
    model: type[ImageEdit] | type[Upload]
    id: uuid.UUID
    key: str
    address: str


async def _rows(target: Storage) -> AsyncIterator[_Row]:
    """Rows whose object is not yet in ``target``, page by page (keyset on id: rows switched meanwhile drop out)."""
    prefix = target.url_for("x.png").removesuffix("x.png")
    for model, key_field, address_field in (
        (ImageEdit, "image_key", "image_url"),
        (Upload, "storage_key", "url"),
    ):
        after: uuid.UUID | None = None
        while True:
            query = model.filter(**{f"{key_field}__isnull": False, f"{address_field}__isnull": False})
            query = query.exclude(**{f"{address_field}__startswith": prefix})
            if after is not None:
                query = query.filter(id__gt=after)
            page = await query.order_by("id").limit(PAGE).values_list("id", key_field, address_field)
            for row_id, key, address in page:
                yield _Row(model, row_id, key, address)
            if len(page) < PAGE:
                break
            after = page[-1][0]


async def move_objects(source: Storage, target: Storage) -> MoveReport:
    """Copy every object the database names from ``source`` to ``target``, switching each row once its copy is
    verified. Logs each failure and a summary; returns the counts."""
    report = MoveReport()
    verified: dict[str, int] = {}  # an object named by several rows is copied once per run
    async for row in _rows(target):
        if row.key not in verified:
            try:
                copy = await copy_verified(source, target, row.key)
            except ObjectNotFound:
                log.warning("storage move: %s is not in %s; its row is left as it is", row.key, source.location)
                report.missing.append(row.key)
                continue
            except (CopyMismatch, *STORE_ERRORS) as error:  # type: ignore[misc]  # a tuple of exception classes
                reason = str(error).split("\n", 1)[0]  # obstore's errors go on with their whole source chain
                log.error("storage move: %s failed (%s: %s); run again", row.key, type(error).__name__, reason)
                report.failed.append(row.key)
                continue
            verified[row.key] = copy.size_bytes
            report.copied += 1
            report.bytes_copied += copy.size_bytes
        address_field = "image_url" if row.model is ImageEdit else "url"
        # Conditional: a row someone changed meanwhile (deleted, re-stored) is not overwritten.
        await row.model.filter(id=row.id, **{address_field: row.address}).update(
            **{address_field: target.url_for(row.key)}
        )
    log.info(
        "storage move to %s: %d objects copied (%d bytes), %d missing, %d failed",
        target.location,
        report.copied,
        report.bytes_copied,
        len(report.missing),
        len(report.failed),
    )
    return report
