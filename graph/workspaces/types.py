"""Workspaces, their members and invitations as clients see them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from graph.core.arguments import After, First
from graph.core.connections import Connection
from graph.core.convert import from_row, source
from graph.core.rooms import room_type
from graph.workspaces import loaders
from graph.workspaces.enums import InvitationStatus, WorkspaceKind, WorkspaceRole
from models import WorkspaceInvitation, WorkspaceMember
from services import workspaces
from services.core.pagination import DEFAULT_PAGE_SIZE

if TYPE_CHECKING:
    from graph.users.types import PublicUser

Person = Annotated["PublicUser", strawberry.lazy("graph.users.types")]


async def _person(info: strawberry.Info, user_id: uuid.UUID | None) -> PublicUser | None:
    if user_id is None:
        return None
    public: type[PublicUser] = room_type("graph.users.types", "PublicUser")
    user = await loaders.people.on(info).load(user_id)
    return public(display_name=user.display_name) if user else None


@strawberry.type(name="WorkspaceMember", description="A member of a workspace and their role.")
class WorkspaceMemberType:
    id: strawberry.ID = strawberry.field(description="The membership's id (what the member mutations take).")
    role: WorkspaceRole = strawberry.field(description="What the member may do.")
    joined_at: datetime = strawberry.field(description="When the member joined.", metadata=source("created_at"))

    _model: strawberry.Private[WorkspaceMember]

    @strawberry.field(description="Who the member is (the display name only).")  # type: ignore[untyped-decorator]
    async def user(self, info: strawberry.Info) -> Person:
        person = await _person(info, self._model.user_id)
        assert person is not None  # a membership's user is never deleted while it exists (cascade)
        return person

    @strawberry.field(description="Whether this membership is yours.")  # type: ignore[untyped-decorator]
    async def is_you(self, info: strawberry.Info) -> bool:
        viewer = await info.context.user()
        return bool(viewer.id == self._model.user_id)

    @classmethod
    def from_model(cls, member: WorkspaceMember) -> WorkspaceMemberType:
        return from_row(cls, member)


@strawberry.type(name="WorkspaceInvitation", description="A single-use invitation link into a workspace.")
class WorkspaceInvitationType:
    id: strawberry.ID = strawberry.field(description="Opaque id (what `workspaceInvitationRevoke` takes).")
    role: WorkspaceRole = strawberry.field(description="The role the invitee gets.")
    email: str | None = strawberry.field(description="The only account email that may accept it; null: any.")
    status: InvitationStatus = strawberry.field(description="Open, used, revoked or expired.")
    expires_at: datetime = strawberry.field(description="Refused from this time on.")
    accepted_at: datetime | None = strawberry.field(description="When it was used; null while unused.")
    revoked_at: datetime | None = strawberry.field(description="When it was revoked; null unless revoked.")
    created_at: datetime = strawberry.field(description="When it was made.")

    _model: strawberry.Private[WorkspaceInvitation]

    @strawberry.field(description="Who made it (the display name only).")  # type: ignore[untyped-decorator]
    async def created_by(self, info: strawberry.Info) -> Person | None:
        return await _person(info, self._model.created_by_id)

    @strawberry.field(description="Who used it (the display name only); null while unused.")  # type: ignore[untyped-decorator]
    async def accepted_by(self, info: strawberry.Info) -> Person | None:
        return await _person(info, self._model.accepted_by_id)

    @classmethod
    def from_model(cls, invitation: WorkspaceInvitation) -> WorkspaceInvitationType:
        return from_row(cls, invitation, status=workspaces.invitation_status(invitation))


@strawberry.type(name="Workspace", description="A place to work in, alone (`PERSONAL`) or with others (`TEAM`).")
class WorkspaceType:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description="Name, 1-120 characters.")
    kind: WorkspaceKind = strawberry.field(description="PERSONAL or TEAM.")
    role: WorkspaceRole = strawberry.field(description="Your role in it.")
    joined_at: datetime = strawberry.field(description="When you joined it.")
    created_at: datetime = strawberry.field(description="Creation time.")
    updated_at: datetime = strawberry.field(description="Last change.")

    _membership: strawberry.Private[WorkspaceMember]

    @strawberry.field(description="Its owner (the display name only).")  # type: ignore[untyped-decorator]
    async def owner(self, info: strawberry.Info) -> Person:
        person = await _person(info, self._membership.workspace.owner_id)
        assert person is not None  # the owner's row outlives the workspace (cascade)
        return person

    @strawberry.field(description="Its members, newest first. `first` is at most 100.")  # type: ignore[untyped-decorator]
    async def members(
        self, info: strawberry.Info, first: First = DEFAULT_PAGE_SIZE, after: After = None
    ) -> Connection[WorkspaceMemberType]:
        viewer = await info.context.user()
        page = await loaders.members.on(info).load((viewer.id, self._membership.workspace_id, first, after))
        return Connection.from_page(page, WorkspaceMemberType.from_model)

    @strawberry.field(  # type: ignore[untyped-decorator]
        description=(
            "Its invitations (open, used, revoked and expired), newest first; empty unless you are an admin or the "
            "owner. `first` is at most 100."
        )
    )
    async def invitations(
        self, info: strawberry.Info, first: First = DEFAULT_PAGE_SIZE, after: After = None
    ) -> Connection[WorkspaceInvitationType]:
        viewer = await info.context.user()
        page = await loaders.invitations.on(info).load((viewer.id, self._membership.workspace_id, first, after))
        return Connection.from_page(page, WorkspaceInvitationType.from_model)

    @classmethod
    def from_membership(cls, membership: WorkspaceMember) -> WorkspaceType:
        """A workspace as its member ``membership`` sees it (the membership holds the workspace)."""
        return from_row(
            cls,
            membership.workspace,
            role=membership.role,
            joined_at=membership.created_at,
            _membership=membership,
        )
