"""Generation: quote, generate, cancel, retry, uploads, and reading batches and images."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry.file_uploads import Upload

from graph.arguments import After, First
from graph.context import Context
from graph.inputs.generation import BatchJobFilter, GenerateInput
from graph.types.batches import (
    BatchJobType,
    BatchProgressEvent,
    CreditBalanceEvent,
    ImageEditType,
    MyEvent,
    Quote,
    ReferenceImageType,
)
from graph.types.connections import Connection
from graph.types.payloads import BatchJobCancelPayload, BatchJobRetryPayload, GeneratePayload, ImageUploadPayload
from services import generation, progress
from services.capabilities import MAX_REFERENCE_BYTES
from services.errors import InvalidInput, NotFound
from services.pagination import DEFAULT_PAGE_SIZE

Info = strawberry.Info[Context, None]
BatchId = Annotated[strawberry.ID, strawberry.argument(description="The batch job's id.")]
Input = Annotated[GenerateInput, strawberry.argument(description="What to generate.")]


def to_request(input: GenerateInput) -> generation.GenerateRequest:
    if input.prompt is not None and input.prompts is not None:
        raise InvalidInput("give prompt or prompts, not both", ["input", "prompts"])
    prompts = input.prompts if input.prompts is not None else ([input.prompt] if input.prompt is not None else [])
    return generation.GenerateRequest(
        project_id=input.project_id,
        mode=input.mode,
        prompts=prompts,
        count=input.count,
        max_images=input.max_images,
        size=input.size,
        aspect_ratio=input.aspect_ratio,
        resolution=input.resolution,
        references=[
            generation.ReferenceSpec(
                upload_id=ref.upload_id if ref.upload_id is not strawberry.UNSET else None,
                url=ref.url if ref.url is not strawberry.UNSET else None,
            )
            for ref in input.references or []
        ],
        style_preset_id=input.style_preset_id,
        style_intensity=input.style_intensity,
        seed=input.seed,
        idempotency_key=input.idempotency_key,
    )


def quote_type(quoted: generation.Quote) -> Quote:
    plan = quoted.plan
    return Quote(
        total_images=plan.total_images,
        provider_calls=len(plan.items),
        width=plan.width,
        height=plan.height,
        size_tier=plan.tier,
        credits_per_image=plan.price_per_image,
        total_credits=plan.total_credits,
        balance=quoted.balance,
        covered=quoted.covered,
    )


async def quote(info: Info, input: Input) -> Quote:
    user = await info.context.user()
    quoted = await generation.quote(user, to_request(input), info.context.services.settings)
    return quote_type(quoted)


async def generate(info: Info, input: Input) -> GeneratePayload:
    user = await info.context.user()
    runtime = info.context.services.runtime
    submitted = await generation.submit(
        user,
        to_request(input),
        settings=runtime.settings,
        storage=runtime.storage,
        http=runtime.http,
        queue=runtime.queue,
        publisher=runtime.publisher,
    )
    batch = submitted.batch
    return GeneratePayload(batch_job=BatchJobType.from_model(batch), created=submitted.created)


async def batch_job_cancel(info: Info, id: BatchId) -> BatchJobCancelPayload:
    user = await info.context.user()
    runtime = info.context.services.runtime
    outcome = await generation.cancel(user, id, queue=runtime.queue, publisher=runtime.publisher)
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
    runtime = info.context.services.runtime
    batch = await generation.retry(
        user,
        id,
        only_failed=only_failed,
        settings=runtime.settings,
        queue=runtime.queue,
        publisher=runtime.publisher,
    )
    return BatchJobRetryPayload(batch_job=BatchJobType.from_model(batch))


async def image_upload(
    info: Info, file: Annotated[Upload, strawberry.argument(description="A PNG, JPEG or WebP image, up to 10 MiB.")]
) -> ImageUploadPayload:
    user = await info.context.user()
    try:
        data = await file.read(MAX_REFERENCE_BYTES + 1)  # type: ignore[attr-defined]
    finally:
        await file.close()  # type: ignore[attr-defined]  # Strawberry leaves the spooled file open
    if len(data) > MAX_REFERENCE_BYTES:
        raise InvalidInput(f"images are at most {MAX_REFERENCE_BYTES} bytes", ["file"])
    stored = await generation.store_reference(user, data, info.context.services.runtime.storage)
    return ImageUploadPayload(image=ReferenceImageType.from_model(stored))


async def batch_job(info: Info, id: BatchId) -> BatchJobType | None:
    user = await info.context.user()
    found = await generation.get_owned(user.id, id)
    return BatchJobType.from_model(found) if found else None


async def batch_jobs(
    info: Info,
    first: First = DEFAULT_PAGE_SIZE,
    after: After = None,
    filter: Annotated[BatchJobFilter | None, strawberry.argument(description="Narrow the list.")] = None,
) -> Connection[BatchJobType]:
    user = await info.context.user()
    page = await generation.list_page(
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
    found = await generation.get_edit(user.id, id)
    return ImageEditType.from_model(found) if found else None


async def batch_progress(
    info: Info,
    batch_job_id: BatchId,
    after_seq: Annotated[
        int | None, strawberry.argument(description="Resume: only events with a higher seq (no snapshot).")
    ] = None,
) -> AsyncGenerator[BatchProgressEvent, None]:
    user = await info.context.user()
    batch = await generation.get_owned(user.id, batch_job_id)
    if batch is None:
        raise NotFound("batch job not found", ["batchJobId"])
    runtime = info.context.services.runtime
    async for event in progress.follow_batch(
        runtime.bus, batch.id, after_seq=after_seq, item_concurrency=runtime.settings.batch_item_concurrency
    ):
        yield BatchProgressEvent.from_event(event)


async def my_events(info: Info) -> AsyncGenerator[MyEvent, None]:
    user = await info.context.user()
    runtime = info.context.services.runtime
    async for event in progress.follow_user(
        runtime.bus, user.id, item_concurrency=runtime.settings.batch_item_concurrency
    ):
        if event.get("type") == "credits":
            yield CreditBalanceEvent(balance=event["balance"])
        else:
            yield BatchProgressEvent.from_event(event)
