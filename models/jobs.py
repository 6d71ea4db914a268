"""The job outbox: background jobs of any kind, waiting to be handed to their queue."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class JobOutbox(Model):
    """A job of record waiting for a hand-over to its kind's queue.

    A row is written in the transaction of the change that calls for the job (a batch created, a webhook event
    recorded) and deleted once the queue has taken the job: the database, not Redis, decides what must run. Read and
    written only by ``services.infra.jobs.outbox``."""

    id = fields.UUIDField(primary_key=True)
    kind = fields.CharField(max_length=64, description="The job kind's name (services.infra.jobs.JobKind.name)")
    key = fields.UUIDField(description="The id of the job's row of record (the batch, the delivery)")
    attempts = fields.IntField(default=0, description="Hand-overs tried so far")
    due_at = fields.DatetimeField(description="When a drainer may try (again): now, later after a failure or claim")
    last_error = fields.CharField(max_length=255, null=True, description="Why the last hand-over failed")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "playground_job_outbox"
        unique_together = (("kind", "key"),)
        indexes = (("due_at",),)
