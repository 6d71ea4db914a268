"""GraphQL operations as Prometheus metrics: a schema extension counting operations by root field, type and
outcome, timing queries and mutations, and keeping the number of live subscriptions."""

from __future__ import annotations

import time
from collections.abc import Iterator

from graphql import FieldNode, OperationDefinitionNode
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from graph.core.context import Context
from services.infra import metrics

INVALID = "invalid"
"""The operation label of a document that never got to execution (unparsable, invalid): client-chosen names must
not become label values."""


class OperationMetrics(SchemaExtension):
    """Counts every operation once: queries and mutations when answered (with their latency), subscriptions when
    they end (and ``playground_subscriptions_active`` while they run)."""

    def __init__(self) -> None:
        self._field = INVALID
        self._subscribed = False

    def on_operation(self) -> Iterator[None]:
        if _shared(self.execution_context.context):
            # A stream shared by many subscriptions (app/websocket), which counts each subscription itself.
            yield
            return
        started = time.perf_counter()
        try:
            yield
        finally:
            context = self.execution_context
            kind = context.operation_type.value if self._field != INVALID else INVALID
            result = context.result
            failed = self._field == INVALID or bool(context.pre_execution_errors) or bool(result and result.errors)
            outcome = "error" if failed else "ok"
            if self._subscribed:
                metrics.SUBSCRIPTIONS_ACTIVE.labels(operation=self._field).dec()
            else:
                metrics.GRAPHQL_DURATION.labels(operation=self._field, type=kind).observe(time.perf_counter() - started)
            metrics.GRAPHQL_OPERATIONS.labels(operation=self._field, type=kind, outcome=outcome).inc()

    def on_execute(self) -> Iterator[None]:
        if _shared(self.execution_context.context):
            yield
            return
        # Execution only starts for a valid document, so the root field is one the schema has.
        self._field = _root_field(self.execution_context.graphql_document, self.execution_context.operation_name)
        if self.execution_context.operation_type is OperationType.SUBSCRIPTION:
            self._subscribed = True
            metrics.SUBSCRIPTIONS_ACTIVE.labels(operation=self._field).inc()
        yield


def _shared(context: object) -> bool:
    return isinstance(context, Context) and context.shared_events is not None


def _root_field(document: object, operation_name: str | None) -> str:
    definitions = getattr(document, "definitions", ())
    for definition in definitions:
        if not isinstance(definition, OperationDefinitionNode):
            continue
        if operation_name and (definition.name is None or definition.name.value != operation_name):
            continue
        for selection in definition.selection_set.selections:
            if isinstance(selection, FieldNode):
                return selection.name.value
    return INVALID
