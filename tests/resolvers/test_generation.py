"""Generation end to end in one process (embedded default): submit, run through the simulator, settle, cancel,
retry, idempotency, validation, and the ledger invariant after each."""

from __future__ import annotations

import asyncio
import io
import json
import uuid
from typing import Any

import httpx
from PIL import Image
from starlette.applications import Starlette

from models import BatchJob, CreditLedgerEntry, ImageEdit, LedgerKind, Role, User
from tests.conftest import GQL, MakeCaller
from tests.generation_support import (
    assert_ledger_consistent,
    batch,
    generate,
    new_project,
    seed_projects,
    upload,
    wait_until_ended,
)
from tests.sql_count import sql_statements

QUOTE = """
query($input: GenerateInput!) {
  quote(input: $input) { totalImages providerCalls width height sizeTier creditsPerImage totalCredits balance covered }
}"""
CANCEL = """
mutation($id: ID!) {
  batchJobCancel(id: $id) {
    keptImages refundedImages refundedCredits batchJob { id status } userErrors { field code message }
  }
}"""
RETRY = """
mutation($id: ID!) {
  batchJobRetry(id: $id, onlyFailed: true) {
    batchJob { id status totalImages retriedFromId items { retriedFromItemId } } userErrors { field code message }
  }
}"""


async def test_set_of_six_is_held_delivered_and_captured(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    payload = await generate(
        gql, alice, projectId=project, mode="SEQUENTIAL", prompt="six lighthouses", maxImages=6, size="1024x1024"
    )
    assert payload["userErrors"] == []
    assert payload["created"] is True
    job = payload["batchJob"]
    assert job["status"] in {"QUEUED", "RUNNING", "SUCCEEDED"}
    assert job["creditsReserved"] == 6
    await wait_until_ended(app, job["id"])

    done = await batch(gql, alice, job["id"])
    assert done["status"] == "SUCCEEDED"
    assert done["completedImages"] == 6
    assert done["creditsCaptured"] == 6
    assert done["creditsRefunded"] == 0
    assert done["creditsHeld"] == 0
    assert [image["batchIndex"] for image in done["images"]] == list(range(6))
    assert done["items"] == [
        {"itemIndex": 0, "status": "SUCCEEDED", "attempts": 1, "errorCategory": None, "retriedFromItemId": None}
    ]
    user = await assert_ledger_consistent(alice.subject)
    assert user.credits == 20 - 6
    me = await gql("{ me { credits creditsHeld } }", caller=alice)
    assert me["data"]["me"] == {"credits": 14, "creditsHeld": 0}
    stored = await ImageEdit.filter(batch_job_id=job["id"]).values_list("api_response", flat=True)
    assert all(isinstance(r, dict) and r for r in stored)  # the provider's reply, kept with each image
    entries = await CreditLedgerEntry.filter(user_id=user.id, reference=job["id"])
    assert sorted(e.kind.value for e in entries) == ["CAPTURE"] * 6 + ["RESERVE"]

    # Every image is in our storage, served under /media, at the requested size.
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        for image in done["images"]:
            response = await http.get(image["url"])
            assert response.status_code == 200
            assert Image.open(io.BytesIO(response.content)).size == (1024, 1024)

    project_status = await gql("query($id: ID!) { project(id: $id) { processingStatus } }", {"id": project}, alice)
    assert project_status["data"]["project"]["processingStatus"] == "COMPLETED"


async def test_partial_set_charges_delivered_and_refunds_the_rest(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    job = (
        await generate(
            gql,
            alice,
            projectId=project,
            mode="SEQUENTIAL",
            prompt="six owls [[partial:2]]",
            maxImages=6,
            size="1024x1024",
        )
    )["batchJob"]
    await wait_until_ended(app, job["id"])
    done = await batch(gql, alice, job["id"])
    assert done["status"] == "PARTIALLY_SUCCEEDED"
    assert (done["completedImages"], done["failedImages"]) == (4, 2)
    assert (done["creditsCaptured"], done["creditsRefunded"], done["creditsHeld"]) == (4, 2, 0)
    assert sorted(i["status"] for i in done["images"]) == ["FAILED"] * 2 + ["SUCCEEDED"] * 4
    user = await assert_ledger_consistent(alice.subject)
    assert user.credits == 16
    refunds = await CreditLedgerEntry.filter(user_id=user.id, kind=LedgerKind.REFUND)
    assert [r.amount for r in refunds] == [1, 1]


async def test_quote_breaks_down_the_cost(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    quote_input = {
        "projectId": project,
        "mode": "TEXT_TO_IMAGE",
        "prompts": ["a", "b"],
        "count": 3,
        "aspectRatio": "16:9",
        "resolution": "K4",
    }
    body = await gql(QUOTE, {"input": quote_input}, alice)
    assert body["data"]["quote"] == {
        "totalImages": 6,
        "providerCalls": 6,
        "width": 4096,
        "height": 2304,
        "sizeTier": "K4",
        "creditsPerImage": 2,
        "totalCredits": 12,
        "balance": 20,
        "covered": True,
    }
    assert await BatchJob.filter(owner__subject=alice.subject).count() == 0


async def test_quote_refuses_another_users_or_a_made_up_upload_like_generate(
    client: httpx.AsyncClient, gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    project = await new_project(gql, alice)
    bobs_upload = await upload(client, bob)
    alices_upload = await upload(client, alice)
    for upload_id in (bobs_upload, str(uuid.uuid4()), "not-an-id"):
        quote_input = {"projectId": project, "mode": "EDIT", "prompt": "x", "references": [{"uploadId": upload_id}]}
        body = await gql(QUOTE, {"input": quote_input}, alice)
        assert body["data"] is None, body
        error = body["errors"][0]
        assert error["extensions"]["reason"] == "NOT_FOUND", body
        assert error["extensions"]["field"] == ["input", "references", "0", "uploadId"], body
    own = {"projectId": project, "mode": "EDIT", "prompt": "x", "references": [{"uploadId": alices_upload}]}
    assert (await gql(QUOTE, {"input": own}, alice))["data"]["quote"]["totalImages"] == 1


async def test_an_aspect_ratio_the_bounds_would_bend_is_refused_not_clamped(gql: GQL, make_caller: MakeCaller) -> None:
    """100:1 used to come out as 4:1; any ratio the provider's bounds cannot keep is refused, on quote and generate."""
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    balance = (await User.get(subject=alice.subject)).credits
    for ratio in ("100:1", "1:100", "5:1", "10" + "0" * 400 + ":1"):
        fields = {"projectId": project, "prompt": "x", "aspectRatio": ratio, "resolution": "K2"}
        quoted = await gql(QUOTE, {"input": fields}, alice)
        assert quoted["errors"][0]["extensions"]["field"] == ["input", "aspectRatio"], quoted
        payload = await generate(gql, alice, **fields)
        assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [("INVALID", ["input", "aspectRatio"])]
    assert await BatchJob.filter(owner__subject=alice.subject).count() == 0
    assert (await User.get(subject=alice.subject)).credits == balance
    kept = await gql(QUOTE, {"input": {"projectId": project, "prompt": "x", "aspectRatio": "4:1"}}, alice)
    quote = kept["data"]["quote"]
    assert quote["width"] == 4 * quote["height"], kept


async def test_insufficient_credits_creates_nothing(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    payload = await generate(
        gql, alice, projectId=project, mode="TEXT_TO_IMAGE", prompts=["a", "b"], count=10, size="4096x4096"
    )
    assert payload["batchJob"] is None
    assert payload["userErrors"] == [
        {"field": ["credits"], "code": "INSUFFICIENT_CREDITS", "message": "this needs 40 credits; 20 available"}
    ]
    user = await User.get(subject=alice.subject)
    assert user.credits == 20
    assert await BatchJob.filter(owner_id=user.id).count() == 0
    assert await ImageEdit.filter(owner_id=user.id).count() == 0
    assert await CreditLedgerEntry.filter(user_id=user.id).count() == 1


async def test_validation_errors_name_the_field(gql: GQL, make_caller: MakeCaller) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    project = await new_project(gql, alice)
    base: dict[str, Any] = {"projectId": project, "mode": "TEXT_TO_IMAGE", "prompt": "x"}
    cases: list[tuple[dict[str, Any], list[str]]] = [
        ({"size": "100x100"}, ["input", "size"]),
        ({"size": "big"}, ["input", "size"]),
        ({"mode": "SEQUENTIAL", "maxImages": 16}, ["input", "maxImages"]),
        ({"maxImages": 3}, ["input", "maxImages"]),
        ({"mode": "EDIT"}, ["input", "references"]),
        ({"references": [{"url": "https://example.com/a.png"}]}, ["input", "references"]),
        ({"prompt": "   "}, ["input", "prompt"]),
        ({"prompt": "p" * 2001}, ["input", "prompt"]),
        ({"count": 0}, ["input", "count"]),
        ({"count": 10, "prompts": ["a"] * 11, "prompt": None}, ["input", "count"]),
        ({"seed": -1}, ["input", "seed"]),
        ({"styleIntensity": 2.0}, ["input", "styleIntensity"]),
        ({"projectId": str(uuid.uuid4())}, ["input", "projectId"]),
        ({"aspectRatio": "wide"}, ["input", "aspectRatio"]),
        ({"stylePresetId": str(uuid.uuid4())}, ["input", "stylePresetId"]),
    ]
    for change, field in cases:
        payload = await generate(gql, alice, **{**base, **change})
        assert payload["batchJob"] is None, change
        assert payload["userErrors"][0]["field"] == field, (change, payload["userErrors"])
    # Another user's project reads as not found.
    payload = await generate(gql, bob, **base)
    assert payload["userErrors"][0] == {
        "field": ["input", "projectId"],
        "code": "NOT_FOUND",
        "message": "project not found",
    }
    assert await BatchJob.filter(owner__subject__in=[alice.subject, bob.subject]).count() == 0


async def test_same_idempotency_key_returns_the_first_batch_and_charges_once(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    request = {"projectId": project, "mode": "TEXT_TO_IMAGE", "prompt": "once", "size": "1024x1024"}
    payloads = await asyncio.gather(*(generate(gql, alice, **request, idempotencyKey="click-1") for _ in range(5)))
    ids = {p["batchJob"]["id"] for p in payloads}
    assert len(ids) == 1
    assert sorted(p["created"] for p in payloads) == [False] * 4 + [True]
    await wait_until_ended(app, ids.pop())
    user = await assert_ledger_consistent(alice.subject)
    assert user.credits == 19
    assert await CreditLedgerEntry.filter(user_id=user.id, kind=LedgerKind.RESERVE).count() == 1


async def test_an_idempotency_key_reused_for_a_different_request_is_a_conflict_and_changes_nothing(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    request = {"projectId": project, "mode": "TEXT_TO_IMAGE", "prompt": "a red fox", "size": "1024x1024"}
    first = await generate(gql, alice, **request, idempotencyKey="order-7")
    assert first["userErrors"] == [], first
    batch_id = first["batchJob"]["id"]
    await wait_until_ended(app, batch_id)
    user = await User.get(subject=alice.subject)
    before = (
        user.credits,
        await BatchJob.filter(owner_id=user.id).count(),
        await CreditLedgerEntry.filter(user_id=user.id).count(),
    )

    for changed in (
        {"prompt": "a blue fox"},
        {"size": "2048x2048"},
        {"count": 2},
        {"prompt": None, "prompts": ["a red fox"]},
    ):
        reused = await generate(gql, alice, **(request | changed), idempotencyKey="order-7")
        assert reused["batchJob"] is None, (changed, reused)
        assert reused["userErrors"] == [
            {
                "field": ["input", "idempotencyKey"],
                "code": "CONFLICT",
                "message": "this idempotencyKey was already used for a different request; use a new key for a new "
                "request",
            }
        ], changed
    user = await assert_ledger_consistent(alice.subject)
    after = (
        user.credits,
        await BatchJob.filter(owner_id=user.id).count(),
        await CreditLedgerEntry.filter(user_id=user.id).count(),
    )
    assert after == before  # nothing held, created or written

    # The same request with the same key is still the first batch; another user's same key is theirs alone.
    repeated = await generate(gql, alice, **request, idempotencyKey="order-7")
    assert (repeated["batchJob"]["id"], repeated["created"], repeated["userErrors"]) == (batch_id, False, [])
    bob = make_caller("bob")
    bobs = await generate(
        gql, bob, **(request | {"projectId": await new_project(gql, bob), "prompt": "x"}), idempotencyKey="order-7"
    )
    assert bobs["userErrors"] == []
    assert bobs["created"] is True
    await wait_until_ended(app, bobs["batchJob"]["id"])


async def test_cancel_while_running_keeps_nothing_undelivered(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    project = await new_project(gql, alice)
    job = (
        await generate(
            gql,
            alice,
            projectId=project,
            mode="SEQUENTIAL",
            prompt="slow set [[delay:30]]",
            maxImages=4,
            size="1024x1024",
        )
    )["batchJob"]
    held = await gql("{ me { credits creditsHeld } }", caller=alice)
    assert held["data"]["me"] == {"credits": 16, "creditsHeld": 4}
    # Bob cannot cancel it, and trying changes nothing.
    denied = await gql(CANCEL, {"id": job["id"]}, bob)
    assert denied["data"]["batchJobCancel"]["userErrors"][0]["code"] == "NOT_FOUND"
    assert (await BatchJob.get(id=job["id"])).status.value in {"QUEUED", "RUNNING"}

    body = await gql(CANCEL, {"id": job["id"]}, alice)
    payload = body["data"]["batchJobCancel"]
    assert payload["userErrors"] == []
    assert payload["batchJob"]["status"] == "CANCELLED"
    assert (payload["keptImages"], payload["refundedImages"], payload["refundedCredits"]) == (0, 4, 4)
    user = await assert_ledger_consistent(alice.subject)
    assert user.credits == 20
    again = await gql(CANCEL, {"id": job["id"]}, alice)
    assert again["data"]["batchJobCancel"]["userErrors"][0]["code"] == "CONFLICT"
    await wait_until_ended(app, job["id"])  # the terminal event was published


async def test_retry_reruns_only_the_failed_images(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    prompt = f"blocked once {uuid.uuid4().hex[:6]} [[fail:policy:1]]"
    job = (await generate(gql, alice, projectId=project, mode="TEXT_TO_IMAGE", prompt=prompt, size="1024x1024"))[
        "batchJob"
    ]
    await wait_until_ended(app, job["id"])
    failed = await batch(gql, alice, job["id"])
    assert failed["status"] == "FAILED"
    assert failed["images"][0]["errorCategory"] == "CONTENT_POLICY"
    assert failed["items"][0]["attempts"] == 1  # rejected input is never retried by the worker

    body = await gql(RETRY, {"id": job["id"]}, alice)
    retried = body["data"]["batchJobRetry"]["batchJob"]
    assert retried["retriedFromId"] == job["id"]
    assert retried["totalImages"] == 1
    assert retried["items"][0]["retriedFromItemId"] is not None
    await wait_until_ended(app, retried["id"])
    assert (await batch(gql, alice, retried["id"]))["status"] == "SUCCEEDED"
    user = await assert_ledger_consistent(alice.subject)
    assert user.credits == 19  # the failed one was refunded, the retry charged

    nothing = await gql(RETRY, {"id": retried["id"]}, alice)
    assert nothing["data"]["batchJobRetry"]["userErrors"][0]["code"] == "CONFLICT"


async def test_transient_failures_are_retried_with_backoff(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    prompt = f"flaky {uuid.uuid4().hex[:6]} [[fail:500:2]]"
    job = (await generate(gql, alice, projectId=project, mode="TEXT_TO_IMAGE", prompt=prompt, size="1024x1024"))[
        "batchJob"
    ]
    await wait_until_ended(app, job["id"])
    done = await batch(gql, alice, job["id"])
    assert done["status"] == "SUCCEEDED"
    assert done["items"][0]["attempts"] == 3
    await assert_ledger_consistent(alice.subject)


async def test_exhausted_transient_failures_fail_and_refund(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    job = (
        await generate(
            gql, alice, projectId=project, mode="TEXT_TO_IMAGE", prompt="down [[fail:500]]", size="1024x1024"
        )
    )["batchJob"]
    await wait_until_ended(app, job["id"])
    done = await batch(gql, alice, job["id"])
    assert done["status"] == "FAILED"
    assert done["images"][0]["errorCategory"] == "TRANSIENT"
    assert done["items"][0]["attempts"] == 4
    user = await assert_ledger_consistent(alice.subject)
    assert user.credits == 20


async def test_two_hundred_concurrent_generates_accept_exactly_what_fits(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    admin, alice = make_caller("admin", role=Role.ADMIN), make_caller("alice")
    project = await new_project(gql, alice)
    user = await User.get(subject=alice.subject)
    grant = "mutation($id: ID!) { creditsGrant(input: {userId: $id, amount: 80}) { userErrors { code } } }"
    await gql(grant, {"id": str(user.id)}, admin)  # 20 signup + 80 = 100 images at 1 credit
    request = {"projectId": project, "mode": "TEXT_TO_IMAGE", "prompt": "rush", "size": "1024x1024"}
    payloads = await asyncio.gather(*(generate(gql, alice, **request) for _ in range(200)))
    accepted = [p for p in payloads if p["batchJob"] is not None]
    refused = [p for p in payloads if p["userErrors"]]
    assert len(accepted) == 100
    assert len(refused) == 100
    assert {p["userErrors"][0]["code"] for p in refused} == {"INSUFFICIENT_CREDITS"}
    assert (await User.get(id=user.id)).credits == 0
    for payload in accepted:
        await wait_until_ended(app, payload["batchJob"]["id"])
    final = await assert_ledger_consistent(alice.subject)
    assert final.credits == 0
    assert await ImageEdit.filter(owner_id=user.id, status="SUCCEEDED").count() == 100


async def test_upload_then_edit_with_the_uploaded_reference(
    app: Starlette, client: httpx.AsyncClient, gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    project = await new_project(gql, alice)
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(buffer, format="PNG")
    operations = {
        "query": "mutation($file: Upload!) { imageUpload(file: $file) { image { id width height contentType } "
        "userErrors { code field message } } }",
        "variables": {"file": None},
    }
    form = {"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})}
    files = {"0": ("ref.png", buffer.getvalue(), "image/png")}

    refused = await client.post("/graphql", data=form, files=files, headers=alice.headers)
    assert refused.status_code == 400  # no CSRF header
    response = await client.post(
        "/graphql", data=form, files=files, headers={**alice.headers, "X-Playground-Upload": "1"}
    )
    image = response.json()["data"]["imageUpload"]["image"]
    assert (image["width"], image["height"], image["contentType"]) == (64, 48, "image/png")

    files = {"0": ("notes.txt", b"not an image", "text/plain")}
    bad = await client.post("/graphql", data=form, files=files, headers={**alice.headers, "X-Playground-Upload": "1"})
    assert bad.json()["data"]["imageUpload"]["userErrors"][0]["code"] == "INVALID"

    edit = {"projectId": project, "mode": "EDIT", "prompt": "make it blue", "references": [{"uploadId": image["id"]}]}
    stolen = await generate(gql, bob, **{**edit, "projectId": await new_project(gql, bob)})
    assert stolen["userErrors"][0]["code"] == "NOT_FOUND"  # Bob cannot use Alice's upload
    job = (await generate(gql, alice, **edit, size="1024x1024"))["batchJob"]
    await wait_until_ended(app, job["id"])
    done = await batch(gql, alice, job["id"])
    assert done["status"] == "SUCCEEDED"
    await assert_ledger_consistent(alice.subject)
    await assert_ledger_consistent(bob.subject)


async def test_other_users_cannot_read_batches_or_images(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    project = await new_project(gql, alice)
    job = (await generate(gql, alice, projectId=project, mode="TEXT_TO_IMAGE", prompt="mine", size="1024x1024"))[
        "batchJob"
    ]
    await wait_until_ended(app, job["id"])
    assert await batch(gql, bob, job["id"]) is None
    image_id = (await batch(gql, alice, job["id"]))["images"][0]["id"]
    body = await gql("query($id: ID!) { imageEdit(id: $id) { id } }", {"id": image_id}, bob)
    assert body["data"]["imageEdit"] is None
    listed = await gql("{ batchJobs(first: 50) { totalCount } }", caller=bob)
    assert listed["data"]["batchJobs"]["totalCount"] == 0
    mine = await gql(
        "query($p: ID!) { batchJobs(first: 5, filter: {projectId: $p}) { edges { node { id } } } }",
        {"p": project},
        alice,
    )
    assert [e["node"]["id"] for e in mine["data"]["batchJobs"]["edges"]] == [job["id"]]


async def test_reference_urls_to_private_addresses_are_refused(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    for url in ("http://127.0.0.1:9/cat.png", "http://169.254.169.254/latest/meta-data", "file:///etc/passwd"):
        payload = await generate(gql, alice, projectId=project, mode="EDIT", prompt="steal", references=[{"url": url}])
        assert payload["batchJob"] is None
        assert payload["userErrors"][0]["field"] == ["input", "references", "0", "url"], url
        assert payload["userErrors"][0]["code"] == "INVALID"
    user = await assert_ledger_consistent(alice.subject)
    assert user.credits == 20


async def test_a_project_with_a_batch_in_progress_cannot_be_deleted(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    job = (
        await generate(
            gql, alice, projectId=project, mode="TEXT_TO_IMAGE", prompt="hold on [[delay:30]]", size="1024x1024"
        )
    )["batchJob"]
    delete = "mutation($id: ID!) { projectDelete(id: $id) { deletedId userErrors { code field } } }"
    refused = await gql(delete, {"id": project}, alice)
    assert refused["data"]["projectDelete"] == {
        "deletedId": None,
        "userErrors": [{"code": "CONFLICT", "field": ["id"]}],
    }
    assert await BatchJob.filter(id=job["id"]).exists()

    await gql("mutation($id: ID!) { batchJobCancel(id: $id) { userErrors { code } } }", {"id": job["id"]}, alice)
    deleted = await gql(delete, {"id": project}, alice)
    assert deleted["data"]["projectDelete"]["deletedId"] == project
    user = await assert_ledger_consistent(alice.subject)
    assert user.credits == 20  # the ledger outlives the project and still sums to the balance


BATCH_PAGE = """
query($first: Int) {
  batchJobs(first: $first) {
    totalCount
    edges { node { id creditsHeld images { id batchIndex url } items { itemIndex } presetsUsed { name } } }
  }
}"""


async def test_a_page_of_batches_with_their_images_runs_a_fixed_number_of_statements(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    for caller in (alice, bob):
        await gql("{ me { id } }", caller=caller)
    await seed_projects(await User.get(subject=alice.subject), projects=6, batches=4, images_per_batch=3)
    await seed_projects(await User.get(subject=bob.subject), projects=1, batches=2, images_per_batch=2, name="Bob")
    await app.state.webhooks.idle()  # earlier tests' webhook events are recorded off the request path: not counted
    await app.state.services.publisher.settled()  # nor their batches' pending queue-position offers

    counts = []
    for first in (3, 20):
        with sql_statements() as statements:
            body = await gql(BATCH_PAGE, {"first": first}, alice)
        assert "errors" not in body, body
        page = body["data"]["batchJobs"]
        assert page["totalCount"] == 24
        assert len(page["edges"]) == first
        for edge in page["edges"]:
            stored = await ImageEdit.filter(batch_job_id=edge["node"]["id"]).order_by("batch_index")
            assert [i["id"] for i in edge["node"]["images"]] == [str(e.id) for e in stored]
            assert len(stored) == 3
        counts.append(len(statements))
    # The page, its count, then one statement each for the images, the provider calls and the presets used of every
    # batch on the page (DataLoaders). The caller comes from the per-token user cache.
    assert counts == [5, 5], "\n".join(statements)
