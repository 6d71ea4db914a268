"""Provider behaviours the simulator does not produce, replayed from transcripts of the documented examples
(``tests/transcripts/``) through the real clients, the runner and settlement.

Each asserts what the provider saw (the transport fails on any request beyond its transcript), how the images
ended (category, code, message), and what the user paid and got back.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from models import BatchJob, BatchStatus, EditStatus, ErrorCategory, GenerationMode, ImageEdit
from services.core.config import Settings
from services.generation import call_state
from services.seedream import ArkClient, ArkConfig, SeedreamProvider, WaveSpeedClient, WaveSpeedConfig
from tests.conftest import GQL, MakeCaller
from tests.generation_support import assert_ledger_consistent
from tests.services.generation.test_outcome_unknown import assert_refunded_as_unknown
from tests.services.generation.test_provider_fidelity import queued_batch, runner
from tests.transcript_support import TranscriptTransport

Played = tuple[TranscriptTransport, httpx.AsyncClient]


@pytest.fixture
async def play() -> AsyncIterator[Callable[[str], Played]]:
    clients: list[httpx.AsyncClient] = []

    def start(name: str) -> Played:
        transport = TranscriptTransport(name)
        client = httpx.AsyncClient(transport=transport)
        clients.append(client)
        return transport, client

    yield start
    for client in clients:
        await client.aclose()


def wavespeed(http: httpx.AsyncClient, **options: Any) -> SeedreamProvider:
    config = WaveSpeedConfig(api_key="k", poll_initial_s=0.01, poll_max_s=0.02, base64_output=True, **options)
    return WaveSpeedClient(http, config)


def ark(http: httpx.AsyncClient) -> SeedreamProvider:
    return ArkClient(http, ArkConfig(api_key="k"))


async def edits(batch_id: Any) -> list[ImageEdit]:
    return await ImageEdit.filter(batch_job_id=batch_id).order_by("batch_index")


async def test_wavespeed_submit_poll_completed(
    app: Starlette, gql: GQL, make_caller: MakeCaller, settings: Settings, play: Callable[[str], Played]
) -> None:
    transport, http = play("wavespeed_submit_poll_completed")
    batch_id, subject = await queued_batch(app, gql, make_caller, "replay", GenerationMode.TEXT_TO_IMAGE, 1)

    await runner(app, settings, wavespeed(http), http)(batch_id)

    assert (transport.remaining, transport.sent("POST", "seedream-v4")) == (0, 1)
    (edit,) = await edits(batch_id)
    assert (edit.status, edit.width, edit.height) == (EditStatus.SUCCEEDED, 64, 48)
    batch = await BatchJob.get(id=batch_id)
    assert batch.credits_captured == batch.credits_reserved
    await assert_ledger_consistent(subject)


async def test_wavespeed_failure_without_a_code_is_refunded_and_not_bought_again(
    app: Starlette, gql: GQL, make_caller: MakeCaller, settings: Settings, play: Callable[[str], Played]
) -> None:
    transport, http = play("wavespeed_failed_without_code")
    batch_id, subject = await queued_batch(app, gql, make_caller, "replay", GenerationMode.TEXT_TO_IMAGE, 1)

    await runner(app, settings, wavespeed(http), http)(batch_id)

    assert (transport.remaining, transport.sent("POST", "seedream-v4")) == (0, 1)
    (edit,) = await edits(batch_id)
    assert (edit.status, edit.error_category, edit.error_code, edit.error_message) == (
        EditStatus.FAILED,
        ErrorCategory.TRANSIENT,
        "task_failed",
        "Task failed",
    )
    batch = await BatchJob.get(id=batch_id)
    assert (batch.credits_captured, batch.credits_refunded) == (0, batch.credits_reserved)
    await assert_ledger_consistent(subject)


async def test_wavespeed_submit_504_is_unknown_and_never_resent(
    app: Starlette, gql: GQL, make_caller: MakeCaller, settings: Settings, play: Callable[[str], Played]
) -> None:
    transport, http = play("wavespeed_submit_504")
    batch_id, subject = await queued_batch(app, gql, make_caller, "replay", GenerationMode.TEXT_TO_IMAGE, 1)

    await runner(app, settings, wavespeed(http), http)(batch_id)

    assert (transport.remaining, transport.sent("POST", "seedream-v4")) == (0, 1)
    await assert_refunded_as_unknown(batch_id, subject)


async def test_wavespeed_sync_5004_is_polled_not_resubmitted(
    app: Starlette, gql: GQL, make_caller: MakeCaller, settings: Settings, play: Callable[[str], Played]
) -> None:
    transport, http = play("wavespeed_sync_5004_then_poll")
    batch_id, subject = await queued_batch(app, gql, make_caller, "replay", GenerationMode.TEXT_TO_IMAGE, 1)

    await runner(app, settings, wavespeed(http, sync_mode=True), http)(batch_id)

    assert (transport.remaining, transport.sent("POST", "seedream-v4")) == (0, 1)
    assert (await BatchJob.get(id=batch_id)).status is BatchStatus.SUCCEEDED
    await assert_ledger_consistent(subject)


async def test_ark_stream_moderated_slot_fails_alone(
    app: Starlette, gql: GQL, make_caller: MakeCaller, settings: Settings, play: Callable[[str], Played]
) -> None:
    transport, http = play("ark_stream_partial_failed")
    batch_id, subject = await queued_batch(app, gql, make_caller, "replay", GenerationMode.SEQUENTIAL, 2)

    await runner(app, settings, ark(http), http)(batch_id)

    assert (transport.remaining, transport.sent("POST", "generations")) == (0, 1)
    first, second = await edits(batch_id)
    assert first.status is EditStatus.SUCCEEDED
    assert (second.status, second.error_category, second.error_code) == (
        EditStatus.FAILED,
        ErrorCategory.CONTENT_POLICY,
        "OutputImageSensitiveContentDetected",
    )
    batch = await BatchJob.get(id=batch_id)
    assert batch.credits_captured * 2 == batch.credits_refunded * 2 == batch.credits_reserved
    await assert_ledger_consistent(subject)


async def test_ark_quota_exhausted_is_an_operator_error_never_retried_and_hides_the_account(
    app: Starlette, gql: GQL, make_caller: MakeCaller, settings: Settings, play: Callable[[str], Played]
) -> None:
    transport, http = play("ark_model_quota_exhausted")
    batch_id, subject = await queued_batch(app, gql, make_caller, "replay", GenerationMode.TEXT_TO_IMAGE, 1)

    await runner(app, settings, ark(http), http)(batch_id)

    assert (transport.remaining, transport.sent("POST", "generations")) == (0, 1)
    (edit,) = await edits(batch_id)
    assert (edit.status, edit.error_category, edit.error_code) == (
        EditStatus.FAILED,
        ErrorCategory.PROVIDER_AUTH,
        "ModelQuotaExhausted",
    )
    assert edit.error_message == "the provider account needs attention"
    batch = await BatchJob.get(id=batch_id)
    assert (batch.credits_captured, batch.credits_refunded) == (0, batch.credits_reserved)
    await assert_ledger_consistent(subject)


async def test_ark_detection_service_failure_is_transient_and_the_retry_delivers(
    app: Starlette, gql: GQL, make_caller: MakeCaller, settings: Settings, play: Callable[[str], Played]
) -> None:
    # The first call is documented as failed (Ark bills generated images only): a retry is not a second purchase.
    transport, http = play("ark_content_security_detection_error")
    batch_id, subject = await queued_batch(app, gql, make_caller, "replay", GenerationMode.TEXT_TO_IMAGE, 1)

    await runner(app, settings, ark(http), http)(batch_id)

    assert (transport.remaining, transport.sent("POST", "generations")) == (0, 2)
    batch = await BatchJob.get(id=batch_id)
    assert batch.status is BatchStatus.SUCCEEDED
    assert batch.credits_captured == batch.credits_reserved
    await assert_ledger_consistent(subject)


async def test_ark_completed_event_with_an_error_fails_the_rest_with_that_error(
    app: Starlette, gql: GQL, make_caller: MakeCaller, settings: Settings, play: Callable[[str], Played]
) -> None:
    transport, http = play("ark_stream_completed_with_error")
    batch_id, subject = await queued_batch(app, gql, make_caller, "replay", GenerationMode.SEQUENTIAL, 2)

    await runner(app, settings, ark(http), http)(batch_id)

    assert (transport.remaining, transport.sent("POST", "generations")) == (0, 1)
    first, second = await edits(batch_id)
    assert first.status is EditStatus.SUCCEEDED
    assert second.status is EditStatus.FAILED
    assert second.error_code not in (None, call_state.OUTCOME_UNKNOWN_CODE)
    assert second.error_message != "the provider returned fewer images than asked"
    batch = await BatchJob.get(id=batch_id)
    assert batch.credits_captured * 2 == batch.credits_reserved
    await assert_ledger_consistent(subject)


@pytest.mark.parametrize("provider", ["wavespeed", "ark"])
async def test_an_output_over_the_shared_cap_fails_that_image_for_both_clients(
    app: Starlette, gql: GQL, make_caller: MakeCaller, settings: Settings, provider: str
) -> None:
    # 65 MiB announced by the CDN: refused from its length, before its body is read (WaveSpeed was uncapped).
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(f"{request.method} {request.url.path}")
        if request.url.host == "cdn.example":
            return httpx.Response(200, headers={"content-length": str(65 * 1024 * 1024)}, content=b"")
        if provider == "ark":
            body = {"data": [{"url": "https://cdn.example/0.jpeg", "size": "64x64"}], "usage": {"generated_images": 1}}
            return httpx.Response(200, json=body)
        data = {"id": "c" * 32, "status": "completed", "outputs": ["https://cdn.example/0.png"], "error": ""}
        return httpx.Response(200, json={"code": 200, "message": "success", "data": data})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        client = (
            WaveSpeedClient(http, WaveSpeedConfig(api_key="k", poll_initial_s=0.01))
            if provider == "wavespeed"
            else ArkClient(http, ArkConfig(api_key="k", response_format="url"))
        )
        batch_id, subject = await queued_batch(app, gql, make_caller, "big", GenerationMode.TEXT_TO_IMAGE, 1)
        await runner(app, settings, client, http)(batch_id)

    assert sum(1 for call in calls if call.startswith("POST")) == 1
    (edit,) = await edits(batch_id)
    assert (edit.status, edit.error_code) == (EditStatus.FAILED, "output_too_large")
    assert edit.error_message is not None
    assert "64 MiB" in edit.error_message or "larger than" in edit.error_message
    batch = await BatchJob.get(id=batch_id)
    assert (batch.credits_captured, batch.credits_refunded) == (0, batch.credits_reserved)
    await assert_ledger_consistent(subject)
