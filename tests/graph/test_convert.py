"""``graph.core.convert.from_row``: a type's fields read from a row by name, shaped by their GraphQL types."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import pytest
import strawberry

from graph.core.convert import from_row, source


@strawberry.type(description="Nested.")
class Inner:
    label: str = strawberry.field(description="A label.")


@strawberry.type(description="Outer.")
class Outer:
    id: strawberry.ID = strawberry.field(description="Id.")
    parent_id: strawberry.ID | None = strawberry.field(description="Optional id.")
    tags: list[str] = strawberry.field(description="Copied list.")
    title: str = strawberry.field(description="Renamed.", metadata=source("heading"))
    inner: Inner | None = strawberry.field(description="Nested type.")
    inners: list[Inner] = strawberry.field(description="Nested list.")
    computed: int = strawberry.field(description="Given by the caller.")
    _model: strawberry.Private[object]

    @strawberry.field(description="A resolver field is never read from the row.")  # type: ignore[untyped-decorator]
    def shout(self) -> str:
        return self.title.upper()


@dataclass
class Label:
    label: str


@dataclass
class Row:
    id: uuid.UUID
    parent_id: uuid.UUID | None
    tags: tuple[str, ...]
    heading: str
    inner: Label | None
    inners: list[Label] = field(default_factory=list)


def test_fields_are_read_by_name_and_shaped_by_type() -> None:
    ident = uuid.uuid4()
    row = Row(ident, None, ("a", "b"), "Hello", Label("x"), [Label("y"), Label("z")])
    built = from_row(Outer, row, computed=3)
    assert built.id == str(ident)
    assert built.parent_id is None
    assert built.tags == ["a", "b"]
    assert isinstance(built.tags, list)
    assert built.title == "Hello"
    assert built.inner == Inner(label="x")
    assert built.inners == [Inner(label="y"), Inner(label="z")]
    assert built.computed == 3
    assert built._model is row


def test_given_values_win_over_the_row() -> None:
    row = Row(uuid.uuid4(), uuid.uuid4(), (), "Hello", None)
    built = from_row(Outer, row, computed=1, title="Given")
    assert built.title == "Given"
    assert built.parent_id == str(row.parent_id)
    assert built.inner is None


def test_a_field_the_row_lacks_must_be_given() -> None:
    row = Row(uuid.uuid4(), None, (), "Hello", None)
    with pytest.raises(AttributeError, match="computed"):
        from_row(Outer, row)
