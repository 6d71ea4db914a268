"""Users: created on their first authenticated request, with the signup grant written through the ledger and their
personal workspace, in one transaction."""

from __future__ import annotations

import copy
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models import Role, User
from services import credits, workspaces
from services.core.auth import Identity
from services.core.errors import Unauthenticated
from services.core.text import text_problem

SUBJECT_MAX = 255  # the columns' widths (models/users.py)
EMAIL_MAX = 320
DISPLAY_NAME_MAX = 80


def default_display_name(user_id: uuid.UUID) -> str:
    """What others see of a user whose token carries no name: never the subject or the email."""
    return f"player-{user_id.hex[:8]}"


async def ensure_user(identity: Identity, signup_credits: int) -> User:
    """The user for a verified identity, created (with ``signup_credits``) if this is its first request.

    The role and email follow the token, so revoking admin in the identity provider takes effect at once.
    """
    check_identity(identity)
    user = await User.get_or_none(subject=identity.subject)
    if user is None:
        user = await _create(identity, signup_credits)
    changes: dict[str, object] = {}
    if user.role is not identity.role:
        changes["role"] = identity.role
    if identity.email and user.email != identity.email:
        changes["email"] = identity.email
    if identity.name and user.display_name != identity.name:
        changes["display_name"] = identity.name
    if changes:
        await User.filter(id=user.id).update(**changes)
        user = await User.get(id=user.id)
    return user


def check_identity(identity: Identity) -> None:
    """The token's strings under the text policy, before they are looked up or stored: a token carrying what we
    cannot store (a NUL, a lone surrogate, a control character, an over-long value) is refused as unauthenticated.
    (``services.core.auth`` already keeps display names printable and short.)"""
    for claim, value, limit in (
        ("sub", identity.subject, SUBJECT_MAX),
        ("email", identity.email, EMAIL_MAX),
        ("name", identity.name, DISPLAY_NAME_MAX),
    ):
        problem = text_problem(value, [claim], max_length=limit) if value is not None else None
        if problem is not None:
            raise Unauthenticated(f"the token's {claim} claim cannot be used: {problem.message}")


async def _create(identity: Identity, signup_credits: int) -> User:
    try:
        async with in_transaction():
            user_id = uuid.uuid4()
            user = await User.create(
                id=user_id,
                subject=identity.subject,
                email=identity.email,
                role=identity.role,
                display_name=identity.name or default_display_name(user_id),
            )
            await workspaces.create_personal(user.id)
            if signup_credits > 0:
                await credits.signup(user.id, signup_credits)
    except IntegrityError:
        # Two first requests raced; the other one created the user.
        return await User.get(subject=identity.subject)
    return await User.get(id=user.id)


async def get_or_create_by_subject(subject: str, signup_credits: int) -> User:
    """For the CLI: the user with ``subject``, created like a first login if missing."""
    identity = Identity(subject=subject, role=Role.USER, email=None, expires_at=0)
    user = await User.get_or_none(subject=subject)
    return user if user is not None else await _create(identity, signup_credits)


async def get(user_id: uuid.UUID) -> User:
    """A user by id (fresh from the database)."""
    return await User.get(id=user_id)


async def get_many(user_ids: list[uuid.UUID]) -> dict[uuid.UUID, User]:
    """Users by id (one query; for showing authors' display names)."""
    return {user.id: user for user in await User.filter(id__in=user_ids)}


class UserCache:
    """The verified identity and the user row per bearer token, kept for a few seconds (per process, bounded, LRU).

    A page of reads then costs neither a signature check nor a ``users`` lookup. What may be read from a cached row:
    the id, subject, role, email and display name, which all follow the token (``ensure_user`` writes them from it,
    so the same token always yields the same values). Never the balance: ``User.credits`` changes with every
    generation, so everything that shows it (``me``, quotes, payloads) reads it fresh from the database. Expiry is
    still checked on every request against the cached identity's ``exp``. ``forget`` drops a user's entries (on
    deletion, or anything else that changes what a token maps to).
    """

    def __init__(
        self, ttl_seconds: float, max_entries: int = 10_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.ttl_seconds = ttl_seconds
        self.max_entries = max_entries
        self._clock = clock
        self._entries: OrderedDict[str, tuple[float, Identity, User]] = OrderedDict()

    def get(self, token: str) -> tuple[Identity, User] | None:
        entry = self._entries.get(token)
        if entry is None:
            return None
        until, identity, user = entry
        if until <= self._clock():
            del self._entries[token]
            return None
        self._entries.move_to_end(token)
        # A copy per request: a caller changing its object cannot change another request's.
        return identity, copy.copy(user)

    def put(self, token: str, identity: Identity, user: User) -> None:
        if self.ttl_seconds <= 0:
            return
        self._entries[token] = (self._clock() + self.ttl_seconds, identity, copy.copy(user))
        self._entries.move_to_end(token)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def forget(self, user_id: uuid.UUID) -> None:
        for token in [token for token, (_, _, user) in self._entries.items() if user.id == user_id]:
            del self._entries[token]

    def __len__(self) -> int:
        return len(self._entries)
