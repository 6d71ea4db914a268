"""Workspaces (issue 22, first phase): personal and team workspaces, their members, roles and invitations.

Every user has a personal workspace, made with the user (``create_personal``, in the user's transaction) and by
the data migration for users made before; it cannot be deleted, transferred, joined or left. Team workspaces are
made by anyone; their creator is the owner. Who may do what is ``services.access`` (``may``, ``outranks``): a
member may give only roles below their own and change or remove only members below them; the owner hands the
workspace over with ``transfer`` (becoming an admin).

Invitations are single-use links: ``invite`` returns the token once and stores only its SHA-256; ``accept`` takes
the token from the invitee's own signed-in account and uses it up with one conditional UPDATE, so two accounts
racing for one link cannot both join. Every refusal is raised before the first write: a denied call changes
nothing. Projects, presets and the other owned rows do not belong to workspaces yet (the next phase).
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models import User, Workspace, WorkspaceInvitation, WorkspaceKind, WorkspaceMember, WorkspaceRole
from services import access
from services.access import WorkspaceAction
from services.core.errors import Conflict, InvalidInput, NotAllowed, NotFound
from services.core.ids import parse_id
from services.core.pagination import Page, paginate, paginate_each
from services.core.text import check_text

NAME_MAX = 120
PERSONAL_NAME = "Personal"
TOKEN_PREFIX = "pwi_"  # noqa: S105 - the marker every invitation token starts with, not a secret
TOKEN_MAX = 128
"""Longer tokens are refused (INVALID) before they are hashed (ours are 47 characters)."""
EMAIL_MAX = 320  # the users' column (models/users.py)
INVITATION_DAYS_DEFAULT = 7
INVITATION_DAYS_MAX = 30


class InvitationStatus(StrEnum):
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    REVOKED = "REVOKED"
    EXPIRED = "EXPIRED"


def invitation_status(invitation: WorkspaceInvitation, now: datetime | None = None) -> InvitationStatus:
    """Where an invitation stands: used, revoked, expired or still open."""
    if invitation.accepted_at is not None:
        return InvitationStatus.ACCEPTED
    if invitation.revoked_at is not None:
        return InvitationStatus.REVOKED
    if invitation.expires_at <= (now or datetime.now(UTC)):
        return InvitationStatus.EXPIRED
    return InvitationStatus.PENDING


@dataclass(frozen=True, slots=True)
class NewInvitation:
    """A fresh invitation and its token: the only time the token exists outside the invitee's link."""

    invitation: WorkspaceInvitation
    token: str


def token_hash(token: str) -> str:
    """What is stored of a token (and looked up): its SHA-256, hex. Tokens carry 256 random bits."""
    return hashlib.sha256(token.encode()).hexdigest()


def _name(name: str, field: list[str]) -> str:
    cleaned = check_text(name, field, max_length=NAME_MAX).strip()
    if not cleaned:
        raise InvalidInput("name must not be empty", field)
    return cleaned


async def _member(user_id: uuid.UUID, workspace_id: str | uuid.UUID, action: WorkspaceAction) -> WorkspaceMember:
    """The caller's membership, when their role allows ``action``; a workspace they are not in reads as missing."""
    membership = await access.find_membership(user_id, workspace_id)
    if membership is None:
        raise NotFound("workspace not found", ["id"])
    _require(membership, action)
    return membership


def _require(membership: WorkspaceMember, action: WorkspaceAction) -> None:
    if not access.may(membership.role, action):
        least = access.LEAST_ROLE[action].value
        raise NotAllowed(f"your role ({membership.role.value}) does not allow this: it needs {least} or above")


def _not_personal(workspace: Workspace, what: str) -> None:
    if workspace.kind is WorkspaceKind.PERSONAL:
        raise Conflict(f"a personal workspace cannot be {what}", ["id"], reason="PERSONAL_WORKSPACE")


# --- workspaces ---------------------------------------------------------------------------------------------------


async def create_personal(user_id: uuid.UUID) -> Workspace:
    """``user_id``'s personal workspace with its OWNER membership; call it inside the user's own transaction."""
    workspace = await Workspace.create(
        id=uuid.uuid4(), owner_id=user_id, name=PERSONAL_NAME, kind=WorkspaceKind.PERSONAL
    )
    await WorkspaceMember.create(id=uuid.uuid4(), workspace=workspace, user_id=user_id, role=WorkspaceRole.OWNER)
    return workspace


async def create(user_id: uuid.UUID, name: str) -> WorkspaceMember:
    """A team workspace owned by ``user_id``; returns the owner's membership (with the workspace)."""
    cleaned = _name(name, ["input", "name"])
    async with in_transaction():
        workspace = await Workspace.create(id=uuid.uuid4(), owner_id=user_id, name=cleaned, kind=WorkspaceKind.TEAM)
        membership = await WorkspaceMember.create(
            id=uuid.uuid4(), workspace=workspace, user_id=user_id, role=WorkspaceRole.OWNER
        )
    return membership


async def get(user_id: uuid.UUID, workspace_id: str) -> WorkspaceMember | None:
    """``user_id``'s membership of the workspace (with the workspace), or None when they are not in it."""
    return await access.find_membership(user_id, workspace_id)


async def list_page(user_id: uuid.UUID, *, first: int, after: str | None) -> Page[WorkspaceMember]:
    """The workspaces ``user_id`` belongs to, as their memberships (with the workspace), newest joined first."""
    return await paginate(access.memberships(user_id).select_related("workspace"), first=first, after=after)


async def rename(user_id: uuid.UUID, workspace_id: str, name: str) -> WorkspaceMember:
    """Rename a workspace (admins and the owner)."""
    cleaned = _name(name, ["input", "name"])
    membership = await _member(user_id, workspace_id, WorkspaceAction.MANAGE)
    workspace = membership.workspace
    workspace.name = cleaned
    await workspace.save(update_fields=["name", "updated_at"])
    return membership


async def delete(user_id: uuid.UUID, workspace_id: str) -> uuid.UUID:
    """Delete a team workspace with its memberships and invitations (the owner only)."""
    membership = await _member(user_id, workspace_id, WorkspaceAction.OWN)
    _not_personal(membership.workspace, "deleted")
    await Workspace.filter(id=membership.workspace_id).delete()
    return membership.workspace_id


async def transfer(user_id: uuid.UUID, workspace_id: str, member_id: str) -> WorkspaceMember:
    """Make another member the owner; the old owner stays as an admin. Returns the new owner's membership."""
    membership = await _member(user_id, workspace_id, WorkspaceAction.OWN)
    _not_personal(membership.workspace, "transferred")
    target = await _fellow(membership, member_id, ["member_id"])
    if target.id == membership.id:
        raise Conflict("you already own this workspace", ["member_id"])
    workspace = membership.workspace
    async with in_transaction():
        # Conditional: of two transfers racing, the second finds the caller no longer the owner (one owner, always).
        stepped_down = await WorkspaceMember.filter(id=membership.id, role=WorkspaceRole.OWNER).update(
            role=WorkspaceRole.ADMIN
        )
        if not stepped_down:
            raise Conflict("you no longer own this workspace", ["id"])
        await WorkspaceMember.filter(id=target.id).update(role=WorkspaceRole.OWNER)
        workspace.owner_id = target.user_id
        await workspace.save(update_fields=["owner_id", "updated_at"])
    target.role = WorkspaceRole.OWNER
    target.workspace = workspace
    return target


async def _fellow(membership: WorkspaceMember, member_id: str, field: list[str]) -> WorkspaceMember:
    """A member of the same workspace as ``membership`` by membership id."""
    ident = parse_id(member_id)
    target = None
    if ident is not None:
        target = await WorkspaceMember.get_or_none(id=ident, workspace_id=membership.workspace_id)
    if target is None:
        raise NotFound("member not found", field)
    return target


# --- members ------------------------------------------------------------------------------------------------------


async def _managed_member(user_id: uuid.UUID, member_id: str) -> tuple[WorkspaceMember, WorkspaceMember]:
    """(the member, the caller's membership) when the caller may manage that member: an admin or the owner of its
    workspace, standing above the member."""
    found = await access.find_fellow_member(user_id, member_id)
    if found is None:
        raise NotFound("member not found", ["id"])
    target, caller = found
    _require(caller, WorkspaceAction.MANAGE)
    if target.id == caller.id:
        raise Conflict("you cannot change your own membership this way: leave the workspace instead", ["id"])
    if not access.outranks(caller.role, target.role):
        raise NotAllowed(f"only a member above {target.role.value} may change or remove this member")
    return target, caller


async def change_role(user_id: uuid.UUID, member_id: str, role: WorkspaceRole) -> WorkspaceMember:
    """Give a member another role, below the caller's own (the owner's role moves only by ``transfer``)."""
    target, caller = await _managed_member(user_id, member_id)
    if role is WorkspaceRole.OWNER:
        raise InvalidInput("the owner changes only by transferring the workspace", ["role"])
    if not access.outranks(caller.role, role):
        raise NotAllowed(f"you may give only roles below your own ({caller.role.value})")
    await WorkspaceMember.filter(id=target.id).update(role=role)
    target.role = role
    target.workspace = caller.workspace
    return target


async def remove_member(user_id: uuid.UUID, member_id: str) -> uuid.UUID:
    """Remove a member below the caller from the workspace; their access ends at once."""
    target, _ = await _managed_member(user_id, member_id)
    await WorkspaceMember.filter(id=target.id).delete()
    return target.id


async def leave(user_id: uuid.UUID, workspace_id: str) -> uuid.UUID:
    """Leave a workspace; the owner cannot (transfer or delete it first). Returns the workspace's id."""
    membership = await _member(user_id, workspace_id, WorkspaceAction.READ)
    if membership.role is WorkspaceRole.OWNER:
        raise Conflict(
            "the owner cannot leave: transfer the workspace or delete it", ["id"], reason="OWNER_CANNOT_LEAVE"
        )
    await WorkspaceMember.filter(id=membership.id).delete()
    return membership.workspace_id


async def members_pages(
    user_id: uuid.UUID, workspace_ids: list[uuid.UUID], *, first: int, after: str | None
) -> dict[uuid.UUID, Page[WorkspaceMember]]:
    """A page of members per workspace ``user_id`` belongs to, newest first (two statements for any number)."""
    mine = (
        await access.memberships(user_id).filter(workspace_id__in=workspace_ids).values_list("workspace_id", flat=True)
    )
    allowed = [uuid.UUID(str(ident)) for ident in mine]
    query = WorkspaceMember.filter(workspace_id__in=allowed)
    pages = await paginate_each(query, parent="workspace_id", parent_ids=workspace_ids, first=first, after=after)
    return pages


# --- invitations --------------------------------------------------------------------------------------------------


def _invitee_email(email: str | None) -> str | None:
    if email is None:
        return None
    cleaned = check_text(email, ["input", "email"], max_length=EMAIL_MAX).strip().lower()
    local, at, domain = cleaned.partition("@")
    if not (local and at and domain) or " " in cleaned:
        raise InvalidInput("email must look like name@example.com", ["input", "email"])
    return cleaned


async def invite(
    user_id: uuid.UUID,
    workspace_id: str,
    role: WorkspaceRole,
    expires_in_days: int | None = None,
    email: str | None = None,
) -> NewInvitation:
    """A single-use invitation link into a team workspace for ``role`` (below the inviter's own), valid for
    ``expires_in_days`` (1-30, default 7), for the account whose token carries ``email`` when one is given (any
    account with the link otherwise). The token is returned here only."""
    days = INVITATION_DAYS_DEFAULT if expires_in_days is None else expires_in_days
    if not 1 <= days <= INVITATION_DAYS_MAX:
        raise InvalidInput(f"expiresInDays must be between 1 and {INVITATION_DAYS_MAX}", ["input", "expires_in_days"])
    invitee = _invitee_email(email)
    membership = await _member(user_id, workspace_id, WorkspaceAction.MANAGE)
    _not_personal(membership.workspace, "shared: create a team workspace to invite people")
    if role is WorkspaceRole.OWNER:
        raise InvalidInput("nobody joins as the owner: transfer the workspace instead", ["input", "role"])
    if not access.outranks(membership.role, role):
        raise NotAllowed(f"you may invite only to roles below your own ({membership.role.value})")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    invitation = await WorkspaceInvitation.create(
        id=uuid.uuid4(),
        workspace_id=membership.workspace_id,
        role=role,
        token_hash=token_hash(token),
        email=invitee,
        expires_at=datetime.now(UTC) + timedelta(days=days),
        created_by_id=user_id,
    )
    return NewInvitation(invitation=invitation, token=token)


async def revoke_invitation(user_id: uuid.UUID, invitation_id: str) -> WorkspaceInvitation:
    """Revoke an open invitation (admins and the owner of its workspace)."""
    found = await access.find_invitation(user_id, invitation_id)
    if found is None:
        raise NotFound("invitation not found", ["id"])
    invitation, caller = found
    _require(caller, WorkspaceAction.MANAGE)
    status = invitation_status(invitation)
    if status in (InvitationStatus.ACCEPTED, InvitationStatus.REVOKED):
        raise Conflict(f"the invitation is already {status.value.lower()}", ["id"], reason=f"INVITATION_{status.value}")
    now = datetime.now(UTC)
    changed = await WorkspaceInvitation.filter(id=invitation.id, accepted_at=None, revoked_at=None).update(
        revoked_at=now
    )
    if not changed:
        raise Conflict("the invitation was used meanwhile", ["id"], reason="INVITATION_ACCEPTED")
    invitation.revoked_at = now
    return invitation


async def accept_invitation(user_id: uuid.UUID, token: str) -> WorkspaceMember:
    """Join a workspace with an invitation's token, as ``user_id`` (the signed-in invitee). Unknown, expired,
    revoked and used tokens are refused with their reason; an invitation for another email, and a member of the
    workspace already, keep the token unused."""
    check_text(token, ["token"], max_length=TOKEN_MAX)
    if not token.startswith(TOKEN_PREFIX):
        raise NotFound("no invitation has this token", ["token"], reason="INVITATION_UNKNOWN")
    invitation = await WorkspaceInvitation.get_or_none(token_hash=token_hash(token)).select_related("workspace")
    if invitation is None:
        raise NotFound("no invitation has this token", ["token"], reason="INVITATION_UNKNOWN")
    status = invitation_status(invitation)
    if status is not InvitationStatus.PENDING:
        messages = {
            InvitationStatus.ACCEPTED: "this invitation has been used already (each link works once)",
            InvitationStatus.REVOKED: "this invitation was revoked",
            InvitationStatus.EXPIRED: "this invitation has expired: ask for a new one",
        }
        raise Conflict(messages[status], ["token"], reason=f"INVITATION_{status.value}")
    if invitation.email is not None:
        user = await User.get(id=user_id)
        if (user.email or "").lower() != invitation.email:
            raise Conflict(
                "this invitation is for another account: sign in with the invited email address",
                ["token"],
                reason="INVITATION_OTHER_ACCOUNT",
            )
    if await access.find_membership(user_id, invitation.workspace_id) is not None:
        raise Conflict("you are a member of this workspace already", ["token"], reason="ALREADY_MEMBER")
    now = datetime.now(UTC)
    try:
        async with in_transaction():
            used = await WorkspaceInvitation.filter(
                id=invitation.id, accepted_at=None, revoked_at=None, expires_at__gt=now
            ).update(accepted_at=now, accepted_by_id=user_id)
            if not used:
                raise Conflict(
                    "this invitation has been used or revoked meanwhile", ["token"], reason="INVITATION_ACCEPTED"
                )
            membership = await WorkspaceMember.create(
                id=uuid.uuid4(), workspace_id=invitation.workspace_id, user_id=user_id, role=invitation.role
            )
    except IntegrityError as error:
        # The same account accepted another link to this workspace at the same moment: this one stays unused.
        raise Conflict("you are a member of this workspace already", ["token"], reason="ALREADY_MEMBER") from error
    membership.workspace = invitation.workspace
    return membership


async def invitations_pages(
    user_id: uuid.UUID, workspace_ids: list[uuid.UUID], *, first: int, after: str | None
) -> dict[uuid.UUID, Page[WorkspaceInvitation]]:
    """A page of invitations per workspace where ``user_id`` is an admin or the owner (empty pages elsewhere),
    newest first."""
    roles = await access.memberships(user_id).filter(workspace_id__in=workspace_ids).values_list("workspace_id", "role")
    allowed = [
        uuid.UUID(str(ident)) for ident, role in roles if access.may(WorkspaceRole(role), WorkspaceAction.MANAGE)
    ]
    query = WorkspaceInvitation.filter(workspace_id__in=allowed)
    return await paginate_each(query, parent="workspace_id", parent_ids=workspace_ids, first=first, after=after)
