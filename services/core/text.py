"""One policy for every string a client sends, applied by each service where it takes the input, before it writes.

A string is refused (``TextRejected``, an ``InvalidInput`` naming its field, so a ``userErrors`` entry on a mutation
and a ``BAD_USER_INPUT`` error elsewhere) when it:

- is longer than its field allows, in characters (code points); every string has a limit;
- holds a NUL character (``NUL_CHARACTER``): PostgreSQL stores none, in text or in JSON;
- holds a lone surrogate, U+D800 to U+DFFF (``LONE_SURROGATE``): JSON's ``"\\ud800"`` escape makes one, and it has
  no UTF-8 encoding, so neither database can store it;
- holds any other control character (``CONTROL_CHARACTER``): C0, DEL and C1. Multi-line text (descriptions, prompts,
  JSON string values) may hold tab, line feed and carriage return; single-line text (names, titles, tags, keys,
  codes, URLs, searches) none.

JSON values (a project's metadata, an imported preset document) are walked without recursion: every key is
single-line text and every string multi-line text under the same rule, numbers must be finite (and integers within
±(2^53 - 1), what every JSON reader keeps exactly), nesting stays within ``MAX_JSON_DEPTH``, and the whole encodes to
at most the field's size. Nothing here touches the database: callers validate a whole input first, then write.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from services.core.errors import InvalidInput

MAX_JSON_DEPTH = 32
"""Nesting levels a JSON input may have (an object holding an object is two)."""
MAX_JSON_KEY = 200
MAX_JSON_INTEGER = 2**53 - 1

_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 controls, DEL and C1 controls; the multi-line set lets tab (09), line feed (0A) and carriage return (0D) through.
_CONTROL_SINGLE_LINE = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_MULTILINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class TextReason(StrEnum):
    """Why a string (or a JSON value) was refused: the ``reason`` of a ``BAD_USER_INPUT`` error."""

    TOO_LONG = "TOO_LONG"
    NUL_CHARACTER = "NUL_CHARACTER"
    LONE_SURROGATE = "LONE_SURROGATE"
    CONTROL_CHARACTER = "CONTROL_CHARACTER"
    NOT_JSON = "NOT_JSON"
    TOO_DEEP = "TOO_DEEP"
    OUT_OF_RANGE = "OUT_OF_RANGE"


class TextRejected(InvalidInput):
    """A string or JSON value outside the policy; ``reason`` says which rule it broke."""

    def __init__(self, reason: TextReason, message: str, field: Sequence[str]) -> None:
        super().__init__(message, field)
        self.reason = reason
        self.detail = reason.value


def _label(field: Sequence[str]) -> str:
    """The API's name of the field, for messages (``prompt_template`` → ``promptTemplate``; list indexes skipped)."""
    for part in reversed(field):
        if not part.isdigit():
            head, *rest = part.split("_")
            return head + "".join(word.capitalize() for word in rest)
    return "the value"


def _problem(value: str, label: str, *, max_length: int, multiline: bool) -> tuple[TextReason, str] | None:
    # Characters first: a message never quotes the string, and a lone surrogate could not even be logged as UTF-8.
    surrogate = _SURROGATE.search(value)
    if surrogate is not None:
        return TextReason.LONE_SURROGATE, (
            f"{label} holds a lone surrogate (half of a UTF-16 pair) at position {surrogate.start()}"
        )
    if "\x00" in value:
        return TextReason.NUL_CHARACTER, f"{label} holds a NUL character at position {value.index(chr(0))}"
    control = (_CONTROL_MULTILINE if multiline else _CONTROL_SINGLE_LINE).search(value)
    if control is not None:
        allowed = " (tab and line breaks are allowed)" if multiline else ""
        return TextReason.CONTROL_CHARACTER, (
            f"{label} holds the control character U+{ord(control.group()):04X} at position {control.start()}{allowed}"
        )
    if len(value) > max_length:
        return TextReason.TOO_LONG, f"{label} must be at most {max_length} characters"
    return None


def text_problem(value: str, field: Sequence[str], *, max_length: int, multiline: bool = False) -> TextRejected | None:
    """What is wrong with ``value`` under the policy, or None (for callers that collect every problem)."""
    found = _problem(value, _label(field), max_length=max_length, multiline=multiline)
    return TextRejected(found[0], found[1], field) if found else None


def check_text(value: str, field: Sequence[str], *, max_length: int, multiline: bool = False) -> str:
    """``value`` itself if it passes the policy; ``TextRejected`` naming ``field`` otherwise."""
    problem = text_problem(value, field, max_length=max_length, multiline=multiline)
    if problem is not None:
        raise problem
    return value


def check_optional_text(
    value: str | None, field: Sequence[str], *, max_length: int, multiline: bool = False
) -> str | None:
    """``check_text`` for an optional input (None passes)."""
    return None if value is None else check_text(value, field, max_length=max_length, multiline=multiline)


def check_json(
    value: Any,
    field: Sequence[str],
    *,
    max_bytes: int,
    max_depth: int = MAX_JSON_DEPTH,
    max_string: int | None = None,
) -> Any:
    """``value`` itself if it is plain JSON within the policy; ``TextRejected`` naming ``field`` otherwise.

    Keys are single-line text of at most ``MAX_JSON_KEY`` characters, strings multi-line text of at most
    ``max_string`` (default: ``max_bytes``) characters. The walk is iterative, so no depth can exhaust the stack.
    """
    label = _label(field)
    string_limit = max_string if max_string is not None else max_bytes
    # (value, depth, path below `field`); the path is only for messages, so it names keys by position, not by text.
    pending: list[tuple[Any, int, str]] = [(value, 1, "")]
    while pending:
        node, depth, where = pending.pop()
        at = f"{label}{where}"
        if isinstance(node, dict | list) and depth > max_depth:
            raise TextRejected(TextReason.TOO_DEEP, f"{label} is nested more than {max_depth} levels deep", field)
        if isinstance(node, dict):
            for position, (key, item) in enumerate(node.items()):
                if not isinstance(key, str):
                    raise TextRejected(TextReason.NOT_JSON, f"{at} has a key that is not a string", field)
                found = _problem(key, f"key {position + 1} of {at}", max_length=MAX_JSON_KEY, multiline=False)
                if found is not None:
                    raise TextRejected(*found, field)
                pending.append((item, depth + 1, f"{where}.{key}" if _plain_key(key) else f"{where}[{position}]"))
        elif isinstance(node, list):
            pending.extend((item, depth + 1, f"{where}[{index}]") for index, item in enumerate(node))
        elif isinstance(node, str):
            found = _problem(node, at, max_length=string_limit, multiline=True)
            if found is not None:
                raise TextRejected(*found, field)
        elif isinstance(node, bool) or node is None:
            continue
        elif isinstance(node, int):
            if abs(node) > MAX_JSON_INTEGER:
                raise TextRejected(TextReason.OUT_OF_RANGE, f"{at}: integers must be within ±{MAX_JSON_INTEGER}", field)
        elif isinstance(node, float):
            if not math.isfinite(node):
                raise TextRejected(TextReason.OUT_OF_RANGE, f"{at}: numbers must be finite", field)
        else:
            raise TextRejected(TextReason.NOT_JSON, f"{at} is not a JSON value", field)
    if len(json.dumps(value, ensure_ascii=False).encode()) > max_bytes:
        raise TextRejected(TextReason.TOO_LONG, f"{label} must be at most {max_bytes} bytes as JSON", field)
    return value


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")


def _plain_key(key: str) -> bool:
    """Whether a key may be quoted in a message as it is (short and plain; anything else is named by position)."""
    return _PLAIN_KEY.fullmatch(key) is not None
