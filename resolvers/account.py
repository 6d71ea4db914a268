"""Account queries and mutations (sessions only: ``graph.keys.scopes`` keeps API keys away from ``meDelete`` and
``meExport``)."""

from __future__ import annotations

import logging
from typing import Annotated

import strawberry

from graph.account.payloads import MeDeletePayload, MeExportPayload
from graph.account.types import AccountExportType
from graph.core.context import Context
from graph.core.errors import UserErrorsExtension
from graph.core.rate_limits import RateLimitExtension
from services.account.deletion import check_confirmation, delete_account
from services.account.export import find_export, list_exports, request_export
from services.infra.rate_limits import Budget

Info = strawberry.Info[Context, None]
log = logging.getLogger(__name__)


async def me_delete(
    info: Info, confirm: Annotated[str, strawberry.argument(description='Exactly "DELETE".')]
) -> MeDeletePayload:
    check_confirmation(confirm)
    user = await info.context.user()
    services = info.context.services
    report = await delete_account(user, services.storage, user_cache=services.user_cache, api_keys=services.api_keys)
    return MeDeletePayload(
        deleted=True, projects=report.projects, presets=report.presets, uploads=report.uploads, files=report.files
    )


async def me_export(info: Info) -> MeExportPayload:
    user = await info.context.user()
    services = info.context.services
    export = await request_export(user, services.settings, services.outbox)
    return MeExportPayload(account_export=AccountExportType.from_model(export))


async def account_exports(info: Info) -> list[AccountExportType]:
    user = await info.context.user()
    return [AccountExportType.from_model(export) for export in await list_exports(user.id)]


async def account_export(
    info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The export's id.")]
) -> AccountExportType | None:
    user = await info.context.user()
    found = await find_export(user.id, id)
    return AccountExportType.from_model(found) if found else None


@strawberry.type
class AccountQueries:
    account_exports: list[AccountExportType] = strawberry.field(
        resolver=account_exports, description="Your latest account exports (up to 20), newest first. Sessions only."
    )
    account_export: AccountExportType | None = strawberry.field(
        resolver=account_export,
        description="One of your account exports (null for an id that is not yours). Its `url` downloads the "
        "archive while READY. Sessions only.",
    )


@strawberry.type
class AccountMutations:
    me_delete: MeDeletePayload = strawberry.mutation(
        resolver=me_delete,
        extensions=[RateLimitExtension(Budget.GENERATE), UserErrorsExtension()],
        description=(
            "Delete your projects, batches, images, gallery items, presets, uploads, exports, API keys and webhooks "
            "with their files, and remove your identity (the credit ledger stays, anonymised). Cannot be undone. "
            "Sessions only."
        ),
    )
    me_export: MeExportPayload = strawberry.mutation(
        resolver=me_export,
        extensions=[RateLimitExtension(Budget.GENERATE), UserErrorsExtension()],
        description=(
            "Export your data: a zip archive with JSON of your projects, batches, presets (with every version), "
            "gallery, credit ledger and uploads, plus your images and uploaded files. Built in the background; "
            "`myEvents` announces it (AccountExportEvent) and `accountExport(id).url` downloads it until "
            "`expiresAt`. At most `EXPORTS_PER_DAY` a day (RATE_LIMITED otherwise). Sessions only."
        ),
    )
