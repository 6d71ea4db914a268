"""Style presets: reusable generation settings, private, shared by code, or public."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

from models.enums import PresetVisibility

if TYPE_CHECKING:
    from models.users import User


class StylePreset(Model):
    id = fields.UUIDField(primary_key=True)
    owner_id: uuid.UUID
    owner: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="style_presets", on_delete=fields.CASCADE
    )
    forked_from_id: uuid.UUID | None
    forked_from: fields.ForeignKeyNullableRelation[StylePreset] = fields.ForeignKeyField(
        "models.StylePreset", related_name="forks", null=True, on_delete=fields.SET_NULL
    )
    name = fields.CharField(max_length=120)
    description = fields.TextField(default="")
    prompt_template = fields.TextField(default="{prompt}")
    parameters: fields.JSONField[dict[str, Any]] = fields.JSONField(
        default=dict, description="Generation settings the preset carries"
    )
    default_intensity = fields.FloatField(default=1.0)
    visibility = fields.CharEnumField(PresetVisibility, max_length=16, default=PresetVisibility.PRIVATE)
    share_code = fields.CharField(max_length=32, unique=True, null=True)
    version = fields.IntField(default=1)
    usage_count = fields.IntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "playground_style_presets"
        indexes = (("owner_id", "created_at"), ("visibility", "created_at"))
