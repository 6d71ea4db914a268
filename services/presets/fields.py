"""What a preset may hold, checked in one place for create, update and import."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from models import GenerationMode, SizeTier, Upload, User
from services import access
from services.core.config import Settings
from services.core.errors import InvalidInput, InvalidInputs, NotFound, UserFacingError
from services.core.text import text_problem
from services.generation import capabilities as caps

NAME_MAX = 120
DESCRIPTION_MAX = 2000
TAGS_MAX = 20
TAG_MAX = 32
TEMPLATE_MAX = 1000
SUFFIX_MAX = 300
SIZE_MAX = 16  # the columns' widths: "2048x2048", "16:9"
ASPECT_RATIO_MAX = 8
PRESETS_PER_USER = 200
DEFAULT_INTENSITY = 0.75


@dataclass(frozen=True, slots=True)
class PresetFields:
    """A preset's settings as a client sent them; on update, None leaves a field as it is."""

    name: str | None = None
    description: str | None = None
    tags: list[str] | None = None
    prompt_template: str | None = None
    prompt_suffix: str | None = None
    default_mode: GenerationMode | None = None
    default_size: str | None = None
    default_aspect_ratio: str | None = None
    default_resolution: SizeTier | None = None
    max_images: int | None = None
    reference_ids: list[str] | None = None
    default_intensity: float | None = None
    clear: frozenset[str] = field(default_factory=frozenset)
    """Optional settings to reset to none (``default_mode``, ``default_size``... ) on update."""


CLEARABLE = frozenset({"default_mode", "default_size", "default_aspect_ratio", "default_resolution", "max_images"})


def _normal_tags(tags: list[str], at: list[str], problems: list[UserFacingError]) -> list[str]:
    cleaned: list[str] = []
    if len(tags) > TAGS_MAX:
        problems.append(InvalidInput(f"at most {TAGS_MAX} tags", at))
    for index, tag in enumerate(tags):
        bad = text_problem(tag, [*at, str(index)], max_length=TAG_MAX)
        if bad is not None:
            problems.append(bad)
            continue
        value = " ".join(tag.lower().split())
        if not value or len(value) > TAG_MAX or "," in value:
            problems.append(InvalidInput(f"tags are 1-{TAG_MAX} characters without commas", [*at, str(index)]))
        elif value not in cleaned:
            cleaned.append(value)
    return cleaned


async def clean(
    user: User, changes: PresetFields, settings: Settings, *, current: dict[str, Any] | None, at: list[str]
) -> dict[str, Any]:
    """The validated settings of a new version: ``current`` (the latest version's values) with ``changes`` applied.

    Every problem is collected and raised together (``InvalidInputs``), each naming its field under ``at``.
    """
    values: dict[str, Any] = dict(current or {})
    problems: list[UserFacingError] = []

    def path(name: str) -> list[str]:
        return [*at, name]

    def text(name: str, value: str, max_length: int, *, multiline: bool = False) -> bool:
        """The policy's check of one string field; False (and the problem noted) when it fails."""
        bad = text_problem(value, path(name), max_length=max_length, multiline=multiline)
        if bad is not None:
            problems.append(bad)
        return bad is None

    if changes.name is not None or current is None:
        name = " ".join((changes.name or "").split())
        if text("name", changes.name or "", NAME_MAX) and (not name or len(name) > NAME_MAX):
            problems.append(InvalidInput(f"name must be 1-{NAME_MAX} characters", path("name")))
        values["name"] = name
    if changes.description is not None:
        text("description", changes.description, DESCRIPTION_MAX, multiline=True)
        values["description"] = changes.description
    if changes.tags is not None:
        values["tags"] = _normal_tags(changes.tags, path("tags"), problems)
    if changes.prompt_template is not None:
        template = changes.prompt_template.strip()
        if text("prompt_template", changes.prompt_template, TEMPLATE_MAX, multiline=True):
            if not template:
                problems.append(
                    InvalidInput(f"promptTemplate must be 1-{TEMPLATE_MAX} characters", path("prompt_template"))
                )
            elif template.count("{prompt}") > 1:
                problems.append(InvalidInput("promptTemplate may hold {prompt} at most once", path("prompt_template")))
        values["prompt_template"] = template
    if changes.prompt_suffix is not None:
        text("prompt_suffix", changes.prompt_suffix, SUFFIX_MAX, multiline=True)
        values["prompt_suffix"] = changes.prompt_suffix.strip()
    for name in changes.clear & CLEARABLE:
        values[name] = None
    for name in ("default_mode", "default_size", "default_aspect_ratio", "default_resolution", "max_images"):
        given = getattr(changes, name)
        if given is not None:
            values[name] = given
    for name, limit in (("default_size", SIZE_MAX), ("default_aspect_ratio", ASPECT_RATIO_MAX)):
        given = getattr(changes, name)
        if given is not None and not text(name, given, limit):
            values[name] = None  # checked no further: its problem is already noted
    if changes.default_intensity is not None:
        if not 0.0 <= changes.default_intensity <= 1.0:
            problems.append(InvalidInput("defaultIntensity must be between 0 and 1", path("default_intensity")))
        values["default_intensity"] = changes.default_intensity
    values.setdefault("description", "")
    values.setdefault("tags", [])
    values.setdefault("prompt_template", "{prompt}")
    values.setdefault("prompt_suffix", "")
    values.setdefault("default_intensity", DEFAULT_INTENSITY)
    values.setdefault("reference_ids", [])
    for name in ("default_mode", "default_size", "default_aspect_ratio", "default_resolution", "max_images"):
        values.setdefault(name, None)

    try:
        caps.resolve_size(
            values["default_size"],
            values["default_aspect_ratio"],
            values["default_resolution"],
            caps.size_bounds(settings.seedream_provider),
            at=at,
        )
    except InvalidInput as problem:
        problem.field = [*at, "default_" + (problem.field or ["size"])[-1]]
        problems.append(problem)
    if values["max_images"] is not None and not 1 <= values["max_images"] <= caps.MAX_SET_IMAGES:
        problems.append(InvalidInput(f"maxImages must be between 1 and {caps.MAX_SET_IMAGES}", path("max_images")))
    if changes.reference_ids is not None:
        values["reference_ids"] = await _references(user, changes.reference_ids, path("reference_images"), problems)
    if problems:
        raise InvalidInputs(problems)
    return values


async def _references(user: User, given: list[str], at: list[str], problems: list[UserFacingError]) -> list[str]:
    """The user's own uploads, in order; a preset sends them as style references in the edit modes."""
    if len(given) > caps.MAX_REFERENCES:
        problems.append(InvalidInput(f"at most {caps.MAX_REFERENCES} reference images", at))
        return []
    ids: list[str] = []
    for index, ref in enumerate(given):
        found = await access.find_owned(Upload, user.id, ref)
        if found is None:
            problems.append(NotFound("uploaded image not found", [*at, str(index)]))
        elif str(found.id) not in ids:
            ids.append(str(found.id))
    return ids


def tags_text(tags: list[str]) -> str:
    """The tags as ``,a,b,`` (what ``tags_text__contains=",a,"`` filters on, on every database)."""
    return "," + ",".join(tags) + "," if tags else ""


VERSIONED_FIELDS = (
    "name",
    "description",
    "tags",
    "prompt_template",
    "prompt_suffix",
    "default_mode",
    "default_size",
    "default_aspect_ratio",
    "default_resolution",
    "max_images",
    "reference_ids",
    "default_intensity",
)
"""The settings every version stores (the preset row holds a copy of the current version's)."""


def version_values(values: Any) -> dict[str, Any]:
    """The versioned settings of a dict, or of a preset or version row."""
    if isinstance(values, dict):
        return {key: values[key] for key in VERSIONED_FIELDS}
    return {key: getattr(values, key) for key in VERSIONED_FIELDS}
