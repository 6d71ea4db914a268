"""The account room's enumerations, exposed to clients with descriptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from models import enums

if TYPE_CHECKING:  # strawberry.enum returns the class itself; mypy sees it as a variable otherwise
    from models.enums import ExportStatus as ExportStatus
else:
    ExportStatus = strawberry.enum(
        enums.ExportStatus,
        description=(
            "Where an account export stands: QUEUED and RUNNING while the archive is built; READY when `url` "
            "downloads it; FAILED (see `error`; request a new one); EXPIRED once `expiresAt` passed and the "
            "archive was removed."
        ),
    )
