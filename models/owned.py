"""``OwnedModel``: the abstract base of everything a user owns (projects, batches, images, references, presets,
gallery items): its owner and its timestamps.

Who may read or change an owned row is decided in one place, ``services.access``; the base only guarantees that
every such table has the same ``owner_id`` column to scope by.
"""

from __future__ import annotations

import uuid
from copy import deepcopy
from typing import TYPE_CHECKING, Any, ClassVar

from tortoise import fields
from tortoise.models import Model, ModelMeta

if TYPE_CHECKING:
    from models.users import User


class _OwnedMeta(ModelMeta):
    """Gives each concrete model its own copy of the inherited fields.

    Tortoise hands the same field objects of an abstract base to every subclass, and a foreign key keeps one model
    and one related name; the ``owner`` key of each model needs its own reverse name on ``User``
    (``owner_related_name``: ``user.projects``, ``user.batch_jobs``...).
    """

    def __new__(mcs, name: str, bases: tuple[type, ...], attrs: dict[str, Any]) -> ModelMeta:
        for base in bases:
            meta = getattr(base, "_meta", None)
            if meta is None or not meta.abstract:
                continue
            for key, field in meta.fields_map.items():
                if key in attrs:
                    continue
                own = deepcopy(field)
                if key == "owner":
                    own.related_name = attrs.get("owner_related_name") or f"{name.lower()}s"
                attrs[key] = own
        return super().__new__(mcs, name, bases, attrs)


class OwnedModel(Model, metaclass=_OwnedMeta):
    owner_related_name: ClassVar[str] = ""
    """The reverse relation on ``User`` (set per model)."""

    owner_id: uuid.UUID
    owner: fields.ForeignKeyRelation[User] = fields.ForeignKeyField("models.User", on_delete=fields.CASCADE)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        abstract = True
