"""The README's examples, run as written and in the order they appear, against a live in-process server.

A newcomer follows the README from the top: the first query's `curl` commands (the project they make is the one the
later examples use), then each GraphQL example of the sections below, where an id in angle brackets
(``"<project id>"``) is one an earlier example returned. Every example must answer without errors or userErrors, and
the chain must hold: the gallery search finds the image the preset example made, the analytics example's range (from
the README's own shell snippet, relative to today) counts what was generated, and the cancel example's payload has
the fields the README names. ``scripts/serve`` passes its arguments on to ``playground serve``, as the README says.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
from pathlib import Path
from typing import Any

import pytest
from graphql import OperationDefinitionNode, parse, print_ast
from starlette.applications import Starlette

from tests.conftest import GQL, Caller, MakeCaller
from tests.generation_support import generate, wait_until_ended

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CHAINED_SECTIONS = ("Generating images", "Style presets", "Gallery, remix and housekeeping", "Usage analytics")
PLACEHOLDER = re.compile(r'"<[^">]+>"')


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.MULTILINE | re.DOTALL)
    assert match, f"README has no section {title!r}"
    return match.group(1)


def blocks(text: str, language: str) -> list[str]:
    """The fenced blocks of one language, in order (indented ones inside list items included, dedented)."""
    found = re.findall(rf"^( *)```{language}\n(.*?)^\1```", text, re.MULTILINE | re.DOTALL)
    return ["\n".join(line[len(indent) :] for line in body.splitlines()) for indent, body in found]


def first_query_payloads() -> list[dict[str, Any]]:
    """The JSON bodies of the `curl -d '…'` commands of "A first query"."""
    payloads = []
    for block in blocks(section("A first query"), "bash"):
        words = shlex.split(block.replace("\\\n", " "), comments=True)
        payloads += [json.loads(words[i + 1]) for i, word in enumerate(words) if word == "-d"]
    return payloads


def operations(block: str) -> list[str]:
    """Each operation of a block, placeholders still in (an example's ids exist only once the one before ran)."""
    return [print_ast(d) for d in parse(block).definitions if isinstance(d, OperationDefinitionNode)]


def filled(operation: str, ids: dict[str, str]) -> str:
    """The operation with its placeholders filled from ``ids`` (one no earlier example returned fails the test)."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(0)[2:-2]
        assert name in ids, f"<{name}> is used before an example returned it"
        return json.dumps(ids[name])

    return PLACEHOLDER.sub(fill, operation)


def analytics_range() -> dict[str, str]:
    """The README's shell snippet for the analytics variables, run by a shell."""
    text = section("Usage analytics")
    snippet = re.search(r"`(\{\"from\": .*?\})`", text.replace("\n", " "))
    assert snippet, "the analytics section gives no variables snippet"
    out = subprocess.run(
        ["bash", "-c", f"echo '{snippet.group(1)}'"], capture_output=True, text=True, check=True
    ).stdout
    variables: dict[str, str] = json.loads(out)
    return variables


async def run(gql: GQL, caller: Caller, operation: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    body = await gql(operation, variables, caller)
    assert "errors" not in body, (operation, body)
    data: dict[str, Any] = body["data"]
    for payload in data.values():
        if isinstance(payload, dict) and "userErrors" in payload:
            assert payload["userErrors"] == [], (operation, payload)
    return data


async def test_the_readme_examples_run_in_order_and_chain(app: Starlette, gql: GQL, make_caller: MakeCaller) -> None:
    newcomer = make_caller()
    ids: dict[str, str] = {}

    me, project = first_query_payloads()
    assert (await run(gql, newcomer, me["query"]))["me"]["credits"] == 20
    ids["project id"] = (await run(gql, newcomer, project["query"]))["projectCreate"]["project"]["id"]

    results: dict[str, list[dict[str, Any]]] = {}
    for title in CHAINED_SECTIONS:
        for block in blocks(section(title), "graphql"):
            for operation in operations(block):
                if "batchJobCancel" in operation:
                    continue  # run below, on a batch that is still running
                variables = analytics_range() if "usageAnalytics" in operation else None
                data = await run(gql, newcomer, filled(operation, ids), variables)
                (field,) = data
                results.setdefault(field, []).append(data[field])
                if field == "generate":
                    ids["batch id"] = data[field]["batchJob"]["id"]
                    await wait_until_ended(app, ids["batch id"])
                elif field == "batchJob":
                    assert data[field]["status"] == "SUCCEEDED", data
                    ids["image id"] = data[field]["images"][0]["id"]
                elif field == "stylePresetCreate":
                    ids["Noir's id"] = data[field]["stylePreset"]["id"]
                elif field == "galleryAdd":
                    ids["gallery item id"] = data[field]["galleryItem"]["id"]
                elif field == "galleryCollectionCreate":
                    ids["collection id"] = data[field]["collection"]["id"]

    # The preset example used the preset made just before it...
    (_, with_preset) = results["generate"]
    assert [use["name"] for use in with_preset["batchJob"]["presetsUsed"]] == ["Noir"]
    # ...the gallery search finds the image it made, and so does the public feed once it is public...
    (mine,) = results["gallery"]
    assert [edge["node"]["title"] for edge in mine["edges"]] == ["Harbor at dusk"]
    (public,) = results["publicGallery"]
    assert "Harbor at dusk" in [edge["node"]["title"] for edge in public["edges"]]
    assert results["galleryCollectionAddItems"][0]["collection"]["itemCount"] == 1
    # ...and the analytics range (relative to today) counts both batches: the set of four and the preset's image.
    (analytics,) = results["usageAnalytics"]
    assert analytics["totals"]["imagesDelivered"] == 5, analytics["totals"]
    assert analytics["totals"]["creditsSpent"] > 0


async def test_the_cancel_example_names_the_payload_fields(gql: GQL, make_caller: MakeCaller) -> None:
    caller = make_caller()
    project = (await run(gql, caller, first_query_payloads()[1]["query"]))["projectCreate"]["project"]["id"]
    running = await generate(
        gql, caller, projectId=project, mode="TEXT_TO_IMAGE", prompt="a slow tide [[delay:30]]", size="1024x1024"
    )
    (cancel,) = [
        filled(operation, {"batch id": running["batchJob"]["id"]})
        for block in blocks(section("Generating images"), "graphql")
        for operation in operations(block)
        if "batchJobCancel" in operation
    ]
    payload = (await run(gql, caller, cancel))["batchJobCancel"]
    assert payload["batchJob"]["status"] == "CANCELLED"
    assert (payload["keptImages"], payload["refundedImages"], payload["refundedCredits"]) == (0, 1, 1)
    for name in ("keptImages", "refundedImages", "refundedCredits"):  # the fields the README explains
        assert f"`{name}`" in section("Generating images")
    again = await gql(cancel, caller=caller)  # an ended batch: the CONFLICT the README promises
    assert again["data"]["batchJobCancel"]["userErrors"][0]["code"] == "CONFLICT"


def test_the_analytics_example_has_no_fixed_dates() -> None:
    text = section("Usage analytics")
    (example,) = blocks(text, "graphql")
    assert not re.search(r"\d{4}-\d{2}-\d{2}", example), example
    variables = analytics_range()
    assert set(variables) == {"from", "to"}


def test_scripts_serve_passes_its_arguments_on() -> None:
    assert "`scripts/serve` passes its arguments on to `playground serve`" in README
    if not (ROOT / ".venv" / "bin" / "playground").exists():
        pytest.skip("no .venv/bin/playground: scripts/serve would install it first")
    result = subprocess.run(
        [str(ROOT / "scripts" / "serve"), "--help"],
        cwd=ROOT,
        env={**os.environ, "PLAYGROUND_SKIP_WEB": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "usage: playground serve" in result.stdout
    assert "--port" in result.stdout
