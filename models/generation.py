"""Batch jobs and the image edits (one per requested image) they produce."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

from models.enums import BatchStatus, EditStatus, ErrorCategory, GenerationMode, ProviderCallState, SizeTier
from models.owned import OwnedModel

if TYPE_CHECKING:
    from models.projects import Project


class BatchJob(OwnedModel):
    """One ``generate`` call: the job of record (the queue only carries its id)."""

    id = fields.UUIDField(primary_key=True)
    owner_related_name = "batch_jobs"
    project_id: uuid.UUID
    project: fields.ForeignKeyRelation[Project] = fields.ForeignKeyField(
        "models.Project", related_name="batch_jobs", on_delete=fields.CASCADE
    )
    style_preset_id: uuid.UUID | None
    # Typed as any model: presets build on batches (models.presets imports this module), never the reverse; the
    # relation is only ever read through ``style_preset_id``.
    style_preset: fields.ForeignKeyNullableRelation[Model] = fields.ForeignKeyField(
        "models.StylePreset", related_name="batch_jobs", null=True, on_delete=fields.SET_NULL
    )
    retried_from_id: uuid.UUID | None
    retried_from: fields.ForeignKeyNullableRelation[BatchJob] = fields.ForeignKeyField(
        "models.BatchJob", related_name="retries", null=True, on_delete=fields.SET_NULL
    )
    # Remix lineage, plain columns (no foreign keys) so that it survives the origin being deleted or turning private.
    remixed_from_image_id = fields.UUIDField(null=True, description="The image this batch remixes")
    remixed_from_item_id = fields.UUIDField(null=True, description="The public gallery item it was remixed from")
    remixed_from_author = fields.CharField(
        max_length=120, null=True, description="The origin's author's display name, when another user's"
    )
    mode = fields.CharEnumField(GenerationMode, max_length=32)
    status = fields.CharEnumField(BatchStatus, max_length=20, default=BatchStatus.QUEUED)
    prompts: fields.JSONField[list[Any]] = fields.JSONField(default=list)
    parameters: fields.JSONField[dict[str, Any]] = fields.JSONField(
        default=dict, description="Size, counts, seed, references, preset settings"
    )
    width = fields.IntField()
    height = fields.IntField()
    size_tier = fields.CharEnumField(SizeTier, max_length=4, default=SizeTier.K2, description="Price tier of the size")
    total_images = fields.IntField()
    completed_images = fields.IntField(default=0)
    failed_images = fields.IntField(default=0)
    credits_reserved = fields.IntField(default=0)
    credits_captured = fields.IntField(default=0)
    credits_refunded = fields.IntField(default=0)
    event_seq = fields.IntField(default=0, description="Sequence number of the last published event")
    idempotency_key = fields.CharField(max_length=200, null=True)
    request_fingerprint = fields.CharField(
        max_length=64, null=True, description="SHA-256 of the request's parameters, to tell a retry from a reuse"
    )
    provider = fields.CharField(max_length=32, default="")
    error_message = fields.TextField(null=True)
    started_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)
    lease_owner = fields.CharField(
        max_length=80,
        null=True,
        description="Who works on the open batch now: a runner, or a reconciler handing it back",
    )
    lease_until = fields.DatetimeField(null=True, description="The lease is live until then (renewed while held)")
    handbacks = fields.IntField(default=0, description="Times the reconciler handed the batch back to the queue")

    class Meta:
        table = "playground_batch_jobs"
        unique_together = (("owner_id", "idempotency_key"),)
        indexes = (
            ("owner_id", "created_at"),
            ("owner_id", "status"),
            ("project_id", "created_at"),
            ("status",),
        )


class BatchItem(Model):
    """One provider call of a batch job: a single image, or a consistent set of up to 15."""

    id = fields.UUIDField(primary_key=True)
    batch_job_id: uuid.UUID
    batch_job: fields.ForeignKeyRelation[BatchJob] = fields.ForeignKeyField(
        "models.BatchJob", related_name="items", on_delete=fields.CASCADE
    )
    # A plain column, not a self-referencing foreign key: aerich cannot add a table that references itself.
    retried_from_item_id = fields.UUIDField(null=True, description="The item this one retries")
    item_index = fields.IntField()
    prompt = fields.TextField(description="The prompt sent to the provider (style preset applied)")
    max_images = fields.IntField(default=1)
    seed = fields.BigIntField(null=True)
    status = fields.CharEnumField(EditStatus, max_length=16, default=EditStatus.PENDING)
    attempts = fields.IntField(default=0)
    error_category = fields.CharEnumField(ErrorCategory, max_length=20, null=True)
    error_code = fields.CharField(max_length=64, null=True)
    error_message = fields.TextField(null=True)
    processing_time_ms = fields.IntField(null=True)
    api_response: fields.JSONField[Any] = fields.JSONField(null=True)
    provider_task_id = fields.CharField(
        max_length=128, null=True, description="The provider's task for this item (WaveSpeed), stored before polling"
    )
    provider_task_slots: fields.JSONField[list[int] | None] = fields.JSONField(
        null=True, description="Slot indexes the task's outputs map to while it still has to be polled (resume)"
    )
    provider_request_id = fields.CharField(
        max_length=128, null=True, description="Our id of the item's latest provider request, recorded before it leaves"
    )
    provider_name = fields.CharField(max_length=32, null=True, description="The provider of the latest call")
    provider_call_state = fields.CharEnumField(
        ProviderCallState, max_length=16, null=True, description="Where the latest provider call stands"
    )
    provider_call_attempt = fields.IntField(default=0, description="The attempt that made the latest call")
    provider_purchases = fields.IntField(
        default=0, description="Calls that may have been billed (sent, and not documented as failed and refunded)"
    )
    provider_unknown_at = fields.DatetimeField(null=True, description="When a call's outcome last became unknown")
    outcome_unknown = fields.TextField(
        null=True, description="Calls whose outcome was unknown (possibly billed), one line each"
    )
    started_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "playground_batch_items"
        unique_together = (("batch_job_id", "item_index"),)
        indexes = (("status", "finished_at"), ("provider_call_state", "provider_unknown_at"))


class ImageEdit(OwnedModel):
    """One requested image: its inputs, its outcome and where it is stored."""

    id = fields.UUIDField(primary_key=True)
    owner_related_name = "image_edits"
    project_id: uuid.UUID
    project: fields.ForeignKeyRelation[Project] = fields.ForeignKeyField(
        "models.Project", related_name="image_edits", on_delete=fields.CASCADE
    )
    batch_job_id: uuid.UUID | None
    batch_job: fields.ForeignKeyNullableRelation[BatchJob] = fields.ForeignKeyField(
        "models.BatchJob", related_name="image_edits", null=True, on_delete=fields.CASCADE
    )
    item_id: uuid.UUID | None
    item: fields.ForeignKeyNullableRelation[BatchItem] = fields.ForeignKeyField(
        "models.BatchItem", related_name="image_edits", null=True, on_delete=fields.CASCADE
    )
    batch_index = fields.IntField(default=0)
    slot_index = fields.IntField(default=0, description="Position within its item's set")
    mode = fields.CharEnumField(GenerationMode, max_length=32)
    prompt = fields.TextField()
    final_prompt = fields.TextField(null=True, description="The prompt sent to the provider (presets applied)")
    style_name = fields.CharField(max_length=120, null=True)
    source_images: fields.JSONField[list[Any]] = fields.JSONField(
        default=list, description="Reference images (URLs in our storage)"
    )
    size = fields.CharField(max_length=16, description="Requested size as WxH")
    seed = fields.BigIntField(null=True)
    status = fields.CharEnumField(EditStatus, max_length=16, default=EditStatus.PENDING)
    attempts = fields.IntField(default=0)
    image_key = fields.CharField(max_length=255, null=True, description="Storage key of the result")
    image_url = fields.CharField(max_length=1024, null=True)
    width = fields.IntField(null=True)
    height = fields.IntField(null=True)
    content_type = fields.CharField(max_length=64, null=True)
    size_bytes = fields.IntField(null=True)
    processing_time_ms = fields.IntField(null=True)
    api_response: fields.JSONField[Any] = fields.JSONField(null=True)
    error_category = fields.CharEnumField(ErrorCategory, max_length=20, null=True)
    error_code = fields.CharField(max_length=64, null=True)
    error_message = fields.TextField(null=True)
    credits = fields.IntField(default=0, description="Credits charged for this image")

    class Meta:
        table = "playground_image_edits"
        indexes = (("owner_id", "created_at"), ("batch_job_id", "batch_index"), ("project_id", "created_at"))
