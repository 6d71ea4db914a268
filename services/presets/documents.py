"""The export format of a preset, and reading it back.

A document is a JSON object::

    {
      "format": "preset-playground.style-preset",
      "formatVersion": 1,
      "preset": {
        "name": "Noir", "description": "", "tags": ["film"],
        "promptTemplate": "{prompt}, film noir", "promptSuffix": "",
        "defaultMode": "TEXT_TO_IMAGE" | null, "defaultSize": "2048x2048" | null,
        "defaultAspectRatio": "16:9" | null, "defaultResolution": "1K" | "2K" | "4K" | null,
        "maxImages": 4 | null, "defaultIntensity": 0.75,
        "referenceImages": ["<uploadId>", ...]
      },
      "source": {"id": "<preset id>", "version": 3, "exportedAt": "2026-11-25T12:00:00+00:00"}
    }

``source`` is informative and ignored on import. Reference images are uploads: on import they must be the
importer's own (an upload id from ``imageUpload``), so a document can always be imported back by whoever exported
it. Every problem is reported with its path (``["document", "preset", "prompt_template"]``).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from models import GenerationMode, SizeTier, StylePreset
from services.core.errors import InvalidInput, InvalidInputs
from services.core.text import check_json
from services.presets.fields import PresetFields

FORMAT = "preset-playground.style-preset"
FORMAT_VERSION = 1
AT = ["document"]
DOCUMENT_MAX_BYTES = 32_768  # an export is a few KiB at most

# Document key → (field of PresetFields, expected kind).
KEYS: dict[str, tuple[str, str]] = {
    "name": ("name", "str"),
    "description": ("description", "str"),
    "tags": ("tags", "str-list"),
    "promptTemplate": ("prompt_template", "str"),
    "promptSuffix": ("prompt_suffix", "str"),
    "defaultMode": ("default_mode", "mode"),
    "defaultSize": ("default_size", "str"),
    "defaultAspectRatio": ("default_aspect_ratio", "str"),
    "defaultResolution": ("default_resolution", "tier"),
    "maxImages": ("max_images", "int"),
    "defaultIntensity": ("default_intensity", "number"),
    "referenceImages": ("reference_ids", "str-list"),
}


def _snake(key: str) -> str:
    """A document key as a Python field name (errors name fields that way; the API shows them camelCased)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", key).lower()


def export(preset: StylePreset) -> dict[str, Any]:
    """The document of the preset's current version."""
    return {
        "format": FORMAT,
        "formatVersion": FORMAT_VERSION,
        "preset": {
            "name": preset.name,
            "description": preset.description,
            "tags": list(preset.tags),
            "promptTemplate": preset.prompt_template,
            "promptSuffix": preset.prompt_suffix,
            "defaultMode": preset.default_mode.value if preset.default_mode else None,
            "defaultSize": preset.default_size,
            "defaultAspectRatio": preset.default_aspect_ratio,
            "defaultResolution": preset.default_resolution.value if preset.default_resolution else None,
            "maxImages": preset.max_images,
            "defaultIntensity": preset.default_intensity,
            "referenceImages": [str(r) for r in preset.reference_ids],
        },
        "source": {"id": str(preset.id), "version": preset.version, "exportedAt": datetime.now(UTC).isoformat()},
    }


def _value(kind: str, value: Any, path: list[str], problems: list[InvalidInput]) -> Any:
    if value is None:
        return None
    if kind == "str" and isinstance(value, str):
        return value
    if kind == "str-list" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind == "number" and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if kind == "mode" and value in {m.value for m in GenerationMode}:
        return GenerationMode(value)
    if kind == "tier" and value in {t.value for t in SizeTier}:
        return SizeTier(value)
    expected = {
        "str": "a string",
        "str-list": "a list of strings",
        "int": "an integer",
        "number": "a number",
        "mode": "one of " + ", ".join(m.value for m in GenerationMode),
        "tier": "one of " + ", ".join(t.value for t in SizeTier),
    }[kind]
    problems.append(InvalidInput(f"must be {expected}", path))
    return None


def read(document: Any) -> tuple[PresetFields, list[InvalidInput]]:
    """The preset settings a document holds, and the problems of its shape (each with its path).

    ``InvalidInputs`` when there is nothing to read at all (not an object, no ``preset`` object); otherwise the
    caller validates the settings too and reports every problem together.
    """
    # The text policy over the whole document first (every key and string, depth, numbers, size): whatever is
    # echoed in a problem's path below (an unknown key) is then known to be printable.
    check_json(document, AT, max_bytes=DOCUMENT_MAX_BYTES)
    if not isinstance(document, dict):
        raise InvalidInput("the document must be a JSON object", AT)
    problems: list[InvalidInput] = []
    if document.get("format") != FORMAT:
        problems.append(InvalidInput(f'format must be "{FORMAT}"', [*AT, "format"]))
    version = document.get("formatVersion")
    # ``type(...) is int``: JSON ``true`` arrives as Python's True, which compares equal to 1.
    if type(version) is not int or version != FORMAT_VERSION:
        problems.append(
            InvalidInput(
                f"formatVersion must be the integer {FORMAT_VERSION}, the one this server reads",
                [*AT, "format_version"],
                reason="UNSUPPORTED_FORMAT_VERSION",
            )
        )
    for key in document:
        if key not in {"format", "formatVersion", "preset", "source"}:
            problems.append(InvalidInput("unknown key", [*AT, key]))
    preset = document.get("preset")
    if not isinstance(preset, dict):
        problems.append(InvalidInput("preset must be a JSON object", [*AT, "preset"]))
        raise InvalidInputs(problems)
    values: dict[str, Any] = {}
    for key, value in preset.items():
        if key not in KEYS:
            problems.append(InvalidInput("unknown key", [*AT, "preset", key]))
            continue
        name, kind = KEYS[key]
        values[name] = _value(kind, value, [*AT, "preset", _snake(key)], problems)
    if "name" not in preset:
        problems.append(InvalidInput("name is required", [*AT, "preset", "name"]))
    return PresetFields(**{name: value for name, value in values.items() if value is not None}), problems
