"""Build a GraphQL output type from a row or a service value, field by field, from the type's own declaration.

A field of the Strawberry type is read from the attribute of the same name (or the one named by
``metadata=source("...")``), so a new field is declared once, on the type. Values are shaped by the field's
GraphQL type: ``ID`` from the UUID as text, lists copied, a nested output type (or a list of them) converted the
same way, ``null`` kept. A private ``_model`` field receives the row itself (the type's resolvers load through it).
Fields the row cannot give (computed, or shaped by hand) are passed as keywords and win over the attribute.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import strawberry
from strawberry.types.base import StrawberryList, StrawberryOptional, has_object_definition
from strawberry.types.lazy_type import LazyType
from strawberry.types.private import is_private

T = TypeVar("T")
SOURCE = "source"
ROW = "_model"
"""The private field that holds the row a type was built from."""


def source(attribute: str) -> Mapping[str, str]:
    """``strawberry.field(metadata=source("image_url"))``: read this field from another attribute of the row."""
    return {SOURCE: attribute}


class _Shape(enum.Enum):
    PLAIN = "plain"
    ID = "id"
    OBJECT = "object"


@dataclasses.dataclass(frozen=True, slots=True)
class _Field:
    name: str
    attribute: str
    shape: _Shape
    many: bool
    target: type[Any] | None
    """The nested output type (``OBJECT`` only)."""


def _shape_of(annotation: object) -> tuple[_Shape, bool, type[Any] | None]:
    """(shape, is a list, nested type) of a field's Strawberry type."""
    many = False
    while True:
        if isinstance(annotation, StrawberryOptional):
            annotation = annotation.of_type
        elif isinstance(annotation, StrawberryList) and not many:
            many = True
            annotation = annotation.of_type
        else:
            break
    if isinstance(annotation, LazyType):
        annotation = annotation.resolve_type()
    if annotation is strawberry.ID:
        return _Shape.ID, many, None
    if isinstance(annotation, type) and has_object_definition(annotation):
        return _Shape.OBJECT, many, annotation
    return _Shape.PLAIN, many, None


_PLANS: dict[type[Any], tuple[tuple[_Field, ...], tuple[str, ...]]] = {}


def _fields(cls: type[Any]) -> tuple[tuple[_Field, ...], tuple[str, ...]]:
    """The data fields of ``cls`` (resolvers left out) and its other private fields, worked out once per type."""
    if cls in _PLANS:
        return _PLANS[cls]
    declared = {f.python_name: f for f in cls.__strawberry_definition__.fields}
    plain: list[_Field] = []
    private: list[str] = []
    for field in dataclasses.fields(cls):
        if not field.init:
            continue  # a field with a resolver
        found = declared.get(field.name)
        if found is None or is_private(found.type):
            private.append(field.name)
            continue
        shape, many, target = _shape_of(found.type)
        attribute = found.metadata.get(SOURCE, field.name) if found.metadata else field.name
        plain.append(_Field(field.name, attribute, shape, many, target))
    _PLANS[cls] = (tuple(plain), tuple(private))
    return _PLANS[cls]


def _value(field: _Field, raw: Any) -> Any:
    if raw is None:
        return None
    if field.shape is _Shape.ID:
        return [strawberry.ID(str(v)) for v in raw] if field.many else strawberry.ID(str(raw))
    if field.shape is _Shape.OBJECT:
        assert field.target is not None
        return [from_row(field.target, v) for v in raw] if field.many else from_row(field.target, raw)
    return list(raw) if field.many else raw


_BUILDS: dict[object, Callable[[object, dict[str, Any]], Any]] = {}


def _compile_builder(cls: type[T], given: frozenset[str]) -> Callable[[object, dict[str, Any]], T]:
    """``from_row`` for ``cls`` and the names a caller gives, as one straight-line call of the constructor (the
    loop below, unrolled once per type: ~100 objects per page are built this way)."""
    plain, private = _fields(cls)
    namespace: dict[str, Any] = {"cls": cls, "_ID": strawberry.ID, "_value": _value}
    arguments: list[str] = []
    for index, field in enumerate(plain):
        if field.name in given:
            continue
        read = f"row.{field.attribute}" if field.attribute.isidentifier() else f"getattr(row, {field.attribute!r})"
        value = f"v{index}"
        if field.shape is _Shape.ID:
            shaped = f"[_ID(str(item)) for item in {value}]" if field.many else f"_ID(str({value}))"
            expression = f"(None if ({value} := {read}) is None else {shaped})"
        elif field.shape is _Shape.OBJECT:
            namespace[f"field{index}"] = field
            expression = f"_value(field{index}, {read})"
        elif field.many:
            expression = f"(None if ({value} := {read}) is None else list({value}))"
        else:
            expression = read
        arguments.append(f"{field.name}={expression}")
    if ROW in private and ROW not in given:
        arguments.append(f"{ROW}=row")
    arguments.append("**given")
    source_code = f"def build(row, given):\n    return cls({', '.join(arguments)})\n"
    exec(compile(source_code, f"<from_row of {cls.__name__}>", "exec"), namespace)  # noqa: S102
    build: Callable[[object, dict[str, Any]], T] = namespace["build"]
    return build


def from_row(cls: type[T], row: object, /, **given: Any) -> T:
    """``cls`` with every data field read from ``row`` unless ``given``; ``_model`` set to ``row``.

    Built by a function compiled once per type and set of given names (``_compile_builder``)."""
    key: object = (cls, tuple(given)) if given else cls
    build = _BUILDS.get(key)
    if build is None:
        build = _BUILDS[key] = _compile_builder(cls, frozenset(given))
    return build(row, given)  # type: ignore[no-any-return]
