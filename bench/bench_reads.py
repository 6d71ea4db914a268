"""Page-read benchmark: 20 projects x 5 images from PostgreSQL, the product app against a bare Starlette + asyncpg app.

Seeds a throwaway PostgreSQL database (one user, 25 projects, each with one batch of 8 delivered images), then serves
it twice, each in a uvicorn process of its own on a loopback port:

- **graphql**: the product app (``app.api.create_app``) answering the query ``PAGE_QUERY`` below;
- **graphql-hash**: the same product server, the same page sent as an automatic persisted query (the hash alone,
  registered first; its bytes checked equal to the text's), measured between two runs of the text in the same run;
- **bare**: a Starlette endpoint on an asyncpg pool that verifies the same JWT (PyJWT, HS256), then reads the user,
  the page of projects, each project's first 5 images (``ROW_NUMBER() OVER (PARTITION BY ...)``) and the counts on
  one connection, and writes the same JSON. Before measuring, both answers are compared field by field: the run
  stops if they differ.

The load comes from this process: K keep-alive HTTP/1.1 connections (a minimal client on asyncio streams)
sending the request back to back for D seconds after a warm-up. Reported per server: requests/s, p50/p99 latency,
server CPU per request (from /proc); the ratio graphql / bare is the figure that counts (the machine is shared, so
absolute figures vary between runs), plus the SQL statements one page costs in the product app (counted in-process
with Tortoise's statement log).

Run: ``python bench/bench_reads.py [--quick] [--seconds D] [--clients K] [--json PATH]``. PostgreSQL: a database is
created through ``PLAYGROUND_BENCH_POSTGRES_URL`` (default ``postgres://postgres@127.0.0.1:5432/postgres``) and
dropped afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import hashlib
import json
import logging
import os
import platform
import re
import socket
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import asyncpg
import httpx
from throwaway import postgres_database

SCRIPT = Path(__file__).resolve()
LINK_EXPIRY = re.compile(r"\?e=\d+&s=[A-Za-z0-9_-]+")
"""A signed image link's expiry and signature (``LinkSigner.private``)."""
BENCH_SECRET = "bench-reads-secret-bench-reads-secret-0123456789"  # noqa: S105 (signs throwaway local tokens)
BENCH_SUBJECT = "bench-reads-user"
PROJECTS = 25
IMAGES_PER_PROJECT = 8
PAGE = 20
IMAGES_PAGE = 5

PAGE_QUERY = """
query Page {
  projects(first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id name description processingStatus createdAt updatedAt
        imageEdits(first: 5) {
          totalCount
          pageInfo { hasNextPage }
          edges {
            cursor
            node { id batchIndex prompt status url width height credits createdAt }
          }
        }
      }
    }
  }
}
"""


@dataclass
class Figures:
    server: str
    requests: int
    seconds: float
    per_second: float
    p50_ms: float
    p99_ms: float
    server_cpu_ms_per_request: float
    errors: int


# ---------------------------------------------------------------- seeding


async def seed(url: str) -> None:
    """One user, PROJECTS projects (distinct creation times), each with a batch of IMAGES_PER_PROJECT images."""
    connection = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        user_id = uuid.uuid4()
        base = datetime(2026, 1, 1, tzinfo=UTC)
        await connection.execute(
            "INSERT INTO users (id, subject, email, display_name, role, credits, created_at, updated_at) "
            "VALUES ($1, $2, NULL, 'bench', 'user', 1000, $3, $3)",
            user_id,
            BENCH_SUBJECT,
            base,
        )
        for p in range(PROJECTS):
            project_id = uuid.uuid4()
            at = base + timedelta(minutes=p)
            await connection.execute(
                "INSERT INTO playground_projects (id, owner_id, name, description, batch_size, style_presets, "
                "processing_status, metadata, created_at, updated_at) "
                "VALUES ($1, $2, $3, $4, 4, '[]', 'COMPLETED', '{}', $5, $5)",
                project_id,
                user_id,
                f"Project {p:02d}",
                f"Benchmark project number {p}",
                at,
            )
            batch_id = uuid.uuid4()
            await connection.execute(
                "INSERT INTO playground_batch_jobs (id, owner_id, project_id, mode, status, prompts, parameters, "
                "width, height, size_tier, total_images, completed_images, failed_images, credits_reserved, "
                "credits_captured, credits_refunded, event_seq, provider, created_at, updated_at) "
                "VALUES ($1, $2, $3, 'TEXT_TO_IMAGE', 'SUCCEEDED', '[\"a lighthouse\"]', '{}', 1024, 1024, '1K', "
                "$4, $4, 0, $4, $4, 0, 3, 'simulator', $5, $5)",
                batch_id,
                user_id,
                project_id,
                IMAGES_PER_PROJECT,
                at,
            )
            for i in range(IMAGES_PER_PROJECT):
                edit_at = at + timedelta(seconds=i + 1)
                await connection.execute(
                    "INSERT INTO playground_image_edits (id, owner_id, project_id, batch_job_id, batch_index, "
                    "slot_index, mode, prompt, source_images, size, status, attempts, image_key, image_url, width, "
                    "height, content_type, size_bytes, credits, created_at, updated_at) "
                    "VALUES ($1, $2, $3, $4, $5, 0, 'TEXT_TO_IMAGE', $6, '[]', '1024x1024', 'SUCCEEDED', 1, $7, $8, "
                    "1024, 1024, 'image/jpeg', 180000, 1, $9, $9)",
                    uuid.uuid4(),
                    user_id,
                    project_id,
                    batch_id,
                    i,
                    f"a lighthouse at dusk, variation {i}",
                    f"outputs/2026/01/{batch_id}-{i}.jpg",
                    f"/media/outputs/2026/01/{batch_id}-{i}.jpg",
                    edit_at,
                )
    finally:
        await connection.close()


# ---------------------------------------------------------------- the two servers


def graphql_app(database_url: str, var_dir: Path) -> Any:
    from app.api import create_app
    from services.core.config import Settings

    # One user sends every request: the per-user operations budget is raised out of the way (still counted, so its
    # cost stays in the figures) instead of answering 429s.
    settings = Settings(
        var_dir=var_dir,
        database_url=database_url,
        jwt_secret=BENCH_SECRET,
        rate_limit_operations="100000000/minute",
    )
    return create_app(settings)


def _cursor(created_at: datetime, ident: uuid.UUID) -> str:
    return base64.urlsafe_b64encode(f"{created_at.isoformat()}|{ident}".encode()).decode().rstrip("=")


def bare_app(database_url: str, var_dir: Path) -> Any:
    """The same page from asyncpg and plain dicts: what the product app is compared with. Image links are signed
    with the same key and lifetime (an HMAC per image), as the product app mints them."""
    import jwt

    from app.runtime import link_signer
    from services.core.config import Settings

    signer = link_signer(Settings(var_dir=var_dir, jwt_secret=BENCH_SECRET))
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    state: dict[str, Any] = {}

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        state["pool"] = await asyncpg.create_pool(database_url.replace("postgres://", "postgresql://", 1))
        yield
        await state["pool"].close()

    async def page(request: Request) -> Response:
        header = request.headers.get("authorization", "")
        try:
            claims = jwt.decode(header.removeprefix("Bearer "), BENCH_SECRET, algorithms=["HS256"])
        except jwt.PyJWTError:
            return JSONResponse({"errors": [{"message": "unauthenticated"}]}, status_code=401)
        await request.body()
        async with state["pool"].acquire() as connection:
            user_id = await connection.fetchval("SELECT id FROM users WHERE subject = $1", claims["sub"])
            projects = await connection.fetch(
                "SELECT id, name, description, processing_status, created_at, updated_at FROM playground_projects "
                "WHERE owner_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
                user_id,
                PAGE + 1,
            )
            total = await connection.fetchval("SELECT count(*) FROM playground_projects WHERE owner_id = $1", user_id)
            ids = [row["id"] for row in projects[:PAGE]]
            images = await connection.fetch(
                "SELECT * FROM (SELECT id, project_id, batch_index, prompt, status, image_key, image_url, width, "
                "height, credits, created_at, "
                "ROW_NUMBER() OVER (PARTITION BY project_id ORDER BY created_at DESC, id DESC) AS rank "
                "FROM playground_image_edits WHERE owner_id = $1 AND project_id = ANY($2)) ranked "
                "WHERE rank <= $3 ORDER BY project_id, rank",
                user_id,
                ids,
                IMAGES_PAGE + 1,
            )
            counts = dict(
                await connection.fetch(
                    "SELECT project_id, count(*) FROM playground_image_edits WHERE owner_id = $1 "
                    "AND project_id = ANY($2) GROUP BY project_id",
                    user_id,
                    ids,
                )
            )
        by_project: dict[uuid.UUID, list[Any]] = {ident: [] for ident in ids}
        for row in images:
            by_project[row["project_id"]].append(row)
        edges = []
        for project in projects[:PAGE]:
            rows = by_project[project["id"]]
            edges.append(
                {
                    "cursor": _cursor(project["created_at"], project["id"]),
                    "node": {
                        "id": str(project["id"]),
                        "name": project["name"],
                        "description": project["description"],
                        "processingStatus": project["processing_status"],
                        "createdAt": project["created_at"].isoformat(),
                        "updatedAt": project["updated_at"].isoformat(),
                        "imageEdits": {
                            "totalCount": counts.get(project["id"], 0),
                            "pageInfo": {"hasNextPage": len(rows) > IMAGES_PAGE},
                            "edges": [
                                {
                                    "cursor": _cursor(row["created_at"], row["id"]),
                                    "node": {
                                        "id": str(row["id"]),
                                        "batchIndex": row["batch_index"],
                                        "prompt": row["prompt"],
                                        "status": row["status"],
                                        "url": signer.private(row["image_key"]) if row["image_url"] else None,
                                        "width": row["width"],
                                        "height": row["height"],
                                        "credits": row["credits"],
                                        "createdAt": row["created_at"].isoformat(),
                                    },
                                }
                                for row in rows[:IMAGES_PAGE]
                            ],
                        },
                    },
                }
            )
        body = {
            "data": {
                "projects": {
                    "totalCount": total,
                    "pageInfo": {"hasNextPage": len(projects) > PAGE, "endCursor": edges[-1]["cursor"]},
                    "edges": edges,
                }
            }
        }
        return JSONResponse(body)

    return Starlette(routes=[Route("/graphql", page, methods=["POST"])], lifespan=lifespan)


def serve(kind: str, port: int, database_url: str, var_dir: Path) -> None:
    """Server process entry: serve until SIGTERM."""
    import uvicorn

    logging.basicConfig(level=logging.WARNING)
    app = graphql_app(database_url, var_dir) if kind == "graphql" else bare_app(database_url, var_dir)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)

    async def run() -> None:
        task = asyncio.create_task(server.serve())
        while not server.started:
            if task.done():
                task.result()
                return
            await asyncio.sleep(0.01)  # uvicorn has no "started" event, only this flag
        print("ready", flush=True)
        await task

    asyncio.run(run())


# ---------------------------------------------------------------- driving the load


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextlib.asynccontextmanager
async def server(kind: str, database_url: str, var_dir: Path) -> AsyncIterator[tuple[str, int]]:
    port = free_port()
    log_path = var_dir / f"{kind}.log"
    with log_path.open("wb") as log:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            str(SCRIPT),
            "--serve",
            kind,
            "--port",
            str(port),
            "--database-url",
            database_url,
            "--var-dir",
            str(var_dir),
            stdout=asyncio.subprocess.PIPE,
            stderr=log,
        )
    try:
        assert process.stdout is not None
        async with asyncio.timeout(60):
            line = await process.stdout.readline()
        if line.strip() != b"ready":
            raise RuntimeError(f"{kind} server did not start:\n{log_path.read_text(errors='replace')[-2000:]}")
        yield f"http://127.0.0.1:{port}/graphql", process.pid
    finally:
        if process.returncode is None:
            process.terminate()
        try:
            async with asyncio.timeout(15):
                await process.wait()
        except TimeoutError:
            process.kill()
            await process.wait()


class RawClient:
    """A minimal HTTP/1.1 keep-alive client on asyncio streams: a few microseconds per request, so that the load
    generator (which shares the machine) costs the servers as little as possible. It only reads what these two
    servers send: a status line, headers with Content-Length, the body."""

    def __init__(self, url: str, body: bytes, token: str) -> None:
        split = httpx.URL(url)
        self.host, self.port = split.host, split.port or 80
        self.request = (
            f"POST {split.path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nAuthorization: Bearer {token}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode() + body
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def __aenter__(self) -> RawClient:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        return self

    async def __aexit__(self, *_: object) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()

    async def post(self) -> tuple[int, bytes]:
        assert self.reader is not None
        assert self.writer is not None
        self.writer.write(self.request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        return status, await self.reader.readexactly(length)


TEXT_BODY = json.dumps({"query": PAGE_QUERY}).encode()
HASH_BODY = json.dumps(
    {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": hashlib.sha256(PAGE_QUERY.encode()).hexdigest()}}}
).encode()
"""The same page as an automatic persisted query: the hash alone (registered first with hash and text)."""


async def load(
    url: str, pid: int, token: str, *, clients: int, seconds: float, kind: str, body: bytes = TEXT_BODY
) -> Figures:
    latencies: list[float] = []
    errors = 0
    async with contextlib.AsyncExitStack() as stack:
        connections = [await stack.enter_async_context(RawClient(url, body, token)) for _ in range(clients)]
        warm_until = time.perf_counter() + min(2.0, seconds / 3)
        while time.perf_counter() < warm_until:
            status, _ = await connections[0].post()
            if status != 200:
                raise RuntimeError(f"{kind} answered {status} while warming up")
        cpu_before = server_cpu(pid)
        started = time.perf_counter()
        stop_at = started + seconds

        async def client(connection: RawClient) -> None:
            nonlocal errors
            while time.perf_counter() < stop_at:
                sent = time.perf_counter()
                status, content = await connection.post()
                if status != 200 or b'"errors"' in content:
                    errors += 1
                latencies.append(time.perf_counter() - sent)

        await asyncio.gather(*(client(connection) for connection in connections))
        elapsed = time.perf_counter() - started
        cpu = server_cpu(pid) - cpu_before
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [latencies[0]] * 99
    return Figures(
        server=kind,
        requests=len(latencies),
        seconds=elapsed,
        per_second=len(latencies) / elapsed,
        p50_ms=quantiles[49] * 1000,
        p99_ms=quantiles[98] * 1000,
        server_cpu_ms_per_request=cpu * 1000 / max(1, len(latencies)),
        errors=errors,
    )


async def fetch_page(url: str, token: str) -> Any:
    async with httpx.AsyncClient(timeout=30) as http:
        response = await http.post(url, json={"query": PAGE_QUERY}, headers={"authorization": f"Bearer {token}"})
    response.raise_for_status()
    return response.json()


async def register_persisted(url: str, token: str) -> None:
    """Register the page's document (hash and text) and check that the hash alone answers the text's bytes."""
    headers = {"authorization": f"Bearer {token}", "content-type": "application/json"}
    extensions = json.loads(HASH_BODY)["extensions"]
    async with httpx.AsyncClient(timeout=30) as http:
        registered = await http.post(url, json={"query": PAGE_QUERY, "extensions": extensions}, headers=headers)
        by_hash = await http.post(url, content=HASH_BODY, headers=headers)
        by_text = await http.post(url, content=TEXT_BODY, headers=headers)
    for response in (registered, by_hash, by_text):
        response.raise_for_status()
    if not by_hash.content == by_text.content == registered.content:
        raise SystemExit(f"the hash-only answer differs from the text's:\n{by_hash.text[:600]}\n{by_text.text[:600]}")


async def statements_per_page(database_url: str, var_dir: Path, token: str) -> int:
    """The SQL statements one page costs in the product app (after a first request, as a warm server sees it)."""
    from tests.sql_count import sql_statements

    app = graphql_app(database_url, var_dir)
    transport = httpx.ASGITransport(app=app)
    headers = {"authorization": f"Bearer {token}"}
    async with app.router.lifespan_context(app), httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        (await http.post("/graphql", json={"query": PAGE_QUERY}, headers=headers)).raise_for_status()
        quiet = logging.getLogger("tortoise.db_client")
        quiet.propagate = False  # counted, not printed
        try:
            with sql_statements() as statements:
                (await http.post("/graphql", json={"query": PAGE_QUERY}, headers=headers)).raise_for_status()
        finally:
            quiet.propagate = True
    return len(statements)


def machine() -> dict[str, str]:
    from importlib.metadata import version

    memory = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    return {
        "cores": str(os.cpu_count()),
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        **{name: version(name) for name in ("strawberry-graphql", "graphql-core", "tortoise-orm", "asyncpg")},
    }


async def main(arguments: argparse.Namespace) -> dict[str, Any]:
    from services.core.auth import issue_token
    from services.core.config import Settings

    seconds = arguments.seconds or (4.0 if arguments.quick else 15.0)
    clients = arguments.clients
    figures_of_machine = machine()
    print("Machine: " + ", ".join(f"{k} {v}" for k, v in figures_of_machine.items()))
    print(
        f"Page: projects(first: {PAGE}) x imageEdits(first: {IMAGES_PAGE}) with totalCounts; {PROJECTS} projects of "
        f"{IMAGES_PER_PROJECT} images seeded; {clients} keep-alive clients for {seconds:.0f} s per server"
    )
    with tempfile.TemporaryDirectory(prefix="bench-reads-") as tmp:
        var_dir = Path(tmp)
        async with postgres_database("bench_reads") as url:
            await seed(url)
            token = issue_token(Settings(var_dir=var_dir, jwt_secret=BENCH_SECRET), BENCH_SUBJECT, ttl_seconds=6 * 3600)
            statements = await statements_per_page(url, var_dir, token)
            results: dict[str, Figures] = {}
            pages: dict[str, Any] = {}
            for kind in ("bare", "graphql"):
                async with server(kind, url, var_dir) as (endpoint, pid):
                    pages[kind] = await fetch_page(endpoint, token)
                    results[kind] = await load(endpoint, pid, token, clients=clients, seconds=seconds, kind=kind)
                    if kind == "graphql":  # the same server, the page sent by hash alone
                        await register_persisted(endpoint, token)
                        results["graphql-hash"] = await load(
                            endpoint, pid, token, clients=clients, seconds=seconds, kind="graphql-hash", body=HASH_BODY
                        )
                        # The text again after the hash: a server warming up (or the machine's other load) favours
                        # neither side; the ratio is taken against the mean of the two text runs.
                        results["graphql-text-again"] = await load(
                            endpoint, pid, token, clients=clients, seconds=seconds, kind="graphql-text-again"
                        )
            same = "identical from both servers"
            if pages["bare"] != pages["graphql"]:
                # The servers run one after the other: an image link's expiry is rounded up to the next step, so
                # pages fetched on either side of a step differ in each link's `e=` and `s=` and nowhere else.
                bare, ours = (LINK_EXPIRY.sub("?e=_&s=_", json.dumps(pages[kind])) for kind in ("bare", "graphql"))
                if bare != ours:
                    raise SystemExit(
                        "the two servers answered differently:\n"
                        f"bare:    {json.dumps(pages['bare'])[:600]}\ngraphql: {json.dumps(pages['graphql'])[:600]}"
                    )
                same = "identical from both servers but for the links' expiry step (fetched on either side of one)"
    size = len(json.dumps(pages["graphql"]))
    print(f"Response: {size:,} bytes of JSON, {same}")
    print()
    print("| server | req/s | p50 ms | p99 ms | server CPU ms/request | errors |")
    print("|---|---|---|---|---|---|")
    for figures in results.values():
        print(
            f"| {figures.server} | {figures.per_second:,.0f} | {figures.p50_ms:.1f} | {figures.p99_ms:.1f} | "
            f"{figures.server_cpu_ms_per_request:.2f} | {figures.errors} |"
        )
    failed = {kind: figures.errors for kind, figures in results.items() if figures.errors}
    if failed:
        raise SystemExit(f"requests failed ({failed}): these figures are not comparable")
    ratio = results["graphql"].per_second / results["bare"].per_second
    cpu_ratio = results["graphql"].server_cpu_ms_per_request / results["bare"].server_cpu_ms_per_request
    print()
    print(f"Ratio graphql / bare: {ratio:.3f}x requests/s; server CPU per request x{cpu_ratio:.1f}")
    hashed = results["graphql-hash"]
    texts = (results["graphql"], results["graphql-text-again"])
    hash_ratio = hashed.per_second / statistics.mean(text.per_second for text in texts)
    hash_cpu_ratio = hashed.server_cpu_ms_per_request / statistics.mean(
        text.server_cpu_ms_per_request for text in texts
    )
    print(
        f"Persisted query (hash only, {len(HASH_BODY)} bytes) / full text ({len(TEXT_BODY)} bytes, mean of both runs): "
        f"{hash_ratio:.3f}x requests/s; server CPU per request x{hash_cpu_ratio:.2f}; "
        f"hash only / bare {hashed.per_second / results['bare'].per_second:.3f}x"
    )
    print(f"SQL statements per page (product app): {statements}")
    summary = {
        "machine": figures_of_machine,
        "ratio": ratio,
        "cpu_ratio": cpu_ratio,
        "statements": statements,
        "hash_ratio": hash_ratio,
        "hash_cpu_ratio": hash_cpu_ratio,
        "response_bytes": size,
        "clients": clients,
        "seconds": seconds,
        "servers": {kind: asdict(figures) for kind, figures in results.items()},
    }
    if arguments.json:
        arguments.json.write_text(json.dumps(summary, indent=2))
    return summary


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="4 s per server instead of 15")
    parser.add_argument("--seconds", type=float, help="seconds of load per server")
    parser.add_argument("--clients", type=int, default=8, help="concurrent keep-alive clients (default 8)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file as JSON")
    # Internal: the server processes.
    parser.add_argument("--serve", choices=["graphql", "bare"], help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    parser.add_argument("--var-dir", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.serve:
        serve(arguments.serve, arguments.port, arguments.database_url, arguments.var_dir)
    else:
        logging.basicConfig(level=logging.WARNING)
        asyncio.run(main(arguments))
