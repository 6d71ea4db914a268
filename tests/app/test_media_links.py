"""``/media`` links: minted when a query reads the URL, private ones expire, public ones are stable, and a link
past its time, with a bad signature, or moved to another key is a 403 that says which."""

from __future__ import annotations

import dataclasses
import time
from urllib.parse import parse_qs, urlsplit

import httpx
from starlette.applications import Starlette

from app.runtime import link_signer
from tests.conftest import GQL, Caller, MakeCaller
from tests.security.support import png, upload_bytes

UPLOADS = "query { uploads(first: 10) { edges { node { id url } } } }"


async def uploaded_link(client: httpx.AsyncClient, caller: Caller) -> str:
    response = await upload_bytes(client, caller, png())
    url: str = response.json()["data"]["imageUpload"]["image"]["url"]
    return url


async def test_a_private_link_works_until_its_expiry(
    app: Starlette, client: httpx.AsyncClient, make_caller: MakeCaller
) -> None:
    settings = app.state.services.settings
    before = time.time()
    link = await uploaded_link(client, make_caller())

    parts = urlsplit(link)
    query = parse_qs(parts.query)
    expires = int(query["e"][0])
    step = link_signer(settings).step_seconds
    assert before + settings.media_link_seconds <= expires <= time.time() + settings.media_link_seconds + step
    served = await client.get(link)
    assert served.status_code == 200
    assert served.headers["content-type"] == "image/png"
    assert served.headers["cache-control"].startswith("private, max-age=")


async def test_an_expired_link_is_refused(app: Starlette, client: httpx.AsyncClient, make_caller: MakeCaller) -> None:
    live = await uploaded_link(client, make_caller())
    key = urlsplit(live).path.removeprefix("/media/")
    # The same key signed by the deployment's key, minted two lifetimes ago: a genuine link whose time has passed.
    signer = link_signer(app.state.services.settings)
    past = dataclasses.replace(signer, clock=lambda: time.time() - 2 * signer.lifetime_seconds)
    expired = past.private(key)

    answer = await client.get(expired)

    assert answer.status_code == 403
    assert "expired" in answer.text
    assert answer.headers["x-playground-link-problem"] == "EXPIRED"
    assert answer.headers["cache-control"] == "no-store"


async def test_tampered_links_are_refused(client: httpx.AsyncClient, make_caller: MakeCaller) -> None:
    caller = make_caller()
    mine = await uploaded_link(client, caller)
    other = await uploaded_link(client, caller)
    path, query = urlsplit(mine).path, parse_qs(urlsplit(mine).query)
    expires, signature = query["e"][0], query["s"][0]
    other_path = urlsplit(other).path

    for tampered in (
        f"{path}?e={int(expires) + 86_400}&s={signature}",  # stretched in time
        f"{other_path}?e={expires}&s={signature}",  # moved to another key
        f"{path}?e={expires}&s={signature[:-2]}xx",  # signature changed
        f"{path}?s={signature}",  # passed off as a public link
        path,  # no signature at all (the links of before)
        f"{path}?e={expires}&e={expires}&s={signature}",  # ambiguous
    ):
        answer = await client.get(tampered)
        assert answer.status_code == 403, tampered
        assert "signature is not valid" in answer.text
        assert answer.headers["x-playground-link-problem"] == "BAD_SIGNATURE"
        assert answer.content.find(b"\x89PNG") == -1


async def test_public_links_are_stable_and_need_no_expiry(app: Starlette, client: httpx.AsyncClient) -> None:
    from services.infra.storage import Storage

    storage: Storage = app.state.services.storage
    stored = await storage.put(png(), "image/png", prefix="outputs")

    link = storage.link(stored.key, public=True)

    assert link == storage.link(stored.key, public=True)
    assert "e=" not in urlsplit(link).query
    served = await client.get(link)
    assert served.status_code == 200
    assert served.headers["cache-control"].startswith("public, max-age=")
    assert (await client.get(link.replace(stored.key, stored.key.replace(".png", ".jpg")))).status_code in (403, 404)


async def test_another_users_link_cannot_be_minted(
    client: httpx.AsyncClient, gql: GQL, make_caller: MakeCaller
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    response = await upload_bytes(client, alice, png())
    upload_id = response.json()["data"]["imageUpload"]["image"]["id"]

    bobs = await gql(UPLOADS, caller=bob)
    alices = await gql(UPLOADS, caller=alice)

    assert [e["node"]["id"] for e in alices["data"]["uploads"]["edges"]] == [upload_id]
    assert bobs["data"]["uploads"]["edges"] == []  # nothing of Alice's reaches Bob, so no link is minted for him
