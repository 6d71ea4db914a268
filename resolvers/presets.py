"""Style presets: read, list, export; create, update, delete, share, fork, import, preview."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.scalars import JSON

from graph.core.arguments import After, First
from graph.core.connections import Connection
from graph.core.context import Context
from graph.core.errors import UserErrorsExtension
from graph.core.rate_limits import RateLimitExtension
from graph.generation.types import BatchJobType
from graph.presets.enums import PresetOrder, PresetScope, PresetVisibility
from graph.presets.inputs import StylePresetInput, StylePresetUpdateInput
from graph.presets.payloads import StylePresetDeletePayload, StylePresetPayload, StylePresetPreviewPayload
from graph.presets.types import StylePresetType
from services.core.pagination import DEFAULT_PAGE_SIZE
from services.infra.rate_limits import Budget
from services.presets import documents, editing, reads
from services.presets.fields import CLEARABLE, VERSIONED_FIELDS, PresetFields

Info = strawberry.Info[Context, None]
PresetId = Annotated[strawberry.ID, strawberry.argument(description="The preset's id.")]


def _fields(input: StylePresetInput | StylePresetUpdateInput) -> PresetFields:
    """The input as the service takes it: unset fields are left alone; a null optional setting is cleared."""
    given: dict[str, Any] = {}
    clear: set[str] = set()
    for name in VERSIONED_FIELDS:
        if name == "reference_ids":
            continue
        value = getattr(input, name)
        if value is strawberry.UNSET:
            continue
        if value is None and name in CLEARABLE and isinstance(input, StylePresetUpdateInput):
            clear.add(name)
        elif value is not None:
            given[name] = value
    references = input.reference_images  # the API's name for reference_ids
    if references is not strawberry.UNSET and references is not None:
        given["reference_ids"] = [str(r) for r in references]
    return PresetFields(**given, clear=frozenset(clear))


async def style_preset(info: Info, id: PresetId) -> StylePresetType | None:
    user = await info.context.user()
    found = await reads.get(user.id, id)
    return StylePresetType.from_model(found) if found else None


async def style_preset_by_share_code(
    info: Info, code: Annotated[str, strawberry.argument(description="The share code the owner gave you.")]
) -> StylePresetType | None:
    await info.context.user()
    found = await reads.by_share_code(code)
    return StylePresetType.from_model(found) if found else None


async def style_presets(
    info: Info,
    scope: Annotated[PresetScope, strawberry.argument(description="Which presets.")] = PresetScope.VISIBLE,
    search: Annotated[str | None, strawberry.argument(description="Text in the name or description.")] = None,
    tags: Annotated[list[str] | None, strawberry.argument(description="Presets with all of these tags.")] = None,
    order_by: Annotated[PresetOrder, strawberry.argument(description="The order.")] = PresetOrder.NEWEST,
    first: First = DEFAULT_PAGE_SIZE,
    after: After = None,
) -> Connection[StylePresetType]:
    user = await info.context.user()
    page = await reads.page(user.id, scope=scope, search=search, tags=tags, order=order_by, first=first, after=after)
    return Connection.from_page(page, StylePresetType.from_model)


async def style_preset_export(info: Info, id: PresetId) -> JSON:
    user = await info.context.user()
    return JSON(await documents.export(await reads.exportable(user.id, id), info.context.services.storage))


async def style_preset_create(
    info: Info, input: Annotated[StylePresetInput, strawberry.argument(description="The new preset.")]
) -> StylePresetPayload:
    user = await info.context.user()
    created = await editing.create(user, _fields(input), info.context.services.settings)
    return StylePresetPayload(style_preset=StylePresetType.from_model(created))


async def style_preset_update(
    info: Info,
    id: PresetId,
    input: Annotated[StylePresetUpdateInput, strawberry.argument(description="What to change.")],
) -> StylePresetPayload:
    user = await info.context.user()
    updated = await editing.update(user, id, _fields(input), info.context.services.settings)
    return StylePresetPayload(style_preset=StylePresetType.from_model(updated))


async def style_preset_delete(info: Info, id: PresetId) -> StylePresetDeletePayload:
    user = await info.context.user()
    deleted = await editing.delete(user, id)
    return StylePresetDeletePayload(deleted_id=strawberry.ID(str(deleted)))


async def style_preset_share(
    info: Info,
    id: PresetId,
    visibility: Annotated[PresetVisibility, strawberry.argument(description="Who may read it.")],
) -> StylePresetPayload:
    user = await info.context.user()
    shared = await editing.share(user, id, visibility)
    return StylePresetPayload(style_preset=StylePresetType.from_model(shared))


async def style_preset_fork(
    info: Info,
    id: Annotated[strawberry.ID | None, strawberry.argument(description="A preset you may read.")] = None,
    share_code: Annotated[str | None, strawberry.argument(description="Or an UNLISTED preset's share code.")] = None,
) -> StylePresetPayload:
    user = await info.context.user()
    forked = await editing.fork(user, preset_id=id, share_code=share_code, storage=info.context.services.storage)
    return StylePresetPayload(style_preset=StylePresetType.from_model(forked))


async def style_preset_import(
    info: Info,
    document: Annotated[
        JSON,
        strawberry.argument(description="A document from `stylePresetExport` (up to 768 KiB, its images embedded)."),
    ],
) -> StylePresetPayload:
    user = await info.context.user()
    services = info.context.services
    imported = await editing.import_document(user, document, services.settings, services.storage)
    return StylePresetPayload(style_preset=StylePresetType.from_model(imported))


async def style_preset_preview(info: Info, id: PresetId) -> StylePresetPreviewPayload:
    user = await info.context.user()
    services = info.context.services
    preset, submitted = await editing.preview(
        user,
        id,
        settings=services.settings,
        storage=services.storage,
        http=services.http,
        queue=services.outbox,
        publisher=services.publisher,
    )
    return StylePresetPreviewPayload(
        style_preset=StylePresetType.from_model(preset), batch_job=BatchJobType.from_model(submitted.batch)
    )


@strawberry.type
class PresetQueries:
    style_preset: StylePresetType | None = strawberry.field(
        resolver=style_preset, description="A preset you may read by id (yours, public or built-in); null if not."
    )
    style_preset_by_share_code: StylePresetType | None = strawberry.field(
        resolver=style_preset_by_share_code, description="An UNLISTED or PUBLIC preset by its share code."
    )
    style_presets: Connection[StylePresetType] = strawberry.field(
        resolver=style_presets, description="Presets by scope, search and tags. `first` is at most 100."
    )
    style_preset_export: JSON = strawberry.field(
        resolver=style_preset_export,
        description="The preset's current version as a versioned JSON document (`stylePresetImport` reads it).",
    )


@strawberry.type
class PresetMutations:
    style_preset_create: StylePresetPayload = strawberry.mutation(
        resolver=style_preset_create, extensions=[UserErrorsExtension()], description="Create a private preset."
    )
    style_preset_update: StylePresetPayload = strawberry.mutation(
        resolver=style_preset_update,
        extensions=[UserErrorsExtension()],
        description="Save changes as a new version (earlier versions stay readable).",
    )
    style_preset_delete: StylePresetDeletePayload = strawberry.mutation(
        resolver=style_preset_delete,
        extensions=[UserErrorsExtension()],
        description="Delete a preset (batches that used it still show it).",
    )
    style_preset_share: StylePresetPayload = strawberry.mutation(
        resolver=style_preset_share,
        extensions=[UserErrorsExtension()],
        description="Make a preset PRIVATE (revokes its share code), UNLISTED or PUBLIC.",
    )
    style_preset_fork: StylePresetPayload = strawberry.mutation(
        resolver=style_preset_fork,
        extensions=[UserErrorsExtension()],
        description="A private copy of a preset (by id or share code), linked to its origin.",
    )
    style_preset_import: StylePresetPayload = strawberry.mutation(
        resolver=style_preset_import,
        extensions=[UserErrorsExtension()],
        description="Create a private preset from an exported document; each bad field is a userError.",
    )
    style_preset_preview: StylePresetPreviewPayload = strawberry.mutation(
        resolver=style_preset_preview,
        extensions=[RateLimitExtension(Budget.GENERATE), UserErrorsExtension()],
        description="Generate one sample image with the preset (charged as usual); it becomes the preview.",
    )
