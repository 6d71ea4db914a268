"""Translation between our generation vocabulary and the provider layer's (``services.seedream``).

Our modes map onto provider request shapes, the provider's error categories onto ours, provider exceptions onto a
``Failure`` the batch loop can act on, and provider output onto bytes we can store.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

from models import BatchItem, BatchJob, ErrorCategory, GenerationMode, ReferenceImage
from services.infra.storage import Storage
from services.seedream import ErrorCategory as ProviderCategory
from services.seedream import (
    GeneratedImage,
    GenerationRequest,
    ImageSize,
    ProviderAuthError,
    ProviderError,
    ProviderRejected,
    ProviderTransient,
)
from services.seedream import GenerationMode as ProviderMode
from services.seedream import ReferenceImage as ProviderReference

log = logging.getLogger(__name__)

PROVIDER_MODE = {
    GenerationMode.TEXT_TO_IMAGE: ProviderMode.TEXT_TO_IMAGE,
    GenerationMode.EDIT: ProviderMode.EDIT,
    GenerationMode.MULTI_REFERENCE: ProviderMode.EDIT,
    GenerationMode.SEQUENTIAL: ProviderMode.SEQUENTIAL,
    GenerationMode.EDIT_SEQUENTIAL: ProviderMode.EDIT_SEQUENTIAL,
}
CATEGORY = {
    ProviderCategory.TRANSIENT: ErrorCategory.TRANSIENT,
    ProviderCategory.CONTENT_POLICY: ErrorCategory.CONTENT_POLICY,
    ProviderCategory.INVALID_INPUT: ErrorCategory.INVALID_INPUT,
    ProviderCategory.AUTH: ErrorCategory.PROVIDER_AUTH,
}
MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Failure:
    """What a failed provider call means for its images."""

    category: ErrorCategory
    code: str | None
    message: str
    retryable: bool
    retry_after: float | None = None
    """The provider's own hint, in seconds, when it gave one."""


def failure_of(error: ProviderError) -> Failure:
    """Classify a provider exception: transient ones are retried, the rest fail the call's images at once."""
    if isinstance(error, ProviderTransient):
        return Failure(
            ErrorCategory.TRANSIENT, error.code, error.message, retryable=True, retry_after=error.retry_after
        )
    if isinstance(error, ProviderRejected):
        return Failure(CATEGORY[error.category], error.code, error.message, retryable=False)
    if isinstance(error, ProviderAuthError):
        log.error("provider refused our credentials: %r", error)  # an operator must act
        return Failure(ErrorCategory.PROVIDER_AUTH, error.code, "the provider is misconfigured", retryable=False)
    return Failure(ErrorCategory.TRANSIENT, error.code, error.message, retryable=False)


def failed_slot_category(category: ProviderCategory | None) -> ErrorCategory:
    """Our category for one image of a set that the provider did not deliver."""
    return CATEGORY[category] if category is not None else ErrorCategory.TRANSIENT


def generation_request(
    batch: BatchJob,
    item: BatchItem,
    references: tuple[ProviderReference, ...],
    *,
    open_images: int,
    on_image: Callable[[GeneratedImage], Awaitable[None]],
) -> GenerationRequest:
    """The provider request for one item: a single image, or a set of the ``open_images`` still wanted."""
    mode = PROVIDER_MODE[batch.mode]
    return GenerationRequest(
        mode=mode,
        prompt=item.prompt,
        references=references,
        size=ImageSize(batch.width, batch.height),
        max_images=open_images if mode.is_set else 1,
        seed=item.seed,
        on_image=on_image,
    )


async def load_references(storage: Storage, rows: list[ReferenceImage]) -> tuple[ProviderReference, ...]:
    """Our stored reference images as the provider layer takes them, in the given order."""
    return tuple([ProviderReference.from_bytes(await storage.get(row.storage_key), row.content_type) for row in rows])


async def image_bytes(http: httpx.AsyncClient, image: GeneratedImage) -> bytes:
    """The bytes of a generated image: inline, or downloaded from the provider's link (capped)."""
    if image.data is not None:
        return image.data
    if image.url is None:
        raise ProviderError("the provider returned an image without data or URL", provider="unknown")
    chunks: list[bytes] = []
    size = 0
    async with http.stream("GET", image.url) as response:
        response.raise_for_status()
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > MAX_DOWNLOAD_BYTES:
                raise ProviderError("provider image too large", provider="unknown")
            chunks.append(chunk)
    return b"".join(chunks)
