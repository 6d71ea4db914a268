"""The enumerations every room shows: generation modes and size tiers (projects, presets and gallery items carry
them as well as batches), exposed to clients with descriptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from models import enums

if TYPE_CHECKING:  # strawberry.enum returns the class itself; mypy sees it as a variable otherwise
    from models.enums import GenerationMode as GenerationMode
    from models.enums import SizeTier as SizeTier
else:
    GenerationMode = strawberry.enum(
        enums.GenerationMode,
        description="What a generation does.",
        name="GenerationMode",
    )
    SizeTier = strawberry.enum(enums.SizeTier, description="Resolution tier: K1 = 1K, K2 = 2K, K4 = 4K.")
