"""Reference images a user uploaded or that we fetched for them, kept in our storage."""

from __future__ import annotations

from tortoise import fields

from models.owned import OwnedModel


class Upload(OwnedModel):
    id = fields.UUIDField(primary_key=True)
    owner_related_name = "reference_images"
    storage_key = fields.CharField(max_length=255)
    url = fields.CharField(max_length=1024)
    source_url = fields.CharField(max_length=2048, null=True, description="Where we fetched it from, if fetched")
    width = fields.IntField()
    height = fields.IntField()
    content_type = fields.CharField(max_length=64)
    size_bytes = fields.IntField()

    class Meta:
        table = "playground_reference_images"
        indexes = (("owner_id", "created_at"),)
