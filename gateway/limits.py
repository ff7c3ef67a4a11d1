"""Query cost limits: depth, aliases, field count and input list length, checked before
execution.

Refusing expensive queries at validation keeps the gateway's memory bounded
whatever a client sends.
"""
from __future__ import annotations

from graphql import GraphQLError, ValidationRule

MAX_DEPTH = 10
# GraphiQL's own introspection query nests `ofType` 8 deep; it gets a little more room.
MAX_INTROSPECTION_DEPTH = 15
MAX_ALIASES = 30
MAX_FIELDS = 500
MAX_BODY_BYTES = 64 * 1024
MAX_LIST_INPUT = 1000
LIST_TOO_LONG = f"an input list holds more than {MAX_LIST_INPUT} items"


class CostLimitRule(ValidationRule):
    """Depth, field selections and aliases of each operation, expanding fragment
    spreads at every use, so a fragment bomb is counted at its real size. The walk
    stops as soon as a limit is passed, so counting is itself bounded."""

    def enter_operation_definition(self, node, *_):
        counts = {"fields": 0, "aliases": 0}
        try:
            self._walk(node.selection_set, counts, (), 0, MAX_DEPTH)
        except _Exceeded as exc:
            self.report_error(GraphQLError(exc.args[0], extensions={"code": exc.args[1]}))

    def _walk(self, selection_set, counts, fragment_path, depth, max_depth):
        for selection in (selection_set.selections if selection_set else ()):
            kind = selection.kind
            if kind == "field":
                counts["fields"] += 1
                name = selection.name.value
                if depth == 0 and name in ("__schema", "__type"):
                    max_depth = MAX_INTROSPECTION_DEPTH
                if depth + 1 > max_depth:
                    raise _Exceeded(f"query depth exceeds the limit of {max_depth}",
                                    "QUERY_TOO_DEEP")
                counts["aliases"] += selection.alias is not None
                if counts["aliases"] > MAX_ALIASES:
                    raise _Exceeded(f"query uses more than {MAX_ALIASES} aliases", "QUERY_TOO_COMPLEX")
                if counts["fields"] > MAX_FIELDS:
                    raise _Exceeded(f"query selects more than {MAX_FIELDS} fields", "QUERY_TOO_COMPLEX")
                self._walk(selection.selection_set, counts, fragment_path, depth + 1, max_depth)
            elif kind == "inline_fragment":
                self._walk(selection.selection_set, counts, fragment_path, depth, max_depth)
            elif kind == "fragment_spread":
                name = selection.name.value
                fragment = self.context.get_fragment(name)
                if fragment is not None and name not in fragment_path:  # cycles: other rule
                    self._walk(fragment.selection_set, counts, fragment_path + (name,), depth,
                               max_depth)


class _Exceeded(Exception):
    pass


class ListInputRule(ValidationRule):
    """A list written in the query itself may hold at most MAX_LIST_INPUT items."""

    def enter_list_value(self, node, *_):
        if len(node.values) > MAX_LIST_INPUT:
            self.report_error(GraphQLError(LIST_TOO_LONG, node,
                                           extensions={"code": "LIST_TOO_LONG"}))


def has_long_list(variables) -> bool:
    """Whether any list in the variables (at any depth) holds more than MAX_LIST_INPUT
    items; the body limit bounds the walk."""
    pending = [variables]
    while pending:
        value = pending.pop()
        if isinstance(value, list):
            if len(value) > MAX_LIST_INPUT:
                return True
            pending.extend(value)
        elif isinstance(value, dict):
            pending.extend(value.values())
    return False


def rules():
    return [CostLimitRule, ListInputRule]
