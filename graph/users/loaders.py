"""The users room's DataLoaders (see ``graph.core.dataloaders``)."""

from __future__ import annotations

import uuid

from graph.core.dataloaders import RoomLoader
from services import credits

credits_held: RoomLoader[uuid.UUID, int] = RoomLoader("users.credits_held", "rows", credits.held_many, missing=0)
