"""Socket messages that are not what graphql-transport-ws allows close the socket with 4400 and one log line."""

from __future__ import annotations

import json
import logging

import pytest
from starlette.applications import Starlette
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from tests.conftest import MakeCaller
from tests.graph.test_subscriptions import PROTOCOL, socket


@pytest.mark.parametrize("text", ["{not json", "[1,2,3]", '"hi"', "null", "42", "true", ""])
@pytest.mark.parametrize("acknowledged", [False, True], ids=["before-init", "after-init"])
async def test_a_message_that_is_not_a_json_object_closes_with_4400_and_one_log_line(
    app: Starlette,
    live_url: str,
    make_caller: MakeCaller,
    caplog: pytest.LogCaptureFixture,
    text: str,
    acknowledged: bool,
) -> None:
    caplog.set_level(logging.INFO)
    alice = make_caller("alice")
    if acknowledged:
        async with socket(live_url, alice) as ws:
            await ws.send(text)
            with pytest.raises(ConnectionClosed) as closed:
                await ws.recv()
    else:
        async with connect(f"ws://{live_url}/graphql", subprotocols=[PROTOCOL]) as ws:  # type: ignore[list-item]
            await ws.send(text)
            with pytest.raises(ConnectionClosed) as closed:
                await ws.recv()
    assert closed.value.rcvd is not None, "closed without a close frame"
    assert closed.value.rcvd.code == 4400
    assert not [r for r in caplog.records if r.exc_info], "no traceback"
    lines = [r for r in caplog.records if "4400" in r.getMessage()]
    assert len(lines) == 1
    assert "\n" not in lines[0].getMessage()


@pytest.mark.parametrize("op", [7, None, ["a"], {"a": 1}])
async def test_a_subscribe_whose_id_is_not_a_string_is_refused_with_4400(
    app: Starlette, live_url: str, make_caller: MakeCaller, op: object
) -> None:
    alice = make_caller("alice")
    async with socket(live_url, alice) as ws:
        await ws.send(
            json.dumps(
                {"id": op, "type": "subscribe", "payload": {"query": "subscription { myEvents { __typename } }"}}
            )
        )
        with pytest.raises(ConnectionClosed) as closed:
            await ws.recv()
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4400
