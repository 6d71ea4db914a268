"""``services.core.updates.update``: the same rows and values as ``Model.filter(...).update(...)``, on both dialects
(its SQL text is cached per shape, so each shape is run twice with other values)."""

from __future__ import annotations

import uuid

from starlette.applications import Starlette

from models import GenerationMode, Project, User
from models.enums import ProcessingStatus
from services.core import updates


async def _projects(count: int) -> list[Project]:
    owner = await User.create(id=uuid.uuid4(), subject=f"updates-{uuid.uuid4().hex[:8]}")
    return [await Project.create(id=uuid.uuid4(), owner_id=owner.id, name=f"p{i}", batch_size=i) for i in range(count)]


async def test_update_writes_what_filter_update_would(app: Starlette) -> None:
    projects = await _projects(4)
    ids = [p.id for p in projects]
    for run in range(2):  # the second run reuses the cached statement with other values
        written = await updates.update(
            Project,
            {"id__in": ids[:3], "batch_size__lt": 2},
            {
                "processing_status": ProcessingStatus.PROCESSING,
                "generation_type": GenerationMode.TEXT_TO_IMAGE if run == 0 else None,
                "style_presets": [run, "x"],
                "batch_size": updates.Add(10),
                "description": f"run {run}",
            },
        )
        # Run 0: p0 and p1 (batch_size 0 and 1 < 2); run 1: none (they are 10 and 11 now; p2 is 2).
        assert written == (2 if run == 0 else 0)
    rows = {p.name: p for p in await Project.filter(id__in=ids)}
    assert [rows[f"p{i}"].batch_size for i in range(4)] == [10, 11, 2, 3]
    assert rows["p0"].processing_status is ProcessingStatus.PROCESSING
    assert rows["p0"].generation_type is GenerationMode.TEXT_TO_IMAGE
    assert rows["p0"].style_presets == [0, "x"]
    assert rows["p0"].description == "run 0"
    assert rows["p2"].processing_status is ProcessingStatus.IDLE  # not matched: untouched
    assert rows["p3"].description == ""  # not named

    # Equality, None written, and an empty IN list writes nothing.
    assert await updates.update(Project, {"id": ids[3]}, {"generation_type": None, "style_presets": []}) == 1
    stored = await Project.get(id=ids[3])
    assert stored.generation_type is None
    assert stored.style_presets == []
    assert await updates.update(Project, {"id__in": []}, {"description": "never"}) == 0
    assert not await Project.filter(description="never").exists()
