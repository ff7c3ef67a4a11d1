"""Personal data never reaches a cross-agency system or an anonymous caller: every field
they may read, with the real ids of the demo data (officers, the published decision
about a driver, operations, draws) and every sub-field selected, is scanned for full ID
numbers and natural persons' names (the scan runs on every answer of the package)."""
import datetime as dt

import pytest
from graphql import GraphQLNonNull, GraphQLObjectType, get_named_type, is_leaf_type

from tests.hostile.calls import dummy, policy, root_fields

pytestmark = pytest.mark.e2e
POLICY = policy()
TOO_BIG = {"QUERY_TOO_COMPLEX", "QUERY_TOO_DEEP"}


def selection(type_, depth) -> str:
    """Every field without required arguments, `depth` levels down."""
    named = get_named_type(type_)
    if is_leaf_type(named):
        return ""
    if depth == 0 or not isinstance(named, GraphQLObjectType):
        return "{ __typename }"
    parts = [f"{name} {selection(f.type, depth - 1)}" for name, f in named.fields.items()
             if not any(isinstance(a.type, GraphQLNonNull) for a in f.args.values())]
    return "{ " + " ".join(parts) + " }"


def real_ids(hostile) -> dict:
    """Argument name -> real values to try (read by staff, whose answers are not scanned)."""
    def ids(query, path, role="planner", agency=None):
        data = hostile.post(query, role=role, agency=agency).json()["data"]
        for key in path:
            data = data[key]
        return [e["node"]["id"] for e in data]
    cases = [e["node"]["caseId"] for agency in ("CULTURE", "TRANSPORT") for e in hostile.post(
        f"{{ publishedDecisions(agency: {agency}) {{ edges {{ node {{ caseId }} }} }} }}"
    ).json()["data"]["publishedDecisions"]["edges"]]
    officers = ids("{ officers(first: 100) { edges { node { id } } } }", ["officers", "edges"],
                   "certification_admin")
    return {
        "caseId": cases,
        "officerId": officers[:3] + officers[-3:],
        "checks": [[{"officerId": o, "domain": d} for o in officers
                    for d in ("CULTURE_MARKET", "ROAD_TRANSPORT")]],
        "operation": ids("{ jointOperations(first: 50) { edges { node { id } } } }",
                         ["jointOperations", "edges"]),
        "draw": ids("{ draws(first: 50) { edges { node { id } } } }", ["draws", "edges"]),
        "agency": ["CULTURE", "TRANSPORT"],
        "periodFrom": [f"{dt.date.today().year - 1}-01-01"],
        "periodTo": [f"{dt.date.today().year}-12-31"],
    }


def _values(name, arg, pool):
    if name == "id":
        return pool["operation"] if "operation" in pool["_field"].lower() else pool["draw"]
    if name in pool:
        return pool[name]
    return [dummy(arg.type)] if isinstance(arg.type, GraphQLNonNull) else [None]


def _calls(field_name, field, pool):
    """One call per real value of each argument (the others at their first value)."""
    pool = {**pool, "_field": field_name}
    options = {a: _values(a, arg, pool) for a, arg in field.args.items()}
    options = {a: v for a, v in options.items() if v != [None]}
    first = {a: v[0] for a, v in options.items() if v}
    yield first
    for a, values in options.items():
        for v in values[1:]:
            yield {**first, a: v}


def _query(name, field, depth):
    args = {a: arg for a, arg in field.args.items()}
    decl = ", ".join(f"${a}: {arg.type}" for a, arg in args.items())
    use = ", ".join(f"{a}: ${a}" for a in args)
    return (f"query{f'({decl})' if decl else ''} {{ {name}{f'({use})' if use else ''} "
            f"{selection(field.type, depth)} }}")


@pytest.mark.parametrize("caller", ["cross_agency", None], ids=["cross_agency", "anonymous"])
def test_no_answer_to_a_public_caller_holds_personal_data(hostile, caller):
    pool = real_ids(hostile)
    assert pool["caseId"] and pool["officerId"], "the demo data should be there"
    column = caller or "anonymous"
    asked = answered = 0
    for kind, name, field in root_fields():
        if kind != "Query" or POLICY[f"Query.{name}"][column] != "allow":
            continue
        for variables in _calls(name, field, pool):
            for depth in (7, 5, 4, 3):  # as deep as the cost limits let us
                body = hostile.post(_query(name, field, depth), variables, role=caller).json()
                codes = {e["extensions"].get("code") for e in body.get("errors") or []}
                if not codes & TOO_BIG:
                    break
            asked += 1
            answered += bool((body.get("data") or {}).get(name))
    assert answered >= asked // 2, (asked, answered)


def test_the_scan_would_catch_a_leak(hostile):
    """The scanner's secrets are really in the data: the agency's own enforcement officer
    sees the driver's full name in the case, and the same answer to a cross-agency
    caller would fail the scan."""
    answers = [hostile.post("query($id: ID!) { enforcementCase(id: $id) { party { name "
                            "idNumber } } }", {"id": case_id}, role="enforcement_officer",
                            agency=agency)
               for case_id in real_ids(hostile)["caseId"] for agency in ("CULTURE", "TRANSPORT")]
    leaky = [r for r in answers if any(s in r.text for s in hostile.secrets)]
    assert leaky, [r.text for r in answers]
    with pytest.raises(AssertionError, match="personal data"):
        hostile.check(leaky[0], "cross_agency")
