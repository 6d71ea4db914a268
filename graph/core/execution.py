"""How graphql-core walks our results: a short path for plain fields.

A page of projects with their images is ~1,370 fields, and ~1,180 of them are scalars or enums read straight off a
graph object (``name``, ``createdAt``, ``status``...); most of the others are plain object fields (``node``,
``pageInfo``). graphql-core executes each like any other field: it builds a resolve info, runs the middleware chain,
checks for awaitables and completes the value through the non-null, list, leaf and object branches, which together
cost more than reading and serialising the value. ``LeafFastExecutionContext`` answers a plain leaf with the
attribute read and the type's own output coercion, and a plain object field with the attribute read and that
object's own fields (``execute_fields``), with graphql-core's own error handling around it.

Which fields qualify is decided once per schema, field and parent type: Strawberry's resolver for a field without
a resolver function, extensions or permission classes (its "basic field": ``_get_basic_result``), whose type is a
scalar, an enum, an object type without ``is_type_of`` or a list of such object types, possibly non-null. When any
schema extension wraps resolvers (tracing, for example) every field takes graphql-core's own path, and so does an
object field under or with ``@defer``. Any value the short path cannot finish cleanly (``None`` for a non-null field,
an exception, an awaitable, a value the scalar refuses) is handed to graphql-core's own path, which reads the
attribute again (a pure read) and produces exactly the error or value it always did.

**Compiled selection sets.** The per-field loop is compiled once per schema and selection set (type, response
names, field names) into straight-line Python (``_compile``): each field's decision (plain leaf, plain object, or
graphql-core) is taken at compile time, a plain leaf is an attribute read and its coercion inline, and the response
dict is written in the selection set's order. Within a request, a collected selection set finds its function once
(by identity; graphql-core collects each field group's subfields once), so a page of 100 images runs one function
100 times. Under ``@defer`` (a position context) the loop below still runs.

**Compiled lists.** A plain field whose type is a list of an object type (``edges``) reads its list and runs the
items' compiled function on each item (``_complete_plain_list``), with graphql-core's error handling per item and
then per field (an item's error nulls a nullable item, or bubbles to the list and on as graphql-core's would); the
items' function is found once per field group and request (``_subfields``), not per item. A value that is not a
``list`` or ``tuple``, an item that is ``None``, an exception or an awaitable, and ``@stream`` hand the whole field to
graphql-core before any item has run.

``execute_fields`` follows graphql-core 3.3's own (pinned in the locks); tests/graph/test_execution.py compares both
paths' answers and errors.
"""

from __future__ import annotations

import functools
import operator
import uuid
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLSchema,
    Undefined,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.pyutils import Path
from graphql.pyutils.gather_with_cancel import gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import CustomGraphQLEnumType, GraphQLCoreConverter
from strawberry.types.field import StrawberryField

# Values that are neither exceptions nor awaitables, told by their exact class (cheaper than asking).
_PLAIN = frozenset({str, int, float, bool, datetime, date, uuid.UUID})

# (read, coerce, non_null) for a plain leaf field.
_Plan = tuple[Callable[[Any], Any], Callable[[Any], Any], bool]


@dataclass(frozen=True, slots=True)
class _ObjectPlan:
    """A plain field of an object type: its attribute read, then that object's own fields."""

    read: Callable[[Any], Any]
    object_type: GraphQLObjectType
    non_null: bool
    return_type: GraphQLOutputType


@dataclass(frozen=True, slots=True)
class _ListPlan:
    """A plain field of a list of an object type: its attribute read, then each item's own fields."""

    read: Callable[[Any], Any]
    object_type: GraphQLObjectType
    non_null: bool
    return_type: GraphQLOutputType
    item_type: GraphQLOutputType


_AnyPlan = _Plan | _ObjectPlan | _ListPlan


_SLOW = object()
"""A field value the compiled code could not finish: the field takes graphql-core's ``execute_field``."""

# Per schema and selection set signature (parent type, then response name and field name per field): the selection
# set compiled into one function (``_compile``). Bounded, least recently used out first: aliases make the number of
# distinct selection sets a client can send unbounded, and each would otherwise stay compiled for good.
_COMPILED: weakref.WeakKeyDictionary[GraphQLSchema, OrderedDict[tuple[str, ...], Callable[..., Any]]] = (
    weakref.WeakKeyDictionary()
)
COMPILED_LIMIT = 2048
"""The most compiled selection sets kept per schema (an application's own documents have a few hundred)."""

# Per schema and (parent type, field): a plan, or False for a field graphql-core executes itself.
_PLANS: weakref.WeakKeyDictionary[GraphQLSchema, dict[tuple[str, str], _AnyPlan | bool]] = weakref.WeakKeyDictionary()


def _plan(schema: GraphQLSchema, parent_type: GraphQLObjectType, field_name: str) -> _AnyPlan | bool:
    field_def = schema.get_field(parent_type, field_name)
    if field_def is None or field_def.args:
        return False
    resolve = field_def.resolve
    field = (field_def.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    # Strawberry gives a field without resolver function, extensions or permissions (and no exception handler)
    # this resolver, which reads the attribute with the configured default resolver and ignores info and args.
    if (
        resolve is None
        or getattr(resolve, "__name__", "") != "_get_basic_result"
        or not isinstance(field, StrawberryField)
    ):
        return False
    field_type = field_def.type
    non_null = isinstance(field_type, GraphQLNonNull)
    inner = field_type.of_type if isinstance(field_type, GraphQLNonNull) else field_type
    if field.default_resolver is getattr:
        read: Callable[[Any], Any] = operator.attrgetter(field.python_name)
    else:
        read = functools.partial(resolve, info=None)
    if isinstance(inner, GraphQLObjectType):
        # An object type that checks what it is given (interfaces, casts) keeps graphql-core's path.
        return False if inner.is_type_of is not None else _ObjectPlan(read, inner, non_null, field_type)
    if isinstance(inner, GraphQLList):
        item_type = inner.of_type
        item = item_type.of_type if isinstance(item_type, GraphQLNonNull) else item_type
        if isinstance(item, GraphQLObjectType) and item.is_type_of is None:
            return _ListPlan(read, item, non_null, field_type, item_type)
        return False
    if not isinstance(inner, GraphQLScalarType | GraphQLEnumType):
        return False
    coerce: Callable[[Any], Any] = inner.coerce_output_value
    if isinstance(inner, CustomGraphQLEnumType):
        coerce = _enum_names(inner)
    return read, coerce, non_null


def _enum_names(enum_type: CustomGraphQLEnumType) -> Callable[[Any], Any]:
    """Strawberry's enum output as a lookup: the name of the first GraphQL value equal to the member's value.

    Strawberry compares the member against every value of the enum in turn; anything but a member of the wrapped
    enum (or a member it would not find) raises here, and graphql-core's path answers as Strawberry does.
    """
    names: dict[Any, str] = {}
    members: list[Any] = list(enum_type.wrapped_cls)
    for member in members:
        for name, value in enum_type.values.items():
            if member.value == value.value:
                names.setdefault(member, name)
                break
    wrapped = enum_type.wrapped_cls

    def coerce(member: Any) -> str:
        if member.__class__ is not wrapped:
            raise TypeError("not a member of the enum")
        return names[member]

    return coerce


def _compile(type_name: str, fields: list[tuple[str, _AnyPlan | bool]]) -> Callable[..., Any]:
    """A selection set as one straight-line function, the per-field loop of ``execute_fields`` unrolled: a plain
    leaf is read and coerced in place, a plain object completed with ``_complete_plain_object``, and anything else,
    or any value the short path cannot finish (see the module docstring), goes to graphql-core's ``execute_field``,
    which answers exactly as it always did. The response dict is written in the selection set's order."""
    namespace: dict[str, Any] = {
        "_PLAIN": _PLAIN,
        "_SLOW": _SLOW,
        "Undefined": Undefined,
        "Path": Path,
        "type_name": type_name,
    }
    body = ["def run(ctx, parent_type, source, path, details):", "    is_awaitable = ctx.is_awaitable"]
    body += ["    execute_field = ctx.execute_field", "    complete_object = ctx._complete_plain_object"]
    body += ["    complete_list = ctx._complete_plain_list"]
    body += ["    results = {}", "    awaitable_fields = []", "    try:"]
    for index, (response_name, plan) in enumerate(fields):
        name = repr(response_name)
        slow = [
            f"            at = Path(path, {name}, type_name)",
            f"            value = execute_field(parent_type, source, details[{index}], at, None)",
            "            if value is not Undefined:",
            f"                results[{name}] = value",
            "                if is_awaitable(value):",
            f"                    awaitable_fields.append({name})",
        ]
        if isinstance(plan, _ObjectPlan | _ListPlan):
            namespace[f"plan{index}"] = plan
            complete = "complete_object" if isinstance(plan, _ObjectPlan) else "complete_list"
            body += [
                f"        at = Path(path, {name}, type_name)",
                f"        value = {complete}(plan{index}, source, details[{index}], at)",
                "        if value is Undefined:",
                f"            value = execute_field(parent_type, source, details[{index}], at, None)",
                "        if value is not Undefined:",
                f"            results[{name}] = value",
                "            if is_awaitable(value):",
                f"                awaitable_fields.append({name})",
            ]
        elif isinstance(plan, tuple):
            read, coerce, non_null = plan
            namespace[f"read{index}"] = read
            namespace[f"coerce{index}"] = coerce
            body += [
                "        try:",
                f"            value = read{index}(source)",
                "            if value is None:",
                f"                value = {'_SLOW' if non_null else 'None'}",
                "            elif value.__class__ in _PLAIN or not (",
                "                isinstance(value, Exception) or is_awaitable(value)",
                "            ):",
                f"                value = coerce{index}(value)",
                "                if value is None or value is Undefined:",
                "                    value = _SLOW",
                "            else:",
                "                value = _SLOW",
                "        except Exception:",
                "            value = _SLOW",
                "        if value is _SLOW:",
                *slow,
                "        else:",
                f"            results[{name}] = value",
            ]
        else:
            body += [line[4:] for line in slow]
    body += [
        "    except Exception:",
        "        if awaitable_fields:",
        "            ctx.settle_in_background([results[field] for field in awaitable_fields])",
        "        raise",
        "    if not awaitable_fields:",
        "        return results",
        "    return ctx._awaited(results, awaitable_fields)",
    ]
    exec(compile("\n".join(body), f"<selection set of {type_name}>", "exec"), namespace)  # noqa: S102
    run: Callable[..., Any] = namespace["run"]
    return run


class LeafFastExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context with plain leaf and object fields answered without the per-field machinery."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        manager = self.middleware_manager
        self._leaf_plans: dict[tuple[str, str], _AnyPlan | bool] | None = (
            _PLANS.setdefault(self.schema, {}) if manager is None or not manager.middlewares else None
        )
        # Per request, by the identity of a collected selection set (kept alive beside its function, so that the
        # identity is not reused): its compiled function and its fields' details in order.
        self._compiled_sets: dict[int, tuple[GroupedFieldSet, Callable[..., Any], tuple[FieldDetailsList, ...]]] = {}
        self._subfield_sets: dict[
            int,
            tuple[FieldDetailsList, GraphQLObjectType, Callable[..., Any] | None, tuple[FieldDetailsList, ...]],
        ] = {}

    def _compiled(
        self, parent_type: GraphQLObjectType, grouped_field_set: GroupedFieldSet
    ) -> tuple[Callable[..., Any], tuple[FieldDetailsList, ...]]:
        """The compiled function of a selection set and its fields' details, in order. Compiled once per schema and
        selection set, looked up once per request and collected selection set."""
        entry = self._compiled_sets.get(id(grouped_field_set))
        if entry is not None and entry[0] is grouped_field_set:
            return entry[1], entry[2]
        plans = self._leaf_plans
        assert plans is not None
        type_name = parent_type.name
        signature: list[str] = [type_name]
        fields: list[tuple[str, _AnyPlan | bool]] = []
        for response_name, field_details_list in grouped_field_set.items():
            node = field_details_list[0].node
            name = node.name.value
            signature += (response_name, name, "(" if node.arguments else "")
            key = (type_name, name)
            plan = plans.get(key)
            if plan is None:
                plan = plans[key] = _plan(self.schema, parent_type, name)
            # As the loop did: a field written with arguments takes graphql-core's path.
            fields.append((response_name, False if node.arguments else plan))
        compiled_sets = _COMPILED.get(self.schema)
        if compiled_sets is None:
            compiled_sets = _COMPILED[self.schema] = OrderedDict()
        cache_key = tuple(signature)
        function = compiled_sets.get(cache_key)
        if function is None:
            function = compiled_sets[cache_key] = _compile(type_name, fields)
            if len(compiled_sets) > COMPILED_LIMIT:
                compiled_sets.popitem(last=False)
        else:
            compiled_sets.move_to_end(cache_key)
        details = tuple(grouped_field_set.values())
        self._compiled_sets[id(grouped_field_set)] = (grouped_field_set, function, details)
        return function, details

    def _subfields(
        self, object_type: GraphQLObjectType, field_details_list: FieldDetailsList
    ) -> tuple[Callable[..., Any] | None, tuple[FieldDetailsList, ...]]:
        """The compiled function of a field's sub-selection on ``object_type`` and its fields' details (``None``
        under ``@defer``), found once per request and field group (by identity, kept alive beside it)."""
        entry = self._subfield_sets.get(id(field_details_list))
        if entry is not None and entry[0] is field_details_list and entry[1] is object_type:
            return entry[2], entry[3]
        grouped_field_set, new_defer_usages, _ = self.collect_subfields(object_type, field_details_list)
        function: Callable[..., Any] | None = None
        details: tuple[FieldDetailsList, ...] = ()
        if not new_defer_usages:
            function, details = self._compiled(object_type, grouped_field_set)
        self._subfield_sets[id(field_details_list)] = (field_details_list, object_type, function, details)
        return function, details

    async def _awaited(self, results: dict[str, Any], awaitable_fields: list[str]) -> dict[str, Any]:
        if len(awaitable_fields) == 1:
            field = awaitable_fields[0]
            results[field] = await results[field]
        else:
            awaited = await gather_with_cancel(*(results[field] for field in awaitable_fields))
            results.update(zip(awaitable_fields, awaited, strict=True))
        return results

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> Any:
        """graphql-core's ``execute_fields`` (3.3), with plain leaf fields answered in place."""
        plans = self._leaf_plans
        if plans is None:
            return super().execute_fields(parent_type, source_value, path, grouped_field_set, position_context)
        if position_context is None:
            function, details = self._compiled(parent_type, grouped_field_set)
            return function(self, parent_type, source_value, path, details)
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        awaitable_fields: list[str] = []
        type_name = parent_type.name
        try:
            for response_name, field_details_list in grouped_field_set.items():
                node = field_details_list[0].node
                key = (type_name, node.name.value)
                plan = plans.get(key)
                if plan is None:
                    plan = plans[key] = _plan(self.schema, parent_type, key[1])
                if isinstance(plan, _ObjectPlan):
                    if not node.arguments and position_context is None:
                        field_path = Path(path, response_name, type_name)
                        completed = self._complete_plain_object(plan, source_value, field_details_list, field_path)
                        if completed is not Undefined:
                            results[response_name] = completed
                            if is_awaitable(completed):
                                awaitable_fields.append(response_name)
                            continue
                elif isinstance(plan, tuple) and not node.arguments:
                    read, coerce, non_null = plan
                    try:
                        value = read(source_value)
                        if value is None:
                            if not non_null:
                                results[response_name] = None
                                continue
                        elif value.__class__ in _PLAIN or not (isinstance(value, Exception) or is_awaitable(value)):
                            coerced = coerce(value)
                            if coerced is not None and coerced is not Undefined:
                                results[response_name] = coerced
                                continue
                    except Exception:  # noqa: S110 (graphql-core's path below reports it as it always did)
                        pass
                result = self.execute_field(
                    parent_type,
                    source_value,
                    field_details_list,
                    Path(path, response_name, type_name),
                    position_context,
                )
                if result is not Undefined:
                    results[response_name] = result
                    if is_awaitable(result):
                        awaitable_fields.append(response_name)
        except Exception:
            if awaitable_fields:
                # As graphql-core does: awaitables other fields created are settled, as they may fail too.
                self.settle_in_background([results[field] for field in awaitable_fields])
            raise

        if not awaitable_fields:
            return results

        async def get_results() -> dict[str, Any]:
            if len(awaitable_fields) == 1:
                field = awaitable_fields[0]
                results[field] = await results[field]
            else:
                awaited = await gather_with_cancel(*(results[field] for field in awaitable_fields))
                results.update(zip(awaitable_fields, awaited, strict=True))
            return results

        return get_results()

    def _complete_plain_object(
        self, plan: _ObjectPlan, source: Any, field_details_list: FieldDetailsList, path: Path
    ) -> Any:
        """A plain object field executed as graphql-core's ``execute_field`` and ``complete_value`` would (no defer
        inside it, no ``is_type_of``), minus the resolve info; ``Undefined`` hands the field to graphql-core."""
        try:
            value = plan.read(source)
        except Exception:  # graphql-core's path reports it as it always did
            return Undefined
        if value is None:
            return Undefined if plan.non_null else None
        if isinstance(value, Exception) or self.is_awaitable(value):
            return Undefined
        function, details = self._subfields(plan.object_type, field_details_list)
        if function is None:
            return Undefined
        try:
            completed = function(self, plan.object_type, value, path, details)
        except Exception as raw_error:
            self.handle_field_error(raw_error, plan.return_type, field_details_list, path)
            return None
        if not self.is_awaitable(completed):
            return completed

        async def await_completed() -> Any:
            try:
                return await completed
            except Exception as raw_error:
                self.handle_field_error(raw_error, plan.return_type, field_details_list, path)
                return None

        return await_completed()

    def _complete_plain_list(
        self, plan: _ListPlan, source: Any, field_details_list: FieldDetailsList, path: Path
    ) -> Any:
        """A plain field of a list of objects, as graphql-core's ``complete_list_value`` would complete it (each
        item's error handled as an item's, then the list's as the field's), with the items' compiled function
        found once. ``Undefined`` hands the field to graphql-core: a value that is not a list or tuple, an item that
        is ``None``, an exception or an awaitable, ``@stream`` or ``@defer`` below."""
        try:
            value = plan.read(source)
        except Exception:  # graphql-core's path reports it as it always did
            return Undefined
        if value is None:
            return Undefined if plan.non_null else None
        if value.__class__ is not list and value.__class__ is not tuple:
            return Undefined
        is_awaitable = self.is_awaitable
        for item in value:
            if item is None or isinstance(item, Exception) or is_awaitable(item):
                return Undefined
        object_type = plan.object_type
        function, details = self._subfields(object_type, field_details_list)
        if function is None or self.get_stream_usage(field_details_list, path) is not None:
            return Undefined
        item_type = plan.item_type
        results: list[Any] = []
        awaitable_indices: list[int] = []
        try:
            for index, item in enumerate(value):
                item_path = Path(path, index, None)
                try:
                    completed = function(self, object_type, item, item_path, details)
                except Exception as raw_error:
                    self.handle_field_error(raw_error, item_type, field_details_list, item_path)
                    completed = None
                else:
                    if is_awaitable(completed):
                        completed = self._await_item(completed, item_type, field_details_list, item_path)
                        awaitable_indices.append(index)
                results.append(completed)
        except Exception as raw_error:
            if awaitable_indices:
                self.settle_in_background([results[index] for index in awaitable_indices])
            self.handle_field_error(raw_error, plan.return_type, field_details_list, path)
            return None
        if not awaitable_indices:
            return results

        async def await_completed() -> Any:
            try:
                if len(awaitable_indices) == 1:
                    index = awaitable_indices[0]
                    results[index] = await results[index]
                else:
                    awaited = await gather_with_cancel(*(results[index] for index in awaitable_indices))
                    for index, completed in zip(awaitable_indices, awaited, strict=True):
                        results[index] = completed
                return results
            except Exception as raw_error:
                self.handle_field_error(raw_error, plan.return_type, field_details_list, path)
                return None

        return await_completed()

    async def _await_item(
        self, completed: Any, item_type: GraphQLOutputType, field_details_list: FieldDetailsList, item_path: Path
    ) -> Any:
        try:
            return await completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, item_type, field_details_list, item_path)
            return None
