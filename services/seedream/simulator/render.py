"""Deterministic test images: colours and shapes from a hash of (prompt, seed, index), the prompt drawn on
top.

Speed matters (a 4096x4096 set of 15 must not take a minute): the scene is drawn on a canvas of at most 256
px on
the long side and scaled up once; only the text is drawn at full size so it stays legible.
"""

from __future__ import annotations

import functools
import hashlib
import io
import textwrap
from typing import Literal

from PIL import Image, ImageDraw, ImageFont

CANVAS_LONG_SIDE = 256
MIME_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}
_TURNS = (Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_180, Image.Transpose.ROTATE_270)


def render_image(
    prompt: str, *, seed: int, index: int, width: int, height: int, image_format: Literal["JPEG", "PNG"]
) -> bytes:
    """Encoded image bytes of exactly width x height; same inputs, same bytes."""
    digest = hashlib.sha256(f"{prompt}\x00{seed}\x00{index}".encode()).digest()
    prompt_digest = hashlib.sha256(prompt.encode()).digest()
    scale = CANVAS_LONG_SIDE / max(width, height)
    small_size = (max(1, round(width * scale)), max(1, round(height * scale)))

    # The background gradient depends on the prompt only, so a set shares a palette; shapes differ per index.
    start = (prompt_digest[0], prompt_digest[1], prompt_digest[2])
    end = (prompt_digest[3], prompt_digest[4], prompt_digest[5])
    gradient = Image.linear_gradient("L")
    turn = prompt_digest[6] % 4
    if turn:
        gradient = gradient.transpose(_TURNS[turn - 1])
    gradient = gradient.resize(small_size)
    canvas = Image.composite(Image.new("RGB", small_size, start), Image.new("RGB", small_size, end), gradient)
    draw = ImageDraw.Draw(canvas)
    sw, sh = small_size
    for shape in range(4):
        base = 7 + shape * 6
        x0, y0 = digest[base] * sw // 256, digest[base + 1] * sh // 256
        radius = 6 + digest[base + 2] * max(sw, sh) // 1200
        colour = (digest[base + 3], digest[base + 4], digest[base + 5])
        box = (x0 - radius, y0 - radius, x0 + radius, y0 + radius)
        if shape % 2:
            draw.rectangle(box, fill=colour)
        else:
            draw.ellipse(box, fill=colour)

    image = canvas.resize((width, height), Image.Resampling.BILINEAR)
    _draw_caption(image, prompt, seed=seed, index=index)
    buffer = io.BytesIO()
    if image_format == "PNG":
        # Level 1: a 4096x4096 PNG at the default level takes seconds; size is not what we test.
        image.save(buffer, "PNG", compress_level=1)
    else:
        image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def _draw_caption(image: Image.Image, prompt: str, *, seed: int, index: int) -> None:
    width, height = image.size
    font_size = max(12, min(width, height) // 28)
    characters_per_line = max(10, int(width / (font_size * 0.6)) - 4)
    lines = textwrap.wrap(prompt, characters_per_line)[:6] or ["(empty prompt)"]
    text = "\n".join([*lines, f"#{index} seed {seed} {width}x{height}"])
    ImageDraw.Draw(image).multiline_text(
        (font_size, font_size),
        text,
        font=_font(font_size),
        fill=(255, 255, 255),
        stroke_width=max(1, font_size // 12),
        stroke_fill=(0, 0, 0),
    )


@functools.lru_cache(maxsize=32)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)
