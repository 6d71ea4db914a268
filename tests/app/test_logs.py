"""Structured logs: JSON lines carrying the request id and, once known, the user and the batch; no secrets."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import httpx
import pytest
from saq.job import Job
from starlette.applications import Starlette

from models import User
from tests.conftest import GQL, MakeCaller
from tests.distributed_support import poll
from tests.generation_support import generate, new_project, wait_until_ended
from tests.log_capture import captured_json_logs, lines


@pytest.fixture
def json_logs() -> Iterator[io.StringIO]:
    """Our logging in JSON, written to a buffer for the test; the previous handlers come back afterwards."""
    with captured_json_logs() as buffer:
        yield buffer


async def test_request_id_user_and_batch_reach_the_logs_and_secrets_do_not(
    json_logs: io.StringIO, app: Starlette, client: httpx.AsyncClient, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    response = await client.post(
        "/graphql",
        json={
            "query": "mutation($input: GenerateInput!) { generate(input: $input) { batchJob { id } } }",
            "variables": {"input": {"projectId": project, "prompt": "a secret garden", "size": "1024x1024"}},
        },
        headers={**alice.headers, "X-Request-ID": "req-test-0001"},
    )
    assert response.headers["x-request-id"] == "req-test-0001"
    batch_id = response.json()["data"]["generate"]["batchJob"]["id"]
    await wait_until_ended(app, batch_id)

    def events() -> list[str]:
        return [
            str(r["event"])
            for r in lines(json_logs)
            if r.get("request_id") == "req-test-0001" and r.get("batch_id") == batch_id and r.get("user_id")
        ]

    # The mutation and the job it enqueued (the embedded queue runs it in this process) carry the same ids. The
    # job logs its end just after the terminal event went out: wait for the line, within a bound.
    async def job_ended() -> bool:
        return any(e.startswith("batch finished") for e in events())

    await poll(job_ended, within=10, what="the job's end")
    assert any(e.startswith("batch submitted") for e in events()), events()
    records = lines(json_logs)
    text = json_logs.getvalue()
    assert alice.token not in text
    assert "a secret garden" not in text
    assert all({"event", "level", "logger", "timestamp"} <= r.keys() for r in records)


async def test_a_request_without_an_id_gets_one(client: httpx.AsyncClient) -> None:
    first = await client.get("/healthz")
    second = await client.get("/healthz", headers={"X-Request-ID": "bad id with spaces"})
    assert len(first.headers["x-request-id"]) == 32
    assert second.headers["x-request-id"] not in ("bad id with spaces", first.headers["x-request-id"])


async def test_generate_still_answers_while_logging_json(
    json_logs: io.StringIO, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    payload = await generate(gql, alice, projectId=await new_project(gql, alice), prompt="x", size="1024x1024")
    assert payload["userErrors"] == []


def test_extra_fields_become_fields_of_the_line(json_logs: io.StringIO) -> None:
    logging.getLogger("tests.extra").info("a line", extra={"batch_count": 3, "color_message": "\x1b[36ma line\x1b[0m"})
    [record] = [r for r in lines(json_logs) if r["logger"] == "tests.extra"]
    assert record["batch_count"] == 3
    assert "color_message" not in record  # uvicorn's coloured copy of the message


def test_saq_lines_that_repeat_ours_are_dropped_and_a_job_is_named_by_its_key(json_logs: io.StringIO) -> None:
    saq = logging.getLogger("saq")
    job = Job(function="run_batch", key="3f1c9e2a-job-key")
    saq.info("Worker starting: %s", "RedisQueue<redis=Redis<ConnectionPool<Connection<host=redis,port=6379,db=0>>>>")
    saq.info("Processing %s", job)
    saq.info("Finished %s", job)
    saq.info("Enqueuing %s", job)
    saq.info("Working shutting down")
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        saq.exception("Error processing job %s", job)
    records = [r for r in lines(json_logs) if r["logger"] == "saq"]
    assert [r["event"] for r in records] == ["Error processing job 3f1c9e2a-job-key"], records
    assert "Job<" not in json_logs.getvalue()
    assert "Redis<" not in json_logs.getvalue()


async def test_a_batch_ends_with_one_line_saying_how(
    json_logs: io.StringIO, app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    payload = await generate(gql, alice, projectId=await new_project(gql, alice), prompt="x", size="1024x1024")
    batch_id = payload["batchJob"]["id"]
    await wait_until_ended(app, batch_id)

    async def ended() -> list[dict[str, object]] | None:
        found = [r for r in lines(json_logs) if r.get("batch_id") == batch_id and "ended" in str(r["event"])]
        return found or None

    [line] = await poll(ended, within=10, what="the batch's end line")
    user = await User.get(subject=alice.subject)
    assert line["status"] == "SUCCEEDED"
    assert line["user_id"] == str(user.id)
    assert (line["total"], line["completed"], line["failed"], line["cancelled"]) == (1, 1, 0, 0)
    assert line["credits_captured"] == payload["batchJob"]["creditsReserved"]
    assert line["credits_refunded"] == 0
