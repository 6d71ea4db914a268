from __future__ import annotations

import httpx

from services.seedream import (
    ArkClient,
    GenerationMode,
    GenerationRequest,
    ImageSize,
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
