"""One cap on every provider output we download, for both clients: an image larger than this is that image's
failure (never a new purchase), and no reply can make a worker hold more than this per image in memory.

64 MiB is far above any Seedream output (a 4K PNG is about 40 MiB) and matches what Ark was already capped at.
"""

from __future__ import annotations

from typing import Final

import httpx

MAX_OUTPUT_BYTES: Final = 64 * 1024 * 1024
"""Largest provider output accepted, in bytes (both clients, URL and base64 outputs)."""


class OutputTooLarge(Exception):
    """The output is larger than `MAX_OUTPUT_BYTES`."""


async def read_capped(response: httpx.Response, limit: int = MAX_OUTPUT_BYTES) -> bytes:
    """The body of a streamed response, refused once it passes `limit` bytes (a declared length is checked first,
    so nothing is read of an announced oversize body)."""
    declared = response.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise OutputTooLarge(f"the image is larger than {limit // (1024 * 1024)} MiB")
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > limit:
            raise OutputTooLarge(f"the image is larger than {limit // (1024 * 1024)} MiB")
        chunks.append(chunk)
    return b"".join(chunks)
