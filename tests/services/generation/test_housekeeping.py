"""Deleting images and uploads: refused while a running batch needs them; afterwards the row and the file go
together, the ledger and the analytics stay as they were, and another user's objects read as not found."""

from __future__ import annotations

import io
import uuid

import pytest
from PIL import Image
from starlette.applications import Starlette

from models import BatchJob, CreditLedgerEntry, GalleryItem, ImageEdit, Upload, UsageEvent, User
from services.generation.references import store_upload
from services.infra.storage import ObjectNotFound
from tests.conftest import GQL, Caller, MakeCaller
from tests.generation_support import assert_ledger_consistent, generate, new_project, wait_until_ended

DELETE_IMAGE = "mutation($id: ID!) { imageEditDelete(id: $id) { deletedId userErrors { field code message } } }"
DELETE_UPLOAD = "mutation($id: ID!) { uploadDelete(id: $id) { deletedId userErrors { field code message } } }"
UPLOADS = """
query($after: String) {
  uploads(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id url } } }
}"""
CANCEL = "mutation($id: ID!) { batchJobCancel(id: $id) { batchJob { status } userErrors { code } } }"


async def upload(app: Starlette, caller: Caller, gql: GQL) -> Upload:
    await gql("{ me { id } }", caller=caller)
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (20, 90, 200)).save(buffer, format="PNG")
    user = await User.get(subject=caller.subject)
    return await store_upload(user, buffer.getvalue(), app.state.services.storage)


async def snapshot(user_id: uuid.UUID) -> tuple[list[tuple[str, int, int]], int]:
    ledger = await CreditLedgerEntry.filter(user_id=user_id).order_by("created_at", "id")
    return [(e.idempotency_key, e.amount, e.held_delta) for e in ledger], await UsageEvent.filter(
        user_id=user_id
    ).count()


async def test_image_delete_removes_row_file_and_gallery_item_but_not_the_ledger(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    project = await new_project(gql, alice)
    job = (await generate(gql, alice, projectId=project, mode="TEXT_TO_IMAGE", prompt="a lamp"))["batchJob"]
    await wait_until_ended(app, job["id"])
    edit = await ImageEdit.get(batch_job_id=job["id"])
    storage = app.state.services.storage
    assert edit.image_key
    assert await storage.get(edit.image_key)
    await gql(
        "mutation($id: ID!) { galleryAdd(input: {imageEditId: $id}) { userErrors { code } } }",
        {"id": str(edit.id)},
        alice,
    )
    user = await User.get(subject=alice.subject)
    before = await snapshot(user.id)

    denied = await gql(DELETE_IMAGE, {"id": str(edit.id)}, bob)
    assert denied["data"]["imageEditDelete"]["userErrors"][0]["code"] == "NOT_FOUND"
    assert await ImageEdit.filter(id=edit.id).count() == 1
    assert await storage.get(edit.image_key)

    body = await gql(DELETE_IMAGE, {"id": str(edit.id)}, alice)
    assert body["data"]["imageEditDelete"] == {"deletedId": str(edit.id), "userErrors": []}
    assert await ImageEdit.filter(id=edit.id).count() == 0
    assert await GalleryItem.filter(image_edit_id=edit.id).count() == 0
    with pytest.raises(ObjectNotFound):
        await storage.get(edit.image_key)
    assert await snapshot(user.id) == before
    batch = await BatchJob.get(id=job["id"])
    assert (batch.completed_images, batch.credits_captured) == (1, 1)
    await assert_ledger_consistent(alice.subject)
    again = await gql(DELETE_IMAGE, {"id": str(edit.id)}, alice)
    assert again["data"]["imageEditDelete"]["userErrors"][0]["code"] == "NOT_FOUND"


async def test_deletes_are_refused_while_the_batch_runs(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    reference = await upload(app, alice, gql)
    project = await new_project(gql, alice)
    job = (
        await generate(
            gql,
            alice,
            projectId=project,
            mode="EDIT",
            prompt="slowly [[delay:30]]",
            references=[{"uploadId": str(reference.id)}],
        )
    )["batchJob"]
    edit = await ImageEdit.get(batch_job_id=job["id"])

    refused = await gql(DELETE_UPLOAD, {"id": str(reference.id)}, alice)
    assert refused["data"]["uploadDelete"]["userErrors"][0]["code"] == "CONFLICT"
    assert await Upload.filter(id=reference.id).count() == 1
    assert await app.state.services.storage.get(reference.storage_key)
    refused = await gql(DELETE_IMAGE, {"id": str(edit.id)}, alice)
    assert refused["data"]["imageEditDelete"]["userErrors"][0]["code"] == "CONFLICT"
    assert await ImageEdit.filter(id=edit.id).count() == 1

    cancelled = await gql(CANCEL, {"id": job["id"]}, alice)
    assert cancelled["data"]["batchJobCancel"]["batchJob"]["status"] == "CANCELLED"
    body = await gql(DELETE_UPLOAD, {"id": str(reference.id)}, alice)
    assert body["data"]["uploadDelete"] == {"deletedId": str(reference.id), "userErrors": []}
    assert await Upload.filter(id=reference.id).count() == 0
    with pytest.raises(ObjectNotFound):
        await app.state.services.storage.get(reference.storage_key)
    assert (await gql(DELETE_IMAGE, {"id": str(edit.id)}, alice))["data"]["imageEditDelete"]["userErrors"] == []
    await assert_ledger_consistent(alice.subject)


async def test_uploads_are_listed_and_scoped(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    older = await upload(app, alice, gql)
    newer = await upload(app, alice, gql)
    first = (await gql(UPLOADS, {}, alice))["data"]["uploads"]
    assert first["totalCount"] == 2
    assert [e["node"]["id"] for e in first["edges"]] == [str(newer.id)]
    second = (await gql(UPLOADS, {"after": first["pageInfo"]["endCursor"]}, alice))["data"]["uploads"]
    assert [e["node"]["id"] for e in second["edges"]] == [str(older.id)]
    assert (await gql(UPLOADS, {}, bob))["data"]["uploads"]["totalCount"] == 0

    denied = await gql(DELETE_UPLOAD, {"id": str(older.id)}, bob)
    assert denied["data"]["uploadDelete"]["userErrors"][0]["code"] == "NOT_FOUND"
    assert await Upload.filter(id=older.id).count() == 1
    assert await app.state.services.storage.get(older.storage_key)
