"""Preset mutation payloads: the changed object and ``userErrors`` (empty on success)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from graph.core.errors import UserError
from graph.presets.types import StylePresetType

if TYPE_CHECKING:
    from graph.generation.types import BatchJobType

USER_ERRORS = "Expected failures (validation, not found, limits); empty on success."


@strawberry.type(description="Result of creating, updating, sharing, forking or importing a preset.")
class StylePresetPayload:
    style_preset: StylePresetType | None = strawberry.field(default=None, description="The preset, when it succeeded.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of deleting a preset.")
class StylePresetDeletePayload:
    deleted_id: strawberry.ID | None = strawberry.field(default=None, description="Id of the deleted preset.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of a preview request: the batch making the preview image.")
class StylePresetPreviewPayload:
    style_preset: StylePresetType | None = strawberry.field(default=None, description="The preset.")
    batch_job: Annotated[BatchJobType, strawberry.lazy("graph.generation.types")] | None = strawberry.field(
        default=None, description="The one-image batch (charged as usual); its image becomes the preview."
    )
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)
