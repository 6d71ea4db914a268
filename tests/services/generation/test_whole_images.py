"""Only whole images count: a delivered image that does not decode completely is that image's failure, refunded,
fetched again where the provider still has it (a link), never bought again. The real clients against the simulator
over HTTP, the runner and settlement."""

from __future__ import annotations

import io
import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from PIL import Image
from starlette.applications import Starlette

from models import BatchJob, BatchStatus, EditStatus, ErrorCategory, GenerationMode, ImageEdit
from services.core.config import Settings
from services.generation import provider
from services.seedream import create_http_client
from services.seedream.image_decode import UndecodableImage, decode_image
from services.seedream.simulator import Latency, SimulatorConfig, SimulatorServer
from tests.conftest import GQL, MakeCaller
from tests.generation_support import assert_ledger_consistent
from tests.services.generation.test_provider_fidelity import ARK, SEQ, ark, queued_batch, runner, submissions, wavespeed

T2I = "/api/v3/bytedance/seedream-v4"


def png(width: int = 64, height: int = 48) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (10, 200, 30)).save(out, "PNG")
    return out.getvalue()


def jpeg(width: int = 64, height: int = 48) -> bytes:
    out = io.BytesIO()
    Image.effect_noise((width, height), 60).convert("RGB").save(out, "JPEG", quality=90)
    return out.getvalue()


@pytest.mark.parametrize("make", [png, jpeg])
def test_a_whole_image_decodes_and_one_cut_at_half_does_not(make: object) -> None:
    assert callable(make)
    data: bytes = make()
    assert decode_image(data)[:2] == (64, 48)
    with pytest.raises(UndecodableImage):
        decode_image(data[: len(data) // 2])


@pytest.mark.parametrize("kept", [0.9, 0.99, 0.999])
def test_a_jpeg_cut_near_its_end_does_not_decode_though_it_is_checked_at_a_reduced_scale(kept: float) -> None:
    """The JPEG check skips the full-size transforms (``draft``), not the reading of any block: a body missing only
    its last blocks is refused as one cut at half is, and the size reported is the full one."""
    data = jpeg(1024, 768)
    assert decode_image(data) == (1024, 768, "image/jpeg")
    with pytest.raises(UndecodableImage):
        decode_image(data[: int(len(data) * kept)])


def test_the_pixel_limit_is_applied_from_the_header_before_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 64 * 48 - 1)
    with pytest.raises(UndecodableImage, match="over the pixel limit"):
        decode_image(png())


@pytest.fixture(scope="module")
def simulator() -> Iterator[SimulatorServer]:
    with SimulatorServer(SimulatorConfig(latency=Latency.fixed(0), sync_wait_s=0.5, hang_s=3.0)) as server:
        yield server


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with create_http_client(read_timeout_s=20) as client:
        yield client


async def assert_damaged_and_refunded(batch_id: uuid.UUID, subject: str) -> None:
    batch = await BatchJob.get(id=batch_id)
    assert batch.status is BatchStatus.FAILED
    assert (batch.credits_captured, batch.credits_refunded) == (0, batch.credits_reserved)
    edits = await ImageEdit.filter(batch_job_id=batch_id)
    assert {(e.status, e.error_category, e.error_code, e.error_message, e.image_url) for e in edits} == {
        (EditStatus.FAILED, ErrorCategory.TRANSIENT, "unreadable_output", provider.DAMAGED_MESSAGE, None)
    }
    await assert_ledger_consistent(subject)


@pytest.mark.parametrize("base64_output", [True, False])
async def test_wavespeed_outputs_cut_short_are_failed_not_charged_and_not_bought_again(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
    base64_output: bool,
) -> None:
    marker = f"cutimg-{base64_output}-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"[[fail:cutimage]] {marker}", GenerationMode.SEQUENTIAL, 2
    )

    await runner(app, settings, wavespeed(simulator, http, base64_output=base64_output), http)(batch_id)

    assert submissions(simulator, SEQ, marker) == 1
    await assert_damaged_and_refunded(batch_id, subject)
    if not base64_output:
        # The WaveSpeed client downloads each link once itself (links handed on as links, Ark's URL mode, are
        # fetched again by the runner when a copy does not decode).
        (task,) = [t for t in simulator.state.tasks.values() if marker in t.prompt]
        fetched = [r for r in simulator.state.requests if r.path.startswith(f"/outputs/{task.id}/")]
        assert len(fetched) == 2


@pytest.mark.parametrize("response_format", ["b64_json", "url"])
async def test_an_ark_image_cut_short_is_failed_and_not_bought_again(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
    response_format: str,
) -> None:
    marker = f"arkcutimg-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(
        app, gql, make_caller, f"[[fail:cutimage]] {marker}", GenerationMode.TEXT_TO_IMAGE, 1
    )

    await runner(app, settings, ark(simulator, http, response_format=response_format), http)(batch_id)

    assert submissions(simulator, ARK, marker) == 1
    await assert_damaged_and_refunded(batch_id, subject)
    if response_format == "url":
        # The link is fetched again once (Ark keeps it 24 h); the second copy is just as cut.
        fetched = [r for r in simulator.state.requests if r.path.startswith("/outputs/ark-")]
        assert len(fetched) == 2  # the only URL-mode Ark call of this module


@pytest.mark.parametrize("which", ["wavespeed", "ark"])
async def test_a_set_states_its_count_in_the_prompt_the_provider_receives(
    app: Starlette,
    gql: GQL,
    make_caller: MakeCaller,
    settings: Settings,
    simulator: SimulatorServer,
    http: httpx.AsyncClient,
    which: str,
) -> None:
    marker = f"count-{which}-{uuid.uuid4().hex[:8]}"
    batch_id, subject = await queued_batch(app, gql, make_caller, marker, GenerationMode.SEQUENTIAL, 3)
    chosen = wavespeed(simulator, http) if which == "wavespeed" else ark(simulator, http)

    await runner(app, settings, chosen, http)(batch_id)

    (sent,) = [r for r in simulator.state.requests if r.path in (SEQ, ARK) and marker in str(r.body)]
    assert sent.body["prompt"].endswith("Generate a set of exactly 3 images.")
    assert (await BatchJob.get(id=batch_id)).status is BatchStatus.SUCCEEDED
    await assert_ledger_consistent(subject)
