"""API keys in the service: the format and its checksum, the keyed hash, and the verifier's cache bound, expiry and
coalesced last-use writes (clocks injected: no sleeps)."""

from __future__ import annotations

import binascii
import hashlib
import hmac
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from starlette.applications import Starlette

from models import ApiKey, ApiKeyScope, Role, User
from services import keys
from services.core.auth import Identity, TokenVerifier
from services.core.config import Settings
from services.core.errors import Conflict, InvalidInput, Unauthenticated
from tests.sql_count import sql_statements

SECRET = "k" * 40


def test_a_key_has_the_prefix_the_length_and_a_crc32_checksum() -> None:
    key = keys.generate_key()
    assert key.startswith("ppk_")
    assert len(key) == keys.KEY_LENGTH == 42
    assert all(ch in keys.ALPHABET for ch in key[4:])
    head, checksum = key[:-6], key[-6:]
    number = 0
    for ch in checksum:
        number = number * 62 + keys.ALPHABET.index(ch)
    assert number == binascii.crc32(head.encode())
    keys.check_format(key)
    assert len({keys.generate_key() for _ in range(100)}) == 100


@pytest.mark.parametrize(
    ("mangle", "reason"),
    [
        (lambda k: k[:-1] + ("A" if k[-1] != "A" else "B"), "checksum"),
        (lambda k: k[:10] + ("x" if k[10] != "x" else "y") + k[11:], "checksum"),
        (lambda k: k + "0", "characters long"),
        (lambda k: k[:-1], "characters long"),
        (lambda k: k + "0" * 8000, "characters long"),
        (lambda k: k[:20] + "-" + k[21:], "unexpected characters"),
        (lambda k: "ppx_" + k[4:], "must start with"),
    ],
)
def test_malformed_keys_are_refused_by_their_format(mangle: object, reason: str) -> None:
    assert callable(mangle)
    with pytest.raises(Unauthenticated, match=reason):
        keys.check_format(mangle(keys.generate_key()))


def test_the_hash_is_an_hmac_keyed_by_the_secret() -> None:
    key = keys.generate_key()
    assert keys.hash_key(SECRET, key) == hmac.new(SECRET.encode(), key.encode(), hashlib.sha256).hexdigest()
    assert keys.hash_key(SECRET, key) != keys.hash_key("other" * 8, key)
    assert keys.hash_key(SECRET, key) != hashlib.sha256(key.encode()).hexdigest()


async def new_user() -> User:
    return await User.create(id=uuid.uuid4(), subject=f"keys-{uuid.uuid4().hex[:8]}", role=Role.ADMIN)


async def made(verifier: keys.ApiKeyVerifier, **fields: object) -> tuple[User, ApiKey, str]:
    user = await new_user()
    new = keys.NewApiKey(
        name=str(fields.get("name", "ci")),
        scopes=list(fields.get("scopes", [ApiKeyScope.READ])),  # type: ignore[call-overload]
        expires_at=fields.get("expires_at"),  # type: ignore[arg-type]
    )
    row, token = await keys.create(user.id, new, verifier=verifier)
    return user, row, token


async def test_a_key_is_stored_hashed_and_verifies_to_its_owner_as_a_user(app: Starlette) -> None:
    verifier = keys.ApiKeyVerifier(SECRET, cache_seconds=5)
    user, row, token = await made(verifier, scopes=[ApiKeyScope.GENERATE, ApiKeyScope.READ, ApiKeyScope.READ])
    stored = await ApiKey.get(id=row.id)
    assert stored.secret_hash == keys.hash_key(SECRET, token)
    assert token not in str(stored.__dict__)
    assert stored.prefix == token[:12]
    assert stored.scopes == ["GENERATE", "READ"]
    identity = await verifier.verify(token, "203.0.113.9")
    assert identity.api_key_id == row.id
    assert identity.user_id == user.id
    assert identity.subject == f"apikey:{row.id}"
    assert identity.role is Role.USER  # the owner is an administrator; the key is not
    assert identity.scopes == frozenset({ApiKeyScope.GENERATE, ApiKeyScope.READ})
    assert (await verifier.user_of(identity)).id == user.id


async def test_a_well_formed_key_that_was_never_issued_is_refused(app: Starlette) -> None:
    verifier = keys.ApiKeyVerifier(SECRET, cache_seconds=5)
    with pytest.raises(Unauthenticated, match="unknown"):
        await verifier.verify(keys.generate_key(), None)


async def test_a_malformed_key_is_refused_without_reading_the_database(app: Starlette) -> None:
    verifier = keys.ApiKeyVerifier(SECRET, cache_seconds=5)
    good = keys.generate_key()
    with sql_statements() as statements:
        for token in (good[:-1] + ("0" if good[-1] != "0" else "1"), good + "x" * 50, good[:30]):
            with pytest.raises(Unauthenticated):
                await verifier.verify(token, None)
    assert statements == []


async def test_a_key_revoked_elsewhere_is_refused_once_the_cache_bound_passes(app: Starlette) -> None:
    """Two verifiers are two API processes; one revokes. The other refuses the key at most
    ``cache_seconds`` later (its clock is moved, not waited for)."""
    clock = [1000.0]
    here = keys.ApiKeyVerifier(SECRET, cache_seconds=5)
    elsewhere = keys.ApiKeyVerifier(SECRET, cache_seconds=5, clock=lambda: clock[0])
    user, row, token = await made(here)
    await here.verify(token, None)
    await elsewhere.verify(token, None)
    await keys.revoke(user.id, str(row.id), verifier=here)
    with pytest.raises(Unauthenticated, match="revoked"):
        await here.verify(token, None)  # the revoking process: at once
    clock[0] += 4.9
    await elsewhere.verify(token, None)  # still within the documented bound
    clock[0] += 0.1
    with pytest.raises(Unauthenticated, match="revoked"):
        await elsewhere.verify(token, None)


async def test_an_expired_key_is_refused_even_while_cached(app: Starlette) -> None:
    wall = [datetime.now(UTC)]
    verifier = keys.ApiKeyVerifier(SECRET, cache_seconds=10, now=lambda: wall[0])
    _, _, token = await made(verifier, expires_at=wall[0] + timedelta(hours=1))
    identity = await verifier.verify(token, None)
    wall[0] += timedelta(hours=1)
    with pytest.raises(Unauthenticated, match="expired"):
        await verifier.verify(token, None)
    with pytest.raises(Unauthenticated, match="expired"):
        await verifier.user_of(identity)


async def test_last_use_is_written_at_most_once_a_minute(app: Starlette) -> None:
    wall = [datetime.now(UTC)]
    verifier = keys.ApiKeyVerifier(SECRET, cache_seconds=10, clock=lambda: 0.0, now=lambda: wall[0])
    _, row, token = await made(verifier)
    with sql_statements() as statements:
        for _ in range(20):
            await verifier.verify(token, "198.51.100.7")
    updates = [s for s in statements if s.lstrip().upper().startswith("UPDATE")]
    assert len(updates) == 1
    stored = await ApiKey.get(id=row.id)
    assert stored.last_used_address == "198.51.100.7"
    assert stored.last_used_at is not None
    wall[0] += timedelta(seconds=61)
    with sql_statements() as statements:
        await verifier.verify(token, "198.51.100.8")
    assert len([s for s in statements if s.lstrip().upper().startswith("UPDATE")]) == 1
    assert (await ApiKey.get(id=row.id)).last_used_address == "198.51.100.8"


async def test_another_process_does_not_overwrite_a_fresh_last_use(app: Starlette) -> None:
    here = keys.ApiKeyVerifier(SECRET, cache_seconds=5)
    _, row, token = await made(here)
    await here.verify(token, "192.0.2.1")
    first = await ApiKey.get(id=row.id)
    elsewhere = keys.ApiKeyVerifier(SECRET, cache_seconds=5)
    await elsewhere.verify(token, "192.0.2.2")  # reads the fresh time: writes nothing
    second = await ApiKey.get(id=row.id)
    assert (second.last_used_at, second.last_used_address) == (first.last_used_at, "192.0.2.1")


async def test_bad_input_names_the_field_and_creates_nothing(app: Starlette) -> None:
    verifier = keys.ApiKeyVerifier(SECRET, cache_seconds=5)
    user = await new_user()
    cases: list[tuple[keys.NewApiKey, list[str]]] = [
        (keys.NewApiKey(name="", scopes=[ApiKeyScope.READ], expires_at=None), ["input", "name"]),
        (keys.NewApiKey(name="x" * 81, scopes=[ApiKeyScope.READ], expires_at=None), ["input", "name"]),
        (keys.NewApiKey(name="a\x00b", scopes=[ApiKeyScope.READ], expires_at=None), ["input", "name"]),
        (keys.NewApiKey(name="ok", scopes=[], expires_at=None), ["input", "scopes"]),
        (
            keys.NewApiKey(name="ok", scopes=[ApiKeyScope.READ], expires_at=datetime.now(UTC) - timedelta(1)),
            ["input", "expires_at"],
        ),
    ]
    for new, field in cases:
        with pytest.raises(InvalidInput) as caught:
            await keys.create(user.id, new, verifier=verifier)
        assert caught.value.field == field
    assert await ApiKey.filter(owner_id=user.id).count() == 0


async def test_without_a_secret_keys_are_off(app: Starlette, tmp_path: object) -> None:
    settings = Settings(var_dir=tmp_path, environment="production", jwt_secret="s" * 40)
    assert settings.api_key_hash_secret is None
    off = keys.ApiKeyVerifier(settings.api_key_hash_secret, cache_seconds=5)
    user = await new_user()
    with pytest.raises(Conflict):
        await keys.create(user.id, keys.NewApiKey(name="x", scopes=[ApiKeyScope.READ], expires_at=None), verifier=off)
    with pytest.raises(Unauthenticated, match="off"):
        await TokenVerifier(settings, keys=off).verify(keys.generate_key())


async def test_a_jwt_is_still_verified_as_a_jwt_next_to_keys(app: Starlette, settings: Settings) -> None:
    from services.core.auth import issue_token

    verifier = TokenVerifier(settings, keys=keys.ApiKeyVerifier(SECRET, cache_seconds=5))
    identity: Identity = await verifier.verify(issue_token(settings, "someone"))
    assert identity.subject == "someone"
    assert identity.scopes is None
    assert not identity.is_api_key
