"""Account deletion (service level): a user's rows and files go, the user is anonymised, the ledger still sums to
the balance, and another user's data is untouched."""

from __future__ import annotations

from starlette.applications import Starlette

from models import CreditLedgerEntry, ImageEdit, Project, Upload, User
from services.account.deletion import delete_account
from services.infra.storage import Storage
from tests.conftest import GQL, MakeCaller
from tests.generation_support import generate, new_project, wait_until_ended
from tests.services.generation.test_housekeeping import upload
from tests.services.generation.test_retention import exists


async def test_deletion_removes_rows_and_files_keeps_the_ledger_and_spares_other_users(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    storage: Storage = app.state.services.storage
    alice, bob = make_caller("alice-del"), make_caller("bob-del")
    alice_project = await new_project(gql, alice)
    bob_project = await new_project(gql, bob)
    alice_upload = await upload(app, alice, gql)
    bob_upload = await upload(app, bob, gql)
    for caller, project in ((alice, alice_project), (bob, bob_project)):
        job = (await generate(gql, caller, projectId=project, prompt="a lamp"))["batchJob"]
        await wait_until_ended(app, job["id"])
    user = await User.get(subject=alice.subject)
    bob_user = await User.get(subject=bob.subject)
    alice_images = [i.image_key for i in await ImageEdit.filter(owner_id=user.id)]
    bob_images = [i.image_key for i in await ImageEdit.filter(owner_id=bob_user.id)]
    assert alice_images
    assert all(alice_images)
    assert bob_images
    ledger_before = await CreditLedgerEntry.filter(user_id=user.id).count()
    bob_ledger = await CreditLedgerEntry.filter(user_id=bob_user.id).count()
    projects = await Project.filter(owner_id=user.id).count()

    report = await delete_account(
        user, storage, user_cache=app.state.services.user_cache, api_keys=app.state.services.api_keys
    )

    assert report.projects == projects
    assert report.uploads == 1
    assert report.files == len(alice_images) + 1
    assert not await Project.filter(owner_id=user.id).exists()
    assert not await ImageEdit.filter(owner_id=user.id).exists()
    assert not await Upload.filter(owner_id=user.id).exists()
    for key in [*alice_images, alice_upload.storage_key]:
        assert key
        assert not await exists(storage, key)
    anonymised = await User.get(id=user.id)
    assert anonymised.subject != alice.subject
    assert anonymised.email is None
    entries = await CreditLedgerEntry.filter(user_id=user.id)
    assert len(entries) == ledger_before
    assert sum(e.amount for e in entries) == anonymised.credits
    # Bob keeps everything.
    assert await Project.filter(id=bob_project).exists()
    assert await Upload.filter(id=bob_upload.id).exists()
    for key in [*bob_images, bob_upload.storage_key]:
        assert key
        assert await exists(storage, key)
    assert await CreditLedgerEntry.filter(user_id=bob_user.id).count() == bob_ledger
    # The old token no longer reaches the old data: its subject names a new, empty user.
    body = await gql("{ me { id } projects { edges { node { id } } } }", caller=alice)
    assert body["data"]["me"]["id"] != str(user.id)
    assert body["data"]["projects"]["edges"] == []
