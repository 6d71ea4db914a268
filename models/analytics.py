"""Usage analytics: kept when the things a row points at are deleted.

Two kinds of row (``UsageKind``):

- ``IMAGE``: one per settled image, written by ``services.generation.settlement`` in the transaction that settles it
  (status change plus ledger entry), so its credits always equal the ledger's capture or refund for that image;
- ``CALL``: one per provider call attempt, written by the runner when the attempt ends (latency, outcome and error
  rates per provider; no credits).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

from models.enums import ErrorCategory, GenerationMode, UsageKind, UsageOutcome

if TYPE_CHECKING:
    from models.generation import BatchJob
    from models.presets import StylePreset
    from models.projects import Project
    from models.users import User


class UsageEvent(Model):
    id = fields.UUIDField(primary_key=True)
    kind = fields.CharEnumField(UsageKind, max_length=8, default=UsageKind.IMAGE)
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
    presets: fields.JSONField[list[Any] | None] = fields.JSONField(
        null=True, description="The presets used: [{presetId, version, weight, intensity}]"
    )
    # Plain columns, not foreign keys: the row outlives the image or provider call it describes.
    image_edit_id = fields.UUIDField(null=True, description="The image (IMAGE rows)")
    item_id = fields.UUIDField(null=True, description="The provider call's batch item")
    provider = fields.CharField(max_length=32, default="")
    mode = fields.CharEnumField(GenerationMode, max_length=32)
    size_tier = fields.CharField(max_length=8)
    outcome = fields.CharEnumField(UsageOutcome, max_length=16, default=UsageOutcome.SUCCEEDED)
    images_requested = fields.IntField(default=0)
    images_delivered = fields.IntField(default=0)
    credits_captured = fields.IntField(default=0)
    credits_refunded = fields.IntField(default=0)
    processing_time_ms = fields.IntField(null=True)
    error_category = fields.CharEnumField(ErrorCategory, max_length=20, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "playground_usage_analytics"
        indexes = (("user_id", "kind", "created_at"), ("kind", "created_at"), ("batch_job_id",))
