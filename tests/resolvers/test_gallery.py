"""The gallery over GraphQL: curating, filtering and searching, the public gallery, scoping, and no N+1."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.applications import Starlette

from models import BatchJob, EditStatus, GalleryItem, GenerationMode, ImageEdit, Project, User
from tests.conftest import GQL, Caller, MakeCaller
from tests.generation_support import generate, new_project, wait_until_ended
from tests.sql_count import sql_statements

ITEM_FIELDS = """
  id title tags favorite visibility presetId
  image { id url prompt status }
  project { id name }
  presets { presetId version weight intensity }
"""
ADD = f"""
mutation($input: GalleryAddInput!) {{
  galleryAdd(input: $input) {{ galleryItem {{ {ITEM_FIELDS} }} userErrors {{ field code message }} }}
}}"""
UPDATE = f"""
mutation($id: ID!, $input: GalleryUpdateInput!) {{
  galleryUpdate(id: $id, input: $input) {{ galleryItem {{ {ITEM_FIELDS} }} userErrors {{ field code message }} }}
}}"""
REMOVE = "mutation($id: ID!) { galleryRemove(id: $id) { removedId userErrors { field code message } } }"
GALLERY = f"""
query($filter: GalleryFilter, $orderBy: GalleryOrder, $first: Int, $after: String) {{
  gallery(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {{
    totalCount pageInfo {{ hasNextPage endCursor }} edges {{ node {{ {ITEM_FIELDS} }} }}
  }}
}}"""
PUBLIC = """
query($filter: PublicGalleryFilter, $first: Int, $after: String) {
  publicGallery(filter: $filter, first: $first, after: $after) {
    edges { node { id title tags mode prompt url width height author { displayName } createdAt } }
  }
}"""


async def delivered_images(app: Starlette, gql: GQL, caller: Caller, prompt: str, count: int = 2) -> list[str]:
    """Ids of ``count`` delivered images of a new set in a new project."""
    project = await new_project(gql, caller)
    payload = await generate(
        gql, caller, projectId=project, mode="SEQUENTIAL", prompt=prompt, maxImages=count, size="1024x1024"
    )
    await wait_until_ended(app, payload["batchJob"]["id"])
    return [str(i) for i in await ImageEdit.filter(batch_job_id=payload["batchJob"]["id"]).values_list("id", flat=True)]


async def add(gql: GQL, caller: Caller, image_id: str, **fields: Any) -> dict[str, Any]:
    body = await gql(ADD, {"input": {"imageEditId": image_id, **fields}}, caller)
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["galleryAdd"]
    return payload


async def test_add_update_remove_own_items(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    first, second = await delivered_images(app, gql, alice, "two foxes")
    added = await add(gql, alice, first, title="  Red fox ", tags=["Fox", "fox", " snow  day "])
    assert added["userErrors"] == []
    item = added["galleryItem"]
    assert (item["title"], item["tags"], item["favorite"], item["visibility"]) == (
        "Red fox",
        ["fox", "snow day"],
        False,
        "PRIVATE",
    )
    assert item["image"]["id"] == first
    assert item["project"]["name"] == "Shoot"
    assert item["presets"] == []

    again = await add(gql, alice, first)
    assert again["userErrors"][0]["code"] == "CONFLICT"
    assert again["userErrors"][0]["field"] == ["input", "imageEditId"]
    too_long = await add(gql, alice, second, title="x" * 201)
    assert too_long["userErrors"][0]["field"] == ["input", "title"]
    assert await GalleryItem.filter(image_edit_id=second).count() == 0

    body = await gql(UPDATE, {"id": item["id"], "input": {"favorite": True, "visibility": "PUBLIC", "tags": []}}, alice)
    changed = body["data"]["galleryUpdate"]["galleryItem"]
    assert (changed["title"], changed["tags"], changed["favorite"], changed["visibility"]) == (
        "Red fox",
        [],
        True,
        "PUBLIC",
    )
    removed = await gql(REMOVE, {"id": item["id"]}, alice)
    assert removed["data"]["galleryRemove"] == {"removedId": item["id"], "userErrors": []}
    assert await GalleryItem.filter(id=item["id"]).count() == 0
    assert await ImageEdit.filter(id=first).count() == 1  # the image itself stays


async def test_undelivered_images_cannot_be_added(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    payload = await generate(gql, alice, projectId=project, mode="TEXT_TO_IMAGE", prompt="no [[fail:policy]]")
    await wait_until_ended(app, payload["batchJob"]["id"])
    failed = await ImageEdit.get(batch_job_id=payload["batchJob"]["id"])
    assert failed.status is EditStatus.FAILED
    refused = await add(gql, alice, str(failed.id))
    assert refused["userErrors"] == [
        {
            "field": ["input", "imageEditId"],
            "code": "INVALID",
            "message": "only delivered images can be added to the gallery",
        }
    ]
    assert await GalleryItem.filter(image_edit_id=failed.id).count() == 0


async def test_another_users_items_and_images_read_as_not_found_and_stay_unchanged(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    (image, _) = await delivered_images(app, gql, alice, "private garden")
    item = (await add(gql, alice, image, title="Mine", tags=["garden"]))["galleryItem"]
    before = await GalleryItem.get(id=item["id"])

    stolen = await add(gql, bob, image)
    assert stolen["userErrors"][0]["code"] == "NOT_FOUND"
    assert await GalleryItem.filter(image_edit_id=image).count() == 1
    update = await gql(UPDATE, {"id": item["id"], "input": {"title": "Bob's", "visibility": "PUBLIC"}}, bob)
    assert update["data"]["galleryUpdate"]["userErrors"][0]["code"] == "NOT_FOUND"
    remove = await gql(REMOVE, {"id": item["id"]}, bob)
    assert remove["data"]["galleryRemove"]["userErrors"][0]["code"] == "NOT_FOUND"
    after = await GalleryItem.get(id=item["id"])
    assert (after.title, after.tags, after.is_public, after.updated_at) == (
        before.title,
        before.tags,
        before.is_public,
        before.updated_at,
    )
    read = await gql("query($id: ID!) { galleryItem(id: $id) { id } }", {"id": item["id"]}, bob)
    assert read["data"]["galleryItem"] is None
    assert (await gql(GALLERY, {}, bob))["data"]["gallery"]["totalCount"] == 0
    assert (await gql("query($id: ID!) { galleryItem(id: $id) { id } }", {"id": "nope"}, alice))["data"][
        "galleryItem"
    ] is None


async def test_public_gallery_shows_alices_public_item_to_bob_and_nothing_private(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice", email="alice@example.com", name="Alice A.")
    bob = make_caller("bob")
    shown, hidden = await delivered_images(app, gql, alice, "harbour at dawn")
    public = (await add(gql, alice, shown, title="Harbour", tags=["sea"]))["galleryItem"]
    await gql(UPDATE, {"id": public["id"], "input": {"visibility": "PUBLIC"}}, alice)
    await add(gql, alice, hidden, title="Secret")

    body = await gql(PUBLIC, {"filter": {"search": "harbour"}}, bob)
    nodes = [edge["node"] for edge in body["data"]["publicGallery"]["edges"]]
    assert [n["id"] for n in nodes] == [public["id"]]
    node = nodes[0]
    image = await ImageEdit.get(id=shown)
    assert node == {
        "id": public["id"],
        "title": "Harbour",
        "tags": ["sea"],
        "mode": "SEQUENTIAL",
        "prompt": "harbour at dawn",
        "url": app.state.services.storage.link(image.image_key, public=True),  # stable: the same on every read
        "width": image.width,
        "height": image.height,
        "author": {"displayName": "Alice A."},
        "createdAt": node["createdAt"],
    }
    assert "alice@example.com" not in str(body)

    # Field by field: the public item and its author expose exactly these, nothing that leads to private data.
    introspect = """{
      item: __type(name: "PublicGalleryItem") { fields { name } }
      author: __type(name: "PublicUser") { fields { name } }
    }"""
    types = (await gql(introspect, caller=bob))["data"]
    assert {f["name"] for f in types["item"]["fields"]} == {
        "id",
        "title",
        "tags",
        "mode",
        "prompt",
        "url",
        "width",
        "height",
        "author",
        "createdAt",
        "likeCount",
        "likedByMe",
        "remix",  # the parameters another user may reuse: no uploads, only presets the reader can read
    }
    assert {f["name"] for f in types["author"]["fields"]} == {"displayName"}
    # Alice's private item is nowhere in the public gallery.
    everything = await gql(PUBLIC, {"first": 100}, bob)
    assert hidden not in str(everything)
    refused = await gql('{ publicGallery(filter: {search: "x"}, first: 101) { edges { node { id } } } }', caller=bob)
    assert refused["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_filters_search_and_favorites_first_pages(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    images = await delivered_images(app, gql, alice, "mountain lake", count=4)
    others = await delivered_images(app, gql, alice, "city street", count=2)
    items = []
    for index, image in enumerate(images):
        tags = ["nature", "blue"] if index % 2 else ["nature"]
        items.append((await add(gql, alice, image, title=f"Lake {index}", tags=tags))["galleryItem"]["id"])
    street = [(await add(gql, alice, image, title="Street"))["galleryItem"]["id"] for image in others]
    await gql(UPDATE, {"id": items[0], "input": {"favorite": True}}, alice)
    await gql(UPDATE, {"id": street[0], "input": {"favorite": True}}, alice)

    async def ids(**variables: Any) -> list[str]:
        body = await gql(GALLERY, variables, alice)
        assert "errors" not in body, body
        return [edge["node"]["id"] for edge in body["data"]["gallery"]["edges"]]

    assert set(await ids(filter={"search": "mountain"})) == set(items)
    assert set(await ids(filter={"search": "lake 3"})) == {items[3]}
    assert set(await ids(filter={"search": "street"})) == set(street)
    assert set(await ids(filter={"tags": ["nature", "BLUE"]})) == {items[1], items[3]}
    assert set(await ids(filter={"favorite": True})) == {items[0], street[0]}
    assert await ids(filter={"search": "volcano"}) == []
    project_of_street = str((await GalleryItem.get(id=street[0])).project_id)
    assert set(await ids(filter={"projectId": project_of_street})) == set(street)
    assert await ids(filter={"projectId": "not-an-id"}) == []
    assert set(await ids(filter={"mode": "SEQUENTIAL", "createdAfter": "2000-01-01T00:00:00Z"})) == {*items, *street}
    assert await ids(filter={"createdBefore": "2000-01-01T00:00:00Z"}) == []

    # Favourites first, newest first within each, across pages of two.
    newest_first = await ids(first=100)
    expected = [i for i in newest_first if i in (items[0], street[0])] + [
        i for i in newest_first if i not in (items[0], street[0])
    ]
    seen: list[str] = []
    after = None
    while True:
        body = await gql(GALLERY, {"orderBy": "FAVORITES_FIRST", "first": 2, "after": after}, alice)
        page = body["data"]["gallery"]
        seen += [edge["node"]["id"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == expected
    bad = await gql(GALLERY, {"after": "garbage"}, alice)
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def seed_gallery(owner: User, count: int) -> None:
    """``count`` delivered images in one project, every one in the gallery (written directly: a fixture)."""
    project = await Project.create(id=uuid.uuid4(), owner_id=owner.id, name="Archive")
    batch = await BatchJob.create(
        id=uuid.uuid4(),
        owner_id=owner.id,
        project_id=project.id,
        mode=GenerationMode.TEXT_TO_IMAGE,
        width=1024,
        height=1024,
        total_images=count,
        parameters={"presets": [{"presetId": str(uuid.uuid4()), "version": 2, "weight": 1.0, "intensity": 0.5}]},
    )
    start = datetime.now(UTC) - timedelta(days=30)
    edits, items = [], []
    for index in range(count):
        prompt = f"{'red' if index % 2 else 'green'} fox number {index}"
        edit = ImageEdit(
            id=uuid.uuid4(),
            owner_id=owner.id,
            project_id=project.id,
            batch_job_id=batch.id,
            batch_index=index,
            mode=GenerationMode.TEXT_TO_IMAGE,
            prompt=prompt,
            size="1024x1024",
            status=EditStatus.SUCCEEDED,
            image_key=f"outputs/x/{index}.png",
            image_url=f"/media/outputs/x/{index}.png",
        )
        edits.append(edit)
        items.append(
            GalleryItem(
                id=uuid.uuid4(),
                owner_id=owner.id,
                image_edit_id=edit.id,
                project_id=project.id,
                mode=GenerationMode.TEXT_TO_IMAGE,
                prompt=prompt,
                title=f"Fox {index}",
                tags=["fox"],
                tags_text="|fox|",
                search_text=f"Fox {index} {prompt} fox",
                is_favorite=index % 7 == 0,
                created_at=start + timedelta(seconds=index),
            )
        )
    await ImageEdit.bulk_create(edits, batch_size=1000)
    await GalleryItem.bulk_create(items, batch_size=1000)


async def test_a_page_of_50_of_10000_runs_a_fixed_number_of_statements(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    await gql("{ me { id } }", caller=alice)
    owner = await User.get(subject=alice.subject)
    await seed_gallery(owner, 10_000)
    variables: dict[str, Any] = {"filter": {"search": "red fox", "tags": ["fox"], "mode": "TEXT_TO_IMAGE"}}

    counts = []
    cursor = None
    for first in (5, 50, 50):
        with sql_statements() as statements:
            body = await gql(GALLERY, {**variables, "first": first, "after": cursor}, alice)
        assert "errors" not in body, body
        page = body["data"]["gallery"]
        assert len(page["edges"]) == first
        assert page["totalCount"] == 5_000
        assert all("red fox" in edge["node"]["image"]["prompt"] for edge in page["edges"])
        assert all(edge["node"]["presets"][0]["version"] == 2 for edge in page["edges"])
        assert all(edge["node"]["project"]["name"] == "Archive" for edge in page["edges"])
        cursor = page["pageInfo"]["endCursor"]
        counts.append(len(statements))
    # The page (items joined with images and projects), the batches of the presets, the total count; the caller comes
    # from the per-token user cache (the first request above read it).
    assert counts == [3, 3, 3]
