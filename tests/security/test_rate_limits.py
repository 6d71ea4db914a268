"""Per-user rate limits: every operation, generations and uploads; in process and on Redis (shared by replicas).

A refused request is answered with a retry hint (``RATE_LIMITED`` and ``retryAfter`` seconds; over HTTP, for the
operations budget, a 429 with ``Retry-After``) and changes nothing.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis
from starlette.applications import Starlette

from models import BatchJob, CreditLedgerEntry, Project, Upload, User
from services.infra.rate_limits import Budget, RequestRateLimiter, create_rate_limiter
from tests.conftest import GQL, TEST_REDIS_URL, MakeCaller
from tests.generation_support import GENERATE, new_project, wait_until_let_go
from tests.security.support import png, socket, swapped_services, upload_bytes, ws_operation

REDIS_URL = TEST_REDIS_URL
MakeLimiter = Callable[[dict[Budget, str]], RequestRateLimiter]


@pytest.fixture(params=["memory", "redis"])
async def make_limiter(request: pytest.FixtureRequest) -> AsyncIterator[MakeLimiter]:
    """Limiters on one backend; on Redis they share a fresh key prefix (so two of them are two replicas)."""
    prefix = f"test-rates-{uuid.uuid4().hex}"
    made: list[RequestRateLimiter] = []

    def make(budgets: dict[Budget, str]) -> RequestRateLimiter:
        limiter = create_rate_limiter(REDIS_URL if request.param == "redis" else None, budgets, key_prefix=prefix)
        made.append(limiter)
        return limiter

    yield make
    for limiter in made:
        await limiter.close()
    if request.param == "redis":
        redis = Redis.from_url(REDIS_URL)
        keys = [key async for key in redis.scan_iter(match=f"{prefix}*")]
        if keys:
            await redis.delete(*keys)
        await redis.aclose()


async def test_a_budget_admits_exactly_its_rate_under_concurrency(make_limiter: MakeLimiter) -> None:
    limiter = make_limiter({Budget.GENERATE: "5/minute"})
    answers = await asyncio.gather(*(limiter.hit(Budget.GENERATE, "alice") for _ in range(12)))
    admitted = [a for a in answers if a is None]
    refused = [a for a in answers if a is not None]
    assert len(admitted) == 5
    assert len(refused) == 7
    assert all(1 <= wait <= 60 for wait in refused)
    # Per user, per budget; a budget that is not configured is not limited.
    assert await limiter.hit(Budget.GENERATE, "bob") is None
    assert await limiter.hit(Budget.UPLOADS, "alice") is None
    assert not limiter.limited(Budget.UPLOADS)


async def test_refused_hits_are_not_counted(make_limiter: MakeLimiter) -> None:
    limiter = make_limiter({Budget.GENERATE: "2 per 2 seconds"})
    assert await limiter.hit(Budget.GENERATE, "alice") is None
    assert await limiter.hit(Budget.GENERATE, "alice") is None
    for _ in range(5):
        assert await limiter.hit(Budget.GENERATE, "alice") is not None


async def test_replicas_on_redis_share_one_budget() -> None:
    prefix = f"test-rates-{uuid.uuid4().hex}"
    first = create_rate_limiter(REDIS_URL, {Budget.GENERATE: "5/minute"}, key_prefix=prefix)
    second = create_rate_limiter(REDIS_URL, {Budget.GENERATE: "5/minute"}, key_prefix=prefix)
    try:
        answers = await asyncio.gather(
            *(limiter.hit(Budget.GENERATE, "alice") for limiter in (first, second) for _ in range(4))
        )
        assert sum(a is None for a in answers) == 5
    finally:
        await first.close()
        await second.close()
        redis = Redis.from_url(REDIS_URL)
        keys = [key async for key in redis.scan_iter(match=f"{prefix}*")]
        if keys:
            await redis.delete(*keys)
        await redis.aclose()


async def test_an_unreachable_redis_lets_requests_through(caplog: pytest.LogCaptureFixture) -> None:
    limiter = create_rate_limiter("redis://127.0.0.1:1/0", {Budget.GENERATE: "1/minute"})
    try:
        for _ in range(3):
            assert await limiter.hit(Budget.GENERATE, "alice") is None
    finally:
        await limiter.close()
    warnings = [r for r in caplog.records if "storage unreachable" in r.getMessage()]
    assert len(warnings) == 1  # once per outage, not once per request


@pytest.fixture
def limited(app: Starlette, make_limiter: MakeLimiter) -> Callable[[dict[Budget, str]], Any]:
    def use(budgets: dict[Budget, str]) -> Any:
        return swapped_services(app, rate_limiter=make_limiter(budgets))

    return use


async def credits_and_batches(subject: str) -> tuple[int, int, int]:
    user = await User.get(subject=subject)
    entries = await CreditLedgerEntry.filter(user_id=user.id).count()
    return user.credits, await BatchJob.filter(owner_id=user.id).count(), entries


async def test_generate_is_limited_per_user_and_a_refusal_changes_nothing(
    app: Starlette, gql: GQL, make_caller: MakeCaller, limited: Callable[[dict[Budget, str]], Any]
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    project = await new_project(gql, alice)
    request = {"input": {"projectId": project, "prompt": "x", "size": "1024x1024"}}
    with limited({Budget.GENERATE: "2/minute"}):
        for _ in range(2):
            admitted = (await gql(GENERATE, request, alice))["data"]["generate"]
            assert admitted["userErrors"] == []
            await wait_until_let_go(app, admitted["batchJob"]["id"])  # settled, and its runner gone
        before = await credits_and_batches(alice.subject)
        body = await gql(GENERATE, request, alice)
        payload = body["data"]["generate"]
        assert payload["batchJob"] is None
        [error] = payload["userErrors"]
        assert error["code"] == "RATE_LIMITED"
        assert "try again in" in error["message"]
        assert await credits_and_batches(alice.subject) == before
        hint = await gql(
            "mutation($input: GenerateInput!) { generate(input: $input) { userErrors { code retryAfter } } }",
            request,
            alice,
        )
        [refusal] = hint["data"]["generate"]["userErrors"]
        assert refusal["code"] == "RATE_LIMITED"
        assert 1 <= refusal["retryAfter"] <= 60
        # Bob's budget is his own.
        bob_project = await new_project(gql, bob)
        bob_request = {"input": {"projectId": bob_project, "prompt": "x", "size": "1024x1024"}}
        assert (await gql(GENERATE, bob_request, bob))["data"]["generate"]["userErrors"] == []


async def test_uploads_are_limited_and_a_refused_upload_keeps_nothing(
    app: Starlette,
    client: httpx.AsyncClient,
    make_caller: MakeCaller,
    limited: Callable[[dict[Budget, str]], Any],
) -> None:
    alice = make_caller("alice")
    media: Path = app.state.services.settings.resolved_media_dir
    with limited({Budget.UPLOADS: "1/minute"}):
        first = await upload_bytes(client, alice, png())
        assert first.json()["data"]["imageUpload"]["userErrors"] == []
        files = await asyncio.to_thread(lambda: {p for p in (media / "references").rglob("*") if p.is_file()})
        second = (await upload_bytes(client, alice, png(color=(1, 2, 3)))).json()["data"]["imageUpload"]
    assert second["image"] is None
    assert [e["code"] for e in second["userErrors"]] == ["RATE_LIMITED"]
    assert second["userErrors"][0]["retryAfter"] >= 1
    user = await User.get(subject=alice.subject)
    assert await Upload.filter(owner_id=user.id).count() == 1
    assert await asyncio.to_thread(lambda: {p for p in (media / "references").rglob("*") if p.is_file()}) == files


async def test_uploaded_bytes_have_a_budget_and_a_refusal_for_size_keeps_nothing(
    app: Starlette,
    client: httpx.AsyncClient,
    make_caller: MakeCaller,
    limited: Callable[[dict[Budget, str]], Any],
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    media: Path = app.state.services.settings.resolved_media_dir
    first_file = png(size=(256, 256))
    with limited({Budget.UPLOADS: "100/minute", Budget.UPLOAD_BYTES: f"{len(first_file) + 10}/hour"}):
        first = await upload_bytes(client, alice, first_file)
        assert first.json()["data"]["imageUpload"]["userErrors"] == []
        files = await asyncio.to_thread(lambda: {p for p in (media / "references").rglob("*") if p.is_file()})
        second = (await upload_bytes(client, alice, png(size=(256, 256), color=(1, 2, 3)))).json()
        # Bob's bytes are his own.
        bobs = (await upload_bytes(client, bob, png(size=(256, 256), color=(9, 9, 9)))).json()["data"]["imageUpload"]
    refused = second["data"]["imageUpload"]
    assert refused["image"] is None
    [error] = refused["userErrors"]
    assert error["code"] == "RATE_LIMITED"
    assert "uploaded bytes" in error["message"]
    assert error["retryAfter"] >= 1
    assert bobs["userErrors"] == []
    user = await User.get(subject=alice.subject)
    assert await Upload.filter(owner_id=user.id).count() == 1
    bob_user = await User.get(subject=bob.subject)
    assert await Upload.filter(owner_id=bob_user.id).count() == 1
    stored = await asyncio.to_thread(lambda: {p for p in (media / "references").rglob("*") if p.is_file()})
    assert len(stored - files) == 1  # Bob's, and nothing of Alice's refused upload


async def test_a_byte_budget_counts_units_not_requests(make_limiter: MakeLimiter) -> None:
    limiter = make_limiter({Budget.UPLOAD_BYTES: "1000/minute"})
    assert await limiter.hit(Budget.UPLOAD_BYTES, "alice", cost=600) is None
    assert await limiter.hit(Budget.UPLOAD_BYTES, "alice", cost=600) is not None  # 1200 > 1000: refused
    assert await limiter.hit(Budget.UPLOAD_BYTES, "alice", cost=400) is None  # the refusal was not counted
    assert await limiter.hit(Budget.UPLOAD_BYTES, "alice", cost=1) is not None
    assert await limiter.hit(Budget.UPLOAD_BYTES, "bob", cost=1000) is None
    assert await limiter.hit(Budget.UPLOAD_BYTES, "carol", cost=1001) is not None  # more than the whole budget


async def test_operations_are_limited_with_a_429_and_retry_after(
    client: httpx.AsyncClient, make_caller: MakeCaller, limited: Callable[[dict[Budget, str]], Any]
) -> None:
    alice, bob = make_caller("alice"), make_caller("bob")
    with limited({Budget.OPERATIONS: "3/minute"}):
        for _ in range(3):
            response = await client.post("/graphql", json={"query": "{ me { id } }"}, headers=alice.headers)
            assert response.status_code == 200
        refused = await client.post(
            "/graphql",
            json={"query": 'mutation { projectCreate(input: {name: "over budget"}) { project { id } } }'},
            headers=alice.headers,
        )
        assert refused.status_code == 429
        wait = int(refused.headers["retry-after"])
        assert 1 <= wait <= 60
        body = refused.json()
        assert body.get("data") is None
        assert body["errors"][0]["extensions"] == {"code": "RATE_LIMITED", "retryAfter": wait}
        assert await Project.filter(name="over budget").count() == 0  # the mutation did not run
        # Another user, and anonymous callers (nothing to count them against), are not affected.
        assert (await client.post("/graphql", json={"query": "{ me { id } }"}, headers=bob.headers)).status_code == 200
        anonymous = await client.post("/graphql", json={"query": "{ capabilities { provider } }"})
        assert anonymous.status_code == 200


async def test_operations_over_a_socket_count_too(
    live_url: str, make_caller: MakeCaller, limited: Callable[[dict[Budget, str]], Any]
) -> None:
    alice = make_caller("alice")
    with limited({Budget.OPERATIONS: "2/minute"}):
        async with socket(live_url, alice) as ws:
            for ident in ("1", "2"):
                assert (await ws_operation(ws, ident, "{ me { id } }"))["type"] == "next"
            answer = await ws_operation(ws, "3", "{ me { id } }")
    assert answer["type"] == "error", answer
    assert answer["payload"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert answer["payload"][0]["extensions"]["retryAfter"] >= 1


def test_rates_are_checked_in_the_settings(tmp_path: Path) -> None:
    from pydantic import ValidationError

    from services.core.config import Settings

    assert Settings(var_dir=tmp_path, rate_limit_generate="OFF").rate_limit_generate == "off"
    assert Settings(var_dir=tmp_path, rate_limit_generate="10 per 5 minutes").rate_limit_generate == "10 per 5 minutes"
    for bad in ("lots", "5/fortnight", "5/second;10/minute"):
        with pytest.raises(ValidationError, match="a rate limit looks like"):
            Settings(var_dir=tmp_path, rate_limit_generate=bad)
