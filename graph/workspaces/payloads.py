"""Workspace mutation payloads: the changed object and ``userErrors`` (empty on success)."""

from __future__ import annotations

import strawberry

from graph.core.errors import UserError
from graph.workspaces.types import WorkspaceInvitationType, WorkspaceMemberType, WorkspaceType

USER_ERRORS = (
    "Expected failures (validation, not found, a role that does not allow it: NOT_ALLOWED, a state that does not: "
    "CONFLICT with a `reason`); empty on success. A refused call changes nothing."
)


@strawberry.type(description="Result of creating, renaming or transferring a workspace.")
class WorkspacePayload:
    workspace: WorkspaceType | None = strawberry.field(default=None, description="The workspace, when it succeeded.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of deleting or leaving a workspace.")
class WorkspaceGonePayload:
    workspace_id: strawberry.ID | None = strawberry.field(
        default=None, description="Id of the workspace deleted or left, when it succeeded."
    )
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of inviting someone into a workspace.")
class WorkspaceInvitePayload:
    invitation: WorkspaceInvitationType | None = strawberry.field(default=None, description="The new invitation.")
    token: str | None = strawberry.field(
        default=None,
        description=(
            "The link's single-use token, shown this once (only its hash is kept): the invitee signs in and passes "
            "it to `workspaceInvitationAccept`."
        ),
    )
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of revoking an invitation.")
class WorkspaceInvitationPayload:
    invitation: WorkspaceInvitationType | None = strawberry.field(default=None, description="The invitation.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of changing a member's role.")
class WorkspaceMemberPayload:
    member: WorkspaceMemberType | None = strawberry.field(default=None, description="The member, when it succeeded.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of removing a member.")
class WorkspaceMemberRemovePayload:
    removed_member_id: strawberry.ID | None = strawberry.field(
        default=None, description="Id of the removed membership, when it succeeded."
    )
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)
