"""Keys, content types and the errors every backend shares.

Keys are opaque ``/``-separated strings (``outputs/2026/11/<token>.png``) that the store picks (never the caller,
never user input): the same key names the same object in every backend, so objects can move between backends
without any record changing its key.

Errors::

    KeyError
    └── ObjectNotFound      ``get`` or ``stream`` of a key that holds nothing
    ValueError
    └── InvalidKey          a key or prefix that is malformed or would leave the storage root
"""

from __future__ import annotations

import re
import secrets

# Only image types (and the export archive, never served from /media): stored images are served from our origin
# or a bucket, so nothing a browser would run (HTML, SVG).
EXTENSIONS = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/webp": "webp",
    "image/gif": "gif",
}
ARCHIVE_TYPES = {"application/zip": "zip"}
TOKEN_BYTES = 24  # 192 bits of randomness per key

_SEGMENT = r"[A-Za-z0-9_-]+"
_PREFIX_RE = re.compile(rf"{_SEGMENT}(?:/{_SEGMENT})*")
_KEY_RE = re.compile(rf"(?:{_SEGMENT}/)*{_SEGMENT}\.[a-z0-9]+")


class ObjectNotFound(KeyError):
    """Nothing is stored under this key."""


class InvalidKey(ValueError):
    """A key or prefix that is malformed or would resolve outside the storage root."""


def extension_for(content_type: str) -> str:
    """The file extension objects of ``content_type`` get; ``ValueError`` for types we do not store."""
    kind = content_type.split(";", 1)[0].strip().lower()
    extension = EXTENSIONS.get(kind) or ARCHIVE_TYPES.get(kind)
    if extension is None:
        raise ValueError(f"content type {content_type!r} is not stored")
    return extension


def new_key(content_type: str, prefix: str = "") -> str:
    """A fresh key, ``<prefix>/<random token>.<ext>``: nothing in it comes from the caller but the prefix."""
    name = f"{secrets.token_urlsafe(TOKEN_BYTES)}.{extension_for(content_type)}"
    prefix = prefix.removesuffix("/")
    if not prefix:
        return name
    if not _PREFIX_RE.fullmatch(prefix):
        raise InvalidKey(f"invalid storage prefix {prefix!r}")
    return f"{prefix}/{name}"


def check_key(key: str) -> str:
    """``key`` itself when it has the shape ``put`` produces; ``InvalidKey`` otherwise (``..``, absolute, ``\\``)."""
    if not _KEY_RE.fullmatch(key):
        raise InvalidKey(f"invalid storage key {key!r}")
    return key


def content_type_of(key: str) -> str | None:
    """The content type a key's extension stands for (the store chose the extension from the sniffed type)."""
    extension = key.rsplit(".", 1)[-1]
    for content_type, known in (*EXTENSIONS.items(), *ARCHIVE_TYPES.items()):
        if known == extension:
            return content_type
    return None
