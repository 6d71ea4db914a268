"""The ownership matrix: every query, mutation and subscription of the schema, run by Bob against Alice's objects.

The list of fields comes from the schema itself: a new root field without an entry in ``MATRIX`` fails
``test_every_root_field_has_an_entry``. Each entry is one or more probes: Bob's operation (with Alice's ids where
it takes ids), and what Bob must get back (nothing of Alice's: null, an empty list, ``NOT_FOUND``, ``FORBIDDEN``).
After every probe, everything Alice owns (every owned table, her balance and ledger, her stored files) is exactly as
it was, and no answer Bob got contains any of Alice's names or ids.

Fields that take no id of anyone's (``me``, ``capabilities``, ``projectCreate``, ``imageUpload``...) are probed too:
they must act on Bob's own objects only.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from graphql import GraphQLObjectType
from starlette.applications import Starlette
from tortoise.expressions import Q

from app.schema import create_schema
from models import (
    AccountExport,
    BatchItem,
    CreditLedgerEntry,
    DeliveryStatus,
    ExportStatus,
    GalleryCollectionItem,
    StylePresetVersion,
    User,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WorkspaceInvitation,
    WorkspaceMember,
)
from models.owned import OwnedModel
from services import credits
from services.core.auth import issue_token
from services.core.config import Settings
from services.progress.channels import user_channel
from services.progress.events import AccountExportChanged
from services.progress.publisher import ProgressPublisher
from services.webhooks import signing
from tests.conftest import Caller
from tests.generation_support import GENERATE, upload, wait_until_let_go
from tests.security.support import png, socket, upload_bytes, ws_operation

Answer = dict[str, Any]


@dataclass
class World:
    """Alice's objects (ids and the unique strings that would give them away) and Bob."""

    alice: Caller
    bob: Caller
    ids: dict[str, str] = field(default_factory=dict)
    share_code: str = ""
    public_fork: str = ""
    bob_project: str = ""

    @property
    def markers(self) -> list[str]:
        """Strings that must never appear in an answer to Bob: Alice's ids, names and subject."""
        return [self.alice.subject, self.share_code, *self.ids.values(), *SECRET_NAMES]


@dataclass(frozen=True)
class Probe:
    """One operation Bob runs, and what his answer must be."""

    query: str
    variables: Callable[[World], dict[str, Any]] = lambda w: {}
    expect: Callable[[Answer, World], None] = lambda answer, w: None
    transport: str = "http"  # "http", "ws" (one result), "upload" (multipart)
    # Markers Bob legitimately sees in this answer (the share code is his capability to that one preset).
    allowed: Callable[[World], list[str]] = lambda w: []


def data(answer: Answer, name: str) -> Any:
    assert "errors" not in answer, answer
    return answer["data"][name]


def is_null(name: str) -> Callable[[Answer, World], None]:
    def check(answer: Answer, _: World) -> None:
        assert data(answer, name) is None, answer

    return check


def user_error(name: str, *codes: str) -> Callable[[Answer, World], None]:
    """The mutation answered a userError with one of ``codes`` (NOT_FOUND by default) and nothing else."""
    wanted = codes or ("NOT_FOUND",)

    def check(answer: Answer, _: World) -> None:
        payload = data(answer, name)
        assert [e["code"] for e in payload["userErrors"]][:1] in [[c] for c in wanted], answer
        for key, value in payload.items():
            if key != "userErrors":
                assert value in (None, [], False), f"{key} = {value!r} next to a refusal"

    return check


def graphql_error(*codes: str) -> Callable[[Answer, World], None]:
    def check(answer: Answer, _: World) -> None:
        assert answer.get("data") in (None, {}) or all(v is None for v in answer["data"].values()), answer
        found = [e.get("extensions", {}).get("code") for e in answer["errors"]]
        assert found, answer
        assert all(c in codes for c in found), answer
        assert all(e["message"] != "Unexpected error." for e in answer["errors"])

    return check


def error_reason(reason: str) -> Callable[[Answer, World], None]:
    def check(answer: Answer, _: World) -> None:
        assert answer.get("data") is None, answer
        assert [e["extensions"].get("reason") for e in answer["errors"]] == [reason], answer

    return check


def ws_refused(reason: str) -> Callable[[Answer, World], None]:
    """Over a socket: the subscription's first message is an error with ``reason``, not an event."""

    def check(answer: Answer, _: World) -> None:
        assert answer["type"] in ("error", "next"), answer
        errors = answer["payload"] if answer["type"] == "error" else answer["payload"].get("errors", [])
        assert [e["extensions"].get("reason") for e in errors] == [reason], answer
        assert answer["type"] == "error" or answer["payload"].get("data") is None, answer

    return check


def where(name: str, predicate: Callable[[Any, World], bool]) -> Callable[[Answer, World], None]:
    """Answered without errors, and ``predicate`` holds of the field's value."""

    def check(answer: Answer, w: World) -> None:
        assert predicate(data(answer, name), w), answer

    return check


def ok(name: str) -> Callable[[Answer, World], None]:
    """Answered without errors (what it holds is checked by the marker scan: nothing of Alice's)."""

    def check(answer: Answer, _: World) -> None:
        data(answer, name)

    return check


def payload_ok(name: str) -> Callable[[Answer, World], None]:
    def check(answer: Answer, _: World) -> None:
        assert data(answer, name)["userErrors"] == [], answer

    return check


UE = "userErrors { code field message }"
# The names Alice gives her objects (and her prompt): none may reach Bob.
SECRET_NAMES = [
    "alice-secret project",
    "alice-secret prompt",
    "alice-secret private",
    "alice-secret unlisted",
    "alice-secret item",
    "alice-secret collection",
    "alice-secret key",
    "alice-secret-hook",
    "alice-secret endpoint",
    "alice-secret workspace",
]
IDS = {
    "project": "alice project",
    "batch": "alice batch",
    "image": "alice image",
    "upload": "alice upload",
    "private_preset": "alice private preset",
    "unlisted_preset": "alice unlisted preset",
    "gallery_item": "alice gallery item",
    "collection": "alice collection",
    "webhook_endpoint": "alice webhook endpoint",
    "webhook_delivery": "alice webhook delivery",
    "account_export": "alice account export",
}
# A public address literal: accepted without a DNS lookup; nothing in these tests is ever sent to it.
BOB_HOOK = "https://93.184.215.14/bob-hook"
ENDPOINT = "endpoint { id url } secret"
WORKSPACE = (
    "id name kind role owner { displayName } members(first: 100) { edges { node { id user { displayName } } } } "
    "invitations(first: 100) { edges { node { id } } }"
)


def bob_generate(**fields: Any) -> Callable[[World], dict[str, Any]]:
    def variables(w: World) -> dict[str, Any]:
        values = {key: (w.ids[v] if isinstance(v, str) and v in IDS else v) for key, v in fields.items()}
        return {"input": {"projectId": w.bob_project, "prompt": "x", **values}}

    return variables


def alice(key: str, name: str = "id", **extra: Any) -> Callable[[World], dict[str, Any]]:
    return lambda w: {name: w.ids[key], **extra}


NOW = datetime.now(UTC)
RANGE = {"from": (NOW - timedelta(days=2)).isoformat(), "to": (NOW + timedelta(days=1)).isoformat()}
IMPORTED: dict[str, Any] = {
    "format": "preset-playground.style-preset",
    "formatVersion": 1,
    "preset": {"name": "bob imported"},
}
MATRIX: dict[str, list[Probe]] = {
    # --- queries -----------------------------------------------------------------------------------------------
    "Query.me": [Probe("{ me { id subject email displayName credits creditsHeld } }", expect=ok("me"))],
    "Query.project": [Probe("query($id: ID!) { project(id: $id) { id name } }", alice("project"), is_null("project"))],
    "Query.projects": [
        Probe("{ projects(first: 100) { totalCount edges { node { id name } } } }", expect=ok("projects")),
        Probe(
            'query { projects(first: 100, filter: {search: "alice-secret"}) { totalCount edges { node { id } } } }',
            expect=where("projects", lambda p, w: p["totalCount"] == 0),
        ),
    ],
    "Query.creditTransactions": [
        Probe(
            "{ creditTransactions(first: 100) { edges { node { id amount reference } } } }",
            expect=ok("creditTransactions"),
        )
    ],
    "Query.capabilities": [Probe("{ capabilities { provider modes { mode } } }", expect=ok("capabilities"))],
    "Query.quote": [
        Probe(
            "query($input: GenerateInput!) { quote(input: $input) { totalCredits } }",
            lambda w: {"input": {"projectId": w.ids["project"], "prompt": "x"}},
            error_reason("NOT_FOUND"),
        ),
        Probe(
            "query($input: GenerateInput!) { quote(input: $input) { totalCredits } }",
            bob_generate(presets=[{"presetId": "private_preset"}]),
            error_reason("NOT_FOUND"),
        ),
    ],
    "Query.batchJob": [Probe("query($id: ID!) { batchJob(id: $id) { id } }", alice("batch"), is_null("batchJob"))],
    "Query.batchJobs": [
        Probe(
            "query($p: ID!) { batchJobs(first: 100, filter: {projectId: $p}) { totalCount edges { node { id } } } }",
            alice("project", "p"),
            where("batchJobs", lambda p, w: p["totalCount"] == 0),
        ),
        Probe("{ batchJobs(first: 100) { edges { node { id prompts } } } }", expect=ok("batchJobs")),
    ],
    "Query.imageEdit": [
        Probe("query($id: ID!) { imageEdit(id: $id) { id url } }", alice("image"), is_null("imageEdit"))
    ],
    "Query.uploads": [Probe("{ uploads(first: 100) { edges { node { id url } } } }", expect=ok("uploads"))],
    "Query.stylePreset": [
        Probe("query($id: ID!) { stylePreset(id: $id) { id name } }", alice("private_preset"), is_null("stylePreset")),
        Probe("query($id: ID!) { stylePreset(id: $id) { id name } }", alice("unlisted_preset"), is_null("stylePreset")),
        # Nested edges: Alice's public fork is visible, the private preset it came from is not.
        Probe(
            "query($id: ID!) { stylePreset(id: $id) { id name shareCode forkedFrom { id name } "
            "versions { version name } owner { displayName } } }",
            lambda w: {"id": w.public_fork},
            where("stylePreset", lambda p, w: p["forkedFrom"] is None and p["shareCode"] is None),
            # The fork's own version 1 is the copy Alice made (and published with the fork): its name shows.
            allowed=lambda w: ["alice-secret private"],
        ),
    ],
    "Query.stylePresetByShareCode": [
        # The share code is the capability: Bob may read that preset, but not its code or Alice's other objects.
        Probe(
            "query($c: String!) { stylePresetByShareCode(code: $c) { id name shareCode owner { displayName } } }",
            lambda w: {"c": w.share_code},
            where(
                "stylePresetByShareCode", lambda p, w: p["shareCode"] is None and p["id"] == w.ids["unlisted_preset"]
            ),
            allowed=lambda w: [w.ids["unlisted_preset"], "alice-secret unlisted"],
        ),
        Probe(
            "query($c: String!) { stylePresetByShareCode(code: $c) { id } }",
            lambda w: {"c": w.share_code[::-1]},
            is_null("stylePresetByShareCode"),
        ),
    ],
    "Query.stylePresets": [
        Probe(
            f"{{ stylePresets(scope: {scope}, first: 100) {{ edges {{ node {{ id name }} }} }} }}",
            expect=ok("stylePresets"),
        )
        for scope in ("MINE", "PUBLIC", "BUILT_IN", "VISIBLE")
    ],
    "Query.stylePresetExport": [
        Probe("query($id: ID!) { stylePresetExport(id: $id) }", alice("private_preset"), error_reason("NOT_FOUND"))
    ],
    "Query.gallery": [Probe("{ gallery(first: 100) { edges { node { id title } } } }", expect=ok("gallery"))],
    "Query.galleryItem": [
        Probe("query($id: ID!) { galleryItem(id: $id) { id title } }", alice("gallery_item"), is_null("galleryItem"))
    ],
    "Query.publicGallery": [
        Probe("{ publicGallery(first: 100) { edges { node { id title prompt url } } } }", expect=ok("publicGallery"))
    ],
    "Query.galleryCollections": [
        Probe("{ galleryCollections(first: 100) { edges { node { id name } } } }", expect=ok("galleryCollections"))
    ],
    "Query.galleryCollection": [
        Probe(
            "query($id: ID!) { galleryCollection(id: $id) { id name items { edges { node { id } } } } }",
            alice("collection"),
            is_null("galleryCollection"),
        )
    ],
    "Query.galleryReports": [
        Probe("{ galleryReports(first: 10) { edges { node { reportCount } } } }", expect=graphql_error("FORBIDDEN"))
    ],
    "Query.usageAnalytics": [
        Probe(
            "query($r: DateRangeInput!, $s: Scope!) { usageAnalytics(range: $r, granularity: DAY, groupBy: PROJECT, "
            "scope: $s) { totals { imagesRequested creditsSpent } } }",
            lambda w: {"r": RANGE, "s": "ALL"},
            graphql_error("FORBIDDEN"),
        ),
        Probe(
            "query($r: DateRangeInput!) { usageAnalytics(range: $r, granularity: DAY, groupBy: PROJECT, "
            "scope: MINE) { totals { imagesRequested creditsSpent } } }",
            lambda w: {"r": RANGE},
            where("usageAnalytics", lambda p, w: p["totals"]["imagesRequested"] == 0),
        ),
    ],
    # --- mutations ---------------------------------------------------------------------------------------------
    "Query.apiKeys": [
        Probe(
            "{ apiKeys(first: 100) { totalCount edges { node { id name prefix } } } }",
            expect=ok("apiKeys"),  # Bob's keys at most: Alice's names, ids and prefixes are markers
        )
    ],
    "Mutation.projectCreate": [
        Probe(
            f'mutation {{ projectCreate(input: {{name: "bob-own"}}) {{ project {{ id }} {UE} }} }}',
            expect=payload_ok("projectCreate"),
        )
    ],
    "Mutation.projectUpdate": [
        Probe(
            f'mutation($id: ID!) {{ projectUpdate(id: $id, input: {{name: "pwned"}}) {{ project {{ id }} {UE} }} }}',
            alice("project"),
            user_error("projectUpdate"),
        )
    ],
    "Mutation.projectDelete": [
        Probe(
            f"mutation($id: ID!) {{ projectDelete(id: $id) {{ deletedId {UE} }} }}",
            alice("project"),
            user_error("projectDelete"),
        )
    ],
    "Query.unknownProviderOutcomes": [
        Probe(
            "{ unknownProviderOutcomes(first: 100) { itemId batchJobId ownerId requestId taskId note } }",
            expect=graphql_error("FORBIDDEN"),
        )
    ],
    "Mutation.creditsGrant": [
        Probe(
            "mutation($u: ID!) { creditsGrant(input: {userId: $u, amount: 1000}) { userErrors { code } } }",
            lambda w: {"u": w.ids["alice_user"]},
            graphql_error("FORBIDDEN"),
        )
    ],
    "Mutation.generate": [
        Probe(GENERATE, lambda w: {"input": {"projectId": w.ids["project"], "prompt": "x"}}, user_error("generate")),
        Probe(
            GENERATE,
            bob_generate(mode="EDIT", references=[{"uploadId": "upload"}]),
            user_error("generate"),
        ),
        Probe(GENERATE, bob_generate(presets=[{"presetId": "private_preset"}]), user_error("generate")),
        Probe(GENERATE, bob_generate(stylePresetId="unlisted_preset"), user_error("generate")),
        Probe(GENERATE, bob_generate(remixOfImageId="image"), user_error("generate")),
        Probe(GENERATE, bob_generate(remixOfGalleryItemId="gallery_item"), user_error("generate")),
    ],
    "Mutation.batchJobCancel": [
        Probe(
            f"mutation($id: ID!) {{ batchJobCancel(id: $id) {{ batchJob {{ id }} {UE} }} }}",
            alice("batch"),
            user_error("batchJobCancel"),
        )
    ],
    "Mutation.batchJobRetry": [
        Probe(
            f"mutation($id: ID!) {{ batchJobRetry(id: $id, onlyFailed: false) {{ batchJob {{ id }} {UE} }} }}",
            alice("batch"),
            user_error("batchJobRetry"),
        )
    ],
    "Mutation.imageUpload": [Probe("", transport="upload", expect=payload_ok("imageUpload"))],
    "Mutation.imageEditDelete": [
        Probe(
            f"mutation($id: ID!) {{ imageEditDelete(id: $id) {{ deletedId {UE} }} }}",
            alice("image"),
            user_error("imageEditDelete"),
        )
    ],
    "Mutation.uploadDelete": [
        Probe(
            f"mutation($id: ID!) {{ uploadDelete(id: $id) {{ deletedId {UE} }} }}",
            alice("upload"),
            user_error("uploadDelete"),
        )
    ],
    "Mutation.stylePresetCreate": [
        Probe(
            f'mutation($r: [ID!]) {{ stylePresetCreate(input: {{name: "bob preset", referenceImages: $r}}) '
            f"{{ stylePreset {{ id }} {UE} }} }}",
            lambda w: {"r": [w.ids["upload"]]},
            user_error("stylePresetCreate", "NOT_FOUND", "INVALID"),
        )
    ],
    "Mutation.stylePresetUpdate": [
        Probe(
            f'mutation($id: ID!) {{ stylePresetUpdate(id: $id, input: {{name: "pwned"}}) '
            f"{{ stylePreset {{ id }} {UE} }} }}",
            alice(key),
            user_error("stylePresetUpdate"),
        )
        for key in ("private_preset", "unlisted_preset")
    ],
    "Mutation.stylePresetDelete": [
        Probe(
            f"mutation($id: ID!) {{ stylePresetDelete(id: $id) {{ deletedId {UE} }} }}",
            alice(key),
            user_error("stylePresetDelete"),
        )
        for key in ("private_preset", "unlisted_preset")
    ],
    "Mutation.stylePresetShare": [
        Probe(
            f"mutation($id: ID!) {{ stylePresetShare(id: $id, visibility: PUBLIC) {{ stylePreset {{ id }} {UE} }} }}",
            alice(key),
            user_error("stylePresetShare"),
        )
        for key in ("private_preset", "unlisted_preset")
    ],
    "Mutation.stylePresetFork": [
        Probe(
            f"mutation($id: ID) {{ stylePresetFork(id: $id) {{ stylePreset {{ id }} {UE} }} }}",
            alice(key),
            user_error("stylePresetFork"),
        )
        for key in ("private_preset", "unlisted_preset")
    ],
    "Mutation.stylePresetImport": [
        Probe(
            f"mutation($d: JSON!) {{ stylePresetImport(document: $d) {{ stylePreset {{ id name }} {UE} }} }}",
            lambda w: {"d": IMPORTED},
            payload_ok("stylePresetImport"),
        ),
        # A document naming Alice's upload as a reference image must not make it Bob's.
        Probe(
            f"mutation($d: JSON!) {{ stylePresetImport(document: $d) {{ stylePreset {{ id name }} {UE} }} }}",
            lambda w: {"d": {**IMPORTED, "preset": {"name": "bob steals", "referenceImages": [w.ids["upload"]]}}},
            user_error("stylePresetImport", "NOT_FOUND", "INVALID"),
        ),
    ],
    "Mutation.stylePresetPreview": [
        Probe(
            f"mutation($id: ID!) {{ stylePresetPreview(id: $id) {{ batchJob {{ id }} {UE} }} }}",
            alice(key),
            user_error("stylePresetPreview"),
        )
        for key in ("private_preset", "unlisted_preset")
    ],
    "Mutation.galleryAdd": [
        Probe(
            f"mutation($i: ID!) {{ galleryAdd(input: {{imageEditId: $i}}) {{ galleryItem {{ id }} {UE} }} }}",
            alice("image", "i"),
            user_error("galleryAdd"),
        )
    ],
    "Mutation.galleryUpdate": [
        Probe(
            f'mutation($id: ID!) {{ galleryUpdate(id: $id, input: {{visibility: PUBLIC, title: "pwned"}}) '
            f"{{ galleryItem {{ id }} {UE} }} }}",
            alice("gallery_item"),
            user_error("galleryUpdate"),
        )
    ],
    # Alice's item is private: liking, unliking or reporting it reads as not found; only administrators hide.
    "Mutation.galleryLike": [
        Probe(
            f"mutation($id: ID!) {{ galleryLike(id: $id) {{ item {{ id likeCount }} {UE} }} }}",
            alice("gallery_item"),
            user_error("galleryLike"),
        )
    ],
    "Mutation.galleryUnlike": [
        Probe(
            f"mutation($id: ID!) {{ galleryUnlike(id: $id) {{ item {{ id }} {UE} }} }}",
            alice("gallery_item"),
            user_error("galleryUnlike"),
        )
    ],
    "Mutation.galleryReport": [
        Probe(
            f'mutation($id: ID!) {{ galleryReport(id: $id, reason: "x") {{ item {{ id }} {UE} }} }}',
            alice("gallery_item"),
            user_error("galleryReport"),
        )
    ],
    "Mutation.galleryItemHide": [
        Probe(
            f"mutation($id: ID!) {{ galleryItemHide(id: $id) {{ item {{ id }} {UE} }} }}",
            alice("gallery_item"),
            graphql_error("FORBIDDEN"),
        )
    ],
    "Mutation.galleryCollectionCreate": [
        Probe(
            f'mutation {{ galleryCollectionCreate(input: {{name: "bob board"}}) {{ collection {{ id }} {UE} }} }}',
            expect=payload_ok("galleryCollectionCreate"),
        )
    ],
    "Mutation.galleryCollectionUpdate": [
        Probe(
            f'mutation($id: ID!) {{ galleryCollectionUpdate(id: $id, input: {{name: "pwned"}}) '
            f"{{ collection {{ id name }} {UE} }} }}",
            alice("collection"),
            user_error("galleryCollectionUpdate"),
        )
    ],
    "Mutation.galleryCollectionDelete": [
        Probe(
            f"mutation($id: ID!) {{ galleryCollectionDelete(id: $id) {{ removedId {UE} }} }}",
            alice("collection"),
            user_error("galleryCollectionDelete"),
        )
    ],
    "Mutation.galleryCollectionAddItems": [
        Probe(
            f"mutation($id: ID!, $items: [ID!]!) {{ galleryCollectionAddItems(id: $id, itemIds: $items) "
            f"{{ collection {{ id }} {UE} }} }}",
            lambda w: {"id": w.ids["collection"], "items": [w.ids["gallery_item"]]},
            user_error("galleryCollectionAddItems"),
        )
    ],
    "Mutation.galleryCollectionRemoveItems": [
        Probe(
            f"mutation($id: ID!, $items: [ID!]!) {{ galleryCollectionRemoveItems(id: $id, itemIds: $items) "
            f"{{ collection {{ id }} {UE} }} }}",
            lambda w: {"id": w.ids["collection"], "items": [w.ids["gallery_item"]]},
            user_error("galleryCollectionRemoveItems"),
        )
    ],
    "Mutation.galleryRemove": [
        Probe(
            f"mutation($id: ID!) {{ galleryRemove(id: $id) {{ removedId {UE} }} }}",
            alice("gallery_item"),
            user_error("galleryRemove"),
        )
    ],
    "Mutation.apiKeyCreate": [
        Probe(
            'mutation { apiKeyCreate(input: {name: "bob key", scopes: [READ]}) '
            f"{{ apiKey {{ id name }} key {UE} }} }}",
            expect=payload_ok("apiKeyCreate"),
        )
    ],
    "Mutation.apiKeyRevoke": [
        Probe(
            f"mutation($id: ID!) {{ apiKeyRevoke(id: $id) {{ apiKey {{ id }} {UE} }} }}",
            alice("api_key"),
            user_error("apiKeyRevoke"),
        )
    ],
    # Bob can only ever delete his own data; a wrong confirmation deletes nothing (Alice's world is checked after).
    "Mutation.meDelete": [
        Probe(f'mutation {{ meDelete(confirm: "no") {{ deleted {UE} }} }}', expect=user_error("meDelete", "INVALID"))
    ],
    # Bob exports his own data only (his archive is checked for Alice's markers by the export tests; here his
    # answer is scanned like every other).
    "Mutation.meExport": [
        Probe(f"mutation {{ meExport {{ accountExport {{ id status }} {UE} }} }}", expect=payload_ok("meExport"))
    ],
    "Query.accountExports": [
        Probe(
            "{ accountExports { id status url } }",
            expect=where("accountExports", lambda p, w: w.ids["account_export"] not in [e["id"] for e in p]),
        )
    ],
    "Query.accountExport": [
        Probe(
            "query($id: ID!) { accountExport(id: $id) { id url } }", alice("account_export"), is_null("accountExport")
        )
    ],
    "Query.webhookEndpoints": [
        Probe(
            "{ webhookEndpoints(first: 100) { edges { node { id url description } } } }", expect=ok("webhookEndpoints")
        )
    ],
    "Query.webhookDeliveries": [
        Probe(
            "query($id: ID!) { webhookDeliveries(endpointId: $id) { edges { node { id payload } } } }",
            alice("webhook_endpoint"),
            is_null("webhookDeliveries"),
        )
    ],
    "Mutation.webhookEndpointCreate": [
        # Bob's own endpoint (an event that never fires here: nothing is ever sent).
        Probe(
            f'mutation($u: String!) {{ webhookEndpointCreate(input: {{url: $u, events: ["credits.balance_low"]}}) '
            f"{{ {ENDPOINT} {UE} }} }}",
            lambda w: {"u": BOB_HOOK},
            payload_ok("webhookEndpointCreate"),
        )
    ],
    "Mutation.webhookEndpointUpdate": [
        Probe(
            f'mutation($id: ID!) {{ webhookEndpointUpdate(id: $id, input: {{url: "{BOB_HOOK}", enabled: false}}) '
            f"{{ endpoint {{ id }} {UE} }} }}",
            alice("webhook_endpoint"),
            user_error("webhookEndpointUpdate"),
        )
    ],
    "Mutation.webhookEndpointDelete": [
        Probe(
            f"mutation($id: ID!) {{ webhookEndpointDelete(id: $id) {{ deletedId {UE} }} }}",
            alice("webhook_endpoint"),
            user_error("webhookEndpointDelete"),
        )
    ],
    "Mutation.webhookEndpointRotateSecret": [
        Probe(
            f"mutation($id: ID!) {{ webhookEndpointRotateSecret(id: $id) {{ {ENDPOINT} {UE} }} }}",
            alice("webhook_endpoint"),
            user_error("webhookEndpointRotateSecret"),
        )
    ],
    "Mutation.webhookEndpointTest": [
        Probe(
            f"mutation($id: ID!) {{ webhookEndpointTest(id: $id) {{ delivery {{ id }} {UE} }} }}",
            alice("webhook_endpoint"),
            user_error("webhookEndpointTest"),
        )
    ],
    "Mutation.webhookRedeliver": [
        Probe(
            f"mutation($id: ID!) {{ webhookRedeliver(deliveryId: $id) {{ delivery {{ id payload }} {UE} }} }}",
            alice("webhook_delivery"),
            user_error("webhookRedeliver"),
        )
    ],
    # --- subscriptions (over a real WebSocket) -----------------------------------------------------------------
    "Subscription.batchProgress": [
        Probe(
            "subscription($id: ID!) { batchProgress(batchJobId: $id) { seq status } }",
            alice("batch"),
            ws_refused("NOT_FOUND"),
            transport="ws",
        )
    ],
    # myEvents takes no id: test_my_events_carry_only_the_callers_events proves Alice's events never reach Bob.
    "Subscription.myEvents": [],
    # --- workspaces (Alice's team workspace, her personal one, her membership and her open invitation) ---------
    "Query.workspace": [
        Probe(f"query($id: ID!) {{ workspace(id: $id) {{ {WORKSPACE} }} }}", alice(key), is_null("workspace"))
        for key in ("workspace", "personal_workspace")
    ],
    "Query.workspaces": [
        Probe(
            f"{{ workspaces(first: 100) {{ totalCount edges {{ node {{ {WORKSPACE} }} }} }} }}",
            expect=where("workspaces", lambda p, w: p["totalCount"] == 1),  # Bob's personal workspace only
        )
    ],
    "Mutation.workspaceCreate": [
        Probe(
            f'mutation {{ workspaceCreate(input: {{name: "bob team"}}) {{ workspace {{ {WORKSPACE} }} {UE} }} }}',
            expect=payload_ok("workspaceCreate"),
        )
    ],
    "Mutation.workspaceRename": [
        Probe(
            f'mutation($id: ID!) {{ workspaceRename(id: $id, input: {{name: "bob"}}) {{ workspace {{ id }} {UE} }} }}',
            alice(key),
            user_error("workspaceRename"),
        )
        for key in ("workspace", "personal_workspace")
    ],
    "Mutation.workspaceDelete": [
        Probe(
            f"mutation($id: ID!) {{ workspaceDelete(id: $id) {{ workspaceId {UE} }} }}",
            alice(key),
            user_error("workspaceDelete"),
        )
        for key in ("workspace", "personal_workspace")
    ],
    "Mutation.workspaceTransfer": [
        Probe(
            f"mutation($id: ID!, $m: ID!) {{ workspaceTransfer(id: $id, memberId: $m) {{ workspace {{ id }} {UE} }} }}",
            lambda w: {"id": w.ids["workspace"], "m": w.ids["workspace_member"]},
            user_error("workspaceTransfer"),
        )
    ],
    "Mutation.workspaceInvite": [
        Probe(
            "mutation($id: ID!) { workspaceInvite(id: $id, input: {role: VIEWER}) "
            f"{{ token invitation {{ id }} {UE} }} }}",
            alice(key),
            user_error("workspaceInvite"),
        )
        for key in ("workspace", "personal_workspace")
    ],
    "Mutation.workspaceInvitationRevoke": [
        Probe(
            f"mutation($id: ID!) {{ workspaceInvitationRevoke(id: $id) {{ invitation {{ id status }} {UE} }} }}",
            alice("workspace_invitation"),
            user_error("workspaceInvitationRevoke"),
        )
    ],
    "Mutation.workspaceInvitationAccept": [
        Probe(
            f"mutation($t: String!) {{ workspaceInvitationAccept(token: $t) {{ workspace {{ id }} {UE} }} }}",
            lambda w: {"t": "pwi_" + uuid.uuid4().hex},
            user_error("workspaceInvitationAccept"),
        )
    ],
    "Mutation.workspaceMemberRoleChange": [
        Probe(
            f"mutation($id: ID!) {{ workspaceMemberRoleChange(id: $id, role: VIEWER) {{ member {{ id }} {UE} }} }}",
            alice("workspace_member"),
            user_error("workspaceMemberRoleChange"),
        )
    ],
    "Mutation.workspaceMemberRemove": [
        Probe(
            f"mutation($id: ID!) {{ workspaceMemberRemove(id: $id) {{ removedMemberId {UE} }} }}",
            alice("workspace_member"),
            user_error("workspaceMemberRemove"),
        )
    ],
    "Mutation.workspaceLeave": [
        Probe(
            f"mutation($id: ID!) {{ workspaceLeave(id: $id) {{ workspaceId {UE} }} }}",
            alice(key),
            user_error("workspaceLeave"),
        )
        for key in ("workspace", "personal_workspace")
    ],
}


def root_fields() -> set[str]:
    schema = create_schema(Settings())._schema
    roots: list[GraphQLObjectType | None] = [schema.query_type, schema.mutation_type, schema.subscription_type]
    return {f"{root.name}.{name}" for root in roots if root is not None for name in root.fields}


def test_every_root_field_has_an_entry() -> None:
    fields = root_fields()
    missing = sorted(fields - MATRIX.keys())
    stale = sorted(MATRIX.keys() - fields)
    assert not missing, f"add ownership probes for {missing}"
    assert not stale, f"these entries name no field of the schema: {stale}"
    # Every field but myEvents (proven by its own test below) has at least one probe.
    assert [name for name, probes in MATRIX.items() if not probes] == ["Subscription.myEvents"]


# --- Alice's world -----------------------------------------------------------------------------------------------


async def _gql(client: httpx.AsyncClient, caller: Caller, query: str, variables: dict[str, Any] | None = None) -> Any:
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers=caller.headers
    )
    assert response.status_code in (200, 429), response.text
    return response.json()


@pytest.fixture(scope="module")
async def world(app: Starlette, settings: Settings) -> AsyncIterator[World]:
    suffix = uuid.uuid4().hex[:8]
    w = World(
        alice=Caller(f"alice-{suffix}", issue_token(settings, f"alice-{suffix}", name="Alice")),
        bob=Caller(f"bob-{suffix}", issue_token(settings, f"bob-{suffix}", name="Bob")),
    )
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:

        async def run(caller: Caller, query: str, **variables: Any) -> Any:
            body = await _gql(client, caller, query, variables)
            assert "errors" not in body, body
            return body["data"]

        project = await run(
            w.alice, 'mutation { projectCreate(input: {name: "alice-secret project"}) { project { id } } }'
        )
        w.ids["project"] = project["projectCreate"]["project"]["id"]
        w.ids["alice_user"] = (await run(w.alice, "{ me { id } }"))["me"]["id"]
        w.ids["upload"] = await upload(client, w.alice)
        created = await run(w.alice, GENERATE, input={"projectId": w.ids["project"], "prompt": "alice-secret prompt"})
        batch = created["generate"]["batchJob"]
        w.ids["batch"], w.ids["image"] = batch["id"], batch["images"][0]["id"]
        await wait_until_let_go(app, w.ids["batch"])
        create = "mutation($n: String!) { stylePresetCreate(input: {name: $n}) { stylePreset { id } } }"
        private = await run(w.alice, create, n="alice-secret private")
        w.ids["private_preset"] = private["stylePresetCreate"]["stylePreset"]["id"]
        unlisted = await run(w.alice, create, n="alice-secret unlisted")
        w.ids["unlisted_preset"] = unlisted["stylePresetCreate"]["stylePreset"]["id"]
        shared = await run(
            w.alice,
            "mutation($id: ID!) { stylePresetShare(id: $id, visibility: UNLISTED) { stylePreset { shareCode } } }",
            id=w.ids["unlisted_preset"],
        )
        w.share_code = shared["stylePresetShare"]["stylePreset"]["shareCode"]
        # A public fork of the private preset: readable by Bob, but its edges must not lead to the private one.
        fork = await run(
            w.alice,
            "mutation($id: ID) { stylePresetFork(id: $id) { stylePreset { id } } }",
            id=w.ids["private_preset"],
        )
        w.public_fork = fork["stylePresetFork"]["stylePreset"]["id"]
        await run(
            w.alice,
            'mutation($id: ID!) { stylePresetUpdate(id: $id, input: {name: "alice public fork"}) '
            "{ stylePreset { id } } }",
            id=w.public_fork,
        )
        await run(
            w.alice,
            "mutation($id: ID!) { stylePresetShare(id: $id, visibility: PUBLIC) { stylePreset { id } } }",
            id=w.public_fork,
        )
        added = await run(
            w.alice,
            'mutation($i: ID!) { galleryAdd(input: {imageEditId: $i, title: "alice-secret item"}) '
            "{ galleryItem { id } } }",
            i=w.ids["image"],
        )
        w.ids["gallery_item"] = added["galleryAdd"]["galleryItem"]["id"]
        board = await run(
            w.alice,
            'mutation { galleryCollectionCreate(input: {name: "alice-secret collection"}) { collection { id } } }',
        )
        w.ids["collection"] = board["galleryCollectionCreate"]["collection"]["id"]
        await run(
            w.alice,
            "mutation($id: ID!, $items: [ID!]!) { galleryCollectionAddItems(id: $id, itemIds: $items) "
            "{ collection { id } } }",
            id=w.ids["collection"],
            items=[w.ids["gallery_item"]],
        )
        key = await run(
            w.alice,
            'mutation { apiKeyCreate(input: {name: "alice-secret key", scopes: [READ, GENERATE]}) '
            "{ apiKey { id prefix } key } }",
        )
        w.ids["api_key"] = key["apiKeyCreate"]["apiKey"]["id"]
        w.ids["api_key_prefix"] = key["apiKeyCreate"]["apiKey"]["prefix"]
        # Alice's webhook endpoint and one delivery, written directly: nothing is ever sent to its address.
        alice_user = await User.get(subject=w.alice.subject)
        endpoint = await WebhookEndpoint.create(
            id=uuid.uuid4(),
            owner_id=alice_user.id,
            url="https://93.184.215.14/alice-secret-hook",
            description="alice-secret endpoint",
            events=["batch.succeeded"],
            secret=signing.new_secret(),
        )
        w.ids["webhook_endpoint"] = str(endpoint.id)
        delivery = await WebhookDelivery.create(
            id=uuid.uuid4(),
            endpoint_id=endpoint.id,
            owner_id=alice_user.id,
            event_id="evt_alice",
            event_type="batch.succeeded",
            payload={"type": "batch.succeeded", "data": {"batchJobId": w.ids["batch"]}},
            status=DeliveryStatus.FAILED,
        )
        w.ids["webhook_delivery"] = str(delivery.id)
        # Alice's account export, built before any probe runs (its row must not move under the snapshots).
        async with app.state.services.bus.subscribe(user_channel(alice_user.id)) as events:
            exported = await run(w.alice, "mutation { meExport { accountExport { id } } }")
            w.ids["account_export"] = exported["meExport"]["accountExport"]["id"]

            async def ready() -> None:
                async for item in events:
                    if isinstance(item, dict) and item.get("account_export_id") == w.ids["account_export"]:
                        assert item["status"] == "READY", item
                        return

            await asyncio.wait_for(ready(), 60)
        team = await run(
            w.alice,
            'mutation { workspaceCreate(input: {name: "alice-secret workspace"}) { workspace { id '
            "members(first: 1) { edges { node { id } } } } } }",
        )
        w.ids["workspace"] = team["workspaceCreate"]["workspace"]["id"]
        w.ids["workspace_member"] = team["workspaceCreate"]["workspace"]["members"]["edges"][0]["node"]["id"]
        invited = await run(
            w.alice,
            "mutation($id: ID!) { workspaceInvite(id: $id, input: {role: EDITOR}) { invitation { id } } }",
            id=w.ids["workspace"],
        )
        w.ids["workspace_invitation"] = invited["workspaceInvite"]["invitation"]["id"]
        mine = await run(w.alice, "{ workspaces(first: 10) { edges { node { id kind } } } }")
        w.ids["personal_workspace"] = next(
            e["node"]["id"] for e in mine["workspaces"]["edges"] if e["node"]["kind"] == "PERSONAL"
        )
        bob_project = await run(w.bob, 'mutation { projectCreate(input: {name: "bob project"}) { project { id } } }')
        w.bob_project = bob_project["projectCreate"]["project"]["id"]
        yield w


async def snapshot(app: Starlette, subject: str) -> dict[str, Any]:
    """Everything ``subject`` owns, row by row, and which of their stored files exist."""
    user = await User.get(subject=subject)
    state: dict[str, Any] = {"user": await User.filter(id=user.id).values()}
    for model in OwnedModel.__subclasses__():
        if not model._meta.abstract:
            state[model.__name__] = await model.filter(owner_id=user.id).order_by("id").values()
    state["ledger"] = await CreditLedgerEntry.filter(user_id=user.id).order_by("id").values()
    state["webhook_deliveries"] = await WebhookDelivery.filter(owner_id=user.id).order_by("id").values()
    deliveries = [row["id"] for row in state["webhook_deliveries"]]
    state["webhook_attempts"] = await WebhookAttempt.filter(delivery_id__in=deliveries).order_by("id").values()
    batches = [row["id"] for row in state.get("BatchJob", [])]
    state["items"] = await BatchItem.filter(batch_job_id__in=batches).order_by("id").values()
    boards = [row["id"] for row in state.get("GalleryCollection", [])]
    state["collection_items"] = await GalleryCollectionItem.filter(collection_id__in=boards).order_by("id").values()
    presets = [row["id"] for row in state.get("StylePreset", [])]
    state["versions"] = await StylePresetVersion.filter(preset_id__in=presets).order_by("id").values()
    workspaces = [row["id"] for row in state.get("Workspace", [])]
    state["workspace_members"] = (
        await WorkspaceMember.filter(Q(user_id=user.id) | Q(workspace_id__in=workspaces)).order_by("id").values()
    )
    state["workspace_invitations"] = (
        await WorkspaceInvitation.filter(workspace_id__in=workspaces).order_by("id").values()
    )
    storage = app.state.services.storage
    keys = [row["storage_key"] for rows in state.values() for row in rows if row.get("storage_key")]
    state["files"] = {key: len(await storage.get(key)) for key in keys}
    return state


async def ask(app: Starlette, live_url: str, w: World, probe: Probe) -> Answer:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        if probe.transport == "upload":
            response = await upload_bytes(client, w.bob, png())
            answer: Answer = response.json()
            return answer
        if probe.transport == "ws":
            async with socket(live_url, w.bob) as ws:
                message: Answer = await asyncio.wait_for(ws_operation(ws, "1", probe.query, probe.variables(w)), 30)
                return message
        body: Answer = await _gql(client, w.bob, probe.query, probe.variables(w))
        return body


PROBES = [(name, index) for name, probes in MATRIX.items() for index in range(len(probes))]


@pytest.mark.parametrize(("name", "index"), PROBES, ids=[f"{n}[{i}]" for n, i in PROBES])
async def test_bob_cannot_see_or_change_alices_objects(
    app: Starlette, live_url: str, world: World, name: str, index: int
) -> None:
    probe = MATRIX[name][index]
    before = await snapshot(app, world.alice.subject)
    answer = await ask(app, live_url, world, probe)
    probe.expect(answer, world)
    text = json.dumps(answer)
    allowed = set(probe.allowed(world))
    leaked = [marker for marker in world.markers if marker and marker not in allowed and marker in text]
    assert not leaked, f"{name}: Bob's answer contains Alice's {leaked}: {text}"
    assert await snapshot(app, world.alice.subject) == before, f"{name} changed Alice's objects"


async def test_my_events_carry_only_the_callers_events(app: Starlette, live_url: str, world: World) -> None:
    publisher: ProgressPublisher = app.state.services.publisher
    alice_user = await User.get(subject=world.alice.subject)
    bob_user = await User.get(subject=world.bob.subject)
    query = "subscription { myEvents { __typename ... on CreditBalanceEvent { balance } "
    query += "... on BatchProgressEvent { batchJobId } ... on AccountExportEvent { accountExportId } } }"
    async with socket(live_url, world.bob) as ws:
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))

        async def first_event() -> Answer:
            message: Answer = json.loads(await ws.recv())
            return message

        # The subscription is live once one of Bob's own events arrives (no sleeping: publish until it does). Each
        # try is a balance Bob was not told yet: the publisher leaves out a balance equal to the last one it sent,
        # so re-sending the same one would never arrive once the first was published before Bob's subscription.
        tries = 0
        while True:
            tries += 1
            await publisher.balance(bob_user.id, credits.Balance(balance=1000 + tries, held=0))
            try:
                await asyncio.wait_for(first_event(), 0.5)
                break
            except TimeoutError:
                continue
        # Alice's events go first; everything Bob receives up to the next balance of his must be his own (balances
        # of the tries above may still be on their way).
        await publisher.changed(uuid.UUID(world.ids["batch"]))
        await publisher.balance(alice_user.id)
        await publisher.account_export(
            AccountExportChanged(
                user_id=alice_user.id,
                account_export_id=uuid.UUID(world.ids["account_export"]),
                status=ExportStatus.READY,
                at=datetime.now(UTC),
            )
        )
        await publisher.balance(bob_user.id, credits.Balance(balance=21, held=0))
        received = [await asyncio.wait_for(first_event(), 10)]
        while received[-1]["payload"]["data"]["myEvents"].get("balance") != 21:
            received.append(await asyncio.wait_for(first_event(), 10))
        # Bob's own export (the meExport probe) may end meanwhile: its event is his; nothing of Alice's may come.
        bobs = {str(e.id) for e in await AccountExport.filter(owner_id=bob_user.id)}
        for message in received:
            event = message["payload"]["data"]["myEvents"]
            assert event["__typename"] in {"CreditBalanceEvent", "AccountExportEvent"}, message
            if event["__typename"] == "AccountExportEvent":
                assert event["accountExportId"] in bobs, message
        assert world.ids["batch"] not in json.dumps(received)
        assert world.ids["account_export"] not in json.dumps(received)
