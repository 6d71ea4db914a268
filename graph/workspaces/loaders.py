"""The workspaces room's DataLoaders (see ``graph.core.dataloaders``): a page of each workspace's members and
invitations, and the members' users."""

from __future__ import annotations

import uuid

from graph.core.dataloaders import PageKey, RoomLoader
from models import User, WorkspaceInvitation, WorkspaceMember
from services import users, workspaces
from services.core.pagination import Page

members: RoomLoader[PageKey, Page[WorkspaceMember]] = RoomLoader(
    "workspaces.members", "pages", workspaces.members_pages
)
invitations: RoomLoader[PageKey, Page[WorkspaceInvitation]] = RoomLoader(
    "workspaces.invitations", "pages", workspaces.invitations_pages
)
people: RoomLoader[uuid.UUID, User | None] = RoomLoader("users.by_id", "rows", users.get_many)
