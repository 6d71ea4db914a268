"""Account deletion: remove a user's objects and files, keep the credit ledger true with the identity removed.

The user row stays (the ledger's rows point to it and must keep summing to its balance), but its subject, email and
name are replaced, so the old token's subject no longer finds it and signing in again makes a new, empty user.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Any

from tortoise.transactions import in_transaction

from models import (
    AccountExport,
    ApiKey,
    GalleryItem,
    ImageEdit,
    Project,
    StylePreset,
    Upload,
    User,
    WebhookEndpoint,
    Workspace,
)
from services.access import memberships, owned
from services.core.errors import InvalidInput
from services.infra.storage import ObjectNotFound, Storage
from services.keys import ApiKeyVerifier
from services.users import UserCache

log = logging.getLogger(__name__)


CONFIRMATION = "DELETE"


def check_confirmation(confirm: str) -> None:
    """Deletion cannot be undone: the caller must type the confirmation word exactly."""
    if confirm != CONFIRMATION:
        raise InvalidInput(f'type "{CONFIRMATION}" to confirm: deletion cannot be undone', ["confirm"])


@dataclass(frozen=True)
class DeletionReport:
    """What one deletion removed."""

    projects: int
    presets: int
    uploads: int
    files: int


async def delete_account(
    user: User,
    storage: Storage,
    *,
    user_cache: UserCache | None = None,
    api_keys: ApiKeyVerifier | None = None,
) -> DeletionReport:
    """Delete everything ``user`` owns and anonymise the user; files go after the rows are committed.

    ``user_cache`` and ``api_keys`` are this process's caches of who a token or key is: they drop the user's
    entries here, so the old token is not served from the cache. Other processes drop theirs within
    ``USER_CACHE_SECONDS`` (30 s by default) and ``API_KEY_CACHE_SECONDS``."""
    key_ids: list[Any] = await owned(ApiKey, user.id).values_list("id", flat=True)
    images: list[Any] = await owned(ImageEdit, user.id).values_list("image_key", flat=True)
    uploads: list[Any] = await owned(Upload, user.id).values_list("storage_key", flat=True)
    archives: list[Any] = await owned(AccountExport, user.id).values_list("storage_key", flat=True)
    keys = sorted({k for k in images if k} | set(uploads) | {k for k in archives if k})
    async with in_transaction():
        # Projects cascade to batches, items, images and gallery items; the rest is owned directly.
        await owned(GalleryItem, user.id).delete()
        await owned(ImageEdit, user.id).delete()
        # Counted first: a driver's row count after a cascading delete may include the cascaded rows.
        projects = await owned(Project, user.id).count()
        presets = await owned(StylePreset, user.id).count()
        removed_uploads = await owned(Upload, user.id).count()
        await owned(Project, user.id).delete()
        await owned(StylePreset, user.id).delete()
        await owned(Upload, user.id).delete()
        await owned(ApiKey, user.id).delete()
        await owned(WebhookEndpoint, user.id).delete()
        await owned(AccountExport, user.id).delete()
        # Workspaces: the user leaves every workspace, and the ones they own (personal and team, with their
        # members and invitations) go; transfer a team workspace first to keep it.
        await memberships(user.id).delete()
        await owned(Workspace, user.id).delete()
        anonymous = f"deleted-{uuid.uuid4().hex}"
        await User.filter(id=user.id).update(subject=anonymous, email=None, display_name="Deleted user")
    if user_cache is not None:
        user_cache.forget(user.id)
    if api_keys is not None:
        for key_id in key_ids:
            api_keys.forget(key_id)
    files = 0
    for key in keys:
        try:
            await storage.delete(key)
            files += 1
        except ObjectNotFound:
            pass  # already gone (retention got there first): nothing to remove
    log.info(
        "account deleted: user=%s projects=%d presets=%d uploads=%d files=%d",
        user.id,
        projects,
        presets,
        removed_uploads,
        files,
    )
    return DeletionReport(projects=projects, presets=presets, uploads=removed_uploads, files=files)
