"""Build the shared HTTP client and a provider from explicit settings (the app's config layer calls these)."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator
from typing import Literal

import httpx

from services.seedream.ark import DEFAULT_MODEL as ARK_DEFAULT_MODEL
from services.seedream.ark import ArkClient, ArkConfig
from services.seedream.types import SeedreamProvider
from services.seedream.wavespeed import WaveSpeedClient, WaveSpeedConfig

ProviderKind = Literal["simulator", "wavespeed", "ark"]


CONNECTIONS_PER_POOL = 16
"""httpcore scans every connection of its pool, some checks quadratically, each time a request starts or ends; at 100
connections that was a quarter of the worker's CPU. Pools of at most this many keep the scan short."""


def create_http_client(
    *,
    connect_timeout_s: float = 10.0,
    read_timeout_s: float = 120.0,
    max_connections: int = 100,
    max_keepalive_connections: int = 20,
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """One client per process, shared by every provider call. Pass `transport=httpx.ASGITransport(app)` to
    talk to an in-process simulator. Over ``CONNECTIONS_PER_POOL`` connections, requests are spread over several
    pools (`PooledTransport`) with the same limits in total."""
    if transport is None and max_connections > CONNECTIONS_PER_POOL:
        transport = PooledTransport(
            max_connections=max_connections, max_keepalive_connections=max_keepalive_connections
        )
    return httpx.AsyncClient(
        timeout=httpx.Timeout(connect=connect_timeout_s, read=read_timeout_s, write=60.0, pool=30.0),
        limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_keepalive_connections),
        transport=transport,
        follow_redirects=False,
    )


class PooledTransport(httpx.AsyncBaseTransport):
    """httpx's own transport, as several connection pools of at most ``CONNECTIONS_PER_POOL`` connections: a request
    goes to the pool with the fewest requests in flight (a response counts until it is closed)."""

    def __init__(self, *, max_connections: int, max_keepalive_connections: int) -> None:
        count = math.ceil(max_connections / CONNECTIONS_PER_POOL)
        limits = httpx.Limits(
            max_connections=math.ceil(max_connections / count),
            max_keepalive_connections=math.ceil(max_keepalive_connections / count),
        )
        self._pools = [httpx.AsyncHTTPTransport(limits=limits) for _ in range(count)]
        self._in_flight = [0] * count

    @property
    def pools(self) -> int:
        return len(self._pools)

    def in_flight(self) -> list[int]:
        """Requests in flight per pool (responses not closed yet)."""
        return list(self._in_flight)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        index = min(range(len(self._pools)), key=self._in_flight.__getitem__)
        self._in_flight[index] += 1
        try:
            response = await self._pools[index].handle_async_request(request)
        except BaseException:
            self._in_flight[index] -= 1
            raise
        stream = response.stream
        assert isinstance(stream, httpx.AsyncByteStream)
        response.stream = _Counted(stream, self._in_flight, index)
        return response

    async def aclose(self) -> None:
        for pool in self._pools:
            await pool.aclose()


class _Counted(httpx.AsyncByteStream):
    """A response body that takes its request off its pool's count once, when closed."""

    def __init__(self, stream: httpx.AsyncByteStream, counts: list[int], index: int) -> None:
        self._stream = stream
        self._counts = counts
        self._index = index
        self._open = True

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            yield chunk

    async def aclose(self) -> None:
        if self._open:
            self._open = False
            self._counts[self._index] -= 1
        await self._stream.aclose()


WAVESPEED_MIN_POLL_S = 2.0
"""WaveSpeed's documented minimum between two polls of an image task (the interval then grows)."""


def create_provider(
    kind: ProviderKind,
    http: httpx.AsyncClient,
    *,
    base_url: str,
    api_key: str,
    model: str = ARK_DEFAULT_MODEL,
    sync_mode: bool = False,
    base64_output: bool = True,
    stream: bool = False,
    watermark: bool = False,
    deadline_s: float = 300.0,
    poll_initial_s: float = 0.5,
    poll_max_s: float = 5.0,
    sync_wait_s: float = 90.0,
    webhook_url: str | None = None,
    queue_wait_s: float = 900.0,
) -> SeedreamProvider:
    """A ready client. "simulator" speaks the WaveSpeed format to the simulator at `base_url` (its root URL);
    "ark" wants the Ark base including `/api/v3`. Options that a provider lacks are ignored for it."""
    if kind == "ark":
        return ArkClient(
            http,
            ArkConfig(
                api_key=api_key,
                base_url=base_url,
                model=model,
                response_format="b64_json" if base64_output else "url",
                watermark=watermark,
                stream=stream,
                request_timeout_s=deadline_s,
            ),
        )
    if kind == "wavespeed":
        # WaveSpeed asks image tasks to be polled at least 2 s apart, with a growing interval; the simulator may
        # be polled faster (tests, local runs).
        poll_initial_s = max(poll_initial_s, WAVESPEED_MIN_POLL_S)
        poll_max_s = max(poll_max_s, poll_initial_s)
    config = WaveSpeedConfig(
        api_key=api_key,
        base_url=base_url,
        sync_mode=sync_mode,
        base64_output=base64_output,
        poll_initial_s=poll_initial_s,
        poll_max_s=poll_max_s,
        deadline_s=deadline_s,
        sync_wait_s=sync_wait_s,
        webhook_url=webhook_url,
        queue_wait_s=queue_wait_s,
    )
    return WaveSpeedClient(http, config, name="simulator" if kind == "simulator" else "wavespeed")
