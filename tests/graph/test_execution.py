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
from graphql import Undefined
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
class Shelf:
    """Lists read straight off the object (no resolver): the compiled list path."""

    label: str
    leaves: list[Leaf | None]
    required: list[Leaf]
    maybe: list[Leaf] | None
    inners: list[Inner]


def _shelves() -> list[Shelf]:
    """Made per call: one shelf holds a generator, which a read consumes."""
    good, other = _leaf("good"), _leaf("other", maybe="x")
    fine = [Inner(label="x", count=1), Inner(label="y", count=2)]
    return [
        Shelf(label="plain", leaves=[good, other], required=[good, other], maybe=None, inners=fine),
        # Item errors: nulled items of a nullable-item list; a non-null item's error nulls the nullable list.
        Shelf(
            label="items", leaves=list(LEAVES), required=[other], maybe=[good, _leaf("b", required=None)], inners=fine
        ),
        # A non-null item's error in a non-null list bubbles to the shelf.
        Shelf(label="bubble", leaves=[], required=[good, _leaf("c", picky="bad")], maybe=[], inners=fine),
        # Awaited errors inside items: to the nullable list, and through a non-null list to the shelf.
        Shelf(
            label="awaited",
            leaves=[_leaf("g", inner=Inner(label="boom", count=1))],
            required=[],
            maybe=None,
            inners=fine,
        ),
        Shelf(label="awaited-inner", leaves=[], required=[], maybe=None, inners=[Inner(label="boom", count=1)]),
        Shelf(
            label="awaited-maybe",
            leaves=[],
            required=[],
            maybe=[_leaf("g", inner=Inner(label="boom", count=1))],
            inners=[],
        ),
        # Values the compiled path hands to graphql-core: None items, a tuple, a generator, a null non-null list.
        Shelf(label="none-item", leaves=[None, good], required=[good], maybe=[None], inners=fine),  # type: ignore[list-item]
        Shelf(label="tuple", leaves=(good, None), required=(other,), maybe=(good,), inners=tuple(fine)),  # type: ignore[arg-type]
        Shelf(label="generator", leaves=(leaf for leaf in [good]), required=[good], maybe=None, inners=fine),  # type: ignore[arg-type]
        Shelf(label="null-list", leaves=None, required=None, maybe=None, inners=fine),  # type: ignore[arg-type]
    ]


@strawberry.type
class Query:
    @strawberry.field
    def leaves(self) -> list[Leaf | None]:
        return list(LEAVES)

    @strawberry.field
    def shelves(self) -> list[Shelf | None]:
        return list(_shelves())

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


LIST_QUERY = """
query {
  shelves {
    label
    leaves { name required picky later inner { label later } }
    required { name picky }
    maybe { name required inner { label later } }
    inners { label count later }
  }
}
"""


@pytest.mark.asyncio
async def test_compiled_lists_answer_the_same_bytes_and_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    completed_lists: list[bool] = []
    complete_list = LeafFastExecutionContext._complete_plain_list

    def counting(self: LeafFastExecutionContext, *args: Any) -> Any:
        value = complete_list(self, *args)
        completed_lists.append(value is not Undefined)
        return value

    monkeypatch.setattr(LeafFastExecutionContext, "_complete_plain_list", counting)
    plain = await _schema(fast=False).execute(LIST_QUERY)
    fast_schema = _schema(fast=True)
    for _ in range(2):  # compiling, then from the schema's cache
        fast = await fast_schema.execute(LIST_QUERY)
        assert json.dumps(fast.data) == json.dumps(plain.data)
        # The same errors in the same order, with the same paths and locations.
        assert [error.formatted for error in fast.errors or []] == [error.formatted for error in plain.errors or []]
    assert plain.data is not None
    shelves = {shelf and shelf["label"]: shelf for shelf in plain.data["shelves"]}
    assert [shelf and shelf["label"] for shelf in plain.data["shelves"]] == [
        "plain", "items", None, "awaited", None, "awaited-maybe", "none-item", "tuple", "generator", None
    ]  # fmt: skip
    assert shelves["plain"]["required"] == [{"name": "good", "picky": "fine"}, {"name": "other", "picky": "fine"}]
    assert shelves["items"]["maybe"] is None
    assert shelves["awaited"]["leaves"] == [None]
    assert shelves["awaited-maybe"]["maybe"] is None
    assert shelves["tuple"]["leaves"][1] is None
    paths = [list(error.path or []) for error in plain.errors or []]
    assert ["shelves", 2, "required", 1, "picky"] in paths
    assert ["shelves", 4, "inners", 0, "later"] in paths
    assert ["shelves", 6, "maybe", 0] in paths  # a None item of non-null items: the nullable list is null
    assert shelves["none-item"]["leaves"][0] is None
    assert ["shelves", 9, "leaves"] in paths  # a null non-null list (graphql-core reports the first)
    # Most lists took the compiled path; the values it does not cover went to graphql-core's.
    assert completed_lists.count(True) > completed_lists.count(False) > 0
    assert {key[0] for key in _COMPILED[fast_schema._schema]} >= {"Shelf", "Leaf", "Inner"}
