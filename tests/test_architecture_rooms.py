"""Graph rooms import each other only for the type checker: every import of another room sits under
``if TYPE_CHECKING:`` (the field names the type through ``strawberry.lazy``, the conversion finds the class with
``graph.core.rooms.room_type``). The import-linter contract ``graph-rooms`` lists those edges as ignored; this
check is what keeps each of them from becoming a run-time import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GRAPH = ROOT / "graph"
ROOMS = sorted(p.name for p in GRAPH.iterdir() if p.is_dir() and (p / "__init__.py").exists() and p.name != "core")
# (module, imported room): run-time imports still waiting for their own change (the progress events).
KNOWN = {("graph.generation.events", "credits"), ("graph.generation.events", "account")}


def _under_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def runtime_room_imports(tree: ast.Module, room: str) -> list[tuple[int, str]]:
    """(line, other room) of every import of another graph room outside ``if TYPE_CHECKING:``."""
    shielded: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _under_type_checking(node):
            shielded.update(id(child) for stmt in node.body for child in ast.walk(stmt))
    found = []
    for node in ast.walk(tree):
        if id(node) in shielded:
            continue
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if len(parts) >= 2 and parts[0] == "graph" and parts[1] not in (room, "core"):
                found.append((node.lineno, parts[1]))
                break
    return found


def test_rooms_import_each_other_only_for_the_type_checker() -> None:
    offenders = []
    for room in ROOMS:
        for path in sorted((GRAPH / room).rglob("*.py")):
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            for line, other in runtime_room_imports(ast.parse(path.read_text()), room):
                if (module, other) not in KNOWN:
                    offenders.append(f"{path.relative_to(ROOT)}:{line} imports graph.{other}")
    assert offenders == [], "name another room's types with strawberry.lazy and graph.core.rooms.room_type"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from graph.presets.types import StylePresetType", [(1, "presets")]),
        ("import graph.users.types", [(1, "users")]),
        ("from graph import presets", [(1, "presets")]),
        ("def f():\n    from graph.presets.types import X", [(2, "presets")]),
        ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from graph.presets.types import X", []),
        ("from graph.core.rooms import room_type", []),
        ("from graph.generation.enums import BatchStatus", []),
    ],
)
def test_the_room_check_sees_runtime_imports(source: str, expected: list[tuple[int, str]]) -> None:
    assert runtime_room_imports(ast.parse(source), "generation") == expected
