"""Style presets: reusable generation settings with immutable versions, shared by code or publicly, and the record
of which presets (and versions, weights, intensities) each batch used."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

from models.enums import GenerationMode, PresetVisibility, SizeTier
from models.owned import OwnedModel

if TYPE_CHECKING:
    from models.generation import BatchJob


class StylePreset(OwnedModel):
    """A preset and a copy of its current version's settings (what lists, search and defaults read)."""

    id = fields.UUIDField(primary_key=True)
    owner_related_name = "style_presets"
    forked_from_id: uuid.UUID | None
    forked_from: fields.ForeignKeyNullableRelation[StylePreset] = fields.ForeignKeyField(
        "models.StylePreset", related_name="forks", null=True, on_delete=fields.SET_NULL
    )
    # What the forker saw of the origin when forking: lineage that survives the origin turning private or deleted.
    forked_from_name = fields.CharField(max_length=120, null=True, description="The origin's name when forked")
    forked_from_author = fields.CharField(
        max_length=120, null=True, description="The origin's author's display name when forked"
    )
    forked_from_version = fields.IntField(null=True, description="The origin's version the fork copied")
    name = fields.CharField(max_length=120)
    description = fields.TextField(default="")
    tags: fields.JSONField[list[Any]] = fields.JSONField(default=list)
    tags_text = fields.CharField(
        max_length=800, default="", description="The tags as ',a,b,' so that every database can filter on them"
    )
    prompt_template = fields.TextField(default="{prompt}")
    prompt_suffix = fields.TextField(default="")
    default_mode = fields.CharEnumField(GenerationMode, max_length=32, null=True)
    default_size = fields.CharField(max_length=16, null=True, description="WxH")
    default_aspect_ratio = fields.CharField(max_length=8, null=True)
    default_resolution = fields.CharEnumField(SizeTier, max_length=4, null=True)
    max_images = fields.IntField(null=True, description="Default images per set (set modes)")
    reference_ids: fields.JSONField[list[Any]] = fields.JSONField(
        default=list, description="Style reference images (ids of playground_reference_images), in order"
    )
    default_intensity = fields.FloatField(default=1.0)
    visibility = fields.CharEnumField(PresetVisibility, max_length=16, default=PresetVisibility.PRIVATE)
    share_code = fields.CharField(max_length=32, unique=True, null=True)
    published_from_version = fields.IntField(
        null=True,
        description="The version current when it was last shared (UNLISTED or PUBLIC); others see versions from it on",
    )
    # The current version; and how many batches used the preset (kept with each batch's record of its presets).
    version = fields.IntField(default=1)
    usage_count = fields.IntField(default=0)
    built_in = fields.BooleanField(default=False, description="Part of the starter library; only admins edit it")
    # A plain column, not a foreign key: batches already reference presets, and Tortoise cannot create a cycle.
    preview_batch_job_id = fields.UUIDField(null=True, description="The batch whose image is the preview")
    deleted_at = fields.DatetimeField(null=True, description="Soft delete: batches that used it still show it")

    class Meta:
        table = "playground_style_presets"
        indexes = (
            ("owner_id", "created_at"),
            ("visibility", "created_at"),
            ("visibility", "usage_count"),
            ("built_in", "created_at"),
        )


class StylePresetVersion(Model):
    """One immutable version of a preset's settings; every update adds one."""

    id = fields.UUIDField(primary_key=True)
    preset_id: uuid.UUID
    preset: fields.ForeignKeyRelation[StylePreset] = fields.ForeignKeyField(
        "models.StylePreset", related_name="versions", on_delete=fields.CASCADE
    )
    version = fields.IntField()
    name = fields.CharField(max_length=120)
    description = fields.TextField(default="")
    tags: fields.JSONField[list[Any]] = fields.JSONField(default=list)
    prompt_template = fields.TextField(default="{prompt}")
    prompt_suffix = fields.TextField(default="")
    default_mode = fields.CharEnumField(GenerationMode, max_length=32, null=True)
    default_size = fields.CharField(max_length=16, null=True)
    default_aspect_ratio = fields.CharField(max_length=8, null=True)
    default_resolution = fields.CharEnumField(SizeTier, max_length=4, null=True)
    max_images = fields.IntField(null=True)
    reference_ids: fields.JSONField[list[Any]] = fields.JSONField(default=list)
    default_intensity = fields.FloatField(default=1.0)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "playground_style_preset_versions"
        unique_together = (("preset_id", "version"),)


class BatchPresetUse(Model):
    """A preset a batch used: exactly which version, with what weight and intensity, in composition order."""

    id = fields.UUIDField(primary_key=True)
    batch_job_id: uuid.UUID
    batch_job: fields.ForeignKeyRelation[BatchJob] = fields.ForeignKeyField(
        "models.BatchJob", related_name="preset_uses", on_delete=fields.CASCADE
    )
    preset_id: uuid.UUID | None
    preset: fields.ForeignKeyNullableRelation[StylePreset] = fields.ForeignKeyField(
        "models.StylePreset", related_name="batch_uses", null=True, on_delete=fields.SET_NULL
    )
    preset_version_id: uuid.UUID | None
    preset_version: fields.ForeignKeyNullableRelation[StylePresetVersion] = fields.ForeignKeyField(
        "models.StylePresetVersion", related_name="batch_uses", null=True, on_delete=fields.SET_NULL
    )
    version = fields.IntField()
    preset_name = fields.CharField(max_length=120)
    position = fields.IntField(description="Order in the composition, from 0 (the lead preset)")
    weight = fields.FloatField()
    intensity = fields.FloatField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "playground_batch_presets"
        unique_together = (("batch_job_id", "position"),)
        indexes = (("preset_id", "created_at"),)
