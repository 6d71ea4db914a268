"""Argument types shared by list fields (described once, used everywhere)."""

from __future__ import annotations

from typing import Annotated

import strawberry

First = Annotated[int, strawberry.argument(description="Page size, 0-100.")]
After = Annotated[str | None, strawberry.argument(description="Return items after this cursor.")]
