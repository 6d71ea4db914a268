"""Workspaces at the service level: the personal workspace made with each user, team workspaces, roles, single-use
invitations, and nothing changed by a denied call."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from starlette.applications import Starlette

from models import Role, User, Workspace, WorkspaceInvitation, WorkspaceKind, WorkspaceMember, WorkspaceRole
from services import access, credits, users, workspaces
from services.access import WorkspaceAction
from services.account.deletion import delete_account
from services.core.auth import Identity
from services.core.errors import Conflict, InvalidInput, NotAllowed, NotFound
from services.core.pagination import encode_cursor

OWNER, ADMIN, EDITOR, VIEWER = WorkspaceRole.OWNER, WorkspaceRole.ADMIN, WorkspaceRole.EDITOR, WorkspaceRole.VIEWER


@pytest.fixture(autouse=True)
def _database(app: Starlette) -> None:
    """The app's database (every test here reads and writes it)."""


async def person(name: str) -> User:
    """A user made the way the app makes them (first sign-in): with their personal workspace."""
    return await users.get_or_create_by_subject(f"{name}-{uuid.uuid4().hex[:8]}", 0)


async def state(workspace_id: uuid.UUID) -> dict[str, Any]:
    """Everything of one workspace: its row, members and invitations."""
    return {
        "workspace": await Workspace.filter(id=workspace_id).values(),
        "members": await WorkspaceMember.filter(workspace_id=workspace_id).order_by("id").values(),
        "invitations": await WorkspaceInvitation.filter(workspace_id=workspace_id).order_by("id").values(),
    }


async def team_with(owner: User, **roles: tuple[User, WorkspaceRole]) -> tuple[uuid.UUID, dict[str, str]]:
    """A team workspace of ``owner`` whose other members joined by invitation; returns its id and the members' ids
    (``"owner"`` and the names given)."""
    made = await workspaces.create(owner.id, "Team")
    member_ids = {"owner": str(made.id)}
    for name, (user, role) in roles.items():
        link = await workspaces.invite(owner.id, str(made.workspace_id), role)
        joined = await workspaces.accept_invitation(user.id, link.token)
        member_ids[name] = str(joined.id)
    return made.workspace_id, member_ids


# --- personal workspaces ------------------------------------------------------------------------------------------


async def test_every_new_user_gets_a_personal_workspace_they_own() -> None:
    alice = await person("alice")
    rows = await WorkspaceMember.filter(user_id=alice.id).select_related("workspace")
    assert [(m.role, m.workspace.kind, m.workspace.owner_id, m.workspace.name) for m in rows] == [
        (OWNER, WorkspaceKind.PERSONAL, alice.id, "Personal")
    ]


async def test_the_personal_workspace_is_made_in_the_users_transaction(monkeypatch: pytest.MonkeyPatch) -> None:
    subject = f"doomed-{uuid.uuid4().hex[:8]}"

    async def broken_signup(user_id: uuid.UUID, amount: int) -> None:
        raise RuntimeError("the ledger is away")

    monkeypatch.setattr(credits, "signup", broken_signup)
    with pytest.raises(RuntimeError):
        await users.get_or_create_by_subject(subject, 5)
    assert not await User.filter(subject=subject).exists()
    assert not await Workspace.filter(owner__subject=subject).exists()


async def test_a_personal_workspace_cannot_be_deleted_transferred_shared_or_left() -> None:
    alice = await person("alice")
    mine = await WorkspaceMember.get(user_id=alice.id)
    before = await state(mine.workspace_id)
    refusals = [
        workspaces.delete(alice.id, str(mine.workspace_id)),
        workspaces.transfer(alice.id, str(mine.workspace_id), str(mine.id)),
        workspaces.invite(alice.id, str(mine.workspace_id), VIEWER),
        workspaces.leave(alice.id, str(mine.workspace_id)),
    ]
    for call in refusals:
        with pytest.raises(Conflict):
            await call
    assert await state(mine.workspace_id) == before


# --- team workspaces ----------------------------------------------------------------------------------------------


async def test_a_team_workspace_is_owned_by_its_creator_and_listed_with_the_personal_one() -> None:
    alice = await person("alice")
    made = await workspaces.create(alice.id, "  Studio  ")
    assert (made.role, made.workspace.name, made.workspace.kind) == (OWNER, "Studio", WorkspaceKind.TEAM)
    page = await workspaces.list_page(alice.id, first=10, after=None)
    assert [m.workspace.kind for m in page.items] == [WorkspaceKind.TEAM, WorkspaceKind.PERSONAL]
    assert await page.total_count() == 2


@pytest.mark.parametrize("name", ["", "   ", "x" * 121, "bad\x00name"])
async def test_a_bad_name_is_refused_before_anything_is_written(name: str) -> None:
    alice = await person("alice")
    with pytest.raises(InvalidInput) as caught:
        await workspaces.create(alice.id, name)
    assert caught.value.field == ["input", "name"]
    assert await Workspace.filter(owner_id=alice.id).count() == 1


async def test_rename_is_for_admins_and_the_owner() -> None:
    alice, bob, carol = await person("alice"), await person("bob"), await person("carol")
    team, _ = await team_with(alice, bob=(bob, ADMIN), carol=(carol, EDITOR))
    await workspaces.rename(bob.id, str(team), "Renamed by an admin")
    before = await state(team)
    with pytest.raises(NotAllowed):
        await workspaces.rename(carol.id, str(team), "By an editor")
    assert await state(team) == before
    assert (await Workspace.get(id=team)).name == "Renamed by an admin"


async def test_only_the_owner_deletes_and_deleting_takes_members_and_invitations() -> None:
    alice, bob = await person("alice"), await person("bob")
    team, _ = await team_with(alice, bob=(bob, ADMIN))
    await workspaces.invite(alice.id, str(team), VIEWER)
    before = await state(team)
    with pytest.raises(NotAllowed):
        await workspaces.delete(bob.id, str(team))
    assert await state(team) == before
    assert await workspaces.delete(alice.id, str(team)) == team
    assert await state(team) == {"workspace": [], "members": [], "invitations": []}


async def test_transfer_makes_the_member_owner_and_the_old_owner_an_admin() -> None:
    alice, bob, carol = await person("alice"), await person("bob"), await person("carol")
    team, ids = await team_with(alice, bob=(bob, VIEWER), carol=(carol, ADMIN))
    before = await state(team)
    with pytest.raises(NotAllowed):
        await workspaces.transfer(carol.id, str(team), ids["bob"])  # an admin may not
    assert await state(team) == before
    new_owner = await workspaces.transfer(alice.id, str(team), ids["bob"])
    assert (new_owner.user_id, new_owner.role) == (bob.id, OWNER)
    roles = dict(await WorkspaceMember.filter(workspace_id=team).values_list("user_id", "role"))
    assert {uuid.UUID(str(k)): WorkspaceRole(v) for k, v in roles.items()} == {
        alice.id: ADMIN,
        bob.id: OWNER,
        carol.id: ADMIN,
    }
    assert (await Workspace.get(id=team)).owner_id == bob.id
    # The new owner may now delete it; the old one no longer may.
    with pytest.raises(NotAllowed):
        await workspaces.delete(alice.id, str(team))


async def test_a_non_member_finds_nothing_and_changes_nothing() -> None:
    alice, mallory = await person("alice"), await person("mallory")
    team, ids = await team_with(alice)
    link = await workspaces.invite(alice.id, str(team), VIEWER)
    before = await state(team)
    assert await workspaces.get(mallory.id, str(team)) is None
    calls = [
        workspaces.rename(mallory.id, str(team), "mine now"),
        workspaces.delete(mallory.id, str(team)),
        workspaces.transfer(mallory.id, str(team), ids["owner"]),
        workspaces.invite(mallory.id, str(team), VIEWER),
        workspaces.revoke_invitation(mallory.id, str(link.invitation.id)),
        workspaces.change_role(mallory.id, ids["owner"], VIEWER),
        workspaces.remove_member(mallory.id, ids["owner"]),
        workspaces.leave(mallory.id, str(team)),
    ]
    for call in calls:
        with pytest.raises(NotFound):
            await call
    pages = await workspaces.members_pages(mallory.id, [team], first=10, after=None)
    assert pages[team].items == []
    invitations = await workspaces.invitations_pages(mallory.id, [team], first=10, after=None)
    assert invitations[team].items == []
    assert await state(team) == before


# --- members and roles --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "allowed"),
    [
        (WorkspaceAction.READ, {OWNER, ADMIN, EDITOR, VIEWER}),
        (WorkspaceAction.GENERATE, {OWNER, ADMIN, EDITOR}),
        (WorkspaceAction.MANAGE, {OWNER, ADMIN}),
        (WorkspaceAction.OWN, {OWNER}),
    ],
)
def test_the_role_rules(action: WorkspaceAction, allowed: set[WorkspaceRole]) -> None:
    assert {role for role in WorkspaceRole if access.may(role, action)} == allowed


async def test_viewers_and_editors_cannot_manage_members() -> None:
    alice, bob, carol, dan = await person("alice"), await person("bob"), await person("carol"), await person("dan")
    team, ids = await team_with(alice, bob=(bob, EDITOR), carol=(carol, VIEWER), dan=(dan, VIEWER))
    before = await state(team)
    for caller in (bob, carol):
        calls = [
            workspaces.invite(caller.id, str(team), VIEWER),
            workspaces.change_role(caller.id, ids["dan"], EDITOR),
            workspaces.remove_member(caller.id, ids["dan"]),
        ]
        for call in calls:
            with pytest.raises(NotAllowed):
                await call
    assert await state(team) == before


async def test_an_admin_manages_only_members_below_and_gives_only_roles_below() -> None:
    alice, bob, carol, dan = await person("alice"), await person("bob"), await person("carol"), await person("dan")
    team, ids = await team_with(alice, bob=(bob, ADMIN), carol=(carol, ADMIN), dan=(dan, VIEWER))
    before = await state(team)
    refused = [
        workspaces.change_role(bob.id, ids["carol"], VIEWER),  # another admin
        workspaces.remove_member(bob.id, ids["carol"]),
        workspaces.remove_member(bob.id, ids["owner"]),
        workspaces.change_role(bob.id, ids["dan"], ADMIN),  # a role not below their own
        workspaces.invite(bob.id, str(team), ADMIN),
    ]
    for call in refused:
        with pytest.raises(NotAllowed):
            await call
    with pytest.raises(InvalidInput):
        await workspaces.change_role(alice.id, ids["dan"], OWNER)  # only by transfer
    with pytest.raises(Conflict):
        await workspaces.change_role(bob.id, ids["bob"], VIEWER)  # one's own role
    assert await state(team) == before
    promoted = await workspaces.change_role(bob.id, ids["dan"], EDITOR)
    assert promoted.role is EDITOR
    assert await workspaces.change_role(alice.id, ids["bob"], VIEWER)  # the owner manages admins


async def test_a_removed_member_loses_access_at_once_and_a_member_may_leave() -> None:
    alice, bob, carol = await person("alice"), await person("bob"), await person("carol")
    team, ids = await team_with(alice, bob=(bob, EDITOR), carol=(carol, VIEWER))
    assert await workspaces.get(bob.id, str(team)) is not None
    await workspaces.remove_member(alice.id, ids["bob"])
    assert await workspaces.get(bob.id, str(team)) is None
    with pytest.raises(NotFound):
        await workspaces.leave(bob.id, str(team))
    assert await workspaces.leave(carol.id, str(team)) == team
    with pytest.raises(Conflict) as caught:
        await workspaces.leave(alice.id, str(team))
    assert caught.value.detail == "OWNER_CANNOT_LEAVE"
    assert [m.user_id for m in await WorkspaceMember.filter(workspace_id=team)] == [alice.id]


# --- invitations --------------------------------------------------------------------------------------------------


async def test_an_invitation_stores_only_the_hash_of_its_token() -> None:
    alice = await person("alice")
    team, _ = await team_with(alice)
    link = await workspaces.invite(alice.id, str(team), EDITOR, expires_in_days=3)
    assert link.token.startswith("pwi_")
    assert len(link.token) > 40
    row = await WorkspaceInvitation.get(id=link.invitation.id)
    assert row.token_hash == workspaces.token_hash(link.token) != link.token
    assert link.token not in str(await WorkspaceInvitation.filter(id=row.id).values())
    assert timedelta(days=3) - timedelta(minutes=1) < row.expires_at - datetime.now(UTC) <= timedelta(days=3)


@pytest.mark.parametrize("days", [0, 31, -1])
async def test_an_invitation_lasts_one_to_thirty_days(days: int) -> None:
    alice = await person("alice")
    team, _ = await team_with(alice)
    with pytest.raises(InvalidInput) as caught:
        await workspaces.invite(alice.id, str(team), EDITOR, expires_in_days=days)
    assert caught.value.field == ["input", "expires_in_days"]
    assert not await WorkspaceInvitation.filter(workspace_id=team).exists()


async def test_accepting_joins_with_the_invitations_role_once() -> None:
    alice, bob, carol = await person("alice"), await person("bob"), await person("carol")
    team, _ = await team_with(alice)
    link = await workspaces.invite(alice.id, str(team), EDITOR)
    joined = await workspaces.accept_invitation(bob.id, link.token)
    assert (joined.user_id, joined.role, joined.workspace.id) == (bob.id, EDITOR, team)
    row = await WorkspaceInvitation.get(id=link.invitation.id)
    assert (row.accepted_by_id, workspaces.invitation_status(row)) == (bob.id, workspaces.InvitationStatus.ACCEPTED)
    before = await state(team)
    with pytest.raises(Conflict) as caught:
        await workspaces.accept_invitation(carol.id, link.token)
    assert caught.value.detail == "INVITATION_ACCEPTED"
    assert await state(team) == before


async def test_expired_revoked_and_unknown_tokens_are_refused_with_their_reason() -> None:
    alice, bob = await person("alice"), await person("bob")
    team, _ = await team_with(alice)
    expired = await workspaces.invite(alice.id, str(team), VIEWER)
    past = datetime.now(UTC) - timedelta(seconds=1)
    await WorkspaceInvitation.filter(id=expired.invitation.id).update(expires_at=past)
    revoked = await workspaces.invite(alice.id, str(team), VIEWER)
    await workspaces.revoke_invitation(alice.id, str(revoked.invitation.id))
    before = await state(team)
    cases = [
        (expired.token, Conflict, "INVITATION_EXPIRED"),
        (revoked.token, Conflict, "INVITATION_REVOKED"),
        ("pwi_" + "x" * 43, NotFound, "INVITATION_UNKNOWN"),
        ("not-a-token", NotFound, "INVITATION_UNKNOWN"),
    ]
    for token, error, reason in cases:
        with pytest.raises(error) as caught:
            await workspaces.accept_invitation(bob.id, token)
        assert (caught.value.detail, caught.value.field) == (reason, ["token"])
    for bad in ("pwi_" + "x" * 500, "pwi_\x00"):
        with pytest.raises(InvalidInput) as refused:
            await workspaces.accept_invitation(bob.id, bad)
        assert refused.value.field == ["token"]
    assert await state(team) == before


async def test_a_member_accepting_again_keeps_the_token_unused() -> None:
    alice, bob = await person("alice"), await person("bob")
    team, _ = await team_with(alice, bob=(bob, VIEWER))
    link = await workspaces.invite(alice.id, str(team), ADMIN)
    before = await state(team)
    with pytest.raises(Conflict) as caught:
        await workspaces.accept_invitation(bob.id, link.token)
    assert caught.value.detail == "ALREADY_MEMBER"
    assert await state(team) == before


async def test_two_accounts_racing_for_one_link_join_once() -> None:
    alice, bob, carol = await person("alice"), await person("bob"), await person("carol")
    team, _ = await team_with(alice)
    link = await workspaces.invite(alice.id, str(team), VIEWER)
    results = await asyncio.gather(
        workspaces.accept_invitation(bob.id, link.token),
        workspaces.accept_invitation(carol.id, link.token),
        return_exceptions=True,
    )
    joined = [r for r in results if isinstance(r, WorkspaceMember)]
    refused = [r for r in results if isinstance(r, Conflict)]
    assert (len(joined), len(refused)) == (1, 1), results
    members = await WorkspaceMember.filter(workspace_id=team).values_list("user_id", flat=True)
    assert len(members) == 2


async def test_revoking_is_for_admins_and_only_while_open() -> None:
    alice, bob, carol = await person("alice"), await person("bob"), await person("carol")
    team, _ = await team_with(alice, bob=(bob, EDITOR))
    link = await workspaces.invite(alice.id, str(team), VIEWER)
    before = await state(team)
    with pytest.raises(NotAllowed):
        await workspaces.revoke_invitation(bob.id, str(link.invitation.id))
    assert await state(team) == before
    await workspaces.accept_invitation(carol.id, link.token)
    with pytest.raises(Conflict) as caught:
        await workspaces.revoke_invitation(alice.id, str(link.invitation.id))
    assert caught.value.detail == "INVITATION_ACCEPTED"


async def test_invitations_are_listed_to_admins_only() -> None:
    alice, bob = await person("alice"), await person("bob")
    team, _ = await team_with(alice, bob=(bob, EDITOR))
    link = await workspaces.invite(alice.id, str(team), VIEWER)
    mine = await workspaces.invitations_pages(alice.id, [team], first=10, after=None)
    theirs = await workspaces.invitations_pages(bob.id, [team], first=10, after=None)
    # The newest first, then the one Bob joined with.
    assert [i.id for i in mine[team].items][:1] == [link.invitation.id]
    assert [workspaces.invitation_status(i) for i in mine[team].items] == [
        workspaces.InvitationStatus.PENDING,
        workspaces.InvitationStatus.ACCEPTED,
    ]
    assert theirs[team].items == []


async def test_members_come_in_pages() -> None:
    alice, bob, carol = await person("alice"), await person("bob"), await person("carol")
    team, _ = await team_with(alice, bob=(bob, EDITOR), carol=(carol, VIEWER))
    first = (await workspaces.members_pages(bob.id, [team], first=2, after=None))[team]
    assert [m.user_id for m in first.items] == [carol.id, bob.id]
    assert first.has_next_page
    assert await first.total_count() == 3
    rest = (await workspaces.members_pages(bob.id, [team], first=2, after=encode_cursor(first.items[-1])))[team]
    assert [m.user_id for m in rest.items] == [alice.id]
    assert not rest.has_next_page


async def test_deleting_an_account_leaves_its_workspaces_and_removes_those_it_owns(app: Starlette) -> None:
    alice, bob = await person("alice"), await person("bob")
    alices_team, _ = await team_with(alice, bob=(bob, ADMIN))
    bobs_team, _ = await team_with(bob, alice=(alice, EDITOR))
    bobs_personal = (
        await WorkspaceMember.get(user_id=bob.id, role=OWNER, workspace__kind=WorkspaceKind.PERSONAL)
    ).workspace_id
    await delete_account(bob, app.state.services.storage)
    assert not await WorkspaceMember.filter(user_id=bob.id).exists()
    assert not await Workspace.filter(id__in=[bobs_team, bobs_personal]).exists()
    assert [m.user_id for m in await WorkspaceMember.filter(workspace_id=alices_team)] == [alice.id]


async def test_an_invitation_for_an_email_admits_only_the_account_with_it() -> None:
    alice = await person("alice")
    bob = await users.ensure_user(Identity(f"bob-{uuid.uuid4().hex[:8]}", Role.USER, "Bob@Example.com", 0), 0)
    mallory = await users.ensure_user(Identity(f"mal-{uuid.uuid4().hex[:8]}", Role.USER, "mal@example.com", 0), 0)
    nobody = await person("nobody")  # a token without an email
    team, _ = await team_with(alice)
    link = await workspaces.invite(alice.id, str(team), EDITOR, email=" bob@EXAMPLE.com ")
    assert link.invitation.email == "bob@example.com"
    before = await state(team)
    for intruder in (mallory, nobody):
        with pytest.raises(Conflict) as caught:
            await workspaces.accept_invitation(intruder.id, link.token)
        assert caught.value.detail == "INVITATION_OTHER_ACCOUNT"
    assert await state(team) == before  # still unused
    joined = await workspaces.accept_invitation(bob.id, link.token)
    assert (joined.user_id, joined.role) == (bob.id, EDITOR)


@pytest.mark.parametrize("email", ["", "bob", "@example.com", "bob@", "b ob@example.com", "x" * 321, "a\x00@b.c"])
async def test_an_invitations_email_must_look_like_one(email: str) -> None:
    alice = await person("alice")
    team, _ = await team_with(alice)
    with pytest.raises(InvalidInput) as caught:
        await workspaces.invite(alice.id, str(team), EDITOR, email=email)
    assert caught.value.field == ["input", "email"]
    assert not await WorkspaceInvitation.filter(workspace_id=team).exists()


async def test_two_transfers_racing_leave_one_owner() -> None:
    alice, bob, carol = await person("alice"), await person("bob"), await person("carol")
    team, ids = await team_with(alice, bob=(bob, VIEWER), carol=(carol, VIEWER))
    results = await asyncio.gather(
        workspaces.transfer(alice.id, str(team), ids["bob"]),
        workspaces.transfer(alice.id, str(team), ids["carol"]),
        return_exceptions=True,
    )
    # The second finds Alice no longer the owner, whether it read her role before the first wrote or after.
    assert sorted(type(r).__name__ for r in results) in (
        ["Conflict", "WorkspaceMember"],
        ["NotAllowed", "WorkspaceMember"],
    )
    owners = await WorkspaceMember.filter(workspace_id=team, role=OWNER).values_list("user_id", flat=True)
    assert len(owners) == 1
    assert (await Workspace.get(id=team)).owner_id == uuid.UUID(str(owners[0]))
