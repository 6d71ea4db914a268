"""Make a local reference image acceptable to Ark before it is sent: JPEG or PNG, aspect 1:3..3:1, each side
over 14 px, at most 6000x6000 and 10 MB. What can be fixed is (WebP and other formats become PNG, oversized
images are scaled down); what cannot raises `ProviderRejected` (INVALID_INPUT) before anything is sent, so the
provider bills nothing for it."""

from __future__ import annotations

import io
from typing import Final

from PIL import Image

from services.seedream.errors import ProviderRejected
from services.seedream.types import ErrorCategory

ACCEPTED_FORMATS: Final = {"JPEG": "image/jpeg", "PNG": "image/png"}
MAX_BYTES: Final = 10 * 1024 * 1024
MAX_SIDE: Final = 6000
MIN_SIDE: Final = 15
MAX_ASPECT: Final = 3.0


def ark_reference(data: bytes) -> tuple[bytes, str]:
    """`data` as bytes and content type Ark accepts, transcoded or scaled when needed."""
    try:
        with Image.open(io.BytesIO(data)) as opened:
            opened.load()
            image = opened.copy()
            image_format = opened.format or ""
    except (OSError, Image.DecompressionBombError) as exc:
        raise _rejected("a reference image cannot be decoded") from exc
    width, height = image.size
    if min(width, height) < MIN_SIDE:
        raise _rejected(f"a reference image of {width}x{height} has a side under {MIN_SIDE} px")
    if max(width, height) / min(width, height) > MAX_ASPECT:
        raise _rejected(f"a reference image of {width}x{height} is outside the 1:3..3:1 aspect range")
    if image_format in ACCEPTED_FORMATS and max(width, height) <= MAX_SIDE and len(data) <= MAX_BYTES:
        return data, ACCEPTED_FORMATS[image_format]
    if max(width, height) > MAX_SIDE:
        image.thumbnail((MAX_SIDE, MAX_SIDE))
    encoded = _encode(image, "PNG")
    if len(encoded) > MAX_BYTES:
        # A photo-sized PNG can pass 10 MB; JPEG keeps it well under.
        encoded = _encode(image.convert("RGB"), "JPEG")
        return encoded, "image/jpeg"
    return encoded, "image/png"


def _encode(image: Image.Image, image_format: str) -> bytes:
    buffer = io.BytesIO()
    if image_format == "PNG":
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGBA")
        image.save(buffer, "PNG")
    else:
        image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def _rejected(message: str) -> ProviderRejected:
    return ProviderRejected(message, provider="ark", code="InvalidReferenceImage", category=ErrorCategory.INVALID_INPUT)
