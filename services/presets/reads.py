"""Finding and listing presets, and what a page of them needs in batches (versions, previews, references, uses)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from tortoise.expressions import Q

from models import (
    BatchPresetUse,
    EditStatus,
    ImageEdit,
    PresetVisibility,
    StylePreset,
    StylePresetVersion,
    Upload,
)
from services import access
from services.core.errors import InvalidInput, NotFound
from services.core.pagination import Page, paginate, paginate_ranked
from services.core.text import check_optional_text, check_text
from services.presets.fields import TAG_MAX

SEARCH_MAX = 200
TAG_FILTER_MAX = 10
SHARE_CODE_MAX = 32  # the column's width; codes we make are 16 characters


class PresetScope(StrEnum):
    MINE = "MINE"
    PUBLIC = "PUBLIC"
    BUILT_IN = "BUILT_IN"
    VISIBLE = "VISIBLE"


class PresetOrder(StrEnum):
    NEWEST = "NEWEST"
    MOST_USED = "MOST_USED"


async def get(user_id: uuid.UUID, preset_id: str | uuid.UUID) -> StylePreset | None:
    """A preset the user may read by id (their own, public or built-in), or None."""
    return await access.find_viewable(StylePreset, user_id, preset_id)


async def by_share_code(code: str, field: list[str] | None = None) -> StylePreset | None:
    """The preset behind a share code, or None; a code that breaks the text policy is ``InvalidInput``."""
    return await access.find_shared_preset(check_text(code, field or ["code"], max_length=SHARE_CODE_MAX))


async def page(
    user_id: uuid.UUID,
    *,
    scope: PresetScope,
    search: str | None,
    tags: list[str] | None,
    order: PresetOrder,
    first: int,
    after: str | None,
) -> Page[StylePreset]:
    """Presets in ``scope`` matching the search (name or description) and all ``tags``."""
    query = access.viewable(StylePreset, user_id)
    if scope is PresetScope.MINE:
        query = access.owned(StylePreset, user_id).filter(deleted_at=None)
    elif scope is PresetScope.PUBLIC:
        query = query.filter(visibility=PresetVisibility.PUBLIC, built_in=False)
    elif scope is PresetScope.BUILT_IN:
        query = query.filter(built_in=True)
    if check_optional_text(search, ["search"], max_length=SEARCH_MAX):
        query = query.filter(Q(name__icontains=search) | Q(description__icontains=search))
    for index, tag in enumerate(tags or []):
        if index >= TAG_FILTER_MAX:
            raise InvalidInput(f"filter on at most {TAG_FILTER_MAX} tags", ["tags"])
        value = " ".join(check_text(tag, ["tags", str(index)], max_length=TAG_MAX).lower().split())
        query = query.filter(tags_text__contains=f",{value},")
    if order is PresetOrder.MOST_USED:
        return await paginate_ranked(query, rank_field="usage_count", first=first, after=after)
    return await paginate(query, first=first, after=after)


async def exportable(user_id: uuid.UUID, preset_id: str) -> StylePreset:
    preset = await get(user_id, preset_id)
    if preset is None:
        raise NotFound("style preset not found", ["id"])
    return preset


async def versions_of(preset_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[StylePresetVersion]]:
    """Every version of each preset, newest first (one query)."""
    grouped: dict[uuid.UUID, list[StylePresetVersion]] = {ident: [] for ident in preset_ids}
    for row in await StylePresetVersion.filter(preset_id__in=preset_ids).order_by("-version"):
        grouped[row.preset_id].append(row)
    return grouped


def may_see_private_parts(viewer_id: uuid.UUID, preset: StylePreset) -> bool:
    """Whether the viewer sees what only the preset's owner may: its upload ids and reference URLs, the versions
    saved while it was private, its share code."""
    return viewer_id == preset.owner_id


def published_versions(
    viewer_id: uuid.UUID, preset: StylePreset, rows: list[StylePresetVersion]
) -> list[StylePresetVersion]:
    """The versions of ``preset`` that ``viewer_id`` may read: all for the owner; for others, those saved since the
    preset was last shared (the built-in library: all; a preset shared before this was recorded: the current one)."""
    if may_see_private_parts(viewer_id, preset) or preset.built_in:
        return rows
    first = preset.published_from_version if preset.published_from_version is not None else preset.version
    return [row for row in rows if row.version >= first]


@dataclass(frozen=True, slots=True)
class ForkOrigin:
    """What the forker saw of a fork's origin when forking."""

    preset_id: uuid.UUID
    name: str
    author: str
    version: int


def fork_origin(viewer_id: uuid.UUID, fork: StylePreset, origin_viewable: bool) -> ForkOrigin | None:
    """The origin as recorded on the fork: always for the fork's owner; for others while they may read the origin
    (``origin_viewable``). None for a preset that is no fork, or a fork made before the origin was recorded."""
    if fork.forked_from_id is None or fork.forked_from_name is None or fork.forked_from_version is None:
        return None
    if not (may_see_private_parts(viewer_id, fork) or origin_viewable):
        return None
    return ForkOrigin(
        preset_id=fork.forked_from_id,
        name=fork.forked_from_name,
        author=fork.forked_from_author or "",
        version=fork.forked_from_version,
    )


async def shared_origin(viewer_id: uuid.UUID, fork: StylePreset) -> StylePreset | None:
    """For the fork's owner, its origin while it is still shared (UNLISTED included: they forked it with its code)."""
    if fork.forked_from_id is None or viewer_id != fork.owner_id:
        return None
    return await StylePreset.get_or_none(
        id=fork.forked_from_id,
        visibility__in=(PresetVisibility.UNLISTED, PresetVisibility.PUBLIC),
        deleted_at=None,
    )


async def versions_by_id(version_ids: list[uuid.UUID]) -> dict[uuid.UUID, StylePresetVersion]:
    return {row.id: row for row in await StylePresetVersion.filter(id__in=version_ids)}


async def viewable_by_id(user_id: uuid.UUID, preset_ids: list[uuid.UUID]) -> dict[uuid.UUID, StylePreset]:
    """The presets among ``preset_ids`` the user may read (one query)."""
    return {row.id: row for row in await access.viewable(StylePreset, user_id).filter(id__in=preset_ids)}


async def previews_of(batch_ids: list[uuid.UUID]) -> dict[uuid.UUID, ImageEdit]:
    """The delivered image of each preview batch (one query)."""
    found: dict[uuid.UUID, ImageEdit] = {}
    rows = await ImageEdit.filter(batch_job_id__in=batch_ids, status=EditStatus.SUCCEEDED).order_by("batch_index")
    for edit in rows:
        if edit.batch_job_id is not None:
            found.setdefault(edit.batch_job_id, edit)
    return found


async def references_by_id(reference_ids: list[uuid.UUID]) -> dict[uuid.UUID, Upload]:
    """Reference images by id (those a preset holds; its readers may see them)."""
    return {row.id: row for row in await Upload.filter(id__in=reference_ids)}


async def uses_of(batch_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[BatchPresetUse]]:
    """The presets each batch used, in composition order (one query)."""
    grouped: dict[uuid.UUID, list[BatchPresetUse]] = defaultdict(list)
    for use in await BatchPresetUse.filter(batch_job_id__in=batch_ids).order_by("position"):
        grouped[use.batch_job_id].append(use)
    return {ident: grouped.get(ident, []) for ident in batch_ids}
