"""The events of the progress streams, typed: what publishers build, the bus carries as JSON, and followers yield.

The bus only sees plain dicts (``to_json``); both ends speak these classes. ``seq`` rises by one per batch event
and ``terminal`` marks the last one (the bus never drops a terminal event for room; see ``services.infra.bus``).

The JSON form is derived from the dataclass fields (one pydantic ``TypeAdapter`` per class), so a new field is
declared once, here; a field added with a default still reads messages written before it existed.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar, Self

from pydantic import TypeAdapter

from models import BatchStatus, ExportStatus


class EventKind(enum.StrEnum):
    """How a follower came by an event: read from SQL, received live, or replayed from the batch's (or, on
    ``myEvents``, the user's) log."""

    SNAPSHOT = "SNAPSHOT"
    """The state read from SQL: a batch's lists every image delivered so far (``images``)."""
    EVENT = "EVENT"
    """A change as it was published."""
    REPLAY = "REPLAY"
    """A change published while the follower was away, replayed from the log (``afterSeq``)."""


class _Json:
    """``to_json``/``from_json`` from the dataclass fields; ``TYPE`` (when set) tags the message."""

    TYPE: ClassVar[str | None] = None
    _adapter: ClassVar[TypeAdapter[Any]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._adapter = None  # type: ignore[assignment]  # built on first use: the dataclass decorator runs after this

    @classmethod
    def _json_adapter(cls) -> TypeAdapter[Any]:
        adapter = cls.__dict__.get("_adapter")
        if adapter is None:
            adapter = TypeAdapter(cls)
            cls._adapter = adapter
        return adapter

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = self._json_adapter().dump_python(self, mode="json")
        if self.TYPE is not None:
            data = {"type": self.TYPE, **data}
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Self:
        event: Self = cls._json_adapter().validate_python(data)
        return event


@dataclass(frozen=True, slots=True)
class DeliveredImage(_Json):
    """The image delivered with a batch event."""

    image_edit_id: uuid.UUID
    batch_index: int
    url: str | None
    width: int | None
    height: int | None


@dataclass(frozen=True, slots=True)
class BatchProgress(_Json):
    """Where a batch stands: the stored snapshot, or a live change (``seq`` rises by one per event)."""

    TYPE: ClassVar[str | None] = "batch"

    batch_job_id: uuid.UUID
    user_id: uuid.UUID
    project_id: uuid.UUID
    seq: int
    status: BatchStatus
    terminal: bool
    total: int
    completed: int
    failed: int
    cancelled: int
    fraction: float
    queue_position: int | None
    queue_wait_seconds: float | None
    run_seconds: float | None
    eta_seconds: float | None
    image: DeliveredImage | None
    credits_held: int
    credits_captured: int
    credits_refunded: int
    at: datetime
    kind: EventKind = EventKind.EVENT
    images: tuple[DeliveredImage, ...] = ()
    """On a snapshot: every image delivered so far, in batch order (empty on other events)."""
    eta_at: datetime | None = None
    """When the batch should end (``at`` + ``eta_seconds``); None once it ended."""
    user_seq: int | None = None
    """On ``myEvents``: the user's event number (``services.progress.history.UserHistory``); None elsewhere, and
    on an event that could not be numbered."""


@dataclass(frozen=True, slots=True)
class CreditBalance(_Json):
    """A user's spendable balance (and the credits held by their open batches) changed."""

    TYPE: ClassVar[str | None] = "credits"

    user_id: uuid.UUID
    balance: int
    held: int = 0
    terminal: bool = False
    """Always False: the bus may drop a superseded balance for room, never a terminal event."""
    kind: EventKind = EventKind.EVENT
    user_seq: int | None = None
    """The user's event number, as on ``BatchProgress``."""


@dataclass(frozen=True, slots=True)
class AccountExportChanged(_Json):
    """A user's account export (``meExport``) ended: READY (its archive can be downloaded) or FAILED."""

    TYPE: ClassVar[str | None] = "account_export"

    user_id: uuid.UUID
    account_export_id: uuid.UUID
    status: ExportStatus
    at: datetime
    terminal: bool = False
    """Always False: an export's event is not the end of any stream."""
    kind: EventKind = EventKind.EVENT
    user_seq: int | None = None
    """The user's event number, as on ``BatchProgress``."""


ProgressEvent = BatchProgress | CreditBalance | AccountExportChanged


def from_json(data: dict[str, Any]) -> ProgressEvent:
    """The typed event a bus message carries (``ValueError`` for a message of no known type)."""
    kind = data.get("type")
    if kind == BatchProgress.TYPE:
        return BatchProgress.from_json(data)
    if kind == CreditBalance.TYPE:
        return CreditBalance.from_json(data)
    if kind == AccountExportChanged.TYPE:
        return AccountExportChanged.from_json(data)
    raise ValueError(f"not a progress event: type {kind!r}")
