"""The project enumerations, exposed to clients with descriptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from models import enums

if TYPE_CHECKING:  # strawberry.enum returns the class itself; mypy sees it as a variable otherwise
    from models.enums import ProcessingStatus as ProcessingStatus
else:
    ProcessingStatus = strawberry.enum(
        enums.ProcessingStatus, description="A project's processing status, following its batch jobs."
    )
