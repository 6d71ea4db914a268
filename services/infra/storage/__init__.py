"""Where generated images, uploads and exports live: one interface (``Storage``), two backends.

- ``LocalStorage``: a directory, served by the app at ``/media`` through signed links (the embedded default).
- ``S3Storage``: any S3-compatible bucket (``s3://bucket/prefix``), private links presigned by the bucket.

``open_storage`` picks the backend from ``STORAGE_URL``. Keys are the same in every backend, so a move between
backends (``playground storage migrate``) copies objects and changes no key.
"""

from __future__ import annotations

from pathlib import Path

from services.infra.storage.base import CHUNK_BYTES, ListedObject, ObjectInfo, Storage, StoredObject
from services.infra.storage.keys import (
    ARCHIVE_TYPES,
    EXTENSIONS,
    InvalidKey,
    ObjectNotFound,
    check_key,
    content_type_of,
    extension_for,
    new_key,
)
from services.infra.storage.links import LinkProblem, LinkRefused, LinkSigner
from services.infra.storage.local import LocalStorage
from services.infra.storage.s3 import S3Storage, StoreError

STORE_ERRORS: tuple[type[Exception], ...] = (OSError, StoreError)
"""What a backend raises when the store itself fails (disk, network, the bucket's answer)."""

__all__ = [
    "ARCHIVE_TYPES",
    "CHUNK_BYTES",
    "EXTENSIONS",
    "STORE_ERRORS",
    "InvalidKey",
    "LinkProblem",
    "LinkRefused",
    "LinkSigner",
    "ListedObject",
    "LocalStorage",
    "ObjectInfo",
    "ObjectNotFound",
    "S3Storage",
    "Storage",
    "StoredObject",
    "check_key",
    "content_type_of",
    "extension_for",
    "new_key",
    "open_storage",
]


def open_storage(url: str, signer: LinkSigner, *, link_endpoint: str | None = None) -> Storage:
    """The backend ``url`` names: ``file:<dir>`` (relative to the working directory, or absolute) or
    ``s3://bucket[/prefix]`` (``link_endpoint``: the bucket's address as clients reach it, when it differs);
    ``ValueError`` for anything else."""
    if url.startswith("file:"):
        return LocalStorage(Path(url.removeprefix("file:").removeprefix("//")), signer)
    if url.startswith("s3://"):
        if not url.removeprefix("s3://").split("/", 1)[0]:
            raise ValueError("STORAGE_URL s3://… needs a bucket name")
        return S3Storage(url, signer, link_endpoint=link_endpoint)
    raise ValueError("STORAGE_URL must start with file: or s3://")
