"""Translation between our generation vocabulary and the provider layer's (``services.seedream``).

Our modes map onto provider request shapes, the provider's error categories onto ours, provider exceptions onto a
``Failure`` the batch loop can act on, and provider output onto bytes we can store.

It also keeps the item's record of its provider task, so nothing is bought twice: the provider's task id (and
the slots its outputs belong to) is stored through ``on_submitted`` before the first poll; a later attempt, or a
job re-delivered after a crash, resumes that task instead of submitting a new one (``call_slots``). Whether a
new purchase may be made at all is ``services.generation.call_state``'s decision.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

from models import BatchItem, BatchJob, ErrorCategory, GenerationMode, ImageEdit, Upload
from models.enums import ProviderCallState
from services.core import updates
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
    Submission,
    SubmissionCallback,
)
from services.seedream import GenerationMode as ProviderMode
from services.seedream import ReferenceImage as ProviderReference
from services.seedream.downloads import MAX_OUTPUT_BYTES, OutputTooLarge, read_capped
from services.seedream.image_decode import UndecodableImage, decode_image_off_loop
from services.seedream.wavespeed import QUEUED_TOO_LONG_CODE

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
WEBHOOK_PROVIDERS = frozenset({"wavespeed", "simulator"})
"""Providers that speak WaveSpeed's format, whose submits can carry a webhook URL."""
MAX_DOWNLOAD_BYTES = MAX_OUTPUT_BYTES
"""The one cap on a provider output, for both clients (``services.seedream.downloads``)."""
DOWNLOAD_ATTEMPTS = 2
"""Tries per output link when what came back does not decode whole (a fetch, never a new purchase)."""
DAMAGED_MESSAGE = "The image arrived damaged from the image service and could not be used. It was not charged."
DOWNLOAD_MESSAGE = "The image could not be downloaded from the image service. It was not charged."
TOO_LARGE_MESSAGE = "The image from the image service was larger than we accept. It was not charged."


@dataclass(frozen=True, slots=True)
class Failure:
    """What a failed provider call means for its images."""

    category: ErrorCategory
    code: str | None
    message: str
    retryable: bool
    retry_after: float | None = None
    """The provider's own hint, in seconds, when it gave one."""


# Long digit runs in a provider's message are account or request numbers (Ark names the operator's account):
# never shown to users.
_ACCOUNT_NUMBER = re.compile(r"\b\d{8,}\b")
_PROVIDER_REQUEST_ID = re.compile(r"(?i)\s*\(?request id:?\s*[0-9a-z-]+\)?")


def user_message(message: str) -> str:
    """A provider's message as users may read it: without account numbers or unlabelled request ids."""
    cleaned = _PROVIDER_REQUEST_ID.sub("", message)
    return " ".join(_ACCOUNT_NUMBER.sub("(account)", cleaned).split())


def failure_of(error: ProviderError) -> Failure:
    """Classify a provider exception: transient ones are retried, the rest fail the call's images at once."""
    if isinstance(error, ProviderTransient):
        return Failure(
            ErrorCategory.TRANSIENT,
            error.code,
            user_message(error.message),
            # A task given up in the provider's queue may still run and bill: never bought again, whatever the
            # operator's purchase limit.
            retryable=error.code != QUEUED_TOO_LONG_CODE,
            retry_after=error.retry_after,
        )
    if isinstance(error, ProviderRejected):
        return Failure(CATEGORY[error.category], error.code, user_message(error.message), retryable=False)
    if isinstance(error, ProviderAuthError):
        if error.status == 402 or error.code in ("AccountOverdueError", "ModelQuotaExhausted"):
            log.error("the provider account is out of balance: %r", error)  # an operator must top it up
            return Failure(
                ErrorCategory.PROVIDER_AUTH, error.code, "the provider account needs attention", retryable=False
            )
        log.error("provider refused our credentials: %r", error)  # an operator must act
        return Failure(ErrorCategory.PROVIDER_AUTH, error.code, "the provider is misconfigured", retryable=False)
    return Failure(ErrorCategory.TRANSIENT, error.code, user_message(error.message), retryable=False)


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
    on_submitted: SubmissionCallback | None = None,
    resume_task_id: str | None = None,
    request_id: str | None = None,
) -> GenerationRequest:
    """The provider request for one item: a single image, or a set of the ``open_images`` still wanted (or,
    with ``resume_task_id``, the task that already makes them)."""
    mode = PROVIDER_MODE[batch.mode]
    return GenerationRequest(
        mode=mode,
        prompt=item.prompt,
        references=references,
        size=ImageSize(batch.width, batch.height),
        max_images=open_images if mode.is_set else 1,
        seed=item.seed,
        on_image=on_image,
        on_submitted=on_submitted,
        resume_task_id=resume_task_id,
        request_id=request_id,
    )


async def call_slots(item: BatchItem, open_edits: list[ImageEdit]) -> tuple[list[ImageEdit], str | None]:
    """The images the next provider call is for, and the task to resume when one is still running.

    A stored task (WaveSpeed) is polled again: its outputs map onto the slots it was submitted for, some maybe
    settled already (settlement skips those). Otherwise the images still open are the next purchase's, if
    ``call_state`` allows one. ``item`` is as stored (the caller's copy, read at the batch's start or after a
    failed attempt).
    """
    if item.provider_task_id and item.provider_task_slots is not None:
        by_slot = {edit.slot_index: edit for edit in await ImageEdit.filter(item_id=item.id)}
        slots = [by_slot[index] for index in item.provider_task_slots if index in by_slot]
        return slots, item.provider_task_id
    return open_edits, None


def submission_recorder(item_id: uuid.UUID, slots: list[ImageEdit]) -> SubmissionCallback:
    """The ``on_submitted`` callback: stores the provider's task id on the item before any poll (the purchase
    is then made: the call is BOUGHT). An id that cannot be resumed (Ark's) is ours, recorded already."""

    async def record(submission: Submission) -> None:
        if submission.resumable:
            await updates.update(
                BatchItem,
                {"id": item_id},
                {
                    "provider_task_id": submission.id,
                    "provider_task_slots": [edit.slot_index for edit in slots],
                    "provider_call_state": ProviderCallState.BOUGHT,
                },
            )

    return record


async def call_failed(item_id: uuid.UUID, error: ProviderError) -> None:
    """Keep the task to resume when the provider still runs it; otherwise nothing is left to resume."""
    if error.resume_task_id is not None:
        return
    await BatchItem.filter(id=item_id).update(provider_task_slots=None)


async def call_settled(item_id: uuid.UUID) -> None:
    """The call's outcome is known and settled: nothing left to resume (the ids stay as a record)."""
    await BatchItem.filter(id=item_id).update(provider_task_slots=None)


async def load_references(storage: Storage, rows: list[Upload]) -> tuple[ProviderReference, ...]:
    """Our stored reference images as the provider layer takes them, in the given order."""
    return tuple([ProviderReference.from_bytes(await storage.get(row.storage_key), row.content_type) for row in rows])


@dataclass(frozen=True, slots=True)
class ImageProblem:
    """Why a delivered image cannot be used: its failure (code, message for users)."""

    code: str
    message: str


async def whole_image(
    http: httpx.AsyncClient, image: GeneratedImage
) -> tuple[bytes, tuple[int, int, str]] | ImageProblem:
    """The image's bytes and (width, height, content type) once every pixel decodes (off the event loop); a
    link is fetched again when a copy does not decode. Inline bytes that do not decode are that image's failure."""
    attempts = DOWNLOAD_ATTEMPTS if image.data is None else 1
    problem = ImageProblem("unreadable_output", DAMAGED_MESSAGE)
    for _ in range(attempts):
        try:
            data = await image_bytes(http, image)
        except OutputTooLarge:
            return ImageProblem("output_too_large", TOO_LARGE_MESSAGE)  # the same link serves the same bytes
        except (httpx.HTTPError, ProviderError) as exc:
            log.info("output download failed: %r", exc)
            problem = ImageProblem("download_failed", DOWNLOAD_MESSAGE)
            continue
        try:
            return data, await decode_image_off_loop(data)
        except UndecodableImage as exc:
            log.warning("a provider output did not decode: %s", exc)
            problem = ImageProblem("unreadable_output", DAMAGED_MESSAGE)
    return problem


async def image_bytes(http: httpx.AsyncClient, image: GeneratedImage) -> bytes:
    """The bytes of a generated image: inline, or downloaded from the provider's link (capped)."""
    if image.data is not None:
        if len(image.data) > MAX_DOWNLOAD_BYTES:
            raise OutputTooLarge("the image is larger than allowed")
        return image.data
    if image.url is None:
        raise ProviderError("the provider returned an image without data or URL", provider="unknown")
    async with http.stream("GET", image.url) as response:
        response.raise_for_status()
        return await read_capped(response, MAX_DOWNLOAD_BYTES)
