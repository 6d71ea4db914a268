"""Tortoise models and enums. Every model module is listed in ``MODEL_MODULES`` for Tortoise and aerich."""

from models.analytics import UsageEvent
from models.batches import BatchJob, ImageEdit
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
)
from models.gallery import GalleryItem
from models.presets import StylePreset
from models.projects import Project
from models.users import User

MODEL_MODULES = [
    "models.users",
    "models.credits",
    "models.projects",
    "models.batches",
    "models.gallery",
    "models.presets",
    "models.analytics",
]

__all__ = [
    "MODEL_MODULES",
    "BatchJob",
    "BatchStatus",
    "CreditLedgerEntry",
    "EditStatus",
    "ErrorCategory",
    "GalleryItem",
    "GenerationMode",
    "ImageEdit",
    "LedgerKind",
    "PresetVisibility",
    "ProcessingStatus",
    "Project",
    "Role",
    "StylePreset",
    "UsageEvent",
    "User",
]
