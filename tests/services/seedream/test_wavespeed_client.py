from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from services.seedream import (
    ErrorCategory,
    GeneratedImage,
    GenerationMode,
    GenerationRequest,
    ImageSize,
    ProviderAuthError,
    ProviderDeadlineExceeded,
    ProviderRejected,
    ProviderTransient,
    ReferenceImage,
    SizeTier,
    WaveSpeedClient,
)
from services.seedream.simulator import RecordedRequest, SimulatorServer
from tests.services.seedream.conftest import decoded_size, png_bytes

Sent = Callable[[str], list[RecordedRequest]]
Build = Callable[..., WaveSpeedClient]
T2I = "/api/v3/bytedance/seedream-v4"


async def test_text_to_image_polls_and_downloads_url_output(wavespeed: Build, sent: Sent) -> None:
    client = wavespeed(base64_output=False)

    result = await client.generate(
        GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "a lighthouse", size=ImageSize(1024, 1536), seed=7)
    )

    assert [(image.index, image.width, image.height) for image in result.images] == [(0, 1024, 1536)]
    image = result.images[0]
    assert image.data is not None
    assert decoded_size(image.data) == (1024, 1536)
    assert image.content_type == "image/jpeg"
    assert result.failed == []
    assert result.task_id is not None
    assert len(result.task_id) == 32
    assert result.raw_response["status"] == "completed"
    assert result.timings.wall_ms >= 0
    assert result.timings.inference_ms is not None
    (submit,) = sent(T2I)
    assert submit.headers["authorization"] == "Bearer simulator"
    # WaveSpeed has no seed: it must not be sent, and nothing but documented fields is.
    assert submit.body == {"prompt": "a lighthouse", "size": "1024*1536"}
    assert sent(f"/api/v3/predictions/{result.task_id}/result")


async def test_base64_output_is_decoded_and_raw_response_elides_it(wavespeed: Build, sent: Sent) -> None:
    result = await wavespeed(base64_output=True).generate(
        GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "bare base64", size=ImageSize(1024, 1024))
    )

    (submit,) = sent(T2I)
    assert submit.body == {"prompt": "bare base64", "size": "1024*1024", "enable_base64_output": True}
    assert result.images[0].data is not None
    assert decoded_size(result.images[0].data) == (1024, 1024)
    outputs = result.raw_response["outputs"]
    assert isinstance(outputs, list)
    assert str(outputs[0]).startswith("<elided ")


async def test_size_tier_becomes_a_square(wavespeed: Build, sent: Sent) -> None:
    await wavespeed().generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "tier", size=SizeTier.K1))

    assert sent(T2I)[0].body["size"] == "1024*1024"


async def test_edit_uploads_local_reference_and_passes_urls(
    wavespeed: Build, sent: Sent, simulator: SimulatorServer
) -> None:
    reference = png_bytes()
    request = GenerationRequest(
        GenerationMode.EDIT,
        "make it blue",
        references=(
            ReferenceImage.from_bytes(reference, "image/png"),
            ReferenceImage.from_url("https://x.test/a.png"),
        ),
        size=ImageSize(1024, 1024),
    )

    result = await wavespeed().generate(request)

    (upload,) = sent("/api/v3/media/upload/binary")
    assert upload.body == {"file": {"filename": "reference.png", "content_type": "image/png", "size": len(reference)}}
    (submit,) = sent(T2I + "/edit")
    uploaded_url, external_url = submit.body["images"]
    assert uploaded_url.startswith(f"{simulator.base_url}/media/")
    assert external_url == "https://x.test/a.png"
    assert set(submit.body) == {"prompt", "size", "images"}
    assert len(result.images) == 1


@pytest.mark.parametrize(
    ("mode", "path", "references"),
    [
        (GenerationMode.SEQUENTIAL, T2I + "/sequential", ()),
        (
            GenerationMode.EDIT_SEQUENTIAL,
            T2I + "/edit-sequential",
            (ReferenceImage.from_url("https://x.test/r.png"),),
        ),
    ],
)
async def test_sets_send_max_images_and_call_back_per_image(
    wavespeed: Build, sent: Sent, mode: GenerationMode, path: str, references: tuple[ReferenceImage, ...]
) -> None:
    seen: list[int] = []

    async def on_image(image: GeneratedImage) -> None:
        seen.append(image.index)

    result = await wavespeed().generate(
        GenerationRequest(
            mode, "a set", references=references, size=ImageSize(1024, 1024), max_images=3, on_image=on_image
        )
    )

    assert sent(path)[0].body["max_images"] == 3
    assert [image.index for image in result.images] == [0, 1, 2]
    assert seen == [0, 1, 2]
    assert len({image.data for image in result.images}) == 3


async def test_partial_set_reports_missing_slots(wavespeed: Build) -> None:
    result = await wavespeed().generate(
        GenerationRequest(
            GenerationMode.SEQUENTIAL, "[[partial:2]] four panels", size=ImageSize(1024, 1024), max_images=4
        )
    )

    assert [image.index for image in result.images] == [0, 1]
    assert [(slot.index, slot.code, slot.category) for slot in result.failed] == [
        (2, "missing_output", ErrorCategory.TRANSIENT),
        (3, "missing_output", ErrorCategory.TRANSIENT),
    ]


async def test_sync_mode_answers_without_polling(wavespeed: Build, sent: Sent) -> None:
    result = await wavespeed(sync_mode=True).generate(
        GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "sync fast", size=ImageSize(1024, 1024))
    )

    assert sent(T2I)[0].body["enable_sync_mode"] is True
    assert sent(f"/api/v3/predictions/{result.task_id}/result") == []
    assert len(result.images) == 1


async def test_sync_mode_falls_back_to_polling_after_5004(wavespeed: Build, sent: Sent) -> None:
    # The simulator holds sync requests 0.5 s; this task takes 0.8 s, so the submit answers 5004 first.
    result = await wavespeed(sync_mode=True).generate(
        GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "[[delay:0.8]] slow", size=ImageSize(1024, 1024))
    )

    assert len(result.images) == 1
    assert sent(f"/api/v3/predictions/{result.task_id}/result")


async def test_deadline_expiry_raises_with_task_id(wavespeed: Build) -> None:
    started = time.monotonic()
    with pytest.raises(ProviderDeadlineExceeded) as caught:
        await wavespeed(deadline_s=0.4).generate(
            GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "[[fail:timeout]]", size=ImageSize(1024, 1024))
        )

    assert caught.value.task_id is not None
    assert isinstance(caught.value, ProviderTransient)
    assert time.monotonic() - started < 2


async def test_bad_key_is_an_auth_error(wavespeed: Build) -> None:
    with pytest.raises(ProviderAuthError) as caught:
        await wavespeed(api_key="nope").generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "x"))

    assert caught.value.status == 401
    assert caught.value.code == "401"


async def test_configured_extra_key_is_accepted(wavespeed: Build) -> None:
    result = await wavespeed(api_key="second-key").generate(
        GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "second key", size=ImageSize(1024, 1024))
    )
    assert len(result.images) == 1


async def test_rate_limit_is_transient_without_a_retry_after(wavespeed: Build) -> None:
    with pytest.raises(ProviderTransient) as caught:
        await wavespeed().generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "[[fail:429]]"))

    assert caught.value.status == 429
    # WaveSpeed documents no Retry-After; the runner's own backoff decides.
    assert caught.value.retry_after is None


async def test_server_error_is_transient_and_once_variant_recovers(wavespeed: Build) -> None:
    client = wavespeed()
    request = GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "[[fail:500:once]] retry me", size=ImageSize(1024, 1024))

    with pytest.raises(ProviderTransient) as caught:
        await client.generate(request)
    assert caught.value.status == 500
    result = await client.generate(request)
    assert len(result.images) == 1


async def test_task_level_5000_is_transient(wavespeed: Build) -> None:
    with pytest.raises(ProviderTransient) as caught:
        await wavespeed().generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "[[fail:task]]"))

    assert caught.value.code == "5000"
    assert caught.value.status is None


async def test_content_policy_is_rejected_with_category(wavespeed: Build) -> None:
    with pytest.raises(ProviderRejected) as caught:
        await wavespeed().generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "[[fail:policy]]"))

    assert caught.value.category is ErrorCategory.CONTENT_POLICY
    assert caught.value.code == "1200"


async def test_invalid_size_is_rejected_as_invalid_input(wavespeed: Build) -> None:
    with pytest.raises(ProviderRejected) as caught:
        await wavespeed().generate(
            GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "too small", size=ImageSize(512, 512))
        )

    assert caught.value.status == 400
    assert caught.value.category is ErrorCategory.INVALID_INPUT


async def test_too_many_references_is_rejected(wavespeed: Build) -> None:
    references = tuple(ReferenceImage.from_url(f"https://x.test/{index}.png") for index in range(11))
    with pytest.raises(ProviderRejected) as caught:
        await wavespeed().generate(GenerationRequest(GenerationMode.EDIT, "eleven", references=references))

    assert "at most 10" in caught.value.message


async def test_unreachable_own_upload_fails_the_task_with_1402(wavespeed: Build, simulator: SimulatorServer) -> None:
    missing = ReferenceImage.from_url(f"{simulator.base_url}/media/does-not-exist/x.png")
    with pytest.raises(ProviderRejected) as caught:
        await wavespeed().generate(GenerationRequest(GenerationMode.EDIT, "edit", references=(missing,)))

    assert caught.value.code == "1402"
    assert caught.value.category is ErrorCategory.INVALID_INPUT


async def test_balance(wavespeed: Build, sent: Sent) -> None:
    assert await wavespeed().balance() == 100.0
    assert sent("/api/v3/balance")[0].headers["authorization"] == "Bearer simulator"


async def test_poll_fallback_url_when_urls_get_is_foreign(wavespeed: Build, simulator: SimulatorServer) -> None:
    client = wavespeed()
    # urls.get on another origin must not receive our key: the client polls /predictions/{id}/result instead.
    assert client._poll_url({"id": "abc", "urls": {"get": "https://evil.test/x"}}, "abc") == (
        f"{simulator.base_url}/api/v3/predictions/abc/result"
    )
