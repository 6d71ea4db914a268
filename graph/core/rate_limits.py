"""Per-user request budgets in the GraphQL layer (the counting is ``services.infra.rate_limits``).

- ``OperationRateLimit`` (schema extension): every operation of an authenticated caller, HTTP or WebSocket, counts
  against ``RATE_LIMIT_OPERATIONS``. Over budget, the operation is not run: one GraphQL error with
  ``extensions: {code: RATE_LIMITED, retryAfter: <seconds>}``, and over HTTP the status 429 with ``Retry-After``.
  Anonymous operations (capabilities, introspection where allowed) are not counted here: they have no user to
  count against; a proxy in front limits by address.
- ``RateLimitExtension(budget)`` (field extension): a mutation that spends a budget of its own (``generate``,
  ``imageUpload``...). Over budget, the resolver is not called: ``RateLimited`` becomes a ``RATE_LIMITED`` userError
  with ``retryAfter``. List it before ``UserErrorsExtension`` (Strawberry nests field extensions so that the last
  one listed is the outermost, and that one must see the error).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from graphql import GraphQLError
from starlette.datastructures import UploadFile
from strawberry.extensions import FieldExtension, SchemaExtension

from graph.core.context import Context
from services.core.errors import RateLimited, Unauthenticated
from services.infra.rate_limits import Budget

WHAT = {Budget.OPERATIONS: "requests", Budget.GENERATE: "generations", Budget.UPLOADS: "uploads"}


class OperationRateLimit(SchemaExtension):
    """Counts every operation of an authenticated caller; refuses it, unrun, once the budget is spent."""

    async def on_validate(self) -> AsyncIterator[None]:
        execution = self.execution_context
        context = execution.context
        if isinstance(context, Context) and context.services.rate_limiter.limited(Budget.OPERATIONS):
            try:
                identity = await context.authenticate()
            except Unauthenticated:
                identity = None  # the resolvers say so, where it matters
            wait = None
            if identity is not None:
                wait = await context.services.rate_limiter.hit(Budget.OPERATIONS, identity.subject)
            if wait is not None:
                error = RateLimited(WHAT[Budget.OPERATIONS], wait)
                execution.pre_execution_errors = [
                    GraphQLError(error.message, extensions={"code": error.code, "retryAfter": wait})
                ]
                if context.response is not None:
                    context.response.status_code = 429
                    context.response.headers["Retry-After"] = str(wait)
        yield


class RateLimitExtension(FieldExtension):
    """Spends one request of ``budget`` for the caller before the resolver runs; ``RateLimited`` when it is spent."""

    def __init__(self, budget: Budget) -> None:
        super().__init__()
        self.budget = budget

    async def resolve_async(self, next_: Any, source: Any, info: Any, **kwargs: Any) -> Any:
        context: Context = info.context
        identity = await context.authenticate()
        wait = await context.services.rate_limiter.hit(self.budget, identity.subject)
        if wait is not None:
            for value in kwargs.values():
                if isinstance(value, UploadFile):
                    await value.close()  # the resolver that would have closed it does not run
            raise RateLimited(WHAT[self.budget], wait)
        return await next_(source, info, **kwargs)
