"""The public gallery for people: read without a token, likes from several users, TRENDING, reports and
administrators hiding reported items."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from starlette.applications import Starlette

from models import GalleryItem, GalleryLike, Role
from services.gallery import trending
from tests.conftest import GQL, Caller, MakeCaller
from tests.resolvers.test_gallery import add, delivered_images

FEED = """query($order: PublicGalleryOrder, $first: Int, $after: String, $filter: PublicGalleryFilter) {
  publicGallery(orderBy: $order, first: $first, after: $after, filter: $filter) {
    pageInfo { hasNextPage endCursor }
    edges { node { id title prompt likeCount likedByMe author { displayName } } }
  }
}"""
PUBLISH = """mutation($id: ID!) {
  galleryUpdate(id: $id, input: {visibility: PUBLIC}) { galleryItem { id } userErrors { code } }
}"""
LIKE = "mutation($id: ID!) { galleryLike(id: $id) { item { id likeCount likedByMe } userErrors { code reason } } }"
UNLIKE = "mutation($id: ID!) { galleryUnlike(id: $id) { item { id likeCount likedByMe } userErrors { code } } }"
REPORT = """mutation($id: ID!, $reason: String) {
  galleryReport(id: $id, reason: $reason) { item { id } userErrors { field code reason } }
}"""
HIDE = "mutation($id: ID!, $h: Boolean!) { galleryItemHide(id: $id, hidden: $h) { item { id } userErrors { code } } }"
REPORTS = """query { galleryReports(first: 20) {
  edges { node { item { id } reportCount hidden reports { reason } } }
} }"""
MINE = "query($id: ID!) { galleryItem(id: $id) { id likeCount hidden } }"


async def public_item(app: Starlette, gql: GQL, caller: Caller, prompt: str, title: str) -> str:
    [image, *_] = await delivered_images(app, gql, caller, prompt, count=1)
    item: str = (await add(gql, caller, image, title=title))["galleryItem"]["id"]
    assert (await gql(PUBLISH, {"id": item}, caller))["data"]["galleryUpdate"]["userErrors"] == []
    return item


def nodes(body: dict[str, Any]) -> list[dict[str, Any]]:
    assert "errors" not in body, body
    return [edge["node"] for edge in body["data"]["publicGallery"]["edges"]]


async def test_the_public_feed_reads_without_a_token_and_shows_no_private_data(
    app: Starlette, client: httpx.AsyncClient, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice", name="Alice")
    item = await public_item(app, gql, alice, "a lighthouse at dusk", "Lighthouse")
    [private_image, *_] = await delivered_images(app, gql, alice, "a private sketch", count=1)
    await add(gql, alice, private_image, title="Private")

    anonymous = await client.post("/graphql", json={"query": FEED, "variables": {"first": 100}})
    assert anonymous.status_code == 200
    seen = {node["id"]: node for node in nodes(anonymous.json())}
    assert seen[item]["author"] == {"displayName": "Alice"}
    assert seen[item]["likedByMe"] is False
    assert "Private" not in anonymous.text
    assert alice.subject not in anonymous.text
    # A token that is sent must be valid: no silent anonymous read.
    bad = await client.post("/graphql", json={"query": FEED}, headers={"Authorization": "Bearer not-a-token"})
    assert bad.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    # Everything else still needs a token.
    mine = await client.post("/graphql", json={"query": "{ gallery(first: 1) { totalCount } }"})
    assert mine.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_likes_one_per_user_with_counts(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    alice, bob, carol = make_caller("alice"), make_caller("bob"), make_caller("carol")
    item = await public_item(app, gql, alice, "a red kite", "Kite")
    for caller in (bob, carol, bob):  # bob twice: still one like of his
        payload = (await gql(LIKE, {"id": item}, caller))["data"]["galleryLike"]
        assert payload["userErrors"] == []
        assert payload["item"]["likedByMe"] is True
    assert await GalleryLike.filter(item_id=item).count() == 2
    as_bob = {n["id"]: n for n in nodes(await gql(FEED, {"first": 100}, bob))}
    as_alice = {n["id"]: n for n in nodes(await gql(FEED, {"first": 100}, alice))}
    assert (as_bob[item]["likeCount"], as_bob[item]["likedByMe"]) == (2, True)
    assert (as_alice[item]["likeCount"], as_alice[item]["likedByMe"]) == (2, False)

    unliked = (await gql(UNLIKE, {"id": item}, bob))["data"]["galleryUnlike"]["item"]
    assert (unliked["likeCount"], unliked["likedByMe"]) == (1, False)
    again = (await gql(UNLIKE, {"id": item}, bob))["data"]["galleryUnlike"]["item"]
    assert again["likeCount"] == 1
    assert (await gql(MINE, {"id": item}, alice))["data"]["galleryItem"]["likeCount"] == 1

    # A private item cannot be liked: it reads as not found, and nothing is written.
    [image, *_] = await delivered_images(app, gql, alice, "hidden", count=1)
    private = (await add(gql, alice, image))["galleryItem"]["id"]
    refused = (await gql(LIKE, {"id": private}, bob))["data"]["galleryLike"]
    assert refused == {"item": None, "userErrors": [{"code": "NOT_FOUND", "reason": "NOT_FOUND"}]}
    assert await GalleryLike.filter(item_id=private).count() == 0


def test_the_trending_score_decays_with_age() -> None:
    now = datetime(2026, 12, 5, 12, tzinfo=UTC)
    fresh_few = trending.score(3, now - timedelta(hours=1), now)
    old_many = trending.score(30, now - timedelta(days=5), now)
    assert fresh_few > old_many
    assert trending.score(10, now - timedelta(hours=1), now) > trending.score(10, now - timedelta(hours=10), now)
    assert trending.score(0, now, now) == 0


async def test_trending_orders_by_likes_decaying_with_age_and_pages(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    likers = [make_caller(f"liker{n}") for n in range(4)]
    tag = f"t{id(alice)}"
    old = await public_item(app, gql, alice, "old favourite", "Old")
    new = await public_item(app, gql, alice, "new thing", "New")
    quiet = await public_item(app, gql, alice, "quiet one", "Quiet")
    for item in (old, new, quiet):
        await gql(
            "mutation($id: ID!, $t: [String!]) { galleryUpdate(id: $id, input: {tags: $t}) { userErrors { code } } }",
            {"id": item, "t": [tag]},
            alice,
        )
    for caller in likers:
        await gql(LIKE, {"id": old}, caller)
    for caller in likers[:2]:
        await gql(LIKE, {"id": new}, caller)
    # The old item was added three days ago: four likes then weigh less than two likes now.
    await GalleryItem.filter(id=old).update(created_at=datetime.now(UTC) - timedelta(days=3))

    wanted = {"order": "TRENDING", "filter": {"tags": [tag]}}
    first = await gql(FEED, {**wanted, "first": 2}, alice)
    assert [n["id"] for n in nodes(first)] == [new, old]
    info = first["data"]["publicGallery"]["pageInfo"]
    assert info["hasNextPage"] is True
    rest = await gql(FEED, {**wanted, "first": 2, "after": info["endCursor"]}, alice)
    assert [n["id"] for n in nodes(rest)] == [quiet]
    newest = await gql(FEED, {"order": "NEWEST", "filter": {"tags": [tag]}, "first": 10}, alice)
    assert [n["id"] for n in nodes(newest)] == [quiet, new, old]
    forged = await gql(FEED, {**wanted, "first": 2, "after": "dA"}, alice)
    assert forged["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_reports_and_administrators_hiding_reported_items(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob, carol = make_caller("alice"), make_caller("bob"), make_caller("carol")
    admin = make_caller("admin", role=Role.ADMIN)
    item = await public_item(app, gql, alice, "something", "Reported")

    own = (await gql(REPORT, {"id": item}, alice))["data"]["galleryReport"]["userErrors"]
    assert own == [{"field": ["id"], "code": "INVALID", "reason": "INVALID"}]
    assert (await gql(REPORT, {"id": item, "reason": "spam"}, bob))["data"]["galleryReport"]["userErrors"] == []
    twice = (await gql(REPORT, {"id": item, "reason": "spam"}, bob))["data"]["galleryReport"]["userErrors"]
    assert [e["code"] for e in twice] == ["CONFLICT"]
    bad = (await gql(REPORT, {"id": item, "reason": "x" * 600}, carol))["data"]["galleryReport"]["userErrors"]
    assert bad == [{"field": ["reason"], "code": "INVALID", "reason": "TOO_LONG"}]
    assert (await gql(REPORT, {"id": item}, carol))["data"]["galleryReport"]["userErrors"] == []

    # Only administrators see reports and hide items.
    assert (await gql(REPORTS, caller=bob))["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await gql(HIDE, {"id": item, "h": True}, bob))["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    reported = [e["node"] for e in (await gql(REPORTS, caller=admin))["data"]["galleryReports"]["edges"]]
    mine = next(r for r in reported if r["item"]["id"] == item)
    assert (mine["reportCount"], mine["hidden"], [r["reason"] for r in mine["reports"]]) == (2, False, ["spam", ""])

    assert (await gql(HIDE, {"id": item, "h": True}, admin))["data"]["galleryItemHide"]["userErrors"] == []
    assert item not in {n["id"] for n in nodes(await gql(FEED, {"first": 100}, carol))}
    assert [e["code"] for e in (await gql(LIKE, {"id": item}, carol))["data"]["galleryLike"]["userErrors"]] == [
        "NOT_FOUND"
    ]
    assert (await gql(MINE, {"id": item}, alice))["data"]["galleryItem"]["hidden"] is True
    await gql(HIDE, {"id": item, "h": False}, admin)
    assert item in {n["id"] for n in nodes(await gql(FEED, {"first": 100}, carol))}
