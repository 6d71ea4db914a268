"""Persisted queries over HTTP: Apollo's automatic persisted queries protocol (POST and GET) and trusted documents.

The hash-only path must answer the same bytes as the text path; an unknown hash the body Apollo's and urql's
clients look for; a hash that is not the text's a 400; and with ``GRAPHQL_TRUSTED_DOCUMENTS_ONLY`` nothing but
the manifest's documents runs.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from websockets.asyncio.client import ClientConnection, connect

from app.api import create_app, persisted_documents
from models import Project
from services.core.config import Settings
from services.infra.documents import document_hash
from tests.conftest import TEST_SECRET, MakeCaller

NOT_FOUND = b'{"errors":[{"message":"PersistedQueryNotFound","extensions":{"code":"PERSISTED_QUERY_NOT_FOUND"}}]}'

PROJECTS = """query PersistedProjects($first: Int!) {
  projects(first: $first) { totalCount edges { node { id name description } } }
}"""
CAPABILITIES = "query PersistedCapabilities { capabilities { provider } }"
CREATE = 'mutation PersistedCreate { projectCreate(input: {name: "via-persisted-get"}) { project { id } } }'


def unique(text: str) -> str:
    """The same operation with a fresh comment: a hash no earlier test (nor another process) registered."""
    return f"# {uuid.uuid4().hex}\n{text}"


def persisted(text: str) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": document_hash(text)}}


def get_params(extensions: dict[str, Any], variables: dict[str, Any] | None = None, **extra: str) -> dict[str, str]:
    """What Apollo's link sends with ``useGETForHashedQueries``: JSON in the query string."""
    params = {"extensions": json.dumps(extensions), **extra}
    if variables is not None:
        params["variables"] = json.dumps(variables)
    return params


class ApolloPersistedLink:
    """What ``@apollo/client/link/persisted-queries`` does, over httpx: the hash alone first (GET for queries when
    ``use_get``), and on ``PersistedQueryNotFound`` the hash with the text, over POST."""

    def __init__(self, client: httpx.AsyncClient, headers: dict[str, str], *, use_get: bool = False) -> None:
        self.client = client
        self.headers = headers
        self.use_get = use_get
        self.sent: list[tuple[str, bool]] = []
        """(method, text included) per request."""

    async def execute(self, query: str, variables: dict[str, Any] | None = None) -> httpx.Response:
        extensions = persisted(query)
        if self.use_get:
            response = await self.client.get("/graphql", params=get_params(extensions, variables), headers=self.headers)
            self.sent.append(("GET", False))
        else:
            body = {"variables": variables or {}, "extensions": extensions}
            response = await self.client.post("/graphql", json=body, headers=self.headers)
            self.sent.append(("POST", False))
        errors = response.json().get("errors") or []
        not_found = any(
            error.get("message") == "PersistedQueryNotFound"
            or error.get("extensions", {}).get("code") == "PERSISTED_QUERY_NOT_FOUND"
            for error in errors
        )
        if not not_found:
            return response
        retry: dict[str, Any] = {"query": query, "variables": variables or {}, "extensions": extensions}
        self.sent.append(("POST", True))
        return await self.client.post("/graphql", json=retry, headers=self.headers)


async def test_apollo_round_trip_not_found_register_then_hash_only(
    client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    alice = make_caller("apq")
    await client.post(
        "/graphql",
        json={"query": 'mutation { projectCreate(input: {name: "apq"}) { project { id } } }'},
        headers=alice.headers,
    )
    query = unique(PROJECTS)
    variables = {"first": 5}

    miss = await client.post(
        "/graphql", json={"variables": variables, "extensions": persisted(query)}, headers=alice.headers
    )
    assert miss.status_code == 200
    assert miss.content == NOT_FOUND

    register = await client.post(
        "/graphql",
        json={"query": query, "variables": variables, "extensions": persisted(query)},
        headers=alice.headers,
    )
    assert register.status_code == 200
    assert register.json()["data"]["projects"]["edges"][0]["node"]["name"] == "apq"

    hit = await client.post(
        "/graphql", json={"variables": variables, "extensions": persisted(query)}, headers=alice.headers
    )
    text = await client.post("/graphql", json={"query": query, "variables": variables}, headers=alice.headers)
    assert hit.status_code == text.status_code == 200
    assert hit.content == register.content == text.content
    assert hit.headers["content-type"] == text.headers["content-type"]


async def test_hash_only_over_get_runs_the_registered_query(client: httpx.AsyncClient, make_caller: MakeCaller) -> None:
    bob = make_caller("apq-get")
    query = unique(PROJECTS)
    variables = {"first": 3}

    miss = await client.get("/graphql", params=get_params(persisted(query), variables), headers=bob.headers)
    assert miss.status_code == 200
    assert miss.content == NOT_FOUND

    # Registration may come over GET too (hash and text in the query string).
    registered = await client.get(
        "/graphql", params=get_params(persisted(query), variables, query=query), headers=bob.headers
    )
    assert registered.status_code == 200, registered.text

    hit = await client.get(
        "/graphql",
        params=get_params(persisted(query), variables),
        headers={**bob.headers, "Accept": "text/html,*/*"},  # a browser's Accept: still an operation, not the IDE
    )
    text = await client.post("/graphql", json={"query": query, "variables": variables}, headers=bob.headers)
    assert hit.status_code == 200
    assert hit.content == registered.content == text.content


async def test_a_public_read_over_get_is_cacheable_and_a_callers_is_not(
    client: httpx.AsyncClient, make_caller: MakeCaller, settings: Settings
) -> None:
    query = unique(CAPABILITIES)
    params = get_params(persisted(query))
    miss = await client.get("/graphql", params=params)
    # The client follows a miss with the text: a cache must not keep the miss.
    assert miss.content == NOT_FOUND
    assert miss.headers["cache-control"] == "no-store"
    await client.post("/graphql", json={"query": query, "extensions": persisted(query)})

    anonymous = await client.get("/graphql", params=params)
    assert anonymous.status_code == 200
    assert anonymous.headers["cache-control"] == f"public, max-age={settings.graphql_get_max_age_seconds}"
    assert "authorization" in anonymous.headers["vary"].lower()

    erin = make_caller("apq-cache")
    signed_in = await client.get("/graphql", params=params, headers=erin.headers)
    assert signed_in.content == anonymous.content
    assert signed_in.headers["cache-control"] == "private, no-store"
    assert "authorization" in signed_in.headers["vary"].lower()

    # POST answers are not touched.
    posted = await client.post("/graphql", json={"extensions": persisted(query)})
    assert posted.content == anonymous.content
    assert "cache-control" not in posted.headers


async def test_a_get_answer_with_errors_or_a_refusal_is_never_stored(
    client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    frank = make_caller("apq-errors")
    query = unique(PROJECTS)
    variables = {"first": 2}
    await client.post(
        "/graphql", json={"query": query, "variables": variables, "extensions": persisted(query)}, headers=frank.headers
    )
    # Registered; without a token the same read is an error (it needs the caller), which a cache must not keep.
    anonymous = await client.get("/graphql", params=get_params(persisted(query), variables))
    assert anonymous.json()["errors"]
    assert anonymous.headers["cache-control"] == "no-store"

    mutation = await client.get("/graphql", params=get_params(persisted(CREATE), query=CREATE), headers=frank.headers)
    assert mutation.status_code == 400
    assert mutation.headers["cache-control"] == "no-store"
    malformed = await client.get("/graphql", params=get_params({"persistedQuery": {"version": 2}}))
    assert malformed.status_code == 400
    assert malformed.headers["cache-control"] == "no-store"


async def test_max_age_zero_stores_no_get_answer(app: Starlette, client: httpx.AsyncClient, settings: Settings) -> None:
    query = unique(CAPABILITIES)
    await client.post("/graphql", json={"query": query, "extensions": persisted(query)})
    before = app.state.services
    app.state.services = dataclasses.replace(
        before, settings=settings.model_copy(update={"graphql_get_max_age_seconds": 0})
    )
    try:
        response = await client.get("/graphql", params=get_params(persisted(query)))
    finally:
        app.state.services = before
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"


async def test_text_over_get_is_still_refused(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", params={"query": CAPABILITIES})
    assert response.status_code == 400
    assert "provider" not in response.text


async def test_a_persisted_mutation_over_get_is_refused_and_changes_nothing(
    client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    carol = make_caller("apq-mutation")
    # Registered over POST, where mutations run (one project named so).
    registered = await client.post(
        "/graphql", json={"query": CREATE, "extensions": persisted(CREATE)}, headers=carol.headers
    )
    assert registered.json()["data"]["projectCreate"]["project"]["id"]
    before = await Project.filter(name="via-persisted-get").count()

    for params in (get_params(persisted(CREATE)), get_params(persisted(CREATE), query=CREATE)):
        response = await client.get("/graphql", params=params, headers=carol.headers)
        assert response.status_code == 400, response.text
        assert "POST" in response.json()["errors"][0]["message"]
    assert await Project.filter(name="via-persisted-get").count() == before


async def test_a_hash_that_is_not_the_texts_is_400_and_registers_nothing(client: httpx.AsyncClient) -> None:
    query = unique(CAPABILITIES)
    other = unique(CAPABILITIES)
    response = await client.post("/graphql", json={"query": query, "extensions": persisted(other)})
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error == {"message": "provided sha does not match query", "extensions": {"code": "BAD_REQUEST"}}
    assert "data" not in response.json()
    # Neither text was registered under the other's hash.
    for text in (query, other):
        miss = await client.post("/graphql", json={"extensions": persisted(text)})
        assert miss.content == NOT_FOUND


@pytest.mark.parametrize(
    ("persisted_query", "message"),
    [
        ({"version": 2, "sha256Hash": "a" * 64}, "Unsupported persisted query version"),
        ({"version": 1, "sha256Hash": "not-a-hash"}, "sha256Hash must be 64 lowercase hex digits"),
        ({"version": 1}, "sha256Hash must be 64 lowercase hex digits"),
        ("a string", "persistedQuery must be an object"),
    ],
    ids=["version", "hash", "no-hash", "not-object"],
)
async def test_malformed_persisted_query_extensions_are_400(
    client: httpx.AsyncClient, persisted_query: object, message: str
) -> None:
    response = await client.post("/graphql", json={"extensions": {"persistedQuery": persisted_query}})
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert message in error["message"]
    assert error["extensions"]["code"] == "BAD_REQUEST"


async def test_a_document_that_does_not_validate_is_not_registered(client: httpx.AsyncClient) -> None:
    query = unique("query Broken { capabilities { noSuchField } }")
    response = await client.post("/graphql", json={"query": query, "extensions": persisted(query)})
    assert response.status_code == 200
    assert response.json()["errors"]
    miss = await client.post("/graphql", json={"extensions": persisted(query)})
    assert miss.content == NOT_FOUND


@pytest.mark.parametrize(
    ("who", "shared"),
    [("anonymous", False), ("a forged token", False), ("signed in", True)],
)
async def test_only_a_signed_in_callers_registration_is_shared_with_other_replicas(
    app: Starlette,
    client: httpx.AsyncClient,
    make_caller: MakeCaller,
    monkeypatch: pytest.MonkeyPatch,
    who: str,
    shared: bool,
) -> None:
    # Redis keeps registrations for a week with no bound but that: an anonymous client sending endless variants of
    # a public query must not grow it. Its registration stays in the process's bounded LRU (and still works there).
    store = app.state.documents.store
    seen: list[tuple[str, bool]] = []
    put = store.put

    async def spy(digest: str, text: str, *, shared: bool = True) -> None:
        seen.append((digest, shared))
        await put(digest, text, shared=shared)

    monkeypatch.setattr(store, "put", spy)
    headers = {
        "anonymous": {},
        "a forged token": {"Authorization": "Bearer " + make_caller("forger").token[:-4] + "AAAA"},
        "signed in": make_caller("apq-shared").headers,
    }[who]
    query = unique(CAPABILITIES)
    answer = await client.post("/graphql", json={"query": query, "extensions": persisted(query)}, headers=headers)
    assert answer.status_code == 200
    assert "errors" not in answer.json(), answer.json()
    assert seen == [(document_hash(query), shared)]
    again = await client.post("/graphql", json={"extensions": persisted(query)}, headers=headers)
    assert again.json() == answer.json()  # registered in this process either way


@pytest.mark.parametrize("use_get", [False, True], ids=["post", "get"])
async def test_an_apollo_style_client_gets_the_text_paths_bytes(
    client: httpx.AsyncClient, make_caller: MakeCaller, use_get: bool
) -> None:
    """A client emulating Apollo's persisted-queries link (no such link exists for Python: gql has none)."""
    dave = make_caller("apollo-link")
    link = ApolloPersistedLink(client, dave.headers, use_get=use_get)
    query = unique(PROJECTS)
    first = await link.execute(query, {"first": 2})
    second = await link.execute(query, {"first": 2})
    text = await client.post("/graphql", json={"query": query, "variables": {"first": 2}}, headers=dave.headers)
    method = "GET" if use_get else "POST"
    assert link.sent == [(method, False), ("POST", True), (method, False)]
    assert first.content == second.content == text.content
    assert "errors" not in text.json()


@pytest.fixture(scope="module")
def manifest(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A persisted documents manifest as GraphQL Code Generator writes it (hash to document)."""
    path = tmp_path_factory.mktemp("trusted") / "persisted-documents.json"
    path.write_text(json.dumps({document_hash(text): text for text in (PROJECTS, CAPABILITIES)}))
    return path


@contextlib.contextmanager
def documents_of(app: Starlette, settings: Settings) -> Iterator[None]:
    """The app's persisted documents as ``settings`` make them, for one test (the app and its lifespan are shared:
    a second app's lifespan would close the ORM's connections under the first)."""
    before = app.state.documents
    app.state.documents = persisted_documents(settings)
    try:
        yield
    finally:
        app.state.documents = before


@pytest.fixture
async def trusted_client(app: Starlette, settings: Settings, manifest: Path) -> AsyncIterator[httpx.AsyncClient]:
    trusted = settings.model_copy(
        update={"graphql_trusted_documents": manifest, "graphql_trusted_documents_only": True}
    )
    transport = httpx.ASGITransport(app=app)
    with documents_of(app, trusted):
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http


async def test_trusted_only_runs_the_manifests_documents_by_hash_or_text(
    trusted_client: httpx.AsyncClient, client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    erin = make_caller("trusted")
    variables = {"first": 4}
    by_hash = await trusted_client.post(
        "/graphql", json={"variables": variables, "extensions": persisted(PROJECTS)}, headers=erin.headers
    )
    by_get = await trusted_client.get(
        "/graphql", params=get_params(persisted(PROJECTS), variables), headers=erin.headers
    )
    by_text = await trusted_client.post(
        "/graphql", json={"query": PROJECTS, "variables": variables}, headers=erin.headers
    )
    normal = await client.post("/graphql", json={"query": PROJECTS, "variables": variables}, headers=erin.headers)
    assert by_hash.status_code == by_get.status_code == by_text.status_code == 200
    assert by_hash.content == by_get.content == by_text.content == normal.content
    assert "errors" not in normal.json()


async def test_trusted_only_refuses_other_documents_and_runs_nothing(
    trusted_client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    frank = make_caller("untrusted")
    name = f"untrusted-{uuid.uuid4().hex[:8]}"
    create = f'mutation {{ projectCreate(input: {{name: "{name}"}}) {{ project {{ id }} }} }}'
    refused = {
        "errors": [
            {
                "message": "this server runs only the trusted documents of its clients' builds; "
                "this document is not one of them",
                "extensions": {"code": "UNTRUSTED_DOCUMENT"},
            }
        ]
    }
    for body in ({"query": create}, {"query": create, "extensions": persisted(create)}):
        response = await trusted_client.post("/graphql", json=body, headers=frank.headers)
        assert response.status_code == 400
        assert response.json() == refused
    # A hash it does not know is not found (and, sent again with its text, refused as above: nothing registers).
    response = await trusted_client.post("/graphql", json={"extensions": persisted(create)}, headers=frank.headers)
    assert response.content == NOT_FOUND
    introspection = await trusted_client.post("/graphql", json={"query": "{ __typename }"}, headers=frank.headers)
    assert introspection.status_code == 400
    assert await Project.filter(name=name).count() == 0


async def test_with_persisted_queries_off_hashes_are_not_supported(
    app: Starlette, client: httpx.AsyncClient, settings: Settings
) -> None:
    off = settings.model_copy(update={"graphql_persisted_queries": False})
    query = unique(CAPABILITIES)
    with documents_of(app, off):
        response = await client.post("/graphql", json={"extensions": persisted(query)})
        assert response.status_code == 200
        assert response.json() == {
            "errors": [
                {"message": "PersistedQueryNotSupported", "extensions": {"code": "PERSISTED_QUERY_NOT_SUPPORTED"}}
            ]
        }
        # Sent with its text it runs (nothing is registered), as it would without the extension.
        ran = await client.post("/graphql", json={"query": query, "extensions": persisted(query)})
        assert ran.json() == {"data": {"capabilities": {"provider": "simulator"}}}
        again = await client.post("/graphql", json={"extensions": persisted(query)})
        assert again.json()["errors"][0]["message"] == "PersistedQueryNotSupported"


def test_trusted_only_needs_a_manifest(settings: Settings) -> None:
    with pytest.raises(ValueError, match="GRAPHQL_TRUSTED_DOCUMENTS"):
        Settings(var_dir=settings.var_dir, jwt_secret=TEST_SECRET, graphql_trusted_documents_only=True)


def test_a_manifest_whose_keys_are_not_the_documents_hashes_stops_the_app(settings: Settings, tmp_path: Path) -> None:
    from services.infra.documents import ManifestError

    path = tmp_path / "persisted-documents.json"
    path.write_text(json.dumps({"0" * 64: CAPABILITIES}))
    with pytest.raises(ManifestError, match="not the SHA-256"):
        create_app(settings.model_copy(update={"graphql_trusted_documents": path}))


@contextlib.asynccontextmanager
async def socket(live_url: str, token: str) -> AsyncIterator[ClientConnection]:
    async with connect(f"ws://{live_url}/graphql", subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
        await ws.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        yield ws


async def over_socket(ws: ClientConnection, op: str, payload: dict[str, Any]) -> dict[str, Any]:
    """The first message for ``op`` (``next`` or ``error``)."""
    await ws.send(json.dumps({"id": op, "type": "subscribe", "payload": payload}))
    while True:
        message: dict[str, Any] = json.loads(await ws.recv())
        if message.get("id") == op and message["type"] in {"next", "error"}:
            return message


async def test_a_socket_runs_a_registered_hash_and_answers_unknown_ones_not_found(
    client: httpx.AsyncClient, live_url: str, make_caller: MakeCaller
) -> None:
    gina = make_caller("apq-socket")
    query = unique(PROJECTS)
    variables = {"first": 2}
    by_http = await client.post(
        "/graphql",
        json={"query": query, "variables": variables, "extensions": persisted(query)},
        headers=gina.headers,
    )
    async with socket(live_url, gina.token) as ws:
        # graphql-ws clients send an empty query with a hash alone.
        hit = await over_socket(ws, "1", {"query": "", "variables": variables, "extensions": persisted(query)})
        miss = await over_socket(ws, "2", {"query": "", "extensions": persisted(unique(CAPABILITIES))})
        wrong = await over_socket(ws, "3", {"query": CAPABILITIES, "extensions": persisted(unique(CAPABILITIES))})
    assert hit["type"] == "next"
    assert hit["payload"] == by_http.json()
    assert miss == {
        "id": "2",
        "type": "error",
        "payload": [{"message": "PersistedQueryNotFound", "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"}}],
    }
    assert wrong["type"] == "error"
    assert wrong["payload"][0]["message"] == "provided sha does not match query"


async def test_trusted_only_holds_on_sockets_too(
    app: Starlette, settings: Settings, manifest: Path, live_url: str, make_caller: MakeCaller
) -> None:
    hank = make_caller("trusted-socket")
    trusted = settings.model_copy(
        update={"graphql_trusted_documents": manifest, "graphql_trusted_documents_only": True}
    )
    with documents_of(app, trusted):
        async with socket(live_url, hank.token) as ws:
            refused = await over_socket(ws, "1", {"query": "{ me { id credits } }"})
            by_hash = await over_socket(ws, "2", {"query": "", "extensions": persisted(CAPABILITIES)})
            by_text = await over_socket(ws, "3", {"query": CAPABILITIES})
    assert refused["type"] == "error"
    assert refused["payload"][0]["extensions"] == {"code": "UNTRUSTED_DOCUMENT"}
    assert by_hash["type"] == by_text["type"] == "next"
    assert by_hash["payload"] == by_text["payload"] == {"data": {"capabilities": {"provider": "simulator"}}}
