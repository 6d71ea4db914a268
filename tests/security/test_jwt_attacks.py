"""Forged, stale and odd tokens against the running app: every one is UNAUTHENTICATED with a clear message (never a
500 or a masked error), over HTTP and WebSocket, and creates no user.

The verifier's own unit tests (JWKS rotation, HS256 signed with the RSA public key) are in
``tests/services/core/test_auth.py``; the JWKS cases here are the attacks on ``kid``.
"""

from __future__ import annotations

import base64
import hmac
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.applications import Starlette
from websockets.asyncio.client import connect

from models import User
from services.core.auth import TokenVerifier
from services.core.config import Settings
from services.core.errors import Unauthenticated
from tests.conftest import TEST_SECRET
from tests.graph.test_websocket import closed_code
from tests.security.support import PROTOCOL, swapped_services
from tests.services.core.test_auth import JwksServer, public_jwk

ME = "{ me { subject } }"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def forge(header: dict[str, Any], payload: Any, key: bytes | None, digest: str = "sha256") -> str:
    """A token built by hand (PyJWT refuses to make most of these), HMAC-signed with ``key`` if given."""
    head = b64(json.dumps(header).encode())
    body = b64(json.dumps(payload).encode())
    signature = b64(hmac.new(key, f"{head}.{body}".encode(), digest).digest()) if key is not None else ""
    return f"{head}.{body}.{signature}"


def claims(subject: str = "mallory", **overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    base: dict[str, Any] = {"sub": subject, "iat": now, "exp": now + 600}
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


def signed(payload: Any, **header: Any) -> str:
    return forge({"alg": "HS256", "typ": "JWT", **header}, payload, TEST_SECRET.encode())


async def refused(client: httpx.AsyncClient, token: str) -> str:
    """Assert ``token`` is refused as UNAUTHENTICATED (HTTP 200, a GraphQL error); its message."""
    response = await client.post("/graphql", json={"query": ME}, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body.get("data") is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"], body
    message: str = body["errors"][0]["message"]
    assert message != "Unexpected error."
    return message


async def test_a_well_formed_token_is_accepted(client: httpx.AsyncClient) -> None:
    # The control for everything below: the same forging code, with nothing wrong, is let in.
    subject = f"ok-{time.time_ns()}"
    response = await client.post(
        "/graphql", json={"query": ME}, headers={"Authorization": f"Bearer {signed(claims(subject))}"}
    )
    assert response.json() == {"data": {"me": {"subject": subject}}}


@pytest.mark.parametrize("alg", ["none", "None", "NONE", "nOnE"])
async def test_alg_none_is_refused(client: httpx.AsyncClient, alg: str) -> None:
    await refused(client, forge({"alg": alg, "typ": "JWT"}, claims(), None))


@pytest.mark.parametrize("alg", ["HS384", "HS512"])
async def test_other_hmac_algorithms_are_refused_even_with_our_secret(client: httpx.AsyncClient, alg: str) -> None:
    digest = {"HS384": "sha384", "HS512": "sha512"}[alg]
    await refused(client, forge({"alg": alg, "typ": "JWT"}, claims(), TEST_SECRET.encode(), digest))


async def test_an_rsa_signed_token_is_refused_by_the_hs256_verifier(client: httpx.AsyncClient) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    await refused(client, jwt.encode(claims(), key, algorithm="RS256"))


async def test_wrong_key_and_tampered_payload_are_refused(client: httpx.AsyncClient) -> None:
    await refused(client, jwt.encode(claims(), "w" * 48, algorithm="HS256"))
    good = signed(claims("alice"))
    head, _, signature = good.split(".")
    tampered = f"{head}.{b64(json.dumps(claims('admin-wannabe', role='admin')).encode())}.{signature}"
    await refused(client, tampered)
    await refused(client, good.rsplit(".", 1)[0] + ".")  # signature stripped


async def test_expired_future_and_missing_claims_are_refused(client: httpx.AsyncClient) -> None:
    now = int(time.time())
    assert "expired" in await refused(client, signed(claims(exp=now - 3600)))
    assert "not yet valid" in await refused(client, signed(claims(nbf=now + 3600)))
    assert "not yet valid" in await refused(client, signed(claims(iat=now + 3600)))
    for missing in ("exp", "iat", "sub"):
        token_claims = claims()
        del token_claims[missing]
        assert missing in await refused(client, signed(token_claims))


SHAPES: dict[str, dict[str, Any]] = {
    "sub-list": {"sub": ["alice"]},
    "sub-object": {"sub": {"id": "alice"}},
    "sub-number": {"sub": 42},
    "sub-empty": {"sub": ""},
    "role-list": {"role": ["admin"]},
    "role-object": {"role": {"admin": True}},
    "app_metadata-list": {"app_metadata": ["admin"]},
    "app_metadata-string": {"app_metadata": "admin"},
    "app_metadata-role-list": {"app_metadata": {"role": ["admin"]}},
    "email-list": {"email": ["a@example.com"]},
    "email-object": {"email": {"address": "a@example.com"}},
    "name-object": {"name": {"first": "A"}},
    "iss-list": {"iss": ["https://idp"]},
    "aud-object": {"aud": {"x": 1}},
    "exp-string": {"exp": str(int(time.time()) + 600)},
    "exp-bool": {"exp": True},
    "exp-list": {"exp": [int(time.time()) + 600]},
    "iat-string": {"iat": str(int(time.time()))},
    "nbf-string": {"nbf": "0"},
    "jti-object": {"jti": {"a": 1}},
}


@pytest.mark.parametrize("overrides", list(SHAPES.values()), ids=list(SHAPES))
async def test_validly_signed_tokens_with_unexpected_claim_shapes_are_refused(
    client: httpx.AsyncClient, overrides: dict[str, Any]
) -> None:
    subject = f"shape-{time.time_ns()}"
    token_claims = {**claims(subject), **overrides}
    message = await refused(client, signed(token_claims))
    assert message.startswith("invalid token"), message
    assert await User.filter(subject=subject).count() == 0


@pytest.mark.parametrize("payload", [["sub", "alice"], "alice", 42, None], ids=["array", "string", "number", "null"])
async def test_a_payload_that_is_not_an_object_is_refused(client: httpx.AsyncClient, payload: Any) -> None:
    await refused(client, signed(payload))


async def test_a_fractional_exp_is_a_valid_numeric_date(client: httpx.AsyncClient) -> None:
    subject = f"frac-{time.time_ns()}"
    token = signed(claims(subject, exp=time.time() + 600.5))
    response = await client.post("/graphql", json={"query": ME}, headers={"Authorization": f"Bearer {token}"})
    assert response.json() == {"data": {"me": {"subject": subject}}}


async def test_token_lifetime_is_capped(app: Starlette, client: httpx.AsyncClient) -> None:
    now = int(time.time())
    settings = app.state.services.settings.model_copy(update={"jwt_max_lifetime_seconds": 3600})
    with swapped_services(app, settings=settings, verifier=TokenVerifier(settings)):
        assert "at most 3600 s" in await refused(client, signed(claims(exp=now + 3601, iat=now)))
        # A token issued long ago for a long life, even with little of it left, is refused too.
        assert "at most 3600 s" in await refused(client, signed(claims(exp=now + 60, iat=now - 3600)))
        # iat cannot be moved into the future to make room: beyond the leeway it is refused by itself.
        assert "not yet valid" in await refused(client, signed(claims(exp=now + 7200, iat=now + 3600)))
        subject = f"life-{time.time_ns()}"
        ok = signed(claims(subject, exp=now + 3600, iat=now))
        response = await client.post("/graphql", json={"query": ME}, headers={"Authorization": f"Bearer {ok}"})
        assert response.json() == {"data": {"me": {"subject": subject}}}


async def test_kid_injection_on_the_hs256_verifier(client: httpx.AsyncClient) -> None:
    # The classic: a kid naming a file whose content the attacker knows (/dev/null: empty), signed with that.
    for kid in ("../../../../../../dev/null", "/dev/null", "' OR '1'='1", "|cat /etc/passwd"):
        await refused(client, forge({"alg": "HS256", "kid": kid}, claims(), b""))


@pytest.fixture
def jwks() -> Iterator[JwksServer]:
    server = JwksServer()
    yield server
    server.close()


@pytest.mark.parametrize(
    "kid",
    ["../../../../dev/null", "k1' OR '1'='1", {"$ne": "x"}, ["k1"], 7, None, "k" * 5000],
    ids=["path", "sql", "object", "list", "number", "null", "huge"],
)
async def test_kid_injection_on_the_jwks_verifier(tmp_path: Path, jwks: JwksServer, kid: Any) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwks.keys = [public_jwk(key, "k1")]
    verifier = TokenVerifier(Settings(var_dir=tmp_path, jwt_jwks_url=jwks.url, jwt_jwks_refresh_cooldown_seconds=0))
    assert (await verifier.verify(jwt.encode(claims(), key, algorithm="RS256", headers={"kid": "k1"}))).subject
    header = b64(json.dumps({"alg": "RS256", "kid": kid}).encode())
    body = b64(json.dumps(claims()).encode())
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    real = jwt.encode(claims(), stranger, algorithm="RS256", headers={"kid": "k1"})
    with pytest.raises(Unauthenticated):
        await verifier.verify(f"{header}.{body}.{real.rsplit('.', 1)[1]}")
    with pytest.raises(Unauthenticated):
        await verifier.verify(forge({"alg": "HS256", "kid": kid}, claims(), b""))


async def test_an_oversized_token_is_refused_before_it_is_decoded(client: httpx.AsyncClient) -> None:
    huge = signed(claims(padding="x" * 20_000))
    assert "longer than 8192" in await refused(client, huge)


@pytest.mark.parametrize("overrides", [SHAPES["role-list"], SHAPES["exp-string"], SHAPES["sub-object"]])
async def test_sockets_refuse_odd_tokens_with_4403(live_url: str, overrides: dict[str, Any]) -> None:
    token = signed({**claims(), **overrides})
    async with connect(f"ws://{live_url}/graphql", subprotocols=[PROTOCOL]) as ws:  # type: ignore[list-item]
        await ws.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}))
        assert await closed_code(ws) == 4403
