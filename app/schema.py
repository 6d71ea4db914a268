"""The GraphQL schema: each domain's root types from ``resolvers/``, merged, served the way ``graph.core.schema``
says (limits, caches, error shaping and masking)."""

from __future__ import annotations

from typing import Any

import strawberry

from graph.core.context import SharedSubscription
from graph.core.schema import build_schema
from graph.keys.scopes import KeyScopeGuard
from resolvers.account import AccountMutations, AccountQueries
from resolvers.analytics import AnalyticsQueries
from resolvers.credits import CreditMutations, CreditQueries
from resolvers.gallery import GalleryMutations, GalleryQueries
from resolvers.generation import SHARED_PROGRESS, GenerationMutations, GenerationQueries, GenerationSubscriptions
from resolvers.keys import ApiKeyMutations, ApiKeyQueries
from resolvers.presets import PresetMutations, PresetQueries
from resolvers.projects import ProjectMutations, ProjectQueries
from resolvers.users import UserQueries
from resolvers.webhooks import WebhookMutations, WebhookQueries
from resolvers.workspaces import WorkspaceMutations, WorkspaceQueries
from services.core.config import Settings


# Strawberry lists inherited fields base by base, in the order the bases are given.
@strawberry.type(description="Read operations. Everything but `capabilities` needs a bearer token.")
class Query(
    UserQueries,
    ProjectQueries,
    CreditQueries,
    GenerationQueries,
    PresetQueries,
    GalleryQueries,
    AnalyticsQueries,
    ApiKeyQueries,
    WebhookQueries,
    AccountQueries,
    WorkspaceQueries,
):
    """Every domain's read fields."""


@strawberry.type(description="Write operations; expected failures come back in each payload's `userErrors`.")
class Mutation(
    ProjectMutations,
    CreditMutations,
    GenerationMutations,
    PresetMutations,
    GalleryMutations,
    ApiKeyMutations,
    WebhookMutations,
    AccountMutations,
    WorkspaceMutations,
):
    """Every domain's write fields."""


@strawberry.type(description="Live streams over WebSocket (graphql-transport-ws).")
class Subscription(GenerationSubscriptions):
    """The progress streams."""


SHARED_SUBSCRIPTION: SharedSubscription = SHARED_PROGRESS
"""The subscription field the socket layer shares (``app.websocket.fanout``)."""


def create_schema(settings: Settings, *, tracer_provider: Any | None = None) -> strawberry.Schema:
    """The whole API's schema with the security limits of ``settings`` (traced with a ``tracer_provider``)."""
    return build_schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        settings=settings,
        guards=[KeyScopeGuard],
        tracer_provider=tracer_provider,
    )
