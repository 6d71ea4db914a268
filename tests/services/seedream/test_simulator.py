from __future__ import annotations

import asyncio
import base64
import io
import json
from collections.abc import Iterator

import httpx
import pytest
from PIL import Image

from services.seedream import verify_webhook_signature
from services.seedream.simulator import Latency, SimulatorConfig, SimulatorServer, create_app
from services.seedream.simulator.render import render_image
from services.seedream.simulator.state import SimulatorState
from tests.services.seedream.conftest import decoded_size, png_bytes

AUTH = {"Authorization": "Bearer simulator"}
T2I = "/api/v3/bytedance/seedream-v4"


class FakeClock:
    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def limited() -> Iterator[tuple[SimulatorServer, FakeClock]]:
    clock = FakeClock()
    config = SimulatorConfig(latency=Latency.fixed(0), images_per_minute=4, concurrent_tasks=2, clock=clock, hang_s=2.0)
    with SimulatorServer(config) as server:
        yield server, clock


def test_render_is_deterministic_sized_and_differs_per_prompt() -> None:
    first = render_image("a cat", seed=1, index=0, width=1536, height=1024, image_format="PNG")
    again = render_image("a cat", seed=1, index=0, width=1536, height=1024, image_format="PNG")
    other = render_image("a dog", seed=1, index=0, width=1536, height=1024, image_format="PNG")

    assert first == again
    assert decoded_size(first) == (1536, 1024)
    with Image.open(io.BytesIO(first)) as a, Image.open(io.BytesIO(other)) as b:
        # Average colour differs between prompts, not just a few caption pixels.
        mean_a = a.convert("RGB").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
        mean_b = b.convert("RGB").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    assert isinstance(mean_a, tuple)
    assert isinstance(mean_b, tuple)
    assert sum(abs(x - y) for x, y in zip(mean_a, mean_b, strict=True)) > 30


@pytest.mark.parametrize(
    ("path", "body", "message"),
    [
        (T2I, {"size": "1024*1024"}, "prompt is required"),
        (T2I, {"prompt": "p", "size": "1024x1024"}, "size must look like"),
        (T2I, {"prompt": "p", "size": "1023*2048"}, "within 1024..4096"),
        (T2I, {"prompt": "p", "size": "4097*2048"}, "within 1024..4096"),
        (T2I + "/edit", {"prompt": "p"}, "images is required"),
        (T2I + "/sequential", {"prompt": "p", "max_images": 16}, "max_images"),
        (T2I + "/sequential", {"prompt": "p", "max_images": 0}, "max_images"),
    ],
)
async def test_wavespeed_validation(
    simulator: SimulatorServer, path: str, body: dict[str, object], message: str
) -> None:
    async with httpx.AsyncClient(base_url=simulator.base_url) as client:
        response = await client.post(path, json=body, headers=AUTH)

    assert response.status_code == 400
    payload = response.json()
    assert payload["code"] == 400
    assert message in payload["data"]["error"]


@pytest.mark.parametrize(
    ("body", "code", "param"),
    [
        ({"model": "seedream-4-0-250828", "size": "2K"}, "MissingParameter", "prompt"),
        ({"model": "seedream-4-0-250828", "prompt": "p", "size": "2048*2048"}, "InvalidParameter", "size"),
        ({"model": "seedream-4-0-250828", "prompt": "p", "size": "800x800"}, "InvalidParameter", "size"),
        ({"model": "seedream-4-0-250828", "prompt": "p", "size": "8192x4096"}, "InvalidParameter", "size"),
        ({"model": "seedream-4-0-250828", "prompt": "p", "size": "17000x1000"}, "InvalidParameter", "size"),
        (
            {"model": "seedream-4-0-250828", "prompt": "p", "response_format": "png"},
            "InvalidParameter",
            "response_format",
        ),
        (
            {
                "model": "seedream-4-0-250828",
                "prompt": "p",
                "sequential_image_generation": "auto",
                "sequential_image_generation_options": {"max_images": 16},
            },
            "InvalidParameter",
            "max_images",
        ),
        (
            {"model": "seedream-4-0-250828", "prompt": "p", "image": "data:image/png;base64,@@@"},
            "InvalidParameter",
            "image",
        ),
    ],
)
async def test_ark_validation(simulator: SimulatorServer, body: dict[str, object], code: str, param: str) -> None:
    async with httpx.AsyncClient(base_url=simulator.ark_base_url) as client:
        response = await client.post("/api/v3/images/generations".removeprefix("/api/v3"), json=body, headers=AUTH)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == code
    assert response.json()["error"]["param"] == param


async def test_ark_accepts_tiers_extreme_ratio_and_data_url_reference(simulator: SimulatorServer) -> None:
    data_url = "data:image/png;base64," + base64.b64encode(png_bytes()).decode()
    async with httpx.AsyncClient(base_url=simulator.ark_base_url) as client:
        for size in ("1K", "3840x240"):
            response = await client.post(
                "/images/generations",
                json={
                    "model": "seedream-4-0-250828",
                    "prompt": "ok",
                    "size": size,
                    "image": data_url,
                    "response_format": "b64_json",
                },
                headers=AUTH,
            )
            assert response.status_code == 200, response.text
    (entry,) = response.json()["data"]
    assert entry["size"] == "3840x240"
    assert decoded_size(base64.b64decode(entry["b64_json"])) == (3840, 240)


async def test_wavespeed_401_body_and_second_poll_path(simulator: SimulatorServer) -> None:
    async with httpx.AsyncClient(base_url=simulator.base_url) as client:
        denied = await client.post(T2I, json={"prompt": "p"}, headers={"Authorization": "Bearer bad"})
        submitted = await client.post(T2I, json={"prompt": "p", "size": "1024*1024"}, headers=AUTH)
        task_id = submitted.json()["data"]["id"]
        for _ in range(200):
            polled = await client.get(f"/api/v3/predictions/{task_id}", headers=AUTH)
            if polled.json()["data"]["status"] == "completed":
                break
            await asyncio.sleep(0.01)

    assert denied.status_code == 401
    assert denied.json()["code"] == 401
    assert denied.json()["data"]["error"]
    assert submitted.json()["code"] == 200
    assert submitted.json()["data"]["status"] in ("created", "processing")
    data = polled.json()["data"]
    assert data["status"] == "completed"
    assert len(data["outputs"]) == 1
    assert data["has_nsfw_contents"] == [False]


async def test_images_per_minute_limit(limited: tuple[SimulatorServer, FakeClock]) -> None:
    server, clock = limited
    body = {"prompt": "p", "size": "1024*1024", "max_images": 3}
    async with httpx.AsyncClient(base_url=server.base_url) as client:
        first = await client.post(T2I + "/sequential", json=body, headers=AUTH)
        await _wait_idle(server)
        second = await client.post(T2I + "/sequential", json=body, headers=AUTH)
        clock.now += 61
        third = await client.post(T2I + "/sequential", json=body, headers=AUTH)

    assert first.status_code == 200
    assert second.status_code == 429
    assert second.json()["data"]["error"] == "images per minute limit reached"
    # WaveSpeed documents no Retry-After header.
    assert "retry-after" not in second.headers
    assert third.status_code == 200


async def test_tasks_over_the_concurrency_limit_wait_in_the_queue(limited: tuple[SimulatorServer, FakeClock]) -> None:
    server, _ = limited
    async with httpx.AsyncClient(base_url=server.base_url) as client:
        hanging = [
            await client.post(T2I, json={"prompt": f"[[delay:1]] {index}", "size": "1024*1024"}, headers=AUTH)
            for index in range(2)
        ]
        queued = await client.post(T2I, json={"prompt": "third", "size": "1024*1024"}, headers=AUTH)
        task_id = queued.json()["data"]["id"]
        while_queued = await client.get(f"/api/v3/predictions/{task_id}/result", headers=AUTH)
        await _wait_idle(server)
        finished = await client.get(f"/api/v3/predictions/{task_id}/result", headers=AUTH)

    assert [response.status_code for response in hanging] == [200, 200]
    # WaveSpeed queues tasks over the account's concurrency instead of refusing them.
    assert queued.status_code == 200
    assert while_queued.json()["data"]["status"] == "created"
    assert finished.json()["data"]["status"] == "completed"


async def _wait_idle(server: SimulatorServer, limit_s: float = 5.0) -> None:
    async with asyncio.timeout(limit_s):
        # Polling a condition with a timeout: the simulator's tasks run on its own thread's loop.
        while not all(task.done.is_set() for task in list(server.state.tasks.values())):  # noqa: ASYNC110
            await asyncio.sleep(0.01)


async def test_webhook_is_delivered_signed() -> None:
    received: list[httpx.Request] = []
    delivered = asyncio.Event()

    def receiver(request: httpx.Request) -> httpx.Response:
        received.append(request)
        delivered.set()
        return httpx.Response(200)

    config = SimulatorConfig(
        latency=Latency.fixed(0),
        webhook_secret="whsec_dGVzdA",
        record_requests=False,
        webhook_transport=httpx.MockTransport(receiver),
    )
    app = create_app(config)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://simulator") as client:
        response = await client.post(
            T2I,
            params={"webhook": "https://hooks.example.test/seedream"},
            json={"prompt": "hooked", "size": "1024*1024"},
            headers=AUTH,
        )
        async with asyncio.timeout(5):
            await delivered.wait()

    (request,) = received
    body = request.content
    verify_webhook_signature("whsec_dGVzdA", request.headers, body)
    payload = json.loads(body)
    assert payload["id"] == response.json()["data"]["id"] == request.headers["webhook-id"]
    assert payload["status"] == "completed"
    assert payload["input"] == {"prompt": "hooked", "size": "1024*1024"}
    assert "code" not in payload or payload["code"] != 200
    assert request.headers["webhook-signature"].startswith("v3,")


async def test_public_webhook_host_is_never_contacted() -> None:
    app = create_app(SimulatorConfig(latency=Latency.fixed(0)))
    state = app.state.simulator
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://simulator") as client:
        await client.post(
            T2I,
            params={"webhook": "https://hooks.example.test/x"},
            json={"prompt": "p", "size": "1024*1024"},
            headers=AUTH,
        )
        async with asyncio.timeout(5):
            while not state.webhooks:  # noqa: ASYNC110 (polling a condition, bounded by the timeout)
                await asyncio.sleep(0.01)

    assert state.webhooks[0].status is None
    assert state.webhooks[0].error == "non-loopback host not contacted"


async def test_render_once_serves_one_whole_image_per_size() -> None:
    once = SimulatorState(SimulatorConfig(latency=Latency.fixed(0), render_once=True))
    first, content_type = await once.render("a cat", 1, 0, (1024, 1024))
    again, _ = await once.render("a dog", 2, 3, (1024, 1024))
    wider, _ = await once.render("a dog", 2, 3, (1536, 1024))
    assert content_type == "image/jpeg"
    assert again == first  # served again, not rendered
    assert decoded_size(wider) == (1536, 1024)  # another size is rendered for itself
    with Image.open(io.BytesIO(first)) as image:
        image.load()  # a whole image, as every render is
        assert image.size == (1024, 1024)

    every = SimulatorState(SimulatorConfig(latency=Latency.fixed(0)))
    assert (await every.render("a cat", 1, 0, (1024, 1024)))[0] != (await every.render("a dog", 2, 3, (1024, 1024)))[0]
