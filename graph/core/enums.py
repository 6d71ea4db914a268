"""The enumerations every room shows: generation modes and size tiers (projects, presets and gallery items carry
them as well as batches), and how a progress event came (batch and balance events both say it), exposed to clients
with descriptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from models import enums
from services.progress import events

if TYPE_CHECKING:  # strawberry.enum returns the class itself; mypy sees it as a variable otherwise
    from models.enums import GenerationMode as GenerationMode
    from models.enums import SizeTier as SizeTier
    from services.progress.events import EventKind

    ProgressEventKind = EventKind
else:
    GenerationMode = strawberry.enum(
        enums.GenerationMode,
        description="What a generation does.",
        name="GenerationMode",
    )
    SizeTier = strawberry.enum(enums.SizeTier, description="Resolution tier: K1 = 1K, K2 = 2K, K4 = 4K.")
    ProgressEventKind = strawberry.enum(
        events.EventKind,
        name="ProgressEventKind",
        description="How a subscriber came by an event: SNAPSHOT (read from the database), EVENT (live), REPLAY "
        "(missed while away, replayed after `afterSeq`).",
    )
