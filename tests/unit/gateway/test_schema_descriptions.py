"""The schema documents itself: integrators read it in GraphiQL, so every type, field,
argument, input field and enum value the gateway serves says what it means (units, who may
call it, the error codes a mutation returns). This walks the served schema and names every
element whose description is missing or says nothing (shorter than a phrase, or its own
name again). Introspection types and the built-in scalars are graphql-core's, not ours."""
import services.common.runtime  # noqa: F401,I001

import re

from graphql import (GraphQLEnumType, GraphQLInputObjectType, GraphQLInterfaceType,
                     GraphQLObjectType, GraphQLScalarType, GraphQLUnionType)
from graphql.type import specified_scalar_types

from gateway.schema import build_schema

MIN_LENGTH = 12


def _words(text: str) -> str:
    """A name or a description reduced to its letters: `officerId`, "Officer id." -> officerid."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _says_nothing(description, name: str) -> str | None:
    text = (description or "").strip()
    if not text:
        return "no description"
    if len(text) < MIN_LENGTH:
        return f"too short ({text!r})"
    if _words(text) == _words(name):
        return f"only repeats the name ({text!r})"
    return None


def undescribed(schema) -> list[str]:
    """`Type`, `Type.field`, `Type.field(arg)`, `Input.field`, `Enum.VALUE`, each with why."""
    problems = []

    def check(path, description, name):
        why = _says_nothing(description, name)
        if why:
            problems.append(f"{path}: {why}")

    for name, gql_type in sorted(schema.type_map.items()):
        if name.startswith("__") or name in specified_scalar_types:
            continue
        check(name, gql_type.description, name)
        if isinstance(gql_type, (GraphQLObjectType, GraphQLInterfaceType)):
            for field_name, field in gql_type.fields.items():
                check(f"{name}.{field_name}", field.description, field_name)
                for arg_name, arg in field.args.items():
                    check(f"{name}.{field_name}({arg_name})", arg.description, arg_name)
        elif isinstance(gql_type, GraphQLInputObjectType):
            for field_name, field in gql_type.fields.items():
                check(f"{name}.{field_name}", field.description, field_name)
        elif isinstance(gql_type, GraphQLEnumType):
            for value_name, value in gql_type.values.items():
                check(f"{name}.{value_name}", value.description, value_name)
        else:
            assert isinstance(gql_type, (GraphQLScalarType, GraphQLUnionType)), name
    return problems


def test_every_element_of_the_served_schema_is_described():
    problems = undescribed(build_schema().graphql_schema)
    assert not problems, (
        f"{len(problems)} elements of the served schema lack a real description "
        "(say what it means, units, who may call it, a mutation's error codes):\n  "
        + "\n  ".join(problems))


def test_the_check_rejects_what_says_nothing():
    assert _says_nothing(None, "officerId") == "no description"
    assert _says_nothing("  ", "officerId") == "no description"
    assert _says_nothing("The id.", "id").startswith("too short")
    assert _says_nothing("Officer id.", "officerId").startswith("too short")
    assert _says_nothing("The officer id", "theOfficerId").startswith("only repeats")
    assert _says_nothing("The officer's id (`off_…`).", "officerId") is None
