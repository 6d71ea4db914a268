"""The gallery: images a user chose to keep, optionally public."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from tortoise import fields

from models.owned import OwnedModel

if TYPE_CHECKING:
    from models.generation import ImageEdit


class GalleryItem(OwnedModel):
    id = fields.UUIDField(primary_key=True)
    owner_related_name = "gallery_items"
    image_edit_id: uuid.UUID
    image_edit: fields.ForeignKeyRelation[ImageEdit] = fields.ForeignKeyField(
        "models.ImageEdit", related_name="gallery_items", on_delete=fields.CASCADE
    )
    title = fields.CharField(max_length=200, default="")
    description = fields.TextField(default="")
    tags: fields.JSONField[list[Any]] = fields.JSONField(default=list)
    is_public = fields.BooleanField(default=False)
    is_favorite = fields.BooleanField(default=False)

    class Meta:
        table = "playground_gallery"
        unique_together = (("owner_id", "image_edit_id"),)
        indexes = (("owner_id", "created_at"), ("is_public", "created_at"))
