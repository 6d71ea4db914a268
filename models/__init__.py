"""Tortoise models and enums. Every model module is listed in ``MODEL_MODULES`` for Tortoise and aerich."""

from models.analytics import UsageEvent
from models.credits import CreditLedgerEntry
from models.enums import (
    BatchStatus,
    EditStatus,
    ErrorCategory,
    GenerationMode,
    LedgerKind,
    PresetVisibility,
    ProcessingStatus,
    Role,
    SizeTier,
    UsageKind,
    UsageOutcome,
)
from models.gallery import GalleryItem, GalleryLike, GalleryReport
from models.generation import BatchItem, BatchJob, BatchOutbox, ImageEdit
from models.presets import BatchPresetUse, StylePreset, StylePresetVersion
from models.projects import Project
from models.references import ReferenceImage
from models.users import User

MODEL_MODULES = [
    "models.users",
    "models.credits",
    "models.projects",
    "models.generation",
    "models.references",
    "models.gallery",
    "models.presets",
    "models.analytics",
]

__all__ = [
    "MODEL_MODULES",
    "BatchItem",
    "BatchJob",
    "BatchOutbox",
    "BatchPresetUse",
    "BatchStatus",
    "CreditLedgerEntry",
    "EditStatus",
    "ErrorCategory",
    "GalleryItem",
    "GalleryLike",
    "GalleryReport",
    "GenerationMode",
    "ImageEdit",
    "LedgerKind",
    "PresetVisibility",
    "ProcessingStatus",
    "Project",
    "ReferenceImage",
    "Role",
    "SizeTier",
    "StylePreset",
    "StylePresetVersion",
    "UsageEvent",
    "UsageKind",
    "UsageOutcome",
    "User",
]
