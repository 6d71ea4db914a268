"""Settling images and closing batches.

Every image (``ImageEdit``) is settled exactly once: a conditional status change from PENDING/RUNNING to a final
state and its ledger entry (``credits.capture`` when delivered, ``credits.refund`` otherwise) commit together, so a
re-run worker, a cancel racing a delivery, or a crash between the two can never charge or refund twice. The
image's usage analytics row (``services.analytics.recording.record_image``) commits in that same transaction, so
analytics always say what the ledger says.

The worker settles through ``BatchSettlement``, a group commit per running batch: whatever its item tasks hand in
while a commit is in flight (item starts, delivered and failed images, item ends, provider call rows) goes into the
next transaction together. One conditional UPDATE claims all of a group's images (each settled once still: if any
was settled meanwhile, by a cancel, the group rolls back and is settled image by image), one INSERT writes their
ledger entries (``credits.settle_images``) and one their analytics rows, and one UPDATE moves the batch's counters
and takes the group's event ``seq`` numbers; the events are built from that, not re-read, and sent before the
next group commits. The commit runs in its own task: a cancelled item (or runner) does not cut a settlement
between its commit and its events.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.models import Model
from tortoise.transactions import in_transaction

from models import BatchItem, BatchJob, BatchStatus, EditStatus, ErrorCategory, ImageEdit, UsageEvent
from models.enums import OPEN_BATCH_STATUSES, OPEN_EDIT_STATUSES
from services import credits
from services.analytics import recording
from services.core import updates
from services.infra import metrics
from services.infra.outage import Outage, dependency_unreachable
from services.infra.storage import Storage
from services.progress.eta import RunTracker
from services.progress.publisher import SEQ_COLUMN, ImageSettled, ProgressPublisher, Turn
from services.progress.snapshot import image_counts

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Delivered:
    """What was stored for a delivered image."""

    storage_key: str
    url: str
    width: int
    height: int
    content_type: str
    size_bytes: int
    processing_time_ms: int | None
    api_response: Any


async def deliver_image(batch: BatchJob, edit: ImageEdit, image: Delivered) -> bool:
    """Mark an image of ``batch`` delivered and capture its credits; False if it was already settled (e.g. cancelled).

    ``batch`` is the caller's copy (the settlement's analytics row reads its mode, size, presets and provider, which
    do not change while it runs): no extra read per image.
    """
    async with in_transaction():
        updated = await ImageEdit.filter(id=edit.id, status__in=OPEN_EDIT_STATUSES).update(
            status=EditStatus.SUCCEEDED,
            image_key=image.storage_key,
            image_url=image.url,
            width=image.width,
            height=image.height,
            content_type=image.content_type,
            size_bytes=image.size_bytes,
            processing_time_ms=image.processing_time_ms,
            api_response=image.api_response,
            error_category=None,
            error_code=None,
            error_message=None,
        )
        if not updated:
            return False
        await recording.record_image(batch, edit, status=EditStatus.SUCCEEDED, processing_ms=image.processing_time_ms)
        await credits.capture(
            edit.owner_id,
            edit.id,
            edit.credits,
            batch_id=edit.batch_job_id,
            description=f"image {edit.batch_index + 1} delivered",
        )
        await BatchJob.filter(id=edit.batch_job_id).update(
            completed_images=F("completed_images") + 1, credits_captured=F("credits_captured") + edit.credits
        )
    metrics.IMAGES_DELIVERED.inc()
    return True


async def refund_image(
    batch: BatchJob,
    edit: ImageEdit,
    *,
    status: EditStatus,
    category: ErrorCategory,
    code: str | None,
    message: str,
    api_response: Any = None,
) -> bool:
    """Mark an image of ``batch`` failed or cancelled and refund its credits; False if it was already settled."""
    async with in_transaction():
        updated = await ImageEdit.filter(id=edit.id, status__in=OPEN_EDIT_STATUSES).update(
            status=status,
            error_category=category,
            error_code=code,
            error_message=message[:2000],
            api_response=api_response,
        )
        if not updated:
            return False
        await recording.record_image(batch, edit, status=status, category=category)
        await credits.refund(
            edit.owner_id,
            edit.id,
            edit.credits,
            batch_id=edit.batch_job_id,
            description=f"image {edit.batch_index + 1} {status.value.lower()}: {category.value.lower()}",
        )
        counter = {"failed_images": F("failed_images") + 1} if status is EditStatus.FAILED else {}
        await BatchJob.filter(id=edit.batch_job_id).update(
            credits_refunded=F("credits_refunded") + edit.credits, **counter
        )
    return True


async def refund_open_images(batch_id: uuid.UUID, *, status: EditStatus, category: ErrorCategory, message: str) -> int:
    """Refund every image of the batch not yet settled; returns how many. Its open items are then closed from
    their images (an item whose images were all delivered meanwhile is SUCCEEDED, not cancelled)."""
    refunded = 0
    batch = await BatchJob.get(id=batch_id)
    for edit in await ImageEdit.filter(batch_job_id=batch_id, status__in=OPEN_EDIT_STATUSES).order_by("batch_index"):
        if await refund_image(batch, edit, status=status, category=category, code=None, message=message):
            refunded += 1
    open_items: list[Any] = await BatchItem.filter(batch_job_id=batch_id, status__in=OPEN_EDIT_STATUSES).values_list(
        "id", flat=True
    )
    await close_items(open_items, category=category, message=message)
    return refunded


def item_status(images: list[EditStatus]) -> EditStatus | None:
    """An item's final status from its images' (None while one is open): delivered whole, or cancelled if any
    image was, else failed."""
    if not images or any(status in OPEN_EDIT_STATUSES for status in images):
        return None
    if all(status is EditStatus.SUCCEEDED for status in images):
        return EditStatus.SUCCEEDED
    return EditStatus.CANCELLED if EditStatus.CANCELLED in images else EditStatus.FAILED


async def close_items(
    item_ids: list[uuid.UUID], *, category: ErrorCategory | None = None, message: str | None = None
) -> None:
    """Close the open items among ``item_ids`` whose images are all settled, with the status their images say
    (``category``/``message`` go on the cancelled ones)."""
    if not item_ids:
        return
    rows: list[Any] = await ImageEdit.filter(item_id__in=item_ids).values_list("item_id", "status")
    images: dict[uuid.UUID, list[EditStatus]] = defaultdict(list)
    for item_id, status in rows:
        images[item_id].append(EditStatus(status))
    by_status: dict[EditStatus, list[uuid.UUID]] = defaultdict(list)
    for item_id, statuses in images.items():
        status = item_status(statuses)
        if status is not None:
            by_status[status].append(item_id)
    now = datetime.now(UTC)
    for status, ids in by_status.items():
        extra: dict[str, Any] = {}
        if status is EditStatus.CANCELLED and category is not None:
            extra = {"error_category": category, "error_message": message}
        await BatchItem.filter(id__in=ids, status__in=OPEN_EDIT_STATUSES).update(
            status=status, finished_at=now, **extra
        )


def final_status(completed: int, total: int, cancelled: bool) -> BatchStatus:
    if cancelled:
        return BatchStatus.CANCELLED
    if completed == total:
        return BatchStatus.SUCCEEDED
    return BatchStatus.PARTIALLY_SUCCEEDED if completed else BatchStatus.FAILED


def log_ended(batch: BatchJob) -> None:
    """The one line that says how a batch ended: its status, counts and credits as fields, and whose it was."""
    cancelled = batch.total_images - batch.completed_images - batch.failed_images
    log.info(
        "batch %s ended %s: %d of %d image(s) delivered, %d failed, %d cancelled",
        batch.id,
        batch.status.value,
        batch.completed_images,
        batch.total_images,
        batch.failed_images,
        cancelled,
        extra={
            "batch_id": str(batch.id),
            "user_id": str(batch.owner_id),
            "status": batch.status.value,
            "total": batch.total_images,
            "completed": batch.completed_images,
            "failed": batch.failed_images,
            "cancelled": cancelled,
            "credits_captured": batch.credits_captured,
            "credits_refunded": batch.credits_refunded,
        },
    )


async def finish_run(settlement: BatchSettlement) -> bool:
    """Close a batch the worker has just settled, from its last commit's counters (no read of the batch first);
    the terminal event is built from the closed row. False (nothing written) if images are still open, or the batch
    is no longer RUNNING (a cancel finishes it), or this run committed nothing: then the caller falls back to
    ``finish``."""
    batch, counters = settlement.batch, settlement.counters
    if counters is None or settlement.stopping:
        return False
    if await ImageEdit.filter(batch_job_id=batch.id, status__in=OPEN_EDIT_STATUSES).exists():
        return False  # left open by a cancel under way (its canceller settles them), or a bug ``finish`` reports
    completed, failed = int(counters["completed_images"]), int(counters["failed_images"])
    async with settlement.publisher.turn(batch.id) as turn:
        updated = await BatchJob.filter(id=batch.id, status=BatchStatus.RUNNING).update(
            status=final_status(completed, batch.total_images, False),
            finished_at=datetime.now(UTC),
            error_message=None,
            **turn.numbering(1),
        )
        if not updated:
            return False
        closed = await BatchJob.get(id=batch.id)
        turn.closed(closed)
    log_ended(closed)
    if completed != closed.completed_images or failed != closed.failed_images:
        log.warning("batch %s: counters moved while it was closed", batch.id)
    return True


async def finish(batch_id: uuid.UUID, *, cancelled: bool = False, error: str | None = None) -> BatchJob | None:
    """Close a batch whose images are all settled: its final status and finish time (the caller then tells the
    publisher, whose terminal event also refreshes the project's status).

    Returns the batch, or None if it was already closed (someone else finished it first).
    """
    batch = await BatchJob.get(id=batch_id)
    if await ImageEdit.filter(batch_job_id=batch_id, status__in=OPEN_EDIT_STATUSES).exists():
        raise RuntimeError(f"batch {batch_id} still has unsettled images")
    status = final_status(batch.completed_images, batch.total_images, cancelled)
    updated = await BatchJob.filter(id=batch_id, status__in=OPEN_BATCH_STATUSES).update(
        status=status, finished_at=datetime.now(UTC), error_message=error
    )
    if not updated:
        return None
    closed = await BatchJob.get(id=batch_id)
    log_ended(closed)
    return closed


@dataclass(slots=True)
class Outcome:
    """How one image ended in the worker: ``delivered`` (stored) or failed with a reason."""

    edit: ImageEdit
    delivered: Delivered | None = None
    category: ErrorCategory = ErrorCategory.TRANSIENT
    code: str | None = None
    message: str = ""
    api_response: Any = None


@dataclass(slots=True)
class ItemEnd:
    """An item whose provider call is over, with its images' outcomes handed in (here or before)."""

    item: BatchItem
    status: EditStatus
    processing_time_ms: int | None = None
    api_response: Any = None


@dataclass(slots=True)
class _Work:
    starts: list[BatchItem]
    outcomes: list[Outcome]
    ends: list[ItemEnd]
    calls: list[UsageEvent]
    done: asyncio.Future[set[uuid.UUID]] = field(default_factory=lambda: asyncio.get_running_loop().create_future())
    taken: bool = False
    """A commit has taken it: its outcomes can no longer change in memory."""


class _Contended(Exception):
    """An image of the group was settled by someone else (a cancel): the group rolls back."""


IMAGE_FIELDS = (
    "status",
    "image_key",
    "image_url",
    "width",
    "height",
    "content_type",
    "size_bytes",
    "processing_time_ms",
    "api_response",
    "error_category",
    "error_code",
    "error_message",
)
ITEM_FIELDS = (
    "status",
    "finished_at",
    "processing_time_ms",
    "api_response",
    "provider_task_slots",
    "error_category",
    "error_code",
    "error_message",
)


class BatchSettlement:
    """Group commit of one running batch's writes and events (see the module docstring).

    ``settle`` hands work in and waits for the commit that takes it; ``drain`` waits until nothing is left (the
    runner calls it on its way out, cancelled or not).
    """

    def __init__(self, batch: BatchJob, *, publisher: ProgressPublisher, storage: Storage, tracker: RunTracker) -> None:
        self.batch = batch
        self.publisher = publisher
        self.storage = storage
        self.tracker = tracker
        self._queue: list[_Work] = []
        self._flusher: asyncio.Task[None] | None = None
        self.stopping = False
        """A commit saw the batch no longer RUNNING (a cancel): start no more items."""
        self.counters: dict[str, Any] | None = None
        """The batch's counters as the last commit left them."""
        self.balance: credits.Balance | None = None
        """The owner's balance as the last commit read it."""
        self.outage = Outage("the database", logger=log)

    async def settle(
        self,
        *,
        starts: list[BatchItem] | None = None,
        outcomes: list[Outcome] | None = None,
        ends: list[ItemEnd] | None = None,
        calls: list[UsageEvent] | None = None,
    ) -> set[uuid.UUID]:
        """Write these in the next group; returns the ids of the images it settled (the others were settled
        before, by a cancel, and their stored files are deleted)."""
        work = self.submit(starts=starts, outcomes=outcomes, ends=ends, calls=calls)
        # Shielded: the caller may be cancelled, the group's commit and events go on (drain waits for them).
        return await asyncio.shield(work.done)

    def submit(
        self,
        *,
        starts: list[BatchItem] | None = None,
        outcomes: list[Outcome] | None = None,
        ends: list[ItemEnd] | None = None,
        calls: list[UsageEvent] | None = None,
    ) -> _Work:
        """Hand work in without waiting (``work.done`` resolves as ``settle`` returns)."""
        work = _Work(starts or [], outcomes or [], ends or [], calls or [])
        self._queue.append(work)
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush_all(), name=f"settle:{self.batch.id}")
        return work

    async def drain(self) -> None:
        while self._flusher is not None and not self._flusher.done():
            await asyncio.shield(self._flusher)

    async def _flush_all(self) -> None:
        while self._queue:
            group, self._queue = self._queue, []
            for work in group:
                work.taken = True
            try:
                settled = await self._flush(group)
            except Exception as error:
                for work in group:
                    if not work.done.done():
                        work.done.set_exception(error)
                        work.done.exception()  # a cancelled waiter must not leave it "never retrieved"
                continue
            for work in group:
                # Files first, then the answer: whoever waits on `done` may rely on the files being gone.
                for outcome in work.outcomes:
                    if outcome.delivered is not None and outcome.edit.id not in settled:
                        # Settled meanwhile (cancelled): the image was refunded, so it is not ours to keep. Unless
                        # the row holds this very file: our own commit landed, and only its answer was lost.
                        if await _holds(outcome.edit.id, outcome.delivered.storage_key):
                            continue
                        try:
                            await self.storage.delete(outcome.delivered.storage_key)
                        except Exception:  # an orphan file costs disk, not credits; the waiters must still hear
                            log.warning("could not delete the unsettled image %s", outcome.edit.id, exc_info=True)
                mine = {o.edit.id for o in work.outcomes} & settled
                if not work.done.done():
                    work.done.set_result(mine)

    async def _flush(self, group: list[_Work]) -> set[uuid.UUID]:
        starts = [item for work in group for item in work.starts]
        outcomes = [outcome for work in group for outcome in work.outcomes]
        ends = [end for work in group for end in work.ends]
        calls = [call for work in group for call in work.calls]
        batch_id = self.batch.id
        contended = False
        balance: credits.Balance | None = None
        async with self.publisher.turn(batch_id) as turn:
            try:
                balance = await self._commit_until_written(turn, starts, outcomes, ends, calls)
            except (_Contended, IntegrityError):
                contended = True  # rolled back: the turn has no events
        if contended:
            return await self._one_by_one(starts, outcomes, ends, calls)
        if balance is not None:
            self.balance = balance
            await self.publisher.balance(self.batch.owner_id, balance)
        metrics.IMAGES_DELIVERED.inc(sum(1 for o in outcomes if o.delivered is not None))
        return {o.edit.id for o in outcomes}

    async def _commit_until_written(
        self, turn: Turn, starts: list[BatchItem], outcomes: list[Outcome], ends: list[ItemEnd], calls: list[UsageEvent]
    ) -> credits.Balance | None:
        """`_commit`, again and again while the database cannot be reached: the group (the images already stored,
        the provider's replies) is what the worker holds, so it is written when the database is back, never
        bought again. A transaction that failed was rolled back; one whose commit was lost on the way is found
        settled by the next try (contended: then settled image by image, each once)."""
        while True:
            try:
                return await self._commit(turn, starts, outcomes, ends, calls)
            except (_Contended, IntegrityError):
                raise
            except Exception as error:
                if not dependency_unreachable(error):
                    raise
                self.outage.failed(error, "settling a batch's images")
                await asyncio.sleep(max(self.outage.delay(), self.outage.base_s))  # backoff while it is away

    async def _commit(
        self, turn: Turn, starts: list[BatchItem], outcomes: list[Outcome], ends: list[ItemEnd], calls: list[UsageEvent]
    ) -> credits.Balance | None:
        """Commit the group; its events go to ``turn`` (they leave when the turn ends); returns the owner's balance
        and held credits when images were settled."""
        batch = self.batch
        now = datetime.now(UTC)
        delivered = [o for o in outcomes if o.delivered is not None]
        failed = [o for o in outcomes if o.delivered is None]
        if starts and not (outcomes or ends or calls):
            # Starts alone (most of them: a call starts while no other item of its batch ends) need no transaction:
            # each statement is guarded, and the images go first, so a retry after a failure between the two
            # counts the items' attempt once (two round trips fewer: no BEGIN, no COMMIT).
            await _start(starts, now)
            return None
        async with in_transaction():
            if starts:
                await _start(starts, now)
            edits = [_apply_outcome(o) for o in outcomes]
            if edits:
                # The claim: only images still open are written; a group with one settled meanwhile rolls back.
                claimed = await update_open_rows(ImageEdit, edits, IMAGE_FIELDS)
                if claimed != len(edits):
                    raise _Contended
            rows = [
                recording.image_row(
                    batch,
                    o.edit,
                    status=o.edit.status,
                    category=o.category if o.delivered is None else None,
                    processing_ms=o.delivered.processing_time_ms if o.delivered else None,
                )
                for o in outcomes
            ]
            if rows or calls:
                await UsageEvent.bulk_create([*rows, *calls])
            balance: credits.Balance | None = None
            if outcomes:
                balance = await credits.settle_images(
                    batch.owner_id,
                    batch.id,
                    [
                        credits.ImageSettlement(
                            image_id=o.edit.id,
                            amount=o.edit.credits,
                            delivered=o.delivered is not None,
                            description=_description(o),
                        )
                        for o in outcomes
                    ],
                )
            if ends:
                for end in ends:
                    _apply_end(end, now)
                await update_open_rows(BatchItem, [end.item for end in ends], ITEM_FIELDS)
            if not outcomes:
                for end in ends:
                    self.tracker.close(end.item.id, _call_seconds(end))
                return None
            captured = sum(o.edit.credits for o in delivered)
            refunded = sum(o.edit.credits for o in failed)
            # The counters and the group's event numbers (as ``turn.numbering`` takes them) in one
            # ``UPDATE … RETURNING``, which also reads the row back (was an UPDATE and a SELECT).
            row = await _count_settled(batch.id, len(delivered), len(failed), captured, refunded, len(outcomes))
            self.counters = row
            cancelled = 0
            status = BatchStatus(row["status"])
            if status is not BatchStatus.RUNNING:  # a cancel is under way: its images are counted, not assumed
                self.stopping = True
                cancelled = (await image_counts(batch.id))[EditStatus.CANCELLED]
        for end in ends:
            self.tracker.close(end.item.id, _call_seconds(end))
        turn.settled(
            batch,
            row,
            [ImageSettled(o.edit, o.delivered is not None) for o in outcomes],
            status=status,
            cancelled=cancelled,
            eta=self.tracker.estimate(),
        )
        return balance

    async def _one_by_one(
        self, starts: list[BatchItem], outcomes: list[Outcome], ends: list[ItemEnd], calls: list[UsageEvent]
    ) -> set[uuid.UUID]:
        """The group could not commit whole (an image was settled meanwhile): each image in its own transaction,
        each event from SQL, the items closed from what their images say."""
        batch = self.batch
        now = datetime.now(UTC)
        if starts:
            ids = [item.id for item in starts]
            await BatchItem.filter(id__in=ids, status__in=OPEN_EDIT_STATUSES).update(
                status=EditStatus.RUNNING, started_at=now, attempts=F("attempts") + 1
            )
            await ImageEdit.filter(item_id__in=ids, status=EditStatus.PENDING).update(status=EditStatus.RUNNING)
        settled: set[uuid.UUID] = set()
        for outcome in outcomes:
            edit = outcome.edit
            if outcome.delivered is not None:
                kept = await deliver_image(batch, edit, outcome.delivered)
            else:
                kept = await refund_image(
                    batch,
                    edit,
                    status=EditStatus.FAILED,
                    category=outcome.category,
                    code=outcome.code,
                    message=outcome.message,
                    api_response=outcome.api_response,
                )
            if kept:
                settled.add(edit.id)
                _apply_outcome(outcome)
                await self.publisher.changed(batch.id, image=edit if outcome.delivered is not None else None)
        if calls:
            await UsageEvent.bulk_create(calls)
        for end in ends:
            _apply_end(end, now)
            await BatchItem.filter(id=end.item.id, status__in=OPEN_EDIT_STATUSES).update(
                processing_time_ms=end.item.processing_time_ms,
                api_response=end.item.api_response,
                provider_task_slots=None,
                error_category=end.item.error_category,
                error_code=end.item.error_code,
                error_message=end.item.error_message,
            )
            self.tracker.close(end.item.id, _call_seconds(end))
        await close_items([end.item.id for end in ends])
        if settled:
            await self.publisher.balance(batch.owner_id)
        return settled


_COUNTERS = ("completed_images", "failed_images", "credits_captured", "credits_refunded", SEQ_COLUMN)


async def _count_settled(
    batch_id: uuid.UUID, completed: int, failed: int, captured: int, refunded: int, events: int
) -> dict[str, Any]:
    """Add a group's settled images to its batch's counters and take ``events`` event numbers; the row after."""
    meta = BatchJob._meta
    db = meta.db
    marks = [f"${n}" for n in range(1, 7)] if db.capabilities.dialect == "postgres" else ["?"] * 6
    sets = ",".join(f'"{name}"="{name}"+{mark}' for name, mark in zip(_COUNTERS, marks, strict=False))
    returned = ",".join(f'"{name}"' for name in ("status", *_COUNTERS))
    # Identifiers are our own constants; every value is a parameter.
    sql = f'UPDATE "{meta.db_table}" SET {sets} WHERE "id"={marks[5]} RETURNING {returned}'  # noqa: S608
    rows = await db.execute_query_dict(
        sql, [completed, failed, captured, refunded, events, meta.pk.to_db_value(batch_id, BatchJob)]
    )
    return dict(rows[0])


async def _start(starts: list[BatchItem], now: datetime) -> None:
    """Mark started items and their waiting images RUNNING (only those still open; the images first)."""
    ids = [item.id for item in starts]
    await updates.update(ImageEdit, {"item_id__in": ids, "status": EditStatus.PENDING}, {"status": EditStatus.RUNNING})
    await updates.update(
        BatchItem,
        {"id__in": ids, "status__in": OPEN_EDIT_STATUSES},
        {"status": EditStatus.RUNNING, "started_at": now, "attempts": updates.Add(1)},
    )


async def _holds(image_id: uuid.UUID, storage_key: str) -> bool:
    """Whether the image was delivered with this stored file (best effort: if unsure, the file is kept)."""
    try:
        return await ImageEdit.filter(id=image_id, status=EditStatus.SUCCEEDED, image_key=storage_key).exists()
    except Exception:
        log.warning("could not check whether image %s holds its file; the file is kept", image_id, exc_info=True)
        return True


async def update_open_rows(model: type[Model], rows: Sequence[Model], fields: Sequence[str]) -> int:
    """Write ``fields`` of each row (its own values) in one statement, only where the row's status is still open;
    returns how many were written.

    ``WITH v(...) AS (VALUES ...) UPDATE ... FROM v``, the same on PostgreSQL and SQLite (3.33+). Tortoise's
    ``bulk_update`` says the same with one ``CASE`` per field and row, and building that costs more CPU than the
    rest of a settlement.
    """
    meta = model._meta
    db = meta.db
    postgres = db.capabilities.dialect == "postgres"
    table = meta.db_table
    columns = ["id", *fields]
    field_objects = [meta.fields_map[name] for name in columns]
    sources = [meta.fields_map[name].source_field or name for name in columns]
    values: list[Any] = []
    tuples = []
    for row in rows:
        cells = []
        for field_object in field_objects:
            values.append(field_object.to_db_value(getattr(row, field_object.model_field_name), row))
            if postgres:
                sql_type = field_object.get_for_dialect("postgres", "SQL_TYPE")
                cells.append(f"${len(values)}::{sql_type}")
            else:
                cells.append("?")
        tuples.append(f"({','.join(cells)})")
    names = ",".join(f'"{source}"' for source in sources)
    assignments = ",".join(f'"{source}"=v."{source}"' for source in sources[1:])
    open_statuses = ",".join(f"'{status.value}'" for status in OPEN_EDIT_STATUSES)
    # Identifiers come from the model's metadata and statuses from our enum; every value is a parameter.
    rows_sql = ",".join(tuples)
    sql = " ".join(
        (
            f"WITH v({names}) AS (VALUES {rows_sql})",
            f'UPDATE "{table}" SET {assignments} FROM v',  # noqa: S608
            f'WHERE "{table}"."id"=v."id" AND "{table}"."status" IN ({open_statuses}) RETURNING "{table}"."id"',
        )
    )
    _, written = await db.execute_query(sql, values)
    return len(written)


def _apply_outcome(outcome: Outcome) -> ImageEdit:
    """Set the outcome's values on the image (in memory), for the group's UPDATE and its events."""
    edit = outcome.edit
    image = outcome.delivered
    if image is not None:
        edit.status = EditStatus.SUCCEEDED
        edit.image_key, edit.image_url = image.storage_key, image.url
        edit.width, edit.height, edit.content_type = image.width, image.height, image.content_type
        edit.size_bytes, edit.processing_time_ms = image.size_bytes, image.processing_time_ms
        edit.api_response = outcome.api_response if outcome.api_response is not None else image.api_response
        edit.error_category = edit.error_code = edit.error_message = None  # type: ignore[assignment]
    else:
        edit.status = EditStatus.FAILED
        edit.error_category, edit.error_code = outcome.category, outcome.code
        edit.error_message = outcome.message[:2000]
        edit.api_response = outcome.api_response
    return edit


def _call_seconds(end: ItemEnd) -> float | None:
    """How long the item's successful call took (what teaches the batch's estimate); None for other ends."""
    if end.status is not EditStatus.SUCCEEDED or end.processing_time_ms is None:
        return None
    return end.processing_time_ms / 1000


def _apply_end(end: ItemEnd, now: datetime) -> None:
    item = end.item
    item.status = end.status
    item.finished_at = now
    if end.processing_time_ms is not None:
        item.processing_time_ms = end.processing_time_ms
    if end.api_response is not None:
        item.api_response = end.api_response
    item.provider_task_slots = None


def _description(outcome: Outcome) -> str:
    index = outcome.edit.batch_index + 1
    if outcome.delivered is not None:
        return f"image {index} delivered"
    return f"image {index} failed: {outcome.category.value.lower()}"
