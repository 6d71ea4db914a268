"""``compose.yaml`` as real processes: its environment, ``migrate`` once, two ``serve``, two ``worker`` and the
simulator server, on a throwaway PostgreSQL database, a Redis namespace and an S3-compatible server in place of the
MinIO service (moto's server mode on loopback; no Docker engine runs here, so the services' commands run as
processes of this machine, with the compose file's settings; only the addresses of the other services are this
machine's). Every image a batch produced is served to clients of both API processes from the shared bucket.
Then the lifecycle: SIGTERM on an API closes its sockets with 1012 and the client
resumes on the other replica; SIGTERM on a worker lets its running batch finish within the grace period.
"""

from __future__ import annotations

import asyncio
import json
import re
import signal
import subprocess
import sys
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families
from redis.asyncio import Redis
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from services.infra.jobs import SaqQueue
from tests.conftest import TEST_SECRET, Caller, create_pg_database, drop_pg_database
from tests.distributed_support import (
    PROGRESS,
    PROTOCOL,
    ROOT,
    Api,
    Process,
    Subscription,
    child_env,
    free_port,
    make_caller,
    poll,
)
from tests.generation_support import GENERATE, batch, new_project
from tests.s3_support import S3Server, s3_server
from tests.services.infra.jobs_support import REDIS_URL, delete_matching

pytestmark = pytest.mark.slow

COMPOSE = ROOT / "compose.yaml"
VARIABLE = re.compile(r"\$\{(\w+)(?:(:?[-?])([^}]*))?\}")


def interpolate(value: str, variables: dict[str, str]) -> str:
    """Compose's ``${VAR}``, ``${VAR-default}``, ``${VAR:-default}`` and ``${VAR:?error}``."""

    def one(match: re.Match[str]) -> str:
        name, operator, argument = match.group(1), match.group(2), match.group(3) or ""
        present = name in variables
        if operator in (":-", ":?") and not variables.get(name):
            present = False
        if present:
            return variables[name]
        if operator and operator.endswith("?"):
            raise AssertionError(f"compose requires {name}: {argument}")
        return argument if operator else ""

    return VARIABLE.sub(one, value)


def service_env(compose: dict[str, Any], service: str, variables: dict[str, str]) -> dict[str, str]:
    environment = compose["services"][service].get("environment") or {}
    return {key: interpolate(str(value), variables) for key, value in environment.items()}


def test_compose_declares_the_topology() -> None:
    compose = yaml.safe_load(COMPOSE.read_text())
    services = compose["services"]
    assert set(services) == {"postgres", "redis", "minio", "minio-bucket", "migrate", "api", "worker", "simulator"}
    for store in ("postgres", "redis", "minio"):
        assert services[store]["healthcheck"]["test"]
    assert "mc mb --ignore-existing local/playground" in services["minio-bucket"]["command"][0]
    assert services["migrate"]["command"] == ["migrate"]
    assert services["migrate"]["restart"] == "no"
    for app in ("api", "worker"):
        assert services[app]["deploy"]["replicas"] == 2
        assert services[app]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}
        assert services[app]["depends_on"]["redis"] == {"condition": "service_healthy"}
        assert services[app]["depends_on"]["minio-bucket"] == {"condition": "service_completed_successfully"}
    assert services["api"]["command"][0] == "serve"
    assert services["worker"]["command"] == ["worker"]
    assert services["simulator"]["command"][0] == "simulator"
    assert {"objects", "pgdata"} <= set(compose["volumes"])
    env = service_env(compose, "api", {"JWT_SECRET": "x" * 32})
    assert env["STORAGE_URL"] == "s3://playground/media"  # objects in MinIO, shared by every API and worker
    assert env["AWS_ENDPOINT_URL"] == "http://minio:9000"
    assert env["STORAGE_LINK_ENDPOINT"] == "http://localhost:9000"
    assert env["SEEDREAM_BASE_URL"] == "http://simulator:9100"  # the simulator service, unless .env says otherwise
    assert service_env(compose, "api", {"JWT_SECRET": "x" * 32, "SEEDREAM_BASE_URL": ""})["SEEDREAM_BASE_URL"] == ""
    with pytest.raises(AssertionError, match="JWT_SECRET"):
        service_env(compose, "api", {})


# --- the stack as processes ----------------------------------------------------------------------------------------


@dataclass
class Stack:
    work: Path
    database_url: str
    namespace: str
    redis: Redis
    saq: SaqQueue
    s3: S3Server
    apis: list[tuple[Process, Api]] = field(default_factory=list)
    workers: dict[str, tuple[Process, int]] = field(default_factory=dict)
    """SAQ worker id -> (process, metrics port)."""
    others: list[Process] = field(default_factory=list)

    def diagnostics(self) -> str:
        processes = [p for p, _ in self.apis] + [p for p, _ in self.workers.values()] + self.others
        return "\n".join(f"--- {p.name} (alive={p.alive}) ---\n{p.tail()}" for p in processes)

    async def worker_ids(self) -> set[str]:
        prefix = f"saq:{self.namespace}:worker_info:"
        return {key.decode().removeprefix(prefix) async for key in self.redis.scan_iter(match=f"{prefix}*")}

    def ws_url(self, api: Api) -> str:
        return api.base_url.replace("http://", "ws://") + "/graphql"


def start(name: str, args: list[str], env: dict[str, str], work: Path) -> Process:
    return Process(name, args, child_env(env), work / f"{name}.log", work)


@pytest.fixture(scope="module")
async def stack(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stack]:
    work = tmp_path_factory.mktemp("compose")
    compose = yaml.safe_load(COMPOSE.read_text())
    variables = {"JWT_SECRET": TEST_SECRET}  # what `.env` would hold
    namespace = f"compose-{uuid.uuid4().hex[:10]}"
    database_url = await create_pg_database()
    redis = Redis.from_url(REDIS_URL)
    s3_context = s3_server()
    s3 = s3_context.__enter__()
    bucket = yaml_bucket(service_env(compose, "api", variables)["STORAGE_URL"])
    s3.create_bucket(bucket)  # what the minio-bucket service does
    stack = Stack(work, database_url, namespace, redis, SaqQueue(REDIS_URL, name=namespace), s3)
    sim_port = free_port()
    # Where the other services are: this machine's addresses instead of compose's service names.
    here = {
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "SEEDREAM_BASE_URL": f"http://127.0.0.1:{sim_port}",
        "AWS_ENDPOINT_URL": s3.endpoint,
        "STORAGE_LINK_ENDPOINT": s3.endpoint.replace("127.0.0.1", "localhost"),
        "PLAYGROUND_VAR_DIR": str(work / "var"),
        "REDIS_NAMESPACE": namespace,
        "SHUTDOWN_GRACE_SECONDS": "20",
    }
    try:
        await stack.saq.start()
        api_env = service_env(compose, "api", variables)
        assert api_env["PLAYGROUND_ENV"] == "production"
        assert api_env["SEEDREAM_PROVIDER"] == "simulator"
        migrate = await asyncio.to_thread(
            subprocess.run,
            [sys.executable, "-m", "app.cli", *compose["services"]["migrate"]["command"]],
            cwd=work,
            env=child_env(service_env(compose, "migrate", variables) | here),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert migrate.returncode == 0, migrate.stdout + migrate.stderr

        simulator_args = [str(sim_port) if a == "9100" else a for a in compose["services"]["simulator"]["command"]]
        simulator_args = ["127.0.0.1" if a == "0.0.0.0" else a for a in simulator_args]  # noqa: S104
        simulator_env = service_env(compose, "simulator", variables) | {"SIMULATOR_LATENCY_SECONDS": "0.2"}
        stack.others.append(start("simulator", simulator_args, simulator_env, work))

        for n in range(compose["services"]["api"]["deploy"]["replicas"]):
            port = free_port()
            args = ["serve", "--host", "127.0.0.1", "--port", str(port)]
            assert compose["services"]["api"]["command"][0] == args[0]
            stack.apis.append((start(f"api-{n + 1}", args, api_env | here, work), Api(f"http://127.0.0.1:{port}")))
        for n in range(compose["services"]["worker"]["deploy"]["replicas"]):
            # One at a time, so that the new SAQ id is this process's.
            before = await stack.worker_ids()
            port = free_port()
            env = service_env(compose, "worker", variables) | here | {"WORKER_METRICS_PORT": str(port)}
            process = start(f"worker-{n + 1}", compose["services"]["worker"]["command"], env, work)

            async def registered(process: Process = process, before: set[str] = before) -> str | None:
                assert process.alive, process.tail()
                new = await stack.worker_ids() - before
                return new.pop() if new else None

            saq_id = await poll(registered, within=30, what="a worker to register", context=stack.diagnostics)
            stack.workers[saq_id] = (process, port)
        for process, api in stack.apis:

            async def ready(process: Process = process, api: Api = api) -> bool:
                assert process.alive, process.tail()
                state = await api.ready()
                return state is not None and state["status"] == "ok" and state["components"]["bus"]["status"] == "ok"

            await poll(ready, within=60, what="an API to be ready", context=stack.diagnostics)
        yield stack
    finally:
        for process, api in stack.apis:
            await api.close()
            await process.stop()
        for process, _ in stack.workers.values():
            await process.stop()
        for process in stack.others:
            await process.stop()
        await stack.saq.close()
        await delete_matching(redis, f"saq:{namespace}:*", f"saq:job:{namespace}:*", f"{namespace}:*")
        await redis.aclose()
        await drop_pg_database(database_url)
        s3_context.__exit__(None, None, None)


def yaml_bucket(storage_url: str) -> str:
    return storage_url.removeprefix("s3://").split("/", 1)[0]


async def submit(api: Api, caller: Caller, project: str, prompt: str, images: int) -> tuple[str, str]:
    """A SEQUENTIAL set on ``api``; returns the batch id and the request id the API answered with."""
    response = await api.http.post(
        "/graphql",
        json={
            "query": GENERATE,
            "variables": {
                "input": {
                    "projectId": project,
                    "mode": "SEQUENTIAL",
                    "prompt": prompt,
                    "maxImages": images,
                    "size": "1024x1024",
                }
            },
        },
        headers=caller.headers,
    )
    payload = response.json()["data"]["generate"]
    assert payload["userErrors"] == [], payload
    return payload["batchJob"]["id"], response.headers["x-request-id"]


async def worker_metric(port: int, name: str) -> float:
    async with httpx.AsyncClient(trust_env=False) as http:
        text = (await http.get(f"http://127.0.0.1:{port}/metrics")).text
    return sum(s.value for f in text_string_to_metric_families(text) for s in f.samples if s.name == name)


async def test_a_batch_submitted_on_one_api_is_watched_on_the_other(stack: Stack) -> None:
    (_, first), (_, second) = stack.apis
    alice = make_caller("alice")
    project = await new_project(first, alice)
    batch_id, request_id = await submit(first, alice, project, "five kites [[delay:1]]", 5)

    tab = await Subscription.open(stack.ws_url(second), alice, {"id": batch_id})
    try:
        await tab.wait_finished(within=60)
    finally:
        await tab.close()
    assert tab.terminal is not None, tab.messages
    assert tab.terminal["status"] == "SUCCEEDED"
    assert sorted(e["image"]["batchIndex"] for e in tab.image_events) == list(range(5))

    done = await batch(second, alice, batch_id)
    assert (done["completedImages"], done["creditsCaptured"], done["creditsHeld"]) == (5, 5, 0)
    # Every image the worker stored is in the bucket, and each API process hands out links that load it.
    keys = stack.s3.keys("playground")
    assert len([key for key in keys if key.startswith("media/outputs/")]) >= 5, keys
    served: dict[str, list[bytes]] = {}
    async with httpx.AsyncClient(trust_env=False) as http:
        for api in (first, second):
            for image in (await batch(api, alice, batch_id))["images"]:
                assert image["url"].startswith("http://localhost:"), image  # a presigned GET on the bucket
                response = await http.get(image["url"])
                assert response.status_code == 200, (image, response.text)
                assert response.content.startswith(b"\x89PNG") or response.content[:3] == b"\xff\xd8\xff"
                served.setdefault(image["id"], []).append(response.content)
    assert len(served) == 5
    assert all(len(copies) == 2 and copies[0] == copies[1] for copies in served.values())
    job = await stack.saq.queue.job(batch_id)
    assert job is not None
    assert str(job.worker_id) in stack.workers  # one of the two workers ran it

    # Each worker serves its own metrics; the one that ran the batch counted its images.
    delivered = [await worker_metric(port, "playground_images_delivered_total") for _, port in stack.workers.values()]
    assert sum(delivered) == 5, delivered
    # The worker's JSON logs name the batch and the request that submitted it on the API.
    worker_process = stack.workers[str(job.worker_id)][0]
    records = [json.loads(line) for line in worker_process.log_path.read_text().splitlines() if line.startswith("{")]
    ours = [r for r in records if r.get("batch_id") == batch_id]
    assert ours, worker_process.tail()
    assert all(r.get("request_id") == request_id for r in ours), ours
    assert any(str(r["event"]).startswith("batch taken (attempt 1 of") for r in ours), ours
    assert any(str(r["event"]).startswith("batch finished in") for r in ours), ours


async def read_until_closed(ws: ClientConnection, seen: list[dict[str, Any]], within: float = 15.0) -> int | None:
    """Keep what arrives until the server closes the socket; its close code."""
    try:
        while True:
            seen.append(json.loads(await asyncio.wait_for(ws.recv(), within)))
    except ConnectionClosed as closed:
        return closed.rcvd.code if closed.rcvd is not None else None


async def test_sigterm_on_an_api_closes_sockets_with_1012_and_the_client_resumes_on_the_other(stack: Stack) -> None:
    (_, first), (second_process, second) = stack.apis
    alice = make_caller("alice")
    project = await new_project(first, alice)
    batch_id, _ = await submit(first, alice, project, "six gulls [[delay:1.5]]", 6)

    ws = await connect(stack.ws_url(second), subprotocols=[PROTOCOL])  # type: ignore[list-item]
    await ws.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {alice.token}"}}))
    assert json.loads(await ws.recv())["type"] == "connection_ack"
    await ws.send(
        json.dumps({"id": "1", "type": "subscribe", "payload": {"query": PROGRESS, "variables": {"id": batch_id}}})
    )
    seen = [json.loads(await asyncio.wait_for(ws.recv(), 15))]
    assert seen[0]["type"] == "next", seen

    second_process.popen.terminate()  # SIGTERM
    code = await read_until_closed(ws, seen)
    assert code == 1012, seen  # "service restart": clients reconnect
    exit_code = await asyncio.to_thread(second_process.popen.wait, 30)
    # uvicorn shuts down cleanly, then re-raises the signal it caught, so the exit status is the SIGTERM's.
    assert exit_code in (0, -signal.SIGTERM), second_process.tail()
    assert "Application shutdown complete." in second_process.tail(100)

    # The client resumes after the last event it saw, on the other replica, and sees the batch to its end.
    last_seq = max(m["payload"]["data"]["batchProgress"]["seq"] for m in seen if m["type"] == "next")
    tab = await Subscription.open(stack.ws_url(first), alice, {"id": batch_id, "after": last_seq}, query=RESUME)
    try:
        await tab.wait_finished(within=60)
    finally:
        await tab.close()
    assert tab.terminal is not None, tab.messages
    assert tab.terminal["status"] == "SUCCEEDED"
    assert all(e["seq"] > last_seq for e in tab.events)
    done = await batch(first, alice, batch_id)
    assert (done["completedImages"], done["creditsCaptured"], done["creditsHeld"]) == (6, 6, 0)


RESUME = PROGRESS.replace("($id: ID!)", "($id: ID!, $after: Int)").replace(
    "batchProgress(batchJobId: $id)", "batchProgress(batchJobId: $id, afterSeq: $after)"
)


async def test_sigterm_on_a_worker_lets_its_running_batch_finish(stack: Stack) -> None:
    (_, api), *_ = stack.apis
    alice = make_caller("alice")
    project = await new_project(api, alice)
    batch_id, _ = await submit(api, alice, project, "four herons [[delay:1]]", 4)

    async def running_on() -> str | None:
        job = await stack.saq.queue.job(batch_id)
        return str(job.worker_id) if job is not None and job.status == "active" else None

    worker_id = await poll(running_on, within=30, what="a worker to take the batch", context=stack.diagnostics)
    process, _ = stack.workers.pop(worker_id)
    # SIGTERM mid-batch (SIGKILL only if it is still alive after 40 s): the grace (20 s) covers the rest of it.
    exit_code = await process.stop(grace=40)
    assert exit_code == 0, process.tail()
    job = await stack.saq.queue.job(batch_id)
    assert job is not None
    assert (job.status, job.attempts, str(job.worker_id)) == ("complete", 1, worker_id), job
    done = await batch(api, alice, batch_id)
    assert done["status"] == "SUCCEEDED"
    assert (done["completedImages"], done["creditsCaptured"], done["creditsHeld"]) == (4, 4, 0)
    assert Counter(i["attempts"] for i in done["items"]) == Counter({1: len(done["items"])})  # nothing called twice
    assert "get 20 s to finish" in process.tail(200)
