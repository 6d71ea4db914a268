from __future__ import annotations

import httpx

from services.seedream import (
    ArkClient,
    GenerationMode,
    GenerationRequest,
    ImageSize,
    WaveSpeedClient,
    create_http_client,
    create_provider,
)
from services.seedream.simulator import Latency, SimulatorConfig, create_app


async def test_simulator_in_process_through_asgi_transport() -> None:
    app = create_app(SimulatorConfig(latency=Latency.fixed(0), api_keys=frozenset({"k"})))
    async with create_http_client(transport=httpx.ASGITransport(app=app)) as http:
        provider = create_provider("simulator", http, base_url="http://simulator", api_key="k", poll_initial_s=0.01)
        result = await provider.generate(
            GenerationRequest(GenerationMode.SEQUENTIAL, "embedded", size=ImageSize(1024, 1024), max_images=2)
        )

    assert provider.name == "simulator"
    assert [image.index for image in result.images] == [0, 1]
    assert result.provider == "simulator"


async def test_factory_builds_ark_with_stream_and_format() -> None:
    async with create_http_client() as http:
        provider = create_provider(
            "ark", http, base_url="http://ark.test/api/v3", api_key="k", stream=True, base64_output=False
        )

    assert isinstance(provider, ArkClient)
    body = provider.request_body(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "p"))
    assert (body["stream"], body["response_format"], body["watermark"]) == (True, "url", False)


async def test_wavespeed_is_polled_at_least_two_seconds_apart_growing_and_the_simulator_may_be_faster() -> None:
    async with create_http_client() as http:
        real = create_provider("wavespeed", http, base_url="http://ws.test", api_key="k", poll_initial_s=0.5)
        local = create_provider("simulator", http, base_url="http://sim.test", api_key="k", poll_initial_s=0.5)

    assert isinstance(real, WaveSpeedClient)
    assert isinstance(local, WaveSpeedClient)
    config = real._config
    assert config.poll_initial_s >= 2.0
    assert config.poll_multiplier > 1
    assert config.poll_max_s >= config.poll_initial_s
    assert local._config.poll_initial_s == 0.5
