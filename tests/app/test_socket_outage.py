"""Subscribers are told the truth while PostgreSQL is unreachable, and their streams resume when it is back.

A ``batchProgress`` subscriber on the shared path gets a ``next`` whose error is ``SERVICE_UNAVAILABLE`` with
``retryAfter`` (never "Unexpected error."), its operation stays open, and the next event after the database is back
reaches it on the same operation. A subscription that starts during the outage gets the same typed error and ends
(the client subscribes again with ``afterSeq``). A socket opened during the outage is closed at ``connection_init``
with 1013 (try again later).

The app runs in a child process on a throwaway PostgreSQL database reached through a TCP relay the test cuts
(``tests/redis_proxy.py`` relays any TCP), served by uvicorn to a real WebSocket client; a batch stays queued (no
worker runs in this process) and its events are published with the app's own publisher.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from app.websocket.handler import TRY_AGAIN_LATER

ROOT = Path(__file__).resolve().parents[2]
PROGRESS = "subscription($id: ID!) { batchProgress(batchJobId: $id) { seq status terminal } }"
# A root fragment is not shared: Strawberry's own path, for a subscription made during the outage.
UNSHARED = (
    "subscription($id: ID!) { ...P } fragment P on Subscription { batchProgress(batchJobId: $id) { seq status } }"
)
UNAVAILABLE = {"code": "SERVICE_UNAVAILABLE", "retryAfter": 5}
MY_EVENT = "... on BatchProgressEvent { kind userSeq seq status } ... on CreditBalanceEvent { kind userSeq balance }"
MINE = f"subscription {{ myEvents {{ {MY_EVENT} }} }}"
MINE_AFTER = f"subscription($after: Int) {{ myEvents(afterSeq: $after) {{ {MY_EVENT} }} }}"


def test_a_subscriber_is_told_of_a_database_outage_and_resumes(tmp_path: Path) -> None:
    env = {**os.environ, "PLAYGROUND_ENV": "production", "LOG_LEVEL": "WARNING"}
    result = subprocess.run(
        [sys.executable, "-m", "tests.app.test_socket_outage", str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    first = report["first"]
    assert (first["id"], first["type"]) == ("live", "next"), first
    seq = first["payload"]["data"]["batchProgress"]["seq"]
    told = report["told"]
    assert (told["id"], told["type"]) == ("live", "next"), told
    errors = told["payload"]["errors"]
    assert [e["extensions"] for e in errors] == [UNAVAILABLE], told
    assert errors[0]["path"] == ["batchProgress"], told
    assert not [e for e in errors if "Errno" in e["message"] or e["message"] == "Unexpected error."], told
    late = report["late"]  # a subscription made during the outage: the typed error, then it ends
    assert late[-1]["type"] in ("complete", "error"), late
    late_errors = [e for m in late if m["type"] == "next" for e in m["payload"].get("errors", [])]
    late_errors += [e for m in late if m["type"] == "error" for e in m["payload"]]
    assert [e["extensions"] for e in late_errors] == [UNAVAILABLE], late
    assert report["refused"] == {"code": TRY_AGAIN_LATER, "reason": "service unavailable: try again later"}, report
    resumed = report["resumed"]  # the same operation goes on once the database is back
    assert (resumed["id"], resumed["type"]) == ("live", "next"), resumed
    assert "errors" not in resumed["payload"], resumed
    assert resumed["payload"]["data"]["batchProgress"]["seq"] > seq, resumed
    # myEvents: never a raw error through the outage (at most the typed one), its operation goes on with the next
    # number, and a resume from the number it had before the cut replays exactly the event it missed.
    before = report["mine_before"]["payload"]["data"]["myEvents"]
    after = report["mine_after"]
    told_mine = [e for m in after if m["type"] == "next" for e in m["payload"].get("errors", [])]
    assert all(e["extensions"] == UNAVAILABLE for e in told_mine), after
    assert after[-1]["type"] == "next", after  # the same operation goes on
    assert after[-1]["payload"]["data"]["myEvents"]["userSeq"] == before["userSeq"] + 1, after
    again = report["mine_resumed"]
    assert again["type"] == "next", again
    assert "errors" not in again["payload"], again
    replayed = again["payload"]["data"]["myEvents"]
    assert (replayed["kind"], replayed["userSeq"], replayed["seq"]) == (
        "REPLAY",
        before["userSeq"] + 1,
        resumed["payload"]["data"]["batchProgress"]["seq"],
    ), again


async def _scenario(var_dir: str) -> dict[str, Any]:
    import socket
    import uuid

    import httpx
    import uvicorn
    from websockets.asyncio.client import ClientConnection, connect
    from websockets.exceptions import ConnectionClosed

    from app.api import create_app
    from app.websocket.fanout import fanout_of
    from services.core.auth import issue_token
    from tests.outage_support import relayed_database

    async with relayed_database() as database:
        relay = database.relay
        settings = database.settings(var_dir, "socket-outage")
        token = issue_token(settings, "socket-outage-user")
        application = create_app(settings)
        report: dict[str, Any] = {}
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        url = f"127.0.0.1:{sock.getsockname()[1]}"
        server = uvicorn.Server(uvicorn.Config(application, lifespan="off", log_level="warning"))
        async with application.router.lifespan_context(application):
            serving = asyncio.create_task(server.serve(sockets=[sock]))
            while not server.started:
                if serving.done():
                    serving.result()
                await asyncio.sleep(0.01)  # polling a condition, not a fixed wait
            try:
                headers = {"Authorization": f"Bearer {token}"}
                async with httpx.AsyncClient(base_url=f"http://{url}", headers=headers) as client:
                    project = await client.post(
                        "/graphql", json={"query": 'mutation { projectCreate(input: {name: "o"}) { project { id } } }'}
                    )
                    project_id = project.json()["data"]["projectCreate"]["project"]["id"]
                    made = await client.post(
                        "/graphql",
                        json={
                            "query": "mutation($input: GenerateInput!) { generate(input: $input) { batchJob { id } } }",
                            "variables": {
                                "input": {"projectId": project_id, "mode": "TEXT_TO_IMAGE", "prompt": "an owl"}
                            },
                        },
                    )
                batch_id = made.json()["data"]["generate"]["batchJob"]["id"]
                # Quiet channels are checked against SQL at this interval: the outage is noticed at once.
                fanout_of(application.state).feeds.idle_resync_seconds = 0.2

                pending: dict[str, list[dict[str, Any]]] = {}

                async def next_of(ws: ClientConnection, op: str) -> dict[str, Any]:
                    """The next message of operation ``op`` (those of other operations are kept for their turn)."""
                    while not pending.get(op):
                        message = json.loads(await asyncio.wait_for(ws.recv(), 60))
                        pending.setdefault(str(message.get("id")), []).append(dict(message))
                    return pending[op].pop(0)

                async with connect(f"ws://{url}/graphql", subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
                    init = {"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}
                    await ws.send(json.dumps(init))
                    assert json.loads(await ws.recv())["type"] == "connection_ack"

                    async def subscribe(op: str, query: str) -> None:
                        payload = {"query": query, "variables": {"id": batch_id}}
                        await ws.send(json.dumps({"id": op, "type": "subscribe", "payload": payload}))

                    await subscribe("live", PROGRESS)
                    report["first"] = await next_of(ws, "live")
                    publisher = application.state.services.publisher
                    await ws.send(json.dumps({"id": "mine", "type": "subscribe", "payload": {"query": MINE}}))
                    await publisher.changed(uuid.UUID(batch_id))  # one numbered event on myEvents before the cut
                    await next_of(ws, "live")
                    report["mine_before"] = await next_of(ws, "mine")
                    await relay.cut()
                    report["told"] = await next_of(ws, "live")
                    await subscribe("late", UNSHARED)
                    late = [await next_of(ws, "late")]
                    while late[-1]["type"] not in ("complete", "error"):
                        late.append(await next_of(ws, "late"))
                    report["late"] = late
                    # A socket opened now cannot be checked (the user is read from the database): it is closed
                    # with 1013 "try again later", not dropped.
                    async with connect(f"ws://{url}/graphql", subprotocols=["graphql-transport-ws"]) as refused:  # type: ignore[list-item]
                        await refused.send(json.dumps(init))
                        try:
                            report["refused"] = {"message": json.loads(await asyncio.wait_for(refused.recv(), 60))}
                        except ConnectionClosed as closed:
                            received = closed.rcvd
                            report["refused"] = {
                                "code": None if received is None else received.code,
                                "reason": None if received is None else received.reason,
                            }
                    relay.restore()
                    for _ in range(200):  # the pool reconnects on its next use: retry until the database answers
                        try:
                            await publisher.changed(uuid.UUID(batch_id))
                            break
                        except Exception:
                            await asyncio.sleep(0.05)  # polling a condition (the database answers), not a fixed wait
                    report["resumed"] = await next_of(ws, "live")
                    # myEvents through the outage: what it got until the event after it, then a resume from the
                    # number it had before the cut (as a client that lost its socket meanwhile would).
                    mine = [await next_of(ws, "mine")]
                    while mine[-1]["type"] == "next" and "errors" in mine[-1]["payload"]:
                        mine.append(await next_of(ws, "mine"))
                    report["mine_after"] = mine
                    before = report["mine_before"]["payload"]["data"]["myEvents"]["userSeq"]
                    resume = {"query": MINE_AFTER, "variables": {"after": before}}
                    await ws.send(json.dumps({"id": "again", "type": "subscribe", "payload": resume}))
                    report["mine_resumed"] = await next_of(ws, "again")
            finally:
                server.should_exit = True
                await serving
        return report


if __name__ == "__main__":
    print(json.dumps(asyncio.run(_scenario(sys.argv[1]))))
