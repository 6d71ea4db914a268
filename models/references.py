"""Reference images a user uploaded or that we fetched for them, kept in our storage."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.users import User


class ReferenceImage(Model):
    id = fields.UUIDField(primary_key=True)
    owner_id: uuid.UUID
    owner: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="reference_images", on_delete=fields.CASCADE
    )
    storage_key = fields.CharField(max_length=255)
    url = fields.CharField(max_length=1024)
    source_url = fields.CharField(max_length=2048, null=True, description="Where we fetched it from, if fetched")
    width = fields.IntField()
    height = fields.IntField()
    content_type = fields.CharField(max_length=64)
    size_bytes = fields.IntField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "playground_reference_images"
        indexes = (("owner_id", "created_at"),)
