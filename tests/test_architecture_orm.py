"""Only services query the database: ``graph/`` may hold model rows (read-only, for typing and fields) and
``resolvers/`` may not even import them, but neither runs an ORM query or write.

Import contracts see modules, not calls: ``graph`` must import ``models`` to type its converters, so the calls are
checked on the syntax tree. A call counts when its chain starts at a model class (``User.filter(...)``,
``models.BatchJob.get(...)``) or uses a method only the ORM has (``row.save()``, ``row.fetch_related(...)``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import models

ROOT = Path(__file__).resolve().parents[1]
CHECKED = [ROOT / "graph", ROOT / "resolvers"]
MODEL_CLASSES = {name for name in models.__all__ if isinstance(getattr(models, name), type)}
ORM_ONLY_METHODS = {
    "annotate",
    "bulk_create",
    "bulk_update",
    "fetch_for_list",
    "fetch_related",
    "get_or_create",
    "get_or_none",
    "prefetch_related",
    "refresh_from_db",
    "save",
    "select_for_update",
    "select_related",
    "update_or_create",
    "values_list",
}


def _chain(node: ast.AST) -> list[str]:
    """The names of a call chain, outermost last: ``User.filter(id=i).first()`` -> ``[User, filter, first]``."""
    names: list[str] = []
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            names.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Name):
            names.append(node.id)
            return names[::-1]
        else:
            return names[::-1]


def orm_calls(tree: ast.Module) -> list[int]:
    """Lines that query or write through the ORM."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        chain = _chain(node)
        rooted_at_model = bool(chain) and (
            chain[0] in MODEL_CLASSES or (chain[0] == "models" and len(chain) > 2 and chain[1] in MODEL_CLASSES)
        )
        if rooted_at_model or node.func.attr in ORM_ONLY_METHODS:
            lines.append(node.lineno)
    return lines


def test_graph_and_resolvers_run_no_orm_queries() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for folder in CHECKED
        for path in sorted(folder.rglob("*.py"))
        for line in orm_calls(ast.parse(path.read_text(), filename=str(path)))
    ]
    assert offenders == [], "graph types and resolvers read through services (their loaders), never the ORM"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("await User.filter(id=i).first()", [1]),
        ("await models.BatchJob.get(id=i)", [1]),
        ("await BatchJob.all().count()", [1]),
        ("await self._model.fetch_related('items')", [1]),
        ("await row.save(update_fields=['name'])", [1]),
        ("rows = await Project.get_or_none(\n    id=i)", [1]),
        ("await loaders.users.load(i)", []),
        ("values.get('name')", []),
        ("BatchJobType.from_model(batch)", []),
        ("isinstance(row, User)", []),
    ],
)
def test_the_orm_check_sees_queries(source: str, expected: list[int]) -> None:
    assert sorted(set(orm_calls(ast.parse(source)))) == expected
