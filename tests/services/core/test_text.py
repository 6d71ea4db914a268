"""The text policy itself (``services/core/text.py``), against an independent statement of the rule."""

from __future__ import annotations

import json
import math
import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.core.errors import InvalidInput
from services.core.text import (
    MAX_JSON_DEPTH,
    MAX_JSON_INTEGER,
    TextReason,
    TextRejected,
    check_json,
    check_optional_text,
    check_text,
    text_problem,
)
from tests.input_support import any_text

FIELD = ["input", "prompt_template"]


def allowed(value: str, *, max_length: int, multiline: bool) -> bool:
    """The rule, said another way: no surrogates (Cs) and no controls (Cc) but tab and line breaks in multi-line
    text, and not too long."""
    permitted = "\t\n\r" if multiline else ""
    return len(value) <= max_length and all(
        unicodedata.category(c) not in ("Cs", "Cc") or c in permitted for c in value
    )


PURE = settings(max_examples=400)  # no I/O: many more examples than the API tests can afford


@PURE
@given(value=any_text(80), multiline=st.booleans(), max_length=st.integers(0, 60))
def test_a_string_passes_exactly_when_the_rule_allows_it(value: str, multiline: bool, max_length: int) -> None:
    problem = text_problem(value, FIELD, max_length=max_length, multiline=multiline)
    assert (problem is None) == allowed(value, max_length=max_length, multiline=multiline)
    if problem is None:
        assert check_text(value, FIELD, max_length=max_length, multiline=multiline) is value
        value.encode("utf-8")  # storable by both databases: encodable, and no NUL
        assert "\x00" not in value
    else:
        assert problem.field == FIELD
        assert isinstance(problem, InvalidInput)
        assert problem.detail == problem.reason.value


@pytest.mark.parametrize(
    ("value", "reason", "message"),
    [
        ("ab\x00c", TextReason.NUL_CHARACTER, "promptTemplate holds a NUL character at position 2"),
        ("a\ud800", TextReason.LONE_SURROGATE, "promptTemplate holds a lone surrogate"),
        ("\udfff\x00", TextReason.LONE_SURROGATE, "at position 0"),  # the surrogate is named first
        ("a\x1b", TextReason.CONTROL_CHARACTER, "the control character U+001B at position 1"),
        ("a\x85", TextReason.CONTROL_CHARACTER, "U+0085"),  # C1
        ("a\x7f", TextReason.CONTROL_CHARACTER, "U+007F"),  # DEL
        ("x" * 11, TextReason.TOO_LONG, "promptTemplate must be at most 10 characters"),
    ],
)
def test_each_rule_has_its_reason_and_a_message_that_does_not_quote_the_value(
    value: str, reason: TextReason, message: str
) -> None:
    with pytest.raises(TextRejected) as excinfo:
        check_text(value, FIELD, max_length=10, multiline=True)
    assert excinfo.value.reason is reason
    assert message in excinfo.value.message


def test_multi_line_text_keeps_tab_and_line_breaks_and_single_line_text_does_not() -> None:
    text = "a\tb\r\nc\n"
    assert check_text(text, FIELD, max_length=100, multiline=True) == text
    with pytest.raises(TextRejected) as excinfo:
        check_text(text, FIELD, max_length=100)
    assert excinfo.value.reason is TextReason.CONTROL_CHARACTER
    assert check_optional_text(None, FIELD, max_length=0) is None


def json_problem(value: Any, depth: int = 1) -> bool:
    """Whether a JSON value breaks the rule, said recursively (test values are shallow)."""
    if isinstance(value, dict | list) and depth > MAX_JSON_DEPTH:
        return True
    if isinstance(value, dict):
        return any(
            not isinstance(k, str) or not allowed(k, max_length=200, multiline=False) or json_problem(v, depth + 1)
            for k, v in value.items()
        )
    if isinstance(value, list):
        return any(json_problem(v, depth + 1) for v in value)
    if isinstance(value, str):
        return not allowed(value, max_length=10_000, multiline=True)
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, int):
        return abs(value) > MAX_JSON_INTEGER
    return not math.isfinite(value)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | any_text(20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(any_text(8), children, max_size=3),
    max_leaves=10,
)


@PURE
@given(value=JSON_VALUES)
def test_json_passes_exactly_when_every_key_string_and_number_does(value: Any) -> None:
    if json_problem(value):
        with pytest.raises(TextRejected) as excinfo:
            check_json(value, ["input", "metadata"], max_bytes=100_000, max_string=10_000)
        assert excinfo.value.field == ["input", "metadata"]
    else:
        assert check_json(value, ["input", "metadata"], max_bytes=100_000, max_string=10_000) is value
        json.dumps(value, allow_nan=False, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("container", ["list", "dict"])
def test_json_nested_far_past_the_recursion_limit_is_refused_without_recursing(container: str) -> None:
    value: Any = 1
    for _ in range(100_000):
        value = [value] if container == "list" else {"a": value}
    with pytest.raises(TextRejected) as excinfo:
        check_json(value, ["input", "metadata"], max_bytes=10**7)
    assert excinfo.value.reason is TextReason.TOO_DEEP
    within: Any = 1
    for _ in range(MAX_JSON_DEPTH):
        within = [within]
    assert check_json(within, ["input", "metadata"], max_bytes=1000) is within


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ({"a": float("nan")}, TextReason.OUT_OF_RANGE),
        ({"a": [float("-inf")]}, TextReason.OUT_OF_RANGE),
        ({"a": MAX_JSON_INTEGER + 1}, TextReason.OUT_OF_RANGE),
        ({1: "a"}, TextReason.NOT_JSON),
        ({"a": b"bytes"}, TextReason.NOT_JSON),
        ({"a": "é" * 600}, TextReason.TOO_LONG),  # 600 characters, 1,200 bytes as UTF-8
        ({"k" * 201: 1}, TextReason.TOO_LONG),
        ({"ok": {"k\x00": 1}}, TextReason.NUL_CHARACTER),
    ],
    ids=["nan", "-inf", "2^53", "int-key", "bytes", "bytes-not-characters", "long-key", "nul-key"],
)
def test_json_refusals(value: Any, reason: TextReason) -> None:
    with pytest.raises(TextRejected) as excinfo:
        check_json(value, ["input", "metadata"], max_bytes=1000)
    assert excinfo.value.reason is reason
