"""The batch loop: ``BatchRunner`` is the queue's handler. It runs each open item of a batch through the provider
(bounded concurrency, the account's limits, retries), keeps every image in our storage, settles every outcome and
publishes it.

Writes go through a group commit per batch (``settlement.BatchSettlement``): item starts, settled images, item
ends and call rows that the item tasks hand in together share one transaction, and the progress events are built
from it. Idempotent by construction: only items and images still open are worked on, and each image is settled once (see
``services.generation.settlement``), so a re-delivered job after a crash resumes where the dead worker stopped and
charges nothing twice. Cancellation is finalised by whoever cancels (the API); the runner just stops.

Provider calls take item slots shared by every batch of the process (``services.infra.fair_slots``:
``WORKER_CONCURRENCY`` x ``BATCH_ITEM_CONCURRENCY`` of them, the user with the fewest calls in flight first, at
most ``PER_USER_CONCURRENCY`` to one user): each call that ends starts the next waiting item of any batch. Once
every item of a batch has its slot (none waits any more), the runner hands its worker slot back
(``jobs.release_slot``): the worker takes the next batch and does its start-up reads while these calls run, and
this batch settles and publishes its tail meanwhile. The job still ends only when that tail is committed.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from typing import Any, TypeVar

import httpx
from tortoise.expressions import F

from models import BatchItem, BatchJob, BatchStatus, EditStatus, ErrorCategory, ImageEdit, Upload, UsageEvent
from models.enums import OPEN_EDIT_STATUSES, TERMINAL_BATCH_STATUSES, ProviderCallState
from services.analytics import recording
from services.core.config import Settings
from services.generation import call_state, lease, provider, provider_webhooks
from services.generation.backoff import RetryPolicy
from services.generation.settlement import BatchSettlement, Delivered, ItemEnd, Outcome, finish, finish_run
from services.infra import jobs
from services.infra.fair_slots import FairSlots
from services.infra.limits import ProviderLimiter
from services.infra.outage import Outage, dependency_unreachable, until_reachable
from services.infra.storage import Storage
from services.progress.eta import RunTracker, image_seconds
from services.progress.publisher import ProgressPublisher
from services.seedream import (
    GeneratedImage,
    GenerationRequest,
    GenerationResult,
    ProviderError,
    ProviderTransient,
    SeedreamProvider,
    Submission,
    SubmissionCallback,
)
from services.seedream import ReferenceImage as ProviderReference

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class WorkerDeps:
    """What running a batch needs; built once per process."""

    settings: Settings
    provider: SeedreamProvider
    storage: Storage
    publisher: ProgressPublisher
    limiter: ProviderLimiter
    http: httpx.AsyncClient
    """For downloading provider output URLs (when a provider returns links instead of bytes)."""
    clock: Callable[[], float] = field(default=time.monotonic)
    """Seconds, for the estimates in progress events (tests inject one)."""


class BatchRunner:
    """``await runner(batch_id)`` runs a batch to its end; this is the queue's handler."""

    def __init__(self, deps: WorkerDeps) -> None:
        self.deps = deps
        self.settings = deps.settings
        self.policy = RetryPolicy.from_settings(deps.settings)
        self.outage = Outage("the database", logger=log)
        """This runner's view of the database: writes after a provider call wait for it instead of failing."""
        self.slots = FairSlots(
            self.settings.worker_concurrency * self.settings.batch_item_concurrency,
            per_owner=self.settings.per_user_concurrency,
        )
        """The item slots every batch of this process shares (see the module docstring)."""

    async def _persist(self, call: Callable[[], Awaitable[T]], what: str) -> T:
        """A write that must not be lost (it says what a provider call did): retried until the database answers."""
        return await until_reachable(call, what=what, outage=self.outage)

    async def __call__(self, batch_id: uuid.UUID) -> None:
        batch = await BatchJob.get_or_none(id=batch_id)
        if batch is None or batch.status in TERMINAL_BATCH_STATUSES:
            return
        if batch.status is BatchStatus.CANCEL_REQUESTED:
            return  # the canceller finalises; a reconcile picks up a cancel interrupted by a crash
        # One runner per batch: a job re-delivered while the previous runner still runs waits for its lease.
        async with lease.hold(batch_id, self.settings.batch_lease_seconds, outage=self.outage) as held:
            if held:
                try:
                    await self._run(batch_id)
                except asyncio.CancelledError:
                    await self._handed_back(batch_id)
                    raise

    async def _handed_back(self, batch_id: uuid.UUID) -> None:
        """The run was stopped with the batch still RUNNING (its worker is stopping, or the job was swept): it waits
        for a worker again, and says so, instead of showing RUNNING with frozen progress until one takes it. A
        cancel is left alone (the batch is CANCEL_REQUESTED; its canceller finishes it)."""
        try:
            if await BatchJob.filter(id=batch_id, status=BatchStatus.RUNNING).update(status=BatchStatus.QUEUED):
                await self.deps.publisher.changed(batch_id, status_moved=True)
                log.info("batch %s handed back to the queue: it waits for a worker again", batch_id)
        except Exception as error:  # the database is away: the next run (or the reconciler) finds it RUNNING
            log.warning("batch %s: could not mark it waiting again (%s: %s)", batch_id, type(error).__name__, error)

    async def _run(self, batch_id: uuid.UUID) -> None:
        publisher = self.deps.publisher
        async with publisher.turn(batch_id) as turn:
            # Started and its RUNNING event numbered in one statement; the event is built from what is read next.
            started = await BatchJob.filter(id=batch_id, status=BatchStatus.QUEUED).update(
                status=BatchStatus.RUNNING,
                started_at=datetime.now(UTC),
                provider=self.deps.provider.name,
                **turn.numbering(1),
            )
            batch = await BatchJob.get(id=batch_id)
            items = await BatchItem.filter(batch_job_id=batch_id, status__in=OPEN_EDIT_STATUSES).order_by("item_index")
            images: dict[uuid.UUID, list[ImageEdit]] = defaultdict(list)
            all_images = await ImageEdit.filter(batch_job_id=batch_id).order_by("slot_index")
            for edit in all_images:
                if edit.item_id is not None:
                    images[edit.item_id].append(edit)
            tracker = RunTracker(
                per_item=await image_seconds(batch),
                concurrency=self.settings.batch_item_concurrency,
                pending={item.id for item in items},
                sizes={item.id: item.max_images for item in items},
                clock=self.deps.clock,
            )
            if started:
                turn.started(batch, all_images, tracker.estimate())
        if not started:
            await publisher.changed(batch_id, status_moved=True)  # a re-run: its event from SQL
        references = await self._references(batch)
        settlement = BatchSettlement(batch, publisher=publisher, storage=self.deps.storage, tracker=tracker)
        try:
            if references is None:
                # An upload the batch names is gone (deleted in a race with the submit): fail and refund, do not
                # crash.
                for item in items:
                    await self._fail_open(
                        settlement,
                        item,
                        images[item.id],
                        ErrorCategory.INVALID_INPUT,
                        "REFERENCE_DELETED",
                        "a reference image was deleted",
                    )
            else:
                gate = _Gate(self.slots, str(batch.owner_id), items=len(items), on_all_taken=jobs.release_slot)
                async with asyncio.TaskGroup() as group:
                    for item in items:
                        group.create_task(self._run_item(settlement, item, images[item.id], references, gate))
        finally:
            # Whatever was handed in is committed and published, even when this run is being cancelled.
            await settlement.drain()
        if await finish_run(settlement):
            if settlement.balance is not None:
                await publisher.balance(batch.owner_id, settlement.balance)
            return
        if await self._cancelled(batch_id):
            return
        finished = await finish(batch_id)
        if finished is not None:
            await publisher.changed(batch_id)
            await publisher.balance(batch.owner_id)

    async def _references(self, batch: BatchJob) -> tuple[ProviderReference, ...] | None:
        """The batch's reference images, or None when one of them no longer exists."""
        ids = [uuid.UUID(r) for r in batch.parameters.get("references", [])]
        if not ids:
            return ()
        rows = {r.id: r for r in await Upload.filter(id__in=ids)}
        if any(ident not in rows for ident in ids):
            return None
        return await provider.load_references(self.deps.storage, [rows[ident] for ident in ids])

    async def _cancelled(self, batch_id: uuid.UUID) -> bool:
        status: list[Any] = await BatchJob.filter(id=batch_id).values_list("status", flat=True)
        return not status or status[0] in (BatchStatus.CANCEL_REQUESTED, BatchStatus.CANCELLED)

    async def _run_item(
        self,
        settlement: BatchSettlement,
        item: BatchItem,
        edits: list[ImageEdit],
        references: tuple[ProviderReference, ...],
        gate: _Gate,
    ) -> None:
        slot = _Slot(gate)
        await slot.take()
        unsent: set[str] = set()  # request ids recorded by a statement that failed: those requests never left
        try:
            while not settlement.stopping:
                try:
                    await self._generate_item(settlement, item, edits, references, slot, unsent)
                except asyncio.CancelledError:
                    raise
                except Exception as error:
                    if dependency_unreachable(error):
                        # The database went away before a call left (writes after a call wait instead): run the
                        # item again from what SQL says once it answers; a call recorded meanwhile is never bought
                        # twice (call_state). The other items' calls in flight go on.
                        self.outage.failed(error, "preparing a provider call")
                        await asyncio.sleep(max(self.outage.delay(), self.outage.base_s))  # backoff while it is away
                        item, edits = await self._persist(partial(self._reload, item.id), "reading an item again")
                        continue
                    # A bug must fail this item (refunded), not wedge the whole batch.
                    log.exception("item %s of batch %s failed unexpectedly", item.id, item.batch_job_id)
                    await self._fail_open(
                        settlement, item, edits, ErrorCategory.INTERNAL, None, f"internal error: {type(error).__name__}"
                    )
                return
        finally:
            slot.release()

    async def _reload(self, item_id: uuid.UUID) -> tuple[BatchItem, list[ImageEdit]]:
        item = await BatchItem.get(id=item_id)
        return item, await ImageEdit.filter(item_id=item_id).order_by("slot_index")

    async def _generate_item(
        self,
        settlement: BatchSettlement,
        item: BatchItem,
        edits: list[ImageEdit],
        references: tuple[ProviderReference, ...],
        slot: _Slot,
        unsent: set[str],
    ) -> None:
        batch = settlement.batch
        started = time.monotonic()
        # Not waited for: the call need not wait for the commit, and the group commit keeps the order of writes.
        settlement.submit(starts=[item])
        settlement.tracker.start(item.id)
        # The item ends SUCCEEDED only if every image it ever had is delivered (a re-run may find some failed).
        failed_before = any(e.status not in OPEN_EDIT_STATUSES and e.status is not EditStatus.SUCCEEDED for e in edits)
        any_failed = failed_before
        open_edits = [e for e in edits if e.status in OPEN_EDIT_STATUSES]
        stored_item = item
        attempt = 0
        while True:
            attempt += 1
            if attempt > 1:
                # A later attempt: what is still open, and the item's stored task, as the failed call left them.
                open_edits = await ImageEdit.filter(item_id=item.id, status__in=OPEN_EDIT_STATUSES).order_by(
                    "slot_index"
                )
                if not open_edits:
                    break
                # Counted in SQL: a job re-delivered after a crash adds to the calls made before.
                await BatchItem.filter(id=item.id).update(attempts=F("attempts") + 1)
                stored_item = await BatchItem.get(id=item.id)
            if not open_edits:
                break
            delivered: set[uuid.UUID] = set()
            handed: list[tuple[Outcome, Any]] = []
            damaged: list[uuid.UUID] = []  # images that arrived but could not be had whole (failed, not charged)
            # A task still running at the provider (stored on the item) is polled again, never bought twice.
            call_slots, resume_task_id = await provider.call_slots(stored_item, open_edits)

            async def on_image(
                image: GeneratedImage,
                slots: list[ImageEdit] = call_slots,
                seen: set[uuid.UUID] = delivered,
                handed: list[tuple[Outcome, Any]] = handed,
                damaged: list[uuid.UUID] = damaged,
                reply: Any = None,
            ) -> None:
                if 0 <= image.index < len(slots) and slots[image.index].id not in seen:
                    edit = slots[image.index]
                    seen.add(edit.id)
                    if edit.status in OPEN_EDIT_STATUSES:  # a resumed task's slot may be settled already
                        outcome = await self._stored(edit, image, int((time.monotonic() - started) * 1000))
                        if outcome.delivered is None:
                            damaged.append(edit.id)
                        elif reply is not None:
                            outcome.api_response = reply  # the call's reply is known: it rides in the settlement
                        # Handed in at once (a streamed set shows each image as it comes), not waited for here.
                        handed.append((outcome, settlement.submit(outcomes=[outcome])))

            answered: list[str] = []  # the provider's task id, once a reply named it
            marked_bought: list[bool] = []  # the recorder stored a resumable task id: the call is BOUGHT already
            recorder = provider.submission_recorder(item.id, call_slots)

            async def on_submitted(
                submission: Submission,
                record: SubmissionCallback = recorder,
                answered: list[str] = answered,
                marked_bought: list[bool] = marked_bought,
            ) -> None:
                answered.append(submission.id)
                # The task is bought: its id is waited into SQL through an outage, not lost with a re-run (which
                # would find the call in flight and give the purchase up as an unknown outcome).
                await self._persist(partial(record, submission), "recording a submitted task")
                if submission.resumable:
                    marked_bought.append(True)

            request = provider.generation_request(
                batch,
                item,
                references,
                open_images=len(call_slots),
                on_image=on_image,
                on_submitted=on_submitted,
                resume_task_id=resume_task_id,
            )
            try:
                result = await self._call(
                    batch,
                    item,
                    request,
                    attempt,
                    [e.slot_index for e in call_slots],
                    stale_possible=stored_item.provider_call_state is ProviderCallState.RECORDED,
                    unsent=unsent,
                )
            except ProviderError as error:
                unknown = isinstance(error, ProviderTransient) and error.outcome_unknown
                marked = False
                if unknown and request.resume_task_id is None and not answered and self._webhooks():
                    # The submit's reply was lost, but the task (if made) reports to our webhook: wait for it
                    # instead of giving the call up, and resume the task it names. Nothing is bought again.
                    slot.release()
                    stored = await BatchItem.get(id=item.id)
                    if stored.provider_request_id and await provider_webhooks.wait_for_task(
                        item.id,
                        stored.provider_request_id,
                        self.settings.provider_webhook_wait_seconds,
                        f"{provider.failure_of(error).message}; no webhook arrived in time",
                    ):
                        for _, work in handed:
                            await asyncio.shield(work.done)
                        continue
                    marked = True  # the wait made the outcome unknown
                await self._persist(partial(provider.call_failed, item.id, error), "recording a failed call")
                failure = provider.failure_of(error)
                if unknown and not marked:
                    await self._persist(partial(call_state.unknown, item.id, failure.message), "recording a call")
                elif error.resume_task_id is None:
                    await self._persist(partial(call_state.not_bought, item.id), "recording a call")
                retry = failure.retryable and self.policy.may_retry(attempt)
                if retry and unknown:
                    # The unknown call may be billed: another purchase only within the operator's limit.
                    limit = self.settings.provider_max_purchases_per_item
                    retry = await self._persist(partial(call_state.may_buy_again, item.id, limit), "reading a call")
                if retry:
                    await settlement.settle(
                        calls=[self._call_row(batch, item, len(call_slots), delivered, None, failure.category, True)]
                    )
                    for _, work in handed:  # committed before the next attempt reads what is still open
                        await asyncio.shield(work.done)
                    if failure.retry_after:
                        await self.deps.limiter.penalize(failure.retry_after)
                    await asyncio.sleep(self.policy.delay(attempt, failure.retry_after))
                    continue
                if unknown:
                    failure = replace(
                        failure, code=call_state.OUTCOME_UNKNOWN_CODE, message=call_state.OUTCOME_UNKNOWN_MESSAGE
                    )
                slot.release()
                message = (
                    self.policy.gave_up(failure.message, attempt)
                    if failure.retryable and not unknown
                    else failure.message
                )
                outcomes = [
                    Outcome(edit, category=failure.category, code=failure.code, message=message)
                    for edit in open_edits
                    if edit.id not in delivered
                ]
                item.error_category, item.error_code, item.error_message = (
                    failure.category,
                    failure.code,
                    message,
                )
                await self._end(
                    settlement,
                    handed,
                    outcomes=outcomes,
                    end=ItemEnd(item, EditStatus.FAILED),
                    call=self._call_row(batch, item, len(call_slots), delivered, None, failure.category),
                )
                return
            if result is None:
                # A call before this one (in an earlier run) may be billed and the item may not buy again.
                slot.release()
                await self._fail_open(
                    settlement,
                    item,
                    edits,
                    ErrorCategory.TRANSIENT,
                    call_state.OUTCOME_UNKNOWN_CODE,
                    call_state.OUTCOME_UNKNOWN_MESSAGE,
                )
                return
            # The call is over: the batch's next item may start while this one is settled.
            slot.release()
            unseen = [lost for lost in result.failed if lost.code == call_state.OUTCOME_UNKNOWN_CODE]
            if unseen:
                why = f"{len(unseen)} image(s) of the set never arrived"
                await self._persist(partial(call_state.unknown, item.id, why), "recording a call")
            elif not marked_bought:
                await self._persist(partial(call_state.bought, item.id), "recording a call")
            # Providers that do not stream report images only now; deliver whatever the callback has not.
            for image in result.images:
                await on_image(image, reply=result.raw_response)
            elapsed_ms = result.timings.wall_ms
            # Each image keeps the provider's reply to the call that made it (base64 payloads already elided).
            failed_by_index = {failed.index: failed for failed in result.failed}
            first_failure = next(iter(result.failed), None)
            outcomes = []
            for index, edit in enumerate(call_slots):
                if edit.id in delivered or edit.status not in OPEN_EDIT_STATUSES:
                    continue
                lost = failed_by_index.get(index)
                if lost is not None and lost.code == call_state.OUTCOME_UNKNOWN_CODE:
                    lost = replace(lost, message=call_state.OUTCOME_UNKNOWN_MESSAGE)
                outcomes.append(
                    Outcome(
                        edit,
                        category=provider.failed_slot_category(lost.category if lost else None),
                        code=lost.code if lost else None,
                        message=(lost.message or lost.code or "")
                        if lost
                        else "the provider returned fewer images than asked",
                        api_response=result.raw_response,
                    )
                )
            any_failed = any_failed or bool(outcomes) or bool(damaged)
            await self._end(
                settlement,
                handed,
                outcomes=outcomes,
                end=ItemEnd(
                    item,
                    EditStatus.FAILED if any_failed else EditStatus.SUCCEEDED,
                    processing_time_ms=elapsed_ms,
                    api_response=result.raw_response,
                ),
                call=self._call_row(
                    batch,
                    item,
                    len(call_slots),
                    delivered,
                    elapsed_ms,
                    provider.failed_slot_category(first_failure.category if first_failure else None),
                ),
                reply=result.raw_response,
            )
            return
        # Nothing open was left to call for (a re-run found the item's images settled): close it from them.
        await settlement.settle(ends=[ItemEnd(item, EditStatus.FAILED if any_failed else EditStatus.SUCCEEDED)])

    def _webhooks(self) -> bool:
        """Whether submits carry a webhook URL (a public base URL is set and the provider speaks WaveSpeed)."""
        return bool(self.settings.provider_webhook_base_url) and self.deps.provider.name in provider.WEBHOOK_PROVIDERS

    async def _call(
        self,
        batch: BatchJob,
        item: BatchItem,
        request: GenerationRequest,
        attempt: int,
        slots: list[int],
        *,
        stale_possible: bool = True,
        unsent: set[str] | None = None,
    ) -> GenerationResult | None:
        """One provider call under the account's limits, recorded before it leaves; None when the item may not
        buy again (its purchases, some maybe of unknown outcome, reached the operator's limit).
        ``stale_possible``: the item as last read (under this batch's lease) was RECORDED, a call left in flight by
        a worker that died, which the recording must first mark unknown. ``unsent``: this item's request ids whose
        recording failed with the database away (the commit may have landed; the request never left): one is added
        here when that happens, and the next recording gives its purchase back instead of calling it unknown."""
        async with self.deps.limiter.slot(str(batch.owner_id), request.expected_images):
            if request.resume_task_id is None:
                # Recorded inside the limiter's slot: a worker stopped while it waits has bought nothing.
                request_id = uuid.uuid4().hex
                try:
                    recorded = await call_state.record(
                        item.id,
                        provider=self.deps.provider.name,
                        attempt=attempt,
                        max_purchases=self.settings.provider_max_purchases_per_item,
                        slots=slots,
                        stale_possible=stale_possible,
                        request_id=request_id,
                        unsent=unsent or (),
                    )
                except Exception as error:
                    if unsent is not None and dependency_unreachable(error):
                        unsent.add(request_id)  # the statement may have landed; the request does not leave
                    raise
                if recorded is None:
                    return None
                webhook = None
                if self._webhooks():
                    assert self.settings.provider_webhook_base_url is not None
                    webhook = provider_webhooks.webhook_url(
                        self.settings.provider_webhook_base_url, item.id, recorded.request_id
                    )
                request = replace(request, request_id=recorded.request_id, webhook_url=webhook)
            return await self.deps.provider.generate(request)

    async def _end(
        self,
        settlement: BatchSettlement,
        handed: list[tuple[Outcome, Any]],
        *,
        outcomes: list[Outcome],
        end: ItemEnd,
        call: UsageEvent,
        reply: Any = None,
    ) -> None:
        """Settle the call's last outcomes with the item's end and its call row, in one group if they can be."""
        late: list[uuid.UUID] = []
        for outcome, work in handed:
            if reply is None or outcome.api_response is reply:
                continue
            if work.taken:
                late.append(outcome.edit.id)
            else:
                outcome.api_response = reply  # not committed yet: the reply rides along in the same UPDATE
        await settlement.settle(outcomes=outcomes, ends=[end], calls=[call])
        for _, work in handed:
            await asyncio.shield(work.done)
        if late:

            async def note_reply() -> int:
                return await ImageEdit.filter(id__in=late, status=EditStatus.SUCCEEDED).update(api_response=reply)

            await self._persist(note_reply, "recording the provider's reply")

    async def _stored(self, edit: ImageEdit, image: GeneratedImage, elapsed_ms: int) -> Outcome:
        """The image stored, once it decodes whole; otherwise that image's failure (never charged). A link is
        fetched again once when what came back does not decode; nothing is bought again."""
        decoded = await provider.whole_image(self.deps.http, image)
        if isinstance(decoded, provider.ImageProblem):
            return Outcome(edit, category=ErrorCategory.TRANSIENT, code=decoded.code, message=decoded.message)
        data, (width, height, content_type) = decoded
        stored = await self.deps.storage.put(data, content_type, prefix=f"outputs/{datetime.now(UTC):%Y/%m}")
        return Outcome(
            edit,
            delivered=Delivered(
                storage_key=stored.key,
                url=stored.url,
                width=width,
                height=height,
                content_type=content_type,
                size_bytes=stored.size_bytes,
                processing_time_ms=elapsed_ms,
                api_response={"index": image.index},
            ),
        )

    async def _fail_open(
        self,
        settlement: BatchSettlement,
        item: BatchItem,
        edits: list[ImageEdit],
        category: ErrorCategory,
        code: str | None,
        message: str,
    ) -> None:
        open_ids = set(
            await ImageEdit.filter(item_id=item.id, status__in=OPEN_EDIT_STATUSES).values_list("id", flat=True)
        )
        outcomes = [
            Outcome(edit, category=category, code=code, message=message) for edit in edits if edit.id in open_ids
        ]
        item.error_category, item.error_code, item.error_message = category, code, message
        await settlement.settle(outcomes=outcomes, ends=[ItemEnd(item, EditStatus.FAILED)])

    def _call_row(
        self,
        batch: BatchJob,
        item: BatchItem,
        requested: int,
        delivered: set[uuid.UUID],
        elapsed_ms: int | None,
        category: ErrorCategory | None,
        retried: bool = False,
    ) -> UsageEvent:
        return recording.call_row(
            batch,
            item.id,
            provider=self.deps.provider.name,
            requested=requested,
            delivered=len(delivered),
            processing_ms=elapsed_ms,
            category=category,
            retried=retried,
        )


class _Gate:
    """A batch's way to the shared item slots, and the moment its last item has taken one (none waits any more)."""

    def __init__(self, slots: FairSlots, owner: str, *, items: int, on_all_taken: Callable[[], None]) -> None:
        self.slots = slots
        self.owner = owner
        self._waiting = items
        self._on_all_taken = on_all_taken

    def taken(self) -> None:
        self._waiting -= 1
        if self._waiting == 0:
            self._on_all_taken()


class _Slot:
    """One item's shared slot, released once (when the call ends, or at the latest when the item does)."""

    def __init__(self, gate: _Gate) -> None:
        self._gate = gate
        self._held = False

    async def take(self) -> None:
        await self._gate.slots.acquire(self._gate.owner)
        self._held = True
        self._gate.taken()

    def release(self) -> None:
        if self._held:
            self._held = False
            self._gate.slots.release(self._gate.owner)
