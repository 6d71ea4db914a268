"""The terminal client: ``playground generate``, ``playground watch`` and ``playground batches``.

It talks to a running API like any other client: GraphQL over HTTP for queries and mutations, and the
``graphql-transport-ws`` subscription ``batchProgress`` for live progress, with a bearer credential from ``--token``,
``PLAYGROUND_API_KEY`` (an API key, ``ppk_…``) or ``PLAYGROUND_TOKEN`` (a JWT), in that order. On a terminal,
progress is one live line (a bar, images done, ETA, credits held) with each image's URL printed above it as it lands;
the line is cut to the terminal's width (read at every redraw, so a resize is followed) and never wraps, so it leaves
no fragments behind, and its ETA counts down each second to the server's ``etaAt`` between events. Anywhere else (a
pipe, a file, CI) it is plain lines without control codes. When images failed, each failed item's reason is printed
once the batch ended. A socket closed by a restarting API
(1012, or dropped) is opened again and resumes after the last event seen (``afterSeq``).

Exit codes, for scripts: 0 the batch succeeded (or was submitted, without ``--watch``), 3 it partly succeeded,
1 it failed or was cancelled, 2 the request itself failed (connection, token, invalid input).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol, TextIO
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx
from rich.console import Console
from rich.live import Live
from rich.table import Table
from rich.text import Text
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.typing import Subprotocol

DEFAULT_API_URL = "http://127.0.0.1:8000"
PROTOCOL = Subprotocol("graphql-transport-ws")
EXIT_SUCCEEDED, EXIT_FAILED, EXIT_ERROR, EXIT_PARTIAL = 0, 1, 2, 3
EXIT_BY_STATUS = {"SUCCEEDED": EXIT_SUCCEEDED, "PARTIALLY_SUCCEEDED": EXIT_PARTIAL}
RECONNECTS = 5
"""Times a dropped progress socket is opened again before the client gives up."""

GENERATE = """
mutation($input: GenerateInput!) {
  generate(input: $input) {
    batchJob { id status totalImages creditsReserved }
    userErrors { field code message }
  }
}"""
PROGRESS = """
subscription($id: ID!, $after: Int) {
  batchProgress(batchJobId: $id, afterSeq: $after) {
    seq status terminal total completed failed cancelled etaSeconds creditsHeld creditsCaptured creditsRefunded
    kind etaAt image { batchIndex url } images { batchIndex url }
  }
}"""
FAILURES = """
query($id: ID!) {
  batchJob(id: $id) { errorMessage items { itemIndex status errorCategory errorMessage } }
}"""
BATCHES = """
query($first: Int!) {
  batchJobs(first: $first) {
    edges { node { id status mode totalImages completedImages failedImages creditsCaptured createdAt } }
  }
}"""


class ClientError(Exception):
    """The API could not be reached, refused the token, or answered with errors."""


@dataclass
class ApiClient:
    """GraphQL over HTTP and graphql-transport-ws against ``base_url`` (e.g. ``http://127.0.0.1:8000``)."""

    base_url: str
    token: str
    http: httpx.AsyncClient = field(init=False)

    def __post_init__(self) -> None:
        self.base_url = self.base_url.rstrip("/")
        self.http = httpx.AsyncClient(base_url=self.base_url, timeout=30.0, headers=self._headers)

    @property
    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    @property
    def ws_url(self) -> str:
        parts = urlsplit(self.base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        return urlunsplit((scheme, parts.netloc, parts.path + "/graphql", "", ""))

    def absolute(self, url: str) -> str:
        """Image URLs may be relative to the API (``/media/...``)."""
        return urljoin(self.base_url + "/", url)

    async def close(self) -> None:
        await self.http.aclose()

    async def execute(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The ``data`` of a query or mutation; GraphQL errors raise `ClientError`."""
        try:
            response = await self.http.post("/graphql", json={"query": query, "variables": variables or {}})
        except httpx.HTTPError as error:
            raise ClientError(f"cannot reach {self.base_url}: {error}") from error
        try:
            body: dict[str, Any] = response.json()
        except ValueError as error:
            raise ClientError(f"{self.base_url} answered {response.status_code} without JSON") from error
        if body.get("errors"):
            raise ClientError("; ".join(str(e.get("message")) for e in body["errors"]))
        data: dict[str, Any] = body["data"]
        return data

    async def subscribe(self, query: str, variables: dict[str, Any]) -> AsyncIterator[dict[str, Any]]:
        """The ``data`` of each event of one subscription until it completes. A closed socket raises
        ``ConnectionClosed`` (the caller decides whether to resume)."""
        try:
            ws = await connect(self.ws_url, subprotocols=[PROTOCOL], open_timeout=10)
        except (OSError, InvalidStatus, TimeoutError) as error:
            raise ClientError(f"cannot open {self.ws_url}: {error}") from error
        async with ws:
            await ws.send(json.dumps({"type": "connection_init", "payload": self._headers}))
            ack = json.loads(await asyncio.wait_for(ws.recv(), 15))
            if ack.get("type") != "connection_ack":
                raise ClientError(f"the API refused the socket: {ack}")
            await ws.send(
                json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query, "variables": variables}})
            )
            async for raw in ws:
                message = json.loads(raw)
                kind = message.get("type")
                if kind == "ping":
                    await ws.send(json.dumps({"type": "pong"}))
                elif kind == "next":
                    payload = message.get("payload") or {}
                    if payload.get("errors"):
                        raise ClientError("; ".join(str(e.get("message")) for e in payload["errors"]))
                    yield payload["data"]
                elif kind == "error":
                    raise ClientError("; ".join(str(e.get("message")) for e in message.get("payload") or []))
                elif kind == "complete":
                    return


# --- showing progress -----------------------------------------------------------------------------------------------


class ProgressView(Protocol):
    def update(self, event: dict[str, Any]) -> None:
        """A progress event (the first is the snapshot)."""

    def image(self, index: int, url: str) -> None:
        """An image landed."""

    def notice(self, text: str) -> None:
        """Something to say that is not progress (a reconnect)."""

    def close(self) -> None: ...


def plural(count: int, noun: str) -> str:
    """``1 image``, ``2 images``, ``0 credits``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _eta(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    seconds = max(0, round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}" if seconds >= 60 else f"{seconds} s"


def remaining(event: dict[str, Any], now: datetime | None = None) -> float | None:
    """Seconds left until the event's ``etaAt`` (the server's estimate of the end), counted on from ``now``; the
    event's ``etaSeconds`` when it has no ``etaAt``; None once the batch ended."""
    if event["terminal"]:
        return None
    eta_at = event.get("etaAt")
    if eta_at:
        end = datetime.fromisoformat(eta_at)
        return max(0.0, (end - (now or datetime.now(UTC))).total_seconds())
    seconds: float | None = event.get("etaSeconds")
    return seconds


class PlainView:
    """One line per change, nothing but text: for pipes, files and CI logs."""

    def __init__(self, batch_id: str, out: TextIO) -> None:
        self.batch_id = batch_id
        self.out = out
        self._last: tuple[Any, ...] | None = None

    def update(self, event: dict[str, Any]) -> None:
        shown = (event["status"], event["completed"], event["failed"], event["creditsHeld"])
        if shown == self._last and not event["terminal"]:
            return
        self._last = shown
        self._print(
            f"batch {self.batch_id}: {event['status']} {event['completed']}/{plural(event['total'], 'image')}"
            + (f", {event['failed']} failed" if event["failed"] else "")
            + (f", ETA {_eta(remaining(event))}" if not event["terminal"] else "")
            + f", {plural(event['creditsHeld'], 'credit')} held"
            + (f", {event['creditsCaptured']} charged" if event["terminal"] else "")
        )

    def image(self, index: int, url: str) -> None:
        self._print(f"image {index + 1}: {url}")

    def notice(self, text: str) -> None:
        self._print(text)

    def close(self) -> None:
        self.out.flush()

    def _print(self, line: str) -> None:
        print(line, file=self.out, flush=True)


def terminal_width(console: Console) -> int:
    """Columns of the terminal now (``COLUMNS``, else the terminal's own size, else rich's guess)."""
    return shutil.get_terminal_size((console.width, console.height)).columns


BAR_MIN = 8
"""Fewer columns than this left for the bar: no bar, only the figures."""


class RichView:
    """One live line on a terminal: a bar, images done of total, ETA, credits held, status; image URLs are printed
    above it. The line is built for the terminal's width at every redraw (a resize is followed) and is cut, never
    wrapped: a wrapped line is one the redraw cannot erase, and its pieces would stay on the screen. Between events
    the ETA counts down to the last event's ``etaAt`` (the live display redraws four times a second)."""

    def __init__(self, batch_id: str, console: Console) -> None:
        self.console = console
        self.label = f"batch {batch_id[:8]}"
        self.event: dict[str, Any] | None = None
        self.live = Live(console=console, get_renderable=self.line, refresh_per_second=4, transient=False)
        self.live.start()

    def line(self) -> Text:
        # One column short of the width: some terminals wrap as soon as the last column is written.
        width = max(1, terminal_width(self.console) - 1)
        event = self.event
        if event is None:
            text = Text(f"{self.label} waiting for progress…")
        else:
            done = event["completed"] + event["failed"] + event["cancelled"]
            figures = f" {done}/{plural(event['total'], 'image')}"
            if not event["terminal"]:
                figures += f" · ETA {_eta(remaining(event))}"
            figures += f" · {plural(event['creditsHeld'], 'credit')} held · {event['status']}"
            text = Text(self.label, style="bold")
            bar = width - len(self.label) - len(figures) - 1
            if bar >= BAR_MIN:
                filled = round(bar * done / event["total"]) if event["total"] else 0
                text.append(" ")
                text.append("━" * filled, style="magenta")
                text.append("━" * (bar - filled), style="grey23")
            text.append(figures)
        text.no_wrap = True
        text.truncate(width, overflow="ellipsis")
        return text

    def update(self, event: dict[str, Any]) -> None:
        self.event = event
        self.live.refresh()  # every event is drawn, not only those that fall on the refresh tick

    def image(self, index: int, url: str) -> None:
        self.live.console.print(f"image {index + 1}: {url}", highlight=False, soft_wrap=True)

    def notice(self, text: str) -> None:
        self.live.console.print(text, style="yellow", highlight=False, soft_wrap=True)

    def close(self) -> None:
        self.live.stop()


def make_view(batch_id: str, out: TextIO | None = None) -> ProgressView:
    """The bar on a terminal, plain lines otherwise."""
    out = out or sys.stdout
    if out.isatty():
        return RichView(batch_id, Console(file=out))
    return PlainView(batch_id, out)


# --- commands -------------------------------------------------------------------------------------------------------


async def watch(client: ApiClient, batch_id: str, view: ProgressView) -> int:
    """Follow a batch to its end; the exit code of its final status."""
    after: int | None = None
    shown: set[int] = set()
    reconnects = 0
    try:
        while True:
            try:
                async for data in client.subscribe(PROGRESS, {"id": batch_id, "after": after}):
                    event = data["batchProgress"]
                    after = event["seq"]
                    reconnects = 0
                    # A snapshot lists every image so far (after a resume whose missed events were no longer kept);
                    # replayed events carry theirs: each image is printed once, whichever way it came.
                    delivered = list(event.get("images") or [])
                    if event["image"] is not None:
                        delivered.append(event["image"])
                    for image in delivered:
                        if image["batchIndex"] not in shown:
                            shown.add(image["batchIndex"])
                            view.image(image["batchIndex"], client.absolute(image["url"]))
                    view.update(event)
                    if event["terminal"]:
                        if event["failed"] or event["status"] == "FAILED":
                            for reason in await failure_reasons(client, batch_id):
                                view.notice(reason)
                        return EXIT_BY_STATUS.get(event["status"], EXIT_FAILED)
                raise ClientError("the subscription ended before the batch did")
            except (ConnectionClosed, ClientError) as error:
                # A restarting API closes sockets with 1012; another replica (or the same, back) picks us up.
                restartable = isinstance(error, ConnectionClosed) or "cannot open" in str(error)
                if not restartable or reconnects >= RECONNECTS:
                    raise
                reconnects += 1
                view.notice(f"connection lost ({error}); reconnecting ({reconnects}/{RECONNECTS})")
                await asyncio.sleep(min(8.0, 0.5 * 2**reconnects))  # backoff before reconnecting, not a wait for state
    finally:
        view.close()


async def failure_reasons(client: ApiClient, batch_id: str) -> list[str]:
    """Why the failed items of a batch failed, one line each (and the batch's own error, if any)."""
    try:
        job = (await client.execute(FAILURES, {"id": batch_id}))["batchJob"]
    except ClientError as error:
        return [f"failure reasons unavailable: {error}"]
    if job is None:
        return []
    reasons = [
        f"item {item['itemIndex'] + 1} failed: {item['errorMessage'] or 'no reason given'}"
        + (f" ({item['errorCategory']})" if item["errorCategory"] else "")
        for item in job["items"]
        if item["status"] == "FAILED"
    ]
    if job["errorMessage"] and not reasons:
        reasons.append(f"batch failed: {job['errorMessage']}")
    return reasons


def generate_input(
    *,
    project: str,
    prompts: list[str],
    mode: str | None,
    count: int | None,
    max_images: int | None,
    size: str | None,
    presets: list[str],
) -> dict[str, Any]:
    """``GenerateInput`` from the command's options: one prompt is ``prompt``, several are ``prompts``."""
    fields: dict[str, Any] = {"projectId": project}
    if len(prompts) == 1:
        fields["prompt"] = prompts[0]
    elif prompts:
        fields["prompts"] = prompts
    optional = {"mode": mode, "count": count, "maxImages": max_images, "size": size}
    fields.update({key: value for key, value in optional.items() if value is not None})
    if presets:
        fields["presets"] = [{"presetId": preset} for preset in presets]
    return fields


async def generate(client: ApiClient, fields: dict[str, Any], *, follow: bool, out: TextIO) -> int:
    data = await client.execute(GENERATE, {"input": fields})
    payload = data["generate"]
    if payload["userErrors"]:
        raise ClientError("; ".join(f"{'.'.join(e['field'] or [])}: {e['message']}" for e in payload["userErrors"]))
    batch = payload["batchJob"]
    summary = f"{plural(batch['totalImages'], 'image')}, {plural(batch['creditsReserved'], 'credit')} held"
    print(f"batch {batch['id']} {batch['status']}: {summary}", file=out, flush=True)
    if not follow:
        return EXIT_SUCCEEDED
    return await watch(client, batch["id"], make_view(batch["id"], out))


async def batches(client: ApiClient, *, first: int, out: TextIO) -> int:
    data = await client.execute(BATCHES, {"first": first})
    table = Table("id", "status", "mode", "images", "failed", "credits", "created", box=None)
    for edge in data["batchJobs"]["edges"]:
        node = edge["node"]
        table.add_row(
            node["id"],
            node["status"],
            node["mode"],
            f"{node['completedImages']}/{node['totalImages']}",
            str(node["failedImages"]),
            str(node["creditsCaptured"]),
            node["createdAt"],
        )
    # Full ids even when piped (rich would squeeze the table to 80 columns).
    Console(file=out, width=None if out.isatty() else 200).print(table)
    return EXIT_SUCCEEDED


def connection(api: str | None, token: str | None) -> ApiClient:
    """The client for ``--api`` / ``PLAYGROUND_API_URL`` and ``--token`` / ``PLAYGROUND_API_KEY`` /
    ``PLAYGROUND_TOKEN``. An API key comes before a JWT: it is the credential meant for scripts and servers (it needs
    READ to watch, GENERATE to generate)."""
    token = token or os.environ.get("PLAYGROUND_API_KEY") or os.environ.get("PLAYGROUND_TOKEN")
    if not token:
        raise ClientError(
            "no credential: pass --token, or set PLAYGROUND_API_KEY (an API key) or PLAYGROUND_TOKEN "
            "(e.g. from `playground token --sub NAME`)"
        )
    return ApiClient(api or os.environ.get("PLAYGROUND_API_URL") or DEFAULT_API_URL, token)
