"""A preset's reference images as the reader's own uploads: a fork copies them, an import re-creates them.

A preset holds upload ids (rows of ``playground_reference_images``) of its owner. A fork of someone else's preset
owns copies, so that the author deleting an upload no longer takes the fork's reference away; an imported document
carries the images' bytes, which become the importer's uploads after the same checks as any upload.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from models import Upload, User
from services.core.errors import InvalidInputs, UserFacingError
from services.generation.references import ReferenceRejected, sanitize_image
from services.infra import decoding
from services.infra.storage import ObjectNotFound, Storage
from services.presets.documents import EmbeddedImage


async def _keep(user: User, data: bytes, content_type: str, width: int, height: int, storage: Storage) -> str:
    stored = await storage.put(data, content_type, prefix="references")
    try:
        row = await Upload.create(
            id=uuid.uuid4(),
            owner_id=user.id,
            storage_key=stored.key,
            url=stored.url,
            width=width,
            height=height,
            content_type=content_type,
            size_bytes=stored.size_bytes,
        )
    except BaseException:
        await storage.delete(stored.key)
        raise
    return str(row.id)


async def copy_uploads(user: User, reference_ids: Sequence[str], storage: Storage) -> list[str]:
    """``user``'s own copies of the uploads, in order; ones already ``user``'s stay as they are, deleted ones are
    skipped (the source no longer sends them either)."""
    ids = [uuid.UUID(str(r)) for r in reference_ids]
    rows = {row.id: row for row in await Upload.filter(id__in=ids)}
    copies: list[str] = []
    for ident in ids:
        row = rows.get(ident)
        if row is None:
            continue
        if row.owner_id == user.id:
            copies.append(str(row.id))
            continue
        try:
            data = await storage.get(row.storage_key)
        except ObjectNotFound:
            continue
        copies.append(await _keep(user, data, row.content_type, row.width, row.height, storage))
    return copies


async def check_embedded(images: Sequence[EmbeddedImage]) -> list[tuple[bytes, str, int, int]]:
    """Each embedded image checked and cleaned like an upload (type, size, pixels, metadata stripped), in order;
    ``InvalidInputs`` naming every bad one (their ``reason``: ``NOT_AN_IMAGE``, ``TOO_LARGE``...)."""
    cleaned: list[tuple[bytes, str, int, int]] = []
    problems: list[UserFacingError] = []
    for image in images:
        try:
            data, info = await decoding.run(sanitize_image, image.data)
        except ReferenceRejected as rejected:
            rejected.field = list(image.field)
            problems.append(rejected)
            continue
        cleaned.append((data, info.content_type, info.width, info.height))
    if problems:
        raise InvalidInputs(problems)
    return cleaned


async def keep_embedded(user: User, cleaned: Sequence[tuple[bytes, str, int, int]], storage: Storage) -> list[str]:
    """The checked images kept as ``user``'s uploads; their ids in order."""
    return [
        await _keep(user, data, content_type, width, height, storage) for data, content_type, width, height in cleaned
    ]
