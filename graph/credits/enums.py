"""The credit enumerations, exposed to clients with descriptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from models import enums

if TYPE_CHECKING:  # strawberry.enum returns the class itself; mypy sees it as a variable otherwise
    from models.enums import LedgerKind as LedgerKind
else:
    LedgerKind = strawberry.enum(
        enums.LedgerKind,
        description=(
            "Why credits moved: SIGNUP and GRANT add credits; RESERVE holds the quote of a job; CAPTURE settles a "
            "delivered image from the hold; REFUND returns what was not delivered."
        ),
    )
