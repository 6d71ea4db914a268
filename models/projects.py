"""Projects: a user's folder for generations."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

from models.enums import GenerationMode, ProcessingStatus

if TYPE_CHECKING:
    from models.users import User


class Project(Model):
    id = fields.UUIDField(primary_key=True)
    owner_id: uuid.UUID
    owner: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="projects", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=120)
    description = fields.TextField(default="")
    generation_type = fields.CharEnumField(GenerationMode, max_length=32, null=True)
    batch_size = fields.IntField(default=1)
    style_presets: fields.JSONField[list[Any]] = fields.JSONField(
        default=list, description="Ids of the presets used in this project"
    )
    processing_status = fields.CharEnumField(ProcessingStatus, max_length=16, default=ProcessingStatus.IDLE)
    metadata: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "playground_projects"
        indexes = (("owner_id", "created_at"), ("owner_id", "processing_status"))
