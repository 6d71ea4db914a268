"""Collections of gallery items (boards): CRUD, an item in several, add/remove idempotent, pages, owner only."""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette

from models import GalleryCollection, GalleryCollectionItem, GalleryItem
from tests.conftest import GQL, Caller, MakeCaller
from tests.resolvers.test_gallery import add, delivered_images

CREATE = """mutation($input: GalleryCollectionInput!) {
  galleryCollectionCreate(input: $input) { collection { id name description itemCount } userErrors { field code } }
}"""
UPDATE = """mutation($id: ID!, $input: GalleryCollectionUpdateInput!) {
  galleryCollectionUpdate(id: $id, input: $input) { collection { id name description } userErrors { field code } }
}"""
DELETE = "mutation($id: ID!) { galleryCollectionDelete(id: $id) { removedId userErrors { code } } }"
ADD_ITEMS = """mutation($id: ID!, $items: [ID!]!) {
  galleryCollectionAddItems(id: $id, itemIds: $items) { collection { id itemCount } userErrors { field code } }
}"""
REMOVE_ITEMS = """mutation($id: ID!, $items: [ID!]!) {
  galleryCollectionRemoveItems(id: $id, itemIds: $items) { collection { id itemCount } userErrors { field code } }
}"""
ONE = """query($id: ID!, $first: Int, $after: String) { galleryCollection(id: $id) {
  name itemCount
  items(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } }
} }"""
LIST = """query($first: Int, $after: String) { galleryCollections(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id name } }
} }"""
ITEM = "query($id: ID!) { galleryItem(id: $id) { id collections { name } } }"
FILTERED = "query($c: ID!) { gallery(first: 100, filter: {collectionId: $c}) { edges { node { id } } } }"


async def create(gql: GQL, caller: Caller, name: str, **fields: Any) -> dict[str, Any]:
    body = await gql(CREATE, {"input": {"name": name, **fields}}, caller)
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["galleryCollectionCreate"]
    return payload


async def test_collections_hold_items_several_times_over_and_page(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    images = await delivered_images(app, gql, alice, "three owls", count=3)
    items = [(await add(gql, alice, image))["galleryItem"]["id"] for image in images]
    made = await create(gql, alice, "  Owls   at night ", description="for the zine")
    assert made["userErrors"] == []
    owls = made["collection"]
    assert (owls["name"], owls["description"], owls["itemCount"]) == ("Owls at night", "for the zine", 0)
    picks = (await create(gql, alice, "Picks"))["collection"]["id"]
    duplicate = await create(gql, alice, "Picks")
    assert duplicate == {"collection": None, "userErrors": [{"field": ["input", "name"], "code": "CONFLICT"}]}

    added = (await gql(ADD_ITEMS, {"id": owls["id"], "items": items}, alice))["data"]["galleryCollectionAddItems"]
    assert (added["userErrors"], added["collection"]["itemCount"]) == ([], 3)
    again = (await gql(ADD_ITEMS, {"id": owls["id"], "items": items[:1]}, alice))["data"]
    assert again["galleryCollectionAddItems"]["collection"]["itemCount"] == 3  # adding again changes nothing
    await gql(ADD_ITEMS, {"id": picks, "items": [items[0]]}, alice)
    item = (await gql(ITEM, {"id": items[0]}, alice))["data"]["galleryItem"]
    assert sorted(c["name"] for c in item["collections"]) == ["Owls at night", "Picks"]

    # Its items in pages of two, and the gallery filtered by it.
    first = (await gql(ONE, {"id": owls["id"], "first": 2}, alice))["data"]["galleryCollection"]["items"]
    assert (first["totalCount"], first["pageInfo"]["hasNextPage"], len(first["edges"])) == (3, True, 2)
    rest = (await gql(ONE, {"id": owls["id"], "first": 2, "after": first["pageInfo"]["endCursor"]}, alice))["data"]
    seen = [e["node"]["id"] for e in first["edges"] + rest["galleryCollection"]["items"]["edges"]]
    assert sorted(seen) == sorted(items)
    filtered = (await gql(FILTERED, {"c": picks}, alice))["data"]["gallery"]["edges"]
    assert [e["node"]["id"] for e in filtered] == [items[0]]
    listed = (await gql(LIST, {"first": 1}, alice))["data"]["galleryCollections"]
    assert (listed["totalCount"], listed["pageInfo"]["hasNextPage"]) == (2, True)

    removed = (await gql(REMOVE_ITEMS, {"id": owls["id"], "items": items[1:]}, alice))["data"]
    assert removed["galleryCollectionRemoveItems"]["collection"]["itemCount"] == 1
    renamed = (await gql(UPDATE, {"id": owls["id"], "input": {"name": "Owl"}}, alice))["data"]
    assert renamed["galleryCollectionUpdate"]["collection"]["name"] == "Owl"
    clash = (await gql(UPDATE, {"id": owls["id"], "input": {"name": "Picks"}}, alice))["data"]
    assert clash["galleryCollectionUpdate"]["userErrors"] == [{"field": ["input", "name"], "code": "CONFLICT"}]

    # Deleting a collection keeps its items in the gallery; deleting an item takes it out of every collection.
    assert (await gql(DELETE, {"id": owls["id"]}, alice))["data"]["galleryCollectionDelete"]["userErrors"] == []
    assert await GalleryItem.filter(id__in=items).count() == 3
    await gql("mutation($id: ID!) { galleryRemove(id: $id) { removedId } }", {"id": items[0]}, alice)
    assert await GalleryCollectionItem.filter(item_id=items[0]).count() == 0


async def test_collections_are_their_owners_only(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    [alice_image] = await delivered_images(app, gql, alice, "alice's heron", count=1)
    [bob_image] = await delivered_images(app, gql, bob, "bob's heron", count=1)
    alice_item = (await add(gql, alice, alice_image))["galleryItem"]["id"]
    bob_item = (await add(gql, bob, bob_image))["galleryItem"]["id"]
    alice_board = (await create(gql, alice, "Herons"))["collection"]["id"]
    bob_board = (await create(gql, bob, "Herons"))["collection"]["id"]  # the same name, another owner: fine
    await gql(ADD_ITEMS, {"id": alice_board, "items": [alice_item]}, alice)
    before = await GalleryCollectionItem.all().count(), await GalleryCollection.filter(id=alice_board).values()

    # Bob cannot read, change or fill Alice's collection, nor put Alice's item in his own.
    assert (await gql(ONE, {"id": alice_board}, bob))["data"]["galleryCollection"] is None
    assert (await gql(FILTERED, {"c": alice_board}, bob))["data"]["gallery"]["edges"] == []
    for query, variables, field in (
        (UPDATE, {"id": alice_board, "input": {"name": "mine"}}, "galleryCollectionUpdate"),
        (DELETE, {"id": alice_board}, "galleryCollectionDelete"),
        (ADD_ITEMS, {"id": alice_board, "items": [bob_item]}, "galleryCollectionAddItems"),
        (REMOVE_ITEMS, {"id": alice_board, "items": [alice_item]}, "galleryCollectionRemoveItems"),
    ):
        answer = (await gql(query, variables, bob))["data"][field]
        assert [e["code"] for e in answer["userErrors"]] == ["NOT_FOUND"], field
    stolen = (await gql(ADD_ITEMS, {"id": bob_board, "items": [bob_item, alice_item]}, bob))["data"]
    assert stolen["galleryCollectionAddItems"]["userErrors"] == [{"field": ["itemIds", "1"], "code": "NOT_FOUND"}]
    after = await GalleryCollectionItem.all().count(), await GalleryCollection.filter(id=alice_board).values()
    assert after == before  # nothing changed, not even Bob's own collection (the call was refused whole)
    names = (await gql(LIST, {"first": 10}, bob))["data"]["galleryCollections"]["edges"]
    assert [n["node"]["id"] for n in names] == [bob_board]
