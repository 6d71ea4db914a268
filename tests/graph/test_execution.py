"""The short path for plain leaf fields answers exactly what graphql-core's own path answers: values, nulls, errors
and their paths, with and without resolver middleware."""

from __future__ import annotations

import enum
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, NewType

import pytest
import strawberry
from graphql import ExecutionResult as CoreResult
from strawberry.extensions import SchemaExtension
from strawberry.schema.config import StrawberryConfig

from graph.core import execution
from graph.core.execution import _COMPILED, LeafFastExecutionContext


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


def _refuse(value: object) -> str:
    if value == "bad":
        raise ValueError("this value is not serialisable")
    return str(value)


Picky = NewType("Picky", str)
PICKY = strawberry.scalar(name="Picky", serialize=_refuse, parse_value=str)
CONFIG = StrawberryConfig(scalar_map={Picky: PICKY})


@strawberry.type
class Inner:
    label: str
    count: int

    @strawberry.field
    async def later(self) -> int:
        if self.label == "boom":
            raise RuntimeError("the inner resolver failed")
        return self.count + 1


@strawberry.type
class Leaf:
    name: str
    maybe: str | None
    required: int
    at: datetime
    colour: Colour
    picky: Picky
    inner: Inner
    spare: Inner | None

    @strawberry.field
    def shout(self) -> str:
        return self.name.upper()

    @strawberry.field
    async def later(self) -> int:
        return self.required + 1


def _leaf(name: str, **changes: Any) -> Leaf:
    values: dict[str, Any] = {
        "name": name,
        "maybe": None,
        "required": 3,
        "at": datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        "colour": Colour.BLUE,
        "picky": "fine",
        "inner": Inner(label="in", count=1),
        "spare": None,
    }
    values.update(changes)
    return Leaf(**values)


LEAVES = [
    _leaf("a", maybe="here"),
    _leaf("b", required=None),  # a non-null field that reads None: an error, the item nulled
    _leaf("c", picky="bad"),  # a scalar that refuses its value: an error at its path
    _leaf("d", colour="purple"),  # not an enum member: an error
    _leaf("e", inner=Inner(label="in", count=None)),  # type: ignore[arg-type]  # bubbles through `inner` to the item
    _leaf("f", spare=Inner(label="in", count=None)),  # type: ignore[arg-type]  # `spare` is nullable: only it is null
    _leaf("g", inner=Inner(label="boom", count=1)),  # an awaited error inside a plain object bubbles to the item
    _leaf("h", spare=Inner(label="spare", count=2)),
    _leaf("i", inner=None),  # a non-null object field that reads None: an error, the item nulled
]


@strawberry.type
class Query:
    @strawberry.field
    def leaves(self) -> list[Leaf | None]:
        return list(LEAVES)

    @strawberry.field
    async def one(self) -> Leaf:
        return LEAVES[0]


class Counting(SchemaExtension):
    """Wraps every resolver, as tracing does: fields must then all take graphql-core's path through it."""

    seen: list[str] = []

    def resolve(self, _next: Callable[..., Any], root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
        Counting.seen.append(info.field_name)
        return _next(root, info, *args, **kwargs)


QUERY = """
query {
  leaves {
    name alias: name maybe required at colour picky shout later
    inner { label count later }
    spare { label count later }
  }
  one { name required colour }
}
"""


def _schema(*, fast: bool, extensions: list[Any] | None = None) -> strawberry.Schema:
    if fast:
        return strawberry.Schema(
            query=Query, config=CONFIG, extensions=extensions or [], execution_context_class=LeafFastExecutionContext
        )
    return strawberry.Schema(query=Query, config=CONFIG, extensions=extensions or [])


def _shape(result: CoreResult | Any) -> tuple[Any, list[tuple[str, list[Any]]]]:
    errors = sorted((error.message, list(error.path or [])) for error in result.errors or [])
    return result.data, errors


@pytest.mark.asyncio
async def test_the_short_path_answers_what_graphql_core_answers() -> None:
    plain = await _schema(fast=False).execute(QUERY)
    fast = await _schema(fast=True).execute(QUERY)

    assert _shape(fast) == _shape(plain)
    data, errors = _shape(fast)
    assert data["leaves"][0] == {
        "name": "a",
        "alias": "a",
        "maybe": "here",
        "required": 3,
        "at": "2026-01-02T03:04:05+00:00",
        "colour": "BLUE",
        "picky": "fine",
        "shout": "A",
        "later": 4,
        "inner": {"label": "in", "count": 1, "later": 2},
        "spare": None,
    }
    assert [leaf and leaf["name"] for leaf in data["leaves"]] == ["a", None, None, None, None, "f", None, "h", None]
    assert data["leaves"][5]["spare"] is None
    assert data["leaves"][7]["spare"] == {"label": "spare", "count": 2, "later": 3}
    assert data["one"] == {"name": "a", "required": 3, "colour": "BLUE"}
    assert sorted(errors, key=lambda error: error[1][1]) == [
        ("Cannot return null for non-nullable field Leaf.required.", ["leaves", 1, "required"]),
        ("this value is not serialisable", ["leaves", 2, "picky"]),
        ("Enum 'Colour' cannot represent value: 'purple'", ["leaves", 3, "colour"]),
        ("Cannot return null for non-nullable field Inner.count.", ["leaves", 4, "inner", "count"]),
        ("Cannot return null for non-nullable field Inner.count.", ["leaves", 5, "spare", "count"]),
        ("the inner resolver failed", ["leaves", 6, "inner", "later"]),
        ("Cannot return null for non-nullable field Leaf.inner.", ["leaves", 8, "inner"]),
    ]


@pytest.mark.asyncio
async def test_with_resolver_middleware_every_field_goes_through_it() -> None:
    Counting.seen = []
    plain = await _schema(fast=False, extensions=[Counting]).execute(QUERY)
    through_plain, Counting.seen = Counting.seen, []
    fast = await _schema(fast=True, extensions=[Counting]).execute(QUERY)

    assert _shape(fast) == _shape(plain)
    # The middleware saw the same fields, plain leaves included ("b" stops at its null `required`, "d" at its colour).
    assert Counting.seen == through_plain
    assert Counting.seen.count("name") == len(LEAVES) * 2 + 1
    assert Counting.seen.count("picky") == 7
    assert Counting.seen.count("label") == 7


COMPILED_QUERY = """
query {
  leaves { name alias: name maybe required at colour picky }
  one { name required colour }
}
"""


@pytest.mark.asyncio
async def test_compiled_selection_sets_answer_the_same_bytes() -> None:
    fast_schema = _schema(fast=True)
    plain = await _schema(fast=False).execute(COMPILED_QUERY)
    first = await fast_schema.execute(COMPILED_QUERY)
    again = await fast_schema.execute(COMPILED_QUERY)  # the compiled functions from the schema's cache

    for fast in (first, again):
        assert _shape(fast) == _shape(plain)
        assert json.dumps(fast.data) == json.dumps(plain.data)  # the keys in the same order too
    compiled = _COMPILED[fast_schema._schema]
    assert {key[0] for key in compiled} == {"Query", "Leaf"}  # each selection set compiled once, reused
    _, errors = _shape(first)
    # The leaves whose values are not plain fell back to the per-field path, which reports them as graphql-core does.
    assert sorted(errors, key=lambda error: error[1][1]) == [
        ("Cannot return null for non-nullable field Leaf.required.", ["leaves", 1, "required"]),
        ("this value is not serialisable", ["leaves", 2, "picky"]),
        ("Enum 'Colour' cannot represent value: 'purple'", ["leaves", 3, "colour"]),
    ]
    assert first.data is not None
    assert first.data["leaves"][0] == {
        "name": "a",
        "alias": "a",
        "maybe": "here",
        "required": 3,
        "at": "2026-01-02T03:04:05+00:00",
        "colour": "BLUE",
        "picky": "fine",
    }


@pytest.mark.asyncio
async def test_compiled_selection_sets_are_bounded_whatever_aliases_a_client_invents(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fast_schema = _schema(fast=True)
    monkeypatch.setattr(execution, "COMPILED_LIMIT", 5)
    plain = await _schema(fast=False).execute("query { one { name } }")
    for index in range(12):  # a new selection set of Leaf each time
        answer = await fast_schema.execute(f"query {{ one {{ alias{index}: name }} }}")
        assert answer.data == {"one": {f"alias{index}": plain.data["one"]["name"]}}  # type: ignore[index]
    compiled = _COMPILED[fast_schema._schema]
    assert len(compiled) == 5
    assert ("Leaf", "alias11", "name", "") in compiled  # the newest kept, the oldest gone
    assert ("Leaf", "alias0", "name", "") not in compiled
