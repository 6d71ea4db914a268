"""``meDelete``: a wrong confirmation changes nothing; the right one removes the caller's data and only theirs."""

from __future__ import annotations

from models import CreditLedgerEntry, Project, User
from tests.conftest import GQL, MakeCaller
from tests.generation_support import new_project

DELETE = "mutation($c: String!) { meDelete(confirm: $c) { deleted projects userErrors { field code message } } }"


async def test_a_wrong_confirmation_changes_nothing(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice-medelete-wrong")
    project = await new_project(gql, alice)
    body = await gql(DELETE, {"c": "delete"}, caller=alice)
    payload = body["data"]["meDelete"]
    assert payload["deleted"] is False
    assert payload["userErrors"][0]["field"] == ["confirm"]
    assert await Project.filter(id=project).exists()
    assert await User.filter(subject=alice.subject).exists()


async def test_me_delete_removes_only_the_callers_data(gql: GQL, make_caller: MakeCaller) -> None:
    alice, bob = make_caller("alice-medelete"), make_caller("bob-medelete")
    alice_project = await new_project(gql, alice)
    bob_project = await new_project(gql, bob)
    user = await User.get(subject=alice.subject)
    body = await gql(DELETE, {"c": "DELETE"}, caller=alice)
    payload = body["data"]["meDelete"]
    assert payload["userErrors"] == []
    assert payload["deleted"] is True
    assert not await Project.filter(id=alice_project).exists()
    assert await Project.filter(id=bob_project).exists()
    anonymised = await User.get(id=user.id)
    entries = await CreditLedgerEntry.filter(user_id=user.id)
    assert sum(e.amount for e in entries) == anonymised.credits
    assert not await User.filter(subject=alice.subject).exists()
