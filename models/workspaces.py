"""Workspaces: where users work together. Every user has a personal one; anyone may make team workspaces.

A workspace has one owner (``owner_id``, also an OWNER member), members with a role each (one membership per
workspace and user), and invitations: single-use links whose token is stored only as its SHA-256
(``token_hash``). Who may do what is decided in ``services.access``.
"""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from models.owned import OwnedModel

if TYPE_CHECKING:
    from models.users import User


class WorkspaceKind(StrEnum):
    PERSONAL = "PERSONAL"
    TEAM = "TEAM"


class WorkspaceRole(StrEnum):
    """A member's role, from most to least: the owner, admins, editors, viewers."""

    OWNER = "OWNER"
    ADMIN = "ADMIN"
    EDITOR = "EDITOR"
    VIEWER = "VIEWER"


class Workspace(OwnedModel):
    id = fields.UUIDField(primary_key=True)
    owner_related_name = "workspaces"
    name = fields.CharField(max_length=120)
    kind = fields.CharEnumField(WorkspaceKind, max_length=16, default=WorkspaceKind.TEAM)

    class Meta:
        table = "workspaces"
        indexes = (("owner_id", "kind"),)


class WorkspaceMember(Model):
    id = fields.UUIDField(primary_key=True)
    workspace_id: uuid.UUID
    workspace: fields.ForeignKeyRelation[Workspace] = fields.ForeignKeyField(
        "models.Workspace", related_name="members", on_delete=fields.CASCADE
    )
    user_id: uuid.UUID
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="workspace_memberships", on_delete=fields.CASCADE
    )
    role = fields.CharEnumField(WorkspaceRole, max_length=16)
    created_at = fields.DatetimeField(auto_now_add=True, description="When the user joined")

    class Meta:
        table = "workspace_members"
        unique_together = (("workspace_id", "user_id"),)
        indexes = (("user_id", "created_at"),)


class WorkspaceInvitation(Model):
    id = fields.UUIDField(primary_key=True)
    workspace_id: uuid.UUID
    workspace: fields.ForeignKeyRelation[Workspace] = fields.ForeignKeyField(
        "models.Workspace", related_name="invitations", on_delete=fields.CASCADE
    )
    role = fields.CharEnumField(WorkspaceRole, max_length=16, description="The role the invitee gets (never OWNER)")
    token_hash = fields.CharField(max_length=64, unique=True, description="SHA-256 of the link's token, hex")
    email = fields.CharField(
        max_length=320, null=True, description="Only the account with this email may accept (lower case); null: any"
    )
    expires_at = fields.DatetimeField(description="Refused from this time on")
    created_by_id: uuid.UUID
    created_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="workspace_invitations_sent", on_delete=fields.CASCADE
    )
    accepted_by_id: uuid.UUID | None
    accepted_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="workspace_invitations_accepted", on_delete=fields.SET_NULL, null=True
    )
    accepted_at = fields.DatetimeField(null=True, description="When it was used (it is single-use)")
    revoked_at = fields.DatetimeField(null=True, description="Refused from this time on")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "workspace_invitations"
        indexes = (("workspace_id", "created_at"),)
