"""Account mutation payloads: what a deletion removed, the export requested, and ``userErrors``."""

from __future__ import annotations

import strawberry

from graph.account.types import AccountExportType
from graph.core.errors import UserError

USER_ERRORS = "Expected failures (validation, limits); empty on success."


@strawberry.type(description="Result of deleting your account's data.")
class MeDeletePayload:
    deleted: bool = strawberry.field(default=False, description="True when the data was deleted.")
    projects: int = strawberry.field(default=0, description="Projects removed (with their batches and images).")
    presets: int = strawberry.field(default=0, description="Style presets removed.")
    uploads: int = strawberry.field(default=0, description="Uploaded reference images removed.")
    files: int = strawberry.field(default=0, description="Stored files removed.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of requesting an export of your data.")
class MeExportPayload:
    account_export: AccountExportType | None = strawberry.field(
        default=None, description="The export, QUEUED; `myEvents` says when it is READY (or FAILED)."
    )
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)
