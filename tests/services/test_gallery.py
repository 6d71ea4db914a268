"""The gallery at the service level: only delivered images of one's own, owner-scoped edits, public reads."""

from __future__ import annotations

import uuid

import pytest

from models import EditStatus, GalleryItem, GenerationMode, ImageEdit, Project, User
from services import gallery
from services.core.errors import Conflict, InvalidInput, NotFound
from services.gallery import GalleryAddition, GalleryChanges, GalleryFilter


async def _image(owner: User, *, delivered: bool = True, prompt: str = "a red fox") -> ImageEdit:
    project = await Project.create(id=uuid.uuid4(), owner_id=owner.id, name="P")
    return await ImageEdit.create(
        id=uuid.uuid4(),
        owner_id=owner.id,
        project_id=project.id,
        mode=GenerationMode.TEXT_TO_IMAGE,
        prompt=prompt,
        size="1024x1024",
        status=EditStatus.SUCCEEDED if delivered else EditStatus.FAILED,
        image_key="outputs/x.png" if delivered else None,
        image_url="/media/outputs/x.png" if delivered else None,
    )


async def _state(item_id: uuid.UUID) -> tuple[object, ...]:
    row = await GalleryItem.get(id=item_id)
    return (row.title, row.tags, row.is_favorite, row.is_public, row.updated_at)


async def test_adding_keeps_a_private_copy_of_the_images_facts(alice: User) -> None:
    image = await _image(alice)
    item = await gallery.add(alice.id, GalleryAddition(str(image.id), title=" Fox ", tags=["Animals"]))
    stored = await GalleryItem.get(id=item.id)
    assert (stored.owner_id, stored.image_edit_id, stored.project_id) == (alice.id, image.id, image.project_id)
    assert (stored.mode, stored.prompt, stored.is_public, stored.is_favorite) == (
        GenerationMode.TEXT_TO_IMAGE,
        "a red fox",
        False,
        False,
    )
    assert stored.tags == ["animals"]


async def test_the_same_image_twice_is_a_conflict(alice: User) -> None:
    image = await _image(alice)
    await gallery.add(alice.id, GalleryAddition(str(image.id)))
    with pytest.raises(Conflict):
        await gallery.add(alice.id, GalleryAddition(str(image.id)))
    assert await GalleryItem.filter(image_edit_id=image.id).count() == 1


async def test_only_delivered_images_of_ones_own(alice: User, bob: User) -> None:
    failed = await _image(alice, delivered=False)
    with pytest.raises(InvalidInput) as caught:
        await gallery.add(alice.id, GalleryAddition(str(failed.id)))
    assert caught.value.field == ["input", "image_edit_id"]
    alices = await _image(alice)
    with pytest.raises(NotFound):
        await gallery.add(bob.id, GalleryAddition(str(alices.id)))
    assert not await GalleryItem.filter(owner_id__in=[alice.id, bob.id]).exists()


async def test_update_changes_flags_and_another_user_changes_nothing(alice: User, bob: User) -> None:
    item = await gallery.add(alice.id, GalleryAddition(str((await _image(alice)).id), title="Fox"))
    before = await _state(item.id)
    with pytest.raises(NotFound):
        await gallery.update(bob.id, str(item.id), GalleryChanges(title="Mine", public=True))
    with pytest.raises(NotFound):
        await gallery.remove(bob.id, str(item.id))
    assert await gallery.get(bob.id, str(item.id)) is None
    assert await _state(item.id) == before

    updated = await gallery.update(alice.id, str(item.id), GalleryChanges(favorite=True, public=True))
    assert (updated.title, updated.is_favorite, updated.is_public) == ("Fox", True, True)


async def test_bad_tags_name_the_field_and_change_nothing(alice: User) -> None:
    item = await gallery.add(alice.id, GalleryAddition(str((await _image(alice)).id), tags=["kept"]))
    before = await _state(item.id)
    with pytest.raises(InvalidInput) as caught:
        await gallery.update(alice.id, str(item.id), GalleryChanges(tags=["x" * 41]))
    assert caught.value.field is not None
    assert caught.value.field[:2] == ["input", "tags"]
    assert await _state(item.id) == before


async def test_public_page_shows_only_public_items(alice: User, bob: User) -> None:
    shown = await gallery.add(alice.id, GalleryAddition(str((await _image(alice)).id)))
    hidden = await gallery.add(alice.id, GalleryAddition(str((await _image(alice)).id)))
    await gallery.update(alice.id, str(shown.id), GalleryChanges(public=True))
    page = await gallery.public_page(GalleryFilter(), first=100, after=None)
    ids = {item.id for item in page.items}
    assert shown.id in ids
    assert hidden.id not in ids
    assert await gallery.get(bob.id, str(shown.id)) is None  # public, yet still not Bob's to edit


async def test_removing_keeps_the_image(alice: User) -> None:
    image = await _image(alice)
    item = await gallery.add(alice.id, GalleryAddition(str(image.id)))
    assert await gallery.remove(alice.id, str(item.id)) == item.id
    assert not await GalleryItem.exists(id=item.id)
    assert await ImageEdit.exists(id=image.id)
