"""Who may view, edit or own an object: the one place that scopes reads and writes to a user.

Every service query over an owned table (``models.owned.OwnedModel``: projects, batches, images, references,
presets, gallery items) starts here, so the rule lives in one module (``tests/test_architecture.py`` fails on an
owner filter written anywhere else in ``services/``). Today:

- **own** and **edit**: the owner only; a style preset of the built-in library only by administrators, and a
  deleted preset by nobody;
- **view**: the owner, and for style presets also anyone when the preset is PUBLIC; an UNLISTED preset is
  readable by anyone who has its share code (``find_shared_preset``), never by id alone.
- **public**: what anyone signed in may see of other users' work: public style presets and public gallery items
  (``public``). Callers showing public rows show only their public fields (``graph.gallery.types``).

Something the caller may not see reads exactly like something that does not exist (callers answer "not found"),
so ids cannot be probed. Shared projects will change this module only.
"""

from __future__ import annotations

import uuid
from typing import TypeVar

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from models import GalleryItem, PresetVisibility, Role, StylePreset, User, WebhookDelivery
from models.owned import OwnedModel
from services.core.ids import parse_id

M = TypeVar("M", bound=OwnedModel)


def owned(model: type[M], user_id: uuid.UUID) -> QuerySet[M]:
    """Rows of ``model`` that ``user_id`` owns."""
    return model.filter(owner_id=user_id)


def owned_deliveries(user_id: uuid.UUID) -> QuerySet[WebhookDelivery]:
    """Webhook deliveries to ``user_id``'s endpoints (each carries its endpoint's owner: the log is read by it)."""
    return WebhookDelivery.filter(owner_id=user_id)


def editable(model: type[M], user_id: uuid.UUID) -> QuerySet[M]:
    """Rows of ``model`` that ``user_id`` may change (for presets: not the built-in library; see
    ``find_editable_preset`` for administrators)."""
    if model is StylePreset:
        return owned(model, user_id).filter(built_in=False, deleted_at=None)
    return owned(model, user_id)


def viewable(model: type[M], user_id: uuid.UUID) -> QuerySet[M]:
    """Rows of ``model`` that ``user_id`` may read."""
    if model is StylePreset:
        return model.filter(Q(owner_id=user_id) | Q(visibility=PresetVisibility.PUBLIC), deleted_at=None)
    return owned(model, user_id)


def may_view(model: type[M], user_id: uuid.UUID, owner_id: uuid.UUID) -> bool:
    """Whether ``user_id`` may read a row of ``model`` owned by ``owner_id``, for a row already read (a live
    progress feed knows its batch's owner): the rule of ``viewable``, for the models only their owner may read."""
    if model is StylePreset:
        raise ValueError("a style preset's visibility depends on more than its owner: use `viewable`")
    return user_id == owner_id


async def find_editable_preset(user: User, preset_id: str | uuid.UUID) -> StylePreset | None:
    """A preset ``user`` may change: their own, and for administrators also the built-in library."""
    query = editable(StylePreset, user.id)
    if user.role is Role.ADMIN:
        query = StylePreset.filter(Q(owner_id=user.id, built_in=False) | Q(built_in=True), deleted_at=None)
    return await _one(query, preset_id)


async def find_shared_preset(share_code: str) -> StylePreset | None:
    """The preset behind a share code (UNLISTED or PUBLIC, not deleted); None for any other code."""
    if not share_code or len(share_code) > 64:
        return None
    return await StylePreset.get_or_none(
        share_code=share_code,
        visibility__in=(PresetVisibility.UNLISTED, PresetVisibility.PUBLIC),
        deleted_at=None,
    )


def public(model: type[M]) -> QuerySet[M]:
    """Rows of ``model`` that every user may see (public gallery items and presets); nothing for other models."""
    if model is GalleryItem:
        # An item an administrator hid after reports stays its owner's, out of everyone else's sight.
        return model.filter(is_public=True, hidden_at=None)
    if model is StylePreset:
        return model.filter(visibility=PresetVisibility.PUBLIC, deleted_at=None)
    return model.filter(id=None)


async def _one(query: QuerySet[M], object_id: str | uuid.UUID) -> M | None:
    ident = object_id if isinstance(object_id, uuid.UUID) else parse_id(object_id)
    if ident is None:
        return None
    return await query.get_or_none(id=ident)


async def find_owned(model: type[M], user_id: uuid.UUID, object_id: str | uuid.UUID) -> M | None:
    """The row with ``object_id`` if ``user_id`` owns it, else None (an id that cannot be ours included)."""
    return await _one(owned(model, user_id), object_id)


async def find_editable(model: type[M], user_id: uuid.UUID, object_id: str | uuid.UUID) -> M | None:
    """The row with ``object_id`` if ``user_id`` may change it, else None."""
    return await _one(editable(model, user_id), object_id)


async def find_viewable(model: type[M], user_id: uuid.UUID, object_id: str | uuid.UUID) -> M | None:
    """The row with ``object_id`` if ``user_id`` may read it, else None."""
    return await _one(viewable(model, user_id), object_id)
