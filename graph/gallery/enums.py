"""The gallery enumerations, exposed to clients with descriptions."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

import strawberry

from services import gallery

if TYPE_CHECKING:  # strawberry.enum returns the class itself; mypy sees it as a variable otherwise
    from services.gallery import GalleryOrder as GalleryOrder
    from services.gallery import PublicGalleryOrder as PublicGalleryOrder
else:
    GalleryOrder = strawberry.enum(
        gallery.GalleryOrder,
        description="NEWEST: newest first. FAVORITES_FIRST: favourites (newest first), then the rest.",
    )
    PublicGalleryOrder = strawberry.enum(
        gallery.PublicGalleryOrder,
        description=(
            "NEWEST: newest first. TRENDING: likes decaying with age (likes / (hours + 2)^1.5) over the last 30 "
            "days, then items without likes, newest first."
        ),
    )


@strawberry.enum(description="Who sees a gallery item: only you, or everyone in the public gallery.")
class GalleryVisibility(Enum):
    PRIVATE = "PRIVATE"
    PUBLIC = "PUBLIC"
