"""Run the three performance benchmarks of the performance table and write the table, ratios first, into README.md.

Runs, each as its own command line (their full output is echoed as it comes):

- ``bench_reads.py``: a page of 20 projects x 5 images from PostgreSQL against bare Starlette + asyncpg;
- ``bench_fanout.py --part websocket --sockets 1000``: ``batchProgress`` fan-out to 1,000 sockets against a bare
  Starlette WebSocket broadcast (also: idle subscriptions, connect rate);
- ``bench_worker.py --database postgres``: 600 images at 2 s provider latency with C = 20 and C = 100, against the
  bound C / L;

each with ``--json PATH`` (the fan-out server with ``RATE_LIMIT_OPERATIONS`` raised: its 1,000 sockets are one
user's), then replaces the block between the ``run_all`` markers of ``bench/README.md`` (or adds
it at the end) with the table. A benchmark that fails is reported as such in the table; the others still run.

Run: ``python bench/run_all.py [--quick] [--no-write]``. ``--quick`` passes ``--quick`` (smaller runs: a smoke test of
the whole chain, not figures to keep).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
README = BENCH / "README.md"
BEGIN = "<!-- run_all:begin (written by bench/run_all.py; edit the script, not this block) -->"
END = "<!-- run_all:end -->"


def run(name: str, arguments: list[str], out: Path, env: dict[str, str] | None = None) -> dict[str, Any] | None:
    """Run one benchmark script with ``--json out``; its figures, or None when it failed."""
    command = [sys.executable, str(BENCH / name), *arguments, "--json", str(out)]
    print(f"\n$ {' '.join(f'{k}={v}' for k, v in (env or {}).items())} {' '.join(command[1:])}", flush=True)
    started = time.monotonic()
    finished = subprocess.run(command, check=False, env={**os.environ, **(env or {})})
    print(f"({name}: exit {finished.returncode} after {time.monotonic() - started:.0f} s)", flush=True)
    if finished.returncode != 0 or not out.exists():
        return None
    figures: dict[str, Any] = json.loads(out.read_text())
    return figures


def _x(value: float) -> str:
    return f"**{value:.2f}×**"


def reads_rows(reads: dict[str, Any] | None) -> list[str]:
    if reads is None:
        return ["| Page of 20 projects × 5 images (PostgreSQL) | failed (see the output) | ≥ 0.5× | | |"]
    bare, ours = reads["servers"]["bare"], reads["servers"]["graphql"]
    return [
        f"| Page of 20 projects × 5 images (PostgreSQL) | {_x(reads['ratio'])} req/s | ≥ 0.5× (milestone 0.25×) | "
        f"{ours['per_second']:,.0f} req/s, {reads['statements']} SQL statements, "
        f"{ours['server_cpu_ms_per_request']:.1f} ms CPU/request (×{reads['cpu_ratio']:.1f}), "
        f"p99 {ours['p99_ms']:.0f} ms | bare Starlette + asyncpg: {bare['per_second']:,.0f} req/s, "
        f"{bare['server_cpu_ms_per_request']:.2f} ms CPU |"
    ]


def fanout_rows(fanout: dict[str, Any] | None) -> list[str]:
    runs = (fanout or {}).get("websocket") or []
    if not runs:
        return ["| `batchProgress` fan-out | failed (see the output) | ≥ 0.5× | | |"]
    rows = []
    for entry in runs:
        g, b, n = entry["graphql"], entry["bare"], entry["sockets"]
        rows.append(
            f"| `batchProgress` fan-out, {n:,} sockets × {entry['events']} events | "
            f"{_x(g['per_second'] / b['per_second'])} deliveries/s | ≥ 0.5×, p99 ≤ 50 ms, ≤ 3× CPU/delivery | "
            f"{g['per_second']:,.0f}/s, p99 {g['p99_ms']:.0f} ms, {g['cpu_us_per_delivery']:.0f} µs CPU/delivery "
            f"(×{g['cpu_us_per_delivery'] / b['cpu_us_per_delivery']:.1f}) | "
            f"bare broadcast: {b['per_second']:,.0f}/s, p99 {b['p99_ms']:.0f} ms, {b['cpu_us_per_delivery']:.0f} µs |"
        )
        idle = ""
        if g.get("idle_cpu_seconds") is not None and b.get("idle_cpu_seconds") is not None:
            idle = (
                f", idle CPU {g['idle_cpu_seconds']:.2f} s vs {b['idle_cpu_seconds']:.2f} s per "
                f"{entry['idle_window']:.0f} s"
            )
        rows.append(
            f"| Idle subscription ({n:,} sockets) | {_x(g['rss_kib_per_socket'] / max(0.1, b['rss_kib_per_socket']))} "
            f"memory | ≤ 20 KiB, idle CPU ≤ 2× | {g['rss_kib_per_socket']:.1f} KiB{idle} | "
            f"bare socket: {b['rss_kib_per_socket']:.1f} KiB |"
        )
        rows.append(
            f"| Connect + init + subscribe + snapshot ({n:,}) | "
            f"{_x(g['connect_per_second'] / b['connect_per_second'])} | ≥ 0.5× | "
            f"{g['connect_per_second']:,.0f} sockets/s | bare: {b['connect_per_second']:,.0f} sockets/s |"
        )
    return rows


def worker_rows(worker: dict[str, Any] | None) -> list[str]:
    runs = (worker or {}).get("runs") or []
    if not runs:
        return ["| Worker (PostgreSQL) | failed (see the output) | ≥ 0.95 at C=20, ≥ 0.9 at C=100 | | |"]
    rows = []
    for entry in runs:
        rows.append(
            f"| Worker, {entry['images']} images at {entry['latency']:g} s latency ({entry['database']}), "
            f"C={entry['concurrency']} | {_x(entry['ratio'])} of the bound | ≥ 0.95 at C=20, ≥ 0.9 at C=100; "
            f"≤ 5 ms CPU/image besides render | {entry['images_per_second']:.1f} images/s, "
            f"{entry['overhead_ms_per_image']:.1f} ms CPU/image besides render | "
            f"bound C/L {entry['bound']:.1f}/s; render {entry['render_ms']:.1f} ms |"
        )
    return rows


def table(results: dict[str, dict[str, Any] | None], quick: bool) -> str:
    reads = results.get("reads")
    machine = (reads or {}).get("machine") or {
        "cores": "?",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
    }
    described = ", ".join(f"{k} {v}" for k, v in machine.items())
    lines = [
        BEGIN,
        "",
        f"### Performance table ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC{', --quick: smoke figures' if quick else ''})",
        "",
        f"Machine: {described}. Ratios are ours / the bare baseline measured in the same run; the machine is shared,",
        "so absolute figures vary more than ratios. Written by `python bench/run_all.py`.",
        "",
        "| Work | Ratio | Target | Us | Baseline (same run) |",
        "|---|---|---|---|---|",
        *reads_rows(reads),
        *fanout_rows(results.get("fanout")),
        *worker_rows(results.get("worker")),
        "",
        END,
    ]
    return "\n".join(lines)


def write_readme(block: str) -> None:
    text = README.read_text()
    if BEGIN in text and END in text:
        head, _, rest = text.partition(BEGIN)
        _, _, tail = rest.partition(END)
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    README.write_text(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke runs of every benchmark")
    parser.add_argument("--no-write", action="store_true", help="print the table, leave README.md alone")
    arguments = parser.parse_args()
    quick = ["--quick"] if arguments.quick else []
    worker = (
        ["--batches", "10", "--latency", "0.5", "--concurrency", "4x5"]
        if arguments.quick
        else ["--batches", "60", "--latency", "2", "--concurrency", "4x5,10x10"]
    )
    with tempfile.TemporaryDirectory(prefix="bench-run-all-") as tmp:
        out = Path(tmp)
        results = {
            "reads": run("bench_reads.py", quick, out / "reads.json"),
            "fanout": run(
                "bench_fanout.py",
                [*quick, "--part", "websocket", "--sockets", "200" if arguments.quick else "1000"],
                out / "fanout.json",
                # Every socket belongs to the one benchmark user: the per-user operations budget (600/minute by
                # default) is raised out of the way, still counted, so that it measures the fan-out, not the limit.
                env={"RATE_LIMIT_OPERATIONS": "100000000/minute"},
            ),
            "worker": run(
                "bench_worker.py",
                [*quick, "--database", "postgres", *worker],
                out / "worker.json",
            ),
        }
    block = table(results, bool(arguments.quick))
    print("\n" + block)
    if not arguments.no_write:
        write_readme(block)
        print(f"\nwritten to {README}")
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
