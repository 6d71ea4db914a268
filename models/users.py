"""Users: one row per authenticated subject, holding the credit balance."""

from tortoise import fields
from tortoise.models import Model

from models.enums import Role


class User(Model):
    id = fields.UUIDField(primary_key=True)
    subject = fields.CharField(max_length=255, unique=True, description="The JWT `sub` claim")
    email = fields.CharField(max_length=320, null=True)
    display_name = fields.CharField(
        max_length=80, default="", description="Shown to other users; from the token's name, never its email"
    )
    role = fields.CharEnumField(Role, max_length=16, default=Role.USER)
    credits = fields.IntField(default=0, description="Spendable balance; always the sum of the ledger")
    credits_held = fields.IntField(default=0, description="Credits on hold; always the sum of the ledger's held_delta")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "users"
