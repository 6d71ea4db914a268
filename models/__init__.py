"""Tortoise models and enums. Every model module is listed in ``MODEL_MODULES`` for Tortoise and aerich."""

from models.account import AccountExport
from models.analytics import UsageEvent
from models.credits import CreditLedgerEntry
from models.enums import (
    BatchStatus,
    EditStatus,
    ErrorCategory,
    ExportStatus,
    GenerationMode,
    LedgerKind,
    PresetVisibility,
    ProcessingStatus,
    ProviderCallState,
    Role,
    SizeTier,
    UsageKind,
    UsageOutcome,
)
from models.gallery import GalleryCollection, GalleryCollectionItem, GalleryItem, GalleryLike, GalleryReport
from models.generation import BatchItem, BatchJob, ImageEdit
from models.jobs import JobOutbox
from models.keys import ApiKey, ApiKeyScope
from models.presets import BatchPresetUse, StylePreset, StylePresetVersion
from models.projects import Project
from models.uploads import Upload
from models.users import User
from models.webhooks import DeliveryStatus, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from models.workspaces import Workspace, WorkspaceInvitation, WorkspaceKind, WorkspaceMember, WorkspaceRole

MODEL_MODULES = [
    "models.users",
    "models.credits",
    "models.projects",
    "models.generation",
    "models.uploads",
    "models.gallery",
    "models.presets",
    "models.analytics",
    "models.keys",
    "models.jobs",
    "models.webhooks",
    "models.account",
    "models.workspaces",
]

__all__ = [
    "MODEL_MODULES",
    "AccountExport",
    "ApiKey",
    "ApiKeyScope",
    "BatchItem",
    "BatchJob",
    "BatchPresetUse",
    "BatchStatus",
    "CreditLedgerEntry",
    "DeliveryStatus",
    "EditStatus",
    "ErrorCategory",
    "ExportStatus",
    "GalleryCollection",
    "GalleryCollectionItem",
    "GalleryItem",
    "GalleryLike",
    "GalleryReport",
    "GenerationMode",
    "ImageEdit",
    "JobOutbox",
    "LedgerKind",
    "PresetVisibility",
    "ProcessingStatus",
    "Project",
    "ProviderCallState",
    "Role",
    "SizeTier",
    "StylePreset",
    "StylePresetVersion",
    "Upload",
    "UsageEvent",
    "UsageKind",
    "UsageOutcome",
    "User",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
    "Workspace",
    "WorkspaceInvitation",
    "WorkspaceKind",
    "WorkspaceMember",
    "WorkspaceRole",
]
