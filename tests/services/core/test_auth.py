"""JWT verification: what is accepted, and every way a token is refused."""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm
from pydantic import ValidationError

from models import Role
from services.core.auth import TokenVerifier, bearer_token, issue_token
from services.core.config import Settings
from services.core.errors import Unauthenticated

SECRET = "s" * 32


def hs_settings(tmp_path: Path, **extra: Any) -> Settings:
    return Settings(var_dir=tmp_path, **{"jwt_secret": SECRET, **extra})


def claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    base: dict[str, Any] = {"sub": "alice", "iat": now, "exp": now + 600}
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


async def test_valid_hs256_token(tmp_path: Path) -> None:
    verifier = TokenVerifier(hs_settings(tmp_path))
    identity = await verifier.verify(jwt.encode(claims(email="a@example.com"), SECRET, algorithm="HS256"))
    assert identity.subject == "alice"
    assert identity.role is Role.USER
    assert identity.email == "a@example.com"


@pytest.mark.parametrize(
    "token_claims",
    [
        claims(exp=int(time.time()) - 3600),  # expired beyond the leeway
        claims(exp=None),
        claims(iat=None),
        claims(sub=None),
        claims(sub=""),
        claims(sub=42),
    ],
    ids=["expired", "no-exp", "no-iat", "no-sub", "empty-sub", "non-string-sub"],
)
async def test_refused_claims(tmp_path: Path, token_claims: dict[str, Any]) -> None:
    verifier = TokenVerifier(hs_settings(tmp_path))
    with pytest.raises(Unauthenticated):
        await verifier.verify(jwt.encode(token_claims, SECRET, algorithm="HS256"))


async def test_wrong_secret_malformed_and_alg_none_are_refused(tmp_path: Path) -> None:
    verifier = TokenVerifier(hs_settings(tmp_path))
    with pytest.raises(Unauthenticated):
        await verifier.verify(jwt.encode(claims(), "t" * 32, algorithm="HS256"))
    verifier_384 = TokenVerifier(hs_settings(tmp_path, jwt_secret=SECRET * 2))
    with pytest.raises(Unauthenticated):
        await verifier.verify("not.a.token")
    unsigned = jwt.encode(claims(), None, algorithm="none")  # type: ignore[arg-type]  # "none" takes no key
    with pytest.raises(Unauthenticated):
        await verifier.verify(unsigned)
    # HS384 (even with a key that would verify under HS384): refused, the algorithm is pinned.
    with pytest.raises(Unauthenticated):
        await verifier_384.verify(jwt.encode(claims(), SECRET * 2, algorithm="HS384"))


async def test_audience_and_issuer_are_checked_when_configured(tmp_path: Path) -> None:
    verifier = TokenVerifier(hs_settings(tmp_path, jwt_audience="playground", jwt_issuer="https://idp"))
    good = claims(aud="playground", iss="https://idp")
    assert (await verifier.verify(jwt.encode(good, SECRET, algorithm="HS256"))).subject == "alice"
    for bad in (claims(iss="https://idp"), claims(aud="other", iss="https://idp"), claims(aud="playground")):
        with pytest.raises(Unauthenticated):
            await verifier.verify(jwt.encode(bad, SECRET, algorithm="HS256"))


async def test_supabase_style_roles(tmp_path: Path) -> None:
    verifier = TokenVerifier(hs_settings(tmp_path))
    supabase_user = claims(role="authenticated", app_metadata={"provider": "email"})
    assert (await verifier.verify(jwt.encode(supabase_user, SECRET, algorithm="HS256"))).role is Role.USER
    supabase_admin = claims(role="authenticated", app_metadata={"role": "admin"})
    assert (await verifier.verify(jwt.encode(supabase_admin, SECRET, algorithm="HS256"))).role is Role.ADMIN
    plain_admin = claims(role="admin")
    assert (await verifier.verify(jwt.encode(plain_admin, SECRET, algorithm="HS256"))).role is Role.ADMIN


def test_issued_tokens_round_trip_and_short_secrets_are_rejected(tmp_path: Path) -> None:
    settings = hs_settings(tmp_path)
    token = issue_token(settings, "bob", role=Role.ADMIN, ttl_seconds=60)
    decoded = jwt.decode(token, SECRET, algorithms=["HS256"])
    assert decoded["sub"] == "bob"
    assert decoded["app_metadata"] == {"role": "admin"}
    assert decoded["exp"] - decoded["iat"] == 60
    with pytest.raises(ValidationError, match="at least 32 bytes"):
        Settings(var_dir=tmp_path, jwt_secret="short")


def test_development_secret_is_generated_once_and_kept(tmp_path: Path) -> None:
    first = Settings(var_dir=tmp_path).hs256_secret
    second = Settings(var_dir=tmp_path).hs256_secret
    assert first is not None
    assert first == second
    assert len(first) >= 32
    assert (tmp_path / "jwt_secret").stat().st_mode & 0o077 == 0


def test_bearer_header_parsing() -> None:
    assert bearer_token(None) is None
    assert bearer_token("Bearer abc") == "abc"
    assert bearer_token("bearer  abc ") == "abc"
    for bad in ("Basic abc", "Bearer", "abc", "Bearer "):
        with pytest.raises(Unauthenticated):
            bearer_token(bad)


# --- JWKS (RS256/ES256) with key rotation ---------------------------------------------------------------


class JwksServer:
    """A JWKS endpoint on a loopback port whose key set tests can replace (rotation)."""

    def __init__(self) -> None:
        self.keys: list[dict[str, Any]] = []
        self.requests = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.requests += 1
                body = json.dumps({"keys": outer.keys}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/.well-known/jwks.json"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def jwks() -> Iterator[JwksServer]:
    server = JwksServer()
    yield server
    server.close()


def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_jwk(private: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey, kid: str) -> dict[str, Any]:
    if isinstance(private, rsa.RSAPrivateKey):
        jwk = json.loads(RSAAlgorithm.to_jwk(private.public_key()))
        jwk["alg"] = "RS256"
    else:
        jwk = json.loads(ECAlgorithm.to_jwk(private.public_key()))
        jwk["alg"] = "ES256"
    jwk.update(kid=kid, use="sig")
    return dict(jwk)


async def test_jwks_rs256_es256_and_rotation(tmp_path: Path, jwks: JwksServer) -> None:
    first, ec_key = rsa_key(), ec.generate_private_key(ec.SECP256R1())
    jwks.keys = [public_jwk(first, "k1"), public_jwk(ec_key, "k-ec")]
    verifier = TokenVerifier(Settings(var_dir=tmp_path, jwt_jwks_url=jwks.url, jwt_jwks_refresh_cooldown_seconds=0))

    token = jwt.encode(claims(), first, algorithm="RS256", headers={"kid": "k1"})
    assert (await verifier.verify(token)).subject == "alice"
    token = jwt.encode(claims(sub="eve"), ec_key, algorithm="ES256", headers={"kid": "k-ec"})
    assert (await verifier.verify(token)).subject == "eve"

    # Rotation: a new key appears under a new kid; an unknown kid makes the client refetch the set.
    second = rsa_key()
    jwks.keys = [public_jwk(second, "k2")]
    token = jwt.encode(claims(sub="carol"), second, algorithm="RS256", headers={"kid": "k2"})
    assert (await verifier.verify(token)).subject == "carol"

    with pytest.raises(Unauthenticated):  # signed by a key that is not in the set
        await verifier.verify(jwt.encode(claims(), rsa_key(), algorithm="RS256", headers={"kid": "k2"}))
    with pytest.raises(Unauthenticated):  # unknown kid
        await verifier.verify(jwt.encode(claims(), rsa_key(), algorithm="RS256", headers={"kid": "nope"}))


async def test_jwks_refuses_hs256_signed_with_the_public_key(tmp_path: Path, jwks: JwksServer) -> None:
    private = rsa_key()
    jwks.keys = [public_jwk(private, "k1")]
    verifier = TokenVerifier(Settings(var_dir=tmp_path, jwt_jwks_url=jwks.url))
    pem = private.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    # Forge by hand: PyJWT itself refuses to HMAC with a PEM key, which is the attack we defend against.
    import hashlib
    import hmac

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    header = b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": "k1"}).encode())
    payload = b64(json.dumps(claims()).encode())
    signature = b64(hmac.new(pem, f"{header}.{payload}".encode(), hashlib.sha256).digest())
    with pytest.raises(Unauthenticated):
        await verifier.verify(f"{header}.{payload}.{signature}")
    unsigned = jwt.encode(claims(), None, algorithm="none", headers={"kid": "k1"})  # type: ignore[arg-type]
    with pytest.raises(Unauthenticated):
        await verifier.verify(unsigned)


def test_tokens_are_not_issued_for_longer_than_the_verifier_accepts(tmp_path: Path) -> None:
    from services.core.errors import InvalidInput

    settings = hs_settings(tmp_path, jwt_max_lifetime_seconds=600)
    assert issue_token(settings, "bob", ttl_seconds=600)
    with pytest.raises(InvalidInput, match="at most 600 s"):
        issue_token(settings, "bob", ttl_seconds=601)
