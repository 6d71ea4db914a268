"""The access seam: who may view, edit or own what; everything else reads as missing."""

from __future__ import annotations

import uuid

import pytest
from starlette.applications import Starlette

from models import BatchJob, PresetVisibility, Project, StylePreset, User
from services import access


async def new_user(name: str) -> User:
    return await User.create(id=uuid.uuid4(), subject=f"{name}-{uuid.uuid4().hex[:8]}")


@pytest.fixture
async def alice(app: Starlette) -> User:
    return await new_user("alice")


@pytest.fixture
async def bob(app: Starlette) -> User:
    return await new_user("bob")


async def test_a_project_is_visible_editable_and_owned_by_its_owner_only(alice: User, bob: User) -> None:
    project = await Project.create(id=uuid.uuid4(), owner_id=alice.id, name="mine")
    for find in (access.find_viewable, access.find_editable, access.find_owned):
        found = await find(Project, alice.id, str(project.id))
        assert found is not None
        assert found.id == project.id
        assert await find(Project, bob.id, str(project.id)) is None
        assert await find(Project, bob.id, project.id) is None
    assert await access.viewable(Project, bob.id).filter(id=project.id).count() == 0


@pytest.mark.parametrize("bad_id", ["", "not-a-uuid", "1 OR 1=1", str(uuid.uuid4())])
async def test_an_id_that_is_not_ours_reads_as_missing(alice: User, bad_id: str) -> None:
    assert await access.find_viewable(Project, alice.id, bad_id) is None


async def test_a_public_preset_is_visible_to_everyone_but_editable_by_its_owner_only(alice: User, bob: User) -> None:
    public = await StylePreset.create(
        id=uuid.uuid4(), owner_id=alice.id, name="noir", visibility=PresetVisibility.PUBLIC
    )
    private = await StylePreset.create(id=uuid.uuid4(), owner_id=alice.id, name="secret")
    assert await access.find_viewable(StylePreset, bob.id, public.id) is not None
    assert await access.find_editable(StylePreset, bob.id, public.id) is None
    assert await access.find_viewable(StylePreset, bob.id, private.id) is None
    assert await access.find_editable(StylePreset, alice.id, private.id) is not None


def test_a_row_already_read_is_viewable_by_its_owner_only() -> None:
    owner, other = uuid.uuid4(), uuid.uuid4()
    assert access.may_view(BatchJob, owner, owner) is True
    assert access.may_view(BatchJob, other, owner) is False
    with pytest.raises(ValueError, match="more than its owner"):
        access.may_view(StylePreset, owner, owner)  # a public preset is viewable by others: needs the row
