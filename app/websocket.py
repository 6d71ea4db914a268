"""graphql-transport-ws on the GraphQL endpoint: Strawberry's protocol handler, with shared progress fan-out,
per-user caps, a message size cap and timers instead of per-socket tasks.

**Fan-out.** A ``batchProgress`` subscription (a subscription whose only root field is ``batchProgress``) does not
get a task, a bus subscription and a per-event execution of its own. Its socket's access to the batch is checked
once (``reads.get_batch``, as the resolver does); then it joins the process's feed of that batch
(``services.progress.feeds``) and a *shape*: every subscription with the same document, operation name and
variables (``afterSeq`` aside, which only filters) of the same batch. A shape runs one Strawberry subscription
stream, fed the feed's events, so each event is executed once per shape with the schema's extensions exactly as
for one subscriber, and the serialized payload is written to every socket of the shape behind its own operation
id (``{"id":…,"type":"next","payload":…}``, the bytes Strawberry would send). Per socket, a delivery is one string
concatenation and one frame write. Anything this path does not handle the same way (another document shape, an
unknown or foreign batch, a document that does not validate, a failed read) goes to Strawberry's own path, which
answers it as before.

**Writes** never wait on a slow socket: a frame is written at once when the socket's buffer takes it, otherwise
queued behind it (up to ``WRITE_BACKLOG`` messages; past that the socket is closed with 1013, try again later, and
the client resumes with ``afterSeq``).

**Caps.** A text message over ``max_message_bytes`` (the HTTP JSON body cap) closes the socket with 1009; per user
and process, at most ``WS_MAX_SOCKETS_PER_USER`` acknowledged sockets (the next ``connection_init`` is refused with
4429) and ``WS_MAX_SUBSCRIPTIONS_PER_USER`` live subscriptions (the next ``subscribe`` gets an ``error`` message
with code ``TOO_MANY_SUBSCRIPTIONS``). The counts are per process: with N API replicas a user may hold N times as
many (a count shared through Redis would need leases to survive a crashed replica; not done).

**Timers.** The ``connection_init`` deadline and the token's expiry (close 4403) are timer handles on the event
loop, not a task each.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
import uuid
from collections import Counter, OrderedDict, deque
from collections.abc import AsyncGenerator, Generator
from dataclasses import dataclass
from typing import Any, cast

from cross_web import HTTPException
from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLError,
    IntValueNode,
    NullValueNode,
    OperationDefinitionNode,
    OperationType,
    StringValueNode,
    ValueNode,
    VariableNode,
    parse,
)
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http.async_base_view import AsyncBaseHTTPView
from strawberry.http.exceptions import NonJsonMessageReceived, NonTextMessageReceived, WebSocketDisconnected
from strawberry.schema import BaseSchema
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import BaseGraphQLTransportWSHandler
from strawberry.subscriptions.protocols.graphql_transport_ws.types import (
    ConnectionInitMessage,
    Message,
    SubscribeMessage,
)
from strawberry.types.execution import ExecutionResult, PreExecutionError
from strawberry.types.unset import UnsetType

from graph.core.context import AppServices, Context
from models import BatchJob
from services import access
from services.generation import reads
from services.infra import metrics
from services.infra.rate_limits import Budget
from services.progress.events import BatchProgress
from services.progress.feeds import BatchFeeds, FeedSubscriber

log = logging.getLogger(__name__)

RAW_SEND = "playground.raw_send"
"""Where ``app.api.RequestId`` leaves the server's own ``send`` in a socket's scope (frames skip the wrappers)."""
WRITE_BACKLOG = 256
"""Messages queued behind a socket whose buffer is full before it is closed as too slow (1013)."""
PLAN_CACHE_SIZE = 256
PLAN_MAX_QUERY = 16 * 1024
"""Documents longer than this are planned every time, not kept in the cache."""
SHARED_FIELD = "batchProgress"
TOO_MANY_SUBSCRIPTIONS = "TOO_MANY_SUBSCRIPTIONS"


# --- writing without waiting ----------------------------------------------------------------------------------------


class _Resume:
    """Awaits the rest of a coroutine that was started by hand (``coro.send(None)``) and suspended on ``waiting``."""

    __slots__ = ("_coro", "_waiting")

    def __init__(self, coro: Any, waiting: Any) -> None:
        self._coro = coro
        self._waiting = waiting

    def __await__(self) -> Generator[Any, Any, None]:
        coro, waiting = self._coro, self._waiting
        while True:
            try:
                value = yield waiting
            except BaseException as error:  # cancellation included: the coroutine gets it
                try:
                    waiting = coro.throw(error)
                except StopIteration:
                    return
            else:
                try:
                    waiting = coro.send(value)
                except StopIteration:
                    return


class SocketWriter:
    """Sends a socket's messages in order, without ever making the caller wait for the socket.

    A message is handed to the server at once; only when the server's send suspends (its buffer is full) does a
    task finish that send and drain the messages queued behind it. Disconnects end the writer quietly: the
    socket's receive loop sees them.
    """

    __slots__ = ("_busy", "_queue", "_raw", "_task", "_ws", "closed")

    def __init__(self, ws: WebSocket) -> None:
        self._ws = ws
        self._raw = ws.scope.get(RAW_SEND)
        self._queue: deque[dict[str, Any]] | None = None  # made when a send first has to wait
        self._busy = False
        self._task: asyncio.Task[None] | None = None
        self.closed = False

    def write(self, text: str) -> None:
        if not self.closed:
            self._submit({"type": "websocket.send", "text": text})

    def close(self, code: int, reason: str = "") -> None:
        if not self.closed:
            self.closed = True
            self._submit({"type": "websocket.close", "code": code, "reason": reason})

    def _submit(self, message: dict[str, Any]) -> None:
        if self._busy:
            if self._queue is None:
                self._queue = deque()
            if len(self._queue) >= WRITE_BACKLOG and not self.closed:
                # The client stopped reading: drop its backlog and close once the socket takes anything again.
                self._queue.clear()
                self.closed = True
                message = {"type": "websocket.close", "code": 1013, "reason": "too slow: resume with afterSeq"}
            self._queue.append(message)
            return
        coro = self._send(message)
        try:
            waiting = coro.send(None)
        except StopIteration:
            return
        except (WebSocketDisconnect, RuntimeError, OSError):
            self.closed = True
            return
        self._busy = True
        self._task = asyncio.ensure_future(self._drain(coro, waiting))

    async def drained(self) -> None:
        """Return once every message written so far has been handed to the server."""
        while self._task is not None:
            await asyncio.shield(self._task)

    def _send(self, message: dict[str, Any]) -> Any:
        if self._raw is not None and message["type"] == "websocket.send":
            return self._raw(message)
        return self._ws.send(message)  # the close goes through Starlette, which tracks the socket's state

    async def _drain(self, coro: Any, waiting: Any) -> None:
        try:
            await _Resume(coro, waiting)
            while self._queue:
                await self._send(self._queue.popleft())
        except (WebSocketDisconnect, RuntimeError, OSError):
            self.closed = True
        finally:
            self._queue = None
            self._busy = False
            self._task = None


class WebSocketAdapter(ASGIWebSocketAdapter):
    """Strawberry's ASGI socket adapter with the message size cap and non-blocking writes."""

    def __init__(self, view: AsyncBaseHTTPView[Any, Any, Any, Any, Any, Any, Any], request: Any, response: Any):
        super().__init__(view, request, response)
        self.writer = SocketWriter(response)
        self.max_bytes: int = getattr(view, "max_message_bytes", 1024 * 1024)

    async def iter_json(self, *, ignore_parsing_errors: bool = False) -> AsyncGenerator[object, None]:
        try:
            while self.ws.application_state != WebSocketState.DISCONNECTED and not self.writer.closed:
                text = await self.ws.receive_text()
                # A character is at least one byte, and at most four: encode only when the length can't tell.
                size = len(text)
                if size > self.max_bytes or (size * 4 > self.max_bytes and len(text.encode()) > self.max_bytes):
                    self.writer.close(1009, f"messages are limited to {self.max_bytes} bytes")
                    return
                try:
                    message = self.view.decode_json(text)
                except (ValueError, HTTPException):  # the view's decoder says 400 for any bad JSON
                    message = None
                # graphql-transport-ws messages are JSON objects: anything else (bad JSON, a list, a string, null)
                # closes the socket with 4400, as the protocol says (``TransportWSHandler.handle_invalid_message``).
                if not isinstance(message, dict):
                    if ignore_parsing_errors:
                        continue
                    raise NonJsonMessageReceived
                yield message
                del message
        except KeyError as error:
            raise NonTextMessageReceived from error
        except WebSocketDisconnect:
            pass

    async def send_json(self, message: Any) -> None:
        encoded = self.view.encode_json(message)
        self.writer.write(encoded if isinstance(encoded, str) else encoded.decode())

    async def close(self, code: int, reason: str) -> None:
        self.writer.close(code, reason)


# --- shared progress subscriptions ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Plan:
    """What a subscribe message's document is, as far as sharing goes."""

    subscription: bool
    shared: OperationDefinitionNode | None = None
    field: FieldNode | None = None


NOT_SUBSCRIPTION = Plan(subscription=False)
OTHER_SUBSCRIPTION = Plan(subscription=True)


def plan_of(document: DocumentNode, operation_name: str | None) -> Plan:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [o for o in operations if o.name is not None and o.name.value == operation_name]
    if len(operations) != 1:
        return NOT_SUBSCRIPTION  # Strawberry answers this one
    operation = operations[0]
    if operation.operation is not OperationType.SUBSCRIPTION:
        return NOT_SUBSCRIPTION
    selections = operation.selection_set.selections
    if len(selections) != 1 or operation.directives:
        return OTHER_SUBSCRIPTION
    field = selections[0]
    if not isinstance(field, FieldNode) or field.name.value != SHARED_FIELD or field.directives:
        return OTHER_SUBSCRIPTION
    return Plan(subscription=True, shared=operation, field=field)


class _Pipe:
    """The event source of a shape's stream: holds the one event (or error) being rendered."""

    __slots__ = ("item",)

    def __init__(self) -> None:
        self.item: BatchProgress | BaseException | None = None

    def __aiter__(self) -> _Pipe:
        return self

    async def __anext__(self) -> BatchProgress:
        item, self.item = self.item, None
        if item is None:
            raise StopAsyncIteration
        if isinstance(item, BaseException):
            raise item
        return item


class Shape:
    """One Strawberry subscription stream shared by every subscription of the same document, variables and batch;
    renders each event once into the ``next`` payload (JSON text)."""

    def __init__(
        self,
        fanout: ProgressFanout,
        key: tuple[Any, ...],
        message: SubscribeMessage,
        context: Context,
    ) -> None:
        self.fanout = fanout
        self.key = key
        self.users = 0
        self.broken = False
        self._payload = message["payload"]
        self._pipe = _Pipe()
        self._context = context
        self._stream: AsyncGenerator[Any, None] | None = None
        self._lock = asyncio.Lock()
        self._event: object = None
        self._text: str | None = None

    async def render(self, event: BatchProgress | BaseException) -> str | None:
        """The ``next`` payload for ``event``; None if this document cannot be shared (its subscribers then take
        Strawberry's own path)."""
        if event is self._event:
            return self._text
        async with self._lock:
            if event is self._event:
                return self._text
            if self.broken:
                return None
            self._pipe.item = event
            first = self._stream is None
            try:
                if self._stream is None:
                    payload = self._payload
                    self._stream = await self.fanout.schema.stream(
                        payload["query"],
                        variable_values=payload.get("variables"),
                        context_value=self._context,
                        operation_name=payload.get("operationName"),
                    )
                result = await anext(self._stream)
            except StopAsyncIteration:
                result = None
            if (
                result is None
                or not isinstance(result, ExecutionResult)
                or (first and isinstance(result, PreExecutionError))
            ):
                self.break_()
                return None
            body: dict[str, Any] = {"data": result.data}
            if result.errors:
                body["errors"] = [error.formatted for error in result.errors]
            if result.extensions:
                body["extensions"] = result.extensions
            encoded = self.fanout.encode(body)
            self._event, self._text = event, encoded
            if isinstance(event, BaseException):
                self.break_()  # the stream ended with the error
            return encoded

    def break_(self) -> None:
        self.broken = True
        self.fanout.forget(self)

    def release(self) -> None:
        self.users -= 1
        if self.users <= 0:
            self.fanout.forget(self)
            stream, self._stream = self._stream, None
            if stream is not None:
                self.fanout.close_later(stream)


class ProgressSubscriber(FeedSubscriber):
    """A ``batchProgress`` operation of one socket, fed by the batch's feed through its shape."""

    __slots__ = ("fallback", "handler", "id", "prefix", "shape")

    def __init__(self, handler: TransportWSHandler, op_id: str, shape: Shape, after: int | None) -> None:
        super().__init__(after)
        self.handler = handler
        self.id = op_id
        self.shape = shape
        self.prefix = '{"id":' + json.dumps(op_id) + ',"type":"next","payload":'
        self.fallback = False


class ProgressFanout:
    """The process's shared ``batchProgress`` subscriptions: feeds, shapes and per-user counts."""

    def __init__(
        self,
        schema: BaseSchema,
        services: AppServices,
        encode: Any,
        *,
        max_sockets_per_user: int,
        max_subscriptions_per_user: int,
    ) -> None:
        self.schema = schema
        self.services = services
        self.max_tokens = services.settings.graphql_max_tokens
        self._encode = encode
        self.feeds = BatchFeeds(
            services.bus,
            self._deliver,
            self._end,
            history=services.publisher.history,
            item_concurrency=services.settings.batch_item_concurrency,
        )
        self.shapes: dict[tuple[Any, ...], Shape] = {}
        self._plans: OrderedDict[tuple[str, str | None], Plan | None] = OrderedDict()
        self._closing: set[asyncio.Task[None]] = set()
        self.max_sockets_per_user = max_sockets_per_user
        self.max_subscriptions_per_user = max_subscriptions_per_user
        self.sockets: Counter[uuid.UUID] = Counter()
        self.subscriptions: Counter[uuid.UUID] = Counter()

    def encode(self, data: object) -> str:
        encoded = self._encode(data)
        return encoded if isinstance(encoded, str) else cast(bytes, encoded).decode()

    def plan(self, query: object, operation_name: object) -> Plan | None:
        """The plan of a document (cached unless long); None when it does not parse (Strawberry answers it)."""
        if not isinstance(query, str) or not (operation_name is None or isinstance(operation_name, str)):
            return None
        key = (query, operation_name)
        if key in self._plans:
            self._plans.move_to_end(key)
            return self._plans[key]
        try:
            plan: Plan | None = plan_of(parse(query, no_location=True, max_tokens=self.max_tokens), operation_name)
        except (GraphQLError, RecursionError):
            plan = None
        if len(query) <= PLAN_MAX_QUERY:
            self._plans[key] = plan
            if len(self._plans) > PLAN_CACHE_SIZE:
                self._plans.popitem(last=False)
        return plan

    def shape(self, key: tuple[Any, ...], message: SubscribeMessage, services: AppServices, ws: Any) -> Shape:
        shape = self.shapes.get(key)
        if shape is None or shape.broken:
            pipe_context = Context(services=services, request=ws)
            shape = self.shapes[key] = Shape(self, key, message, pipe_context)
            pipe_context.shared_events = shape._pipe
        shape.users += 1
        return shape

    def forget(self, shape: Shape) -> None:
        if self.shapes.get(shape.key) is shape:
            del self.shapes[shape.key]

    def close_later(self, stream: AsyncGenerator[Any, None]) -> None:
        task = asyncio.ensure_future(stream.aclose())
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)

    async def _deliver(self, event: BatchProgress, subscribers: list[FeedSubscriber]) -> None:
        shape: Shape | None = None
        text: str | None = None
        for subscriber in subscribers:
            member = cast(ProgressSubscriber, subscriber)
            if member.shape is not shape:
                shape = member.shape
                text = await shape.render(event)
            if text is None:
                if member.joining:
                    member.fallback = True  # Strawberry's path answers it (nothing was sent yet)
                else:
                    # Its shape's stream ended under it: end the subscription rather than leave it silent.
                    member.leave()
                    member.handler.finish_shared(member, False)
                continue
            member.handler.writer.write(member.prefix + text + "}")

    async def _end(self, subscribers: list[FeedSubscriber], error: BaseException | None) -> None:
        for subscriber in subscribers:
            member = cast(ProgressSubscriber, subscriber)
            if error is not None:
                text = await member.shape.render(error)
                if text is not None:
                    member.handler.writer.write(member.prefix + text + "}")
            member.handler.finish_shared(member, error is None)

    async def close(self) -> None:
        await self.feeds.close()
        for task in list(self._closing):
            with contextlib.suppress(Exception):
                await task


# --- the protocol handler ----------------------------------------------------------------------------------------


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
        fanout: ProgressFanout = self.context.request.app.state.fanout
        return fanout

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
        plan = self.fanout.plan(payload["query"], payload.get("operationName"))
        if plan is not None and plan.subscription:
            fanout = self.fanout
            assert self.user_id is not None
            if fanout.subscriptions[self.user_id] >= fanout.max_subscriptions_per_user:
                await self._refuse(
                    op_id,
                    f"Too many live subscriptions for this user (at most {fanout.max_subscriptions_per_user})",
                    TOO_MANY_SUBSCRIPTIONS,
                )
                return
            if plan.shared is not None and await self._subscribe_shared(message, plan):
                return
            fanout.subscriptions[self.user_id] += 1
            self._counted.add(op_id)
        await super().handle_subscribe(message)

    async def _refuse(self, op_id: str, text: str, code: str | None = None) -> None:
        error = GraphQLError(text, extensions={"code": code} if code else None)
        await self.send_message(cast(Message, {"id": op_id, "type": "error", "payload": [error.formatted]}))

    async def _subscribe_shared(self, message: SubscribeMessage, plan: Plan) -> bool:
        """Run ``message`` on the shared path; False when Strawberry's own path must answer it."""
        assert plan.field is not None
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
        assert plan.shared is not None
        defaults = {
            d.variable.name.value for d in plan.shared.variable_definitions or () if d.default_value is not None
        }
        arguments = {argument.name.value: argument.value for argument in plan.field.arguments or ()}
        batch_value = _argument(arguments.get("batchJobId"), variables, defaults)
        after_node = arguments.get("afterSeq")
        after = _argument(after_node, variables, defaults)
        if not isinstance(batch_value, str) or not (after is None or type(after) is int):
            return False
        try:
            batch_id = uuid.UUID(batch_value)
        except ValueError:
            return False
        fanout = self.fanout
        owner = fanout.feeds.owner_of(batch_id)
        if owner is None or not access.may_view(BatchJob, self.user_id, owner):
            # Not followed here yet (or not theirs, which the read below answers as "not found"): read it.
            try:
                batch = await reads.get_batch(self.user_id, batch_id)
            except Exception:  # Strawberry's path reads it again and answers the error as it always has
                return False
            if batch is None:
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
        metrics.SUBSCRIPTIONS_ACTIVE.labels(operation=SHARED_FIELD).inc()
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
        metrics.SUBSCRIPTIONS_ACTIVE.labels(operation=SHARED_FIELD).dec()
        if counted:
            outcome = "ok" if ok else "error"
            metrics.GRAPHQL_OPERATIONS.labels(operation=SHARED_FIELD, type="subscription", outcome=outcome).inc()

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
