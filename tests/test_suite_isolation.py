"""The suite runs beside other users of the same Redis and PostgreSQL servers: every test reaches the test Redis
through ``PLAYGROUND_TEST_REDIS_URL`` (its database number included), never a hard-coded one."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
# A URL naming a database of the shared Redis: on a literal port, or through a relay to it (``{proxy.port}/0``).
# A Redis server a test starts for itself (``tests/test_faults.py``) is its own to number.
LOCAL_REDIS_WITH_A_DATABASE = re.compile(r"redis://(?:127\.0\.0\.1|localhost):(\d+|\{[^}]*proxy[^}]*\})/\d")
UNREACHABLE_PORT = "1"  # tests of an unreachable Redis point at port 1: no server, no database used
DEFAULT = TESTS / "conftest.py"  # where the variable's documented default lives


def test_no_test_names_a_redis_database_of_its_own() -> None:
    offenders = [
        f"{path.relative_to(TESTS.parent)}:{number}: {line.strip()}"
        for path in sorted(TESTS.rglob("*.py"))
        if path != DEFAULT
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for match in LOCAL_REDIS_WITH_A_DATABASE.finditer(line)
        if match.group(1) != UNREACHABLE_PORT
    ]
    assert offenders == [], "use PLAYGROUND_TEST_REDIS_URL (tests.conftest.TEST_REDIS_URL):\n" + "\n".join(offenders)
