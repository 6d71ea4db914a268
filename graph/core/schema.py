"""How every schema of ours is served: security limits, caches, error shaping and masking.

The root types come from the resolvers (``app.schema`` puts them together); this module only knows how to wrap them.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import datetime
from typing import Any

import strawberry
from graphql import ASTValidationRule, GraphQLError
from starlette.datastructures import UploadFile
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
    ValidationCache,
)
from strawberry.extensions.max_aliases import create_validator as alias_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule
from strawberry.file_uploads import Upload
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext
from strawberry.types.graphql import OperationType
from strawberry.utils.logging import StrawberryLogger

from graph.core.directives import create_directive_rule
from graph.core.errors import shape_error, should_mask_error, unavailable
from graph.core.execution import LeafFastExecutionContext
from graph.core.introspection import IntrospectionGuard
from graph.core.metrics import OperationMetrics
from graph.core.operations import OperationNameRequired
from graph.core.rate_limits import OperationRateLimit
from graph.core.scalars import DATETIME
from services.core import db
from services.core.config import Settings


def _parse_upload(value: object) -> UploadFile:
    """An ``Upload`` argument is a file of a multipart request. Anything else (a string written in the query, a
    variable sent as JSON) is refused while the request is validated, a client error, never a resolver crash."""
    if not isinstance(value, UploadFile):
        # A GraphQLError (not a ValueError): a client error about the request, which masking leaves as it is.
        raise GraphQLError("expected a file sent as a multipart request (the GraphQL multipart request spec)")
    return value


# Strawberry's own Upload scalar passes any value through to the resolver; ours admits files only.
UPLOAD = strawberry.scalar(
    name="Upload", description="Represents a file upload.", serialize=lambda value: value, parse_value=_parse_upload
)


SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")
"""graphql-core's hint at the end of a validation message: it names types, fields and enum values of the schema."""


class PlaygroundSchema(strawberry.Schema):
    hide_suggestions = False
    """Outside development: no "Did you mean ...?" in error messages (they would list the schema to anyone)."""

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        # Strawberry calls this with every error before extensions run (MaskErrors comes later): domain errors get
        # their API shape here, and only the unexpected are logged, with their tracebacks, before they are masked.
        for error in errors:
            if self.hide_suggestions and "Did you mean" in error.message:
                error.message = SUGGESTION.sub("", error.message)
            shape_error(error)
            if unavailable(error):
                # One line, no traceback: the outage is the news, and every request during it says so.
                StrawberryLogger.logger.warning("dependency unreachable: %s", error.original_error.__class__.__name__)
            elif should_mask_error(error):
                StrawberryLogger.error(error, execution_context)


class OneConnection(SchemaExtension):
    """A query sent over HTTP runs all its statements on one database connection (``db.request_connection``).

    Only queries over HTTP: a mutation may start work that outlives it (the in-process queue runs a batch in a
    task that inherits the request's context), and a subscription or a query on a socket lives as long as the
    socket; those keep taking a pooled connection per statement. The connection is released when execution ends,
    whatever the outcome.
    """

    async def on_execute(self) -> AsyncIterator[None]:
        execution = self.execution_context
        on_socket = getattr(execution.context, "is_websocket", True)
        if execution.operation_type is OperationType.QUERY and not on_socket:
            async with db.request_connection():
                yield
        else:
            yield


def build_schema(
    *,
    query: type,
    mutation: type,
    subscription: type,
    settings: Settings,
    guards: Sequence[type[SchemaExtension]] = (),
    tracer_provider: Any | None = None,
) -> strawberry.Schema:
    """The schema of these roots with the security limits of ``settings``; extensions are built per operation.

    ``guards`` run after validation and before anything executes (the composition root passes the API-key scope
    guard of ``graph.keys``: ``graph.core`` names no domain room).

    With a ``tracer_provider`` (OpenTelemetry tracing is on) every operation, its phases and its resolvers are spans.
    """
    # The depth and alias rules are made once: ValidationCache keys on the rule classes, and QueryDepthLimiter /
    # MaxAliasesLimiter would make new ones per operation, so the cache never hit (measured: 0 hits in 5).
    limits: list[type[ASTValidationRule]] = [
        depth_rule(settings.graphql_max_depth, None, None),
        alias_rule(settings.graphql_max_aliases),
        create_directive_rule(settings.graphql_max_directives),
    ]
    extensions: list[type[SchemaExtension] | Callable[[], SchemaExtension]] = [
        OperationMetrics,
        lambda: ParserCache(maxsize=512),
        lambda: ValidationCache(maxsize=512),
        # After the validation cache: both decide in on_validate, once the cached result is in place.
        OperationNameRequired,
        OperationRateLimit,
        # After validation (the cache above) and before anything runs (an API key reaches only its scopes' fields).
        *guards,
        lambda: IntrospectionGuard(settings.resolved_introspection),
        lambda: AddValidationRules(limits),
        lambda: MaxTokensLimiter(max_token_count=settings.graphql_max_tokens),
        lambda: MaskErrors(should_mask_error=should_mask_error),
        OneConnection,
    ]
    if tracer_provider is not None:
        # Imported only here: with tracing off, nothing of OpenTelemetry is loaded.
        from strawberry.extensions.tracing import OpenTelemetryExtension

        extensions.insert(0, lambda: OpenTelemetryExtension(tracer_provider=tracer_provider))
    schema = PlaygroundSchema(
        query=query,
        mutation=mutation,
        subscription=subscription,
        config=StrawberryConfig(auto_camel_case=True, disable_field_suggestions=not settings.is_development),
        extensions=extensions,
        scalar_overrides={Upload: UPLOAD, datetime: DATETIME},
        execution_context_class=LeafFastExecutionContext,
    )
    schema.hide_suggestions = not settings.is_development
    return schema
