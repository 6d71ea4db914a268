"""Who may view, edit or own an object: the one place that scopes reads and writes to a user.

Every service query over an owned table (``models.owned.OwnedModel``: projects, batches, images, references,
presets, gallery items) starts here, so the rule lives in one module (``tests/test_architecture.py`` fails on an
owner filter written anywhere else in ``services/``). Today:

- **own** and **edit**: the owner only; a style preset of the built-in library only by administrators, and a
  deleted preset by nobody;
- **view**: the owner, and for style presets also anyone when the preset is PUBLIC; an UNLISTED preset is
  readable by anyone who has its share code (``find_shared_preset``), never by id alone.
- **public**: what anyone signed in may see of other users' work: public style presets and public gallery items
  (``public``). Callers showing public rows show only their public fields (``graph.gallery.types``).
- **workspaces** (issue 22, first phase): a workspace and its members and invitations are seen by its members only
  (``member_workspaces``, ``find_membership``); what a member may do follows their role (``may``): viewers read,
  editors also generate (from the next phase, when projects move into workspaces), admins also manage members and
  invitations and rename the workspace, the owner also deletes and transfers it. Projects, presets and the other
  owned rows are still scoped by their owner alone.

Something the caller may not see reads exactly like something that does not exist (callers answer "not found"),
so ids cannot be probed. Shared projects will change this module only.
"""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import TypeVar

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from models import (
    GalleryItem,
    PresetVisibility,
    Role,
    StylePreset,
    User,
    WebhookDelivery,
    Workspace,
    WorkspaceInvitation,
    WorkspaceMember,
    WorkspaceRole,
)
from models.owned import OwnedModel
from services.core.ids import parse_id

M = TypeVar("M", bound=OwnedModel)


def owned(model: type[M], user_id: uuid.UUID) -> QuerySet[M]:
    """Rows of ``model`` that ``user_id`` owns."""
    return model.filter(owner_id=user_id)


def owned_deliveries(user_id: uuid.UUID) -> QuerySet[WebhookDelivery]:
    """Webhook deliveries to ``user_id``'s endpoints (each carries its endpoint's owner: the log is read by it)."""
    return WebhookDelivery.filter(owner_id=user_id)


def editable(model: type[M], user_id: uuid.UUID) -> QuerySet[M]:
    """Rows of ``model`` that ``user_id`` may change (for presets: not the built-in library; see
    ``find_editable_preset`` for administrators)."""
    if model is StylePreset:
        return owned(model, user_id).filter(built_in=False, deleted_at=None)
    return owned(model, user_id)


def viewable(model: type[M], user_id: uuid.UUID) -> QuerySet[M]:
    """Rows of ``model`` that ``user_id`` may read."""
    if model is StylePreset:
        return model.filter(Q(owner_id=user_id) | Q(visibility=PresetVisibility.PUBLIC), deleted_at=None)
    return owned(model, user_id)


def may_view(model: type[M], user_id: uuid.UUID, owner_id: uuid.UUID) -> bool:
    """Whether ``user_id`` may read a row of ``model`` owned by ``owner_id``, for a row already read (a live
    progress feed knows its batch's owner): the rule of ``viewable``, for the models only their owner may read."""
    if model is StylePreset:
        raise ValueError("a style preset's visibility depends on more than its owner: use `viewable`")
    return user_id == owner_id


async def find_editable_preset(user: User, preset_id: str | uuid.UUID) -> StylePreset | None:
    """A preset ``user`` may change: their own, and for administrators also the built-in library."""
    query = editable(StylePreset, user.id)
    if user.role is Role.ADMIN:
        query = StylePreset.filter(Q(owner_id=user.id, built_in=False) | Q(built_in=True), deleted_at=None)
    return await _one(query, preset_id)


async def find_shared_preset(share_code: str) -> StylePreset | None:
    """The preset behind a share code (UNLISTED or PUBLIC, not deleted); None for any other code."""
    if not share_code or len(share_code) > 64:
        return None
    return await StylePreset.get_or_none(
        share_code=share_code,
        visibility__in=(PresetVisibility.UNLISTED, PresetVisibility.PUBLIC),
        deleted_at=None,
    )


def public(model: type[M]) -> QuerySet[M]:
    """Rows of ``model`` that every user may see (public gallery items and presets); nothing for other models."""
    if model is GalleryItem:
        # An item an administrator hid after reports stays its owner's, out of everyone else's sight.
        return model.filter(is_public=True, hidden_at=None)
    if model is StylePreset:
        return model.filter(visibility=PresetVisibility.PUBLIC, deleted_at=None)
    return model.filter(id=None)


async def _one(query: QuerySet[M], object_id: str | uuid.UUID) -> M | None:
    ident = object_id if isinstance(object_id, uuid.UUID) else parse_id(object_id)
    if ident is None:
        return None
    return await query.get_or_none(id=ident)


async def find_owned(model: type[M], user_id: uuid.UUID, object_id: str | uuid.UUID) -> M | None:
    """The row with ``object_id`` if ``user_id`` owns it, else None (an id that cannot be ours included)."""
    return await _one(owned(model, user_id), object_id)


async def find_editable(model: type[M], user_id: uuid.UUID, object_id: str | uuid.UUID) -> M | None:
    """The row with ``object_id`` if ``user_id`` may change it, else None."""
    return await _one(editable(model, user_id), object_id)


async def find_viewable(model: type[M], user_id: uuid.UUID, object_id: str | uuid.UUID) -> M | None:
    """The row with ``object_id`` if ``user_id`` may read it, else None."""
    return await _one(viewable(model, user_id), object_id)


class WorkspaceAction(StrEnum):
    """What a member asks to do in a workspace; ``may`` says which roles may."""

    READ = "read"
    """See the workspace, its members and (admins) its invitations."""
    GENERATE = "generate"
    """Generate, edit and curate in the workspace's projects (from the next phase)."""
    MANAGE = "manage"
    """Rename the workspace, invite, revoke invitations, change roles and remove members."""
    OWN = "own"
    """Delete or transfer the workspace."""


ROLE_RANK = {WorkspaceRole.VIEWER: 1, WorkspaceRole.EDITOR: 2, WorkspaceRole.ADMIN: 3, WorkspaceRole.OWNER: 4}
"""Roles from least to most: each may do what the ones below it may."""

LEAST_ROLE = {
    WorkspaceAction.READ: WorkspaceRole.VIEWER,
    WorkspaceAction.GENERATE: WorkspaceRole.EDITOR,
    WorkspaceAction.MANAGE: WorkspaceRole.ADMIN,
    WorkspaceAction.OWN: WorkspaceRole.OWNER,
}
"""The least role that may take each action."""


def may(role: WorkspaceRole, action: WorkspaceAction) -> bool:
    """Whether a member with ``role`` may take ``action``."""
    return ROLE_RANK[role] >= ROLE_RANK[LEAST_ROLE[action]]


def outranks(role: WorkspaceRole, other: WorkspaceRole) -> bool:
    """Whether ``role`` stands above ``other`` (an admin manages editors and viewers, not other admins)."""
    return ROLE_RANK[role] > ROLE_RANK[other]


def member_workspaces(user_id: uuid.UUID) -> QuerySet[Workspace]:
    """The workspaces ``user_id`` is a member of (whatever the role)."""
    return Workspace.filter(members__user_id=user_id)


def memberships(user_id: uuid.UUID) -> QuerySet[WorkspaceMember]:
    """``user_id``'s memberships (one per workspace they belong to)."""
    return WorkspaceMember.filter(user_id=user_id)


def invitations_sent(user_id: uuid.UUID) -> QuerySet[WorkspaceInvitation]:
    """The invitations ``user_id`` made (their own record, e.g. for their account export)."""
    return WorkspaceInvitation.filter(created_by_id=user_id)


async def find_membership(user_id: uuid.UUID, workspace_id: str | uuid.UUID) -> WorkspaceMember | None:
    """``user_id``'s membership of the workspace, with the workspace; None when they are not a member (or the id
    names nothing): a workspace reads as missing to everyone outside it. One statement."""
    ident = workspace_id if isinstance(workspace_id, uuid.UUID) else parse_id(workspace_id)
    if ident is None:
        return None
    return await WorkspaceMember.filter(workspace_id=ident, user_id=user_id).select_related("workspace").first()


async def find_fellow_member(
    user_id: uuid.UUID, member_id: str | uuid.UUID
) -> tuple[WorkspaceMember, WorkspaceMember] | None:
    """The membership ``member_id`` and ``user_id``'s own membership of the same workspace (with the workspace);
    None when ``user_id`` is not in that workspace, or the id names nothing."""
    ident = member_id if isinstance(member_id, uuid.UUID) else parse_id(member_id)
    if ident is None:
        return None
    target = await WorkspaceMember.get_or_none(id=ident)
    if target is None:
        return None
    caller = await find_membership(user_id, target.workspace_id)
    return None if caller is None else (target, caller)


async def find_invitation(
    user_id: uuid.UUID, invitation_id: str | uuid.UUID
) -> tuple[WorkspaceInvitation, WorkspaceMember] | None:
    """An invitation and ``user_id``'s membership of its workspace; None when they are not in that workspace."""
    ident = invitation_id if isinstance(invitation_id, uuid.UUID) else parse_id(invitation_id)
    if ident is None:
        return None
    invitation = await WorkspaceInvitation.get_or_none(id=ident)
    if invitation is None:
        return None
    caller = await find_membership(user_id, invitation.workspace_id)
    return None if caller is None else (invitation, caller)
