"""The gallery enumerations, exposed to clients with descriptions."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

import strawberry

from services import gallery

if TYPE_CHECKING:  # strawberry.enum returns the class itself; mypy sees it as a variable otherwise
    from services.gallery import GalleryOrder as GalleryOrder
else:
    GalleryOrder = strawberry.enum(
        gallery.GalleryOrder,
        description="NEWEST: newest first. FAVORITES_FIRST: favourites (newest first), then the rest.",
    )


@strawberry.enum(description="Who sees a gallery item: only you, or everyone in the public gallery.")
class GalleryVisibility(Enum):
    PRIVATE = "PRIVATE"
    PUBLIC = "PUBLIC"
