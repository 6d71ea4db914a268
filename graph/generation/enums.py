"""The generation enumerations, exposed to clients with descriptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from models import enums

if TYPE_CHECKING:  # strawberry.enum returns the class itself; mypy sees it as a variable otherwise
    from models.enums import BatchStatus as BatchStatus
    from models.enums import EditStatus as EditStatus
    from models.enums import ErrorCategory as ErrorCategory
    from models.enums import GenerationMode as GenerationMode
    from models.enums import SizeTier as SizeTier
else:
    GenerationMode = strawberry.enum(
        enums.GenerationMode,
        description="What a generation does.",
        name="GenerationMode",
    )
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
    SizeTier = strawberry.enum(enums.SizeTier, description="Resolution tier: K1 = 1K, K2 = 2K, K4 = 4K.")
