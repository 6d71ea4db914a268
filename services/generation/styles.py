"""Style presets applied to a generation: which versions, with what weight and intensity, and the deterministic rule
that turns them into the prompt and reference images sent to Seedream.

The rule (also in the README):

1. Each preset used has an intensity ``t`` in [0, 1] (default: the preset's own) and a weight ``w`` > 0 (default 1).
   Presets are ordered by weight, heaviest first; equal weights keep the order given. The first is the *lead*.
2. A preset's strength is ``s = t × w / w_max``: the lead keeps its intensity, the others are scaled by their weight
   relative to it. The strength picks a level: 0 off; below 0.34 subtle; below 0.67 balanced; below 0.9 full;
   otherwise strong.
3. The prompt: the lead wraps the user's prompt. subtle: ``P, with a subtle touch of S``; balanced: the template
   with ``{prompt}`` = P; full: the template and the suffix; strong: the template, the suffix and
   ``, with strong emphasis on S``. Each other preset then adds a clause: subtle ``, with a hint of S``; balanced
   ``, blended with S``; full ``, blended with S, <suffix>``; strong ``, strongly blended with S, <suffix>``. ``S`` is
   the preset's style text: its template without ``{prompt}`` and the words that tied it to the prompt.
   A preset whose level is off adds nothing.
4. Reference images (edit modes only: EDIT, MULTI_REFERENCE, EDIT_SEQUENTIAL): each preset sends the first
   ``round(s × n)`` of its ``n`` reference images, after the user's own, presets in order, until the provider's
   limit (10 images; for EDIT_SEQUENTIAL also references + images ≤ 15) is reached.
"""

from __future__ import annotations

import math
import re
import uuid
from dataclasses import dataclass
from enum import StrEnum

from models import GenerationMode, StylePreset, StylePresetVersion, User
from services import access
from services.core.errors import InvalidInput, NotFound
from services.core.ids import parse_id
from services.generation import capabilities as caps

MAX_PRESETS_PER_GENERATION = 3
MAX_WEIGHT = 100.0
# Words that tie a template's style to the prompt ("photograph of {prompt}"): dropped from the style text.
_TRAILING_LINKS = re.compile(r"\s+(of|with|in|for|featuring|showing|depicting|about)$", re.IGNORECASE)


class Level(StrEnum):
    OFF = "OFF"
    SUBTLE = "SUBTLE"
    BALANCED = "BALANCED"
    FULL = "FULL"
    STRONG = "STRONG"


def level_of(strength: float) -> Level:
    if strength <= 0:
        return Level.OFF
    if strength < 0.34:
        return Level.SUBTLE
    if strength < 0.67:
        return Level.BALANCED
    if strength < 0.9:
        return Level.FULL
    return Level.STRONG


@dataclass(frozen=True, slots=True)
class PresetUseSpec:
    """A preset a request asks for: ``version`` None means the current one; ``weight``/``intensity`` None mean the
    defaults (1 and the preset's own intensity)."""

    preset_id: str
    version: int | None = None
    weight: float | None = None
    intensity: float | None = None


@dataclass(frozen=True, slots=True)
class AppliedPreset:
    """A preset version as this generation applies it."""

    preset: StylePreset
    version: StylePresetVersion
    weight: float
    intensity: float
    position: int
    """Order in the composition, from 0 (the lead)."""
    strength: float

    @property
    def level(self) -> Level:
        return level_of(self.strength)


def style_text(template: str) -> str:
    """A template's style without the prompt: ``"photo of {prompt}, soft light"`` → ``"photo, soft light"``."""
    parts = []
    for part in template.split(","):
        if "{prompt}" in part:
            part = _TRAILING_LINKS.sub("", part.replace("{prompt}", " ").strip())
        part = " ".join(part.split())
        if part:
            parts.append(part)
    return ", ".join(parts)


def _with_template(template: str, prompt: str) -> str:
    if "{prompt}" in template:
        return " ".join(template.replace("{prompt}", prompt).split())
    style = style_text(template)
    return f"{prompt}, {style}" if style else prompt


def compose_prompt(prompt: str, applied: list[AppliedPreset]) -> str:
    """The prompt sent to the provider for ``prompt`` with these presets (in composition order)."""
    active = [a for a in applied if a.level is not Level.OFF]
    if not active:
        return prompt
    lead, *others = active
    version = lead.version
    style = style_text(version.prompt_template)
    suffix = version.prompt_suffix.strip()
    if lead.level is Level.SUBTLE:
        text = f"{prompt}, with a subtle touch of {style}" if style else prompt
    else:
        text = _with_template(version.prompt_template, prompt)
        if lead.level in (Level.FULL, Level.STRONG) and suffix:
            text += f", {suffix}"
        if lead.level is Level.STRONG and style:
            text += f", with strong emphasis on {style}"
    for other in others:
        style = style_text(other.version.prompt_template)
        suffix = other.version.prompt_suffix.strip()
        if not style and not suffix:
            continue
        clause = {
            Level.SUBTLE: "with a hint of",
            Level.BALANCED: "blended with",
            Level.FULL: "blended with",
            Level.STRONG: "strongly blended with",
        }[other.level]
        if style:
            text += f", {clause} {style}"
        if other.level in (Level.FULL, Level.STRONG) and suffix:
            text += f", {suffix}"
    return text


def reference_budget(mode: GenerationMode, user_references: int, max_images: int) -> int:
    """How many preset reference images a request of this mode can still carry."""
    if caps.MODE_INFO[mode].max_references == 0:
        return 0
    room = caps.MAX_REFERENCES - user_references
    if caps.MODE_INFO[mode].produces_set:
        room = min(room, caps.MAX_SET_IMAGES - user_references - max_images)
    return max(0, room)


def preset_references(applied: list[AppliedPreset], budget: int) -> list[uuid.UUID]:
    """The presets' reference images to send, in order, within ``budget``."""
    chosen: list[uuid.UUID] = []
    for use in applied:
        ids = [uuid.UUID(str(r)) for r in use.version.reference_ids]
        take = min(len(ids), math.floor(use.strength * len(ids) + 0.5))
        for ident in ids[:take]:
            if len(chosen) >= budget:
                return chosen
            if ident not in chosen:
                chosen.append(ident)
    return chosen


async def _recorded_preset(
    spec: PresetUseSpec, recorded: frozenset[tuple[uuid.UUID, int]]
) -> tuple[StylePreset, int] | None:
    """A preset a remix's origin recorded (possibly deleted since), at the recorded version; None otherwise."""
    ident = parse_id(spec.preset_id)
    versions = sorted(v for preset, v in recorded if preset == ident)
    if ident is None or not versions:
        return None
    version = spec.version if spec.version is not None else versions[-1]
    if version not in versions:
        return None
    preset = await StylePreset.get_or_none(id=ident)
    return (preset, version) if preset is not None else None


async def resolve(
    user: User,
    specs: list[PresetUseSpec],
    *,
    at: list[str],
    recorded: frozenset[tuple[uuid.UUID, int]] = frozenset(),
) -> list[AppliedPreset]:
    """The presets of a request, checked (visible to the user, version exists, bounds) and ordered for composing.

    ``at`` is the input path of the list, for errors (``["input", "presets"]``). ``recorded``: (preset, version)
    pairs a remix's origin recorded, usable at that version even when the preset was deleted since
    (``services.generation.remix``).
    """
    if len(specs) > MAX_PRESETS_PER_GENERATION:
        raise InvalidInput(f"at most {MAX_PRESETS_PER_GENERATION} presets per generation", at)
    found: list[tuple[int, StylePreset, StylePresetVersion, float, float]] = []
    seen: set[uuid.UUID] = set()
    for index, spec in enumerate(specs):
        path = [*at, str(index)]
        preset = await access.find_viewable(StylePreset, user.id, spec.preset_id)
        wanted = spec.version
        if preset is None or preset.deleted_at is not None:
            kept = await _recorded_preset(spec, recorded)
            if kept is None:
                raise NotFound("style preset not found", [*path, "preset_id"])
            preset, wanted = kept
        if preset.id in seen:
            raise InvalidInput("each preset can be used once per generation", [*path, "preset_id"])
        seen.add(preset.id)
        wanted = wanted if wanted is not None else preset.version
        version = await StylePresetVersion.get_or_none(preset_id=preset.id, version=wanted)
        if version is None:
            raise NotFound(f"the preset has no version {wanted}", [*path, "version"])
        weight = 1.0 if spec.weight is None else spec.weight
        if not (0 < weight <= MAX_WEIGHT) or math.isnan(weight):
            raise InvalidInput(f"weight must be above 0 and at most {MAX_WEIGHT:g}", [*path, "weight"])
        intensity = version.default_intensity if spec.intensity is None else spec.intensity
        if not 0.0 <= intensity <= 1.0:
            raise InvalidInput("intensity must be between 0 and 1", [*path, "intensity"])
        found.append((index, preset, version, weight, intensity))
    if not found:
        return []
    heaviest = max(weight for _, _, _, weight, _ in found)
    ordered = sorted(found, key=lambda entry: (-entry[3], entry[0]))
    return [
        AppliedPreset(
            preset=preset,
            version=version,
            weight=weight,
            intensity=intensity,
            position=position,
            strength=round(intensity * weight / heaviest, 6),
        )
        for position, (_, preset, version, weight, intensity) in enumerate(ordered)
    ]
