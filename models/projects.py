"""Projects: a user's folder for generations."""

from __future__ import annotations

from typing import Any

from tortoise import fields

from models.enums import GenerationMode, ProcessingStatus
from models.owned import OwnedModel


class Project(OwnedModel):
    id = fields.UUIDField(primary_key=True)
    owner_related_name = "projects"
    name = fields.CharField(max_length=120)
    description = fields.TextField(default="")
    generation_type = fields.CharEnumField(GenerationMode, max_length=32, null=True)
    batch_size = fields.IntField(default=1)
    style_presets: fields.JSONField[list[Any]] = fields.JSONField(
        default=list, description="Ids of the presets used in this project"
    )
    processing_status = fields.CharEnumField(ProcessingStatus, max_length=16, default=ProcessingStatus.IDLE)
    metadata: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)

    class Meta:
        table = "playground_projects"
        indexes = (("owner_id", "created_at"), ("owner_id", "processing_status"))
