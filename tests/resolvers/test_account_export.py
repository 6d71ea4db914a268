"""``meExport``: the archive holds exactly the caller's data and the stored files byte for byte, arrives through an
expiring link announced on the caller's own events, is refused past ``EXPORTS_PER_DAY`` with nothing written, is
invisible to another user, expires with retention, and a failure mid-job leaves FAILED and no stored object."""

from __future__ import annotations

import asyncio
import dataclasses
import io
import json
import time
import uuid
import zipfile
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from standardwebhooks import Webhook
from starlette.applications import Starlette

from app.runtime import link_signer
from models import AccountExport, ExportStatus, ImageEdit, JobOutbox, Upload, User, WebhookDelivery
from services.account.export import AccountExporter
from services.account.tasks import ACCOUNT_EXPORT
from services.generation.retention import Retention
from services.infra.storage import ObjectNotFound, Storage, StoredObject
from services.progress.channels import user_channel
from tests.conftest import GQL, Caller, MakeCaller
from tests.generation_support import generate, new_project, upload, wait_until_ended
from tests.resolvers.test_workspaces import ACCEPT, CREATE, INVITE, ok
from tests.services.webhooks.receiver import Receiver, free_port, serving

EXPORT = "mutation { meExport { accountExport { id status url } userErrors { code field message retryAfter } } }"
ONE = "query($id: ID!) { accountExport(id: $id) { id status url sizeBytes expiresAt error } }"
LIST = "{ accountExports { id status } }"


async def user_of(gql: GQL, caller: Caller) -> User:
    await gql("{ me { id } }", caller=caller)
    return await User.get(subject=caller.subject)


async def export_and_wait(app: Starlette, gql: GQL, caller: Caller) -> dict[str, Any]:
    """Request an export and wait for its event on the caller's own channel (subscribed before the request)."""
    user = await user_of(gql, caller)
    async with app.state.services.bus.subscribe(user_channel(user.id)) as subscription:
        body = await gql(EXPORT, caller=caller)
        payload = body["data"]["meExport"]
        assert payload["userErrors"] == [], body
        export_id = payload["accountExport"]["id"]
        assert payload["accountExport"]["status"] == "QUEUED"
        assert payload["accountExport"]["url"] is None

        async def announced() -> dict[str, Any]:
            async for item in subscription:
                if isinstance(item, dict) and item.get("account_export_id") == export_id:
                    return item
            raise AssertionError("the bus closed")

        event = await asyncio.wait_for(announced(), 60)
    assert event["type"] == "account_export"
    assert event["status"] == "READY"
    assert isinstance(event["user_seq"], int)  # numbered in the caller's myEvents log, so a resume replays it
    answer = (await gql(ONE, {"id": export_id}, caller=caller))["data"]["accountExport"]
    assert answer["status"] == "READY"
    return dict(answer)


async def world(app: Starlette, gql: GQL, client: httpx.AsyncClient, caller: Caller, tag: str) -> dict[str, str]:
    """A project with a finished batch, an upload, a preset and a gallery item, all named with ``tag``."""
    project = await new_project(gql, caller)
    job = (await generate(gql, caller, projectId=project, prompt=f"{tag} prompt"))["batchJob"]
    await wait_until_ended(app, job["id"])
    upload_id = await upload(client, caller)
    preset = await gql(
        "mutation($n: String!) { stylePresetCreate(input: {name: $n}) { stylePreset { id } } }",
        {"n": f"{tag} preset"},
        caller=caller,
    )
    image = job["images"][0]["id"]
    item = await gql(
        "mutation($i: ID!, $t: String!) { galleryAdd(input: {imageEditId: $i, title: $t}) { galleryItem { id } } }",
        {"i": image, "t": f"{tag} item"},
        caller=caller,
    )
    return {
        "project": project,
        "batch": job["id"],
        "image": image,
        "upload": upload_id,
        "preset": preset["data"]["stylePresetCreate"]["stylePreset"]["id"],
        "gallery_item": item["data"]["galleryAdd"]["galleryItem"]["id"],
    }


async def test_the_archive_holds_exactly_the_callers_data_and_files(
    app: Starlette, gql: GQL, client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice-export"), make_caller("bob-export")
    alice_ids = await world(app, gql, client, alice, "alice-export-secret")
    bob_ids = await world(app, gql, client, bob, "bob-export-secret")
    alice_user, bob_user = await user_of(gql, alice), await user_of(gql, bob)

    answer = await export_and_wait(app, gql, alice)
    download = await client.get(answer["url"])

    assert download.status_code == 200
    assert download.headers["content-type"] == "application/zip"
    assert download.headers["content-disposition"].startswith("attachment")
    assert answer["sizeBytes"] == len(download.content)
    archive = zipfile.ZipFile(io.BytesIO(download.content))
    names = set(archive.namelist())
    documents = {name: json.loads(archive.read(name)) for name in names if name.endswith(".json")}
    assert set(documents) == {
        "account.json",
        "projects.json",
        "batches.json",
        "images.json",
        "presets.json",
        "gallery.json",
        "ledger.json",
        "uploads.json",
        "workspaces.json",
    }
    assert documents["account.json"]["id"] == str(alice_user.id)
    assert [p["id"] for p in documents["projects.json"]] == [alice_ids["project"]]
    assert [b["id"] for b in documents["batches.json"]] == [alice_ids["batch"]]
    assert documents["batches.json"][0]["items"]
    assert [p["id"] for p in documents["presets.json"]] == [alice_ids["preset"]]
    assert [v["version"] for v in documents["presets.json"][0]["versions"]] == [1]
    assert [g["id"] for g in documents["gallery.json"]["items"]] == [alice_ids["gallery_item"]]
    assert [u["id"] for u in documents["uploads.json"]] == [alice_ids["upload"]]
    ledger = documents["ledger.json"]
    assert ledger
    assert sum(entry["amount"] for entry in ledger) == (await User.get(id=alice_user.id)).credits
    # Nothing of Bob's anywhere in the archive: ids, names, subject.
    text = b"".join(archive.read(name) for name in names).decode("latin-1")
    for marker in [*bob_ids.values(), str(bob_user.id), bob.subject, "bob-export-secret"]:
        assert marker not in text, marker
    # The files, byte for byte as stored.
    storage: Storage = app.state.services.storage
    images = await ImageEdit.filter(owner_id=alice_user.id).exclude(image_key=None)
    assert images
    by_id = {entry["id"]: entry for entry in documents["images.json"]}
    for image in images:
        assert image.image_key is not None
        name = by_id[str(image.id)]["file"]
        assert archive.read(name) == await storage.get(image.image_key)
    stored_upload = await Upload.get(id=alice_ids["upload"])
    upload_name = documents["uploads.json"][0]["file"]
    assert archive.read(upload_name) == await storage.get(stored_upload.storage_key)
    assert {n for n in names if not n.endswith(".json")} == {by_id[str(i.id)]["file"] for i in images} | {upload_name}


async def test_the_link_expires_and_retention_removes_the_archive(
    app: Starlette, gql: GQL, client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    alice = make_caller()
    answer = await export_and_wait(app, gql, alice)
    assert (await client.get(answer["url"])).status_code == 200
    key = urlsplit(answer["url"]).path.removeprefix("/media/")
    assert key.startswith("exports/")
    # The same key signed by the deployment's key two lifetimes ago: a genuine link whose time has passed.
    signer = link_signer(app.state.services.settings)
    past = dataclasses.replace(signer, clock=lambda: time.time() - 2 * signer.lifetime_seconds)
    expired = await client.get(past.private(key))
    assert expired.status_code == 403
    assert expired.headers["x-playground-link-problem"] == "EXPIRED"
    assert (await client.get(urlsplit(answer["url"]).path + "?s=" + "x" * 22)).status_code == 404  # no stable link

    # Past expiresAt, retention removes the archive; the export says EXPIRED and links nothing.
    expires_at = datetime.fromisoformat(answer["expiresAt"])
    await Retention(app.state.services.settings, app.state.services.storage).run(now=expires_at + timedelta(seconds=1))
    after = (await gql(ONE, {"id": answer["id"]}, caller=alice))["data"]["accountExport"]
    assert after["status"] == "EXPIRED"
    assert after["url"] is None
    assert await app.state.services.storage.head(key) is None
    assert (await client.get(answer["url"])).status_code == 404


async def test_the_daily_limit_refuses_and_writes_nothing(gql: GQL, make_caller: MakeCaller, app: Starlette) -> None:
    alice = make_caller()
    user = await user_of(gql, alice)
    limit = app.state.services.settings.exports_per_day
    for _ in range(limit):  # earlier exports today, already built
        await AccountExport.create(id=uuid.uuid4(), owner_id=user.id, status=ExportStatus.READY)
    rows = await AccountExport.filter(owner_id=user.id).count()
    queued = await JobOutbox.filter(kind=ACCOUNT_EXPORT.name).count()

    body = await gql(EXPORT, caller=alice)

    payload = body["data"]["meExport"]
    assert payload["accountExport"] is None
    assert [e["code"] for e in payload["userErrors"]] == ["RATE_LIMITED"]
    assert payload["userErrors"][0]["retryAfter"] > 0
    assert await AccountExport.filter(owner_id=user.id).count() == rows
    assert await JobOutbox.filter(kind=ACCOUNT_EXPORT.name).count() == queued


async def test_another_user_cannot_read_the_export(
    app: Starlette, gql: GQL, client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller(), make_caller()
    answer = await export_and_wait(app, gql, alice)
    await user_of(gql, bob)

    assert (await gql(ONE, {"id": answer["id"]}, caller=bob))["data"]["accountExport"] is None
    assert (await gql(LIST, caller=bob))["data"]["accountExports"] == []
    assert [e["id"] for e in (await gql(LIST, caller=alice))["data"]["accountExports"]] == [answer["id"]]


class FailingUpload:
    """The app's storage, except that an upload fails after its first chunk (as a server dropping mid-upload), and
    nothing is stored, as the storage contract promises."""

    def __init__(self, inner: Storage) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    async def put_stream(self, chunks: AsyncIterator[bytes], content_type: str, *, prefix: str = "") -> StoredObject:
        async for _ in chunks:
            raise OSError("connection reset mid-upload")
        raise AssertionError("no chunk was sent")


async def test_a_failure_mid_job_marks_failed_and_stores_nothing(
    app: Starlette, gql: GQL, client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    alice = make_caller()
    await world(app, gql, client, alice, "alice-fail")
    user = await user_of(gql, alice)
    services = app.state.services
    storage: Storage = services.storage
    before = {o.key async for o in storage.objects("exports")}
    export = await AccountExport.create(id=uuid.uuid4(), owner_id=user.id)
    exporter = AccountExporter(
        services.settings,
        FailingUpload(storage),  # type: ignore[arg-type]
        services.publisher,
        app.state.webhooks,
    )

    async with services.bus.subscribe(user_channel(user.id)) as subscription:
        await exporter(export.id)
        event = await asyncio.wait_for(anext(aiter(subscription)), 10)

    failed = await AccountExport.get(id=export.id)
    assert failed.status == ExportStatus.FAILED
    assert failed.storage_key is None
    assert failed.error
    assert "reset" not in failed.error  # the owner is told what failed, not the internals
    assert {o.key async for o in storage.objects("exports")} == before
    assert isinstance(event, dict)
    assert event["status"] == "FAILED"
    answer = (await gql(ONE, {"id": str(export.id)}, caller=alice))["data"]["accountExport"]
    assert answer["status"] == "FAILED"
    assert answer["url"] is None
    # A second delivery of the same job does nothing more.
    await exporter(export.id)
    assert (await AccountExport.get(id=export.id)).status == ExportStatus.FAILED


async def test_an_image_gone_from_storage_is_listed_without_a_file(
    app: Starlette, gql: GQL, client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    alice = make_caller()
    ids = await world(app, gql, client, alice, "alice-gone")
    storage: Storage = app.state.services.storage
    image = await ImageEdit.get(id=ids["image"])
    assert image.image_key is not None
    await storage.delete(image.image_key)

    answer = await export_and_wait(app, gql, alice)
    archive = zipfile.ZipFile(io.BytesIO((await client.get(answer["url"])).content))
    images = {entry["id"]: entry for entry in json.loads(archive.read("images.json"))}
    assert images[ids["image"]]["file"] is None
    with pytest.raises(ObjectNotFound):  # the image is gone
        await storage.get(image.image_key)
    assert datetime.fromisoformat(answer["expiresAt"]) > datetime.now(UTC)


ENDPOINT = """mutation($input: WebhookEndpointCreateInput!) {
  webhookEndpointCreate(input: $input) { endpoint { id } secret userErrors { code message } }
}"""
EXPORT_EVENTS = ["account.export_ready", "account.export_failed"]


async def endpoint_for(gql: GQL, caller: Caller, url: str, events: list[str]) -> tuple[str, str]:
    body = await gql(ENDPOINT, {"input": {"url": url, "events": events}}, caller)
    created = body["data"]["webhookEndpointCreate"]
    assert created["userErrors"] == [], body
    return created["endpoint"]["id"], created["secret"]


async def received(receiver: Receiver, event_type: str) -> list[dict[str, Any]]:
    """The bodies of ``event_type`` the receiver got, once one has come (the outbox's drainer hands it over)."""

    async def one() -> None:
        while not any(f'"{event_type}"'.encode() in r.body for r in receiver.received):
            receiver.arrived.clear()
            await receiver.arrived.wait()

    await asyncio.wait_for(one(), 30)
    return [json.loads(r.body) for r in receiver.received if f'"{event_type}"'.encode() in r.body]


async def test_the_webhook_events_name_the_export_signed_only_to_its_owner(
    app: Starlette, gql: GQL, client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice-export-hook"), make_caller("bob-export-hook")
    async with serving(Receiver(free_port())) as alice_hook, serving(Receiver(free_port())) as bob_hook:
        alice_endpoint, secret = await endpoint_for(gql, alice, alice_hook.url, EXPORT_EVENTS)
        batch_only, _ = await endpoint_for(gql, alice, alice_hook.url, ["batch.succeeded"])
        bob_endpoint, _ = await endpoint_for(gql, bob, bob_hook.url, EXPORT_EVENTS)

        answer = await export_and_wait(app, gql, alice)
        [ready] = await received(alice_hook, "account.export_ready")
        signed = next(r for r in alice_hook.received if b'"account.export_ready"' in r.body)
        assert Webhook(secret).verify(signed.body, signed.headers) == ready  # the official library accepts it
        assert ready["type"] == "account.export_ready"
        assert ready["data"] == {"accountExportId": answer["id"], "status": "READY", "expiresAt": answer["expiresAt"]}
        assert "url" not in json.dumps(ready)  # a link expires; the event names the export, read it for the link

        # A failed export is announced as such, with no expiry.
        user = await user_of(gql, alice)
        services = app.state.services
        export = await AccountExport.create(id=uuid.uuid4(), owner_id=user.id)
        exporter = AccountExporter(
            services.settings,
            FailingUpload(services.storage),  # type: ignore[arg-type]
            services.publisher,
            app.state.webhooks,
        )
        await exporter(export.id)
        [failed] = await received(alice_hook, "account.export_failed")
        assert failed["data"] == {"accountExportId": str(export.id), "status": "FAILED", "expiresAt": None}

    # Only the endpoint subscribed to export events got them; Bob's endpoint never had a delivery recorded.
    assert await WebhookDelivery.filter(endpoint_id=batch_only).count() == 0
    assert await WebhookDelivery.filter(endpoint_id=bob_endpoint).count() == 0
    assert bob_hook.received == []
    assert {d.event_type for d in await WebhookDelivery.filter(endpoint_id=alice_endpoint)} == set(EXPORT_EVENTS)


async def test_the_archive_lists_the_callers_workspaces_and_invitations_but_no_other_member(
    app: Starlette, gql: GQL, client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice-ws-export"), make_caller("bob-ws-export")
    team = (await ok(gql, CREATE, alice, "workspaceCreate", name="Export Studio"))["workspace"]["id"]
    used = await ok(gql, INVITE, alice, "workspaceInvite", id=team, role="EDITOR")
    await ok(gql, ACCEPT, bob, "workspaceInvitationAccept", t=used["token"])
    await ok(gql, INVITE, alice, "workspaceInvite", id=team, role="VIEWER", email="carol@example.com")
    bob_user = await user_of(gql, bob)

    def workspaces_of(download: bytes) -> tuple[dict[str, Any], str]:
        archive = zipfile.ZipFile(io.BytesIO(download))
        text = b"".join(archive.read(name) for name in archive.namelist()).decode("latin-1")
        return json.loads(archive.read("workspaces.json")), text

    answer = await export_and_wait(app, gql, alice)
    mine, text = workspaces_of((await client.get(answer["url"])).content)
    assert sorted((m["name"], m["kind"], m["role"]) for m in mine["memberships"]) == [
        ("Export Studio", "TEAM", "OWNER"),
        ("Personal", "PERSONAL", "OWNER"),
    ]
    assert sorted((i["role"], i["email"], i["accepted_at"] is not None) for i in mine["invitations_sent"]) == [
        ("EDITOR", None, True),
        ("VIEWER", "carol@example.com", False),
    ]
    assert all("token_hash" not in i for i in mine["invitations_sent"])
    for secret in (used["token"], str(bob_user.id), bob.subject):  # no token, and no other member
        assert secret not in text

    answer = await export_and_wait(app, gql, bob)
    his, _ = workspaces_of((await client.get(answer["url"])).content)
    assert sorted((m["name"], m["role"]) for m in his["memberships"]) == [
        ("Export Studio", "EDITOR"),
        ("Personal", "OWNER"),
    ]
    assert his["invitations_sent"] == []
