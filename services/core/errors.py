"""Domain errors raised by services; the graph layer maps them in one place.

::

    DomainError                 a deliberate, client-visible failure (has a stable ``code``)
    ├── UserFacingError         expected outcomes: become ``userErrors`` in mutation payloads
    │   ├── NotFound            missing, or owned by someone else (the two read the same)
    │   ├── InvalidInput        bad argument; ``field`` is the path of the offending input, in Python names
    │   │   └── InvalidInputs   several bad arguments at once (``errors``), e.g. an imported document
    │   ├── InsufficientCredits
    │   ├── Conflict            the object's state does not allow the operation
    │   ├── NotAllowed          the caller may see the object, but their role does not allow the operation
    │   └── RateLimited         the caller's request budget is spent for now; ``retry_after`` seconds
    └── AccessError             become GraphQL errors with ``extensions.code``
        ├── Unauthenticated     no, or an invalid, token
        └── Forbidden           authenticated, but not allowed

Services name fields as Python does (``["input", "max_images"]``); ``graph.core.errors`` is the one place that
turns them into API paths and GraphQL error shapes.
"""

from __future__ import annotations

from collections.abc import Sequence


class DomainError(Exception):
    code = "ERROR"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UserFacingError(DomainError):
    def __init__(self, message: str, field: Sequence[str] | None = None, *, reason: str | None = None) -> None:
        super().__init__(message)
        self.field: list[str] | None = list(field) if field else None
        self.detail: str | None = reason
        """A finer machine-readable reason than ``code`` (``TOO_LONG``, ``BLOCKED_ADDRESS``), when there is one.

        The API shows it as ``UserError.reason`` and as ``extensions.reason``; without one, both repeat ``code``.
        """


class NotFound(UserFacingError):
    code = "NOT_FOUND"


class InvalidInput(UserFacingError):
    code = "INVALID"


class InvalidInputs(InvalidInput):
    """Several bad fields reported together; each of ``errors`` names its own field."""

    def __init__(self, errors: Sequence[UserFacingError]) -> None:
        if not errors:
            raise ValueError("InvalidInputs needs at least one error")
        super().__init__(errors[0].message, errors[0].field)
        self.errors = list(errors)


class InsufficientCredits(UserFacingError):
    code = "INSUFFICIENT_CREDITS"

    def __init__(self, required: int, available: int) -> None:
        super().__init__(f"this needs {required} credits; {available} available", ["credits"])
        self.required = required
        self.available = available


class Conflict(UserFacingError):
    code = "CONFLICT"


class NotAllowed(UserFacingError):
    """The caller may see the object (a workspace they belong to) but their role does not allow the change."""

    code = "NOT_ALLOWED"


class RateLimited(UserFacingError):
    code = "RATE_LIMITED"

    def __init__(self, what: str, retry_after: int) -> None:
        super().__init__(f"too many {what}; try again in {retry_after} s")
        self.retry_after = retry_after


class AccessError(DomainError):
    pass


class Unauthenticated(AccessError):
    code = "UNAUTHENTICATED"


class Forbidden(AccessError):
    code = "FORBIDDEN"
