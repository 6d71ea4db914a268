"""``GET /public/gallery``: the public feed over plain HTTP, without a token, cacheable (ETag, Cache-Control, 304)."""

from __future__ import annotations

import httpx
from starlette.applications import Starlette

from tests.conftest import GQL, MakeCaller
from tests.resolvers.test_gallery import add, delivered_images
from tests.resolvers.test_gallery_people import LIKE, public_item


async def test_the_public_feed_is_cacheable_and_shows_no_private_data(
    app: Starlette, client: httpx.AsyncClient, gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice", name="Alice Feed"), make_caller("bob")
    tag = f"feed{id(alice)}"
    item = await public_item(app, gql, alice, "a tide pool at noon", "Tide pool")
    await gql(
        "mutation($id: ID!, $t: [String!]) { galleryUpdate(id: $id, input: {tags: $t}) { userErrors { code } } }",
        {"id": item, "t": [tag]},
        alice,
    )
    [private_image, *_] = await delivered_images(app, gql, alice, "a secret draft", count=1)
    await add(gql, alice, private_image, title="Secret draft", tags=[tag])

    first = await client.get("/public/gallery", params={"tag": tag, "first": 10})
    assert first.status_code == 200
    assert first.headers["cache-control"] == "public, max-age=30"
    etag = first.headers["etag"]
    assert etag.startswith('"')
    assert etag.endswith('"')
    page = first.json()
    assert [edge["node"]["id"] for edge in page["edges"]] == [item]
    node = page["edges"][0]["node"]
    assert node["author"] == {"displayName": "Alice Feed"}
    assert node["likeCount"] == 0
    assert "likedByMe" not in node
    # Nothing private: not the private item, not the author's subject, not a signed (expiring) link.
    assert "Secret draft" not in first.text
    assert "secret draft" not in first.text
    assert alice.subject not in first.text
    assert "expires" not in first.text

    # The same tag: 304 with no body; a token sent along changes nothing (the feed is anonymous).
    again = await client.get(
        "/public/gallery", params={"tag": tag, "first": 10}, headers={"If-None-Match": etag, **bob.headers}
    )
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag

    # A like changes the body and so the tag.
    assert (await gql(LIKE, {"id": item}, bob))["data"]["galleryLike"]["userErrors"] == []
    changed = await client.get("/public/gallery", params={"tag": tag, "first": 10}, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["etag"] != etag
    assert changed.json()["edges"][0]["node"]["likeCount"] == 1


async def test_the_public_feed_refuses_bad_parameters_uncached(client: httpx.AsyncClient) -> None:
    for params in ({"first": "1000"}, {"orderBy": "OLDEST"}, {"first": "x"}, {"after": "not-a-cursor"}):
        response = await client.get("/public/gallery", params=params)
        assert response.status_code == 400, params
        assert response.headers["cache-control"] == "no-store"
        assert response.json()["errors"]
