"""Projects at the service level: validated writes, owner scoping, and nothing changed by a denied call."""

from __future__ import annotations

import uuid

import pytest

from models import BatchJob, BatchStatus, GenerationMode, Project, SizeTier, User
from services import projects
from services.core.errors import Conflict, InvalidInput, NotFound
from services.projects import ProjectChanges


async def _snapshot(project_id: uuid.UUID) -> dict[str, object]:
    row = await Project.get(id=project_id)
    return {k: getattr(row, k) for k in ("name", "description", "batch_size", "metadata", "updated_at")}


async def test_create_trims_and_keeps_the_fields(alice: User) -> None:
    made = await projects.create(
        alice.id, ProjectChanges(name="  Moodboard ", description="d", batch_size=4, metadata={"k": 1})
    )
    stored = await Project.get(id=made.id)
    assert (stored.owner_id, stored.name, stored.description, stored.batch_size) == (alice.id, "Moodboard", "d", 4)
    assert stored.metadata == {"k": 1}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        (ProjectChanges(name="   "), ["input", "name"]),
        (ProjectChanges(name="ok", batch_size=0), ["input", "batch_size"]),
        (ProjectChanges(name="ok", metadata=[1, 2]), ["input", "metadata"]),
        (ProjectChanges(name="x" * 121), ["input", "name"]),
    ],
)
async def test_bad_input_names_the_field_and_writes_nothing(
    alice: User, changes: ProjectChanges, field: list[str]
) -> None:
    with pytest.raises(InvalidInput) as caught:
        await projects.create(alice.id, changes)
    assert caught.value.field == field
    assert not await Project.filter(owner_id=alice.id).exists()


async def test_update_changes_only_the_named_fields(alice: User) -> None:
    made = await projects.create(alice.id, ProjectChanges(name="One", description="keep"))
    updated = await projects.update(alice.id, str(made.id), ProjectChanges(name="Two"))
    stored = await Project.get(id=made.id)
    assert (updated.name, stored.name, stored.description) == ("Two", "Two", "keep")


async def test_an_invalid_update_leaves_the_project_unchanged(alice: User) -> None:
    made = await projects.create(alice.id, ProjectChanges(name="One"))
    before = await _snapshot(made.id)
    with pytest.raises(InvalidInput):
        await projects.update(alice.id, str(made.id), ProjectChanges(name="Two", batch_size=999))
    assert await _snapshot(made.id) == before


async def test_another_users_project_is_not_found_and_unchanged(alice: User, bob: User) -> None:
    made = await projects.create(alice.id, ProjectChanges(name="Private"))
    before = await _snapshot(made.id)
    assert await projects.get(bob.id, str(made.id)) is None
    with pytest.raises(NotFound):
        await projects.update(bob.id, str(made.id), ProjectChanges(name="Mine now"))
    with pytest.raises(NotFound):
        await projects.delete(bob.id, str(made.id))
    assert await _snapshot(made.id) == before
    page = await projects.list_page(bob.id, first=10, after=None)
    assert made.id not in {p.id for p in page.items}


async def test_delete_is_refused_while_a_batch_is_open(alice: User) -> None:
    made = await projects.create(alice.id, ProjectChanges(name="Busy"))
    batch = await BatchJob.create(
        id=uuid.uuid4(),
        owner_id=alice.id,
        project_id=made.id,
        mode=GenerationMode.TEXT_TO_IMAGE,
        status=BatchStatus.RUNNING,
        prompts=["a cat"],
        width=1024,
        height=1024,
        size_tier=SizeTier.K1,
        total_images=1,
        parameters={},
    )
    with pytest.raises(Conflict):
        await projects.delete(alice.id, str(made.id))
    assert await Project.exists(id=made.id)
    batch.status = BatchStatus.SUCCEEDED
    await batch.save(update_fields=["status"])
    assert await projects.delete(alice.id, str(made.id)) == made.id
    assert not await Project.exists(id=made.id)
    assert not await BatchJob.exists(id=batch.id)


async def test_list_filters_by_search(alice: User) -> None:
    await projects.create(alice.id, ProjectChanges(name="Cats at dusk"))
    await projects.create(alice.id, ProjectChanges(name="Dogs", description="no cats here either"))
    await projects.create(alice.id, ProjectChanges(name="Birds"))
    page = await projects.list_page(alice.id, first=10, after=None, search="cat")
    assert sorted(p.name for p in page.items) == ["Cats at dusk", "Dogs"]
