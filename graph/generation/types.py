"""Batch jobs, their provider calls, images, references and quotes as clients see them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

if TYPE_CHECKING:
    from graph.presets.types import BatchPresetUseType

from graph.core.convert import from_row, source
from graph.core.media import address_link, image_link
from graph.core.rooms import room_type
from graph.generation import loaders
from graph.generation.enums import BatchStatus, EditStatus, ErrorCategory, GenerationMode, SizeTier
from models import BatchItem, BatchJob, ImageEdit, Upload
from services.generation import reads
from services.generation.plan import Quote


@strawberry.type(description="A reference image of a generation, shaped like `ReferenceInput`.")
class ReferenceParameters:
    upload_id: strawberry.ID = strawberry.field(description="The upload (`uploads`); pass back as `uploadId`.")


@strawberry.type(description="One preset a generation applied, shaped like `PresetUseInput`.")
class PresetUseParameters:
    preset_id: strawberry.ID = strawberry.field(description="The style preset.")
    version: int | None = strawberry.field(description="The preset's version that was applied.")
    weight: float | None = strawberry.field(description="Its weight among the presets used.")
    intensity: float | None = strawberry.field(description="How strongly it was applied, 0-1.")

    @classmethod
    def from_use(cls, use: reads.PresetUse) -> PresetUseParameters:
        return from_row(cls, use)


@strawberry.type(
    description=(
        "The exact parameters that made an image, named like `GenerateInput`'s fields: pass them back as "
        "`generate(input: ...)`, unchanged or tweaked."
    )
)
class GenerateParameters:
    project_id: strawberry.ID = strawberry.field(description="The project the image belongs to.")
    mode: GenerationMode = strawberry.field(description="The generation mode.")
    prompt: str = strawberry.field(description="The prompt as the user wrote it (presets are applied at submit).")
    max_images: int | None = strawberry.field(description="Images of the set (set modes only).")
    size: str = strawberry.field(description="The size as WxH.")
    seed: int | None = strawberry.field(description="The seed of the provider call that made the image.")
    references: list[ReferenceParameters] = strawberry.field(description="The reference images, in order.")
    presets: list[PresetUseParameters] = strawberry.field(
        description="The presets applied, in order, with versions, weights and intensities."
    )

    @classmethod
    def from_remix(cls, remix: reads.RemixParameters) -> GenerateParameters:
        return from_row(
            cls, remix, references=[ReferenceParameters(upload_id=strawberry.ID(r)) for r in remix.references]
        )


@strawberry.type(
    description="Where a remixed batch came from, as the remixer saw it when remixing (kept if the origin goes)."
)
class RemixOrigin:
    image_edit_id: strawberry.ID = strawberry.field(description="The image remixed (yours, or the author's).")
    gallery_item_id: strawberry.ID | None = strawberry.field(
        description="The public gallery item it was remixed from, when it was."
    )
    author: str | None = strawberry.field(description="The author's display name, when the image was another user's.")


@strawberry.type(
    description=(
        "What you may reuse of a public image: its parameters shaped like `GenerateInput` (without the author's "
        "uploads, and with only the presets you can read); pass them to `generate` with `remixOfGalleryItemId`."
    )
)
class PublicRemixParameters:
    mode: GenerationMode = strawberry.field(description="The generation mode.")
    prompt: str = strawberry.field(description="The prompt as the author wrote it.")
    max_images: int | None = strawberry.field(description="Images of the set (set modes only).")
    size: str = strawberry.field(description="The size as WxH.")
    seed: int | None = strawberry.field(description="The seed of the call that made the image.")
    presets: list[PresetUseParameters] = strawberry.field(description="The presets you can read, in order.")
    references_left_out: int = strawberry.field(
        description="The author's reference images, not reusable (edit modes need your own)."
    )
    presets_left_out: int = strawberry.field(description="Presets the image used that you cannot read.")

    @classmethod
    def from_public(
        cls, remix: reads.RemixParameters, references_left_out: int, presets_left_out: int
    ) -> PublicRemixParameters:
        return from_row(cls, remix, references_left_out=references_left_out, presets_left_out=presets_left_out)


@strawberry.type(name="ImageEdit", description="One requested image: its inputs, outcome and where to load it.")
class ImageEditType:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    batch_job_id: strawberry.ID | None = strawberry.field(description="The batch that made it.")
    project_id: strawberry.ID = strawberry.field(description="The project it belongs to.")
    batch_index: int = strawberry.field(description="Position in the batch, from 0.")
    mode: GenerationMode = strawberry.field(description="How it was generated.")
    prompt: str = strawberry.field(description="The prompt as the user wrote it.")
    final_prompt: str | None = strawberry.field(description="The prompt sent to the provider (presets applied).")
    style_name: str | None = strawberry.field(description="The style preset applied, if any.")
    source_images: list[str] = strawberry.field(description="Links to the reference images used (expire like `url`).")
    size: str = strawberry.field(description="Requested size as WxH.")
    seed: int | None = strawberry.field(description="Seed sent to the provider, when it takes one.")
    status: EditStatus = strawberry.field(description="PENDING, RUNNING, SUCCEEDED, FAILED or CANCELLED.")
    url: str | None = strawberry.field(
        description="A link to the image, once delivered: it works for `MEDIA_LINK_SECONDS` (see the README); read "
        "it again for a fresh one."
    )
    width: int | None = strawberry.field(description="Actual width in pixels.")
    height: int | None = strawberry.field(description="Actual height in pixels.")
    content_type: str | None = strawberry.field(description="MIME type of the stored image.")
    size_bytes: int | None = strawberry.field(description="Stored size in bytes.")
    processing_time_ms: int | None = strawberry.field(description="Provider time for the call that made it.")
    error_category: ErrorCategory | None = strawberry.field(description="Why it failed, when it did.")
    error_code: str | None = strawberry.field(description="The provider's own code, when it gave one.")
    error_message: str | None = strawberry.field(description="What went wrong, for people.")
    credits: int = strawberry.field(description="Credits for this image (captured if delivered, else refunded).")
    created_at: datetime = strawberry.field(description="When it was requested.")
    _model: strawberry.Private[ImageEdit]

    @strawberry.field(  # type: ignore[untyped-decorator]
        description="The parameters that made this image, shaped like `GenerateInput`: resubmit or tweak them."
    )
    async def remix(self, info: strawberry.Info) -> GenerateParameters:
        edit = self._model
        batch = await loaders.batch_by_id.on(info).load(edit.batch_job_id) if edit.batch_job_id else None
        item = await loaders.item_by_id.on(info).load(edit.item_id) if edit.item_id else None
        return GenerateParameters.from_remix(reads.remix_of(edit, batch, item))

    @classmethod
    def from_model(cls, edit: ImageEdit) -> ImageEditType:
        return from_row(
            cls,
            edit,
            source_images=[address_link(address) or "" for address in edit.source_images],
            url=image_link(edit.image_key) if edit.image_url else None,
        )


@strawberry.type(name="BatchItem", description="One provider call of a batch: a single image or a whole set.")
class BatchItemType:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    item_index: int = strawberry.field(description="Position in the batch, from 0.")
    prompt: str = strawberry.field(description="The prompt sent to the provider (style preset applied).")
    max_images: int = strawberry.field(description="Images asked of this call.")
    status: EditStatus = strawberry.field(description="PENDING, RUNNING, SUCCEEDED (all delivered) or FAILED.")
    attempts: int = strawberry.field(description="Provider calls made (transient failures are retried).")
    error_category: ErrorCategory | None = strawberry.field(description="Why it failed, when it did.")
    error_message: str | None = strawberry.field(description="What went wrong, for people.")
    processing_time_ms: int | None = strawberry.field(description="Wall time of the successful call.")
    retried_from_item_id: strawberry.ID | None = strawberry.field(description="The item this one retries.")

    @classmethod
    def from_model(cls, item: BatchItem) -> BatchItemType:
        return from_row(cls, item)


@strawberry.type(
    name="UnknownProviderOutcome",
    description="A provider call whose outcome is unknown: sent, possibly billed, no reply said what it made "
    "(administrators). Look the ids up at the provider.",
)
class UnknownProviderOutcomeType:
    item_id: strawberry.ID = strawberry.field(description="The batch item that made the call.")
    batch_job_id: strawberry.ID = strawberry.field(description="Its batch job.")
    owner_id: strawberry.ID = strawberry.field(description="The user the batch belongs to.")
    provider: str | None = strawberry.field(description="The provider called (wavespeed, ark, simulator).")
    request_id: str | None = strawberry.field(
        description="Our id of the request (Ark: the X-Client-Request-Id header; WaveSpeed: in the webhook URL)."
    )
    task_id: str | None = strawberry.field(description="The provider's task id, when it gave one (WaveSpeed).")
    attempt: int = strawberry.field(description="The attempt that made the call.")
    purchases: int = strawberry.field(description="Calls of this item that may have been billed.")
    unknown_at: datetime | None = strawberry.field(description="When the outcome became unknown.")
    item_status: EditStatus = strawberry.field(description="Where the item stands now.")
    note: str | None = strawberry.field(description="One line per unknown call: when, which ids, and why.")

    @classmethod
    def from_model(cls, item: BatchItem, owner_id: uuid.UUID) -> UnknownProviderOutcomeType:
        return cls(
            item_id=strawberry.ID(str(item.id)),
            batch_job_id=strawberry.ID(str(item.batch_job_id)),
            owner_id=strawberry.ID(str(owner_id)),
            provider=item.provider_name,
            request_id=item.provider_request_id,
            task_id=item.provider_task_id,
            attempt=item.provider_call_attempt,
            purchases=item.provider_purchases,
            unknown_at=item.provider_unknown_at,
            item_status=item.status,
            note=item.outcome_unknown,
        )


@strawberry.type(name="BatchJob", description="One generate request: its images, provider calls and credits.")
class BatchJobType:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    project_id: strawberry.ID = strawberry.field(description="The project it belongs to.")
    mode: GenerationMode = strawberry.field(description="The generation mode.")
    status: BatchStatus = strawberry.field(description="Where the batch stands.")
    prompts: list[str] = strawberry.field(description="The prompts as the user wrote them.")
    width: int = strawberry.field(description="Requested width.")
    height: int = strawberry.field(description="Requested height.")
    size_tier: SizeTier = strawberry.field(description="Price tier of the size.")
    total_images: int = strawberry.field(description="Images requested.")
    completed_images: int = strawberry.field(description="Images delivered.")
    failed_images: int = strawberry.field(description="Images that failed (cancelled ones not included).")
    credits_reserved: int = strawberry.field(description="Credits held at submit (the full quote).")
    credits_captured: int = strawberry.field(description="Credits charged for delivered images.")
    credits_refunded: int = strawberry.field(description="Credits returned for images not delivered.")
    credits_held: int = strawberry.field(description="Credits still on hold (0 once the batch ended).")
    retried_from_id: strawberry.ID | None = strawberry.field(description="The batch this one retries.")
    remixed_from: RemixOrigin | None = strawberry.field(description="The image this batch remixes, when it does.")
    style_preset_id: strawberry.ID | None = strawberry.field(description="The lead style preset applied, if any.")
    idempotency_key: str | None = strawberry.field(description="The client's idempotency key, if sent.")
    parameters: strawberry.scalars.JSON = strawberry.field(description="Size, tier, references and preset settings.")
    error_message: str | None = strawberry.field(description="Why the whole batch failed, if it did.")
    created_at: datetime = strawberry.field(description="Submission time.")
    started_at: datetime | None = strawberry.field(description="When a worker started it.")
    finished_at: datetime | None = strawberry.field(description="When it ended.")
    _model: strawberry.Private[BatchJob]

    @strawberry.field(description="Every requested image, in batch order.")  # type: ignore[untyped-decorator]
    async def images(self, info: strawberry.Info) -> list[ImageEditType]:
        edits = await loaders.images_by_batch.on(info).load(self._model.id)
        return [ImageEditType.from_model(edit) for edit in edits]

    @strawberry.field(description="The presets it used: exact versions, weights and intensities, lead first.")  # type: ignore[untyped-decorator]
    async def presets_used(
        self, info: strawberry.Info
    ) -> list[Annotated[BatchPresetUseType, strawberry.lazy("graph.presets.types")]]:
        use_type: type[BatchPresetUseType] = room_type("graph.presets.types", "BatchPresetUseType")
        uses = await loaders.preset_uses.on(info).load(self._model.id)
        return [use_type.from_model(use) for use in uses]

    @strawberry.field(description="The provider calls, in order.")  # type: ignore[untyped-decorator]
    async def items(self, info: strawberry.Info) -> list[BatchItemType]:
        rows = await loaders.items_by_batch.on(info).load(self._model.id)
        return [BatchItemType.from_model(row) for row in rows]

    @classmethod
    def from_model(cls, batch: BatchJob) -> BatchJobType:
        held = batch.credits_reserved - batch.credits_captured - batch.credits_refunded
        origin = (
            RemixOrigin(
                image_edit_id=strawberry.ID(str(batch.remixed_from_image_id)),
                gallery_item_id=strawberry.ID(str(batch.remixed_from_item_id)) if batch.remixed_from_item_id else None,
                author=batch.remixed_from_author,
            )
            if batch.remixed_from_image_id
            else None
        )
        return from_row(cls, batch, credits_held=held, remixed_from=origin)


@strawberry.type(name="ReferenceImage", description="An image you uploaded (or we fetched) to use as a reference.")
class UploadType:
    id: strawberry.ID = strawberry.field(description="Pass it as `references: [{uploadId: ...}]`.")
    url: str = strawberry.field(description="A link to it, which expires like `ImageEdit.url`.")
    width: int = strawberry.field(description="Width in pixels.")
    height: int = strawberry.field(description="Height in pixels.")
    content_type: str = strawberry.field(description="MIME type, sniffed from the bytes.")
    size_bytes: int = strawberry.field(description="Size in bytes.")
    created_at: datetime = strawberry.field(description="Upload time.")

    @classmethod
    def from_model(cls, image: Upload) -> UploadType:
        return from_row(cls, image, url=image_link(image.storage_key) or "")


@strawberry.type(name="Quote", description="What a generate request would cost.")
class QuoteType:
    total_images: int = strawberry.field(description="Images it asks for (sets count at their maxImages).")
    provider_calls: int = strawberry.field(description="Provider calls it makes.")
    width: int = strawberry.field(description="Resolved width.")
    height: int = strawberry.field(description="Resolved height.")
    size_tier: SizeTier = strawberry.field(description="Price tier of the size.", metadata=source("tier"))
    credits_per_image: int = strawberry.field(
        description="Price of one delivered image.", metadata=source("price_per_image")
    )
    total_credits: int = strawberry.field(description="Held at submit; images not delivered are refunded.")
    balance: int = strawberry.field(description="Your spendable balance now.")
    covered: bool = strawberry.field(description="Whether the balance covers the total.")

    @classmethod
    def from_quote(cls, quoted: Quote) -> QuoteType:
        plan = quoted.plan
        return from_row(cls, plan, provider_calls=len(plan.items), balance=quoted.balance, covered=quoted.covered)
