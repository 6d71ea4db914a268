"""Workspace queries and mutations: workspaces, their members and invitations (issue 22, first phase)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.core.arguments import After, First
from graph.core.connections import Connection
from graph.core.context import Context
from graph.core.errors import UserErrorsExtension
from graph.workspaces.enums import WorkspaceRole
from graph.workspaces.inputs import WorkspaceCreateInput, WorkspaceInviteInput, WorkspaceRenameInput
from graph.workspaces.payloads import (
    WorkspaceGonePayload,
    WorkspaceInvitationPayload,
    WorkspaceInvitePayload,
    WorkspaceMemberPayload,
    WorkspaceMemberRemovePayload,
    WorkspacePayload,
)
from graph.workspaces.types import WorkspaceInvitationType, WorkspaceMemberType, WorkspaceType
from services import workspaces
from services.core.pagination import DEFAULT_PAGE_SIZE

Info = strawberry.Info[Context, None]
WorkspaceId = Annotated[strawberry.ID, strawberry.argument(description="The workspace's id.")]
MemberId = Annotated[strawberry.ID, strawberry.argument(description="The membership's id (`WorkspaceMember.id`).")]


async def workspace(info: Info, id: WorkspaceId) -> WorkspaceType | None:
    user = await info.context.user()
    found = await workspaces.get(user.id, id)
    return WorkspaceType.from_membership(found) if found else None


async def workspace_list(
    info: Info, first: First = DEFAULT_PAGE_SIZE, after: After = None
) -> Connection[WorkspaceType]:
    user = await info.context.user()
    page = await workspaces.list_page(user.id, first=first, after=after)
    return Connection.from_page(page, WorkspaceType.from_membership)


async def workspace_create(
    info: Info, input: Annotated[WorkspaceCreateInput, strawberry.argument(description="The new workspace.")]
) -> WorkspacePayload:
    user = await info.context.user()
    return WorkspacePayload(workspace=WorkspaceType.from_membership(await workspaces.create(user.id, input.name)))


async def workspace_rename(
    info: Info,
    id: WorkspaceId,
    input: Annotated[WorkspaceRenameInput, strawberry.argument(description="The new name.")],
) -> WorkspacePayload:
    user = await info.context.user()
    return WorkspacePayload(workspace=WorkspaceType.from_membership(await workspaces.rename(user.id, id, input.name)))


async def workspace_delete(info: Info, id: WorkspaceId) -> WorkspaceGonePayload:
    user = await info.context.user()
    deleted = await workspaces.delete(user.id, id)
    return WorkspaceGonePayload(workspace_id=strawberry.ID(str(deleted)))


async def workspace_transfer(
    info: Info,
    id: WorkspaceId,
    member_id: Annotated[strawberry.ID, strawberry.argument(description="The member who becomes the owner.")],
) -> WorkspacePayload:
    user = await info.context.user()
    await workspaces.transfer(user.id, id, member_id)
    mine = await workspaces.get(user.id, id)
    return WorkspacePayload(workspace=WorkspaceType.from_membership(mine) if mine else None)


async def workspace_invite(
    info: Info,
    id: WorkspaceId,
    input: Annotated[WorkspaceInviteInput, strawberry.argument(description="The role and how long the link works.")],
) -> WorkspaceInvitePayload:
    user = await info.context.user()
    made = await workspaces.invite(user.id, id, input.role, input.expires_in_days, input.email)
    return WorkspaceInvitePayload(invitation=WorkspaceInvitationType.from_model(made.invitation), token=made.token)


async def workspace_invitation_revoke(
    info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The invitation's id.")]
) -> WorkspaceInvitationPayload:
    user = await info.context.user()
    revoked = await workspaces.revoke_invitation(user.id, id)
    return WorkspaceInvitationPayload(invitation=WorkspaceInvitationType.from_model(revoked))


async def workspace_invitation_accept(
    info: Info, token: Annotated[str, strawberry.argument(description="The token of the invitation link.")]
) -> WorkspacePayload:
    user = await info.context.user()
    joined = await workspaces.accept_invitation(user.id, token)
    return WorkspacePayload(workspace=WorkspaceType.from_membership(joined))


async def workspace_member_role_change(
    info: Info,
    id: MemberId,
    role: Annotated[WorkspaceRole, strawberry.argument(description="The new role, below your own.")],
) -> WorkspaceMemberPayload:
    user = await info.context.user()
    changed = await workspaces.change_role(user.id, id, role)
    return WorkspaceMemberPayload(member=WorkspaceMemberType.from_model(changed))


async def workspace_member_remove(info: Info, id: MemberId) -> WorkspaceMemberRemovePayload:
    user = await info.context.user()
    removed = await workspaces.remove_member(user.id, id)
    return WorkspaceMemberRemovePayload(removed_member_id=strawberry.ID(str(removed)))


async def workspace_leave(info: Info, id: WorkspaceId) -> WorkspaceGonePayload:
    user = await info.context.user()
    left = await workspaces.leave(user.id, id)
    return WorkspaceGonePayload(workspace_id=strawberry.ID(str(left)))


@strawberry.type
class WorkspaceQueries:
    workspace: WorkspaceType | None = strawberry.field(
        resolver=workspace, description="A workspace you belong to, by id; null when not found (or not yours)."
    )
    workspaces: Connection[WorkspaceType] = strawberry.field(
        resolver=workspace_list,
        description=(
            "The workspaces you belong to (your personal one included), newest joined first. `first` is at most 100."
        ),
    )


@strawberry.type
class WorkspaceMutations:
    workspace_create: WorkspacePayload = strawberry.mutation(
        resolver=workspace_create,
        extensions=[UserErrorsExtension()],
        description="Create a team workspace; you are its owner.",
    )
    workspace_rename: WorkspacePayload = strawberry.mutation(
        resolver=workspace_rename,
        extensions=[UserErrorsExtension()],
        description="Rename a workspace (admins and the owner).",
    )
    workspace_delete: WorkspaceGonePayload = strawberry.mutation(
        resolver=workspace_delete,
        extensions=[UserErrorsExtension()],
        description=(
            "Delete a team workspace with its memberships and invitations (the owner; a personal one cannot be)."
        ),
    )
    workspace_transfer: WorkspacePayload = strawberry.mutation(
        resolver=workspace_transfer,
        extensions=[UserErrorsExtension()],
        description="Make another member the owner of a team workspace (the owner); you stay as an admin.",
    )
    workspace_invite: WorkspaceInvitePayload = strawberry.mutation(
        resolver=workspace_invite,
        extensions=[UserErrorsExtension()],
        description=(
            "Make a single-use invitation link into a team workspace (admins and the owner); its token is returned "
            "this once."
        ),
    )
    workspace_invitation_revoke: WorkspaceInvitationPayload = strawberry.mutation(
        resolver=workspace_invitation_revoke,
        extensions=[UserErrorsExtension()],
        description="Revoke an unused invitation (admins and the owner).",
    )
    workspace_invitation_accept: WorkspacePayload = strawberry.mutation(
        resolver=workspace_invitation_accept,
        extensions=[UserErrorsExtension()],
        description=(
            "Join a workspace with an invitation's token, as yourself. Unknown, used, revoked and expired tokens are "
            "refused (`reason`: INVITATION_UNKNOWN, INVITATION_ACCEPTED, INVITATION_REVOKED, INVITATION_EXPIRED)."
        ),
    )
    workspace_member_role_change: WorkspaceMemberPayload = strawberry.mutation(
        resolver=workspace_member_role_change,
        extensions=[UserErrorsExtension()],
        description="Give a member below you another role below yours (admins and the owner).",
    )
    workspace_member_remove: WorkspaceMemberRemovePayload = strawberry.mutation(
        resolver=workspace_member_remove,
        extensions=[UserErrorsExtension()],
        description="Remove a member below you (admins and the owner); their access ends at once.",
    )
    workspace_leave: WorkspaceGonePayload = strawberry.mutation(
        resolver=workspace_leave,
        extensions=[UserErrorsExtension()],
        description="Leave a workspace (anyone but its owner).",
    )
