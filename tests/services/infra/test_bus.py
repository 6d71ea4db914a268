"""The progress bus against a real Redis (and the in-process bus through the same tests).

Every test uses its own channel prefix and client name, so parallel runs and other suites on the same Redis are
left alone; pub/sub leaves no keys behind.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

import pytest
from redis.asyncio import Redis

from services.infra.bus import RESYNC, EventBus, InProcessBus, RedisBus, Resync, create_bus
from tests.conftest import TEST_REDIS_URL
from tests.log_capture import captured_json_logs, lines
from tests.services.infra.bus_support import TcpProxy, next_event, next_item, take, wait_until

REDIS_URL = TEST_REDIS_URL

MakeRedisBus = Callable[..., Awaitable[RedisBus]]


def via(proxy: TcpProxy) -> str:
    """The test Redis's URL (its database number too) through ``proxy``."""
    return f"redis://127.0.0.1:{proxy.port}{urlsplit(REDIS_URL).path}"


@pytest.fixture
async def admin() -> AsyncIterator[Redis]:
    client = Redis.from_url(REDIS_URL)
    yield client
    await client.aclose()


@pytest.fixture
async def make_redis_bus() -> AsyncIterator[MakeRedisBus]:
    buses: list[RedisBus] = []

    async def make(url: str = REDIS_URL, *, start: bool = True, **options: Any) -> RedisBus:
        tag = uuid.uuid4().hex[:10]
        options.setdefault("channel_prefix", f"test-events-{tag}:")
        options.setdefault("client_name", f"test-events-{tag}")
        options.setdefault("backoff_initial", 0.02)
        options.setdefault("backoff_max", 0.2)
        bus = RedisBus(url, **options)
        buses.append(bus)
        if start:
            await bus.start()
            assert bus.healthy
        return bus

    yield make
    for bus in buses:
        await bus.close()


@pytest.fixture(params=["memory", "redis"])
async def bus(request: pytest.FixtureRequest, make_redis_bus: MakeRedisBus) -> AsyncIterator[EventBus]:
    if request.param == "redis":
        yield await make_redis_bus()
    else:
        memory = InProcessBus()
        await memory.start()
        yield memory
        await memory.close()


def progress(seq: int, **extra: Any) -> dict[str, Any]:
    return {"seq": seq, "done": seq, **extra}


async def pubsub_clients(admin: Redis, name: str) -> list[dict[str, Any]]:
    clients: list[dict[str, Any]] = await admin.client_list(_type="pubsub")
    return [client for client in clients if client.get("name") == name]


async def numsub(admin: Redis, key: str) -> int:
    counts: list[tuple[bytes, int]] = await admin.pubsub_numsub(key)
    return int(counts[0][1])


# Both buses ------------------------------------------------------------------------------------------------------


async def test_published_events_arrive_in_order(bus: EventBus) -> None:
    async with bus.subscribe("batch:a") as sub:
        for seq in range(1, 11):
            await bus.publish("batch:a", progress(seq))
        received = await take(sub, 10)
    assert received == [progress(seq) for seq in range(1, 11)]


async def test_every_subscriber_of_a_channel_gets_every_event(bus: EventBus) -> None:
    async with bus.subscribe("batch:a") as one, bus.subscribe("batch:a") as two, bus.subscribe("batch:a") as three:
        await bus.publish("batch:a", progress(1))
        await bus.publish("batch:a", progress(2, terminal=True))
        for sub in (one, two, three):
            assert await take(sub, 2) == [progress(1), progress(2, terminal=True)]


async def test_channels_are_isolated(bus: EventBus) -> None:
    async with bus.subscribe("batch:a") as a, bus.subscribe("batch:b") as b:
        await bus.publish("batch:a", progress(1, channel="a"))
        await bus.publish("batch:b", progress(1, channel="b"))
        await bus.publish("batch:a", progress(2, channel="a"))
        assert await take(a, 2) == [progress(1, channel="a"), progress(2, channel="a")]
        assert await next_event(b) == progress(1, channel="b")
        # Nothing else is queued for b: its only event has been consumed.
        assert getattr(b, "pending", 0) == 0


async def test_slow_subscriber_keeps_newest_and_terminal_without_holding_up_others(bus: EventBus) -> None:
    async with bus.subscribe("batch:a", queue_size=4) as slow, bus.subscribe("batch:a", queue_size=100) as fast:
        events = [progress(seq) for seq in range(1, 21)] + [progress(21, terminal=True)]
        for event in events:
            await bus.publish("batch:a", event)
        assert await take(fast, 21) == events  # the fast reader saw all of them, in order
        await wait_until(lambda: getattr(slow, "dropped", 0) == 17)
        assert await take(slow, 4) == [progress(18), progress(19), progress(20), progress(21, terminal=True)]


async def test_terminal_events_are_never_dropped_for_progress(bus: EventBus) -> None:
    async with bus.subscribe("user:u", queue_size=3) as slow, bus.subscribe("user:u", queue_size=100) as fast:
        events = [
            progress(1, terminal=True, batch="x"),
            progress(1, batch="y"),
            progress(2, terminal=True, batch="z"),
            progress(2, batch="y"),
            progress(3, batch="y"),
            progress(4, batch="y"),
        ]
        for event in events:
            await bus.publish("user:u", event)
        await take(fast, len(events))
        assert await take(slow, 3) == [events[0], events[2], events[5]]


async def test_close_ends_iterators(bus: EventBus) -> None:
    received: list[Any] = []

    async def consume() -> None:
        async with bus.subscribe("batch:a") as sub:
            ready.set()
            async for item in sub:
                received.append(item)

    ready = asyncio.Event()
    task = asyncio.create_task(consume())
    async with asyncio.timeout(5):
        await ready.wait()
    await bus.publish("batch:a", progress(1))
    await wait_until(lambda: received == [progress(1)])
    await bus.close()
    async with asyncio.timeout(5):
        await task
    # A subscription opened after close ends at once instead of hanging.
    async with bus.subscribe("batch:a") as late:
        assert [item async for item in late] == []


async def test_events_must_be_json(bus: EventBus) -> None:
    with pytest.raises(TypeError):
        await bus.publish("batch:a", {"seq": 1, "at": object()})


async def test_iterating_without_entering_is_an_error(bus: EventBus) -> None:
    with pytest.raises(RuntimeError, match="async with"):
        await anext(aiter(bus.subscribe("batch:a")))


def test_protected_items_collapse_into_one_resync_when_a_consumer_stops_reading() -> None:
    async def scenario() -> list[Any]:
        memory = InProcessBus()
        async with memory.subscribe("user:u", queue_size=2) as sub:
            for seq in range(3):
                await memory.publish("user:u", progress(seq, terminal=True))
            assert sub.pending == 3  # all terminal: kept beyond the bound
            for seq in range(3, 9):
                await memory.publish("user:u", progress(seq, terminal=True))
            assert sub.pending == 1
            items = [await next_item(sub)]
            await memory.publish("user:u", progress(9))
            items.append(await next_item(sub))
        return items

    assert asyncio.run(scenario()) == [RESYNC, progress(9)]


def test_create_bus_picks_the_implementation() -> None:
    assert isinstance(create_bus(None, channel_prefix="ignored:"), InProcessBus)
    redis_bus = create_bus(REDIS_URL, channel_prefix="x:")
    assert isinstance(redis_bus, RedisBus)
    asyncio.run(redis_bus.close())


def test_resync_is_a_singleton() -> None:
    assert Resync() is RESYNC
    assert repr(RESYNC) == "RESYNC"


# Redis specifics -------------------------------------------------------------------------------------------------


async def test_one_pubsub_connection_serves_every_local_subscriber(make_redis_bus: MakeRedisBus, admin: Redis) -> None:
    bus = await make_redis_bus(client_name=f"test-events-one-{uuid.uuid4().hex[:8]}")
    name = bus._listener_pool.connection_kwargs["client_name"]
    async with asyncio.TaskGroup() as group:
        entered = [group.create_task(bus.subscribe(f"batch:{index % 10}").__aenter__()) for index in range(50)]
    subscriptions = [task.result() for task in entered]
    try:
        assert len(await pubsub_clients(admin, name)) == 1
        key = bus._prefix + "batch:3"
        assert await numsub(admin, key) == 1  # five local subscribers, one Redis subscription
        await bus.publish("batch:3", progress(1))
        for sub in subscriptions:
            if sub.channel == "batch:3":
                assert await next_event(sub) == progress(1)
    finally:
        for sub in subscriptions:
            await sub.__aexit__(None, None, None)


async def test_last_subscriber_leaving_unsubscribes_the_channel(make_redis_bus: MakeRedisBus, admin: Redis) -> None:
    bus = await make_redis_bus()
    key = bus._prefix + "batch:a"
    async with bus.subscribe("batch:a"):
        async with bus.subscribe("batch:a"):
            assert await numsub(admin, key) == 1
        assert await numsub(admin, key) == 1  # one local subscriber is still there
        channels = await admin.pubsub_channels(bus._prefix + "*")
        assert channels == [key.encode()]
    await wait_until(lambda: bus._remote == set())
    async with asyncio.timeout(5):
        while await numsub(admin, key) != 0:  # noqa: ASYNC110 - polling Redis, bounded by the timeout
            await asyncio.sleep(0.01)
    assert await admin.pubsub_channels(bus._prefix + "*") == []


async def test_leaving_and_rejoining_at_once_is_confirmed_without_resync(make_redis_bus: MakeRedisBus) -> None:
    bus = await make_redis_bus(subscribe_timeout=30)
    for _ in range(5):
        async with bus.subscribe("batch:a"):
            pass
        async with asyncio.timeout(5), bus.subscribe("batch:a") as sub:
            await bus.publish("batch:a", progress(1))
            assert await next_item(sub) == progress(1)


async def test_killed_pubsub_connection_reconnects_and_resyncs(
    make_redis_bus: MakeRedisBus, admin: Redis, caplog: pytest.LogCaptureFixture
) -> None:
    bus = await make_redis_bus()
    name = bus._listener_pool.connection_kwargs["client_name"]
    async with bus.subscribe("batch:a") as a, bus.subscribe("batch:a") as a2, bus.subscribe("user:u") as u:
        await bus.publish("batch:a", progress(1))
        assert await next_event(a) == progress(1)
        await bus.publish("batch:a", progress(2))  # left unread in a's queue: RESYNC supersedes it
        await wait_until(lambda: a.pending == 1)

        [client] = await pubsub_clients(admin, name)
        with caplog.at_level(logging.WARNING, logger="services.infra.bus"):
            assert await admin.client_kill_filter(_id=client["id"]) == 1
            await wait_until(lambda: bus.reconnects == 1 and not a.needs_resync)
        assert "connection lost" in caplog.text
        assert a.pending == 1  # the unread progress(2) was superseded by RESYNC
        assert await next_item(a) is RESYNC
        assert await next_item(a2) is RESYNC  # its two unread snapshots were superseded too
        assert await next_item(u) is RESYNC
        assert bus.healthy
        assert bus.reconnects == 1

        [new_client] = await pubsub_clients(admin, name)
        assert new_client["id"] != client["id"]
        await bus.publish("batch:a", progress(3))
        await bus.publish("user:u", progress(1))
        assert await next_event(a) == progress(3)
        assert await next_event(u) == progress(1)


async def test_outage_marks_unhealthy_and_new_subscribers_do_not_wait(make_redis_bus: MakeRedisBus) -> None:
    redis_address = urlsplit(REDIS_URL)
    proxy = TcpProxy(redis_address.hostname or "127.0.0.1", redis_address.port or 6379)
    await proxy.start()
    try:
        bus = await make_redis_bus(via(proxy), subscribe_timeout=30)
        async with bus.subscribe("batch:a") as before:
            await proxy.cut()
            await wait_until(lambda: not bus.healthy)
            await bus.publish("batch:a", progress(1))  # lost, and not raised
            assert bus.publish_failures == 1

            during = bus.subscribe("batch:a")
            async with asyncio.timeout(1):
                await during.__aenter__()  # at once although Redis is away (subscribe_timeout is 30 s)
            failures = bus.connection_failures

            proxy.restore()
            assert await next_item(before) is RESYNC
            assert await next_item(during) is RESYNC
            assert bus.healthy
            assert bus.connection_failures >= failures
            assert bus.reconnects == 1
            await bus.publish("batch:a", progress(2))
            assert await next_event(before) == progress(2)
            assert await next_event(during) == progress(2)
            await during.__aexit__(None, None, None)
    finally:
        await proxy.close()


async def test_silent_connection_is_detected_by_ping(make_redis_bus: MakeRedisBus) -> None:
    redis_address = urlsplit(REDIS_URL)
    proxy = TcpProxy(redis_address.hostname or "127.0.0.1", redis_address.port or 6379)
    await proxy.start()
    try:
        # Detection takes two silent intervals; at 0.1 s a loaded machine's PONG could miss it and reconnects looped.
        bus = await make_redis_bus(via(proxy), ping_interval=0.5)
        async with bus.subscribe("batch:a") as sub:
            proxy.freeze()  # the socket stays open but nothing comes back
            await wait_until(lambda: not bus.healthy)
            proxy.restore()
            assert await next_item(sub) is RESYNC
            assert bus.reconnects == 1
            await bus.publish("batch:a", progress(1))
            assert await next_event(sub) == progress(1)
    finally:
        await proxy.close()


async def test_unreachable_redis_does_not_fail_start(make_redis_bus: MakeRedisBus) -> None:
    proxy = TcpProxy("127.0.0.1", 1)
    await proxy.start()
    try:
        await proxy.cut()
        bus = await make_redis_bus(via(proxy), start=False)
        await bus.start(wait=0.2)
        assert not bus.healthy
        await wait_until(lambda: bus.connection_failures >= 2)  # it keeps trying, with backoff
    finally:
        await proxy.close()


async def test_start_with_redis_unreachable_returns_after_one_attempt_and_the_outage_is_logged_once(
    make_redis_bus: MakeRedisBus,
) -> None:
    proxy = TcpProxy("127.0.0.1", 1)
    await proxy.start()
    try:
        await proxy.cut()
        with captured_json_logs() as logs:
            # A subscribe timeout far longer than the listener's backoff (at most 0.2 s here): a start that waited
            # for it (the old 5 s of `serve` and `worker`) would see a hundred failed attempts, not one.
            bus = await make_redis_bus(via(proxy), start=False, subscribe_timeout=30)
            await bus.start()
            assert not bus.healthy
            assert 1 <= bus.connection_failures <= 2
            await wait_until(lambda: bus.connection_failures >= 5)  # it keeps retrying in the background
            warnings = [r for r in lines(logs) if r["level"] == "warning"]
        assert len(warnings) == 1, warnings
        assert warnings[0]["event"].startswith("Redis unreachable (event bus: connecting: ")
    finally:
        await proxy.close()


async def test_non_json_messages_on_a_channel_are_skipped(
    make_redis_bus: MakeRedisBus, admin: Redis, caplog: pytest.LogCaptureFixture
) -> None:
    bus = await make_redis_bus()
    async with bus.subscribe("batch:a") as sub:
        with caplog.at_level(logging.WARNING, logger="services.infra.bus"):
            await admin.publish(bus._prefix + "batch:a", b"not json")
            await admin.publish(bus._prefix + "batch:a", b"[1, 2]")
            await bus.publish("batch:a", progress(1))
            assert await next_event(sub) == progress(1)
        assert "non-JSON" in caplog.text
        assert "non-object" in caplog.text
        assert bus.healthy
        assert bus.reconnects == 0


async def test_cancelled_while_entering_releases_the_channel(make_redis_bus: MakeRedisBus) -> None:
    bus = await make_redis_bus()
    subscription = bus.subscribe("batch:a")
    entering = asyncio.create_task(subscription.__aenter__())
    await asyncio.sleep(0)  # let it start: it is now waiting for Redis to confirm
    entering.cancel()
    with pytest.raises(asyncio.CancelledError):
        await entering
    assert bus.subscriber_count("batch:a") == 0


async def test_a_reconnect_into_a_black_hole_gives_up_and_tries_again(make_redis_bus: MakeRedisBus) -> None:
    redis_address = urlsplit(REDIS_URL)
    proxy = TcpProxy(redis_address.hostname or "127.0.0.1", redis_address.port or 6379)
    await proxy.start()
    try:
        bus = await make_redis_bus(via(proxy), ping_interval=0.2)
        async with bus.subscribe("batch:a") as sub:
            proxy.freeze()
            # Stay frozen until the bus has tried to reconnect through the black hole (its handshake is swallowed).
            accepted = proxy.accepted
            await wait_until(lambda: proxy.accepted > accepted)
            proxy.restore()
            assert await next_item(sub) is RESYNC
            await bus.publish("batch:a", progress(1))
            assert await next_event(sub) == progress(1)
    finally:
        await proxy.close()
