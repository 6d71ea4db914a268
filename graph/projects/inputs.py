"""Inputs of the project operations."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

from graph.core.enums import GenerationMode
from graph.projects.enums import ProcessingStatus

METADATA = "A JSON object, up to 16 KiB as UTF-8 JSON, nested at most 32 levels (see the README on text)."


@strawberry.input(description="A new project.")
class ProjectCreateInput:
    name: str = strawberry.field(description="1-120 characters.")
    description: str | None = strawberry.field(default=None, description="Up to 2,000 characters.")
    generation_type: GenerationMode | None = strawberry.field(default=None, description="Preferred mode.")
    batch_size: int | None = strawberry.field(default=None, description="Default images per generation, 1-60.")
    metadata: JSON | None = strawberry.field(default=None, description=METADATA)


@strawberry.input(description="Changes to a project; omitted fields stay as they are.")
class ProjectUpdateInput:
    name: str | None = strawberry.field(default=None, description="1-120 characters.")
    description: str | None = strawberry.field(default=None, description="Up to 2,000 characters.")
    generation_type: GenerationMode | None = strawberry.field(default=None, description="Preferred mode.")
    batch_size: int | None = strawberry.field(default=None, description="Default images per generation, 1-60.")
    metadata: JSON | None = strawberry.field(default=None, description=METADATA + " Replaces the old one.")


@strawberry.input(description="Narrows the project list.")
class ProjectFilter:
    status: ProcessingStatus | None = strawberry.field(default=None, description="Only this processing status.")
    search: str | None = strawberry.field(
        default=None, description="Text contained in the name or description (case-insensitive)."
    )
