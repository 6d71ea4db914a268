"""Progress events as clients receive them over subscriptions."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from graph.account.types import AccountExportEvent
from graph.core.enums import ProgressEventKind
from graph.core.media import address_link
from graph.credits.types import CreditBalanceEvent
from graph.generation.enums import BatchStatus
from services.progress.events import AccountExportChanged, BatchProgress, CreditBalance, ProgressEvent
from services.progress.events import DeliveredImage as DeliveredImageEvent


@strawberry.type(name="DeliveredImage", description="Where a delivered image is, as carried by a progress event.")
class DeliveredImageType:
    image_edit_id: strawberry.ID = strawberry.field(description="The image's id.")
    batch_index: int = strawberry.field(description="Its position in the batch.")
    url: str | None = strawberry.field(description="A link to it, which expires like `ImageEdit.url`.")
    width: int | None = strawberry.field(description="Width in pixels.")
    height: int | None = strawberry.field(description="Height in pixels.")

    @classmethod
    def from_event(cls, image: DeliveredImageEvent) -> DeliveredImageType:
        return cls(
            image_edit_id=strawberry.ID(str(image.image_edit_id)),
            batch_index=image.batch_index,
            url=address_link(image.url),
            width=image.width,
            height=image.height,
        )


@strawberry.type(description="A batch's progress: the stored snapshot or a live change. `seq` rises by one per event.")
class BatchProgressEvent:
    batch_job_id: strawberry.ID = strawberry.field(description="The batch.")
    project_id: strawberry.ID = strawberry.field(description="Its project.")
    seq: int = strawberry.field(description="Per-batch sequence number; resume with `afterSeq`.")
    status: BatchStatus = strawberry.field(description="The batch's status.")
    terminal: bool = strawberry.field(description="True on the last event (the batch ended).")
    total: int = strawberry.field(description="Images requested.")
    completed: int = strawberry.field(description="Images delivered.")
    failed: int = strawberry.field(description="Images failed.")
    cancelled: int = strawberry.field(description="Images cancelled.")
    fraction: float = strawberry.field(description="Delivered images / total, 0..1 (completed / total).")
    queue_position: int | None = strawberry.field(description="1 = next to start; null once running.")
    queue_wait_seconds: float | None = strawberry.field(description="Estimated wait before a worker starts it.")
    run_seconds: float | None = strawberry.field(description="Estimated remaining run time (measured averages).")
    eta_seconds: float | None = strawberry.field(description="Queue wait + run time; null once ended.")
    image: DeliveredImageType | None = strawberry.field(description="The image delivered with this event, if any.")
    credits_held: int = strawberry.field(description="Credits still on hold.")
    credits_captured: int = strawberry.field(description="Credits charged so far.")
    credits_refunded: int = strawberry.field(description="Credits returned so far.")
    at: datetime = strawberry.field(description="When the event was made.")
    kind: ProgressEventKind = strawberry.field(
        description="SNAPSHOT: the state read from the database (lists every delivered image in `images`); EVENT: a "
        "change as it happened; REPLAY: a change missed while away, replayed after `afterSeq`."
    )
    images: list[DeliveredImageType] = strawberry.field(
        description="On a SNAPSHOT: every image delivered so far, in batch order; empty on other events."
    )
    eta_at: datetime | None = strawberry.field(
        description="When the batch should end (`at` + `etaSeconds`): count down to it between events; null once ended."
    )
    user_seq: int | None = strawberry.field(
        description="On `myEvents`: your event number, rising by one per event of yours (batch and balance events "
        "alike); resume `myEvents` with `afterSeq` set to the last one you got. Null on `batchProgress`, and on an "
        "event that could not be numbered (a resume from before it gets a SNAPSHOT)."
    )

    @classmethod
    def from_event(cls, event: BatchProgress) -> BatchProgressEvent:
        image = event.image
        return cls(
            batch_job_id=strawberry.ID(str(event.batch_job_id)),
            project_id=strawberry.ID(str(event.project_id)),
            seq=event.seq,
            status=event.status,
            terminal=event.terminal,
            total=event.total,
            completed=event.completed,
            failed=event.failed,
            cancelled=event.cancelled,
            fraction=event.fraction,
            queue_position=event.queue_position,
            queue_wait_seconds=event.queue_wait_seconds,
            run_seconds=event.run_seconds,
            eta_seconds=event.eta_seconds,
            image=DeliveredImageType.from_event(image) if image else None,
            credits_held=event.credits_held,
            credits_captured=event.credits_captured,
            credits_refunded=event.credits_refunded,
            at=event.at,
            kind=event.kind,
            images=[DeliveredImageType.from_event(each) for each in event.images],
            eta_at=event.eta_at,
            user_seq=event.user_seq,
        )


MyEvent = Annotated[
    BatchProgressEvent | CreditBalanceEvent | AccountExportEvent,
    strawberry.union("MyEvent", description="An event of yours."),
]


def my_event(event: ProgressEvent) -> BatchProgressEvent | CreditBalanceEvent | AccountExportEvent:
    """The API type of an event of the ``myEvents`` stream."""
    if isinstance(event, CreditBalance):
        return CreditBalanceEvent.from_event(event)
    if isinstance(event, AccountExportChanged):
        return AccountExportEvent.from_event(event)
    return BatchProgressEvent.from_event(event)
