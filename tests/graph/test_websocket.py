"""WebSocket transport: graphql-transport-ws only, authentication in connection_init, limits."""

from __future__ import annotations

import json
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from tests.conftest import MakeCaller

PROTOCOL = "graphql-transport-ws"


async def receive(ws: ClientConnection) -> dict[str, Any]:
    message: dict[str, Any] = json.loads(await ws.recv())
    return message


async def closed_code(ws: ClientConnection) -> int | None:
    """Read until the server closes the socket; its close code."""
    try:
        while True:
            await ws.recv()
    except ConnectionClosed:
        return ws.close_code


async def test_authenticated_socket_runs_operations(live_url: str, make_caller: MakeCaller) -> None:
    alice = make_caller("alice")
    async with connect(f"ws://{live_url}/graphql", subprotocols=[PROTOCOL]) as ws:  # type: ignore[list-item]
        await ws.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {alice.token}"}}))
        ack = await receive(ws)
        assert ack["type"] == "connection_ack"
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": "{ me { subject credits } }"}}))
        result = await receive(ws)
        assert result == {
            "id": "1",
            "type": "next",
            "payload": {"data": {"me": {"subject": alice.subject, "credits": 20}}},
        }
        assert await receive(ws) == {"id": "1", "type": "complete"}
        assert ack["payload"]["userId"]


@pytest.mark.parametrize(
    "payload",
    [{}, {"Authorization": "Bearer not-a-token"}, {"Authorization": 5}, {"authorization": "Basic x"}],
    ids=["no-token", "bad-token", "non-string", "wrong-scheme"],
)
async def test_unauthenticated_sockets_are_closed_with_4403(live_url: str, payload: dict[str, Any]) -> None:
    async with connect(f"ws://{live_url}/graphql", subprotocols=[PROTOCOL]) as ws:  # type: ignore[list-item]
        await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
        assert await closed_code(ws) == 4403


async def test_subscribe_before_init_is_refused(live_url: str) -> None:
    async with connect(f"ws://{live_url}/graphql", subprotocols=[PROTOCOL]) as ws:  # type: ignore[list-item]
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": "{ me { id } }"}}))
        assert await closed_code(ws) == 4401


async def test_legacy_protocol_is_not_offered(live_url: str) -> None:
    try:
        async with connect(f"ws://{live_url}/graphql", subprotocols=["graphql-ws"]) as ws:  # type: ignore[list-item]
            assert ws.subprotocol != "graphql-ws"
            await closed_code(ws)
    except InvalidStatus:
        pass  # refused at the handshake: also fine


async def test_expired_token_closes_the_socket(live_url: str, make_caller: MakeCaller) -> None:
    alice = make_caller("alice", ttl_seconds=-9)  # expired, but inside the 10 s leeway for about a second
    async with connect(f"ws://{live_url}/graphql", subprotocols=[PROTOCOL]) as ws:  # type: ignore[list-item]
        await ws.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {alice.token}"}}))
        assert (await receive(ws))["type"] == "connection_ack"
        assert await closed_code(ws) == 4403
