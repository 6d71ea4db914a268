"""Generation mutation payloads: the changed object and ``userErrors`` (empty on success)."""

from __future__ import annotations

import strawberry

from graph.core.errors import UserError
from graph.generation.types import BatchJobType, UploadType

USER_ERRORS = "Expected failures (validation, not found, credits); empty on success."


@strawberry.type(description="Result of a generate request.")
class GeneratePayload:
    batch_job: BatchJobType | None = strawberry.field(
        default=None, description="The batch, queued; `creditsReserved` is what was held."
    )
    created: bool = strawberry.field(
        default=False, description="False when the idempotency key returned an earlier batch (nothing charged)."
    )
    webhook_secret: str | None = strawberry.field(
        default=None,
        description="With `input.webhook`: the secret its deliveries are signed with (`whsec_...`), shown this once.",
    )
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of a cancel: delivered images are kept, the rest refunded.")
class BatchJobCancelPayload:
    batch_job: BatchJobType | None = strawberry.field(default=None, description="The batch, now CANCELLED.")
    kept_images: int = strawberry.field(default=0, description="Images delivered before the cancel (kept, charged).")
    refunded_images: int = strawberry.field(default=0, description="Images cancelled and refunded.")
    refunded_credits: int = strawberry.field(default=0, description="Credits returned by this cancel.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of a retry: a new batch linked to the original.")
class BatchJobRetryPayload:
    batch_job: BatchJobType | None = strawberry.field(default=None, description="The new batch.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of an image upload.")
class ImageUploadPayload:
    image: UploadType | None = strawberry.field(default=None, description="The stored reference image.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of deleting an image (its file goes; the ledger is untouched).")
class ImageEditDeletePayload:
    deleted_id: strawberry.ID | None = strawberry.field(default=None, description="Id of the deleted image.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Result of deleting an uploaded reference image.")
class UploadDeletePayload:
    deleted_id: strawberry.ID | None = strawberry.field(default=None, description="Id of the deleted upload.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=USER_ERRORS)
