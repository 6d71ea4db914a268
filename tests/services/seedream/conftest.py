"""Fixtures: a real simulator on a loopback port, a shared httpx client, and client builders."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest
from PIL import Image

from services.seedream import ArkClient, ArkConfig, WaveSpeedClient, WaveSpeedConfig, create_http_client
from services.seedream.simulator import Latency, RecordedRequest, SimulatorConfig, SimulatorServer

SYNC_WAIT_S = 0.5
HANG_S = 4.0


@pytest.fixture(scope="session")
def simulator() -> Iterator[SimulatorServer]:
    config = SimulatorConfig(
        api_keys=frozenset({"second-key"}), latency=Latency.fixed(0), sync_wait_s=SYNC_WAIT_S, hang_s=HANG_S
    )
    with SimulatorServer(config) as server:
        yield server


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with create_http_client(read_timeout_s=20) as client:
        yield client


@pytest.fixture
def wavespeed(simulator: SimulatorServer, http: httpx.AsyncClient) -> Callable[..., WaveSpeedClient]:
    def build(**options: Any) -> WaveSpeedClient:
        settings: dict[str, Any] = {
            "api_key": "simulator",
            "base_url": simulator.base_url,
            "poll_initial_s": 0.02,
            "poll_max_s": 0.1,
            "deadline_s": 10.0,
            "sync_wait_s": SYNC_WAIT_S,
        }
        settings.update(options)
        return WaveSpeedClient(http, WaveSpeedConfig(**settings))

    return build


@pytest.fixture
def ark(simulator: SimulatorServer, http: httpx.AsyncClient) -> Callable[..., ArkClient]:
    def build(**options: Any) -> ArkClient:
        settings: dict[str, Any] = {
            "api_key": "simulator",
            "base_url": simulator.ark_base_url,
            "request_timeout_s": 10,
        }
        settings.update(options)
        return ArkClient(http, ArkConfig(**settings))

    return build


@pytest.fixture
def sent(simulator: SimulatorServer) -> Callable[[str], list[RecordedRequest]]:
    """Requests the simulator received on a path since this test started."""
    start = len(simulator.state.requests)

    def matching(path: str) -> list[RecordedRequest]:
        return [request for request in simulator.state.requests[start:] if request.path == path]

    return matching


def png_bytes(width: int = 64, height: int = 64, colour: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def decoded_size(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return image.size
