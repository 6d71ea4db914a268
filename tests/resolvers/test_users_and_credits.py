"""The viewer, signup, the ledger and administrator grants over GraphQL."""

from __future__ import annotations

import asyncio
import uuid

import jwt

from models import CreditLedgerEntry, LedgerKind, Role, User
from services.credits import ledger_sum
from tests.conftest import GQL, TEST_SECRET, Caller, MakeCaller, error_codes
from tests.generation_support import generate, new_project

ME = "{ me { id subject email role credits creditsHeld } }"
LEDGER = """
query($first: Int, $after: String) {
  creditTransactions(first: $first, after: $after) {
    totalCount edges { node { kind amount heldDelta balanceAfter description reference } }
  }
}"""
GRANT = """
mutation($input: CreditsGrantInput!) {
  creditsGrant(input: $input) {
    transaction { kind amount balanceAfter description }
    user { id credits }
    userErrors { field code message }
  }
}"""


async def user_count() -> int:
    return await User.all().count()


async def test_first_request_creates_the_user_with_signup_credits(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice", email="alice@example.com")
    body = await gql(ME, caller=alice)
    me = body["data"]["me"]
    assert me["subject"] == alice.subject
    assert me["email"] == "alice@example.com"
    assert me["role"] == "USER"
    assert me["credits"] == 20
    assert me["creditsHeld"] == 0
    ledger = (await gql(LEDGER, {"first": 10}, alice))["data"]["creditTransactions"]
    assert ledger["totalCount"] == 1
    assert ledger["edges"][0]["node"] == {
        "kind": "SIGNUP",
        "amount": 20,
        "heldDelta": 0,
        "balanceAfter": 20,
        "description": "signup credits",
        "reference": None,
    }
    # A second request reuses the user.
    assert (await gql(ME, caller=alice))["data"]["me"]["id"] == me["id"]


async def test_concurrent_first_requests_create_one_user_and_one_grant(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    bodies = await asyncio.gather(*(gql(ME, caller=alice) for _ in range(8)))
    assert {b["data"]["me"]["id"] for b in bodies} == {bodies[0]["data"]["me"]["id"]}
    user = await User.get(subject=alice.subject)
    assert await CreditLedgerEntry.filter(user_id=user.id).count() == 1
    assert user.credits == 20


async def test_missing_or_bad_tokens_are_unauthenticated_and_create_nothing(gql: GQL) -> None:
    before = await user_count()
    subject = f"mallory-{uuid.uuid4().hex[:6]}"
    import time

    now = int(time.time())
    bad_tokens = [
        None,
        "garbage",
        jwt.encode({"sub": subject, "iat": now, "exp": now + 60}, "w" * 32, algorithm="HS256"),
        jwt.encode({"sub": subject, "iat": now - 7200, "exp": now - 3600}, TEST_SECRET, algorithm="HS256"),
        jwt.encode({"sub": subject, "iat": now, "exp": now + 60}, None, algorithm="none"),  # type: ignore[arg-type]
    ]
    for token in bad_tokens:
        caller = Caller(subject=subject, token=token) if token else None
        body = await gql(ME, caller=caller)
        assert body["data"] is None
        assert error_codes(body) == ["UNAUTHENTICATED"]
    body = await gql('mutation { projectCreate(input: {name: "x"}) { project { id } } }')
    assert error_codes(body) == ["UNAUTHENTICATED"]
    assert await user_count() == before
    assert not await User.filter(subject=subject).exists()


async def test_capabilities_need_no_token(gql: GQL) -> None:
    body = await gql("{ capabilities { provider signupCredits modes { mode maxReferences } } }")
    capabilities = body["data"]["capabilities"]
    assert capabilities["provider"] == "simulator"
    assert capabilities["signupCredits"] == 20
    assert {m["mode"] for m in capabilities["modes"]} == {
        "TEXT_TO_IMAGE",
        "EDIT",
        "MULTI_REFERENCE",
        "SEQUENTIAL",
        "EDIT_SEQUENTIAL",
    }


async def test_grant_by_non_admin_is_forbidden_and_changes_nothing(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    alice_id = (await gql(ME, caller=alice))["data"]["me"]["id"]
    body = await gql(GRANT, {"input": {"userId": alice_id, "amount": 1000}}, alice)
    assert body["data"] is None
    assert error_codes(body) == ["FORBIDDEN"]
    user = await User.get(id=alice_id)
    assert user.credits == 20
    assert await CreditLedgerEntry.filter(user_id=alice_id).count() == 1


async def test_admin_grant_writes_one_entry_matching_the_new_balance(gql: GQL, make_caller: MakeCaller) -> None:
    admin, alice = make_caller("admin", role=Role.ADMIN), make_caller("alice")
    assert (await gql(ME, caller=admin))["data"]["me"]["role"] == "ADMIN"
    alice_id = (await gql(ME, caller=alice))["data"]["me"]["id"]
    body = await gql(GRANT, {"input": {"userId": alice_id, "amount": 30, "reason": "welcome bonus"}}, admin)
    payload = body["data"]["creditsGrant"]
    assert payload["userErrors"] == []
    assert payload["transaction"] == {
        "kind": "GRANT",
        "amount": 30,
        "balanceAfter": 50,
        "description": "welcome bonus",
    }
    assert payload["user"] == {"id": alice_id, "credits": 50}
    grants = await CreditLedgerEntry.filter(user_id=alice_id, kind=LedgerKind.GRANT)
    assert len(grants) == 1
    assert grants[0].balance_after == (await User.get(id=alice_id)).credits == 50
    assert await ledger_sum(uuid.UUID(alice_id)) == 50
    assert (await gql(ME, caller=alice))["data"]["me"]["credits"] == 50


async def test_grant_idempotency_key_applies_once(gql: GQL, make_caller: MakeCaller) -> None:
    admin, alice = make_caller("admin", role=Role.ADMIN), make_caller("alice")
    alice_id = (await gql(ME, caller=alice))["data"]["me"]["id"]
    grant = {"input": {"userId": alice_id, "amount": 5, "idempotencyKey": "promo-1"}}
    bodies = await asyncio.gather(*(gql(GRANT, grant, admin) for _ in range(5)))
    assert all(b["data"]["creditsGrant"]["userErrors"] == [] for b in bodies)
    assert (await User.get(id=alice_id)).credits == 25
    assert await ledger_sum(uuid.UUID(alice_id)) == 25


async def test_a_reused_grant_key_with_another_amount_or_reason_is_a_conflict_and_grants_nothing(
    gql: GQL, make_caller: MakeCaller
) -> None:
    admin, alice = make_caller("admin", role=Role.ADMIN), make_caller("alice")
    alice_id = (await gql(ME, caller=alice))["data"]["me"]["id"]
    first = {"userId": alice_id, "amount": 5, "reason": "promo", "idempotencyKey": "promo-2"}
    assert (await gql(GRANT, {"input": first}, admin))["data"]["creditsGrant"]["userErrors"] == []
    balance = (await User.get(id=alice_id)).credits
    for changed in ({"amount": 7}, {"reason": "another"}):
        payload = (await gql(GRANT, {"input": first | changed}, admin))["data"]["creditsGrant"]
        assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [("CONFLICT", ["input", "idempotencyKey"])]
    again = (await gql(GRANT, {"input": first}, admin))["data"]["creditsGrant"]
    assert again["userErrors"] == []
    assert (await User.get(id=alice_id)).credits == balance
    assert await ledger_sum(uuid.UUID(alice_id)) == balance


async def test_grant_user_errors(gql: GQL, make_caller: MakeCaller) -> None:
    admin, alice = make_caller("admin", role=Role.ADMIN), make_caller("alice")
    alice_id = (await gql(ME, caller=alice))["data"]["me"]["id"]
    cases = [
        ({"userId": alice_id, "amount": 0}, "INVALID", ["input", "amount"]),
        ({"userId": alice_id, "amount": -5}, "INVALID", ["input", "amount"]),
        ({"userId": alice_id, "amount": 1_000_001}, "INVALID", ["input", "amount"]),
        ({"userId": str(uuid.uuid4()), "amount": 5}, "NOT_FOUND", ["input", "userId"]),
        ({"userId": "nope", "amount": 5}, "NOT_FOUND", ["input", "userId"]),
    ]
    for grant_input, code, field in cases:
        payload = (await gql(GRANT, {"input": grant_input}, admin))["data"]["creditsGrant"]
        assert payload["transaction"] is None
        assert payload["userErrors"][0]["code"] == code
        assert payload["userErrors"][0]["field"] == field
    assert (await User.get(id=alice_id)).credits == 20


async def test_concurrent_grants_are_exact(gql: GQL, make_caller: MakeCaller) -> None:
    admin, alice = make_caller("admin", role=Role.ADMIN), make_caller("alice")
    alice_id = (await gql(ME, caller=alice))["data"]["me"]["id"]
    await asyncio.gather(*(gql(GRANT, {"input": {"userId": alice_id, "amount": 3}}, admin) for _ in range(30)))
    user = await User.get(id=alice_id)
    assert user.credits == 20 + 90
    assert await ledger_sum(user.id) == user.credits
    balances = sorted(entry.balance_after for entry in await CreditLedgerEntry.filter(user_id=alice_id))
    assert balances == list(range(20, 111, 3))


async def test_display_name_comes_from_the_token_name_and_never_from_the_email(
    gql: GQL, make_caller: MakeCaller
) -> None:
    named = make_caller("named", name="  Ada\x00 Lovelace  ", email="ada@example.com")
    anonymous = make_caller("anon", email="anon@example.com")
    first = await gql("{ me { displayName email } }", caller=named)
    assert first["data"]["me"] == {"displayName": "Ada Lovelace", "email": "ada@example.com"}
    second = await gql("{ me { id displayName } }", caller=anonymous)
    shown = second["data"]["me"]["displayName"]
    assert shown.startswith("player-")
    assert "anon" not in shown


async def test_the_balance_is_fresh_while_the_caller_comes_from_the_token_cache(
    gql: GQL, make_caller: MakeCaller
) -> None:
    admin, alice = make_caller("admin", role=Role.ADMIN), make_caller("alice")
    query = "{ me { id credits creditsHeld } }"
    before = (await gql(query, caller=alice))["data"]["me"]
    assert (before["credits"], before["creditsHeld"]) == (20, 0)
    granted = await gql(GRANT, {"input": {"userId": before["id"], "amount": 7, "reason": "bonus"}}, admin)
    assert granted["data"]["creditsGrant"]["userErrors"] == []
    # Same token, well within USER_CACHE_SECONDS: the user row is cached, the balance is not.
    after = (await gql(query, caller=alice))["data"]["me"]
    assert (after["id"], after["credits"], after["creditsHeld"]) == (before["id"], 27, 0)


async def test_the_hold_of_a_batch_names_its_image_count_in_the_right_number(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller()
    project = await new_project(gql, alice)
    for count in (1, 2):
        payload = await generate(gql, alice, projectId=project, mode="TEXT_TO_IMAGE", prompt="x", count=count)
        assert payload["userErrors"] == [], payload
    body = await gql(LEDGER, {"first": 10}, alice)
    entries = [edge["node"] for edge in body["data"]["creditTransactions"]["edges"]]
    holds = [entry["description"] for entry in entries if entry["kind"] == "RESERVE"]
    assert sorted(holds) == ["hold for 1 image", "hold for 2 images"]
