"""The production image's recipe: pinned bases, the browser playground built into it, and a build context that
leaves local state out. (No Docker engine runs here: ``hadolint`` lints the Dockerfile in ``scripts/test``; these
checks read it.)"""

from __future__ import annotations

import fnmatch
import re

from tests.distributed_support import ROOT

DOCKERFILE = (ROOT / "Dockerfile").read_text()
IGNORED = [
    line.strip().rstrip("/")
    for line in (ROOT / ".dockerignore").read_text().splitlines()
    if line.strip() and not line.startswith("#")
]


def ignored(path: str) -> bool:
    """Whether ``.dockerignore`` keeps ``path`` (or a folder above it) out of the build context."""
    parts = path.split("/")
    prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    return any(fnmatch.fnmatch(prefix, pattern) for prefix in prefixes for pattern in IGNORED)


def test_every_base_image_is_pinned_by_digest() -> None:
    bases = re.findall(r"^FROM\s+(\S+)", DOCKERFILE, flags=re.MULTILINE)
    assert len(bases) == 3
    for base in bases:
        assert re.fullmatch(r"[\w./-]+:[\w.-]+@sha256:[0-9a-f]{64}", base), base


def test_the_image_builds_and_carries_the_playground() -> None:
    assert re.search(r"^RUN npm ci\b", DOCKERFILE, flags=re.MULTILINE)
    assert re.search(r"^RUN npm run build$", DOCKERFILE, flags=re.MULTILINE)
    assert "COPY --from=web /web/dist /app/web" in DOCKERFILE
    assert "WEB_DIST_DIR=/app/web" in DOCKERFILE


def test_local_state_and_builds_stay_out_of_the_build_context() -> None:
    for path in (
        "var/jwt_secret",
        "var/playground.db",
        ".venv/bin/python",
        ".git/HEAD",
        "web/node_modules/react/index.js",
        "web/dist/index.html",
        "app/__pycache__/api.cpython-311.pyc",
        ".env",
    ):
        assert ignored(path), path
    for path in (
        "app/api.py",
        "services/core/config.py",
        "migrations/sqlite/0_init.py",
        "web/src/main.tsx",
        "web/package-lock.json",
        "requirements/runtime.lock",
        "pyproject.toml",
        "README.md",
    ):
        assert not ignored(path), path
