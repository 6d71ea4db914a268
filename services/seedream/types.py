"""Provider-neutral request and result types shared by every Seedream client.

Callers build a `GenerationRequest`, hand it to any `SeedreamProvider` and get a `GenerationResult` back;
nothing
here knows about WaveSpeed's or Ark's wire formats.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, TypeAlias

JSONValue: TypeAlias = bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"] | None
JSONObject: TypeAlias = dict[str, JSONValue]


class GenerationMode(StrEnum):
    TEXT_TO_IMAGE = "TEXT_TO_IMAGE"
    EDIT = "EDIT"
    SEQUENTIAL = "SEQUENTIAL"
    EDIT_SEQUENTIAL = "EDIT_SEQUENTIAL"

    @property
    def is_set(self) -> bool:
        """A consistent set (several outputs from one call)."""
        return self in (GenerationMode.SEQUENTIAL, GenerationMode.EDIT_SEQUENTIAL)

    @property
    def needs_references(self) -> bool:
        return self in (GenerationMode.EDIT, GenerationMode.EDIT_SEQUENTIAL)


class SizeTier(StrEnum):
    """Ark's named sizes; WaveSpeed has none, so its client sends the square of the same resolution."""

    K1 = "1K"
    K2 = "2K"
    K4 = "4K"

    @property
    def square_side(self) -> int:
        return {SizeTier.K1: 1024, SizeTier.K2: 2048, SizeTier.K4: 4096}[self]


class ErrorCategory(StrEnum):
    """How a failure should be handled: retry (TRANSIENT), fail and refund (the two rejections), or alert
    (AUTH)."""

    TRANSIENT = "TRANSIENT"
    CONTENT_POLICY = "CONTENT_POLICY"
    INVALID_INPUT = "INVALID_INPUT"
    AUTH = "AUTH"


@dataclass(frozen=True, slots=True)
class ImageSize:
    width: int
    height: int

    def __str__(self) -> str:
        return f"{self.width}x{self.height}"


@dataclass(frozen=True, slots=True)
class ReferenceImage:
    """A reference image: either a URL the provider can fetch, or local bytes the client uploads or
    inlines."""

    url: str | None = None
    data: bytes | None = None
    content_type: str = "image/png"

    def __post_init__(self) -> None:
        if (self.url is None) == (self.data is None):
            raise ValueError("a reference image needs exactly one of url or data")

    @classmethod
    def from_url(cls, url: str) -> ReferenceImage:
        return cls(url=url)

    @classmethod
    def from_bytes(cls, data: bytes, content_type: str) -> ReferenceImage:
        return cls(data=data, content_type=content_type)


@dataclass(frozen=True, slots=True)
class GeneratedImage:
    """One delivered image. `data` is set when we hold the bytes, `url` when only the provider's link
    exists."""

    index: int
    width: int
    height: int
    content_type: str
    data: bytes | None = None
    url: str | None = None


ImageCallback: TypeAlias = Callable[[GeneratedImage], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Submission:
    """The provider accepted a request: its id, and whether a later call can pick the work up by that id
    (`resumable`: a WaveSpeed task can be polled; an Ark request id is only a record)."""

    id: str
    resumable: bool


SubmissionCallback: TypeAlias = Callable[[Submission], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class GenerationRequest:
    """What to generate. `max_images` only matters for set modes; `seed` is dropped by providers without
    one (and has no effect on Seedream 4.0 where it is accepted).

    `on_submitted` is awaited with the provider's task or request id as soon as it is known and before any
    poll, so the caller can store it; `resume_task_id` continues that task (poll, never submit again).
    `request_id` is the caller's id for this purchase, recorded before the request leaves: Ark receives it as
    `X-Client-Request-Id`, WaveSpeed in the webhook URL (when one is configured).
    """

    mode: GenerationMode
    prompt: str
    references: tuple[ReferenceImage, ...] = ()
    size: ImageSize | SizeTier = ImageSize(2048, 2048)
    max_images: int = 1
    seed: int | None = None
    on_image: ImageCallback | None = field(default=None, compare=False)
    on_submitted: SubmissionCallback | None = field(default=None, compare=False)
    resume_task_id: str | None = None
    request_id: str | None = None
    webhook_url: str | None = None
    """Where WaveSpeed should POST the task's outcome (names our item and request), when a public URL is set."""

    @property
    def expected_images(self) -> int:
        return self.max_images if self.mode.is_set else 1


@dataclass(frozen=True, slots=True)
class FailedSlot:
    """A slot of a set that produced no image, with the provider's code and how to treat it."""

    index: int
    code: str
    category: ErrorCategory
    message: str = ""


@dataclass(frozen=True, slots=True)
class Timings:
    inference_ms: int | None
    """What the provider reports for the model run, when it reports anything."""
    wall_ms: int
    """Our own wall time from first request to the last byte (uploads and downloads included)."""


@dataclass(frozen=True, slots=True)
class GenerationResult:
    """The outcome of one provider call. Partial sets are results: see `failed`."""

    provider: str
    images: list[GeneratedImage]
    failed: list[FailedSlot]
    timings: Timings
    raw_response: JSONObject
    """JSON-safe copy of the provider's reply (large base64 payloads elided), stored as `api_response`."""
    task_id: str | None = None


class SeedreamProvider(Protocol):
    """Anything that turns a `GenerationRequest` into a `GenerationResult` or raises a `ProviderError`."""

    @property
    def name(self) -> str: ...

    async def generate(self, request: GenerationRequest) -> GenerationResult: ...
