"""Building a valid call of any root field from the served schema: required arguments
only, each filled with a dummy value of its type (or a chosen text for every free-text
input), and the smallest selection."""
from __future__ import annotations

from pathlib import Path

from graphql import (GraphQLEnumType, GraphQLInputObjectType, GraphQLList, GraphQLNonNull,
                     GraphQLScalarType, get_named_type, is_leaf_type)

from gateway.auth import ROLES
from gateway.service import SCHEMA

README = Path(__file__).resolve().parents[2] / "README.md"

SCALARS = {"ID": "hostile-dummy", "String": "hostile-dummy", "Int": 1, "Float": 1.0,
           "Boolean": False, "DateTime": "2026-03-02T09:00:00+08:00", "Date": "2026-03-02",
           "JSONString": "{}"}


def root_fields():
    """("Query" | "Mutation", name, field) for every root field, in schema order."""
    schema = SCHEMA.graphql_schema
    for root in (schema.query_type, schema.mutation_type):
        for name, field in root.fields.items():
            yield root.name, name, field


def dummy(type_, text=None, every=False):
    """A value of `type_`: required input fields only (all of them with `every`), and
    `text` (when given) in every String/ID position."""
    if isinstance(type_, GraphQLNonNull):
        return dummy(type_.of_type, text, every)
    if isinstance(type_, GraphQLList):
        return [dummy(type_.of_type, text, every)]
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLInputObjectType):
        return {name: dummy(f.type, text, every) for name, f in type_.fields.items()
                if every or isinstance(f.type, GraphQLNonNull)}
    assert isinstance(type_, GraphQLScalarType), type_
    if text is not None and type_.name in ("ID", "String"):
        return text
    return SCALARS[type_.name]


def call(kind, name, field, text=None, every=False):
    """(query, variables) calling one root field with dummy arguments."""
    args = {a: arg for a, arg in field.args.items()
            if every or isinstance(arg.type, GraphQLNonNull)}
    decl = ", ".join(f"${a}: {arg.type}" for a, arg in args.items())
    use = ", ".join(f"{a}: ${a}" for a in args)
    selection = "" if is_leaf_type(get_named_type(field.type)) else " { __typename }"
    op = "mutation" if kind == "Mutation" else "query"
    query = (f"{op}{f'({decl})' if decl else ''} {{ {name}{f'({use})' if use else ''}"
             f"{selection} }}")
    return query, {a: dummy(arg.type, text, every) for a, arg in args.items()}


def policy() -> dict:
    """{"Query.officer": {"planner": "allow", ..., "anonymous": "deny"}} from README.md."""
    text = README.read_text()
    block = text[text.index("<!-- role-policy:start -->"):text.index("<!-- role-policy:end -->")]
    rows = [[c.strip() for c in line.strip().strip("|").split("|")]
            for line in block.splitlines() if line.startswith("|")]
    header, body = rows[0], [r for r in rows[1:] if not set("".join(r)) <= set("-: ")]
    assert header[1:] == [*ROLES, "anonymous"], header
    table = {}
    for row in body:
        assert len(row) == len(header), row
        assert set(row[1:]) <= {"allow", "deny"}, row
        table[row[0].strip("`")] = dict(zip(header[1:], row[1:]))
    return table
