"""The account room's output types: an account export and its event."""

from __future__ import annotations

from datetime import datetime

import strawberry

from graph.account.enums import ExportStatus
from graph.core.convert import from_row
from graph.core.enums import ProgressEventKind
from graph.core.media import image_link
from models import AccountExport
from services.account.export import downloadable
from services.progress.events import AccountExportChanged


@strawberry.type(
    name="AccountExport",
    description="An archive of your data (`meExport`): JSON of your rows plus your images and uploads.",
)
class AccountExportType:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    status: ExportStatus = strawberry.field(description="Where the export stands.")
    url: str | None = strawberry.field(
        description="A link to the zip archive while READY; it expires like `ImageEdit.url` (read it again for a "
        "fresh one) and is null once the export expired, failed or is not built yet."
    )
    size_bytes: int | None = strawberry.field(description="The archive's size in bytes, once READY.")
    created_at: datetime = strawberry.field(description="When it was requested.")
    expires_at: datetime | None = strawberry.field(
        description="Until when the archive is kept (`EXPORT_LINK_DAYS` after it was built); it is removed afterwards."
    )
    error: str | None = strawberry.field(description="Why it FAILED; null otherwise.")

    @classmethod
    def from_model(cls, export: AccountExport) -> AccountExportType:
        url = image_link(export.storage_key) if downloadable(export) else None
        return from_row(cls, export, url=url)


@strawberry.type(description="Your account export ended: READY (read `accountExport(id)` for its link) or FAILED.")
class AccountExportEvent:
    account_export_id: strawberry.ID = strawberry.field(description="The export's id.")
    status: ExportStatus = strawberry.field(description="READY or FAILED.")
    at: datetime = strawberry.field(description="When it ended.")
    kind: ProgressEventKind = strawberry.field(
        description="EVENT: as it happened; REPLAY: missed while away, replayed after `afterSeq`."
    )
    user_seq: int | None = strawberry.field(
        description="Your event number, as on `BatchProgressEvent.userSeq`: resume `myEvents` with `afterSeq`."
    )

    @classmethod
    def from_event(cls, event: AccountExportChanged) -> AccountExportEvent:
        return from_row(cls, event)
