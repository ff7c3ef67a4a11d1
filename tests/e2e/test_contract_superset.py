"""The served schema stays a superset of the public contract (shared/contract/core.graphql):
every type, field, argument, enum value and input field of the contract exists with a
compatible type, and what the gateway adds to inputs is optional. graphql-core's
change finder does the comparison; a request valid against the contract stays valid."""
import os
from pathlib import Path

import httpx
import pytest
from graphql import (
    GraphQLInputObjectType, GraphQLInterfaceType, GraphQLObjectType, build_schema,
    find_breaking_changes)

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
# The published contract lives in shared/ beside the repository; the repository keeps a
# copy (gateway/contract/) so a clone on its own is still checked against it.
PUBLISHED = Path(os.environ.get("JOINTOPS_CONTRACT") or
                 ROOT.parent / "shared" / "contract" / "core.graphql")
KEPT = ROOT / "gateway" / "contract" / "core.graphql"


def contract_sdl() -> str:
    return (PUBLISHED if PUBLISHED.exists() else KEPT).read_text()


@pytest.mark.skipif(not PUBLISHED.exists(), reason="no published contract beside this clone")
def test_the_kept_copy_is_the_published_contract():
    assert KEPT.read_text() == PUBLISHED.read_text(), (
        f"{PUBLISHED} changed: copy it to {KEPT.relative_to(ROOT)} and check the schema")


def superset_problems(contract_sdl: str, served_sdl: str) -> list[str]:
    contract, served = build_schema(contract_sdl), build_schema(served_sdl)
    problems = [f"{c.type.name}: {c.description}" for c in find_breaking_changes(contract, served)]
    return problems + list(_default_changes(contract, served))


def _defaults(schema, name) -> dict:
    """Where a default can sit: `Type.field(arg)` and `Input.field` -> the default."""
    t = schema.type_map.get(name)
    if isinstance(t, GraphQLInputObjectType):
        return {f"{name}.{f}": spec.default_value for f, spec in t.fields.items()}
    if isinstance(t, (GraphQLObjectType, GraphQLInterfaceType)):
        return {f"{name}.{f}({a})": arg.default_value for f, spec in t.fields.items()
                for a, arg in spec.args.items()}
    return {}


def _default_changes(contract, served):
    """A default added or changed alters what a request that leaves the value out means;
    graphql-core reports only changes of an existing argument default."""
    for name in contract.type_map:
        old, new = _defaults(contract, name), _defaults(served, name)
        for where, default in old.items():
            if where in new and new[where] != default:
                yield f"DEFAULT_CHANGED: {where}"


def test_the_served_schema_is_a_superset_of_the_contract(gateway_url):
    served = httpx.get(gateway_url.replace("/graphql", "/schema.graphql"), timeout=10)
    assert served.status_code == 200
    assert superset_problems(contract_sdl(), served.text) == []


@pytest.mark.parametrize("before, after, expected", [
    ("  jointOperation(id: ID!): JointOperation\n", "", "FIELD_REMOVED"),
    ("  REMOVED_FROM_POST\n}\n\ntype Certificate", "}\n\ntype Certificate", "VALUE_REMOVED_FROM_ENUM"),
    ("  teams: [Team!]!", "  teams: TeamConnection!\n}\ntype TeamConnection {\n  n: Int", "FIELD_CHANGED_KIND"),
    ("  endsAt: DateTime!\n}\n\ninput AssignOfficerInput", "  endsAt: DateTime!\n  area: String!\n}"
     "\n\ninput AssignOfficerInput", "REQUIRED_INPUT_FIELD_ADDED"),
    ("officer(id: ID!)", "officer(id: ID!, agency: Agency!)", "REQUIRED_ARG_ADDED"),
    ("  at: DateTime\n}", "  at: DateTime = \"2026-01-01T00:00:00Z\"\n}", "DEFAULT_CHANGED"),
    ("at: DateTime): Qualification!", "at: DateTime = \"2026-01-01T00:00:00Z\"): Qualification!",
     "DEFAULT_CHANGED"),
])
def test_the_comparison_catches_what_would_break_a_client(before, after, expected):
    """The check itself can fail: each edit of the contract that breaks a client is found."""
    sdl = contract_sdl()
    assert before in sdl
    problems = superset_problems(sdl, sdl.replace(before, after, 1))
    assert any(p.startswith(expected) for p in problems), problems


def test_additions_are_allowed():
    sdl = contract_sdl()
    grown = sdl.replace("  CULTURE\n  TRANSPORT\n}", "  CULTURE\n  TRANSPORT\n  POLICE\n}").replace(
        "  endsAt: DateTime!\n}\n\ninput AssignOfficerInput",
        "  endsAt: DateTime!\n  legalBasis: String\n}\n\ninput AssignOfficerInput")
    assert grown != sdl and superset_problems(sdl, grown + "\ntype Extra { x: Int }\n") == []
