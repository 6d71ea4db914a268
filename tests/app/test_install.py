"""The README's first command installs from the runtime and build locks alone (not the dev lock CI uses): a fresh
virtual environment gets exactly those, then the project, editable, and `playground` runs."""

from __future__ import annotations

import subprocess
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_runtime_and_build_locks_install_the_project(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    locks = ["-r", str(ROOT / "requirements/runtime.lock"), "-r", str(ROOT / "requirements/build.lock")]
    subprocess.run([*pip, "--require-hashes", *locks], check=True, timeout=600)
    # The same step as scripts/serve: an editable install built by the locked backend, nothing downloaded.
    subprocess.run([*pip, "--no-deps", "--no-build-isolation", "-e", str(ROOT)], check=True, timeout=300)
    result = subprocess.run(
        [str(env_dir / "bin" / "playground"), "--help"], capture_output=True, text=True, check=True, timeout=60
    )
    assert "serve" in result.stdout
