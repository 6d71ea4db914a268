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
from tortoise.models import Model

from models.enums import GenerationMode
from models.owned import OwnedModel

if TYPE_CHECKING:
    from models.generation import ImageEdit
    from models.projects import Project
    from models.users import User


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
    like_count = fields.IntField(default=0, description="Likes (one per user), kept with each like in one transaction")
    report_count = fields.IntField(default=0, description="Users who reported it")
    hidden_at = fields.DatetimeField(null=True, description="Hidden from the public gallery by an administrator")

    class Meta:
        table = "playground_gallery"
        unique_together = (("owner_id", "image_edit_id"),)
        indexes = (
            ("owner_id", "created_at"),
            ("is_public", "created_at"),
            ("owner_id", "is_favorite", "created_at"),
            ("owner_id", "project_id", "created_at"),
            ("is_public", "like_count"),
        )


class GalleryLike(Model):
    """One user's like of a public gallery item (at most one per user and item)."""

    id = fields.UUIDField(primary_key=True)
    item_id: uuid.UUID
    item: fields.ForeignKeyRelation[GalleryItem] = fields.ForeignKeyField(
        "models.GalleryItem", related_name="likes", on_delete=fields.CASCADE
    )
    user_id: uuid.UUID
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="gallery_likes", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "playground_gallery_likes"
        unique_together = (("item_id", "user_id"),)
        indexes = (("user_id", "created_at"),)


class GalleryReport(Model):
    """A user's report of a public gallery item, for administrators to review (one per user and item)."""

    id = fields.UUIDField(primary_key=True)
    item_id: uuid.UUID
    item: fields.ForeignKeyRelation[GalleryItem] = fields.ForeignKeyField(
        "models.GalleryItem", related_name="reports", on_delete=fields.CASCADE
    )
    reporter_id: uuid.UUID
    reporter: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="gallery_reports", on_delete=fields.CASCADE
    )
    reason = fields.CharField(max_length=500, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "playground_gallery_reports"
        unique_together = (("item_id", "reporter_id"),)


class GalleryCollection(OwnedModel):
    """A named collection of the owner's gallery items (like InvokeAI's boards); an item can be in several."""

    id = fields.UUIDField(primary_key=True)
    owner_related_name = "gallery_collections"
    name = fields.CharField(max_length=120)
    description = fields.TextField(default="")

    class Meta:
        table = "playground_gallery_collections"
        unique_together = (("owner_id", "name"),)
        indexes = (("owner_id", "created_at"),)


class GalleryCollectionItem(Model):
    """One gallery item in one collection (at most once)."""

    id = fields.UUIDField(primary_key=True)
    collection_id: uuid.UUID
    collection: fields.ForeignKeyRelation[GalleryCollection] = fields.ForeignKeyField(
        "models.GalleryCollection", related_name="entries", on_delete=fields.CASCADE
    )
    item_id: uuid.UUID
    item: fields.ForeignKeyRelation[GalleryItem] = fields.ForeignKeyField(
        "models.GalleryItem", related_name="collection_entries", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "playground_gallery_collection_items"
        unique_together = (("collection_id", "item_id"),)
        indexes = (("item_id",),)
