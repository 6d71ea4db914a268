"""Enumerations stored in the database (as their string values)."""

from enum import StrEnum


class Role(StrEnum):
    USER = "user"
    ADMIN = "admin"


class GenerationMode(StrEnum):
    """What a generation does; each maps onto one Seedream endpoint / request shape."""

    TEXT_TO_IMAGE = "TEXT_TO_IMAGE"
    EDIT = "EDIT"
    MULTI_REFERENCE = "MULTI_REFERENCE"
    SEQUENTIAL = "SEQUENTIAL"
    EDIT_SEQUENTIAL = "EDIT_SEQUENTIAL"


class ProcessingStatus(StrEnum):
    """A project's processing status, following its batch jobs."""

    IDLE = "IDLE"
    QUEUED = "QUEUED"
    PROCESSING = "PROCESSING"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"


class BatchStatus(StrEnum):
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    CANCEL_REQUESTED = "CANCEL_REQUESTED"
    SUCCEEDED = "SUCCEEDED"
    PARTIALLY_SUCCEEDED = "PARTIALLY_SUCCEEDED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"


class EditStatus(StrEnum):
    """The state of one requested image."""

    PENDING = "PENDING"
    RUNNING = "RUNNING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"


class ErrorCategory(StrEnum):
    TRANSIENT = "TRANSIENT"
    CONTENT_POLICY = "CONTENT_POLICY"
    INVALID_INPUT = "INVALID_INPUT"
    PROVIDER_AUTH = "PROVIDER_AUTH"
    CANCELLED = "CANCELLED"
    INTERNAL = "INTERNAL"


class ProviderCallState(StrEnum):
    """Where an item's latest provider call stands (``services.generation.call_state``).

    RECORDED: written before the request leaves (what is about to be bought); UNKNOWN: the request left and no
    reply tells whether the provider made (and billed) it; BOUGHT: the provider has it (a task id, or a reply).
    """

    RECORDED = "RECORDED"
    UNKNOWN = "UNKNOWN"
    BOUGHT = "BOUGHT"


class LedgerKind(StrEnum):
    """Why a ledger entry exists. ``amount`` is the balance change; ``held_delta`` the change in credits on hold."""

    SIGNUP = "SIGNUP"
    GRANT = "GRANT"
    RESERVE = "RESERVE"
    CAPTURE = "CAPTURE"
    REFUND = "REFUND"


class UsageKind(StrEnum):
    """What a usage analytics row describes."""

    IMAGE = "IMAGE"
    CALL = "CALL"


class UsageOutcome(StrEnum):
    """How an image or a provider call ended."""

    SUCCEEDED = "SUCCEEDED"
    PARTIAL = "PARTIAL"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"
    RETRIED = "RETRIED"


class PresetVisibility(StrEnum):
    """PRIVATE: the owner only; UNLISTED: anyone with the share code; PUBLIC: everyone (listed)."""

    PRIVATE = "PRIVATE"
    UNLISTED = "UNLISTED"
    PUBLIC = "PUBLIC"


class SizeTier(StrEnum):
    """Resolution tier of an image, by pixel count (prices are set per tier)."""

    K1 = "1K"
    K2 = "2K"
    K4 = "4K"


# Groupings used wherever a batch or image is still "in progress" (one definition, many queries).
OPEN_BATCH_STATUSES = (BatchStatus.QUEUED, BatchStatus.RUNNING, BatchStatus.CANCEL_REQUESTED)
TERMINAL_BATCH_STATUSES = (
    BatchStatus.SUCCEEDED,
    BatchStatus.PARTIALLY_SUCCEEDED,
    BatchStatus.FAILED,
    BatchStatus.CANCELLED,
)
OPEN_EDIT_STATUSES = (EditStatus.PENDING, EditStatus.RUNNING)


class ExportStatus(StrEnum):
    """Where an account export (``meExport``) stands."""

    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    READY = "READY"
    """The archive is stored and downloadable until ``expires_at``."""
    FAILED = "FAILED"
    EXPIRED = "EXPIRED"
    """Past ``expires_at``: retention removed the archive."""
