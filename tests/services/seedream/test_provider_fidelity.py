"""Never pay twice, classify every documented failure: the real clients against the simulator's injected faults
(and `httpx.MockTransport` for reply shapes the simulator cannot produce), counting the submissions the provider
saw."""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Callable

import httpx
import pytest
from PIL import Image

from services.seedream import (
    ArkClient,
    ArkConfig,
    ErrorCategory,
    GenerationMode,
    GenerationRequest,
    ImageSize,
    ProviderAuthError,
    ProviderDeadlineExceeded,
    ProviderRejected,
    ProviderTransient,
    ReferenceImage,
    Submission,
    WaveSpeedClient,
)
from services.seedream.ark import STREAM_CUT_CODE
from services.seedream.simulator import RecordedRequest
from tests.services.seedream.conftest import png_bytes

Sent = Callable[[str], list[RecordedRequest]]
Build = Callable[..., WaveSpeedClient]
BuildArk = Callable[..., ArkClient]
T2I = "/api/v3/bytedance/seedream-v4"
SEQ = T2I + "/sequential"
ARK = "/api/v3/images/generations"
SIZE = ImageSize(1024, 1024)


class Submissions:
    """Records what `on_submitted` was told, in order."""

    def __init__(self) -> None:
        self.seen: list[Submission] = []

    async def __call__(self, submission: Submission) -> None:
        self.seen.append(submission)


# --- WaveSpeed: poll, resume, download, sync 5004 -------------------------------------------------------------


async def test_poll_errors_are_retried_and_the_task_is_submitted_once(wavespeed: Build, sent: Sent) -> None:
    submitted = Submissions()
    result = await wavespeed().generate(
        GenerationRequest(
            GenerationMode.SEQUENTIAL,
            "[[poll:429:3]] [[poll:500:2]] a set",
            size=SIZE,
            max_images=3,
            on_submitted=submitted,
        )
    )

    assert len(result.images) == 3
    assert len(sent(SEQ)) == 1
    assert submitted.seen == [Submission(str(result.task_id), resumable=True)]
    # Five injected failures, then at least one good poll: all on the same task.
    assert len(sent(f"/api/v3/predictions/{result.task_id}/result")) >= 6


async def test_deadline_names_the_task_and_a_resume_polls_it_without_a_new_submit(wavespeed: Build, sent: Sent) -> None:
    submitted = Submissions()
    request = GenerationRequest(
        GenerationMode.TEXT_TO_IMAGE, "[[delay:0.8]] slow one", size=SIZE, on_submitted=submitted
    )
    with pytest.raises(ProviderDeadlineExceeded) as caught:
        await wavespeed(deadline_s=0.2).generate(request)

    task_id = caught.value.resume_task_id
    assert task_id is not None
    assert submitted.seen == [Submission(task_id, resumable=True)]  # known before the first poll

    resumed = await wavespeed(deadline_s=10).generate(
        GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "[[delay:0.8]] slow one", size=SIZE, resume_task_id=task_id)
    )

    assert resumed.task_id == task_id
    assert len(resumed.images) == 1
    assert len(sent(T2I)) == 1


async def test_resuming_an_unknown_task_is_transient_and_resumes_nothing(wavespeed: Build, sent: Sent) -> None:
    with pytest.raises(ProviderTransient) as caught:
        await wavespeed().generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "gone", resume_task_id="0" * 32))

    assert caught.value.code == "task_not_found"
    assert caught.value.resume_task_id is None
    assert sent(T2I) == []


def test_the_deadline_grows_with_the_number_of_images(wavespeed: Build) -> None:
    client = wavespeed(deadline_s=100, deadline_per_extra_image_s=20)
    single = GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "one")
    fifteen = GenerationRequest(GenerationMode.SEQUENTIAL, "set", max_images=15)

    assert client.deadline_for(single) == 100
    assert client.deadline_for(fifteen) == 100 + 14 * 20


async def test_a_failed_download_is_retried(wavespeed: Build, sent: Sent) -> None:
    result = await wavespeed(base64_output=False).generate(
        GenerationRequest(GenerationMode.SEQUENTIAL, "[[download:500:2]] flaky cdn", size=SIZE, max_images=2)
    )

    assert [image.index for image in result.images] == [0, 1]
    assert result.failed == []
    assert len(sent(SEQ)) == 1


async def test_downloads_that_keep_failing_fail_only_their_images(wavespeed: Build, sent: Sent) -> None:
    result = await wavespeed(base64_output=False, download_attempts=2).generate(
        GenerationRequest(GenerationMode.SEQUENTIAL, "[[download:500:5]] dead cdn", size=SIZE, max_images=2)
    )

    # The task completed and is paid for: its images fail (to be refunded), nothing is submitted again.
    assert result.images == []
    assert [(slot.index, slot.code, slot.category) for slot in result.failed] == [
        (0, "download_failed", ErrorCategory.TRANSIENT),
        (1, "download_failed", ErrorCategory.TRANSIENT),
    ]
    assert len(sent(SEQ)) == 1


async def test_sync_5004_means_poll_even_when_the_status_says_failed(wavespeed: Build, sent: Sent) -> None:
    result = await wavespeed(sync_mode=True).generate(
        GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "[[fail:sync5004]] [[delay:0.3]] odd status", size=SIZE)
    )

    assert len(result.images) == 1
    assert len(sent(T2I)) == 1
    assert sent(f"/api/v3/predictions/{result.task_id}/result")


async def test_an_error_code_in_a_200_envelope_goes_through_the_task_table(wavespeed: Build, sent: Sent) -> None:
    with pytest.raises(ProviderRejected) as caught:
        await wavespeed().generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "[[fail:envelope]] bad", size=SIZE))

    assert (caught.value.code, caught.value.category) == ("1401", ErrorCategory.INVALID_INPUT)
    with pytest.raises(ProviderTransient) as transient:
        await wavespeed().generate(
            GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "[[fail:envelope]] [[code:5003]] busy", size=SIZE)
        )
    assert transient.value.code == "5003"


async def test_insufficient_balance_is_an_operator_error(wavespeed: Build) -> None:
    with pytest.raises(ProviderAuthError) as caught:
        await wavespeed().generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "[[fail:402]] broke", size=SIZE))

    assert caught.value.status == 402
    assert caught.value.category is ErrorCategory.AUTH


# --- Ark: streaming sets, truncation, classification ----------------------------------------------------------


async def test_ark_sets_stream_and_record_a_request_id_first(ark: BuildArk, sent: Sent) -> None:
    submitted = Submissions()
    result = await ark().generate(
        GenerationRequest(GenerationMode.SEQUENTIAL, "a set", size=SIZE, max_images=3, on_submitted=submitted)
    )

    (request,) = sent(ARK)
    assert request.body["stream"] is True
    assert len(result.images) == 3
    assert len(submitted.seen) == 1
    assert submitted.seen[0].resumable is False


async def test_a_truncated_stream_fails_the_unseen_images_without_a_retry(ark: BuildArk, sent: Sent) -> None:
    result = await ark().generate(
        GenerationRequest(GenerationMode.SEQUENTIAL, "[[fail:truncate]] cut short", size=SIZE, max_images=3)
    )

    assert [image.index for image in result.images] == [0]
    assert [(slot.index, slot.code) for slot in result.failed] == [(1, STREAM_CUT_CODE), (2, STREAM_CUT_CODE)]
    assert len(sent(ARK)) == 1


@pytest.mark.parametrize(
    "code",
    [
        "SensitiveContentDetected",
        "SensitiveContentDetected.SevereViolation",
        "SensitiveContentDetected.Violence",
        "InputImageSensitiveContentDetected.PrivacyInformation",
        "InputTextRiskDetection",
    ],
)
async def test_ark_content_policy_codes_per_request_and_per_image(ark: BuildArk, code: str) -> None:
    with pytest.raises(ProviderRejected) as caught:
        await ark().generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, f"[[fail:policy]] [[code:{code}]] x"))
    assert (caught.value.code, caught.value.category) == (code, ErrorCategory.CONTENT_POLICY)

    result = await ark().generate(
        GenerationRequest(GenerationMode.SEQUENTIAL, f"[[partial:1]] [[code:{code}]] set", size=SIZE, max_images=2)
    )
    assert [(slot.index, slot.code, slot.category) for slot in result.failed] == [
        (1, code, ErrorCategory.CONTENT_POLICY)
    ]


async def test_closed_endpoint_is_transient_and_overdue_account_is_an_operator_error(ark: BuildArk) -> None:
    with pytest.raises(ProviderTransient) as closed:
        await ark().generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "[[fail:closed]] x"))
    assert closed.value.code == "InvalidEndpoint.ClosedEndpoint"

    with pytest.raises(ProviderAuthError) as overdue:
        await ark().generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "[[fail:402]] x"))
    assert overdue.value.code == "AccountOverdueError"


async def test_a_200_holding_only_an_error_is_a_failure(ark: BuildArk) -> None:
    with pytest.raises(ProviderTransient) as transient:
        await ark().generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "[[fail:envelope]] x"))
    assert transient.value.code == "InternalServiceError"

    with pytest.raises(ProviderRejected) as rejected:
        await ark().generate(
            GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "[[fail:envelope]] [[code:InvalidParameter]] x")
        )
    assert rejected.value.category is ErrorCategory.INVALID_INPUT


async def test_seed_is_sent_to_ark_and_changes_nothing(ark: BuildArk) -> None:
    first = await ark().generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "seeded", size=SIZE, seed=1))
    second = await ark().generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "seeded", size=SIZE, seed=2))

    assert first.images[0].data == second.images[0].data


def _image(width: int, height: int, image_format: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (10, 120, 200)).save(buffer, image_format)
    return buffer.getvalue()


async def test_webp_references_become_png_before_ark_sees_them(ark: BuildArk, sent: Sent) -> None:
    webp = ReferenceImage.from_bytes(_image(64, 48, "WEBP"), "image/webp")
    result = await ark().generate(GenerationRequest(GenerationMode.EDIT, "edit", references=(webp,), size=SIZE))

    assert len(result.images) == 1
    assert sent(ARK)[0].body["image"].startswith("data:image/png;base64,")


@pytest.mark.parametrize(("width", "height"), [(400, 100), (10, 10)])
async def test_references_ark_refuses_fail_before_anything_is_sent(
    ark: BuildArk, sent: Sent, width: int, height: int
) -> None:
    submitted = Submissions()
    bad = ReferenceImage.from_bytes(_image(width, height, "PNG"), "image/png")
    with pytest.raises(ProviderRejected) as caught:
        await ark().generate(GenerationRequest(GenerationMode.EDIT, "edit", references=(bad,), on_submitted=submitted))

    assert caught.value.category is ErrorCategory.INVALID_INPUT
    assert sent(ARK) == []
    assert submitted.seen == []


async def test_the_simulator_enforces_arks_reference_rules(ark: BuildArk) -> None:
    # Sent as a URL, the client cannot fix it: the simulator refuses it as Ark does.
    webp = base64.b64encode(_image(64, 48, "WEBP")).decode()
    with pytest.raises(ProviderRejected) as caught:
        await ark().generate(
            GenerationRequest(
                GenerationMode.EDIT, "edit", references=(ReferenceImage.from_url(f"data:image/webp;base64,{webp}"),)
            )
        )
    assert caught.value.status == 400
    assert "JPEG or PNG" in caught.value.message


# --- Ark reply shapes the simulator does not produce (MockTransport) ------------------------------------------


def _mock_ark(handler: Callable[[httpx.Request], httpx.Response], **options: object) -> ArkClient:
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return ArkClient(http, ArkConfig(api_key="k", base_url="https://ark.test/api/v3", **options))  # type: ignore[arg-type]


async def test_a_sync_set_gets_a_read_timeout_that_grows_with_the_set() -> None:
    timeouts: list[float | None] = []
    b64 = base64.b64encode(png_bytes()).decode()

    def handler(request: httpx.Request) -> httpx.Response:
        timeouts.append(request.extensions["timeout"]["read"])
        return httpx.Response(200, json={"data": [{"b64_json": b64, "size": "64x64"}] * 4})

    client = _mock_ark(handler, stream_sets=False, request_timeout_s=100, timeout_per_extra_image_s=50)
    await client.generate(GenerationRequest(GenerationMode.SEQUENTIAL, "set", max_images=4))

    assert timeouts == [100 + 3 * 50]


async def test_a_read_timeout_after_sending_is_marked_outcome_unknown() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("no answer", request=request)

    with pytest.raises(ProviderTransient) as caught:
        await _mock_ark(handler).generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "x"))
    assert caught.value.outcome_unknown

    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(ProviderTransient) as never_sent:
        await _mock_ark(refused).generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "x"))
    assert not never_sent.value.outcome_unknown


async def test_multi_line_sse_data_is_joined() -> None:
    b64 = base64.b64encode(png_bytes()).decode()
    event = json.dumps(
        {"type": "image_generation.partial_succeeded", "image_index": 0, "b64_json": b64, "size": "64x64"}, indent=2
    )
    done = json.dumps({"type": "image_generation.completed", "usage": {}}, indent=2)
    body = "".join("".join(f"data: {line}\n" for line in text.splitlines()) + "\n" for text in (event, done, "[DONE]"))

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body.encode(), headers={"content-type": "text/event-stream"})

    result = await _mock_ark(handler, stream=True).generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "x"))
    assert [image.index for image in result.images] == [0]
    assert result.failed == []
