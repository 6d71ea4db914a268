"""``/media``: the stored images, served so that a browser can only ever treat them as images.

- Only keys of the shape storage writes (``services.infra.storage.check_key``) with an image extension are served;
  anything else (a temp file, a folder, another extension) is a 404.
- The content type comes from the stored key's extension, which storage chose from the sniffed format when it
  wrote the object, never from a request or the file's bytes; ``X-Content-Type-Options: nosniff`` stops browsers
  second-guessing it.
- ``Content-Security-Policy: default-src 'none'; sandbox``: opened directly, the response may load nothing, run
  nothing and is a unique origin, so even a file that fooled every other check could not script our origin.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from services.infra.storage import EXTENSIONS, InvalidKey, check_key

MEDIA_TYPES = {extension: content_type for content_type, extension in EXTENSIONS.items()}
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
}


class MediaFiles(StaticFiles):
    """Starlette's static files (ranges, ETags, HEAD) restricted to stored images, with fixed types and headers."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        key = PurePosixPath(path).as_posix()
        try:
            check_key(key)
        except InvalidKey:
            raise HTTPException(status_code=404) from None
        media_type = MEDIA_TYPES.get(key.rsplit(".", 1)[-1])
        if media_type is None:
            raise HTTPException(status_code=404)
        response = await super().get_response(key, scope)
        if response.status_code < 400:
            response.headers["Content-Type"] = media_type
        response.headers.update(SECURITY_HEADERS)
        return response
