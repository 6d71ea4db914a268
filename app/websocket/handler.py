"""The graphql-transport-ws handler: Strawberry's, with the shared subscription path (``app.websocket.fanout``),
per-user caps, and timers instead of per-socket tasks.

**Caps.** Per user and process, at most ``WS_MAX_SOCKETS_PER_USER`` acknowledged sockets (the next
``connection_init`` is refused with 4429) and ``WS_MAX_SUBSCRIPTIONS_PER_USER`` live subscriptions (the next
``subscribe`` gets an ``error`` message with code ``TOO_MANY_SUBSCRIPTIONS``). The counts are per process: with N
API replicas a user may hold N times as many (a count shared through Redis would need leases to survive a crashed
replica; not done).

**Timers.** The ``connection_init`` deadline and the token's expiry (close 4403) are timer handles on the event
loop, not a task each.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from typing import Any, cast

from graphql import GraphQLError, IntValueNode, NullValueNode, StringValueNode, ValueNode, VariableNode
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http.exceptions import NonJsonMessageReceived, NonTextMessageReceived, WebSocketDisconnected
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import BaseGraphQLTransportWSHandler
from strawberry.subscriptions.protocols.graphql_transport_ws.types import (
    ConnectionInitMessage,
    Message,
    SubscribeMessage,
)
from strawberry.types.unset import UnsetType

from app.websocket.fanout import ProgressFanout, ProgressSubscriber, Sharing, fanout_of
from app.websocket.writer import SocketWriter, WebSocketAdapter
from graph.core.context import Context
from graph.core.persisted import PersistedDocuments, PersistedQueryRefused
from services.infra import metrics
from services.infra.outage import dependency_unreachable
from services.infra.rate_limits import Budget
from services.progress.follow import batch_to_follow

log = logging.getLogger(__name__)

TOO_MANY_SUBSCRIPTIONS = "TOO_MANY_SUBSCRIPTIONS"
TRY_AGAIN_LATER = 1013
"""The close code of a ``connection_init`` that could not be checked because the database or Redis is unreachable
(RFC 6455 "Try Again Later"): the client reconnects after a while, and resumes its streams with ``afterSeq``."""


class TransportWSHandler(BaseGraphQLTransportWSHandler[Context, None]):
    """Strawberry's graphql-transport-ws handler with the shared ``batchProgress`` path, caps and timers."""

    websocket: WebSocketAdapter

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.shared: dict[str, ProgressSubscriber] = {}
        self.user_id: uuid.UUID | None = None
        self._counted: set[str] = set()
        self._init_timer: asyncio.TimerHandle | None = None
        self._expiry: asyncio.TimerHandle | None = None

    async def handle(self) -> None:
        # Strawberry's loop, except that the last message is not kept alive while the socket waits for the next.
        self.on_request_accepted()
        try:
            try:
                async for message in self.websocket.iter_json():
                    await self.handle_message(cast(Message, message))
                    del message
            except NonTextMessageReceived:
                await self.handle_invalid_message("WebSocket message type must be text")
            except NonJsonMessageReceived:
                await self.handle_invalid_message("WebSocket message must be a JSON object")
        except WebSocketDisconnected:
            pass
        finally:
            await self.shutdown()

    @property
    def writer(self) -> SocketWriter:
        return self.websocket.writer

    @property
    def fanout(self) -> ProgressFanout:
        return fanout_of(self.context.request.app.state)

    # Timers instead of tasks ------------------------------------------------------------------------------------

    def on_request_accepted(self) -> None:
        delay = self.connection_init_wait_timeout.total_seconds()
        self._init_timer = asyncio.get_running_loop().call_later(delay, self._init_timed_out)

    def _init_timed_out(self) -> None:
        self._init_timer = None
        if self.connection_init_received:
            return
        self.connection_timed_out = True
        self.writer.close(4408, "Connection initialisation timeout")

    def _expire_at(self, expires_at: float) -> None:
        loop = asyncio.get_running_loop()
        delay = max(0.0, expires_at - time.time())
        self._expiry = loop.call_later(delay, self.writer.close, 4403, "token expired")

    # Protocol ---------------------------------------------------------------------------------------------------

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        if self.connection_timed_out:
            return
        if self._init_timer is not None:
            self._init_timer.cancel()
            self._init_timer = None
        payload = message.get("payload", {})
        if not isinstance(payload, dict):
            await self.websocket.close(code=4400, reason="Invalid connection init payload")
            return
        if self.connection_init_received:
            await self.websocket.close(code=4429, reason="Too many initialisation requests")
            return
        self.connection_init_received = True
        self.context.connection_params = payload
        try:
            ack_payload = await self.view.on_ws_connect(self.context)
        except ConnectionRejectionError:
            await self.websocket.close(code=4403, reason="Forbidden")
            return
        except Exception as error:
            if not dependency_unreachable(error):
                raise
            log.info("graphql-transport-ws: closing with %d: %s", TRY_AGAIN_LATER, type(error).__name__)
            await self.websocket.close(code=TRY_AGAIN_LATER, reason="service unavailable: try again later")
            return
        user = self.context.known_user
        assert user is not None  # on_ws_connect authenticated it
        fanout = self.fanout
        if fanout.sockets[user.id] >= fanout.max_sockets_per_user:
            await self.websocket.close(
                code=4429, reason=f"Too many open sockets for this user (at most {fanout.max_sockets_per_user})"
            )
            return
        fanout.sockets[user.id] += 1
        self.user_id = user.id
        # The verified identity is kept (operations re-read the user from it); the init payload and the user row
        # are not needed any more, and an idle socket should not hold them.
        self.context.connection_params = None
        self.context.forget_user()
        assert self.context.identity is not None
        self._expire_at(self.context.identity.expires_at + self.context.services.settings.jwt_leeway_seconds)
        if isinstance(ack_payload, UnsetType):
            await self.send_message({"type": "connection_ack"})
        else:
            await self.send_message({"type": "connection_ack", "payload": ack_payload})
        self.connection_acknowledged = True

    async def handle_invalid_message(self, error_message: str) -> None:
        """Close with 4400 and say so in one log line (a client's mistake: no traceback)."""
        log.info("graphql-transport-ws: closing with 4400: %s", error_message)
        await self.websocket.close(code=4400, reason=error_message)

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        if not self.connection_acknowledged:
            await self.websocket.close(code=4401, reason="Unauthorized")
            return
        op_id = message.get("id")
        if not isinstance(op_id, str):
            await self.handle_invalid_message("a subscribe message needs a string id")
            return
        if op_id in self.operations or op_id in self.shared:
            await self.websocket.close(code=4409, reason=f"Subscriber for {op_id} already exists")
            return
        limit = self.max_subscriptions_per_connection
        if limit is not None and len(self.operations) + len(self.shared) >= limit:
            await self._refuse(op_id, "Subscription limit reached")
            return
        payload = message["payload"]
        refused = await self._document(payload)
        if refused is not None:
            await self._refuse(op_id, refused.message, refused.code)
            return
        sharing = self.fanout.sharing(payload["query"], payload.get("operationName"))
        if sharing is not None and sharing.subscription:
            fanout = self.fanout
            assert self.user_id is not None
            if fanout.subscriptions[self.user_id] >= fanout.max_subscriptions_per_user:
                await self._refuse(
                    op_id,
                    f"Too many live subscriptions for this user (at most {fanout.max_subscriptions_per_user})",
                    TOO_MANY_SUBSCRIPTIONS,
                )
                return
            if sharing.shared is not None and await self._subscribe_shared(message, sharing):
                return
            fanout.subscriptions[self.user_id] += 1
            self._counted.add(op_id)
        await super().handle_subscribe(message)

    async def _document(self, payload: Any) -> PersistedQueryRefused | None:
        """The subscribe's document, as over HTTP (``graph.core.persisted``): its text, or the persisted one its
        hash names (graphql-ws clients send ``query: ""`` with a hash alone), put into the payload; with trusted
        documents only, anything else is refused. Documents are registered over HTTP only."""
        documents: PersistedDocuments = self.context.request.app.state.documents
        try:
            resolved = await documents.resolve(payload.get("query") or None, payload.get("extensions"))
        except PersistedQueryRefused as refused:
            return refused
        if resolved.text is not None:
            payload["query"] = resolved.text
        return None

    async def _refuse(self, op_id: str, text: str, code: str | None = None) -> None:
        error = GraphQLError(text, extensions={"code": code} if code else None)
        await self.send_message(cast(Message, {"id": op_id, "type": "error", "payload": [error.formatted]}))

    async def _subscribe_shared(self, message: SubscribeMessage, sharing: Sharing) -> bool:
        """Run ``message`` on the shared path; False when Strawberry's own path must answer it."""
        assert sharing.field is not None
        assert self.user_id is not None
        # Every operation counts against the caller's budget (graph.core.rate_limits does it on Strawberry's path).
        # Over budget, that path answers: it counts the refused operation again, which moves no window.
        limiter = self.context.services.rate_limiter
        identity = self.context.identity
        if (
            limiter.limited(Budget.OPERATIONS)
            and identity is not None
            and await limiter.hit(Budget.OPERATIONS, identity.subject) is not None
        ):
            return False
        payload = message["payload"]
        variables = payload.get("variables") or {}
        if not isinstance(variables, dict):
            return False
        assert sharing.shared is not None
        defaults = {
            d.variable.name.value for d in sharing.shared.variable_definitions or () if d.default_value is not None
        }
        arguments = {argument.name.value: argument.value for argument in sharing.field.arguments or ()}
        declared = self.fanout.shared
        batch_value = _argument(arguments.get(declared.batch_argument), variables, defaults)
        after_node = arguments.get(declared.after_argument)
        after = _argument(after_node, variables, defaults)
        if not isinstance(batch_value, str) or not (after is None or type(after) is int):
            return False
        try:
            batch_id = uuid.UUID(batch_value)
        except ValueError:
            return False
        fanout = self.fanout
        try:
            # The same decision as the resolver's; a feed this process follows knows the owner (no read then).
            await batch_to_follow(self.user_id, batch_id, owner=fanout.feeds.owner_of(batch_id))
        except Exception:  # NotFound or a failed read: Strawberry's path reads it again and answers as it always has
            return False
        shared_variables = dict(variables)
        if isinstance(after_node, VariableNode):
            shared_variables.pop(after_node.name.value, None)
        key = (payload["query"], payload.get("operationName"), json.dumps(shared_variables, sort_keys=True), batch_id)
        op_id = message["id"]
        shape = fanout.shape(key, message, self.context.services, self.context.request)
        subscriber = ProgressSubscriber(self, op_id, shape, after)
        self.shared[op_id] = subscriber
        fanout.subscriptions[self.user_id] += 1
        metrics.SUBSCRIPTIONS_ACTIVE.labels(operation=self.fanout.shared.field).inc()
        try:
            live = await fanout.feeds.join(batch_id, subscriber)
        except Exception:
            live = False
            subscriber.fallback = True
        if subscriber.fallback:
            subscriber.leave()
            self._forget_shared(subscriber, counted=False)
            return False
        if not live and self.shared.get(op_id) is subscriber:
            self.finish_shared(subscriber, True)
        return True

    def finish_shared(self, subscriber: ProgressSubscriber, ok: bool) -> None:
        """The shared subscription's stream ended: ``complete`` it (after its last ``next``)."""
        if self.shared.get(subscriber.id) is not subscriber:
            return
        self._forget_shared(subscriber, counted=True, ok=ok)
        self.writer.write(self.fanout.encode({"id": subscriber.id, "type": "complete"}))

    def _forget_shared(self, subscriber: ProgressSubscriber, *, counted: bool, ok: bool = True) -> None:
        if self.shared.get(subscriber.id) is not subscriber:
            return
        del self.shared[subscriber.id]
        subscriber.shape.release()
        assert self.user_id is not None
        self.fanout.subscriptions[self.user_id] -= 1
        metrics.SUBSCRIPTIONS_ACTIVE.labels(operation=self.fanout.shared.field).dec()
        if counted:
            outcome = "ok" if ok else "error"
            metrics.GRAPHQL_OPERATIONS.labels(
                operation=self.fanout.shared.field, type="subscription", outcome=outcome
            ).inc()

    async def handle_complete(self, message: Any) -> None:
        subscriber = self.shared.get(message["id"])
        if subscriber is not None:
            subscriber.leave()
            self._forget_shared(subscriber, counted=True)
            return
        await super().handle_complete(message)

    def forget_id(self, id: str) -> None:
        super().forget_id(id)
        self._uncount(id)

    async def cleanup_operation(self, operation_id: str) -> None:
        await super().cleanup_operation(operation_id)
        self._uncount(operation_id)

    def _uncount(self, op_id: str) -> None:
        if op_id in self._counted:
            self._counted.discard(op_id)
            assert self.user_id is not None
            self.fanout.subscriptions[self.user_id] -= 1

    async def shutdown(self) -> None:
        for timer in (self._init_timer, self._expiry):
            if timer is not None:
                timer.cancel()
        self._init_timer = self._expiry = None
        for subscriber in list(self.shared.values()):
            subscriber.leave()
            self._forget_shared(subscriber, counted=True)
        await super().shutdown()
        if self.user_id is not None:
            fanout = self.fanout
            for op_id in list(self._counted):
                self._uncount(op_id)
            fanout.sockets[self.user_id] -= 1
            if fanout.sockets[self.user_id] <= 0:
                del fanout.sockets[self.user_id]
            if fanout.subscriptions[self.user_id] <= 0:
                del fanout.subscriptions[self.user_id]
            self.user_id = None


def _argument(node: ValueNode | None, variables: dict[str, Any], defaults: set[str]) -> object:
    """An argument's value from its literal or variable; ``...`` when this path does not read it (Strawberry's
    path then coerces it, defaults included, and answers any error)."""
    if node is None or isinstance(node, NullValueNode):
        return None
    if isinstance(node, VariableNode):
        name = node.name.value
        if name not in variables and name in defaults:
            return ...
        return variables.get(name)
    if isinstance(node, StringValueNode):
        return node.value
    if isinstance(node, IntValueNode):
        return int(node.value)
    return ...
