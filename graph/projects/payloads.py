"""Project mutation payloads: the changed object and ``userErrors`` (empty on success)."""

from __future__ import annotations

import strawberry

from graph.core.errors import UserError
from graph.projects.types import ProjectType

USER_ERRORS = "Expected failures (validation, not found, credits); empty on success."


@strawberry.type(description="Result of creating or updating a project.")
class ProjectPayload:
    project: ProjectType | None = strawberry.field(default=None, description="The project, when it succeeded.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of deleting a project.")
class ProjectDeletePayload:
    deleted_id: strawberry.ID | None = strawberry.field(default=None, description="Id of the deleted project.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)
