"""Remixing: where a remixed batch came from, what it may reuse, and the parameters of another user's public image.

A generate request names its origin with ``remix_of_image_id`` (one of the caller's images) or
``remix_of_gallery_item_id`` (a public gallery item, anyone's). The batch records the image, the item and, for
another user's image, the author's display name as the remixer saw it (plain columns: the lineage survives the
origin being deleted or made private).

Presets: a remix of one's own image may use a preset deleted since, at the version the image recorded (that
version is immutable and kept), and only at it. A remix of another user's image may use only the presets the
remixer can read now (public or their own); ``public_remix_of`` leaves the others out, and the author's reference
uploads (they are not the remixer's) too, saying how many.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from models import BatchItem, BatchJob, GalleryItem, ImageEdit, StylePreset, User
from services import access
from services.core.errors import InvalidInput, NotFound
from services.core.ids import parse_id
from services.generation import reads


@dataclass(frozen=True, slots=True)
class RemixOrigin:
    image_id: uuid.UUID
    item_id: uuid.UUID | None
    author: str | None
    """The author's display name, when the image is another user's."""
    recorded: frozenset[tuple[uuid.UUID, int]] = frozenset()
    """(preset, version) pairs the origin recorded that this remix may use even if the preset is deleted."""


def _recorded(batch: BatchJob | None) -> frozenset[tuple[uuid.UUID, int]]:
    if batch is None:
        return frozenset()
    pairs = set()
    for use in reads.presets_used(batch):
        ident = parse_id(use.preset_id)
        if ident is not None and use.version is not None:
            pairs.add((ident, use.version))
    return frozenset(pairs)


async def origin(user: User, image_id: str | None, item_id: str | None) -> RemixOrigin | None:
    """The origin a request names (at most one of the two), checked; None when it names none."""
    if image_id is not None and item_id is not None:
        raise InvalidInput(
            "give remixOfImageId or remixOfGalleryItemId, not both", ["input", "remix_of_gallery_item_id"]
        )
    if image_id is not None:
        image = await access.find_viewable(ImageEdit, user.id, image_id)
        if image is None:
            raise NotFound("image not found", ["input", "remix_of_image_id"])
        batch = await BatchJob.get_or_none(id=image.batch_job_id) if image.batch_job_id else None
        return RemixOrigin(image_id=image.id, item_id=None, author=None, recorded=_recorded(batch))
    if item_id is not None:
        ident = parse_id(item_id)
        item = await access.public(GalleryItem).get_or_none(id=ident).select_related("owner") if ident else None
        if item is None:
            item = await access.find_owned(GalleryItem, user.id, item_id)
        if item is None:
            raise NotFound("gallery item not found", ["input", "remix_of_gallery_item_id"])
        own = item.owner_id == user.id
        image = await ImageEdit.get(id=item.image_edit_id)
        batch = await BatchJob.get_or_none(id=image.batch_job_id) if own and image.batch_job_id else None
        return RemixOrigin(
            image_id=image.id,
            item_id=item.id,
            author=None if own else item.owner.display_name,
            recorded=_recorded(batch),
        )
    return None


@dataclass(frozen=True, slots=True)
class PublicRemix:
    """What another user may reuse of a public image: its parameters without the author's uploads and without the
    presets the reader cannot read."""

    parameters: reads.RemixParameters
    references_left_out: int
    presets_left_out: int


async def public_remix_of(item: GalleryItem, reader: User | None) -> PublicRemix:
    """The remix parameters of a public item (``image_edit`` loaded) for ``reader`` (None: anonymous)."""
    image = item.image_edit
    batch = await BatchJob.get_or_none(id=image.batch_job_id) if image.batch_job_id else None
    provider_call = await BatchItem.get_or_none(id=image.item_id) if image.item_id else None
    full = reads.remix_of(image, batch, provider_call)
    own = reader is not None and reader.id == item.owner_id
    if own:
        return PublicRemix(parameters=full, references_left_out=0, presets_left_out=0)
    wanted = [ident for ident in (parse_id(use.preset_id) for use in full.presets) if ident is not None]
    readable = access.viewable(StylePreset, reader.id) if reader else access.public(StylePreset)
    visible = {str(i) for i in await readable.filter(id__in=wanted).values_list("id", flat=True)}
    presets = [use for use in full.presets if use.preset_id in visible]
    kept = reads.RemixParameters(
        project_id=full.project_id,
        mode=full.mode,
        prompt=full.prompt,
        max_images=full.max_images,
        size=full.size,
        seed=full.seed,
        references=[],
        presets=presets,
    )
    return PublicRemix(
        parameters=kept,
        references_left_out=len(full.references),
        presets_left_out=len(full.presets) - len(presets),
    )
