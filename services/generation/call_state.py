"""The states of an item's provider call, so that no request is ever bought twice by accident.

```
(none) --record()--> RECORDED --bought()------------> BOUGHT     the provider has it (a task id, a reply, a webhook)
                        |  \\--not_bought()--------> (none)      documented as never made, or failed and refunded
                        \\----unknown()------------> UNKNOWN     sent, and no reply says whether it was made
```

``record`` runs before a request leaves: the item notes the provider, our request id and the attempt, and counts
one more purchase. Providers bill what they made, also when our side never heard back, so a call whose outcome is
unknown keeps its purchase: the next ``record`` is refused once ``provider_purchases`` reaches the operator's
limit (``PROVIDER_MAX_PURCHASES_PER_ITEM``, default 1). The runner then fails the item's open images with
``OUTCOME_UNKNOWN_CODE`` (refunded) instead of buying again. A call documented as failed and refunded (an HTTP error
before the task existed, a WaveSpeed task that failed) gives its purchase back (``not_bought``), so a retry may run.

A call left RECORDED by a worker that died in flight is unknown: the next run finds it and says so. One exception:
a ``record`` whose statement failed because the database went away may have been written all the same (the commit
landed, its answer was lost with the connection), yet its request certainly never left. The runner keeps that
request id and passes it back as ``unsent``: the next ``record`` gives that purchase back instead of calling the
call unknown. Every unknown
outcome is counted (``playground_provider_outcomes_unknown``), logged once, and listed for administrators
(``unknown_outcomes``) with the provider's ids, so an operator can look the request up at the provider.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from tortoise.expressions import F

from models import BatchItem, BatchJob
from models.enums import ProviderCallState
from services.core import updates
from services.infra import metrics
from services.seedream import errors as seedream_errors

log = logging.getLogger(__name__)

OUTCOME_UNKNOWN_CODE: Final = seedream_errors.OUTCOME_UNKNOWN_CODE
"""The reason an image fails with when its call's outcome is unknown and no further purchase is allowed."""
OUTCOME_UNKNOWN_MESSAGE = (
    "The image service stopped answering while it worked on this request, so we cannot tell whether it was "
    "made. It was not charged; you can try again."
)


@dataclass(frozen=True, slots=True)
class Recorded:
    """A purchase about to be made: our request id for it (sent to the provider where it takes one)."""

    request_id: str
    attempt: int


async def record(
    item_id: uuid.UUID,
    *,
    provider: str,
    attempt: int,
    max_purchases: int,
    slots: list[int] | None = None,
    stale_possible: bool = True,
    request_id: str | None = None,
    unsent: Collection[str] = (),
) -> Recorded | None:
    """Note the call about to leave, or None when the item may not buy again (its purchases reached the limit).

    One conditional UPDATE, so two workers that race on a re-delivered job cannot both buy. ``slots`` are the
    images the call is for: a task found later by its webhook (``services.generation.provider_webhooks``) resumes
    onto them. A task id of an earlier purchase is cleared, so only this call's task can be resumed.
    ``stale_possible=False``: the caller read the item under the batch's lease and it was not RECORDED, so no call
    left in flight by a dead worker needs marking first (a read saved). ``request_id``: ours for this call (chosen by
    the caller, so that it knows the id even when this statement fails); ``unsent``: request ids of earlier records
    of this item whose statement failed and whose request therefore never left (their purchase is given back).
    """
    if stale_possible:
        await _settle_stale(item_id, unsent)
    request_id = request_id or uuid.uuid4().hex
    updated = await updates.update(
        BatchItem,
        {"id": item_id, "provider_purchases__lt": max_purchases},
        {
            "provider_name": provider,
            "provider_request_id": request_id,
            "provider_call_state": ProviderCallState.RECORDED,
            "provider_call_attempt": attempt,
            "provider_purchases": updates.Add(1),
            "provider_task_id": None,
            "provider_task_slots": slots,
        },
    )
    return Recorded(request_id, attempt) if updated else None


async def unknown_unless_found(item_id: uuid.UUID, request_id: str, why: str) -> bool:
    """Mark the call unknown unless its webhook found the task first; True when it was marked unknown.

    Conditional on the call still being RECORDED, so a webhook that lands at the same moment wins or loses
    cleanly: never both recovered and refunded.
    """
    item = await BatchItem.get(id=item_id)
    if item.provider_request_id != request_id or item.provider_call_state is not ProviderCallState.RECORDED:
        return False
    return await _mark_unknown(item, why, only_if_recorded=True)


async def bought(item_id: uuid.UUID) -> None:
    """The provider has the request (it gave a task id, or answered): the purchase is made."""
    await updates.update(BatchItem, {"id": item_id}, {"provider_call_state": ProviderCallState.BOUGHT})


async def not_bought(item_id: uuid.UUID, *, unsent_request_id: str | None = None) -> bool:
    """The provider documents the call as never made, or as failed and refunded: its purchase is given back.
    ``unsent_request_id``: only that recorded call, which never left (its recording's answer was lost); True when a
    purchase was given back."""
    query = BatchItem.filter(id=item_id, provider_purchases__gt=0)
    if unsent_request_id is None:
        query = query.filter(provider_call_state__in=[ProviderCallState.RECORDED, ProviderCallState.BOUGHT])
    else:
        query = query.filter(provider_request_id=unsent_request_id, provider_call_state=ProviderCallState.RECORDED)
    return bool(await query.update(provider_call_state=None, provider_purchases=F("provider_purchases") - 1))


async def unknown(item_id: uuid.UUID, why: str) -> None:
    """The request left and nothing says whether the provider made it: keep its purchase, tell the operator."""
    item = await BatchItem.get(id=item_id)
    await _mark_unknown(item, why)


async def may_buy_again(item_id: uuid.UUID, max_purchases: int) -> bool:
    """Whether the item's purchases leave room for one more (the operator's limit)."""
    return await BatchItem.filter(id=item_id, provider_purchases__lt=max_purchases).exists()


async def _settle_stale(item_id: uuid.UUID, unsent: Collection[str] = ()) -> None:
    """A call still RECORDED when a new one is about to be made was left by a worker that died in flight, or was
    recorded by a statement whose answer was lost (``unsent``: its request never left, so nothing was bought)."""
    item = await BatchItem.get(id=item_id)
    if item.provider_call_state is not ProviderCallState.RECORDED:
        return
    if item.provider_request_id in unsent:
        if await not_bought(item_id, unsent_request_id=item.provider_request_id):
            log.info(
                "item %s: request %s was recorded while the database went away and never left; its purchase is "
                "given back",
                item_id,
                item.provider_request_id,
            )
        return
    await _mark_unknown(item, "the worker stopped while the request was in flight")


async def _mark_unknown(item: BatchItem, why: str, *, only_if_recorded: bool = False) -> bool:
    now = datetime.now(UTC)
    line = (
        f"{now.isoformat()} {item.provider_name or 'provider'} request {item.provider_request_id or '?'}"
        f"{f' task {item.provider_task_id}' if item.provider_task_id else ''}"
        f" (attempt {item.provider_call_attempt}): outcome unknown ({why})"
    )
    note = f"{item.outcome_unknown}\n{line}" if item.outcome_unknown else line
    query = BatchItem.filter(id=item.id)
    if only_if_recorded:
        query = query.filter(
            provider_request_id=item.provider_request_id, provider_call_state=ProviderCallState.RECORDED
        )
    if not await query.update(
        provider_call_state=ProviderCallState.UNKNOWN, provider_unknown_at=now, outcome_unknown=note
    ):
        return False
    metrics.PROVIDER_OUTCOMES_UNKNOWN.labels(provider=item.provider_name or "unknown").inc()
    # The one line an operator searches for: the ids to look the request up at the provider.
    log.warning(
        "provider outcome unknown: item %s batch %s provider %s request %s task %s attempt %s: %s",
        item.id,
        item.batch_job_id,
        item.provider_name,
        item.provider_request_id,
        item.provider_task_id,
        item.provider_call_attempt,
        why,
    )
    return True


async def unknown_outcomes(*, limit: int) -> list[tuple[BatchItem, uuid.UUID]]:
    """Items whose latest provider call's outcome is unknown, newest first, with their batch's owner (for
    administrators: the caller checks the role)."""
    items = (
        await BatchItem.filter(provider_call_state=ProviderCallState.UNKNOWN)
        .order_by("-provider_unknown_at", "id")
        .limit(limit)
    )
    owners: dict[uuid.UUID, uuid.UUID] = dict(
        await BatchJob.filter(id__in={item.batch_job_id for item in items}).values_list("id", "owner_id")
    )
    return [(item, owners[item.batch_job_id]) for item in items if item.batch_job_id in owners]
