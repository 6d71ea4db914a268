"""The one place where domain errors become GraphQL: ``userErrors`` in payloads, or error extensions.

Services name the offending input with Python field names (``["input", "max_images"]``); clients see the API's
names (``["input", "maxImages"]``), converted here with the same rule as the schema's field names.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import FieldExtension
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.types.field import StrawberryField
from strawberry.utils.str_converters import to_camel_case

from services.core.errors import DomainError, InvalidInputs, RateLimited, UserFacingError
from services.infra.outage import RETRY_AFTER_S, unreachable


@strawberry.enum(description="Why a mutation could not do what was asked.")
class UserErrorCode(Enum):
    NOT_FOUND = "NOT_FOUND"
    INVALID = "INVALID"
    INSUFFICIENT_CREDITS = "INSUFFICIENT_CREDITS"
    CONFLICT = "CONFLICT"
    RATE_LIMITED = "RATE_LIMITED"
    NOT_ALLOWED = "NOT_ALLOWED"


def api_path(field: Sequence[str] | None) -> list[str] | None:
    """A service's field path in the API's names (``max_images`` → ``maxImages``; list indexes stay)."""
    return [to_camel_case(part) for part in field] if field else None


@strawberry.type(description="An expected failure of a mutation: what, where, and a message for people.")
class UserError:
    field: list[str] | None = strawberry.field(
        description='Path of the input field at fault, e.g. ["input", "name"]; null for the whole request.'
    )
    code: UserErrorCode = strawberry.field(description="Stable, machine-readable reason.")
    message: str = strawberry.field(description="Human-readable explanation.")
    reason: str = strawberry.field(
        description=(
            "A finer machine-readable reason than `code` when the service knows one (TOO_LONG, CONTROL_CHARACTER, "
            "BLOCKED_ADDRESS, TOO_LARGE, UNSUPPORTED_FORMAT_VERSION, ...); otherwise the same as `code`. The same "
            "value a GraphQL error carries in `extensions.reason`."
        ),
    )
    retry_after: int | None = strawberry.field(
        default=None, description="RATE_LIMITED: seconds to wait before trying again; null otherwise."
    )

    @classmethod
    def from_error(cls, error: UserFacingError) -> UserError:
        return cls(
            field=api_path(error.field),
            code=UserErrorCode(error.code),
            message=error.message,
            retry_after=error.retry_after if isinstance(error, RateLimited) else None,
            reason=error_reason(error),
        )


def error_reason(error: UserFacingError) -> str:
    """The reason a client sees for ``error``: the service's finer detail, or its code."""
    return error.detail or error.code


class UserErrorsExtension(FieldExtension):
    """On a mutation: a ``UserFacingError`` from the resolver becomes the payload with ``userErrors`` set.

    So resolvers carry no try/except, and every payload type only needs defaults for its other fields.
    """

    def apply(self, field: StrawberryField) -> None:
        definition = getattr(field.type, "__strawberry_definition__", None)
        if not isinstance(definition, StrawberryObjectDefinition):
            raise TypeError(f"{field.python_name}: UserErrorsExtension needs an object payload type")
        self.payload_type: Any = field.type

    async def resolve_async(self, next_: Any, source: Any, info: Any, **kwargs: Any) -> Any:
        try:
            return await next_(source, info, **kwargs)
        except InvalidInputs as error:
            return self.payload_type(user_errors=[UserError.from_error(each) for each in error.errors])
        except UserFacingError as error:
            return self.payload_type(user_errors=[UserError.from_error(error)])


def error_extensions(error: DomainError) -> dict[str, Any]:
    """What a GraphQL error caused by ``error`` carries in ``extensions``."""
    if isinstance(error, RateLimited):
        return {"code": error.code, "retryAfter": error.retry_after}
    if isinstance(error, UserFacingError):
        # Outside a mutation payload (a query argument, a subscription), an expected failure is a client input error.
        return {"code": "BAD_USER_INPUT", "reason": error_reason(error), "field": api_path(error.field)}
    return {"code": error.code}


UNAVAILABLE_MESSAGE = "the service is unavailable for a moment (a database or Redis is unreachable); try again"


def shape_error(error: GraphQLError) -> None:
    """Give a GraphQL error caused by a domain error its API extensions (before masking and formatting); one caused
    by an unreachable database or Redis becomes ``SERVICE_UNAVAILABLE`` with ``retryAfter`` seconds, never the
    driver's errno nor "Unexpected error."."""
    if isinstance(error.original_error, DomainError):
        error.extensions = error_extensions(error.original_error)
    elif unavailable(error):
        error.message = UNAVAILABLE_MESSAGE
        error.extensions = {"code": "SERVICE_UNAVAILABLE", "retryAfter": RETRY_AFTER_S}


def unavailable_error(path: Sequence[str]) -> dict[str, Any]:
    """The formatted ``SERVICE_UNAVAILABLE`` error (with ``retryAfter``) of the field at ``path``, for a stream that
    tells its subscribers about an outage without ending (``app.websocket.fanout``)."""
    extensions = {"code": "SERVICE_UNAVAILABLE", "retryAfter": RETRY_AFTER_S}
    return dict(GraphQLError(UNAVAILABLE_MESSAGE, path=list(path), extensions=extensions).formatted)


def unavailable(error: GraphQLError) -> bool:
    original = error.original_error
    return original is not None and not isinstance(original, DomainError) and unreachable(original)


def should_mask_error(error: GraphQLError) -> bool:
    """Mask everything but validation errors and deliberate, client-visible errors."""
    original = error.original_error
    # No original error, or a GraphQLError: parse, validation or variable-coercion errors about what the client
    # sent (and Strawberry's own limit errors). DomainError: deliberate. Anything else is a bug: masked.
    return original is not None and not isinstance(original, DomainError | GraphQLError) and not unavailable(error)
