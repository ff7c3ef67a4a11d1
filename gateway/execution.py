"""graphql-core's executor with a shortcut for plain leaf fields.

Most of what the gateway returns is leaf fields read straight off the services' dicts
(`qualified`, `reasons`, `certificateNo` for each of 100 checks). graphql-core builds a
ResolveInfo, reads the arguments and walks the type wrappers for every one of them; here a
field with graphene's default resolver, no arguments and a leaf (or list of leaves) type
is read and serialized directly. Anything unusual on that path (null for a non-null
field, a value its scalar refuses, a non-list for a list) falls back to graphql-core's
own code, which produces the error exactly as before: the shortcut changes speed only.
"""
from __future__ import annotations

from functools import partial

from graphene.types.resolver import dict_or_attr_resolver
from graphql import (ExecutionContext, GraphQLList, GraphQLNonNull, Undefined, is_leaf_type)
from graphql.execution.execute import get_field_def

_SLOW = object()  # "take graphql-core's path"
# id(GraphQLField) -> (field, plan or None); fields are unhashable, and the field is kept
# so a reused id (a schema built again in tests) is never mistaken for it.
_plans: dict = {}


def _leaf(leaf_type, non_null: bool):
    serialize = leaf_type.serialize

    def complete(value):
        if value is None:
            return _SLOW if non_null else None
        if isinstance(value, Exception):
            return _SLOW
        try:
            out = serialize(value)
        except Exception:  # noqa: BLE001 - graphql-core reports it on the slow path
            return _SLOW
        return _SLOW if out is None or out is Undefined else out
    return complete


def _completer(field_type):
    """A function completing a value of `field_type`, or None when it is not a leaf type
    or a list of leaves (one list level: what the schema has)."""
    non_null = isinstance(field_type, GraphQLNonNull)
    inner = field_type.of_type if non_null else field_type
    if is_leaf_type(inner):
        return _leaf(inner, non_null)
    if not isinstance(inner, GraphQLList):
        return None
    item_type = inner.of_type
    item_non_null = isinstance(item_type, GraphQLNonNull)
    item_type = item_type.of_type if item_non_null else item_type
    if not is_leaf_type(item_type):
        return None
    item = _leaf(item_type, item_non_null)

    def complete(value):
        if value is None:
            return _SLOW if non_null else None
        if not isinstance(value, (list, tuple)):
            return _SLOW
        out = [item(v) for v in value]
        return _SLOW if any(v is _SLOW for v in out) else out
    return complete


def _plan(field_def):
    resolve = field_def.resolve
    if (field_def.args or not isinstance(resolve, partial)
            or resolve.func is not dict_or_attr_resolver or len(resolve.args) != 2):
        return None
    complete = _completer(field_def.type)
    if complete is None:
        return None
    name, default = resolve.args

    def run(source):
        try:
            value = (source.get(name, default) if isinstance(source, dict)
                     else getattr(source, name, default))
        except Exception:  # noqa: BLE001 - e.g. a property raising: graphql-core reports it
            return _SLOW
        return complete(value)
    return run


def _known(key_obj, make):
    known = _plans.get(id(key_obj))
    if known is None or known[0] is not key_obj:
        known = _plans[id(key_obj)] = (key_obj, make(key_obj))
    return known[1]


class LeanExecution(ExecutionContext):
    def execute_fields(self, parent_type, source_value, path, fields):
        # An object whose selected fields are all plain leaves (each item of a list of
        # answers): no Path or ResolveInfo per field. `fields` is graphql-core's selection,
        # memoized per request, so its plans are made once per request (kept here, not
        # in the module: the dict lives only as long as this request).
        if self.middleware_manager is None:
            cache = self.__dict__.setdefault("_lean_plans", {})
            key = id(fields)
            if key not in cache:
                cache[key] = (fields, self._field_plans(parent_type, fields))
            plans = cache[key][1]
            if plans is not None:
                results = {}
                for name, plan in plans:
                    value = plan(source_value)
                    if value is _SLOW:
                        break
                    results[name] = value
                else:
                    return results
        return super().execute_fields(parent_type, source_value, path, fields)

    def _field_plans(self, parent_type, fields):
        plans = []
        for name, nodes in fields.items():
            field_def = get_field_def(self.schema, parent_type, nodes[0])
            plan = None if field_def is None else _known(field_def, _plan)
            if plan is None:
                return None
            plans.append((name, plan))
        return plans

    def execute_field(self, parent_type, source, field_nodes, path):
        field_def = get_field_def(self.schema, parent_type, field_nodes[0])
        if field_def is not None and self.middleware_manager is None:
            plan = _known(field_def, _plan)
            if plan is not None:
                value = plan(source)
                if value is not _SLOW:
                    return value
        return super().execute_field(parent_type, source, field_nodes, path)
