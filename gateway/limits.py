"""Query cost limits: depth, aliases and field count, checked before execution.

Refusing expensive queries at validation keeps the gateway's memory bounded
whatever a client sends.
"""
from __future__ import annotations

from graphene.validation import depth_limit_validator
from graphql import GraphQLError, ValidationRule

MAX_DEPTH = 10
MAX_ALIASES = 30
MAX_FIELDS = 500
MAX_BODY_BYTES = 64 * 1024
MAX_LIST_INPUT = 1000


class CostLimitRule(ValidationRule):
    """Counts field selections and aliases of each operation, expanding fragment
    spreads at every use, so a fragment bomb is counted at its real size. The walk
    stops as soon as a limit is passed, so counting is itself bounded."""

    def enter_operation_definition(self, node, *_):
        counts = {"fields": 0, "aliases": 0}
        try:
            self._walk(node.selection_set, counts, ())
        except _Exceeded as exc:
            self.report_error(GraphQLError(str(exc), extensions={"code": "QUERY_TOO_COMPLEX"}))

    def _walk(self, selection_set, counts, fragment_path):
        for selection in (selection_set.selections if selection_set else ()):
            kind = selection.kind
            if kind == "field":
                counts["fields"] += 1
                counts["aliases"] += selection.alias is not None
                if counts["aliases"] > MAX_ALIASES:
                    raise _Exceeded(f"query uses more than {MAX_ALIASES} aliases")
                if counts["fields"] > MAX_FIELDS:
                    raise _Exceeded(f"query selects more than {MAX_FIELDS} fields")
                self._walk(selection.selection_set, counts, fragment_path)
            elif kind == "inline_fragment":
                self._walk(selection.selection_set, counts, fragment_path)
            elif kind == "fragment_spread":
                name = selection.name.value
                fragment = self.context.get_fragment(name)
                if fragment is not None and name not in fragment_path:  # cycles: other rule
                    self._walk(fragment.selection_set, counts, fragment_path + (name,))


class _Exceeded(Exception):
    pass


def rules():
    return [depth_limit_validator(max_depth=MAX_DEPTH), CostLimitRule]
