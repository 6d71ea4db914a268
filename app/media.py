"""``/media``: stored images behind signed links, served so that a browser can only ever treat them as images.

- Every request must carry a link minted by ``services.infra.storage.LinkSigner``: ``?e=<expiry>&s=<signature>``
  (a private image; expires) or ``?s=<signature>`` (a public gallery item or a public preset's preview; stable). A
  bad or missing signature, or a link past its expiry, is a 403 whose body says which.
- Only keys of the shape storage writes (``check_key``) with an image extension are served, and account export
  archives (``exports/….zip``, behind expiring links only, as attachments); anything else (a temp file, a folder,
  another extension) is a 404.
- The local store's files are served here (Starlette's static files: ranges, ETags, HEAD). With the S3 store the
  answer is a redirect to a presigned GET (private links are minted as presigned GETs directly; these are the
  stable public links, and links minted before a move to the bucket).
- The content type comes from the stored key's extension, which storage chose from the sniffed format when it
  wrote the object, never from a request or the file's bytes; ``X-Content-Type-Options: nosniff`` stops browsers
  second-guessing it. ``Content-Security-Policy: default-src 'none'; sandbox``: opened directly, the response may
  load nothing, run nothing and is a unique origin.
"""

from __future__ import annotations

import math
from pathlib import PurePosixPath
from urllib.parse import parse_qs

from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

from services.infra.storage import (
    EXTENSIONS,
    InvalidKey,
    LinkRefused,
    LinkSigner,
    LocalStorage,
    S3Storage,
    Storage,
    check_key,
)

MEDIA_TYPES = {extension: content_type for content_type, extension in EXTENSIONS.items()}
ARCHIVE_PREFIX = "exports/"
"""Account export archives (``services.account.export``): served as downloads, never through a stable link."""
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
}
PUBLIC_CACHE_SECONDS = 3600


class MediaFiles:
    """The ``/media`` mount: checks the link, then serves the file or redirects to the bucket."""

    def __init__(self, storage: Storage, signer: LinkSigner) -> None:
        self.storage = storage
        self.signer = signer
        self.files = StaticFiles(directory=storage.root, check_dir=False) if isinstance(storage, LocalStorage) else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await self.respond(scope)
        await response(scope, receive, send)

    async def respond(self, scope: Scope) -> Response:
        if scope["method"] not in ("GET", "HEAD"):
            return PlainTextResponse("Method Not Allowed", status_code=405, headers={"Allow": "GET, HEAD"})
        path, root = scope["path"], scope.get("root_path", "")
        key = PurePosixPath(path.removeprefix(root) if root and path.startswith(root) else path).as_posix()
        key = key.lstrip("/")
        archive = key.startswith(ARCHIVE_PREFIX) and key.endswith(".zip")
        media_type = "application/zip" if archive else MEDIA_TYPES.get(key.rsplit(".", 1)[-1])
        if not _is_key(key) or media_type is None:
            return _plain(404, "Not Found")
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        expires, signature = _one(query, "e"), _one(query, "s")
        if archive and expires is None:
            return _plain(404, "Not Found")  # an archive has no stable link
        try:
            self.signer.verify(key, expires, signature)
        except LinkRefused as refused:
            return _plain(403, str(refused), reason=refused.problem.value)
        if expires is None:
            cache = f"public, max-age={PUBLIC_CACHE_SECONDS}"
        else:
            cache = f"private, max-age={max(0, math.floor(int(expires) - self.signer.clock()))}"
        if isinstance(self.storage, S3Storage):
            return RedirectResponse(self.storage.presigned(key), status_code=302, headers={"Cache-Control": "no-store"})
        assert self.files is not None
        response = await self.files.get_response(key, scope)
        if response.status_code < 400:
            response.headers["Content-Type"] = media_type
            response.headers["Cache-Control"] = cache
            if archive:
                response.headers["Content-Disposition"] = 'attachment; filename="playground-export.zip"'
                response.headers["Cache-Control"] = "private, no-store"
        response.headers.update(SECURITY_HEADERS)
        return response


def _is_key(key: str) -> bool:
    try:
        check_key(key)
    except InvalidKey:
        return False
    return True


def _one(query: dict[str, list[str]], name: str) -> str | None:
    values = query.get(name)
    return values[0] if values and len(values) == 1 else None


def _plain(status: int, text: str, *, reason: str | None = None) -> Response:
    headers = {**SECURITY_HEADERS, "Cache-Control": "no-store"}
    if reason:
        headers["X-Playground-Link-Problem"] = reason
    return PlainTextResponse(text, status_code=status, headers=headers)
