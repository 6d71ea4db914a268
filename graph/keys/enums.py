"""The API key scope enumeration, exposed to clients with descriptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from models import keys

if TYPE_CHECKING:  # strawberry.enum returns the class itself; mypy sees it as a variable otherwise
    from models.keys import ApiKeyScope as ApiKeyScope
else:
    ApiKeyScope = strawberry.enum(
        keys.ApiKeyScope,
        description=(
            "What an API key may reach: READ (every read of your own data and the progress subscriptions), GENERATE "
            "(generations, uploads, projects), PRESETS (changing style presets), GALLERY (changing the gallery), "
            "WEBHOOKS (webhook endpoints and deliveries), ANALYTICS (usage analytics). No key reaches administrator "
            "fields or the API key fields themselves."
        ),
    )
