"""The account room: a user's data as a whole. ``AccountExport`` is one archive of it (``meExport``)."""

from __future__ import annotations

from tortoise import fields

from models.enums import ExportStatus
from models.owned import OwnedModel


class AccountExport(OwnedModel):
    id = fields.UUIDField(primary_key=True)
    owner_related_name = "account_exports"
    status = fields.CharEnumField(ExportStatus, max_length=16, default=ExportStatus.QUEUED)
    storage_key = fields.CharField(max_length=255, null=True, description="The archive's key once it is stored")
    size_bytes = fields.BigIntField(null=True)
    expires_at = fields.DatetimeField(null=True, description="Until when the archive is kept (set when READY)")
    error = fields.CharField(max_length=500, null=True)

    class Meta:
        table = "playground_account_exports"
        indexes = (("owner_id", "created_at"), ("status", "expires_at"))
