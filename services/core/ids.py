"""Object ids as clients send them."""

from __future__ import annotations

import uuid


def parse_id(value: str) -> uuid.UUID | None:
    """An id from a client, or None when it cannot be one of ours (callers then answer "not found")."""
    try:
        return uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        return None
