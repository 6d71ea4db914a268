"""API keys: long-lived credentials a user makes for their servers, each limited to a set of scopes.

Only a keyed hash of a key is stored (``secret_hash``, unique: a lookup by hash is one indexed read); ``prefix`` is
the start of the key as shown in lists, so its owner can tell keys apart. ``last_used_at``/``last_used_address`` are
written at most about once a minute per key (``services.keys``), not per request.
"""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from models.owned import OwnedModel


class ApiKeyScope(StrEnum):
    """What a key may reach. A session (a JWT) reaches everything its user may; a key only its scopes' fields."""

    READ = "READ"
    GENERATE = "GENERATE"
    PRESETS = "PRESETS"
    GALLERY = "GALLERY"
    WEBHOOKS = "WEBHOOKS"
    ANALYTICS = "ANALYTICS"


class ApiKey(OwnedModel):
    id = fields.UUIDField(primary_key=True)
    owner_related_name = "api_keys"
    name = fields.CharField(max_length=80, description="The owner's name for the key")
    prefix = fields.CharField(max_length=16, description="The key's first characters, shown in lists")
    secret_hash = fields.CharField(max_length=64, unique=True, description="HMAC-SHA256 of the whole key, hex")
    scopes: fields.Field[list[str]] = fields.JSONField(default=list, description="ApiKeyScope values")
    expires_at = fields.DatetimeField(null=True, description="Refused from this time on; null: never expires")
    revoked_at = fields.DatetimeField(null=True, description="Refused from this time on")
    last_used_at = fields.DatetimeField(null=True, description="About when it was last used (to the minute)")
    last_used_address = fields.CharField(max_length=64, null=True, description="The client address of that use")

    class Meta:
        table = "api_keys"
