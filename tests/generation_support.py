"""Helpers for generation tests: submitting over GraphQL, waiting for batches through the bus, ledger checks."""

from __future__ import annotations

import asyncio
import io
import json
import uuid
from typing import Any

import httpx
from PIL import Image
from starlette.applications import Starlette

from models import BatchJob, CreditLedgerEntry, User
from services.progress.follow import follow_batch
from tests.conftest import GQL, Caller
from tests.distributed_support import poll

BATCH_FIELDS = """
  id status totalImages completedImages failedImages creditsReserved creditsCaptured creditsRefunded creditsHeld
  retriedFromId
  images { id batchIndex status url width height errorCategory credits }
  items { itemIndex status attempts errorCategory retriedFromItemId }
"""
GENERATE = f"""
mutation($input: GenerateInput!) {{
  generate(input: $input) {{ created batchJob {{ {BATCH_FIELDS} }} userErrors {{ field code message }} }}
}}"""
BATCH = f"query($id: ID!) {{ batchJob(id: $id) {{ {BATCH_FIELDS} }} }}"
PROJECT = 'mutation { projectCreate(input: {name: "Shoot"}) { project { id } } }'


async def new_project(gql: GQL, caller: Caller) -> str:
    body = await gql(PROJECT, caller=caller)
    project_id: str = body["data"]["projectCreate"]["project"]["id"]
    return project_id


async def generate(gql: GQL, caller: Caller, **fields: Any) -> dict[str, Any]:
    body = await gql(GENERATE, {"input": fields}, caller)
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["generate"]
    return payload


async def wait_until_ended(app: Starlette, batch_id: str, limit_seconds: float = 60.0) -> None:
    """Follow the batch's progress through the app's bus until its terminal event (event-driven, bounded)."""
    bus = app.state.services.bus

    async def follow() -> None:
        async for event in follow_batch(bus, uuid.UUID(batch_id), idle_resync_seconds=1.0):
            if event.terminal:
                return

    await asyncio.wait_for(follow(), limit_seconds)


async def wait_until_let_go(app: Starlette, batch_id: str, limit_seconds: float = 60.0) -> None:
    """``wait_until_ended``, then until the runner has let go of the batch: it gives its lease back just after the
    terminal event, so a test that snapshots every row (a refused call must change nothing) starts from rows that
    no longer move."""
    await wait_until_ended(app, batch_id, limit_seconds)

    async def let_go() -> bool:
        return await BatchJob.filter(id=uuid.UUID(batch_id), lease_owner__isnull=True).exists()

    await poll(let_go, within=limit_seconds, what=f"batch {batch_id}'s runner to give its lease back")


async def batch(gql: GQL, caller: Caller, batch_id: str) -> dict[str, Any]:
    body = await gql(BATCH, {"id": batch_id}, caller)
    result: dict[str, Any] = body["data"]["batchJob"]
    return result


async def assert_ledger_consistent(subject: str) -> User:
    """The invariant after every scenario: the ledger sums to the balance, which is never negative, its held
    deltas to the held credits, and no ended batch holds credits."""
    user = await User.get(subject=subject)
    entries = await CreditLedgerEntry.filter(user_id=user.id)
    assert sum(e.amount for e in entries) == user.credits
    assert sum(e.held_delta for e in entries) == user.credits_held
    assert user.credits >= 0
    assert user.credits_held >= 0
    for job in await BatchJob.filter(owner_id=user.id):
        held = sum(e.held_delta for e in entries if e.reference == str(job.id))
        assert held == job.credits_reserved - job.credits_captured - job.credits_refunded
        if job.finished_at is not None:
            assert held == 0, f"ended batch {job.id} still holds {held}"
    return user


def kinds(entries: list[CreditLedgerEntry]) -> list[str]:
    return [e.kind.value for e in sorted(entries, key=lambda e: e.created_at)]


UPLOAD = (
    "mutation($file: Upload!) { imageUpload(file: $file) { image { id width height contentType } "
    "userErrors { code field message } } }"
)


async def upload(client: httpx.AsyncClient, caller: Caller, color: tuple[int, int, int] = (200, 30, 30)) -> str:
    """Upload a small PNG as ``caller`` (GraphQL multipart, with the CSRF header); returns the upload's id."""
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), color).save(buffer, format="PNG")
    form = {
        "operations": json.dumps({"query": UPLOAD, "variables": {"file": None}}),
        "map": json.dumps({"0": ["variables.file"]}),
    }
    files = {"0": ("ref.png", buffer.getvalue(), "image/png")}
    response = await client.post(
        "/graphql", data=form, files=files, headers={**caller.headers, "X-Playground-Upload": "1"}
    )
    image_id: str = response.json()["data"]["imageUpload"]["image"]["id"]
    return image_id


async def seed_projects(
    owner: User, *, projects: int, batches: int, images_per_batch: int, name: str = "Seeded"
) -> list[uuid.UUID]:
    """``projects`` projects (newest last), each with ``batches`` delivered batches of ``images_per_batch`` images,
    written directly (a fixture for read tests); every row has its own creation time. Returns the project ids."""
    from datetime import UTC, datetime, timedelta

    from models import BatchStatus, EditStatus, GenerationMode, ImageEdit, Project

    start = datetime.now(UTC) - timedelta(days=1)
    project_ids, jobs, edits = [], [], []
    tick = 0
    for p in range(projects):
        project = Project(id=uuid.uuid4(), owner_id=owner.id, name=f"{name} {p}", created_at=start + timedelta(hours=p))
        project_ids.append(project.id)
        await project.save()
        for b in range(batches):
            tick += 1
            job = BatchJob(
                id=uuid.uuid4(),
                owner_id=owner.id,
                project_id=project.id,
                mode=GenerationMode.TEXT_TO_IMAGE,
                status=BatchStatus.SUCCEEDED,
                width=1024,
                height=1024,
                total_images=images_per_batch,
                completed_images=images_per_batch,
                created_at=start + timedelta(hours=p, seconds=tick),
            )
            jobs.append(job)
            for i in range(images_per_batch):
                tick += 1
                edits.append(
                    ImageEdit(
                        id=uuid.uuid4(),
                        owner_id=owner.id,
                        project_id=project.id,
                        batch_job_id=job.id,
                        batch_index=i,
                        mode=GenerationMode.TEXT_TO_IMAGE,
                        prompt=f"{name} {p}.{b}.{i}",
                        size="1024x1024",
                        status=EditStatus.SUCCEEDED,
                        image_key=f"outputs/x/{job.id}-{i}.png",
                        image_url=f"/media/outputs/x/{job.id}-{i}.png",
                        created_at=start + timedelta(hours=p, seconds=tick),
                    )
                )
    await BatchJob.bulk_create(jobs)
    await ImageEdit.bulk_create(edits)
    return project_ids
