"""Which operation of a document runs: a document with several operations must name one (``operationName``)."""

from __future__ import annotations

from collections.abc import AsyncIterator

from graphql import GraphQLError, OperationDefinitionNode
from strawberry.extensions import SchemaExtension


class OperationNameRequired(SchemaExtension):
    """Refuses a document of two or more operations sent without ``operationName``.

    Strawberry runs the first operation of such a document; the GraphQL spec (GetOperation) says the request is
    in error, since the client may have meant any of them. Decided in ``on_validate`` after the validation cache,
    like the other request refusals, so a cached document is checked too.
    """

    async def on_validate(self) -> AsyncIterator[None]:
        execution = self.execution_context
        document = execution.graphql_document
        # The name the client sent (``operation_name`` falls back to the first operation's name).
        provided = getattr(execution, "_provided_operation_name", None)
        if provided is None and not execution.pre_execution_errors and document is not None:
            count = sum(isinstance(each, OperationDefinitionNode) for each in document.definitions)
            if count > 1:
                execution.pre_execution_errors = [
                    GraphQLError(
                        f"Must provide operation name if query contains multiple operations ({count} here): "
                        "send operationName"
                    )
                ]
        yield
