"""Seedream simulator and client benchmark.

Measures (1) simulator rendering throughput at 1024² and 2048², against a raw Pillow encode of a same-size
image, and (2) client CPU per image (this process only: the simulator runs in a subprocess at zero latency,
over loopback HTTP), against a bare httpx GET round trip to the same server.
Run: `python bench/bench_seedream.py [--quick]`.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import platform
import socket
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image

from services.seedream import (
    ArkClient,
    ArkConfig,
    GenerationMode,
    GenerationRequest,
    ImageSize,
    WaveSpeedClient,
    WaveSpeedConfig,
    create_http_client,
)
from services.seedream.simulator.render import render_image
from services.seedream.simulator.server import free_port


def per_second(count: int, seconds: float) -> float:
    return count / seconds if seconds else float("inf")


def bench_render(side: int, count: int) -> tuple[float, float]:
    started = time.perf_counter()
    for index in range(count):
        render_image(f"benchmark prompt {index}", seed=1, index=index, width=side, height=side, image_format="JPEG")
    rendered = per_second(count, time.perf_counter() - started)
    # Baseline: encoding an already-made image of the same size, the floor any renderer pays.
    image = Image.new("RGB", (side, side), (120, 80, 200))
    started = time.perf_counter()
    for _ in range(count):
        image.save(io.BytesIO(), "JPEG", quality=85)
    return rendered, per_second(count, time.perf_counter() - started)


def start_simulator_process() -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    code = (
        "from services.seedream.simulator import Latency, SimulatorConfig, run; "
        f"run('127.0.0.1', {port}, SimulatorConfig(latency=Latency.fixed(0), record_requests=False))"
    )
    root = Path(__file__).resolve().parent.parent
    process = subprocess.Popen(
        [sys.executable, "-c", code], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("simulator subprocess did not start") from None
            time.sleep(0.05)
    return process, f"http://127.0.0.1:{port}"


async def bench_client(base_url: str, calls: int) -> dict[str, float]:
    figures: dict[str, float] = {}
    async with create_http_client() as http:
        # Baseline: a bare GET round trip to the same server (the balance endpoint).
        await http.get(base_url + "/api/v3/balance", headers={"Authorization": "Bearer simulator"})
        cpu = time.process_time()
        for _ in range(calls * 4):
            await http.get(base_url + "/api/v3/balance", headers={"Authorization": "Bearer simulator"})
        figures["bare GET"] = (time.process_time() - cpu) * 1000 / (calls * 4)
        wavespeed = WaveSpeedClient(
            http,
            WaveSpeedConfig(api_key="simulator", base_url=base_url, base64_output=True, sync_mode=True),
        )
        ark = ArkClient(http, ArkConfig(api_key="simulator", base_url=base_url + "/api/v3"))
        for label, client in (("wavespeed sync b64", wavespeed), ("ark b64", ark)):
            request = GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "bench", size=ImageSize(1024, 1024))
            await client.generate(request)
            cpu = time.process_time()
            for _ in range(calls):
                await client.generate(request)
            figures[label] = (time.process_time() - cpu) * 1000 / calls
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer iterations")
    args = parser.parse_args()
    renders, calls = (3, 10) if args.quick else (10, 40)

    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    for side in (1024, 2048):
        rendered, baseline = bench_render(side, renders)
        print(
            f"render {side}x{side} JPEG: {rendered:6.1f} images/s "
            f"(raw Pillow encode {baseline:6.1f}/s; render costs {baseline / rendered:4.1f}x the encode)"
        )

    process, base_url = start_simulator_process()
    try:
        figures = asyncio.run(bench_client(base_url, calls))
    finally:
        process.terminate()
        process.wait(timeout=10)
    bare = figures.pop("bare GET")
    print(f"client CPU, bare httpx GET round trip: {bare:6.2f} ms (baseline)")
    for label, cpu_ms in figures.items():
        print(
            f"client CPU, {label:>18}: {cpu_ms:6.2f} ms per 1024² image = {cpu_ms / bare:4.1f}x a bare GET "
            "(decode + probe + JSON)"
        )


if __name__ == "__main__":
    main()
