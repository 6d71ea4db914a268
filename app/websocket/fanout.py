"""The process's shared subscriptions: one Strawberry stream per *shape* (document, operation name and variables,
the resume argument aside, of one batch), fed by the process's feed of the batch (``services.progress.feeds``),
rendered once per event and written to every socket of the shape behind its own operation id
(``{"id":…,"type":"next","payload":…}``, the bytes Strawberry would send). Per socket, a delivery is one string
concatenation and one frame write.

Which field is shared, and its argument names, come from the composition root (``SharedSubscription``); the
stream's context carries the feed's events through the typed hook ``Context.shared_events``. Anything this path
does not handle the same way (another document shape, a document that does not validate) goes to Strawberry's own
path, which answers it as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections import Counter, OrderedDict
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from graphql import DocumentNode, FieldNode, GraphQLError, OperationDefinitionNode, OperationType, parse
from strawberry.schema import BaseSchema
from strawberry.subscriptions.protocols.graphql_transport_ws.types import SubscribeMessage
from strawberry.types.execution import ExecutionResult, PreExecutionError

from graph.core.context import AppServices, Context, SharedSubscription
from graph.core.errors import unavailable_error
from services.progress.events import BatchProgress
from services.progress.feeds import BatchFeeds, FeedSubscriber

if TYPE_CHECKING:
    from app.websocket.handler import TransportWSHandler

SHARING_CACHE_SIZE = 256
SHARING_MAX_QUERY = 16 * 1024
"""Documents longer than this are looked at every time, not kept in the cache."""


@dataclass(frozen=True, slots=True)
class Sharing:
    """What a subscribe message's document is, as far as sharing goes."""

    subscription: bool
    shared: OperationDefinitionNode | None = None
    field: FieldNode | None = None


NOT_SUBSCRIPTION = Sharing(subscription=False)
OTHER_SUBSCRIPTION = Sharing(subscription=True)


def sharing_of(document: DocumentNode, operation_name: str | None, shared_field: str) -> Sharing:
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
    if not isinstance(field, FieldNode) or field.name.value != shared_field or field.directives:
        return OTHER_SUBSCRIPTION
    return Sharing(subscription=True, shared=operation, field=field)


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
    """The process's shared subscriptions (of the field ``shared`` names): feeds, shapes and per-user counts."""

    def __init__(
        self,
        schema: BaseSchema,
        services: AppServices,
        encode: Callable[[object], str | bytes],
        *,
        shared: SharedSubscription,
        max_sockets_per_user: int,
        max_subscriptions_per_user: int,
    ) -> None:
        self.schema = schema
        self.shared = shared
        self.services = services
        self.max_tokens = services.settings.graphql_max_tokens
        self._encode = encode
        self.feeds = BatchFeeds(
            services.bus,
            self._deliver,
            self._end,
            unavailable=self._unavailable,
            history=services.publisher.history,
            item_concurrency=services.settings.batch_item_concurrency,
        )
        self.shapes: dict[tuple[Any, ...], Shape] = {}
        self._sharings: OrderedDict[tuple[str, str | None], Sharing | None] = OrderedDict()
        self._closing: set[asyncio.Task[None]] = set()
        self.max_sockets_per_user = max_sockets_per_user
        self.max_subscriptions_per_user = max_subscriptions_per_user
        self.sockets: Counter[uuid.UUID] = Counter()
        self.subscriptions: Counter[uuid.UUID] = Counter()

    def encode(self, data: object) -> str:
        encoded = self._encode(data)
        return encoded if isinstance(encoded, str) else encoded.decode()

    def sharing(self, query: object, operation_name: object) -> Sharing | None:
        """Whether a document may be shared (cached unless long); None when it does not parse (Strawberry answers
        it)."""
        if not isinstance(query, str) or not (operation_name is None or isinstance(operation_name, str)):
            return None
        key = (query, operation_name)
        if key in self._sharings:
            self._sharings.move_to_end(key)
            return self._sharings[key]
        try:
            document = parse(query, no_location=True, max_tokens=self.max_tokens)
            sharing: Sharing | None = sharing_of(document, operation_name, self.shared.field)
        except (GraphQLError, RecursionError):
            sharing = None
        if len(query) <= SHARING_MAX_QUERY:
            self._sharings[key] = sharing
            if len(self._sharings) > SHARING_CACHE_SIZE:
                self._sharings.popitem(last=False)
        return sharing

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

    async def _unavailable(self, subscribers: list[FeedSubscriber]) -> None:
        """The database is unreachable: each subscriber gets a ``next`` whose error is ``SERVICE_UNAVAILABLE`` with
        ``retryAfter``, and its stream stays open (the feed goes on once the database answers)."""
        text = self.encode({"data": None, "errors": [unavailable_error([self.shared.field])]})
        for subscriber in subscribers:
            member = cast(ProgressSubscriber, subscriber)
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


def fanout_of(state: object) -> ProgressFanout:
    """The process's fan-out, kept on the app's state by its lifespan (``app.api``)."""
    fanout = getattr(state, "fanout", None)
    if not isinstance(fanout, ProgressFanout):
        raise RuntimeError("the app's lifespan has not made the shared fan-out")
    return fanout
