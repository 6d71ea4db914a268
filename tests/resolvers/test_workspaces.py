"""Workspaces over GraphQL: the personal workspace, team workspaces, invitations by link, roles, typed userErrors
and nothing changed by a refused call, page sizes, and a fixed number of statements for nested members."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from models import User, Workspace, WorkspaceInvitation, WorkspaceMember
from tests.conftest import GQL, Caller, MakeCaller, error_codes
from tests.sql_count import sql_statements

UE = "userErrors { field code message reason }"
WORKSPACE = (
    "id name kind role owner { displayName } "
    "members(first: 20) { totalCount edges { node { id role isYou user { displayName } } } }"
)
MINE = f"{{ workspaces(first: 20) {{ totalCount edges {{ node {{ {WORKSPACE} }} }} }} }}"
GET = f"query($id: ID!) {{ workspace(id: $id) {{ {WORKSPACE} }} }}"
CREATE = (
    "mutation($name: String!) { workspaceCreate(input: {name: $name}) "
    f"{{ workspace {{ id name kind role }} {UE} }} }}"
)
RENAME = (
    "mutation($id: ID!, $name: String!) { workspaceRename(id: $id, input: {name: $name}) "
    f"{{ workspace {{ name }} {UE} }} }}"
)
DELETE = f"mutation($id: ID!) {{ workspaceDelete(id: $id) {{ workspaceId {UE} }} }}"
TRANSFER = f"mutation($id: ID!, $m: ID!) {{ workspaceTransfer(id: $id, memberId: $m) {{ workspace {{ role }} {UE} }} }}"
INVITE = (
    "mutation($id: ID!, $role: WorkspaceRole!, $days: Int, $email: String) { workspaceInvite(id: $id, input: "
    "{role: $role, expiresInDays: $days, email: $email}) "
    f"{{ token invitation {{ id role email status expiresAt createdBy {{ displayName }} }} {UE} }} }}"
)
REVOKE = f"mutation($id: ID!) {{ workspaceInvitationRevoke(id: $id) {{ invitation {{ id status }} {UE} }} }}"
ACCEPT = f"mutation($t: String!) {{ workspaceInvitationAccept(token: $t) {{ workspace {{ id name role }} {UE} }} }}"
ROLE = (
    "mutation($id: ID!, $r: WorkspaceRole!) { workspaceMemberRoleChange(id: $id, role: $r) "
    f"{{ member {{ id role }} {UE} }} }}"
)
REMOVE = f"mutation($id: ID!) {{ workspaceMemberRemove(id: $id) {{ removedMemberId {UE} }} }}"
LEAVE = f"mutation($id: ID!) {{ workspaceLeave(id: $id) {{ workspaceId {UE} }} }}"
INVITATIONS = (
    "query($id: ID!) { workspace(id: $id) { invitations(first: 10) "
    "{ totalCount edges { node { id status acceptedBy { displayName } } } } } }"
)


async def ok(gql: GQL, query: str, caller: Caller, name: str, /, **variables: Any) -> dict[str, Any]:
    body = await gql(query, variables, caller)
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"][name]
    assert payload["userErrors"] == [], payload
    return payload


async def refused(gql: GQL, query: str, caller: Caller, name: str, /, **variables: Any) -> dict[str, Any]:
    """The single userError of a refused mutation (its other fields empty)."""
    body = await gql(query, variables, caller)
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"][name]
    assert len(payload["userErrors"]) == 1, payload
    assert all(v in (None, []) for k, v in payload.items() if k != "userErrors"), payload
    error: dict[str, Any] = payload["userErrors"][0]
    return error


async def everything(workspace_id: str) -> dict[str, Any]:
    return {
        "workspace": await Workspace.filter(id=workspace_id).values(),
        "members": await WorkspaceMember.filter(workspace_id=workspace_id).order_by("id").values(),
        "invitations": await WorkspaceInvitation.filter(workspace_id=workspace_id).order_by("id").values(),
    }


async def member_id(gql: GQL, caller: Caller, workspace_id: str, display_name: str) -> str:
    body = await gql(GET, {"id": workspace_id}, caller)
    edges = body["data"]["workspace"]["members"]["edges"]
    found: str = next(e["node"]["id"] for e in edges if e["node"]["user"]["displayName"] == display_name)
    return found


@pytest.fixture
def people(make_caller: MakeCaller) -> dict[str, Caller]:
    return {name: make_caller(name, name=name.title()) for name in ("alice", "bob", "carol")}


async def team(gql: GQL, people: dict[str, Caller], **roles: str) -> str:
    """Alice's team workspace, joined by the named people with their roles through invitation links."""
    made = await ok(gql, CREATE, people["alice"], "workspaceCreate", name="Studio")
    ident: str = made["workspace"]["id"]
    for name, role in roles.items():
        link = await ok(gql, INVITE, people["alice"], "workspaceInvite", id=ident, role=role)
        await ok(gql, ACCEPT, people[name], "workspaceInvitationAccept", t=link["token"])
    return ident


async def test_a_new_user_sees_their_personal_workspace(gql: GQL, people: dict[str, Caller]) -> None:
    body = await gql(MINE, caller=people["alice"])
    assert "errors" not in body, body
    mine = body["data"]["workspaces"]
    assert mine["totalCount"] == 1
    node = mine["edges"][0]["node"]
    assert (node["name"], node["kind"], node["role"], node["owner"]) == (
        "Personal",
        "PERSONAL",
        "OWNER",
        {"displayName": "Alice"},
    )
    assert [e["node"]["role"] for e in node["members"]["edges"]] == ["OWNER"]
    assert node["members"]["edges"][0]["node"]["isYou"] is True
    user = await User.get(subject=people["alice"].subject)
    assert await Workspace.filter(owner_id=user.id).count() == 1


async def test_invite_accept_and_see_each_other(gql: GQL, people: dict[str, Caller]) -> None:
    alice, bob = people["alice"], people["bob"]
    ident = await team(gql, people)
    link = await ok(gql, INVITE, alice, "workspaceInvite", id=ident, role="EDITOR", days=2)
    assert link["token"].startswith("pwi_")
    assert (link["invitation"]["role"], link["invitation"]["status"]) == ("EDITOR", "PENDING")
    assert link["invitation"]["createdBy"] == {"displayName": "Alice"}
    joined = await ok(gql, ACCEPT, bob, "workspaceInvitationAccept", t=link["token"])
    assert joined["workspace"] == {"id": ident, "name": "Studio", "role": "EDITOR"}

    seen = (await gql(GET, {"id": ident}, bob))["data"]["workspace"]
    assert seen["members"]["totalCount"] == 2
    assert {(e["node"]["user"]["displayName"], e["node"]["role"]) for e in seen["members"]["edges"]} == {
        ("Alice", "OWNER"),
        ("Bob", "EDITOR"),
    }
    # The invitation is used; Alice (the owner) sees it so, Bob (an editor) sees no invitations.
    alices = (await gql(INVITATIONS, {"id": ident}, alice))["data"]["workspace"]["invitations"]
    assert [(e["node"]["status"], e["node"]["acceptedBy"]) for e in alices["edges"]] == [
        ("ACCEPTED", {"displayName": "Bob"})
    ]
    assert (await gql(INVITATIONS, {"id": ident}, bob))["data"]["workspace"]["invitations"]["totalCount"] == 0
    # The token never comes back.
    assert link["token"] not in str(await gql(INVITATIONS, {"id": ident}, alice))


async def test_used_expired_revoked_and_unknown_tokens_are_typed_refusals(gql: GQL, people: dict[str, Caller]) -> None:
    alice, bob, carol = people["alice"], people["bob"], people["carol"]
    ident = await team(gql, people)
    used = await ok(gql, INVITE, alice, "workspaceInvite", id=ident, role="VIEWER")
    await ok(gql, ACCEPT, bob, "workspaceInvitationAccept", t=used["token"])
    expired = await ok(gql, INVITE, alice, "workspaceInvite", id=ident, role="VIEWER")
    past = datetime.now(UTC) - timedelta(minutes=1)
    await WorkspaceInvitation.filter(id=expired["invitation"]["id"]).update(expires_at=past)
    revoked = await ok(gql, INVITE, alice, "workspaceInvite", id=ident, role="VIEWER")
    gone = await ok(gql, REVOKE, alice, "workspaceInvitationRevoke", id=revoked["invitation"]["id"])
    assert gone["invitation"]["status"] == "REVOKED"
    before = await everything(ident)
    for token, code, reason in (
        (used["token"], "CONFLICT", "INVITATION_ACCEPTED"),
        (expired["token"], "CONFLICT", "INVITATION_EXPIRED"),
        (revoked["token"], "CONFLICT", "INVITATION_REVOKED"),
        ("pwi_nothing", "NOT_FOUND", "INVITATION_UNKNOWN"),
    ):
        error = await refused(gql, ACCEPT, carol, "workspaceInvitationAccept", t=token)
        assert (error["code"], error["reason"], error["field"]) == (code, reason, ["token"])
    assert await everything(ident) == before
    assert (await gql(GET, {"id": ident}, carol))["data"]["workspace"] is None


async def test_roles_decide_who_manages_and_refusals_change_nothing(gql: GQL, people: dict[str, Caller]) -> None:
    alice, bob, carol = people["alice"], people["bob"], people["carol"]
    ident = await team(gql, people, bob="VIEWER", carol="ADMIN")
    bobs = await member_id(gql, alice, ident, "Bob")
    carols = await member_id(gql, alice, ident, "Carol")
    alices = await member_id(gql, alice, ident, "Alice")
    before = await everything(ident)
    denied: list[tuple[str, Caller, str, dict[str, Any], str]] = [
        (RENAME, bob, "workspaceRename", {"id": ident, "name": "mine"}, "NOT_ALLOWED"),
        (INVITE, bob, "workspaceInvite", {"id": ident, "role": "VIEWER"}, "NOT_ALLOWED"),
        (ROLE, bob, "workspaceMemberRoleChange", {"id": carols, "r": "VIEWER"}, "NOT_ALLOWED"),
        (REMOVE, bob, "workspaceMemberRemove", {"id": carols}, "NOT_ALLOWED"),
        (DELETE, carol, "workspaceDelete", {"id": ident}, "NOT_ALLOWED"),
        (TRANSFER, carol, "workspaceTransfer", {"id": ident, "m": bobs}, "NOT_ALLOWED"),
        (INVITE, carol, "workspaceInvite", {"id": ident, "role": "ADMIN"}, "NOT_ALLOWED"),
        (REMOVE, carol, "workspaceMemberRemove", {"id": alices}, "NOT_ALLOWED"),
        (ROLE, alice, "workspaceMemberRoleChange", {"id": bobs, "r": "OWNER"}, "INVALID"),
        (LEAVE, alice, "workspaceLeave", {"id": ident}, "CONFLICT"),
        (INVITE, alice, "workspaceInvite", {"id": ident, "role": "VIEWER", "days": 31}, "INVALID"),
        (RENAME, alice, "workspaceRename", {"id": ident, "name": " "}, "INVALID"),
    ]
    for query, caller, name, variables, code in denied:
        error = await refused(gql, query, caller, name, **variables)
        assert error["code"] == code, (name, error)
        assert await everything(ident) == before, name

    # What each role may do.
    assert (await ok(gql, RENAME, carol, "workspaceRename", id=ident, name="Atelier"))["workspace"]["name"] == "Atelier"
    promoted = await ok(gql, ROLE, carol, "workspaceMemberRoleChange", id=bobs, r="EDITOR")
    assert promoted["member"] == {"id": bobs, "role": "EDITOR"}
    handed = await ok(gql, TRANSFER, alice, "workspaceTransfer", id=ident, m=carols)
    assert handed["workspace"]["role"] == "ADMIN"
    assert (await gql(GET, {"id": ident}, carol))["data"]["workspace"]["role"] == "OWNER"
    await ok(gql, LEAVE, alice, "workspaceLeave", id=ident)
    assert (await gql(GET, {"id": ident}, alice))["data"]["workspace"] is None
    await ok(gql, REMOVE, carol, "workspaceMemberRemove", id=bobs)
    assert (await gql(GET, {"id": ident}, bob))["data"]["workspace"] is None
    assert (await ok(gql, DELETE, carol, "workspaceDelete", id=ident))["workspaceId"] == ident
    assert await everything(ident) == {"workspace": [], "members": [], "invitations": []}


async def test_the_personal_workspace_cannot_be_deleted(gql: GQL, people: dict[str, Caller]) -> None:
    alice = people["alice"]
    personal = (await gql(MINE, caller=alice))["data"]["workspaces"]["edges"][0]["node"]["id"]
    before = await everything(personal)
    error = await refused(gql, DELETE, alice, "workspaceDelete", id=personal)
    assert (error["code"], error["reason"]) == ("CONFLICT", "PERSONAL_WORKSPACE")
    assert await everything(personal) == before


async def test_another_users_workspace_reads_as_missing(gql: GQL, people: dict[str, Caller]) -> None:
    ident = await team(gql, people)
    bob = people["bob"]
    assert (await gql(GET, {"id": ident}, bob))["data"]["workspace"] is None
    assert (await gql(GET, {"id": "not-an-id"}, bob))["data"]["workspace"] is None
    before = await everything(ident)
    for query, name, variables in (
        (RENAME, "workspaceRename", {"id": ident, "name": "x"}),
        (DELETE, "workspaceDelete", {"id": ident}),
        (INVITE, "workspaceInvite", {"id": ident, "role": "VIEWER"}),
        (LEAVE, "workspaceLeave", {"id": ident}),
    ):
        assert (await refused(gql, query, bob, name, **variables))["code"] == "NOT_FOUND"
    assert await everything(ident) == before


async def test_an_invitation_for_an_email_is_refused_to_another_account(
    gql: GQL, people: dict[str, Caller], make_caller: MakeCaller
) -> None:
    alice, carol = people["alice"], people["carol"]
    dana = make_caller("dana", name="Dana", email="dana@example.com")
    ident = await team(gql, people)
    link = await ok(gql, INVITE, alice, "workspaceInvite", id=ident, role="VIEWER", email="Dana@example.com")
    assert link["invitation"]["email"] == "dana@example.com"
    before = await everything(ident)
    error = await refused(gql, ACCEPT, carol, "workspaceInvitationAccept", t=link["token"])
    assert (error["code"], error["reason"]) == ("CONFLICT", "INVITATION_OTHER_ACCOUNT")
    assert await everything(ident) == before
    joined = await ok(gql, ACCEPT, dana, "workspaceInvitationAccept", t=link["token"])
    assert joined["workspace"]["role"] == "VIEWER"


@pytest.mark.parametrize("first", [-1, 101])
async def test_page_sizes_are_limited_like_every_connection(gql: GQL, people: dict[str, Caller], first: int) -> None:
    alice = people["alice"]
    body = await gql("query($f: Int!) { workspaces(first: $f) { totalCount } }", {"f": first}, alice)
    assert error_codes(body) == ["BAD_USER_INPUT"], body
    personal = (await gql(MINE, caller=alice))["data"]["workspaces"]["edges"][0]["node"]["id"]
    nested = "query($id: ID!, $f: Int!) { workspace(id: $id) { members(first: $f) { totalCount } } }"
    body = await gql(nested, {"id": personal, "f": first}, alice)
    assert error_codes(body) == ["BAD_USER_INPUT"], body


async def test_a_page_of_workspaces_with_their_members_runs_a_fixed_number_of_statements(
    gql: GQL, people: dict[str, Caller]
) -> None:
    alice = people["alice"]
    page = (
        "{ workspaces(first: 20) { edges { node { id role owner { displayName } "
        "members(first: 5) { edges { node { role user { displayName } } } } } } } }"
    )
    await gql(MINE, caller=alice)  # signed up: the user row is cached from here on
    counts = []
    for teams in (1, 4):
        while len((await gql(MINE, caller=alice))["data"]["workspaces"]["edges"]) < teams + 1:
            await team(gql, people, bob="VIEWER", carol="EDITOR")
        with sql_statements() as statements:
            body = await gql(page, caller=alice)
        assert "errors" not in body, body
        nodes = [e["node"] for e in body["data"]["workspaces"]["edges"]]
        assert len(nodes) == teams + 1
        sizes = [len(n["members"]["edges"]) for n in nodes]
        assert sizes == [3] * teams + [1]  # the teams, newest first, then the personal workspace
        counts.append(len(statements))
    # The memberships with their workspaces; the owners (one statement for all); which of them the caller belongs to
    # and every workspace's members (one ROW_NUMBER() statement); the members' users. Never one per workspace.
    assert counts == [5, 5], "\n".join(statements)
