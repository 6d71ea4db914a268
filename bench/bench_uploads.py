"""Memory of decoding uploads: six ~100 KB PNGs of 6000×6000 pixels (RGBA) accepted at once.

Each configuration runs in a fresh Python process (so one's heap does not flatter the other) and reports its RSS
before, its peak (``VmHWM``) during, its RSS after the six have finished, and the event loop's worst stall (a ticker
that should wake every 10 ms), which is what ``/healthz`` felt:

- ``baseline``: the pipeline before the decode slots, reproduced here: each upload on the default thread pool
  (six at once), decoded to check it, decoded again, transposed into a copy, copied once more, encoded; no trim;
- ``slots``: today's ``sanitize_image`` (one decode, in-place steps, kept at most 4096 px on a side) through
  ``services.infra.decoding.run`` with the default two slots, memory handed back after each decode.

Run: ``python bench/bench_uploads.py [--uploads N] [--json PATH]``. Figures are MB (10^6 bytes); ratios are
slots / baseline within the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

SIDE = 6000


def _status(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024 / 1e6
    raise RuntimeError(f"{field} not in /proc/self/status")


def _reset_peak() -> None:
    Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS (Linux 4.0+)


def _image(n: int) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGBA", (SIDE, SIDE), (n * 30 % 256, 90, 160, 255)).save(buffer, "PNG")
    return buffer.getvalue()


def _previous_pipeline(data: bytes) -> bytes:
    """What ``sanitize_image`` did before: inspect (full decode), then decode again, transpose into a copy, copy."""
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as image:
        image.load()
    with Image.open(io.BytesIO(data)) as image:
        upright = ImageOps.exif_transpose(image)
        clean = upright.copy()
        clean.info = {}
        out = io.BytesIO()
        clean.save(out, format="PNG")
    return out.getvalue()


async def _measure(config: str, uploads: int) -> dict[str, Any]:
    from services.generation.references import sanitize_image
    from services.infra import decoding

    files = [_image(n) for n in range(uploads)]
    before = _status("VmRSS")
    worst_stall = 0.0
    done = asyncio.Event()

    async def ticker() -> None:
        nonlocal worst_stall
        while not done.is_set():
            started = time.perf_counter()
            await asyncio.sleep(0.01)
            worst_stall = max(worst_stall, time.perf_counter() - started - 0.01)

    _reset_peak()
    tick = asyncio.create_task(ticker())
    started = time.perf_counter()
    if config == "baseline":
        await asyncio.gather(*(asyncio.to_thread(_previous_pipeline, data) for data in files))
    else:
        await asyncio.gather(*(decoding.run(sanitize_image, data) for data in files))
    elapsed = time.perf_counter() - started
    done.set()
    await tick
    peak = _status("VmHWM")
    after = _status("VmRSS")
    return {
        "config": config,
        "uploads": uploads,
        "file_kb": round(sum(map(len, files)) / len(files) / 1000, 1),
        "rss_before_mb": round(before, 1),
        "peak_mb": round(peak, 1),
        "rss_after_mb": round(after, 1),
        "kept_mb": round(after - before, 1),
        "peak_over_before_mb": round(peak - before, 1),
        "worst_loop_stall_ms": round(worst_stall * 1000, 1),
        "seconds": round(elapsed, 2),
    }


def _child(config: str, uploads: int) -> None:
    print(json.dumps(asyncio.run(_measure(config, uploads))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uploads", type=int, default=6)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child", choices=["baseline", "slots"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.uploads)
        return
    results = {}
    for config in ("baseline", "slots"):
        out = subprocess.run(
            [sys.executable, __file__, "--child", config, "--uploads", str(args.uploads)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        results[config] = json.loads(out.strip().splitlines()[-1])
    base, slots = results["baseline"], results["slots"]
    print(f"{args.uploads} uploads of {SIDE}x{SIDE} RGBA PNG (~{base['file_kb']} KB each) at once")
    print(f"{'':10}{'before':>10}{'peak':>10}{'after':>10}{'kept':>10}{'stall ms':>10}{'s':>8}")
    for name, row in results.items():
        print(
            f"{name:10}{row['rss_before_mb']:>10}{row['peak_mb']:>10}{row['rss_after_mb']:>10}"
            f"{row['kept_mb']:>10}{row['worst_loop_stall_ms']:>10}{row['seconds']:>8}"
        )
    ratios = {
        "peak_growth_ratio": round(slots["peak_over_before_mb"] / max(base["peak_over_before_mb"], 1e-9), 3),
        "kept_ratio": round(slots["kept_mb"] / base["kept_mb"], 3) if base["kept_mb"] > 0 else None,
    }
    print(f"slots / baseline: peak growth ×{ratios['peak_growth_ratio']}, kept ×{ratios['kept_ratio']}")
    if args.json:
        args.json.write_text(json.dumps({"results": results, "ratios": ratios}, indent=2))


if __name__ == "__main__":
    main()
