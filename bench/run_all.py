"""Run the benchmarks of the performance table and write the table, ratios first, into README.md.

Runs, each as its own command line (their full output is echoed as it comes):

- ``bench_reads.py``: a page of 20 projects x 5 images from PostgreSQL against bare Starlette + asyncpg;
- ``bench_fanout.py --part websocket --sockets N``, once per N of ``--sockets`` (default 1,000 and 10,000; each its
  own run, so that one failing size leaves the others' rows): ``batchProgress`` fan-out against a bare Starlette
  WebSocket broadcast, with the connect rate and the memory of an idle subscription against a bare socket;
- ``bench_worker.py --database postgres``: 600 images at 2 s provider latency with C = 20 and C = 100, against the
  bound C / L;
- ``bench_scaleout.py``: 1 then 2 workers and 1 then 2 API processes against one PostgreSQL and Redis (efficiency
  against the 1-process run of the same deployment);

each with ``--json PATH`` (the fan-out server with ``RATE_LIMIT_OPERATIONS`` raised: its sockets are one user's),
then replaces the block between the ``run_all`` markers of ``bench/README.md`` (or adds it at the end) with the
table: one row per target of the performance issue, each with the baseline measured in the same run. A benchmark
that fails is reported as such in the table; the others still run.

Run: ``python bench/run_all.py [--quick] [--no-write] [--sockets 1000,10000] [--skip NAME,...]``. ``--quick`` passes
``--quick`` (smaller runs: a smoke test of the whole chain, not figures to keep); ``--skip`` leaves out benchmarks
by name (``reads``, ``fanout``, ``worker``, ``scaleout``), whose rows then say so.
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


SKIPPED = {"skipped": True}
"""What ``--skip`` puts in place of a benchmark's figures."""


def _missing(figures: dict[str, Any] | None, work: str, target: str) -> list[str] | None:
    if figures is None:
        return [f"| {work} | failed (see the output) | {target} | | |"]
    if figures.get("skipped"):
        return [f"| {work} | not run (`--skip`) | {target} | | |"]
    return None


def reads_rows(reads: dict[str, Any] | None) -> list[str]:
    work, target = "Page of 20 projects × 5 images (PostgreSQL)", "≥ 0.5× (milestone 0.3×)"
    missing = _missing(reads, work, target)
    if missing is not None or reads is None:
        return missing or []
    bare, ours = reads["servers"]["bare"], reads["servers"]["graphql"]
    return [
        f"| {work} | {_x(reads['ratio'])} req/s | {target} | "
        f"{ours['per_second']:,.0f} req/s, {reads['statements']} SQL statements, "
        f"{ours['server_cpu_ms_per_request']:.1f} ms CPU/request (×{reads['cpu_ratio']:.1f}), "
        f"p99 {ours['p99_ms']:.0f} ms | bare Starlette + asyncpg: {bare['per_second']:,.0f} req/s, "
        f"{bare['server_cpu_ms_per_request']:.2f} ms CPU |"
    ]


def fanout_rows(fanouts: list[tuple[str, dict[str, Any] | None]]) -> list[str]:
    rows = []
    for count, fanout in fanouts:
        work = f"Connect, idle subscription memory and fan-out CPU ({count} sockets)"
        missing = _missing(fanout, work, "≥ 0.7×; ≤ 1.25×; keep (×1.2)")
        if missing is not None or fanout is None:
            rows += missing or []
            continue
        for entry in fanout.get("websocket") or []:
            g, b, n = entry["graphql"], entry["bare"], entry["sockets"]
            cpu = g["cpu_us_per_delivery"] / b["cpu_us_per_delivery"]
            rows.append(
                f"| Connect + init + subscribe + snapshot ({n:,} sockets) | "
                f"{_x(g['connect_per_second'] / b['connect_per_second'])} sockets/s | ≥ 0.7× | "
                f"{g['connect_per_second']:,.0f} sockets/s | bare: {b['connect_per_second']:,.0f} sockets/s |"
            )
            idle = ""
            if g.get("idle_cpu_seconds") is not None and b.get("idle_cpu_seconds") is not None:
                idle = (
                    f", idle CPU {g['idle_cpu_seconds']:.2f} s vs {b['idle_cpu_seconds']:.2f} s per "
                    f"{entry['idle_window']:.0f} s"
                )
            rows.append(
                f"| Idle subscription memory ({n:,} sockets) | "
                f"{_x(g['rss_kib_per_socket'] / max(0.1, b['rss_kib_per_socket']))} | ≤ 1.25× (at 1,000 and 10,000) | "
                f"{g['rss_kib_per_socket']:.1f} KiB{idle} | bare socket: {b['rss_kib_per_socket']:.1f} KiB |"
            )
            rows.append(
                f"| Fan-out CPU per delivery ({n:,} sockets × {entry['events']} events) | ×{cpu:.2f} | "
                f"keep (×1.2) | {g['cpu_us_per_delivery']:.0f} µs/delivery, {g['per_second']:,.0f} deliveries/s "
                f"({_x(g['per_second'] / b['per_second'])}), p99 {g['p99_ms']:.0f} ms | bare broadcast: "
                f"{b['cpu_us_per_delivery']:.0f} µs, {b['per_second']:,.0f}/s, p99 {b['p99_ms']:.0f} ms |"
            )
    return rows


def worker_rows(worker: dict[str, Any] | None) -> list[str]:
    target = "≥ 0.95 at C=20, ≥ 0.9 at C=100; ≤ 5 ms CPU/image besides render"
    missing = _missing(worker, "Worker vs the provider bound (PostgreSQL)", target)
    if missing is not None or worker is None:
        return missing or []
    rows = []
    for entry in worker.get("runs") or []:
        rows.append(
            f"| Worker, {entry['images']} images at {entry['latency']:g} s latency ({entry['database']}), "
            f"C={entry['concurrency']} | {_x(entry['ratio'])} of the bound | {target} | "
            f"{entry['images_per_second']:.1f} images/s, "
            f"{entry['overhead_ms_per_image']:.1f} ms CPU/image besides render | "
            f"bound C/L {entry['bound']:.1f}/s; render {entry['render_ms']:.1f} ms |"
        )
    return rows


def scaleout_rows(scaleout: dict[str, Any] | None) -> list[str]:
    target = "measured (2 cores bound it; CPU per unit should stay flat)"
    missing = _missing(scaleout, "Scale-out, 2 processes vs 1", target)
    if missing is not None or scaleout is None:
        return missing or []
    rows = []
    workers = scaleout.get("workers")
    if workers:
        one, two = workers["rounds"]
        rows.append(
            f"| Scale-out: 2 workers vs 1 (PostgreSQL + Redis) | {_x(workers['efficiency'])} efficiency | {target} | "
            f"2 workers: {two['images_per_second']:.2f} images/s, {two['worker_cpu_ms_per_image']:.1f} ms CPU/image "
            f"(CPU per image 1/2: {workers['cpu']:.2f}) | 1 worker: {one['images_per_second']:.2f} images/s, "
            f"{one['worker_cpu_ms_per_image']:.1f} ms CPU/image |"
        )
    fanout = scaleout.get("fanout")
    if fanout:
        one, two = fanout["rounds"]
        rows.append(
            f"| Scale-out: 2 API processes vs 1, fan-out | {_x(fanout['efficiency'])} efficiency | {target} | "
            f"2 processes: {two['deliveries_per_second']:,.0f} deliveries/s, "
            f"{two['api_cpu_us_per_delivery']:.0f} µs CPU/delivery (CPU per delivery 1/2: {fanout['cpu']:.2f}) | "
            f"1 process: {one['deliveries_per_second']:,.0f} deliveries/s, {one['api_cpu_us_per_delivery']:.0f} µs |"
        )
    return rows


def table(results: dict[str, Any], quick: bool) -> str:
    reads = results.get("reads")
    machine = (reads or {}).get("machine") or {
        "cores": os.cpu_count(),
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
        *fanout_rows(results.get("fanout") or [("?", None)]),
        *worker_rows(results.get("worker")),
        *scaleout_rows(results.get("scaleout")),
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
    parser.add_argument("--sockets", help="fan-out socket counts, one run each (default 1000,10000; quick 200)")
    parser.add_argument("--skip", default="", help="benchmarks to leave out: reads, fanout, worker, scaleout")
    arguments = parser.parse_args()
    skip = {name.strip() for name in arguments.skip.split(",") if name.strip()}
    unknown = skip - {"reads", "fanout", "worker", "scaleout"}
    if unknown:
        parser.error(f"unknown benchmarks in --skip: {', '.join(sorted(unknown))}")
    quick = ["--quick"] if arguments.quick else []
    worker = (
        ["--batches", "10", "--latency", "0.5", "--concurrency", "4x5"]
        if arguments.quick
        else ["--batches", "60", "--latency", "2", "--concurrency", "4x5,10x10"]
    )
    sockets = (arguments.sockets or ("200" if arguments.quick else "1000,10000")).split(",")
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="bench-run-all-") as tmp:
        out = Path(tmp)
        results["reads"] = SKIPPED if "reads" in skip else run("bench_reads.py", quick, out / "reads.json")
        results["fanout"] = (
            [("all", SKIPPED)]
            if "fanout" in skip
            else [
                (
                    count.strip(),
                    run(
                        "bench_fanout.py",
                        [*quick, "--part", "websocket", "--sockets", count.strip()],
                        out / f"fanout-{count.strip()}.json",
                        # Every socket belongs to the one benchmark user: the per-user operations budget (600/minute
                        # by default) is raised out of the way, still counted, so that it measures the fan-out.
                        env={"RATE_LIMIT_OPERATIONS": "100000000/minute"},
                    ),
                )
                for count in sockets
            ]
        )
        results["worker"] = (
            SKIPPED
            if "worker" in skip
            else run("bench_worker.py", [*quick, "--database", "postgres", *worker], out / "worker.json")
        )
        results["scaleout"] = SKIPPED if "scaleout" in skip else run("bench_scaleout.py", quick, out / "scaleout.json")
    block = table(results, bool(arguments.quick))
    print("\n" + block)
    if not arguments.no_write:
        write_readme(block)
        print(f"\nwritten to {README}")
    ran = [results["reads"], *(figures for _, figures in results["fanout"]), results["worker"], results["scaleout"]]
    return 0 if all(ran) else 1


if __name__ == "__main__":
    sys.exit(main())
