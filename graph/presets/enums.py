"""The preset enumerations, exposed to clients with descriptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from models import enums
from services.presets import reads

if TYPE_CHECKING:  # strawberry.enum returns the class itself; mypy sees it as a variable otherwise
    from models.enums import PresetVisibility as PresetVisibility
    from services.presets.reads import PresetOrder as PresetOrder
    from services.presets.reads import PresetScope as PresetScope
else:
    PresetVisibility = strawberry.enum(
        enums.PresetVisibility,
        description=(
            "PRIVATE: only you; UNLISTED: anyone with the share code (not listed, not readable by id); "
            "PUBLIC: everyone, listed."
        ),
    )
    PresetScope = strawberry.enum(
        reads.PresetScope,
        description=(
            "MINE: yours; PUBLIC: other users' public presets; BUILT_IN: the starter library; "
            "VISIBLE: everything you may use (yours, public and built-in)."
        ),
    )
    PresetOrder = strawberry.enum(
        reads.PresetOrder, description="NEWEST first, or MOST_USED first (by batches that used them)."
    )
