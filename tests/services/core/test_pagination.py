"""Pages read for many parents at once hold the same model instances the ORM itself would have built."""

from __future__ import annotations

import uuid

from starlette.applications import Starlette

from models import BatchJob, ErrorCategory, ImageEdit, User
from services.generation import reads
from tests.generation_support import seed_projects


async def test_nested_pages_hold_what_the_orm_builds(app: Starlette) -> None:
    owner = await User.create(id=uuid.uuid4(), subject=f"pages-{uuid.uuid4().hex[:8]}")
    project_ids = await seed_projects(owner, projects=3, batches=2, images_per_batch=3)
    # Nullable, converted and JSON columns with values in them, not only their defaults.
    failed = await ImageEdit.filter(project_id=project_ids[0]).order_by("-created_at").first()
    assert failed is not None
    failed.error_category = ErrorCategory.CONTENT_POLICY
    failed.error_message = "refused"
    failed.source_images = ["/media/a.png", "/media/b.png"]
    failed.width = 640
    await failed.save()

    images = await reads.images_pages(owner.id, project_ids, first=4, after=None)
    batches = await reads.batches_pages(owner.id, project_ids, first=1, after=None)

    for project_id in project_ids:
        page = images[project_id]
        expected = await ImageEdit.filter(project_id=project_id).order_by("-created_at", "-id").limit(4)
        assert [vars(item) for item in page.items] == [vars(item) for item in expected]
        assert page.has_next_page  # 6 images, pages of 4
        assert await page.total_count() == 6  # the parent's own rows, not every parent's
        assert await batches[project_id].total_count() == 2
        expected_batches = await BatchJob.filter(project_id=project_id).order_by("-created_at", "-id").limit(1)
        assert [vars(item) for item in batches[project_id].items] == [vars(item) for item in expected_batches]
    first_page = images[project_ids[0]].items
    assert first_page[0].id == failed.id
    assert first_page[0].error_category is ErrorCategory.CONTENT_POLICY
    assert first_page[0].source_images == ["/media/a.png", "/media/b.png"]
    # Instances that behave as loaded ones: saved in the database, and saving one writes it.
    first_page[1].prompt = "edited"
    await first_page[1].save()
    assert (await ImageEdit.get(id=first_page[1].id)).prompt == "edited"
