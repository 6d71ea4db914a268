"""Who may introspect the schema (``__schema``, ``__type``), over HTTP and WebSocket: ``GRAPHQL_INTROSPECTION``.

``on`` lets everyone; ``authenticated`` only callers with a valid token (schema tools send one; the production
default, so an anonymous scanner learns nothing of the schema); ``off`` nobody. ``__typename`` is always allowed:
clients need it to read unions, and it reveals nothing.

The decision needs the caller, which validation rules do not see, so it runs in ``on_validate`` as an extension,
after the validation cache has filled in its result: a refused document gets one error instead of a result.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from graphql import DocumentNode, FieldNode, GraphQLError, Visitor, visit
from graphql.language.visitor import BREAK
from strawberry.extensions import SchemaExtension

from graph.core.context import Context
from services.core.config import IntrospectionPolicy
from services.core.errors import Unauthenticated

INTROSPECTION_FIELDS = frozenset({"__schema", "__type"})


class _FindIntrospection(Visitor):
    found = False

    def enter_field(self, node: FieldNode, *_: object) -> object:
        if node.name.value in INTROSPECTION_FIELDS:
            self.found = True
            return BREAK
        return None


def uses_introspection(document: DocumentNode) -> bool:
    """Whether any selection of ``document`` (fragments included) asks for ``__schema`` or ``__type``."""
    finder = _FindIntrospection()
    visit(document, finder)
    return finder.found


class IntrospectionGuard(SchemaExtension):
    """Refuses introspection to callers the policy does not admit (see the module's docstring).

    The policy is read from the request's settings (``policy`` applies to executions without our context).
    """

    def __init__(self, policy: IntrospectionPolicy) -> None:
        self.default_policy = policy

    async def on_validate(self) -> AsyncIterator[None]:
        execution = self.execution_context
        document = execution.graphql_document
        context = execution.context
        policy = (
            context.services.settings.resolved_introspection if isinstance(context, Context) else self.default_policy
        )
        if (
            policy is not IntrospectionPolicy.ON
            and not execution.pre_execution_errors
            and document is not None
            # A cheap look at the text first: most documents never mention either name.
            and any(name in (execution.query or "") for name in INTROSPECTION_FIELDS)
            and uses_introspection(document)
        ):
            refusal = await _refusal(policy, context)
            if refusal is not None:
                execution.pre_execution_errors = [refusal]
        yield


async def _refusal(policy: IntrospectionPolicy, context: object) -> GraphQLError | None:
    if policy is IntrospectionPolicy.OFF:
        return GraphQLError("introspection is disabled on this server", extensions={"code": "FORBIDDEN"})
    if isinstance(context, Context):
        try:
            await context.authenticate()
            return None
        except Unauthenticated:
            pass
    return GraphQLError(
        "introspection needs a valid token: send `Authorization: Bearer <token>`",
        extensions={"code": "UNAUTHENTICATED"},
    )
