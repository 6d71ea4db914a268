"""The structure holds: imports follow the layers (contracts in pyproject.toml, checked by import-linter), only
``services/credits.py`` writes the ledger or a balance, and only ``services/access.py`` scopes rows to an owner.

The two source checks read the syntax tree of every module under ``services/``, so a call written over several
lines, through an alias or with ``**`` keywords spelled out, is still seen.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SERVICES = ROOT / "services"
LEDGER_WRITER = SERVICES / "credits.py"
ACCESS = SERVICES / "access.py"
QUERY_METHODS = {"filter", "exclude", "get", "get_or_none", "update", "delete"}
OWNER_KEYWORDS = {"owner", "owner_id", "owner__id"}
WRITE_METHODS = {"create", "bulk_create", "update_or_create", "get_or_create", "update", "bulk_update", "save"}


def test_import_contracts_are_kept() -> None:
    linter = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(linter)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _modules() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(SERVICES.rglob("*.py")):
        yield path, ast.parse(path.read_text(), filename=str(path))


def _call_chain_names(node: ast.AST) -> set[str]:
    """Every name and attribute in a call chain such as ``CreditLedgerEntry.filter(...).update(...)``."""
    names: set[str] = set()
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
            node = node.value
        elif isinstance(node, ast.Name):
            names.add(node.id)
            return names
        else:
            return names


def ledger_writes(tree: ast.Module) -> list[int]:
    """Lines that create or change ledger rows, or set a user's ``credits`` column."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        chain = _call_chain_names(node)
        method = node.func.attr if isinstance(node.func, ast.Attribute) else None
        if "CreditLedgerEntry" in chain and (method in WRITE_METHODS or isinstance(node.func, ast.Name)):
            lines.append(node.lineno)
        if "User" in chain and method == "update" and any(k.arg == "credits" for k in node.keywords):
            lines.append(node.lineno)
        if "_apply" in chain:  # the private primitive behind reserve, capture, refund, grant and signup
            lines.append(node.lineno)
    return lines


def owner_filters(tree: ast.Module) -> list[int]:
    """Lines that scope a query by owner (``.filter(owner_id=...)``, ``Q(owner_id=...)``...)."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        method = node.func.attr if isinstance(node.func, ast.Attribute) else None
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if (method in QUERY_METHODS or name == "Q") and any(k.arg in OWNER_KEYWORDS for k in node.keywords):
            lines.append(node.lineno)
    return lines


def test_only_the_credits_module_writes_the_ledger() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for path, tree in _modules()
        if path != LEDGER_WRITER
        for line in ledger_writes(tree)
    ]
    assert offenders == [], "ledger rows and balances are written only by services/credits.py"


def test_only_the_access_module_scopes_by_owner() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for path, tree in _modules()
        if path != ACCESS
        for line in owner_filters(tree)
    ]
    assert offenders == [], "owner filters go through services/access.py"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("CreditLedgerEntry.create(user_id=u, amount=1)", [1]),
        ("await models.CreditLedgerEntry.bulk_create(rows)", [1]),
        ("CreditLedgerEntry(user_id=u)", [1]),
        ("CreditLedgerEntry.filter(id=i).update(amount=0)", [1]),
        ("User.filter(id=u).update(\n    credits=F('credits') + 1)", [1]),
        ("credits._apply(u, amount=5, kind=k, idempotency_key=key)", [1]),
        ("CreditLedgerEntry.filter(user_id=u)", []),
        ("User.filter(id=u).update(role='admin')", []),
    ],
)
def test_the_ledger_check_sees_writes(source: str, expected: list[int]) -> None:
    assert ledger_writes(ast.parse(source)) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Project.filter(owner_id=u)", [1]),
        ("await BatchJob.get_or_none(\n    id=i, owner_id=u)", [1]),
        ("Q(owner_id=u) | Q(visibility=v)", [1]),
        ("query.filter(owner__id=u)", [1]),
        ("Project.create(owner_id=u, name=n)", []),
        ("Project.filter(id=i)", []),
    ],
)
def test_the_owner_check_sees_filters(source: str, expected: list[int]) -> None:
    assert owner_filters(ast.parse(source)) == expected
