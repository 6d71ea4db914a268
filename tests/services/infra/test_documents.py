"""The persisted documents store: a bounded LRU in this process, shared across processes through Redis."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from services.infra.documents import DocumentStore, document_hash
from tests.conftest import TEST_REDIS_URL


def document() -> tuple[str, str]:
    text = f"query Q{uuid.uuid4().hex} {{ capabilities {{ provider }} }}"
    return document_hash(text), text


@pytest.fixture
async def namespace() -> AsyncIterator[str]:
    name = f"test-documents-{uuid.uuid4().hex[:8]}"
    yield name
    redis = Redis.from_url(TEST_REDIS_URL)
    try:
        keys = [key async for key in redis.scan_iter(match=f"{name}:*")]
        if keys:
            await redis.delete(*keys)
    finally:
        await redis.aclose()


async def test_the_lru_forgets_the_least_recently_used() -> None:
    store = DocumentStore(capacity=2)
    (a, a_text), (b, b_text), (c, c_text) = document(), document(), document()
    await store.put(a, a_text)
    await store.put(b, b_text)
    assert await store.get(a) == a_text  # a is now the most recently used
    await store.put(c, c_text)
    assert await store.get(b) is None
    assert await store.get(a) == a_text
    assert await store.get(c) == c_text
    assert len(store) == 2


async def test_a_document_registered_on_one_replica_is_found_by_another(namespace: str) -> None:
    one = DocumentStore(TEST_REDIS_URL, namespace=namespace)
    two = DocumentStore(TEST_REDIS_URL, namespace=namespace)
    digest, text = document()
    try:
        assert await two.get(digest) is None
        await one.put(digest, text)
        assert len(two) == 0
        assert await two.get(digest) == text
        assert len(two) == 1  # kept in its own LRU from then on
    finally:
        await one.close()
        await two.close()


async def test_a_text_stored_under_another_hash_is_not_returned(namespace: str) -> None:
    store = DocumentStore(TEST_REDIS_URL, namespace=namespace)
    digest, _ = document()
    redis = Redis.from_url(TEST_REDIS_URL)
    try:
        await redis.set(f"{namespace}:documents:{digest}", "query Other { capabilities { provider } }")
        assert await store.get(digest) is None
    finally:
        await redis.aclose()
        await store.close()


async def test_an_unreachable_redis_is_a_miss_and_registrations_stay_local() -> None:
    store = DocumentStore("redis://127.0.0.1:1/0", namespace="unreachable")
    digest, text = document()
    other, _ = document()
    try:
        assert await store.get(other) is None
        await store.put(digest, text)
        assert await store.get(digest) == text
        assert store.outage.down
    finally:
        await store.close()


async def test_a_registration_not_shared_stays_in_this_process(namespace: str) -> None:
    # An anonymous caller's registration: found here, never written to Redis, so no other replica sees it and
    # nothing an anonymous client sends can grow Redis.
    one = DocumentStore(TEST_REDIS_URL, namespace=namespace)
    two = DocumentStore(TEST_REDIS_URL, namespace=namespace)
    redis = Redis.from_url(TEST_REDIS_URL)
    digest, text = document()
    try:
        await one.put(digest, text, shared=False)
        assert await one.get(digest) == text
        assert await two.get(digest) is None
        assert [key async for key in redis.scan_iter(match=f"{namespace}:*")] == []
    finally:
        await redis.aclose()
        await one.close()
        await two.close()
