"""Storage retention (the scheduled ``storage_retention`` job): uploads unused for longer than
``RETENTION_UNUSED_UPLOAD_DAYS`` go with their files, files no row names (a deleted project's images, a failed
batch's leftovers) go once past the grace period, and everything still named or still in use stays. Each run counts
what it removed and schedules the next one through the outbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from prometheus_client import REGISTRY
from starlette.applications import Starlette

from models import ImageEdit, JobOutbox, Upload
from services.generation.retention import RETENTION_KEY, Retention, schedule_retention
from services.generation.tasks import STORAGE_RETENTION
from services.infra.storage import ObjectNotFound, Storage
from tests.conftest import GQL, MakeCaller
from tests.generation_support import generate, new_project, wait_until_ended
from tests.services.generation.test_housekeeping import upload

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def removed(what: str) -> float:
    return REGISTRY.get_sample_value("playground_retention_removed_objects_total", {"what": what}) or 0.0


async def exists(storage: Storage, key: str) -> bool:
    try:
        await storage.get(key)
    except ObjectNotFound:
        return False
    return True


async def test_a_run_removes_unused_uploads_and_orphan_files_and_keeps_what_is_used(
    app: Starlette, gql: GQL, make_caller: MakeCaller
) -> None:
    storage: Storage = app.state.services.storage
    settings = app.state.services.settings
    alice = make_caller("alice")
    project = await new_project(gql, alice)
    stale = await upload(app, alice, gql)  # old and unused: removed
    fresh = await upload(app, alice, gql)  # recent: kept
    used = await upload(app, alice, gql)  # old, but a recent batch used it: kept
    job = (
        await generate(
            gql, alice, projectId=project, mode="EDIT", prompt="a lamp", references=[{"uploadId": str(used.id)}]
        )
    )["batchJob"]
    await wait_until_ended(app, job["id"])
    month_ago = datetime.now(UTC) - timedelta(days=settings.retention_unused_upload_days + 1)
    await Upload.filter(id__in=[stale.id, used.id]).update(created_at=month_ago)
    image = await ImageEdit.get(batch_job_id=job["id"])
    assert image.image_key
    # Files no row names (an image deleted with its project, a failed batch's leftover), past their grace time.
    orphan = await storage.put(PNG, "image/png", prefix="outputs/2026/01")
    second_orphan = await storage.put(PNG, "image/png", prefix="outputs/2026/01")
    before = (removed("unused_upload"), removed("orphan_file"))

    later = datetime.now(UTC) + timedelta(hours=settings.retention_orphan_grace_hours, minutes=1)
    report = await Retention(settings, storage).run(now=later)
    assert report.unused_uploads == 1

    assert not await Upload.filter(id=stale.id).exists()
    assert not await exists(storage, stale.storage_key)
    for kept in (fresh, used):
        assert await Upload.filter(id=kept.id).exists()
        assert await exists(storage, kept.storage_key)
    assert await exists(storage, image.image_key)  # named by its row
    assert not await exists(storage, orphan.key)
    assert not await exists(storage, second_orphan.key)
    # Other tests of the session share this storage and may have left orphans of their own: at least ours went.
    assert report.orphan_files >= 2
    assert (removed("unused_upload"), removed("orphan_file")) == (before[0] + 1, before[1] + report.orphan_files)


async def test_orphans_within_their_grace_time_are_kept(app: Starlette) -> None:
    storage: Storage = app.state.services.storage
    orphan = await storage.put(PNG, "image/png", prefix="outputs/2026/02")

    report = await Retention(app.state.services.settings, storage).run()

    assert report.orphan_files == 0
    assert await exists(storage, orphan.key)  # maybe a write whose row is not committed yet


async def test_a_run_schedules_the_next_one_and_start_up_schedules_only_when_none_is(app: Starlette) -> None:
    settings = app.state.services.settings
    await JobOutbox.filter(kind=STORAGE_RETENTION.name).delete()

    started = datetime.now(UTC)
    await schedule_retention(settings)
    first = await JobOutbox.get(kind=STORAGE_RETENTION.name, key=RETENTION_KEY)
    assert first.due_at >= started + timedelta(seconds=settings.retention_interval_seconds)
    await schedule_retention(settings)  # a second process starting: the scheduled run is left as it is
    assert (await JobOutbox.get(kind=STORAGE_RETENTION.name, key=RETENTION_KEY)).due_at == first.due_at

    await JobOutbox.filter(kind=STORAGE_RETENTION.name).delete()  # handed over to the queue
    started = datetime.now(UTC)
    await Retention(settings, app.state.services.storage)(RETENTION_KEY)

    rows = await JobOutbox.filter(kind=STORAGE_RETENTION.name, key=RETENTION_KEY)
    assert len(rows) == 1
    assert rows[0].due_at >= started + timedelta(seconds=settings.retention_interval_seconds)
