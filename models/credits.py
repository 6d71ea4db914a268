"""The credit ledger: an append-only record whose amounts sum to each user's balance."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from models.enums import LedgerKind

if TYPE_CHECKING:
    from models.users import User


class CreditLedgerEntry(Model):
    id = fields.UUIDField(primary_key=True)
    # RESTRICT: a ledger is never deleted with anything else.
    user_id: uuid.UUID
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="ledger_entries", on_delete=fields.RESTRICT
    )
    amount = fields.IntField(description="Change of the spendable balance (negative for a hold)")
    held_delta = fields.IntField(default=0, description="Change of the credits on hold")
    kind = fields.CharEnumField(LedgerKind, max_length=16)
    balance_after = fields.IntField()
    reference = fields.CharField(max_length=64, null=True, description="What it is for, e.g. a batch job id")
    description = fields.CharField(max_length=500, default="")
    idempotency_key = fields.CharField(max_length=200, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "credit_ledger"
        indexes = (("user_id", "created_at"), ("reference",))
