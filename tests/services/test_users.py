"""The per-token user cache: bounded, expiring, isolated copies, forgettable."""

from __future__ import annotations

import uuid

from models import Role, User
from services.core.auth import Identity
from services.users import UserCache


def identity(subject: str) -> Identity:
    return Identity(subject=subject, role=Role.USER, email=None, expires_at=0)


def user(subject: str) -> User:
    return User(id=uuid.uuid4(), subject=subject, display_name=subject, role=Role.USER, credits=5)


def test_an_entry_is_reused_until_it_expires() -> None:
    now = [1000.0]
    cache = UserCache(ttl_seconds=30, clock=lambda: now[0])
    alice = user("alice")
    cache.put("token-a", identity("alice"), alice)
    hit = cache.get("token-a")
    assert hit is not None
    assert hit[0].subject == "alice"
    assert hit[1].id == alice.id
    assert cache.get("token-b") is None
    now[0] += 30
    assert cache.get("token-a") is None
    assert len(cache) == 0


def test_callers_get_copies_that_do_not_leak_into_other_requests() -> None:
    cache = UserCache(ttl_seconds=30)
    cache.put("token", identity("alice"), user("alice"))
    first = cache.get("token")
    assert first is not None
    first[1].display_name = "changed by one request"
    second = cache.get("token")
    assert second is not None
    assert second[1].display_name == "alice"


def test_the_least_recently_used_entry_goes_first_when_full() -> None:
    cache = UserCache(ttl_seconds=30, max_entries=2)
    cache.put("a", identity("a"), user("a"))
    cache.put("b", identity("b"), user("b"))
    assert cache.get("a") is not None  # "b" is now the least recently used
    cache.put("c", identity("c"), user("c"))
    assert len(cache) == 2
    assert cache.get("b") is None
    assert cache.get("a") is not None
    assert cache.get("c") is not None


def test_zero_seconds_caches_nothing_and_forget_drops_a_users_tokens() -> None:
    off = UserCache(ttl_seconds=0)
    off.put("token", identity("alice"), user("alice"))
    assert off.get("token") is None

    cache = UserCache(ttl_seconds=30)
    alice, bob = user("alice"), user("bob")
    cache.put("alice-1", identity("alice"), alice)
    cache.put("alice-2", identity("alice"), alice)
    cache.put("bob", identity("bob"), bob)
    cache.forget(alice.id)
    assert cache.get("alice-1") is None
    assert cache.get("alice-2") is None
    assert cache.get("bob") is not None
