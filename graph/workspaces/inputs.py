"""Inputs of the workspace operations."""

from __future__ import annotations

import strawberry

from graph.workspaces.enums import WorkspaceRole


@strawberry.input(description="A new team workspace.")
class WorkspaceCreateInput:
    name: str = strawberry.field(description="1-120 characters.")


@strawberry.input(description="A new name for a workspace.")
class WorkspaceRenameInput:
    name: str = strawberry.field(description="1-120 characters.")


@strawberry.input(description="An invitation link into a team workspace.")
class WorkspaceInviteInput:
    role: WorkspaceRole = strawberry.field(
        description=(
            "The role the invitee gets: below your own (admins invite editors and viewers; the owner also admins)."
        )
    )
    email: str | None = strawberry.field(
        default=None,
        description=(
            "Only the account whose token carries this email may accept (up to 320 characters); omitted: whoever "
            "has the link."
        ),
    )
    expires_in_days: int | None = strawberry.field(
        default=None, description="How long the link works: 1-30 days, default 7."
    )
