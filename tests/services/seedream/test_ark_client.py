from __future__ import annotations

import base64
from collections.abc import Callable

import pytest

from services.seedream import (
    ArkClient,
    ErrorCategory,
    GeneratedImage,
    GenerationMode,
    GenerationRequest,
    ImageSize,
    ProviderAuthError,
    ProviderRejected,
    ProviderTransient,
    ReferenceImage,
    SizeTier,
)
from services.seedream.simulator import RecordedRequest
from services.seedream.simulator.validation import ARK_TIER_SHAPES
from tests.services.seedream.conftest import decoded_size, png_bytes

Sent = Callable[[str], list[RecordedRequest]]
Build = Callable[..., ArkClient]
PATH = "/api/v3/images/generations"


async def test_text_to_image_body_and_b64_result(ark: Build, sent: Sent) -> None:
    result = await ark().generate(
        GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "a harbour", size=ImageSize(1280, 960), seed=42)
    )

    (request,) = sent(PATH)
    assert request.headers["authorization"] == "Bearer simulator"
    assert request.body == {
        "model": "seedream-4-0-250828",
        "prompt": "a harbour",
        "size": "1280x960",
        "response_format": "b64_json",
        "watermark": False,
        "sequential_image_generation": "disabled",
        "seed": 42,
    }
    (image,) = result.images
    assert image.data is not None
    assert decoded_size(image.data) == (1280, 960)
    assert (image.width, image.height) == (1280, 960)
    data = result.raw_response["data"]
    assert isinstance(data, list)
    assert isinstance(data[0], dict)
    assert str(data[0]["b64_json"]).startswith("<elided ")
    assert result.raw_response["usage"] == {
        "generated_images": 1,
        "output_tokens": 1280 * 960 // 256,
        "total_tokens": 1280 * 960 // 256,
    }


async def test_url_output_tier_size_and_watermark_setting(ark: Build, sent: Sent) -> None:
    result = await ark(response_format="url", watermark=True).generate(
        GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "tiered", size=SizeTier.K1)
    )

    body = sent(PATH)[0].body
    assert (body["size"], body["response_format"], body["watermark"]) == ("1K", "url", True)
    assert "seed" not in body
    (image,) = result.images
    assert image.data is None
    assert image.url is not None
    # A tier lets the model pick the aspect: the size comes from the reply (`data[].size`), not the request.
    assert (image.width, image.height) == (1248, 832)
    assert (image.width, image.height) in ARK_TIER_SHAPES["1K"]


async def test_edit_inlines_local_reference_as_data_url(ark: Build, sent: Sent) -> None:
    reference = png_bytes()
    await ark().generate(
        GenerationRequest(
            GenerationMode.EDIT,
            "edit",
            references=(ReferenceImage.from_bytes(reference, "image/png"),),
            size=ImageSize(1024, 1024),
        )
    )

    image = sent(PATH)[0].body["image"]
    assert image == "data:image/png;base64," + base64.b64encode(reference).decode()


async def test_edit_sequential_sends_auto_and_options(ark: Build, sent: Sent) -> None:
    references = (
        ReferenceImage.from_url("https://x.test/1.png"),
        ReferenceImage.from_url("https://x.test/2.png"),
    )
    result = await ark().generate(
        GenerationRequest(
            GenerationMode.EDIT_SEQUENTIAL,
            "set",
            references=references,
            size=ImageSize(1024, 1024),
            max_images=3,
        )
    )

    body = sent(PATH)[0].body
    assert body["image"] == ["https://x.test/1.png", "https://x.test/2.png"]
    assert body["sequential_image_generation"] == "auto"
    assert body["sequential_image_generation_options"] == {"max_images": 3}
    assert [image.index for image in result.images] == [0, 1, 2]


async def test_partial_set_keeps_other_images(ark: Build) -> None:
    result = await ark().generate(
        GenerationRequest(GenerationMode.SEQUENTIAL, "[[partial:1]] set", size=ImageSize(1024, 1024), max_images=3)
    )

    assert [image.index for image in result.images] == [0, 1]
    assert [(slot.index, slot.code, slot.category) for slot in result.failed] == [
        (2, "OutputImageSensitiveContentDetected", ErrorCategory.CONTENT_POLICY)
    ]


async def test_stream_delivers_image_by_image(ark: Build, sent: Sent) -> None:
    seen: list[GeneratedImage] = []

    async def on_image(image: GeneratedImage) -> None:
        seen.append(image)

    result = await ark(stream=True).generate(
        GenerationRequest(
            GenerationMode.SEQUENTIAL,
            "[[partial:1]] stream",
            size=ImageSize(1024, 1024),
            max_images=4,
            on_image=on_image,
        )
    )

    assert sent(PATH)[0].body["stream"] is True
    assert [image.index for image in seen] == [0, 1, 2]
    assert seen == result.images
    assert [slot.index for slot in result.failed] == [3]
    events = result.raw_response["events"]
    assert isinstance(events, list)
    assert [event["type"] for event in events if isinstance(event, dict)] == [
        *["image_generation.partial_succeeded"] * 3,
        "image_generation.partial_failed",
        "image_generation.completed",
    ]


async def test_stream_validation_error_is_plain_json(ark: Build) -> None:
    with pytest.raises(ProviderRejected) as caught:
        await ark(stream=True).generate(
            GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "bad", size=ImageSize(100, 100))
        )

    assert (caught.value.status, caught.value.code) == (400, "InvalidParameter")


@pytest.mark.parametrize(
    ("options", "prompt", "error", "status", "code"),
    [
        ({"api_key": "wrong"}, "x", ProviderAuthError, 401, "AuthenticationError"),
        ({"model": "seedream-9"}, "x", ProviderAuthError, 404, "InvalidEndpointOrModel.NotFound"),
        ({}, "[[fail:429]]", ProviderTransient, 429, "RateLimitExceeded.EndpointRPMExceeded"),
        ({}, "[[fail:500]]", ProviderTransient, 500, "InternalServiceError"),
        ({}, "[[fail:policy]]", ProviderRejected, 400, "InputTextSensitiveContentDetected"),
    ],
)
async def test_error_mapping(
    ark: Build, options: dict[str, str], prompt: str, error: type[Exception], status: int, code: str
) -> None:
    with pytest.raises(error) as caught:
        await ark(**options).generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, prompt))

    assert isinstance(caught.value, ProviderAuthError | ProviderTransient | ProviderRejected)
    assert (caught.value.status, caught.value.code) == (status, code)
    if status == 429:
        assert isinstance(caught.value, ProviderTransient)
        assert caught.value.retry_after == 2.0
    if code == "InputTextSensitiveContentDetected":
        assert isinstance(caught.value, ProviderRejected)
        assert caught.value.category is ErrorCategory.CONTENT_POLICY


async def test_too_many_references_and_refs_plus_outputs(ark: Build) -> None:
    fifteen = tuple(ReferenceImage.from_url(f"https://x.test/{index}.png") for index in range(15))
    with pytest.raises(ProviderRejected) as too_many:
        await ark().generate(GenerationRequest(GenerationMode.EDIT, "refs", references=fifteen))
    assert too_many.value.category is ErrorCategory.INVALID_INPUT
    assert "at most 14" in too_many.value.message

    with pytest.raises(ProviderRejected) as over_budget:
        await ark().generate(
            GenerationRequest(GenerationMode.EDIT_SEQUENTIAL, "refs", references=fifteen[:10], max_images=6)
        )
    assert "must not exceed 15" in over_budget.value.message


async def test_request_timeout_is_transient(ark: Build) -> None:
    with pytest.raises(ProviderTransient) as caught:
        await ark(request_timeout_s=0.3).generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "[[fail:timeout]]"))

    assert caught.value.code == "timeout"
