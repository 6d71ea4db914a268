"""Account mutations (sessions only: ``graph.keys.scopes`` keeps API keys away from ``meDelete``)."""

from __future__ import annotations

import logging
from typing import Annotated

import strawberry

from graph.account.payloads import MeDeletePayload
from graph.core.context import Context
from graph.core.errors import UserErrorsExtension
from graph.core.rate_limits import RateLimitExtension
from services.account.deletion import check_confirmation, delete_account
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


@strawberry.type
class AccountMutations:
    me_delete: MeDeletePayload = strawberry.mutation(
        resolver=me_delete,
        extensions=[RateLimitExtension(Budget.GENERATE), UserErrorsExtension()],
        description=(
            "Delete your projects, batches, images, gallery items, presets, uploads, API keys and webhooks with "
            "their files, and remove your identity (the credit ledger stays, anonymised). Cannot be undone. "
            "Sessions only."
        ),
    )
