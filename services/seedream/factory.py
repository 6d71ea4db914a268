"""Build the shared HTTP client and a provider from explicit settings (the app's config layer calls these)."""

from __future__ import annotations

from typing import Literal

import httpx

from services.seedream.ark import DEFAULT_MODEL as ARK_DEFAULT_MODEL
from services.seedream.ark import ArkClient, ArkConfig
from services.seedream.types import SeedreamProvider
from services.seedream.wavespeed import WaveSpeedClient, WaveSpeedConfig

ProviderKind = Literal["simulator", "wavespeed", "ark"]


def create_http_client(
    *,
    connect_timeout_s: float = 10.0,
    read_timeout_s: float = 120.0,
    max_connections: int = 100,
    max_keepalive_connections: int = 20,
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """One client per process, shared by every provider call. Pass `transport=httpx.ASGITransport(app)` to
    talk to an in-process simulator."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(connect=connect_timeout_s, read=read_timeout_s, write=60.0, pool=30.0),
        limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_keepalive_connections),
        transport=transport,
        follow_redirects=False,
    )


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
    )
    return WaveSpeedClient(http, config, name="simulator" if kind == "simulator" else "wavespeed")
