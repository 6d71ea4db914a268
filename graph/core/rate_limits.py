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

WHAT = {
    Budget.OPERATIONS: "requests",
    Budget.GENERATE: "generations",
    Budget.UPLOADS: "uploads",
    Budget.UPLOAD_BYTES: "uploaded bytes",
}


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
    """Spends one request of ``budget`` for the caller before the resolver runs; ``RateLimited`` when it is spent.

    With ``bytes_budget``, the files the field receives also spend their size in bytes from that budget (checked
    first, so a refusal for size spends no request).
    """

    def __init__(self, budget: Budget, *, bytes_budget: Budget | None = None) -> None:
        super().__init__()
        self.budget = budget
        self.bytes_budget = bytes_budget

    async def resolve_async(self, next_: Any, source: Any, info: Any, **kwargs: Any) -> Any:
        context: Context = info.context
        identity = await context.authenticate()
        limiter = context.services.rate_limiter
        files = [value for value in kwargs.values() if isinstance(value, UploadFile)]
        wait: int | None = None
        spent = self.budget
        if self.bytes_budget is not None and files:
            size = sum(_size(file) for file in files)
            wait = await limiter.hit(self.bytes_budget, identity.subject, cost=max(1, size))
            spent = self.bytes_budget
        if wait is None:
            wait = await limiter.hit(self.budget, identity.subject)
            spent = self.budget
        if wait is not None:
            for file in files:
                await file.close()  # the resolver that would have closed it does not run
            raise RateLimited(WHAT[spent], wait)
        return await next_(source, info, **kwargs)


def _size(file: UploadFile) -> int:
    """The bytes a multipart upload carried (spooled by the form parser, so its size is known before any read)."""
    if file.size is not None:
        return file.size
    position = file.file.tell()
    end = file.file.seek(0, 2)
    file.file.seek(position)
    return end
