"""The terminal client against a real ``playground serve`` (embedded: SQLite, in-process queue, simulator).

``playground generate --watch`` runs as a process of its own, once with its output in a pipe (plain lines, no control
codes) and once on a pseudo-terminal (the rich bar, moving to the end); exit codes tell scripts how a batch ended.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from services.core.auth import issue_token
from services.core.config import Settings
from tests.conftest import TEST_SECRET, Caller
from tests.distributed_support import ROOT, Api, Process, child_env, free_port, poll
from tests.generation_support import new_project

pytestmark = pytest.mark.slow  # a server process and several client processes

CONTROL = re.compile(r"\x1b|\r")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@dataclass
class Served:
    api: Api
    url: str
    caller: Caller
    project: str


@pytest.fixture(scope="module")
async def served(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Served]:
    work = tmp_path_factory.mktemp("client")
    port = free_port()
    env = child_env(
        {"PLAYGROUND_VAR_DIR": str(work / "var"), "JWT_SECRET": TEST_SECRET, "SIMULATOR_LATENCY_SECONDS": "0.3"}
    )
    process = Process("serve", ["serve", "--port", str(port)], env, work / "serve.log", work)
    api = Api(f"http://127.0.0.1:{port}")
    try:
        await poll(api.ready, within=60, what="the API to be ready", context=process.tail)
        settings = Settings(jwt_secret=TEST_SECRET, jwt_jwks_url=None, jwt_audience=None, jwt_issuer=None)
        caller = Caller(subject="cli-user", token=issue_token(settings, "cli-user"))
        yield Served(api, api.base_url, caller, await new_project(api, caller))
    finally:
        await api.close()
        await process.stop()


def client_env(served: Served) -> dict[str, str]:
    return child_env({"PLAYGROUND_API_URL": served.url, "PLAYGROUND_TOKEN": served.caller.token, "COLUMNS": "120"})


async def run_piped(served: Served, *args: str) -> subprocess.CompletedProcess[str]:
    return await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "app.cli", *args],
        cwd=ROOT,
        env=client_env(served),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def run_on_terminal(served: Served, *args: str, columns: int | None = None) -> tuple[int, str]:
    """Run with stdout and stderr on a pseudo-terminal; returns the exit code and everything it drew. With
    ``columns``, the terminal is that wide and ``COLUMNS`` is not set: the client finds the width as it would in a
    user's shell."""
    leader, follower = pty.openpty()
    env = client_env(served) | {"TERM": "xterm-256color"}
    if columns is not None:
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
        del env["COLUMNS"]
    child = subprocess.Popen(
        [sys.executable, "-m", "app.cli", *args],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
    )
    os.close(follower)
    drawn = bytearray()
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        drawn.extend(chunk)
    os.close(leader)
    return child.wait(timeout=60), drawn.decode(errors="replace")


CSI = re.compile(r"\x1b\[([0-9;?]*)([A-Za-z])")


def screen(drawn: str, columns: int) -> list[str]:
    """The rows a terminal ``columns`` wide shows after ``drawn``: printing wraps at the last column (as a terminal
    does), carriage return, newline, cursor up/down and erase-in-line are followed; colours and modes are ignored."""
    rows: list[list[str]] = [[]]
    row = col = 0
    i = 0
    while i < len(drawn):
        char = drawn[i]
        match = CSI.match(drawn, i) if char == "\x1b" else None
        if match:
            i = match.end()
            params, command = match.group(1), match.group(2)
            count = int(params) if params.isdigit() else 1
            if command == "A":
                row = max(0, row - count)
            elif command == "B":
                row += count
            elif command == "K":
                line = rows[row]
                if params in ("2", "1"):
                    rows[row] = [" "] * len(line) if params == "2" else [" "] * col + line[col:]
                else:
                    rows[row] = line[:col]
            continue
        i += 1
        if char == "\r":
            col = 0
        elif char == "\n":
            row, col = row + 1, 0
        elif char >= " ":
            if col >= columns:  # the terminal wraps onto the next row
                row, col = row + 1, 0
            while len(rows) <= row:
                rows.append([])
            line = rows[row]
            line.extend(" " * (col + 1 - len(line)))
            line[col] = char
            col += 1
        while len(rows) <= row:
            rows.append([])
    return ["".join(line).rstrip() for line in rows]


async def test_generate_watch_in_a_pipe_prints_plain_progress_to_the_end(served: Served) -> None:
    result = await run_piped(
        served, "generate", "--project", served.project, "--prompt", "four foxes", "--mode", "SEQUENTIAL",
        "--max-images", "4", "--size", "1024x1024", "--watch",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert not CONTROL.search(result.stdout), repr(result.stdout)
    lines = result.stdout.splitlines()
    batch_id = re.match(r"batch (\S+) QUEUED: 4 images, 4 credits held", lines[0])
    assert batch_id, lines
    images = [line for line in lines if line.startswith("image ")]
    assert sorted(line.split(":", 1)[0] for line in images) == [f"image {n}" for n in range(1, 5)], lines
    assert all(f"{served.url}/media/" in line for line in images), images
    assert lines[-1] == f"batch {batch_id.group(1)}: SUCCEEDED 4/4 images, 0 credits held, 4 charged", lines
    for image in images:  # the printed URLs are the API's, and serve the images
        response = await served.api.http.get(image.split(": ", 1)[1])
        assert response.status_code == 200

    listed = await run_piped(served, "batches")
    assert listed.returncode == 0, listed.stderr
    assert batch_id.group(1) in listed.stdout
    assert "SUCCEEDED" in listed.stdout
    assert not CONTROL.search(listed.stdout)

    again = await run_piped(served, "watch", batch_id.group(1))  # an ended batch: its last state, at once
    assert again.returncode == 0
    assert again.stdout.splitlines()[-1] == lines[-1]
    # Its snapshot lists every delivered image: each URL is printed, as the first watch printed them.
    assert sorted(line for line in again.stdout.splitlines() if line.startswith("image ")) == sorted(images)


async def test_generate_watch_on_a_terminal_draws_a_bar_that_reaches_the_end(served: Served) -> None:
    code, drawn = await asyncio.to_thread(
        run_on_terminal, served, "generate", "--project", served.project, "--prompt", "three owls",
        "--mode", "SEQUENTIAL", "--max-images", "3", "--size", "1024x1024", "--watch",
    )  # fmt: skip
    assert code == 0, drawn
    assert "\x1b[" in drawn  # a live display, redrawn in place
    assert "━" in drawn  # the bar
    text = ANSI.sub("", drawn)
    counts = [int(done) for done in re.findall(r"(\d)/3 images", text)]
    assert counts == sorted(counts), counts  # it only moves forward...
    assert {1, 2} & set(counts), counts  # ...through the images as they land...
    assert counts[-1] == 3, counts  # ...to the end
    assert text.rstrip().endswith("SUCCEEDED"), text
    assert len(re.findall(r"image \d: http://", text)) == 3, text


async def test_exit_codes_tell_a_failed_batch_and_a_bad_request(served: Served) -> None:
    failed = await run_piped(
        served, "generate", "--project", served.project, "--prompt", "nope [[fail:policy]]", "--size", "1024x1024",
        "--watch",
    )  # fmt: skip
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "FAILED 0/1 image, 1 failed" in failed.stdout  # singular: one image, one credit
    # Why it failed is printed too, not only that it did.
    assert re.search(r"^item 1 failed: .+ \(CONTENT_POLICY\)$", failed.stdout, re.MULTILINE), failed.stdout

    partial = await run_piped(
        served, "generate", "--project", served.project, "--prompt", "some [[partial:1]]", "--mode", "SEQUENTIAL",
        "--max-images", "2", "--size", "1024x1024", "--watch",
    )  # fmt: skip
    assert partial.returncode == 3, partial.stdout + partial.stderr

    unknown = await run_piped(served, "generate", "--project", "nope", "--prompt", "x", "--size", "1024x1024")
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("playground: "), unknown.stderr

    env = client_env(served)
    del env["PLAYGROUND_TOKEN"]
    no_token = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "app.cli", "batches"], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=60, check=False,
    )  # fmt: skip
    assert no_token.returncode == 2
    assert "PLAYGROUND_TOKEN" in no_token.stderr


async def test_client_commands_accept_an_api_key_from_playground_api_key(served: Served) -> None:
    created = await served.api(
        'mutation { apiKeyCreate(input: {name: "cli", scopes: [READ, GENERATE]}) { key userErrors { code } } }',
        caller=served.caller,
    )
    key = created["data"]["apiKeyCreate"]["key"]
    env = client_env(served)
    del env["PLAYGROUND_TOKEN"]
    env["PLAYGROUND_API_KEY"] = key
    command = [sys.executable, "-m", "app.cli", "generate", "--project", served.project, "--prompt", "by key",
               "--size", "1024x1024", "--watch"]  # fmt: skip
    result = await asyncio.to_thread(
        subprocess.run, command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCEEDED 1/1 image," in result.stdout.splitlines()[-1]
    env["PLAYGROUND_API_KEY"] = key[:-1] + ("0" if key[-1] != "0" else "1")  # a bad checksum: refused
    refused = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "app.cli", "batches"], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=60, check=False,
    )  # fmt: skip
    assert refused.returncode == 2, refused.stdout + refused.stderr


def test_module_is_importable_without_the_web_stack() -> None:
    # The client commands only talk HTTP/WebSocket: importing them must not drag in Strawberry or the schema.
    code = "import sys, app.client; print('strawberry' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
    assert Path(ROOT, "app", "client.py").is_file()


def test_an_unknown_mode_is_one_line_listing_the_valid_modes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "generate", "--project", "p", "--prompt", "x", "--mode", "FOO"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "--mode: invalid choice: 'FOO'" in result.stderr
    for mode in ("TEXT_TO_IMAGE", "EDIT", "MULTI_REFERENCE", "SEQUENTIAL"):
        assert mode in result.stderr


def test_counts_of_one_are_singular() -> None:
    import io

    from app.client import PlainView

    out = io.StringIO()
    view = PlainView("b1", out)
    view.update({"status": "RUNNING", "completed": 0, "failed": 0, "total": 1, "terminal": False, "etaSeconds": 5,
                 "creditsHeld": 1, "creditsCaptured": 0})  # fmt: skip
    assert out.getvalue() == "batch b1: RUNNING 0/1 image, ETA 5 s, 1 credit held\n"


async def test_the_live_line_fits_a_narrow_terminal_and_leaves_no_fragments(served: Served) -> None:
    code, drawn = await asyncio.to_thread(
        run_on_terminal, served, "generate", "--project", served.project, "--prompt", "three narrow owls",
        "--mode", "SEQUENTIAL", "--max-images", "3", "--size", "1024x1024", "--watch", columns=60,
    )  # fmt: skip
    assert code == 0, drawn
    rows = [row for row in screen(drawn, 60) if row.strip()]
    # What stays on the screen: the submit line, the image URLs (printed once, wrapped by the terminal) and the final
    # state of the live line, on one row that fits: no piece of an earlier redraw is left behind.
    status_rows = [row for row in rows if "/3 images" in row]
    assert status_rows == [rows[-1]], rows
    assert len(rows[-1]) < 60, rows
    assert rows[-1].startswith("batch "), rows
    assert rows[-1].endswith("SUCCEEDED"), rows
    assert sum(row.count("held") for row in rows) == 2, rows  # the submit line's and the final line's
    assert not any("RUNNING" in row or "QUEUED ·" in row for row in rows), rows


async def test_the_eta_counts_down_between_events(served: Served) -> None:
    # A size tier nothing has measured yet: the estimate is the default item time, and the one image takes 4 s, so
    # several seconds pass with no event at all.
    code, drawn = await asyncio.to_thread(
        run_on_terminal, served, "generate", "--project", served.project, "--prompt", "slow heron [[delay:4]]",
        "--size", "2048x2048", "--watch",
    )  # fmt: skip
    assert code == 0, drawn
    shown = [int(seconds) for seconds in re.findall(r"ETA (\d+) s", ANSI.sub("", drawn))]
    ticks = [value for i, value in enumerate(shown) if i == 0 or value != shown[i - 1]]
    # A countdown: three redraws in a row, each a second less than the one before.
    assert any(ticks[i] - 1 == ticks[i + 1] == ticks[i + 2] + 1 for i in range(len(ticks) - 2)), ticks
