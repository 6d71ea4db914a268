"""The Strawberry schema: roots assembled from resolvers/, with limits, caches and error masking."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext
from strawberry.utils.logging import StrawberryLogger

from graph.errors import UserErrorsExtension, should_mask_error
from graph.types.capabilities import Capabilities
from graph.types.connections import Connection
from graph.types.payloads import CreditsGrantPayload, ProjectDeletePayload, ProjectPayload
from graph.types.projects import ProjectType
from graph.types.users import CreditTransactionType, UserType
from resolvers import capabilities, projects, users
from services.config import Settings

PAGE_ARGS = " `first` is at most 100."


@strawberry.type(description="Read operations. Everything but `capabilities` needs a bearer token.")
class Query:
    me: UserType = strawberry.field(resolver=users.me, description="The authenticated caller.")
    capabilities: Capabilities = strawberry.field(
        resolver=capabilities.capabilities, description="Modes, sizes, limits and prices (no token needed)."
    )
    project: ProjectType | None = strawberry.field(
        resolver=projects.project, description="One of your projects by id; null when not found."
    )
    projects: Connection[ProjectType] = strawberry.field(
        resolver=projects.project_list, description="Your projects, newest first." + PAGE_ARGS
    )
    credit_transactions: Connection[CreditTransactionType] = strawberry.field(
        resolver=users.credit_transactions, description="Your credit ledger, newest first." + PAGE_ARGS
    )


@strawberry.type(description="Write operations; expected failures come back in each payload's `userErrors`.")
class Mutation:
    project_create: ProjectPayload = strawberry.mutation(
        resolver=projects.project_create, extensions=[UserErrorsExtension()], description="Create a project."
    )
    project_update: ProjectPayload = strawberry.mutation(
        resolver=projects.project_update,
        extensions=[UserErrorsExtension()],
        description="Change a project you own.",
    )
    project_delete: ProjectDeletePayload = strawberry.mutation(
        resolver=projects.project_delete,
        extensions=[UserErrorsExtension()],
        description="Delete a project you own with its generations.",
    )
    credits_grant: CreditsGrantPayload = strawberry.mutation(
        resolver=users.credits_grant,
        extensions=[UserErrorsExtension()],
        description="Add credits to a user's balance (administrators only).",
    )


class PlaygroundSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        # Expected errors (validation, auth, bad input) are the client's business; log only the unexpected,
        # with their tracebacks, before MaskErrors hides them from the client.
        for error in errors:
            if should_mask_error(error):
                StrawberryLogger.error(error, execution_context)


def create_schema(settings: Settings) -> strawberry.Schema:
    """The schema with the security limits of ``settings``; extensions are built per operation."""
    return PlaygroundSchema(
        query=Query,
        mutation=Mutation,
        config=StrawberryConfig(auto_camel_case=True, disable_field_suggestions=not settings.is_development),
        extensions=[
            lambda: ParserCache(maxsize=512),
            lambda: ValidationCache(maxsize=512),
            lambda: QueryDepthLimiter(max_depth=settings.graphql_max_depth),
            lambda: MaxAliasesLimiter(max_alias_count=settings.graphql_max_aliases),
            lambda: MaxTokensLimiter(max_token_count=settings.graphql_max_tokens),
            lambda: MaskErrors(should_mask_error=should_mask_error),
        ],
    )
