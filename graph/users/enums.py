"""The user enumerations, exposed to clients with descriptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from models import enums

if TYPE_CHECKING:  # strawberry.enum returns the class itself; mypy sees it as a variable otherwise
    from models.enums import Role as Role
else:
    Role = strawberry.enum(enums.Role, description="What a user may do: `ADMIN` may grant credits.")
