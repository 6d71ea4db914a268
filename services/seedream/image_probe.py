"""Read an image's real size and type from its header, without decoding the pixels."""

from __future__ import annotations

import io

from PIL import Image

_MIME_BY_FORMAT = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}


def probe_image(data: bytes) -> tuple[int, int, str]:
    """Return (width, height, content type); raises `ValueError` when the bytes are not an image."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            content_type = _MIME_BY_FORMAT.get(image.format or "", "application/octet-stream")
    except (OSError, Image.DecompressionBombError) as exc:
        raise ValueError(f"not a readable image: {exc}") from exc
    return width, height, content_type
