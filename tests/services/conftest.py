"""Two users for service tests that check owner scoping: Alice owns things, Bob tries to reach them."""

from __future__ import annotations

import uuid

import pytest
from starlette.applications import Starlette

from models import User


async def new_user(name: str) -> User:
    return await User.create(id=uuid.uuid4(), subject=f"{name}-{uuid.uuid4().hex[:8]}", display_name=name)


@pytest.fixture
async def alice(app: Starlette) -> User:
    return await new_user("alice")


@pytest.fixture
async def bob(app: Starlette) -> User:
    return await new_user("bob")
