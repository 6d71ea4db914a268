"""Changing presets: create, update (a new immutable version), soft delete, share, fork, import, preview.

Every change is checked in full before anything is written (``fields.clean`` reports all bad fields together), and
a denied change (another user's preset, the built-in library for a non-administrator) reads as not found.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
from tortoise.transactions import in_transaction

from models import GenerationMode, PresetVisibility, Project, StylePreset, StylePresetVersion, User
from services import access
from services.core.config import Settings
from services.core.errors import Conflict, InvalidInput, InvalidInputs, NotFound, UserFacingError
from services.generation.plan import SubmitRequest
from services.generation.styles import PresetUseSpec
from services.generation.submit import Submitted, submit
from services.infra.jobs import JobQueue
from services.infra.storage import Storage
from services.presets import copies, documents, reads
from services.presets.fields import PRESETS_PER_USER, PresetFields, clean, tags_text, version_values
from services.progress.publisher import ProgressPublisher

SHARE_CODE_BYTES = 12  # 96 random bits, 16 URL-safe characters
PREVIEW_PROJECT = "Preset previews"
PREVIEW_PROMPT = "a quiet harbor town at golden hour, boats on calm water, a lighthouse on the hill"


async def _check_room(user: User) -> None:
    if await access.owned(StylePreset, user.id).filter(deleted_at=None).count() >= PRESETS_PER_USER:
        raise Conflict(f"you have {PRESETS_PER_USER} presets, the most one user may keep: delete one first")


async def _create(user: User, values: dict[str, Any], *, origin: dict[str, Any] | None = None) -> StylePreset:
    preset_id = uuid.uuid4()
    async with in_transaction():
        preset = await StylePreset.create(
            id=preset_id,
            owner_id=user.id,
            **(origin or {}),
            tags_text=tags_text(values["tags"]),
            version=1,
            **values,
        )
        await StylePresetVersion.create(id=uuid.uuid4(), preset_id=preset_id, version=1, **version_values(values))
    return preset


async def create(user: User, changes: PresetFields, settings: Settings) -> StylePreset:
    """A new private preset (version 1)."""
    values = await clean(user, changes, settings, current=None, at=["input"])
    await _check_room(user)
    return await _create(user, values)


async def _editable(user: User, preset_id: str) -> StylePreset:
    preset = await access.find_editable_preset(user, preset_id)
    if preset is None:
        raise NotFound("style preset not found", ["id"])
    return preset


async def update(user: User, preset_id: str, changes: PresetFields, settings: Settings) -> StylePreset:
    """Save the changes as the next version; earlier versions stay as they were. No change, no new version."""
    preset = await _editable(user, preset_id)
    current = version_values(preset)
    values = await clean(user, changes, settings, current=current, at=["input"])
    if version_values(values) == current:
        return preset
    following = preset.version + 1
    async with in_transaction():
        # Conditional on the version we read: two concurrent updates cannot both become version N + 1.
        updated = await StylePreset.filter(id=preset.id, version=preset.version).update(
            version=following, tags_text=tags_text(values["tags"]), **values
        )
        if not updated:
            raise Conflict("the preset changed meanwhile: read it again and retry", ["id"])
        await StylePresetVersion.create(
            id=uuid.uuid4(), preset_id=preset.id, version=following, **version_values(values)
        )
    return await StylePreset.get(id=preset.id)


async def delete(user: User, preset_id: str) -> uuid.UUID:
    """Soft delete: the preset disappears from lists and cannot be used again; batches that used it still show it."""
    preset = await _editable(user, preset_id)
    await StylePreset.filter(id=preset.id).update(deleted_at=datetime.now(UTC), share_code=None)
    return preset.id


async def share(user: User, preset_id: str, visibility: PresetVisibility) -> StylePreset:
    """PRIVATE (the share code is revoked), UNLISTED (readable with the share code) or PUBLIC (listed)."""
    preset = await _editable(user, preset_id)
    code = preset.share_code
    published_from = preset.published_from_version
    if visibility is PresetVisibility.PRIVATE:
        code, published_from = None, None
    else:
        if code is None:
            code = secrets.token_urlsafe(SHARE_CODE_BYTES)
        if preset.visibility is PresetVisibility.PRIVATE or published_from is None:
            # Others see the versions from this one on: what was saved while private stays private.
            published_from = preset.version
    await StylePreset.filter(id=preset.id).update(
        visibility=visibility, share_code=code, published_from_version=published_from
    )
    return await StylePreset.get(id=preset.id)


async def fork(user: User, *, preset_id: str | None, share_code: str | None, storage: Storage) -> StylePreset:
    """A private copy of a preset you can read (by id, or any UNLISTED one by its share code), linked to it.

    The fork owns copies of the source's reference images (see ``copies``)."""
    if (preset_id is None) == (share_code is None):
        raise InvalidInput("give exactly one of id or shareCode", ["id"])
    if preset_id is not None:
        source = await access.find_viewable(StylePreset, user.id, preset_id)
        path = ["id"]
    else:
        path = ["share_code"]
        source = await reads.by_share_code(share_code or "", path)
    if source is None:
        raise NotFound("style preset not found", path)
    await _check_room(user)
    values = version_values(source)
    values["reference_ids"] = await copies.copy_uploads(user, values["reference_ids"], storage)
    author = await User.get_or_none(id=source.owner_id)
    # What the forker saw, kept on the fork: lineage that survives the origin turning private or being deleted.
    origin = {
        "forked_from_id": source.id,
        "forked_from_name": source.name,
        "forked_from_author": author.display_name if author else "",
        "forked_from_version": source.version,
    }
    return await _create(user, values, origin=origin)


async def import_document(user: User, document: Any, settings: Settings, storage: Storage) -> StylePreset:
    """A new private preset from an exported document (see ``documents``); nothing is created if it is malformed.

    Embedded reference images become the importer's uploads, each checked like an upload."""
    changes, images, shape_problems = documents.read(document)
    problems: list[UserFacingError] = list(shape_problems)
    try:
        values = await clean(user, changes, settings, current=None, at=["document", "preset"])
    except InvalidInputs as invalid:
        problems.extend(e for e in invalid.errors if e.field not in [p.field for p in problems])
    cleaned: list[tuple[bytes, str, int, int]] = []
    try:
        cleaned = await copies.check_embedded(images)
    except InvalidInputs as invalid:
        problems.extend(invalid.errors)
    if problems:
        raise InvalidInputs(problems)
    await _check_room(user)
    if images:
        values["reference_ids"] = await copies.keep_embedded(user, cleaned, storage)
    return await _create(user, values)


async def preview(
    user: User,
    preset_id: str,
    *,
    settings: Settings,
    storage: Storage,
    http: httpx.AsyncClient,
    queue: JobQueue,
    publisher: ProgressPublisher,
) -> tuple[StylePreset, Submitted]:
    """Generate one image of a fixed sample prompt with the preset (charged like any generation) in the user's
    "Preset previews" project; once delivered, that image is the preset's preview."""
    preset = await _editable(user, preset_id)
    project = await access.owned(Project, user.id).filter(name=PREVIEW_PROJECT).order_by("created_at").first()
    made_project = project is None
    if project is None:
        project = await Project.create(
            id=uuid.uuid4(), owner_id=user.id, name=PREVIEW_PROJECT, description="Previews of your style presets."
        )
    try:
        submitted = await submit(
            user,
            SubmitRequest(
                project_id=str(project.id),
                mode=GenerationMode.TEXT_TO_IMAGE,
                prompt=PREVIEW_PROMPT,
                presets=[PresetUseSpec(preset_id=str(preset.id))],
            ),
            settings=settings,
            storage=storage,
            http=http,
            queue=queue,
            publisher=publisher,
        )
    except UserFacingError:
        # A refused preview (credits, a setting out of bounds) leaves nothing behind: the project it needed goes
        # too. submit validates and holds in its own transaction, so nothing else was written.
        if made_project:
            await access.owned(Project, user.id).filter(id=project.id).delete()
        raise
    await StylePreset.filter(id=preset.id).update(preview_batch_job_id=submitted.batch.id)
    return await StylePreset.get(id=preset.id), submitted
