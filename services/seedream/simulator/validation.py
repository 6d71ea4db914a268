"""Input rules the simulator enforces, per wire format, as the providers document them."""

from __future__ import annotations

import hashlib
import io
import re

from PIL import Image

WAVESPEED_MIN_SIDE = 1024
WAVESPEED_MAX_SIDE = 4096
WAVESPEED_MAX_REFERENCES = 10
ARK_MIN_PIXELS = 921_600
ARK_MAX_PIXELS = 16_777_216
ARK_MAX_REFERENCES = 14
MAX_IMAGES = 15
ARK_TIERS = {"1K": (1024, 1024), "2K": (2048, 2048), "4K": (4096, 4096)}
# With a tier the model picks the aspect (a "2K" request came back 1760x2368): the shapes the docs list.
ARK_TIER_SHAPES = {
    "1K": ((1024, 1024), (864, 1152), (1152, 864), (1280, 720), (720, 1280), (1248, 832), (832, 1248)),
    "2K": ((2048, 2048), (1728, 2304), (2304, 1728), (2560, 1440), (1440, 2560), (2496, 1664), (1760, 2368)),
    "4K": ((4096, 4096), (3520, 4704), (4704, 3520), (5504, 3040), (3040, 5504), (3328, 4992), (4992, 3328)),
}
# Ark's rules for reference images.
ARK_REFERENCE_FORMATS = frozenset({"JPEG", "PNG"})
ARK_REFERENCE_MAX_BYTES = 10 * 1024 * 1024
ARK_REFERENCE_MAX_SIDE = 6000
ARK_REFERENCE_MIN_SIDE = 15
ARK_REFERENCE_MAX_ASPECT = 3.0

_WAVESPEED_SIZE = re.compile(r"^(\d{1,5})\*(\d{1,5})$")
_ARK_SIZE = re.compile(r"^(\d{1,5})x(\d{1,5})$")


class InvalidInput(ValueError):
    """An input the provider would refuse; `param` names the field (Ark reports it)."""

    def __init__(self, message: str, param: str, *, missing: bool = False) -> None:
        super().__init__(message)
        self.param = param
        self.missing = missing


def wavespeed_size(value: object) -> tuple[int, int]:
    if value is None:
        return 2048, 2048
    match = _WAVESPEED_SIZE.match(value) if isinstance(value, str) else None
    if match is None:
        raise InvalidInput(f"size must look like '2048*2048', got {value!r}", "size")
    width, height = int(match[1]), int(match[2])
    for side in (width, height):
        if not WAVESPEED_MIN_SIDE <= side <= WAVESPEED_MAX_SIDE:
            raise InvalidInput(
                f"each side of size must be within {WAVESPEED_MIN_SIDE}..{WAVESPEED_MAX_SIDE}, got {value}",
                "size",
            )
    return width, height


def ark_size(value: object) -> tuple[int, int]:
    if value is None:
        return 2048, 2048
    if isinstance(value, str) and value in ARK_TIERS:
        return ARK_TIERS[value]
    match = _ARK_SIZE.match(value) if isinstance(value, str) else None
    if match is None:
        raise InvalidInput(f"size must be 1K, 2K, 4K or 'WxH', got {value!r}", "size")
    width, height = int(match[1]), int(match[2])
    if width == 0 or height == 0 or not ARK_MIN_PIXELS <= width * height <= ARK_MAX_PIXELS:
        raise InvalidInput(f"size {value} must have between {ARK_MIN_PIXELS} and {ARK_MAX_PIXELS} pixels", "size")
    if not 1 / 16 <= width / height <= 16:
        raise InvalidInput(f"size {value} must have an aspect ratio within 1/16..16", "size")
    return width, height


def ark_tier_shape(tier: str, prompt: str) -> tuple[int, int]:
    """The output size the model "chooses" for a tier: one of the documented shapes, fixed per prompt."""
    shapes = ARK_TIER_SHAPES[tier]
    return shapes[int(hashlib.sha256(prompt.encode()).hexdigest(), 16) % len(shapes)]


def check_ark_reference(data: bytes) -> None:
    """Raise `InvalidInput` unless `data` is an image Ark accepts as a reference."""
    if len(data) > ARK_REFERENCE_MAX_BYTES:
        raise InvalidInput(f"reference image is {len(data)} bytes, more than 10 MB", "image")
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            image_format = image.format or ""
    except (OSError, Image.DecompressionBombError) as exc:
        raise InvalidInput("reference image cannot be decoded", "image") from exc
    if image_format not in ARK_REFERENCE_FORMATS:
        raise InvalidInput(f"reference image format {image_format} is not supported (JPEG or PNG)", "image")
    if min(width, height) < ARK_REFERENCE_MIN_SIDE or max(width, height) > ARK_REFERENCE_MAX_SIDE:
        raise InvalidInput(f"reference image {width}x{height}: each side must be 15..6000 px", "image")
    if max(width, height) / min(width, height) > ARK_REFERENCE_MAX_ASPECT:
        raise InvalidInput(f"reference image {width}x{height}: aspect ratio must be within 1:3..3:1", "image")


def prompt_of(body: dict[str, object]) -> str:
    prompt = body.get("prompt")
    if prompt is None or prompt == "":
        raise InvalidInput("prompt is required", "prompt", missing=True)
    if not isinstance(prompt, str):
        raise InvalidInput("prompt must be a string", "prompt")
    return prompt


def max_images_of(value: object, default: int = 1) -> int:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_IMAGES:
        raise InvalidInput(f"max_images must be an integer within 1..{MAX_IMAGES}, got {value!r}", "max_images")
    return value


def string_list(value: object, param: str) -> list[str]:
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) and item for item in items):
        raise InvalidInput(f"{param} must be a URL string or a list of them", param)
    return [str(item) for item in items]


def boolean(value: object, param: str, default: bool) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise InvalidInput(f"{param} must be a boolean", param)
    return value
