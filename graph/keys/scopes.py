"""Which root field an API key reaches with which scope, and the schema extension that enforces it.

Every root field of the schema has exactly one entry in ``ROOT_FIELD_RULES`` (``tests/graph/test_key_scopes.py``
fails on a field without one, and on an entry for a field that no longer exists): the scope a key needs, ``ANY_KEY``
for fields anyone may call, or ``NO_KEY`` for fields only a session (a JWT) reaches: administrator fields and the API
key fields themselves (a leaked key must not mint more keys or outlive its revocation). A root field missing here is
refused to keys (fail closed).

Reads of your own data need READ; each kind of change needs its domain's scope. ``KeyScopeGuard`` checks every root
field an operation selects (through fragments too) before anything runs: one field out of scope refuses the whole
operation with ``FORBIDDEN`` (``extensions.requiredScope`` names what is missing), so a refused mutation changes
nothing. Sessions are not affected.

Subscriptions need READ, and a key needs READ to open a WebSocket at all (``app.api`` refuses it otherwise): the
shared ``batchProgress`` path of ``app.websocket`` answers subscriptions without running this extension.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from enum import Enum

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
)
from strawberry.extensions import SchemaExtension

from graph.core.context import Context
from models.keys import ApiKeyScope
from services.core.auth import Identity
from services.core.errors import Unauthenticated


class KeyAccess(Enum):
    ANY_KEY = "any key"
    """Fields that need no credential at all (``capabilities``)."""
    NO_KEY = "sessions only"
    """Administrator fields and the API key fields: never with a key."""


Rule = ApiKeyScope | KeyAccess

READ, GENERATE, PRESETS = ApiKeyScope.READ, ApiKeyScope.GENERATE, ApiKeyScope.PRESETS
GALLERY, ANALYTICS, WEBHOOKS = ApiKeyScope.GALLERY, ApiKeyScope.ANALYTICS, ApiKeyScope.WEBHOOKS
ANY_KEY, NO_KEY = KeyAccess.ANY_KEY, KeyAccess.NO_KEY

ROOT_FIELD_RULES: Mapping[str, Mapping[str, Rule]] = {
    "Query": {
        "me": READ,
        "capabilities": ANY_KEY,
        "quote": READ,
        "project": READ,
        "projects": READ,
        "creditTransactions": READ,
        "batchJob": READ,
        "batchJobs": READ,
        "imageEdit": READ,
        "uploads": READ,
        "stylePreset": READ,
        "stylePresetByShareCode": READ,
        "stylePresets": READ,
        "stylePresetExport": READ,
        "gallery": READ,
        "galleryItem": READ,
        "galleryCollections": READ,
        "galleryCollection": READ,
        "publicGallery": READ,
        "usageAnalytics": ANALYTICS,
        "apiKeys": NO_KEY,
        "unknownProviderOutcomes": NO_KEY,
        "galleryReports": NO_KEY,
        "webhookEndpoints": WEBHOOKS,
        "webhookDeliveries": WEBHOOKS,
        # The archive holds everything the account owns: sessions only, like meDelete.
        "accountExports": NO_KEY,
        "accountExport": NO_KEY,
        "workspace": READ,
        "workspaces": READ,
    },
    "Mutation": {
        "projectCreate": GENERATE,
        "projectUpdate": GENERATE,
        "projectDelete": GENERATE,
        "creditsGrant": NO_KEY,
        "galleryLike": GALLERY,
        "galleryUnlike": GALLERY,
        "galleryReport": GALLERY,
        "galleryItemHide": NO_KEY,
        "webhookEndpointCreate": WEBHOOKS,
        "webhookEndpointUpdate": WEBHOOKS,
        "webhookEndpointDelete": WEBHOOKS,
        "webhookEndpointRotateSecret": WEBHOOKS,
        "webhookEndpointTest": WEBHOOKS,
        "webhookRedeliver": WEBHOOKS,
        "generate": GENERATE,
        "batchJobCancel": GENERATE,
        "batchJobRetry": GENERATE,
        "imageUpload": GENERATE,
        "imageEditDelete": GENERATE,
        "uploadDelete": GENERATE,
        "stylePresetCreate": PRESETS,
        "stylePresetUpdate": PRESETS,
        "stylePresetDelete": PRESETS,
        "stylePresetShare": PRESETS,
        "stylePresetFork": PRESETS,
        "stylePresetImport": PRESETS,
        # It starts a charged batch: spending credits is what GENERATE grants.
        "stylePresetPreview": GENERATE,
        "galleryAdd": GALLERY,
        "galleryUpdate": GALLERY,
        "galleryRemove": GALLERY,
        "galleryCollectionCreate": GALLERY,
        "galleryCollectionUpdate": GALLERY,
        "galleryCollectionDelete": GALLERY,
        "galleryCollectionAddItems": GALLERY,
        "galleryCollectionRemoveItems": GALLERY,
        "apiKeyCreate": NO_KEY,
        "apiKeyRevoke": NO_KEY,
        "meDelete": NO_KEY,
        "meExport": NO_KEY,
        # Membership is the account's own business, like API keys: a leaked key must not join, invite or hand
        # over workspaces.
        "workspaceCreate": NO_KEY,
        "workspaceRename": NO_KEY,
        "workspaceDelete": NO_KEY,
        "workspaceTransfer": NO_KEY,
        "workspaceInvite": NO_KEY,
        "workspaceInvitationRevoke": NO_KEY,
        "workspaceInvitationAccept": NO_KEY,
        "workspaceMemberRoleChange": NO_KEY,
        "workspaceMemberRemove": NO_KEY,
        "workspaceLeave": NO_KEY,
    },
    "Subscription": {
        "batchProgress": READ,
        "myEvents": READ,
    },
}

ROOT_TYPES = {
    OperationType.QUERY: "Query",
    OperationType.MUTATION: "Mutation",
    OperationType.SUBSCRIPTION: "Subscription",
}


def refusal(identity: Identity, root: str, field: str) -> GraphQLError | None:
    """Why a key may not reach ``root.field`` (None: it may, or the caller is a session)."""
    if identity.scopes is None:
        return None
    rule = ROOT_FIELD_RULES.get(root, {}).get(field, NO_KEY)
    if rule is ANY_KEY or (isinstance(rule, ApiKeyScope) and rule in identity.scopes):
        return None
    if isinstance(rule, ApiKeyScope):
        message = f"this API key lacks the {rule.value} scope that `{field}` needs"
        return GraphQLError(message, extensions={"code": "FORBIDDEN", "requiredScope": rule.value, "field": field})
    message = f"`{field}` is not available with an API key: sign in instead"
    return GraphQLError(message, extensions={"code": "FORBIDDEN", "requiredScope": None, "field": field})


def root_fields(document: DocumentNode, operation_name: str | None) -> tuple[str, list[str]] | None:
    """The root type and the root field names the operation selects (through fragments), or None when the document
    names no single operation (validation or Strawberry answers that)."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [o for o in operations if o.name is not None and o.name.value == operation_name]
    if len(operations) != 1:
        return None
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    operation = operations[0]
    return ROOT_TYPES[operation.operation], list(_fields(operation.selection_set, fragments, set()))


def _fields(
    selection_set: SelectionSetNode, fragments: Mapping[str, FragmentDefinitionNode], seen: set[str]
) -> Iterator[str]:
    # Every field counts, @skip/@include or not: a directive whose variable says "skip" cannot widen a key's reach.
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            yield selection.name.value
        elif isinstance(selection, InlineFragmentNode):
            yield from _fields(selection.selection_set, fragments, seen)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is not None and name not in seen:
                seen.add(name)
                yield from _fields(fragment.selection_set, fragments, seen)


class KeyScopeGuard(SchemaExtension):
    """Refuses, before it runs, an operation of an API key that selects a root field outside the key's scopes.

    Placed after validation (the validation cache) so that only valid documents are checked, and before execution:
    Strawberry runs nothing once ``pre_execution_errors`` holds an error.
    """

    async def on_validate(self) -> AsyncIterator[None]:
        execution = self.execution_context
        context = execution.context
        document = execution.graphql_document
        if isinstance(context, Context) and document is not None and not execution.pre_execution_errors:
            try:
                identity = await context.authenticate()
            except Unauthenticated:
                identity = None  # the resolvers say so, where it matters
            found = root_fields(document, execution.operation_name) if identity is not None else None
            if identity is not None and identity.scopes is not None and found is not None:
                root, fields = found
                for field in fields:
                    if field.startswith("__"):
                        continue  # __typename; __schema and __type are the introspection guard's to decide
                    error = refusal(identity, root, field)
                    if error is not None:
                        execution.pre_execution_errors = [error]
                        break
        yield
