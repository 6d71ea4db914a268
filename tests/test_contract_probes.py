"""The import contracts bite: each probe adds one forbidden import to a copy of the code and expects its contract
(by ``id`` in ``pyproject.toml``) to break, while the untouched copy keeps it.

A contract that a refactor made vacuous (a renamed package, a typo in a module name) passes silently; these probes
fail instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ["app", "models", "services", "graph", "resolvers"]
LINTER = Path(sys.executable).parent / "lint-imports"


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five packages and the contracts, copied once for every probe of this module."""
    where = tmp_path_factory.mktemp("contracts")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, where / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", where / "pyproject.toml")
    return where


def lint(where: Path, contract: str) -> subprocess.CompletedProcess[str]:
    # The copy comes first on the path, ahead of the editable install of the real tree.
    env = {**os.environ, "PYTHONPATH": str(where)}
    return subprocess.run(
        [str(LINTER), "--no-cache", "--contract", contract],
        cwd=where,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def probe(copy: Path) -> Iterator[Path]:
    """The copy; every module a probe changed or added is put back afterwards."""
    before = {path: path.read_text() for package in PACKAGES for path in (copy / package).rglob("*.py")}
    yield copy
    for package in PACKAGES:
        for path in (copy / package).rglob("*.py"):
            if path not in before:
                path.unlink()
            elif path.read_text() != before[path]:
                path.write_text(before[path])


# (contract id, the module the import goes into (added when absent), the import)
PROBES = [
    ("thin-resolvers", "resolvers/contract_probe.py", "import models"),
    ("thin-resolvers", "resolvers/contract_probe.py", "from models.projects import Project"),
    ("graph-no-orm", "graph/projects/contract_probe.py", "from tortoise.expressions import Q"),
    ("core-floor", "services/core/contract_probe.py", "from services.infra import storage"),
    ("core-floor", "services/core/contract_probe.py", "from services.seedream import types"),
    ("graph-core-floor", "graph/core/contract_probe.py", "from graph.keys import scopes"),
    ("config-no-models", "services/core/config.py", "from models.enums import SizeTier"),
    ("models-no-cycle", "models/generation.py", "from models.presets import StylePreset"),
    ("graph-rooms", "graph/generation/contract_probe.py", "from graph.users import enums"),
    ("socket-no-domain", "app/websocket/contract_probe.py", "from models.generation import BatchJob"),
    ("socket-no-domain", "app/websocket/handler.py", "from services.generation import reads"),
    ("graph-rooms", "graph/presets/contract_probe.py", "from graph.generation import capabilities"),
]


@pytest.mark.parametrize(("contract", "module", "statement"), PROBES)
def test_the_contract_breaks_when_the_import_is_added(probe: Path, contract: str, module: str, statement: str) -> None:
    kept = lint(probe, contract)
    assert kept.returncode == 0, kept.stdout + kept.stderr
    target = probe / module
    existing = target.read_text() if target.exists() else ""
    target.write_text(f"{existing}\n{statement}\n")
    broken = lint(probe, contract)
    assert broken.returncode != 0, broken.stdout
    assert "1 broken" in broken.stdout, broken.stdout
    assert module.removesuffix(".py").replace("/", ".") in broken.stdout, broken.stdout
