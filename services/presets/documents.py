"""The export format of a preset, and reading it back.

A document is a JSON object::

    {
      "format": "preset-playground.style-preset",
      "formatVersion": 2,
      "preset": {
        "name": "Noir", "description": "", "tags": ["film"],
        "promptTemplate": "{prompt}, film noir", "promptSuffix": "",
        "defaultMode": "TEXT_TO_IMAGE" | null, "defaultSize": "2048x2048" | null,
        "defaultAspectRatio": "16:9" | null, "defaultResolution": "1K" | "2K" | "4K" | null,
        "maxImages": 4 | null, "defaultIntensity": 0.75,
        "referenceImages": [{"contentType": "image/png", "data": "<base64>"}, ...]
      },
      "source": {"id": "<preset id>", "version": 3, "exportedAt": "2026-11-25T12:00:00+00:00"}
    }

``source`` is informative and ignored on import. Version 2 embeds the style reference images (standard base64 of
the stored bytes, at most ``EMBEDDED_IMAGES_MAX_BYTES`` together), so anyone may import a document: each image
becomes one of the importer's uploads, checked like any upload. Version 1 documents (still read) named the
exporter's upload ids instead, which only the exporter could import. Every problem is reported with its path
(``["document", "preset", "prompt_template"]``).
"""

from __future__ import annotations

import base64
import binascii
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from models import GenerationMode, SizeTier, StylePreset, Upload
from services.core.errors import Conflict, InvalidInput, InvalidInputs
from services.core.text import check_json
from services.generation import capabilities as caps
from services.infra.storage import ObjectNotFound, Storage
from services.presets.fields import PresetFields

FORMAT = "preset-playground.style-preset"
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)
AT = ["document"]
EMBEDDED_IMAGES_MAX_BYTES = 512 * 1024
"""The stored bytes of a preset's reference images together, embedded in an export. Base64 adds a third, and a
document must fit in one GraphQL request (JSON bodies are capped at 1 MiB) to be imported."""
SETTINGS_MAX_BYTES = 32_768
"""A document without its images' data is a few KiB at most; the data strings are checked as base64 instead."""
EMBEDDED_DATA_MAX_CHARS = (EMBEDDED_IMAGES_MAX_BYTES + 2) // 3 * 4
REFERENCES_AT = [*AT, "preset", "reference_images"]


@dataclass(frozen=True, slots=True)
class EmbeddedImage:
    """A reference image carried in a document: its bytes (checked like an upload on import) and where it was."""

    data: bytes
    field: list[str]


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
}


def _snake(key: str) -> str:
    """A document key as a Python field name (errors name fields that way; the API shows them camelCased)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", key).lower()


async def _embedded(preset: StylePreset, storage: Storage) -> list[dict[str, str]]:
    """The preset's reference images as ``{contentType, data}`` (base64); ``Conflict`` (``TOO_LARGE``) past the cap.

    An image whose upload was deleted since is left out, as the preset itself no longer sends it.
    """
    ids = [uuid.UUID(str(r)) for r in preset.reference_ids]
    rows = {row.id: row for row in await Upload.filter(id__in=ids)}
    found = [rows[ident] for ident in ids if ident in rows]
    if sum(row.size_bytes for row in found) > EMBEDDED_IMAGES_MAX_BYTES:
        raise Conflict(
            f"the preset's reference images are more than {EMBEDDED_IMAGES_MAX_BYTES} bytes together, "
            "the most an export embeds: use smaller images",
            ["id"],
            reason="TOO_LARGE",
        )
    embedded: list[dict[str, str]] = []
    for row in found:
        try:
            data = await storage.get(row.storage_key)
        except ObjectNotFound:
            continue
        embedded.append({"contentType": row.content_type, "data": base64.b64encode(data).decode()})
    return embedded


async def export(preset: StylePreset, storage: Storage) -> dict[str, Any]:
    """The document of the preset's current version, its reference images embedded (no upload ids, no URLs)."""
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
            "referenceImages": await _embedded(preset, storage),
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


def _references(version: Any, value: Any, problems: list[InvalidInput]) -> tuple[list[str] | None, list[EmbeddedImage]]:
    """Upload ids (version 1) or embedded images (version 2); their bytes are checked as images on import."""
    if not isinstance(value, list):
        problems.append(InvalidInput("must be a list", REFERENCES_AT))
        return None, []
    if len(value) > caps.MAX_REFERENCES:
        problems.append(InvalidInput(f"at most {caps.MAX_REFERENCES} reference images", REFERENCES_AT))
        return None, []
    if version == 1:
        if all(isinstance(v, str) for v in value):
            return list(value), []
        problems.append(InvalidInput("formatVersion 1 lists upload ids (strings)", REFERENCES_AT))
        return None, []
    images: list[EmbeddedImage] = []
    total = 0
    for index, entry in enumerate(value):
        at = [*REFERENCES_AT, str(index)]
        data = entry.get("data") if isinstance(entry, dict) else None
        if not isinstance(data, str) or set(entry) - {"contentType", "data"}:
            problems.append(InvalidInput('each image is {"contentType": ..., "data": "<base64>"}', at))
            continue
        if len(data) > EMBEDDED_DATA_MAX_CHARS:
            problems.append(
                InvalidInput(f"at most {EMBEDDED_IMAGES_MAX_BYTES} bytes of images", [*at, "data"], reason="TOO_LARGE")
            )
            continue
        try:
            decoded = base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            problems.append(InvalidInput("data must be standard base64", [*at, "data"], reason="NOT_BASE64"))
            continue
        total += len(decoded)
        images.append(EmbeddedImage(data=decoded, field=[*at, "data"]))
    if total > EMBEDDED_IMAGES_MAX_BYTES:
        problems.append(
            InvalidInput(
                f"the embedded images are at most {EMBEDDED_IMAGES_MAX_BYTES} bytes together",
                REFERENCES_AT,
                reason="TOO_LARGE",
            )
        )
        return None, []
    return None, images


def _without_image_data(document: Any) -> Any:
    """The document with each embedded image's ``data`` string emptied (a shallow copy; the rest as it is)."""
    preset = document.get("preset") if isinstance(document, dict) else None
    images = preset.get("referenceImages") if isinstance(preset, dict) else None
    if not isinstance(preset, dict) or not isinstance(images, list):
        return document
    emptied = [
        {**image, "data": ""} if isinstance(image, dict) and isinstance(image.get("data"), str) else image
        for image in images
    ]
    return {**document, "preset": {**preset, "referenceImages": emptied}}


def read(document: Any) -> tuple[PresetFields, list[EmbeddedImage], list[InvalidInput]]:
    """The preset settings a document holds, its embedded images, and the problems of its shape (each with its path).

    ``InvalidInputs`` when there is nothing to read at all (not an object, no ``preset`` object); otherwise the
    caller validates the settings too and reports every problem together.
    """
    # The text policy over the whole document first (every key and string, depth, numbers, size), the images'
    # base64 data aside: whatever is echoed in a problem's path below (an unknown key) is then known to be printable.
    check_json(_without_image_data(document), AT, max_bytes=SETTINGS_MAX_BYTES)
    if not isinstance(document, dict):
        raise InvalidInput("the document must be a JSON object", AT)
    problems: list[InvalidInput] = []
    if document.get("format") != FORMAT:
        problems.append(InvalidInput(f'format must be "{FORMAT}"', [*AT, "format"]))
    version = document.get("formatVersion")
    # ``type(...) is int``: JSON ``true`` arrives as Python's True, which compares equal to 1.
    if type(version) is not int or version not in READABLE_VERSIONS:
        problems.append(
            InvalidInput(
                "formatVersion must be the integer "
                + " or ".join(map(str, READABLE_VERSIONS))
                + ", what this server reads",
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
    images: list[EmbeddedImage] = []
    for key, value in preset.items():
        if key == "referenceImages":
            values["reference_ids"], images = _references(version, value, problems)
            continue
        if key not in KEYS:
            problems.append(InvalidInput("unknown key", [*AT, "preset", key]))
            continue
        name, kind = KEYS[key]
        values[name] = _value(kind, value, [*AT, "preset", _snake(key)], problems)
    if "name" not in preset:
        problems.append(InvalidInput("name is required", [*AT, "preset", "name"]))
    settings = PresetFields(**{name: value for name, value in values.items() if value is not None})
    return settings, images, problems
