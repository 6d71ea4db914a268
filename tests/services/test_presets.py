"""Presets at the service level: versions, sharing and forking, and unchanged rows on denied calls."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from models import PresetVisibility, StylePreset, StylePresetVersion, User
from services.core.config import Settings
from services.core.errors import DomainError, InvalidInput, NotFound
from services.infra.storage import LinkSigner, LocalStorage
from services.presets import editing, reads
from services.presets.fields import PresetFields

SETTINGS = Settings()


async def _state(preset_id: uuid.UUID) -> tuple[object, ...]:
    row = await StylePreset.get(id=preset_id)
    versions = await StylePresetVersion.filter(preset_id=preset_id).count()
    return (row.name, row.version, row.visibility, row.share_code, row.deleted_at, versions)


async def _preset(owner: User, name: str = "Noir") -> StylePreset:
    return await editing.create(owner, PresetFields(name=name, prompt_template="{prompt}, film noir"), SETTINGS)


async def test_create_is_private_version_one(alice: User) -> None:
    preset = await _preset(alice)
    assert (preset.owner_id, preset.version, preset.visibility) == (alice.id, 1, PresetVisibility.PRIVATE)
    assert [v.version for v in await StylePresetVersion.filter(preset_id=preset.id)] == [1]


async def test_an_update_adds_a_version_and_no_change_adds_none(alice: User) -> None:
    preset = await _preset(alice)
    updated = await editing.update(alice, str(preset.id), PresetFields(name="Noir 2"), SETTINGS)
    assert (updated.name, updated.version) == ("Noir 2", 2)
    same = await editing.update(alice, str(preset.id), PresetFields(name="Noir 2"), SETTINGS)
    assert same.version == 2
    versions = await StylePresetVersion.filter(preset_id=preset.id).order_by("version")
    assert [(v.version, v.name) for v in versions] == [(1, "Noir"), (2, "Noir 2")]


async def test_invalid_input_changes_nothing(alice: User) -> None:
    preset = await _preset(alice)
    before = await _state(preset.id)
    with pytest.raises(DomainError):
        await editing.update(alice, str(preset.id), PresetFields(name=""), SETTINGS)
    assert await _state(preset.id) == before


async def test_another_user_can_neither_read_nor_change_a_private_preset(
    alice: User, bob: User, tmp_path: Path
) -> None:
    preset = await _preset(alice)
    before = await _state(preset.id)
    assert await reads.get(bob.id, preset.id) is None
    with pytest.raises(NotFound):
        await editing.update(bob, str(preset.id), PresetFields(name="Stolen"), SETTINGS)
    with pytest.raises(NotFound):
        await editing.share(bob, str(preset.id), PresetVisibility.PUBLIC)
    with pytest.raises(NotFound):
        await editing.delete(bob, str(preset.id))
    with pytest.raises(NotFound):
        await editing.fork(
            bob,
            preset_id=str(preset.id),
            share_code=None,
            storage=LocalStorage(tmp_path, LinkSigner(b"k" * 32, 3600, "/media/")),
        )
    assert await _state(preset.id) == before
    assert not await StylePreset.filter(owner_id=bob.id).exists()


async def test_an_unlisted_preset_forks_by_share_code_and_private_revokes_it(
    alice: User, bob: User, tmp_path: Path
) -> None:
    preset = await _preset(alice)
    shared = await editing.share(alice, str(preset.id), PresetVisibility.UNLISTED)
    assert shared.share_code
    fork = await editing.fork(
        bob,
        preset_id=None,
        share_code=shared.share_code,
        storage=LocalStorage(tmp_path, LinkSigner(b"k" * 32, 3600, "/media/")),
    )
    assert (fork.owner_id, fork.forked_from_id, fork.name, fork.version) == (bob.id, preset.id, "Noir", 1)
    revoked = await editing.share(alice, str(preset.id), PresetVisibility.PRIVATE)
    assert revoked.share_code is None
    with pytest.raises(NotFound):
        await editing.fork(
            bob,
            preset_id=None,
            share_code=shared.share_code,
            storage=LocalStorage(tmp_path, LinkSigner(b"k" * 32, 3600, "/media/")),
        )
    assert await StylePreset.filter(owner_id=bob.id).count() == 1


async def test_fork_needs_exactly_one_of_id_and_code(alice: User, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        await editing.fork(
            alice,
            preset_id=None,
            share_code=None,
            storage=LocalStorage(tmp_path, LinkSigner(b"k" * 32, 3600, "/media/")),
        )
    assert not await StylePreset.filter(owner_id=alice.id).exists()


async def test_delete_is_soft_and_revokes_the_code(alice: User) -> None:
    preset = await _preset(alice)
    await editing.share(alice, str(preset.id), PresetVisibility.UNLISTED)
    assert await editing.delete(alice, str(preset.id)) == preset.id
    row = await StylePreset.get(id=preset.id)
    assert row.deleted_at is not None
    assert row.share_code is None
