"""SSRF probes through the API: ``generate`` with a reference URL aimed at something internal.

Every probe is a ``userError`` (INVALID, with the reason in the message), creates no batch, holds no credit, keeps no
reference, and never reaches the local server that stands in for an internal service (it counts every request).
The fetcher's own tests (``tests/services/generation/test_references.py``) go further at the unit level: DNS
rebinding (the connection is pinned to the vetted address), redirects to internal addresses from a public host,
timeouts and sizes; they need a public first hop, which only a mocked transport can stand in for here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.applications import Starlette

from models import BatchJob, Upload, User
from services.generation import references
from tests.conftest import GQL, Caller, MakeCaller
from tests.generation_support import GENERATE, new_project
from tests.security.support import CountingServer, changed_settings, png


@pytest.fixture(scope="module")
def internal() -> Iterator[CountingServer]:
    """An "internal service" on loopback that would serve a valid image to whoever reached it."""
    server = CountingServer(png())
    yield server
    server.close()


def probes(port: int) -> dict[str, str]:
    return {
        "loopback": f"http://127.0.0.1:{port}/image.png",
        "localhost": f"http://localhost:{port}/image.png",
        "localhost-subdomain": f"http://api.localhost:{port}/image.png",
        "ipv6-loopback": f"http://[::1]:{port}/image.png",
        "ipv4-mapped-ipv6": f"http://[::ffff:127.0.0.1]:{port}/image.png",
        "unspecified": f"http://0.0.0.0:{port}/image.png",
        "cloud-metadata": "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "link-local-ipv6": "http://[fe80::1]/x.png",
        "private-10": "http://10.0.0.1/x.png",
        "private-172": "http://172.16.0.1/x.png",
        "private-192": "http://192.168.1.1/x.png",
        "carrier-nat": "http://100.64.0.1/x.png",
        "unique-local-ipv6": "http://[fc00::1]/x.png",
        "decimal-ip": f"http://2130706433:{port}/image.png",
        "octal-ip": f"http://0177.0.0.1:{port}/image.png",
        "hex-ip": f"http://0x7f.0.0.1:{port}/image.png",
        "short-ip": f"http://127.1:{port}/image.png",
        "userinfo-trick": f"http://images.example.com@127.0.0.1:{port}/image.png",
        "file-scheme": "file:///etc/passwd",
        "gopher-scheme": f"gopher://127.0.0.1:{port}/_INFO",
        "ftp-scheme": "ftp://127.0.0.1/image.png",
        "data-url": "data:image/png;base64,iVBORw0KGgo=",
        "javascript": "javascript:alert(1)",
        "dns-to-loopback": f"http://rebind.test:{port}/image.png",
        "dns-mixed-answers": f"http://mixed.test:{port}/image.png",
    }


PROBE_NAMES = list(probes(1))


async def fake_dns(host: str) -> list[str]:
    # A name an attacker controls: one resolving to loopback, one answering a public and a private address.
    answers = {"rebind.test": ["127.0.0.1"], "mixed.test": ["93.184.216.34", "127.0.0.1"]}
    if host not in answers:
        raise OSError(f"no such host {host}")
    return answers[host]


async def state(subject: str) -> tuple[int, int, int]:
    user = await User.get(subject=subject)
    batches = await BatchJob.filter(owner_id=user.id).count()
    kept = await Upload.filter(owner_id=user.id).count()
    return user.credits, batches, kept


async def refused(gql: GQL, caller: Caller, project: str, url: str) -> dict[str, Any]:
    before = await state(caller.subject)
    body = await gql(
        GENERATE,
        {"input": {"projectId": project, "mode": "EDIT", "prompt": "x", "references": [{"url": url}]}},
        caller,
    )
    payload = body["data"]["generate"]
    assert payload["batchJob"] is None, payload
    assert len(payload["userErrors"]) == 1, payload
    assert await state(caller.subject) == before
    error: dict[str, Any] = payload["userErrors"][0]
    return error


@pytest.mark.parametrize("probe", PROBE_NAMES)
async def test_reference_urls_cannot_reach_internal_addresses(
    gql: GQL, make_caller: MakeCaller, internal: CountingServer, monkeypatch: pytest.MonkeyPatch, probe: str
) -> None:
    monkeypatch.setattr(references, "resolve_host", fake_dns)
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    hits = internal.hits
    error = await refused(gql, alice, project, probes(internal.port)[probe])
    assert error["code"] == "INVALID"
    assert error["field"] == ["input", "references", "0", "url"]
    assert internal.hits == hits, "the internal server was reached"


async def test_the_internal_server_is_reachable_when_private_urls_are_allowed(
    app: Starlette, gql: GQL, make_caller: MakeCaller, internal: CountingServer
) -> None:
    # The control for the probes above: the same request, with the guard lifted, does reach the server.
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    hits = internal.hits
    with changed_settings(app, allow_private_reference_urls=True):
        body = await gql(
            GENERATE,
            {"input": {"projectId": project, "mode": "EDIT", "prompt": "x", "references": [{"url": internal.url()}]}},
            alice,
        )
    assert body["data"]["generate"]["userErrors"] == []
    assert internal.hits == hits + 1


async def test_an_under_funded_generate_fetches_no_url(
    app: Starlette, gql: GQL, make_caller: MakeCaller, internal: CountingServer
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    hits = internal.hits
    # 3 prompts x 10 variations = 30 credits against a balance of 20.
    request = {
        "projectId": project,
        "mode": "EDIT",
        "prompts": ["a", "b", "c"],
        "count": 10,
        "references": [{"url": internal.url()}],
    }
    with changed_settings(app, allow_private_reference_urls=True):
        await gql("{ me { id } }", caller=alice)  # the user exists, with the sign-up credits
        before = await state(alice.subject)
        body = await gql(GENERATE, {"input": request}, alice)
    payload = body["data"]["generate"]
    assert [e["code"] for e in payload["userErrors"]] == ["INSUFFICIENT_CREDITS"]
    assert internal.hits == hits, "an under-funded request made an outbound request"
    assert await state(alice.subject) == before
