"""The generation enumerations, exposed to clients with descriptions (modes and tiers, shared by every room, live
in ``graph.core.enums``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from graph.core.enums import GenerationMode as GenerationMode
from graph.core.enums import SizeTier as SizeTier
from models import enums

if TYPE_CHECKING:  # strawberry.enum returns the class itself; mypy sees it as a variable otherwise
    from models.enums import BatchStatus as BatchStatus
    from models.enums import EditStatus as EditStatus
    from models.enums import ErrorCategory as ErrorCategory
else:
    BatchStatus = strawberry.enum(
        enums.BatchStatus,
        description=(
            "QUEUED → RUNNING → SUCCEEDED | PARTIALLY_SUCCEEDED | FAILED | CANCELLED; CANCEL_REQUESTED while a cancel "
            "is being carried out."
        ),
    )
    EditStatus = strawberry.enum(enums.EditStatus, description="The state of one requested image or provider call.")
    ErrorCategory = strawberry.enum(
        enums.ErrorCategory,
        description=(
            "Why an image failed: TRANSIENT (provider trouble, retried before giving up), CONTENT_POLICY, "
            "INVALID_INPUT, PROVIDER_AUTH (our side; operators are alerted), CANCELLED, INTERNAL."
        ),
    )
