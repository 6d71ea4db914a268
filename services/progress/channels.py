"""Bus channel names: one per batch (its subscribers) and one per user (``myEvents``)."""

from __future__ import annotations

import uuid


def batch_channel(batch_id: uuid.UUID | str) -> str:
    return f"batch:{batch_id}"


def user_channel(user_id: uuid.UUID | str) -> str:
    return f"user:{user_id}"
