"""Project queries and mutations."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.core.arguments import After, First
from graph.core.connections import Connection
from graph.core.context import Context
from graph.core.errors import UserErrorsExtension
from graph.projects.inputs import ProjectCreateInput, ProjectFilter, ProjectUpdateInput
from graph.projects.payloads import ProjectDeletePayload, ProjectPayload
from graph.projects.types import ProjectType
from services import projects
from services.core.pagination import DEFAULT_PAGE_SIZE

Info = strawberry.Info[Context, None]
ProjectId = Annotated[strawberry.ID, strawberry.argument(description="The project's id.")]


async def project(info: Info, id: ProjectId) -> ProjectType | None:
    user = await info.context.user()
    found = await projects.get(user.id, id)
    return ProjectType.from_model(found) if found else None


async def project_list(
    info: Info,
    first: First = DEFAULT_PAGE_SIZE,
    after: After = None,
    filter: Annotated[ProjectFilter | None, strawberry.argument(description="Narrow the list.")] = None,
) -> Connection[ProjectType]:
    user = await info.context.user()
    page = await projects.list_page(
        user.id,
        first=first,
        after=after,
        status=filter.status if filter else None,
        search=filter.search if filter else None,
    )
    return Connection.from_page(page, ProjectType.from_model)


def _changes(input: ProjectCreateInput | ProjectUpdateInput) -> projects.ProjectChanges:
    """What a create or update input asks for (an update's absent fields are None: left as they are)."""
    return projects.ProjectChanges(
        name=input.name,
        description=input.description,
        generation_type=input.generation_type,
        batch_size=input.batch_size,
        metadata=input.metadata,
    )


async def project_create(
    info: Info, input: Annotated[ProjectCreateInput, strawberry.argument(description="The new project.")]
) -> ProjectPayload:
    user = await info.context.user()
    created = await projects.create(
        user.id,
        _changes(input),
    )
    return ProjectPayload(project=ProjectType.from_model(created))


async def project_update(
    info: Info,
    id: ProjectId,
    input: Annotated[ProjectUpdateInput, strawberry.argument(description="What to change.")],
) -> ProjectPayload:
    user = await info.context.user()
    updated = await projects.update(
        user.id,
        id,
        _changes(input),
    )
    return ProjectPayload(project=ProjectType.from_model(updated))


async def project_delete(info: Info, id: ProjectId) -> ProjectDeletePayload:
    user = await info.context.user()
    deleted = await projects.delete(user.id, id)
    return ProjectDeletePayload(deleted_id=strawberry.ID(str(deleted)))


@strawberry.type
class ProjectQueries:
    project: ProjectType | None = strawberry.field(
        resolver=project, description="One of your projects by id; null when not found."
    )
    projects: Connection[ProjectType] = strawberry.field(
        resolver=project_list, description="Your projects, newest first. `first` is at most 100."
    )


@strawberry.type
class ProjectMutations:
    project_create: ProjectPayload = strawberry.mutation(
        resolver=project_create, extensions=[UserErrorsExtension()], description="Create a project."
    )
    project_update: ProjectPayload = strawberry.mutation(
        resolver=project_update,
        extensions=[UserErrorsExtension()],
        description="Change a project you own.",
    )
    project_delete: ProjectDeletePayload = strawberry.mutation(
        resolver=project_delete,
        extensions=[UserErrorsExtension()],
        description="Delete a project you own with its generations.",
    )
