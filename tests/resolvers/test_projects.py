"""Projects over GraphQL: CRUD, validation, owner scoping, filters and pagination."""

from __future__ import annotations

from typing import Any

from models import ImageEdit, ProcessingStatus, Project, User
from tests.conftest import GQL, Caller, MakeCaller, error_codes
from tests.generation_support import seed_projects
from tests.sql_count import sql_statements

CREATE = """
mutation($input: ProjectCreateInput!) {
  projectCreate(input: $input) {
    project { id name description generationType batchSize processingStatus metadata stylePresets { id } }
    userErrors { field code message }
  }
}"""
UPDATE = """
mutation($id: ID!, $input: ProjectUpdateInput!) {
  projectUpdate(id: $id, input: $input) { project { id name description } userErrors { field code message } }
}"""
DELETE = "mutation($id: ID!) { projectDelete(id: $id) { deletedId userErrors { field code message } } }"
GET = "query($id: ID!) { project(id: $id) { id name description } }"
LIST = """
query($first: Int, $after: String, $filter: ProjectFilter) {
  projects(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { cursor node { id name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}"""


async def create(gql: GQL, caller: Caller, **fields: Any) -> dict[str, Any]:
    body = await gql(CREATE, {"input": {"name": "Project", **fields}}, caller)
    payload: dict[str, Any] = body["data"]["projectCreate"]
    return payload


async def test_create_returns_the_project_with_defaults(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    payload = await create(gql, alice, name="  Cats  ", description="all cats", metadata={"k": [1, 2]})
    assert payload["userErrors"] == []
    project = payload["project"]
    assert project["name"] == "Cats"
    assert project["description"] == "all cats"
    assert project["processingStatus"] == "IDLE"
    assert project["batchSize"] == 1
    assert project["metadata"] == {"k": [1, 2]}
    assert project["stylePresets"] == []
    assert project["generationType"] is None


async def test_invalid_input_is_a_user_error_and_creates_nothing(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    cases = [
        ({"name": ""}, ["input", "name"]),
        ({"name": "   "}, ["input", "name"]),
        ({"name": "x" * 121}, ["input", "name"]),
        ({"description": "d" * 2001}, ["input", "description"]),
        ({"batchSize": 0}, ["input", "batchSize"]),
        ({"metadata": [1, 2]}, ["input", "metadata"]),
    ]
    fields: Any
    for fields, path in cases:
        payload = await create(gql, alice, **fields)
        assert payload["project"] is None
        assert payload["userErrors"][0]["code"] == "INVALID"
        assert payload["userErrors"][0]["field"] == path
    listed = await gql(LIST, {"first": 10}, alice)
    assert listed["data"]["projects"]["totalCount"] == 0


async def test_unknown_enum_value_is_a_validation_error(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    body = await gql(CREATE, {"input": {"name": "a", "generationType": "PAINTING"}}, alice)
    assert body["data"] is None
    assert "PAINTING" in body["errors"][0]["message"]


async def test_update_and_delete(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    project_id = (await create(gql, alice, description="old"))["project"]["id"]
    body = await gql(UPDATE, {"id": project_id, "input": {"name": "Renamed"}}, alice)
    assert body["data"]["projectUpdate"]["project"] == {
        "id": project_id,
        "name": "Renamed",
        "description": "old",
    }

    body = await gql(DELETE, {"id": project_id}, alice)
    assert body["data"]["projectDelete"] == {"deletedId": project_id, "userErrors": []}
    assert (await gql(GET, {"id": project_id}, alice))["data"]["project"] is None
    body = await gql(DELETE, {"id": project_id}, alice)
    assert body["data"]["projectDelete"]["userErrors"][0]["code"] == "NOT_FOUND"


async def test_another_users_project_is_invisible_and_unchangeable(gql: GQL, make_caller: MakeCaller) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    project_id = (await create(gql, alice, name="Alice's", description="private"))["project"]["id"]

    assert (await gql(GET, {"id": project_id}, bob))["data"]["project"] is None
    updated = await gql(UPDATE, {"id": project_id, "input": {"name": "Bob's now"}}, bob)
    assert updated["data"]["projectUpdate"] == {
        "project": None,
        "userErrors": [{"field": ["id"], "code": "NOT_FOUND", "message": "project not found"}],
    }
    deleted = await gql(DELETE, {"id": project_id}, bob)
    assert deleted["data"]["projectDelete"]["deletedId"] is None
    assert deleted["data"]["projectDelete"]["userErrors"][0]["code"] == "NOT_FOUND"
    assert (await gql(LIST, {"first": 10}, bob))["data"]["projects"]["totalCount"] == 0

    unchanged = await gql(GET, {"id": project_id}, alice)
    assert unchanged["data"]["project"] == {"id": project_id, "name": "Alice's", "description": "private"}


async def test_malformed_id_reads_as_not_found(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    assert (await gql(GET, {"id": "not-a-uuid"}, alice))["data"]["project"] is None
    body = await gql(DELETE, {"id": "'; DROP TABLE users; --"}, alice)
    assert body["data"]["projectDelete"]["userErrors"][0]["code"] == "NOT_FOUND"


async def test_pagination_walks_every_project_newest_first(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    names = [f"p{i:02d}" for i in range(7)]
    for name in names:
        await create(gql, alice, name=name)
    seen: list[str] = []
    after = None
    pages = 0
    while True:
        body = await gql(LIST, {"first": 3, "after": after}, alice)
        connection = body["data"]["projects"]
        assert connection["totalCount"] == 7
        seen += [edge["node"]["name"] for edge in connection["edges"]]
        pages += 1
        assert connection["pageInfo"]["hasPreviousPage"] is (after is not None)
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    assert pages == 3
    assert seen == list(reversed(names))


async def test_page_size_and_cursor_are_checked(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    for first in (101, -1):
        body = await gql(LIST, {"first": first}, alice)
        assert body["data"] is None
        assert error_codes(body) == ["BAD_USER_INPUT"]
        assert body["errors"][0]["extensions"]["field"] == ["first"]
    body = await gql(LIST, {"first": 5, "after": "garbage!"}, alice)
    assert error_codes(body) == ["BAD_USER_INPUT"]
    body = await gql(LIST, {"first": 100}, alice)
    assert body["data"]["projects"]["edges"] == []


async def test_filters_by_status_and_text(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    await create(gql, alice, name="Sunset beach", description="")
    await create(gql, alice, name="Portraits", description="studio LIGHTING set")
    failed = (await create(gql, alice, name="Broken"))["project"]["id"]
    await Project.filter(id=failed).update(processing_status=ProcessingStatus.FAILED)

    async def names(filter_: dict[str, Any]) -> list[str]:
        body = await gql(LIST, {"first": 10, "filter": filter_}, alice)
        return sorted(edge["node"]["name"] for edge in body["data"]["projects"]["edges"])

    assert await names({"search": "beach"}) == ["Sunset beach"]
    assert await names({"search": "lighting"}) == ["Portraits"]
    assert await names({"status": "FAILED"}) == ["Broken"]
    assert await names({"status": "IDLE", "search": "o"}) == ["Portraits"]
    assert await names({"search": "%"}) == []


PAGE = """
query($first: Int, $images: Int, $after: String) {
  projects(first: $first) {
    totalCount
    edges {
      node {
        id name
        imageEdits(first: $images, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id projectId prompt } }
        }
        batchJobs(first: 2) { totalCount pageInfo { hasNextPage } edges { node { id projectId creditsHeld } } }
      }
    }
  }
}"""


async def test_a_page_of_projects_with_their_images_runs_a_fixed_number_of_statements(
    gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    for caller in (alice, bob):
        await gql("{ me { id } }", caller=caller)
    owner = await User.get(subject=alice.subject)
    ids = await seed_projects(owner, projects=22, batches=3, images_per_batch=3)
    await seed_projects(await User.get(subject=bob.subject), projects=2, batches=1, images_per_batch=4, name="Bob")

    counts = []
    for first in (5, 20):
        with sql_statements() as statements:
            body = await gql(PAGE, {"first": first, "images": 5}, alice)
        assert "errors" not in body, body
        edges = body["data"]["projects"]["edges"]
        assert len(edges) == first
        assert body["data"]["projects"]["totalCount"] == 22
        for edge in edges:
            project = edge["node"]
            images = project["imageEdits"]
            newest = await ImageEdit.filter(project_id=project["id"]).order_by("-created_at", "-id").limit(5)
            assert [e["node"]["id"] for e in images["edges"]] == [str(e.id) for e in newest]
            assert {e["node"]["projectId"] for e in images["edges"]} == {project["id"]}
            assert images["totalCount"] == 9
            assert images["pageInfo"]["hasNextPage"] is True
            batches = project["batchJobs"]
            assert len(batches["edges"]) == 2
            assert batches["totalCount"] == 3
            assert batches["pageInfo"]["hasNextPage"] is True
            assert {e["node"]["projectId"] for e in batches["edges"]} == {project["id"]}
        counts.append(len(statements))
    # The projects page and its count; the images of every project (one ROW_NUMBER() statement) and their counts;
    # the same two for the batches. The caller comes from the per-token user cache. Never one per project.
    assert counts == [6, 6], "\n".join(statements)
    assert {e["node"]["id"] for e in edges} == {str(i) for i in ids[-20:]}

    # Bob sees only his own projects and images through the same loaders.
    bobs = (await gql(PAGE, {"first": 20, "images": 5}, bob))["data"]["projects"]
    assert bobs["totalCount"] == 2
    assert all(e["node"]["imageEdits"]["totalCount"] == 4 for e in bobs["edges"])
    assert all("Bob" in i["node"]["prompt"] for e in bobs["edges"] for i in e["node"]["imageEdits"]["edges"])


async def test_nested_pages_follow_their_cursor_and_check_their_size(gql: GQL, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    await gql("{ me { id } }", caller=alice)
    await seed_projects(await User.get(subject=alice.subject), projects=2, batches=2, images_per_batch=4)
    first = (await gql(PAGE, {"first": 1, "images": 5}, alice))["data"]["projects"]["edges"][0]["node"]
    cursor = first["imageEdits"]["pageInfo"]["endCursor"]
    rest = (await gql(PAGE, {"first": 1, "images": 5, "after": cursor}, alice))["data"]["projects"]
    images = rest["edges"][0]["node"]["imageEdits"]
    assert len(images["edges"]) == 3
    assert images["pageInfo"]["hasNextPage"] is False
    seen = [e["node"]["id"] for e in first["imageEdits"]["edges"] + images["edges"]]
    expected = await ImageEdit.filter(project_id=first["id"]).order_by("-created_at", "-id")
    assert seen == [str(e.id) for e in expected]

    too_many = await gql(PAGE, {"first": 2, "images": 101}, alice)
    assert set(error_codes(too_many)) == {"BAD_USER_INPUT"}
