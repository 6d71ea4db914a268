"""Style presets: reusable generation settings, private, shared by code, or public."""

from __future__ import annotations

import uuid
from typing import Any

from tortoise import fields

from models.enums import PresetVisibility
from models.owned import OwnedModel


class StylePreset(OwnedModel):
    id = fields.UUIDField(primary_key=True)
    owner_related_name = "style_presets"
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

    class Meta:
        table = "playground_style_presets"
        indexes = (("owner_id", "created_at"), ("visibility", "created_at"))
