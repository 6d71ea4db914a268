"""``myEvents`` balance events over a real WebSocket: they carry the credits held for open batches, and leave only
when the balance or the held amount changed."""

from __future__ import annotations

import itertools
import json
from typing import Any

from starlette.applications import Starlette

from tests.conftest import GQL, MakeCaller
from tests.generation_support import generate, new_project
from tests.graph.test_subscriptions import messages_until_complete, socket, subscribe

MY_EVENTS = """subscription { myEvents { __typename
  ... on BatchProgressEvent { batchJobId terminal creditsHeld }
  ... on CreditBalanceEvent { balance held } } }"""


async def test_balance_events_carry_the_held_credits_and_only_changes(
    app: Starlette, live_url: str, gql: GQL, make_caller: MakeCaller
) -> None:
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    async with socket(live_url, alice) as ws:
        await subscribe(ws, MY_EVENTS, {})
        # A query on the same socket proves the subscription is registered before we generate.
        await ws.send(json.dumps({"id": "q", "type": "subscribe", "payload": {"query": "{ me { credits } }"}}))
        await messages_until_complete(ws, op="q")
        await generate(gql, alice, projectId=project, mode="TEXT_TO_IMAGE", prompt="two", count=2, size="1024x1024")
        seen: list[dict[str, Any]] = []
        balances: list[tuple[int, int]] = []
        # The last balance event is the one after the batch's end: nothing is held any more.
        while not (any(e.get("terminal") for e in seen) and balances and balances[-1][1] == 0):
            message = json.loads(await ws.recv())
            if message.get("id") == "1":
                event = message["payload"]["data"]["myEvents"]
                seen.append(event)
                if event["__typename"] == "CreditBalanceEvent":
                    balances.append((event["balance"], event["held"]))
    assert balances[0] == (18, 2)  # 20 at signup, 2 held for the batch
    assert balances[-1][1] == 0
    assert all(a != b for a, b in itertools.pairwise(balances))  # only changes are sent
    me = await gql("{ me { credits } }", {}, alice)
    assert balances[-1][0] == me["data"]["me"]["credits"]
