"""The workspace enumerations, exposed to clients with descriptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from models import workspaces
from services import workspaces as service

if TYPE_CHECKING:  # strawberry.enum returns the class itself; mypy sees it as a variable otherwise
    from models.workspaces import WorkspaceKind as WorkspaceKind
    from models.workspaces import WorkspaceRole as WorkspaceRole
    from services.workspaces import InvitationStatus as InvitationStatus
else:
    WorkspaceKind = strawberry.enum(
        workspaces.WorkspaceKind,
        description="`PERSONAL`: every user's own, made with the account; `TEAM`: made to share with others.",
    )
    WorkspaceRole = strawberry.enum(
        workspaces.WorkspaceRole,
        description=(
            "A member's role. `VIEWER` reads; `EDITOR` also generates (once projects belong to workspaces); "
            "`ADMIN` also renames the workspace and manages members and invitations below `ADMIN`; `OWNER` (one "
            "per workspace) also deletes or transfers it and manages admins."
        ),
    )
    InvitationStatus = strawberry.enum(
        service.InvitationStatus,
        description="Where an invitation stands: open, used (each link works once), revoked or expired.",
    )
