"""The events of the progress streams, typed: what publishers build, the bus carries as JSON, and followers yield.

The bus only sees plain dicts (``to_json``); both ends speak these classes. ``seq`` rises by one per batch event
and ``terminal`` marks the last one (the bus never drops a terminal event for room; see ``services.infra.bus``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from models import BatchStatus


@dataclass(frozen=True, slots=True)
class DeliveredImage:
    """The image delivered with a batch event."""

    image_edit_id: uuid.UUID
    batch_index: int
    url: str | None
    width: int | None
    height: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "image_edit_id": str(self.image_edit_id),
            "batch_index": self.batch_index,
            "url": self.url,
            "width": self.width,
            "height": self.height,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DeliveredImage:
        return cls(
            image_edit_id=uuid.UUID(data["image_edit_id"]),
            batch_index=int(data["batch_index"]),
            url=data["url"],
            width=data["width"],
            height=data["height"],
        )


@dataclass(frozen=True, slots=True)
class BatchProgress:
    """Where a batch stands: the stored snapshot, or a live change (``seq`` rises by one per event)."""

    TYPE: ClassVar[str] = "batch"

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

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.TYPE,
            "batch_job_id": str(self.batch_job_id),
            "user_id": str(self.user_id),
            "project_id": str(self.project_id),
            "seq": self.seq,
            "status": self.status.value,
            "terminal": self.terminal,
            "total": self.total,
            "completed": self.completed,
            "failed": self.failed,
            "cancelled": self.cancelled,
            "fraction": self.fraction,
            "queue_position": self.queue_position,
            "queue_wait_seconds": self.queue_wait_seconds,
            "run_seconds": self.run_seconds,
            "eta_seconds": self.eta_seconds,
            "image": self.image.to_json() if self.image is not None else None,
            "credits_held": self.credits_held,
            "credits_captured": self.credits_captured,
            "credits_refunded": self.credits_refunded,
            "at": self.at.isoformat(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BatchProgress:
        image = data.get("image")
        return cls(
            batch_job_id=uuid.UUID(data["batch_job_id"]),
            user_id=uuid.UUID(data["user_id"]),
            project_id=uuid.UUID(data["project_id"]),
            seq=int(data["seq"]),
            status=BatchStatus(data["status"]),
            terminal=bool(data["terminal"]),
            total=int(data["total"]),
            completed=int(data["completed"]),
            failed=int(data["failed"]),
            cancelled=int(data["cancelled"]),
            fraction=float(data["fraction"]),
            queue_position=data["queue_position"],
            queue_wait_seconds=data["queue_wait_seconds"],
            run_seconds=data["run_seconds"],
            eta_seconds=data["eta_seconds"],
            image=DeliveredImage.from_json(image) if image else None,
            credits_held=int(data["credits_held"]),
            credits_captured=int(data["credits_captured"]),
            credits_refunded=int(data["credits_refunded"]),
            at=datetime.fromisoformat(data["at"]),
        )


@dataclass(frozen=True, slots=True)
class CreditBalance:
    """A user's spendable balance changed."""

    TYPE: ClassVar[str] = "credits"

    user_id: uuid.UUID
    balance: int
    terminal: ClassVar[bool] = False

    def to_json(self) -> dict[str, Any]:
        return {"type": self.TYPE, "user_id": str(self.user_id), "balance": self.balance, "terminal": False}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CreditBalance:
        return cls(user_id=uuid.UUID(data["user_id"]), balance=int(data["balance"]))


ProgressEvent = BatchProgress | CreditBalance


def from_json(data: dict[str, Any]) -> ProgressEvent:
    """The typed event a bus message carries (``ValueError`` for a message of no known type)."""
    kind = data.get("type")
    if kind == BatchProgress.TYPE:
        return BatchProgress.from_json(data)
    if kind == CreditBalance.TYPE:
        return CreditBalance.from_json(data)
    raise ValueError(f"not a progress event: type {kind!r}")
