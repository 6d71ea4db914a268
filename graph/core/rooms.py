"""How one graph room (domain package) shows another room's types without importing it.

Rooms are independent (an import-linter contract): a field typed with another room's type names it through
``strawberry.lazy`` (resolved when the schema is built), and the conversion at run time finds the class by the
same name (``room_type``). The type checker still sees the real class through an ``if TYPE_CHECKING:`` import,
which ``tests/test_architecture_rooms.py`` keeps the only kind of import between rooms.
"""

from __future__ import annotations

import functools
from typing import Any

from strawberry.types.lazy_type import LazyType


@functools.cache
def room_type(module: str, name: str) -> Any:
    """The class ``name`` of the graph module ``module``, found when first called (as ``strawberry.lazy`` does)
    and kept: resolving it again reads the module table and stats ``__main__``'s file, per call."""
    return LazyType(name, module).resolve_type()
