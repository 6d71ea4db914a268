"""The gallery: images a user chose to keep, optionally public.

A gallery item copies what it is filtered and searched by from its image and batch (project, first preset, mode,
prompt) so that a filtered, searched page is one indexed query on this table. ``search_text`` (title, prompt and
tags) carries a PostgreSQL full-text GIN index written by hand in the migration (aerich cannot express it);
``tags_text`` holds the tags as ``|tag|tag|`` so a tag filter is a plain string match on both dialects (JSON filters
do not work on SQLite).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from tortoise import fields

from models.enums import GenerationMode
from models.owned import OwnedModel

if TYPE_CHECKING:
    from models.generation import ImageEdit
    from models.projects import Project


class GalleryItem(OwnedModel):
    id = fields.UUIDField(primary_key=True)
    owner_related_name = "gallery_items"
    image_edit_id: uuid.UUID
    image_edit: fields.ForeignKeyRelation[ImageEdit] = fields.ForeignKeyField(
        "models.ImageEdit", related_name="gallery_items", on_delete=fields.CASCADE
    )
    project_id: uuid.UUID | None
    project: fields.ForeignKeyNullableRelation[Project] = fields.ForeignKeyField(
        "models.Project", related_name="gallery_items", null=True, on_delete=fields.CASCADE
    )
    style_preset_id = fields.UUIDField(null=True, description="The first preset of the batch (a copy, for filters)")
    mode = fields.CharEnumField(GenerationMode, max_length=32, default=GenerationMode.TEXT_TO_IMAGE)
    prompt = fields.CharField(
        max_length=2000, default="", description="The image's prompt as the user wrote it (a copy)"
    )
    title = fields.CharField(max_length=200, default="")
    description = fields.TextField(default="")
    tags: fields.JSONField[list[Any]] = fields.JSONField(default=list)
    tags_text = fields.CharField(max_length=1000, default="", description="The tags as |tag|tag|, for filters")
    search_text = fields.CharField(
        max_length=3400, default="", description="Title, prompt and tags: what full-text search reads"
    )
    is_public = fields.BooleanField(default=False)
    is_favorite = fields.BooleanField(default=False)

    class Meta:
        table = "playground_gallery"
        unique_together = (("owner_id", "image_edit_id"),)
        indexes = (
            ("owner_id", "created_at"),
            ("is_public", "created_at"),
            ("owner_id", "is_favorite", "created_at"),
            ("owner_id", "project_id", "created_at"),
        )
