"""The stored enumerations, exposed to clients with descriptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from models import enums

if TYPE_CHECKING:  # strawberry.enum returns the class itself; mypy sees it as a variable otherwise
    from models.enums import GenerationMode as GenerationMode
    from models.enums import LedgerKind as LedgerKind
    from models.enums import ProcessingStatus as ProcessingStatus
    from models.enums import Role as Role
else:
    GenerationMode = strawberry.enum(
        enums.GenerationMode,
        description="What a generation does.",
        name="GenerationMode",
    )
    ProcessingStatus = strawberry.enum(
        enums.ProcessingStatus, description="A project's processing status, following its batch jobs."
    )
    Role = strawberry.enum(enums.Role, description="What a user may do: `ADMIN` may grant credits.")
    LedgerKind = strawberry.enum(
        enums.LedgerKind,
        description=(
            "Why credits moved: SIGNUP and GRANT add credits; RESERVE holds the quote of a job; CAPTURE settles a "
            "delivered image from the hold; REFUND returns what was not delivered."
        ),
    )
