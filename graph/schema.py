"""The Strawberry schema: roots assembled from resolvers/, with limits, caches and error masking."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry
from graphql import ASTValidationRule, GraphQLError
from strawberry.extensions import AddValidationRules, MaskErrors, MaxTokensLimiter, ParserCache, ValidationCache
from strawberry.extensions.max_aliases import create_validator as alias_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext
from strawberry.utils.logging import StrawberryLogger

from graph.errors import UserErrorsExtension, should_mask_error
from graph.types.batches import BatchJobType, BatchProgressEvent, ImageEditType, MyEvent, Quote
from graph.types.capabilities import Capabilities
from graph.types.connections import Connection
from graph.types.payloads import (
    BatchJobCancelPayload,
    BatchJobRetryPayload,
    CreditsGrantPayload,
    GeneratePayload,
    ImageUploadPayload,
    ProjectDeletePayload,
    ProjectPayload,
)
from graph.types.projects import ProjectType
from graph.types.users import CreditTransactionType, UserType
from resolvers import batches, capabilities, projects, users
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
    quote: Quote = strawberry.field(
        resolver=batches.quote, description="What a generate request would cost, and whether your balance covers it."
    )
    batch_job: BatchJobType | None = strawberry.field(
        resolver=batches.batch_job, description="One of your batch jobs by id; null when not found."
    )
    batch_jobs: Connection[BatchJobType] = strawberry.field(
        resolver=batches.batch_jobs, description="Your batch jobs, newest first." + PAGE_ARGS
    )
    image_edit: ImageEditType | None = strawberry.field(
        resolver=batches.image_edit, description="One of your images by id; null when not found."
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
    generate: GeneratePayload = strawberry.mutation(
        resolver=batches.generate,
        extensions=[UserErrorsExtension()],
        description="Queue a generation: the quote is held now, delivered images are charged, the rest refunded.",
    )
    batch_job_cancel: BatchJobCancelPayload = strawberry.mutation(
        resolver=batches.batch_job_cancel,
        extensions=[UserErrorsExtension()],
        description="Cancel a queued or running batch: delivered images are kept, the rest refunded.",
    )
    batch_job_retry: BatchJobRetryPayload = strawberry.mutation(
        resolver=batches.batch_job_retry,
        extensions=[UserErrorsExtension()],
        description="A new batch for the failed and cancelled images of an ended one, quoted and held as usual.",
    )
    image_upload: ImageUploadPayload = strawberry.mutation(
        resolver=batches.image_upload,
        extensions=[UserErrorsExtension()],
        description=("Upload a reference image (GraphQL multipart request; send the header `X-Playground-Upload: 1`)."),
    )


@strawberry.type(description="Live streams over WebSocket (graphql-transport-ws).")
class Subscription:
    batch_progress: AsyncGenerator[BatchProgressEvent, None] = strawberry.subscription(
        resolver=batches.batch_progress,
        description="A batch's stored snapshot, then live events with a higher seq; completes after the last one.",
    )
    my_events: AsyncGenerator[MyEvent, None] = strawberry.subscription(
        resolver=batches.my_events, description="Every batch event of yours and your balance changes."
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
    # The depth and alias rules are made once: ValidationCache keys on the rule classes, and QueryDepthLimiter /
    # MaxAliasesLimiter would make new ones per operation, so the cache never hit (measured: 0 hits in 5).
    limits: list[type[ASTValidationRule]] = [
        depth_rule(settings.graphql_max_depth, None, None),
        alias_rule(settings.graphql_max_aliases),
    ]
    return PlaygroundSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        config=StrawberryConfig(auto_camel_case=True, disable_field_suggestions=not settings.is_development),
        extensions=[
            lambda: ParserCache(maxsize=512),
            lambda: ValidationCache(maxsize=512),
            lambda: AddValidationRules(limits),
            lambda: MaxTokensLimiter(max_token_count=settings.graphql_max_tokens),
            lambda: MaskErrors(should_mask_error=should_mask_error),
        ],
    )
