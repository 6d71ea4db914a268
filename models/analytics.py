"""Usage analytics: one row per finished image attempt, kept when the things it points at are deleted."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from models.enums import ErrorCategory, GenerationMode

if TYPE_CHECKING:
    from models.generation import BatchJob
    from models.presets import StylePreset
    from models.projects import Project
    from models.users import User


class UsageEvent(Model):
    id = fields.UUIDField(primary_key=True)
    user_id: uuid.UUID
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="usage_events", on_delete=fields.CASCADE
    )
    project_id: uuid.UUID | None
    project: fields.ForeignKeyNullableRelation[Project] = fields.ForeignKeyField(
        "models.Project", related_name="usage_events", null=True, on_delete=fields.SET_NULL
    )
    batch_job_id: uuid.UUID | None
    batch_job: fields.ForeignKeyNullableRelation[BatchJob] = fields.ForeignKeyField(
        "models.BatchJob", related_name="usage_events", null=True, on_delete=fields.SET_NULL
    )
    style_preset_id: uuid.UUID | None
    style_preset: fields.ForeignKeyNullableRelation[StylePreset] = fields.ForeignKeyField(
        "models.StylePreset", related_name="usage_events", null=True, on_delete=fields.SET_NULL
    )
    mode = fields.CharEnumField(GenerationMode, max_length=32)
    size_tier = fields.CharField(max_length=8)
    succeeded = fields.BooleanField()
    images = fields.IntField(default=0)
    credits = fields.IntField(default=0)
    processing_time_ms = fields.IntField(null=True)
    error_category = fields.CharEnumField(ErrorCategory, max_length=20, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "playground_usage_analytics"
        indexes = (("user_id", "created_at"), ("batch_job_id",))
