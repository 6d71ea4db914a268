"""Generation: capabilities, quote, generate, cancel, retry, uploads, batches and images, and progress streams."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry.file_uploads import Upload

from graph.core.arguments import After, First
from graph.core.connections import Connection
from graph.core.context import Context, SharedSubscription
from graph.core.errors import UserErrorsExtension
from graph.core.rate_limits import RateLimitExtension
from graph.generation.capabilities import Capabilities
from graph.generation.events import BatchProgressEvent, MyEvent, my_event
from graph.generation.inputs import BatchJobFilter, GenerateInput
from graph.generation.payloads import (
    BatchJobCancelPayload,
    BatchJobRetryPayload,
    GeneratePayload,
    ImageEditDeletePayload,
    ImageUploadPayload,
    UploadDeletePayload,
)
from graph.generation.types import (
    BatchJobType,
    ImageEditType,
    QuoteType,
    UnknownProviderOutcomeType,
    UploadType,
)
from services.core.errors import InvalidInput
from services.core.pagination import DEFAULT_PAGE_SIZE
from services.generation import call_state, housekeeping, plan, reads, references, styles
from services.generation import capabilities as caps
from services.generation.cancel import cancel
from services.generation.retry import retry
from services.generation.submit import submit
from services.infra.rate_limits import Budget
from services.progress.follow import batch_to_follow, follow_batch, follow_user
from services.webhooks import deliveries as webhook_deliveries
from services.webhooks import endpoints as webhook_endpoints

Info = strawberry.Info[Context, None]
BatchId = Annotated[strawberry.ID, strawberry.argument(description="The batch job's id.")]
Input = Annotated[GenerateInput, strawberry.argument(description="What to generate.")]
PAGE_ARGS = " `first` is at most 100."


def to_request(input: GenerateInput) -> plan.SubmitRequest:
    return plan.SubmitRequest(
        project_id=input.project_id,
        mode=input.mode,
        prompt=input.prompt,
        prompts=input.prompts,
        count=input.count,
        max_images=input.max_images,
        size=input.size,
        aspect_ratio=input.aspect_ratio,
        resolution=input.resolution,
        references=[
            references.ReferenceSpec(
                upload_id=ref.upload_id if ref.upload_id is not strawberry.UNSET else None,
                url=ref.url if ref.url is not strawberry.UNSET else None,
            )
            for ref in input.references or []
        ],
        presets=[
            styles.PresetUseSpec(
                preset_id=use.preset_id, version=use.version, weight=use.weight, intensity=use.intensity
            )
            for use in input.presets
        ]
        if input.presets is not None
        else None,
        style_preset_id=input.style_preset_id,
        style_intensity=input.style_intensity,
        seed=input.seed,
        idempotency_key=input.idempotency_key,
        remix_of_image_id=input.remix_of_image_id,
        remix_of_gallery_item_id=input.remix_of_gallery_item_id,
    )


async def capabilities(info: Info) -> Capabilities:
    return Capabilities.from_settings(info.context.services.settings)


async def quote(info: Info, input: Input) -> QuoteType:
    user = await info.context.user()
    return QuoteType.from_quote(await plan.quote(user, to_request(input), info.context.services.settings))


async def generate(info: Info, input: Input) -> GeneratePayload:
    user = await info.context.user()
    services = info.context.services
    hook = (
        await webhook_endpoints.prepare_batch_webhook(
            user.id, input.webhook.url, input.webhook.events, services.settings
        )
        if input.webhook is not None
        else None
    )
    submitted = await submit(
        user,
        to_request(input),
        settings=services.settings,
        storage=services.storage,
        http=services.http,
        queue=services.outbox,
        publisher=services.publisher,
        on_create=webhook_deliveries.on_batch_created(
            user.id, services.settings, hook.attach if hook is not None else None
        ),
    )
    return GeneratePayload(
        batch_job=BatchJobType.from_model(submitted.batch),
        created=submitted.created,
        webhook_secret=hook.secret if hook is not None and submitted.created else None,
    )


async def batch_job_cancel(info: Info, id: BatchId) -> BatchJobCancelPayload:
    user = await info.context.user()
    services = info.context.services
    outcome = await cancel(user, id, queue=services.outbox, publisher=services.publisher)
    return BatchJobCancelPayload(
        batch_job=BatchJobType.from_model(outcome.batch),
        kept_images=outcome.kept_images,
        refunded_images=outcome.refunded_images,
        refunded_credits=outcome.refunded_credits,
    )


async def batch_job_retry(
    info: Info,
    id: BatchId,
    only_failed: Annotated[
        bool, strawberry.argument(description="Retry only the failed and cancelled images (else all of them).")
    ] = True,
) -> BatchJobRetryPayload:
    user = await info.context.user()
    services = info.context.services
    batch = await retry(
        user,
        id,
        only_failed=only_failed,
        settings=services.settings,
        queue=services.outbox,
        publisher=services.publisher,
        on_create=webhook_deliveries.on_batch_created(user.id, services.settings),
    )
    return BatchJobRetryPayload(batch_job=BatchJobType.from_model(batch))


async def image_upload(
    info: Info, file: Annotated[Upload, strawberry.argument(description="A PNG, JPEG or WebP image, up to 10 MiB.")]
) -> ImageUploadPayload:
    user = await info.context.user()
    try:
        # One byte past the cap is enough for the service to tell that the file is too large.
        data = await file.read(caps.MAX_REFERENCE_BYTES + 1)  # type: ignore[attr-defined]
    finally:
        await file.close()  # type: ignore[attr-defined]  # Strawberry leaves the spooled file open
    stored = await references.store_upload(user, data, info.context.services.storage)
    return ImageUploadPayload(image=UploadType.from_model(stored))


async def batch_job(info: Info, id: BatchId) -> BatchJobType | None:
    user = await info.context.user()
    found = await reads.get_batch(user.id, id)
    return BatchJobType.from_model(found) if found else None


async def batch_jobs(
    info: Info,
    first: First = DEFAULT_PAGE_SIZE,
    after: After = None,
    filter: Annotated[BatchJobFilter | None, strawberry.argument(description="Narrow the list.")] = None,
) -> Connection[BatchJobType]:
    user = await info.context.user()
    page = await reads.batches_page(
        user.id,
        first=first,
        after=after,
        status=filter.status if filter else None,
        project_id=filter.project_id if filter else None,
    )
    return Connection.from_page(page, BatchJobType.from_model)


async def image_edit(
    info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The image's id.")]
) -> ImageEditType | None:
    user = await info.context.user()
    found = await reads.get_image(user.id, id)
    return ImageEditType.from_model(found) if found else None


async def uploads(info: Info, first: First = DEFAULT_PAGE_SIZE, after: After = None) -> Connection[UploadType]:
    user = await info.context.user()
    page = await housekeeping.uploads_page(user.id, first=first, after=after)
    return Connection.from_page(page, UploadType.from_model)


async def image_edit_delete(
    info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The image's id.")]
) -> ImageEditDeletePayload:
    user = await info.context.user()
    deleted = await housekeeping.delete_image(user.id, id, info.context.services.storage)
    return ImageEditDeletePayload(deleted_id=strawberry.ID(str(deleted)))


async def upload_delete(
    info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The upload's id.")]
) -> UploadDeletePayload:
    user = await info.context.user()
    deleted = await housekeeping.delete_upload(user.id, id, info.context.services.storage)
    return UploadDeletePayload(deleted_id=strawberry.ID(str(deleted)))


async def batch_progress(
    info: Info,
    batch_job_id: BatchId,
    after_seq: Annotated[
        int | None,
        strawberry.argument(
            description="Resume: the events with a higher seq, replayed in order (kind REPLAY); when they are no "
            "longer kept, the snapshot (kind SNAPSHOT, listing every delivered image)."
        ),
    ] = None,
) -> AsyncGenerator[BatchProgressEvent, None]:
    shared = info.context.shared_events
    if shared is not None:
        # One stream shared by many sockets (app/websocket): it checked each one's access (``batch_to_follow``).
        async for event in shared:
            yield BatchProgressEvent.from_event(event)
        return
    user = await info.context.user()
    batch_id = await batch_to_follow(user.id, batch_job_id)
    services = info.context.services
    async for event in follow_batch(
        services.bus,
        batch_id,
        after_seq=after_seq,
        history=services.publisher.history,
        item_concurrency=services.settings.batch_item_concurrency,
    ):
        yield BatchProgressEvent.from_event(event)


async def my_events(
    info: Info,
    after_seq: Annotated[
        int | None,
        strawberry.argument(
            description="Resume: the events with a higher `userSeq`, replayed in order (kind REPLAY); when they "
            "cannot all be replayed (no longer kept, or lost in an outage), a snapshot instead (kind SNAPSHOT: your "
            "open batches, each listing its delivered images, and your balance)."
        ),
    ] = None,
) -> AsyncGenerator[MyEvent, None]:
    user = await info.context.user()
    services = info.context.services
    async for event in follow_user(
        services.bus,
        user.id,
        after_seq=after_seq,
        history=services.publisher.user_history,
        item_concurrency=services.settings.batch_item_concurrency,
    ):
        yield my_event(event)


async def unknown_provider_outcomes(
    info: Info, first: Annotated[int, strawberry.argument(description="How many, 1-100.")] = 50
) -> list[UnknownProviderOutcomeType]:
    await info.context.admin()
    if not 1 <= first <= 100:
        raise InvalidInput("first must be between 1 and 100", ["first"])
    rows = await call_state.unknown_outcomes(limit=first)
    return [UnknownProviderOutcomeType.from_model(item, owner) for item, owner in rows]


@strawberry.type
class GenerationQueries:
    capabilities: Capabilities = strawberry.field(
        resolver=capabilities, description="Modes, sizes, limits and prices (no token needed)."
    )
    quote: QuoteType = strawberry.field(
        resolver=quote, description="What a generate request would cost, and whether your balance covers it."
    )
    batch_job: BatchJobType | None = strawberry.field(
        resolver=batch_job, description="One of your batch jobs by id; null when not found."
    )
    batch_jobs: Connection[BatchJobType] = strawberry.field(
        resolver=batch_jobs, description="Your batch jobs, newest first." + PAGE_ARGS
    )
    image_edit: ImageEditType | None = strawberry.field(
        resolver=image_edit, description="One of your images by id; null when not found."
    )
    uploads: Connection[UploadType] = strawberry.field(
        resolver=uploads, description="Your uploaded reference images, newest first." + PAGE_ARGS
    )
    unknown_provider_outcomes: list[UnknownProviderOutcomeType] = strawberry.field(
        resolver=unknown_provider_outcomes,
        description="Provider calls whose outcome is unknown (possibly billed, the images refunded), newest first, "
        "with the provider's ids (administrators only).",
    )


@strawberry.type
class GenerationMutations:
    generate: GeneratePayload = strawberry.mutation(
        resolver=generate,
        extensions=[RateLimitExtension(Budget.GENERATE), UserErrorsExtension()],
        description="Queue a generation: the quote is held now, delivered images are charged, the rest refunded.",
    )
    batch_job_cancel: BatchJobCancelPayload = strawberry.mutation(
        resolver=batch_job_cancel,
        extensions=[UserErrorsExtension()],
        description="Cancel a queued or running batch: delivered images are kept, the rest refunded.",
    )
    batch_job_retry: BatchJobRetryPayload = strawberry.mutation(
        resolver=batch_job_retry,
        extensions=[RateLimitExtension(Budget.GENERATE), UserErrorsExtension()],
        description="A new batch for the failed and cancelled images of an ended one, quoted and held as usual.",
    )
    image_upload: ImageUploadPayload = strawberry.mutation(
        resolver=image_upload,
        extensions=[RateLimitExtension(Budget.UPLOADS, bytes_budget=Budget.UPLOAD_BYTES), UserErrorsExtension()],
        description="Upload a reference image (GraphQL multipart request; send the header `X-Playground-Upload: 1`).",
    )
    image_edit_delete: ImageEditDeletePayload = strawberry.mutation(
        resolver=image_edit_delete,
        extensions=[UserErrorsExtension()],
        description=(
            "Delete one of your images and its file (and its gallery items); refused while its batch is running. "
            "The credits it cost stay charged."
        ),
    )
    upload_delete: UploadDeletePayload = strawberry.mutation(
        resolver=upload_delete,
        extensions=[UserErrorsExtension()],
        description="Delete one of your uploaded reference images and its file; refused while a running batch uses it.",
    )


SHARED_PROGRESS = SharedSubscription(field="batchProgress", batch_argument="batchJobId", after_argument="afterSeq")
"""``batchProgress`` may be shared by the socket layer (one stream per document, variables and batch)."""


@strawberry.type
class GenerationSubscriptions:
    batch_progress: AsyncGenerator[BatchProgressEvent, None] = strawberry.subscription(
        resolver=batch_progress,
        description="A batch's stored snapshot, then live events with a higher seq; completes after the last one.",
    )
    my_events: AsyncGenerator[MyEvent, None] = strawberry.subscription(
        resolver=my_events,
        description="Every batch event of yours and your balance changes, each numbered (`userSeq`); resume with "
        "`afterSeq`.",
    )
