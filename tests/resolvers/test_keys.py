"""API keys over GraphQL: created once and never shown again, scoped, revoked and expired at once, owned, accepted
over HTTP and in ``connection_init``, limited per key, refused when malformed."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from models import ApiKey, CreditLedgerEntry, GalleryItem, Project, Role, StylePreset, User
from services.core.auth import TokenVerifier
from services.infra.rate_limits import Budget, create_rate_limiter
from services.keys import ApiKeyVerifier, generate_key
from tests.conftest import GQL, Caller, MakeCaller, error_codes
from tests.security.support import PROTOCOL, receive, socket, swapped_services, ws_operation
from tests.sql_count import sql_statements

CREATE = """
mutation($input: ApiKeyCreateInput!) {
  apiKeyCreate(input: $input) {
    apiKey { id name prefix scopes createdAt expiresAt lastUsedAt lastUsedAddress revokedAt }
    key
    userErrors { field code message }
  }
}"""
LIST = """
{ apiKeys(first: 100) {
    totalCount
    edges { node { id name prefix scopes createdAt expiresAt lastUsedAt lastUsedAddress revokedAt } }
} }"""
REVOKE = "mutation($id: ID!) { apiKeyRevoke(id: $id) { apiKey { id revokedAt } userErrors { field code message } } }"
ME = "{ me { id subject } }"


async def make_key(gql: GQL, owner: Caller, *scopes: str, **fields: Any) -> tuple[dict[str, Any], Caller]:
    """A new key of ``owner`` with ``scopes``; the key as a caller of its own."""
    body = await gql(CREATE, {"input": {"name": "ci", "scopes": list(scopes), **fields}}, owner)
    payload = body["data"]["apiKeyCreate"]
    assert payload["userErrors"] == [], payload
    return payload["apiKey"], Caller(subject=owner.subject, token=payload["key"])


async def test_the_key_is_shown_once_and_lists_show_only_its_prefix(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    expires = (datetime.now(UTC) + timedelta(days=30)).replace(microsecond=0)
    body = await gql(
        CREATE, {"input": {"name": "build server", "scopes": ["READ", "GENERATE"], "expiresAt": expires.isoformat()}}
    )
    assert error_codes(body) == ["UNAUTHENTICATED"]  # a session is needed
    body = await gql(
        CREATE,
        {"input": {"name": "build server", "scopes": ["GENERATE", "READ"], "expiresAt": expires.isoformat()}},
        alice,
    )
    payload = body["data"]["apiKeyCreate"]
    key, api_key = payload["key"], payload["apiKey"]
    assert key.startswith("ppk_")
    assert len(key) == 42
    assert api_key["prefix"] == key[:12]
    assert api_key["scopes"] == ["GENERATE", "READ"]
    assert datetime.fromisoformat(api_key["expiresAt"]) == expires
    assert api_key["lastUsedAt"] is None
    listed = await gql(LIST, caller=alice)
    assert listed["data"]["apiKeys"]["totalCount"] == 1
    assert listed["data"]["apiKeys"]["edges"][0]["node"] == api_key
    assert key not in json.dumps(listed)
    stored = await ApiKey.get(id=api_key["id"])
    assert key not in json.dumps(list((await ApiKey.filter(id=api_key["id"]).values())[0].values()), default=str)
    assert stored.secret_hash != key


async def test_a_key_authenticates_as_its_owner_and_records_its_last_use(
    client: httpx.AsyncClient, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    me = (await gql(ME, caller=alice))["data"]["me"]
    _api_key, as_key = await make_key(gql, alice, "READ")
    answer = await gql(ME, caller=as_key)
    assert answer["data"]["me"] == me
    with sql_statements() as statements:
        for _ in range(5):
            assert (await gql(ME, caller=as_key))["data"]["me"] == me
    assert not [s for s in statements if "api_keys" in s and s.lstrip().upper().startswith("UPDATE")]
    [node] = [e["node"] for e in (await gql(LIST, caller=alice))["data"]["apiKeys"]["edges"]]
    assert node["lastUsedAt"] is not None
    assert node["lastUsedAddress"] == "127.0.0.1"  # httpx's ASGI transport's client address


async def counts(subject: str) -> tuple[int, int, int, int, int]:
    user = await User.get(subject=subject)
    return (
        await Project.filter(owner_id=user.id).count(),
        await StylePreset.filter(owner_id=user.id).count(),
        await GalleryItem.filter(owner_id=user.id).count(),
        await ApiKey.filter(owner_id=user.id).count(),
        await CreditLedgerEntry.filter(user_id=user.id).count(),
    )


PROJECT_CREATE = 'mutation { projectCreate(input: {name: "by key"}) { project { id } userErrors { code } } }'
PRESET_CREATE = 'mutation { stylePresetCreate(input: {name: "by key"}) { stylePreset { id } userErrors { code } } }'
GALLERY_REMOVE = (
    'mutation { galleryRemove(id: "00000000-0000-0000-0000-000000000000") { removedId userErrors { code } } }'
)
ANALYTICS = (
    "query($r: DateRangeInput!) { usageAnalytics(range: $r, granularity: DAY, groupBy: PROJECT, scope: MINE) "
    "{ totals { imagesRequested } } }"
)
RANGE = {"from": (datetime.now(UTC) - timedelta(days=1)).isoformat(), "to": datetime.now(UTC).isoformat()}
# One operation per scope, and how its answer reads when the scope allows it.
BY_SCOPE: dict[str, tuple[str, dict[str, Any], Callable[[dict[str, Any]], bool]]] = {
    "READ": (ME, {}, lambda d: d["me"]["id"] is not None),
    "GENERATE": (PROJECT_CREATE, {}, lambda d: d["projectCreate"]["project"] is not None),
    "PRESETS": (PRESET_CREATE, {}, lambda d: d["stylePresetCreate"]["stylePreset"] is not None),
    "GALLERY": (GALLERY_REMOVE, {}, lambda d: d["galleryRemove"]["userErrors"][0]["code"] == "NOT_FOUND"),
    "ANALYTICS": (ANALYTICS, {"r": RANGE}, lambda d: d["usageAnalytics"]["totals"]["imagesRequested"] == 0),
}


@pytest.mark.parametrize("scope", sorted(BY_SCOPE))
async def test_each_scope_allows_its_fields_and_the_others_are_refused_unchanged(
    gql: GQL, make_caller: MakeCaller, scope: str
) -> None:
    alice = make_caller("alice")
    await gql(ME, caller=alice)
    _, as_key = await make_key(gql, alice, scope)
    query, variables, allowed = BY_SCOPE[scope]
    answer = await gql(query, variables, as_key)
    assert "errors" not in answer, answer
    assert allowed(answer["data"])
    for other, (query, variables, _) in BY_SCOPE.items():
        if other == scope:
            continue
        before = await counts(alice.subject)
        refused = await gql(query, variables, as_key)
        assert refused["data"] is None
        [error] = refused["errors"]
        assert error["extensions"]["code"] == "FORBIDDEN"
        assert error["extensions"]["requiredScope"] == other
        assert await counts(alice.subject) == before


async def test_one_field_out_of_scope_refuses_the_whole_operation(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    _, as_key = await make_key(gql, alice, "READ", "GENERATE")
    await gql(ME, caller=as_key)
    before = await counts(alice.subject)
    fragment = (
        'mutation { ...Both } fragment Both on Mutation { projectCreate(input: {name: "x"}) { project { id } } '
        'stylePresetCreate(input: {name: "y"}) { stylePreset { id } } }'
    )
    answer = await gql(fragment, caller=as_key)
    assert answer["data"] is None
    assert [e["extensions"]["requiredScope"] for e in answer["errors"]] == ["PRESETS"]
    assert await counts(alice.subject) == before


async def test_a_key_never_reaches_administrator_fields_nor_the_key_fields(gql: GQL, make_caller: MakeCaller) -> None:
    admin = make_caller("admin", role=Role.ADMIN)
    me = (await gql(ME, caller=admin))["data"]["me"]
    _, as_key = await make_key(gql, admin, "READ", "GENERATE", "PRESETS", "GALLERY", "WEBHOOKS", "ANALYTICS")
    await gql(ME, caller=as_key)
    before = await counts(admin.subject)
    balance = (await User.get(subject=admin.subject)).credits
    grant = "mutation($u: ID!) { creditsGrant(input: {userId: $u, amount: 1000}) { userErrors { code } } }"
    for query, variables in (
        (grant, {"u": me["id"]}),
        (CREATE, {"input": {"name": "minted by a key", "scopes": ["READ"]}}),
        (LIST, {}),
    ):
        answer = await gql(query, variables, as_key)
        assert error_codes(answer) == ["FORBIDDEN"], answer
        assert answer["errors"][0]["extensions"]["requiredScope"] is None
    assert await counts(admin.subject) == before
    assert (await User.get(subject=admin.subject)).credits == balance
    assert (await User.get(subject=admin.subject)).role is Role.ADMIN  # a key's USER role is never written back


async def test_revocation_is_refused_at_once_and_only_by_the_owner(gql: GQL, make_caller: MakeCaller) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    api_key, as_key = await make_key(gql, alice, "READ")
    assert "errors" not in await gql(ME, caller=as_key)
    bobs = await gql(REVOKE, {"id": api_key["id"]}, bob)
    assert [e["code"] for e in bobs["data"]["apiKeyRevoke"]["userErrors"]] == ["NOT_FOUND"]
    assert (await gql(LIST, caller=bob))["data"]["apiKeys"]["totalCount"] == 0
    assert (await ApiKey.get(id=api_key["id"])).revoked_at is None
    assert "errors" not in await gql(ME, caller=as_key)
    revoked = await gql(REVOKE, {"id": api_key["id"]}, alice)
    assert revoked["data"]["apiKeyRevoke"]["apiKey"]["revokedAt"] is not None
    refused = await gql(ME, caller=as_key)
    assert error_codes(refused) == ["UNAUTHENTICATED"]
    assert (await gql(LIST, caller=alice))["data"]["apiKeys"]["totalCount"] == 0
    again = await gql(REVOKE, {"id": api_key["id"]}, alice)
    assert [e["code"] for e in again["data"]["apiKeyRevoke"]["userErrors"]] == ["NOT_FOUND"]


async def test_an_expired_key_is_refused(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    expires = datetime.now(UTC) + timedelta(hours=1)
    _, as_key = await make_key(gql, alice, "READ", expiresAt=expires.isoformat())
    assert "errors" not in await gql(ME, caller=as_key)
    services = app.state.services
    settings = services.settings
    later = ApiKeyVerifier(
        settings.api_key_hash_secret, cache_seconds=5, now=lambda: datetime.now(UTC) + timedelta(hours=1)
    )
    with swapped_services(app, api_keys=later, verifier=TokenVerifier(settings, keys=later)):
        assert error_codes(await gql(ME, caller=as_key)) == ["UNAUTHENTICATED"]
        assert "errors" not in await gql(ME, caller=alice)  # the session is unaffected


async def test_bad_input_is_a_user_error_and_creates_nothing(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    cases = [
        ({"name": "", "scopes": ["READ"]}, ["input", "name"]),
        ({"name": "x" * 81, "scopes": ["READ"]}, ["input", "name"]),
        ({"name": "ok", "scopes": []}, ["input", "scopes"]),
        ({"name": "ok", "scopes": ["READ"], "expiresAt": past}, ["input", "expiresAt"]),
    ]
    for fields, path in cases:
        payload = (await gql(CREATE, {"input": fields}, alice))["data"]["apiKeyCreate"]
        assert payload["apiKey"] is None
        assert payload["key"] is None
        [error] = payload["userErrors"]
        assert (error["field"], error["code"]) == (path, "INVALID"), error
    user = await User.get(subject=alice.subject)
    assert await ApiKey.filter(owner_id=user.id).count() == 0


@pytest.mark.parametrize(
    "token",
    [
        "ppk_" + "A" * 38,  # a bad checksum
        generate_key()[:-1],  # truncated
        generate_key() + "x",  # one too many
        "ppk_" + "A" * 4000,  # over-long
        "ppk-" + generate_key()[4:],  # wrong prefix: not a key, and not a JWT either
        generate_key().replace("ppk_", "ppk_!", 1)[:42],  # a character outside the alphabet
    ],
    ids=["checksum", "truncated", "long", "over-long", "prefix", "alphabet"],
)
async def test_malformed_and_forged_keys_are_unauthenticated_without_a_database_read(
    client: httpx.AsyncClient, token: str
) -> None:
    with sql_statements() as statements:
        response = await client.post("/graphql", json={"query": ME}, headers={"Authorization": f"Bearer {token}"})
    assert error_codes(response.json()) == ["UNAUTHENTICATED"]
    assert statements == []


async def test_a_well_formed_unknown_key_is_unauthenticated(gql: GQL) -> None:
    assert error_codes(await gql(ME, caller=Caller(subject="nobody", token=generate_key()))) == ["UNAUTHENTICATED"]


async def test_operations_are_limited_per_key(
    app: Starlette, client: httpx.AsyncClient, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    _, first = await make_key(gql, alice, "READ")
    _, second = await make_key(gql, alice, "READ")
    limiter = create_rate_limiter(None, {Budget.OPERATIONS: "2/minute"})
    try:
        with swapped_services(app, rate_limiter=limiter):
            for _ in range(2):
                assert "errors" not in await gql(ME, caller=first)
            over = await client.post("/graphql", json={"query": ME}, headers=first.headers)
            assert over.status_code == 429
            assert error_codes(over.json()) == ["RATE_LIMITED"]
            assert "errors" not in await gql(ME, caller=second)  # another key of the same user: its own budget
            assert "errors" not in await gql(ME, caller=alice)  # and the user's session its own
    finally:
        await limiter.close()


async def test_a_key_in_connection_init_runs_operations_until_it_is_revoked(
    live_url: str, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    me = (await gql(ME, caller=alice))["data"]["me"]
    api_key, as_key = await make_key(gql, alice, "READ")
    async with socket(live_url, as_key) as ws:
        answer = await ws_operation(ws, "1", ME)
        assert answer["type"] == "next"
        assert answer["payload"]["data"]["me"] == me
        refused = await ws_operation(ws, "2", PROJECT_CREATE)
        assert refused["type"] == "error"  # refused before execution: graphql-transport-ws's `error`
        assert [e["extensions"]["code"] for e in refused["payload"]] == ["FORBIDDEN"]
        await gql(REVOKE, {"id": api_key["id"]}, alice)
        after = await ws_operation(ws, "3", ME)
        assert after["type"] == "next"
        assert [e["extensions"]["code"] for e in after["payload"]["errors"]] == ["UNAUTHENTICATED"]


async def socket_refused(live_url: str, token: str) -> int | None:
    async with connect(f"ws://{live_url}/graphql", subprotocols=[PROTOCOL]) as ws:  # type: ignore[list-item]
        await ws.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}))
        try:
            while True:
                message = await receive(ws)
                assert message["type"] != "connection_ack", message
        except ConnectionClosed:
            return ws.close_code


async def test_connection_init_refuses_bad_revoked_and_unreadable_keys(
    live_url: str, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    _, generate_only = await make_key(gql, alice, "GENERATE")
    revoked_key, revoked = await make_key(gql, alice, "READ")
    await gql(REVOKE, {"id": revoked_key["id"]}, alice)
    for token in (generate_only.token, revoked.token, "ppk_" + "A" * 38, generate_key()):
        assert await socket_refused(live_url, token) == 4403
