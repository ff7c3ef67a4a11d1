"""MongoDB operator injection through every free-text input: operator objects written as
strings, `$where`, dotted and `$` keys, regex metacharacters. Each is stored as the text
it is, or refused with a code; never interpreted (an id or filter that reads like an
operator matches nothing, a prefix like `.*` matches only names that start with it)."""
import pytest

from tests.hostile.calls import call, policy, root_fields

pytestmark = pytest.mark.e2e
PAYLOADS = ['{"$gt": ""}', '{"$ne": null}', '{"$where": "sleep(100) || true"}',
            "'; return true; var x='", "a.b.$c", "$where", ".*", "^(a+)+$", "[", "\\"]
NOT_A_BUG = {"INTERNAL_ERROR", "SERVICE_UNAVAILABLE"}  # the database is up: these are bugs
POLICY = policy()


def _role(label):
    """Who may call the field (an agency's enforcement officer for agency-scoped ones)."""
    allowed = [r for r, v in POLICY[label].items() if v == "allow" and r != "anonymous"]
    for preferred in ("enforcement_officer", "accountability_officer", "certification_admin",
                      "planner"):
        if preferred in allowed:
            return preferred
    return allowed[0]


def _codes(body):
    codes = [e["extensions"].get("code") for e in body.get("errors") or []]
    for payload in (body.get("data") or {}).values():
        if isinstance(payload, dict):
            codes += [e.get("code") for e in payload.get("errors") or []]
    return codes


@pytest.mark.parametrize("kind,name,field", list(root_fields()),
                         ids=[f"{k}.{n}" for k, n, _ in root_fields()])
def test_every_text_input_of_every_field_takes_operators_as_text(hostile, kind, name, field):
    role = _role(f"{kind}.{name}")
    for payload in PAYLOADS:
        query, variables = call(kind, name, field, text=payload, every=True)
        body = hostile.post(query, variables, role=role).json()
        assert not NOT_A_BUG & set(_codes(body)), (payload, body)


def _nodes(body, field):
    assert not body.get("errors"), body
    return [e["node"] for e in body["data"][field]["edges"]]


# (field, call with $v for the text, node selection, how a node must relate to the text,
#  a real value that finds something, role). Entities, ledger items and findings whose
# text IS the payload exist (the tests here store them), so "matches" means literally.
FILTERS = [
    ("officers", "officers(filter: {namePrefix: $v}, first: 100)", "name", str.startswith,
     "张", "certification_admin"),
    ("enforcementEntities", "enforcementEntities(agency: CULTURE, namePrefix: $v, first: 100)",
     "name", str.startswith, "金色年华", "planner"),
    ("enforcementEntities", "enforcementEntities(agency: CULTURE, registrationNo: $v)",
     "registrationNo", str.__eq__, None, "planner"),
    ("enforcementCases", "enforcementCases(agency: CULTURE, violationCode: $v)",
     "violationCode", str.__eq__, "NETCAFE_ADMITS_MINORS", "planner"),
    ("enforcementCases", "enforcementCases(agency: CULTURE, entityId: $v)", "entity { id }",
     None, None, "planner"),
    ("inspections", "inspections(agency: CULTURE, entityId: $v)", "entity { id }", None, None,
     "planner"),
    ("accountabilityFindings", "accountabilityFindings(officerId: $v)", "officerId", None,
     None, "accountability_officer"),
    ("ledgerItems", "ledgerItems(owner: $v, first: 100)", "owner", str.__eq__, None,
     "accountability_officer"),
    ("jointOperations", "jointOperations(officerId: $v)", "id", None, None, "planner"),
    ("draws", "draws(operationId: $v)", "id", None, None, "planner"),
]


@pytest.mark.parametrize("field,selection,node,relation,real,role", FILTERS,
                         ids=[f[1].split(")")[0] for f in FILTERS])
def test_a_filter_that_reads_like_an_operator_matches_only_that_text(
        hostile, field, selection, node, relation, real, role):
    kind = "ID" if "Id:" in selection else "String"
    query = f"query($v: {kind}) {{ {selection} {{ edges {{ node {{ {node} }} }} }} }}"
    for payload in PAYLOADS:
        found = _nodes(hostile.post(query, {"v": payload}, role=role).json(), field)
        if relation is None:  # no stored row can carry this text: nothing may match
            assert found == [], payload
        else:
            assert all(relation(n[node], payload) for n in found), (payload, found[:3])
    if real:  # the filter works: a real value finds what the demo stored
        assert _nodes(hostile.post(query, {"v": real}, role=role).json(), field)


def test_an_id_that_reads_like_an_operator_finds_nothing(hostile):
    for payload in PAYLOADS:
        body = hostile.post(
            "query($v: ID!) { officer(id: $v) { id } officerRecord(id: $v) { id } "
            "enforcementCase(id: $v) { id } inspection(id: $v) { id } "
            "enforcementEntity(agency: CULTURE, id: $v) { id } publishedDecision(caseId: $v)"
            " { caseId } jointOperation(id: $v) { id } draw(id: $v) { id } "
            "officerQualification(officerId: $v, domain: TOURISM) { qualified reasons } }",
            {"v": payload}, role="planner", agency=None).json()
        data = body["data"]
        assert data.pop("officerQualification") == {"qualified": False,
                                                    "reasons": ["UNKNOWN_OFFICER"]}
        assert set(data.values()) == {None}, (payload, body)


def _mutate(hostile, role, name, input_type, data, selection, agency="CULTURE"):
    body = hostile.post(f"mutation($i: {input_type}!) {{ {name}(input: $i) {{ {selection} "
                        "errors { code } } }", {"i": data}, role=role, agency=agency).json()
    return body["data"][name]


@pytest.mark.parametrize("text", PAYLOADS)
def test_free_text_is_stored_as_the_text_it_is(hostile, text):
    """A finding's description (always stored), a ledger item's owner and description, an
    operation's name, an entity's name: written and read back byte for byte, or refused."""
    officer = hostile.post("{ officers(first: 1) { edges { node { id } } } }",
                           role="certification_admin").json()
    officer_id = officer["data"]["officers"]["edges"][0]["node"]["id"]
    finding = _mutate(hostile, "accountability_officer", "recordFinding", "FindingInput",
                      {"officerId": officer_id, "description": text, "evidence": [text]},
                      "finding { id description }")
    assert finding["finding"]["description"] == text  # a description is free text
    item = _mutate(hostile, "accountability_officer", "openLedgerItem", "OpenLedgerItemInput",
                   {"owner": text, "description": text}, "ledgerItem { id owner description }")
    if not item["errors"]:
        assert (item["ledgerItem"]["owner"], item["ledgerItem"]["description"]) == (text, text)
        listed = hostile.post("query($o: String) { ledgerItems(owner: $o, first: 100) "
                              "{ edges { node { id owner } } } }", {"o": text},
                              role="accountability_officer").json()
        nodes = [e["node"] for e in listed["data"]["ledgerItems"]["edges"]]
        assert item["ledgerItem"]["id"] in [n["id"] for n in nodes]
        assert {n["owner"] for n in nodes} == {text}
    op = _mutate(hostile, "planner", "planJointOperation", "PlanJointOperationInput",
                 {"name": text, "agencies": ["CULTURE"], "startsAt": "2030-01-01T08:00:00Z",
                  "endsAt": "2030-01-02T08:00:00Z", "areas": [text], "objectives": [text]},
                 "operation { id name }")
    assert op["errors"] or op["operation"]["name"] == text
    entity = _mutate(hostile, "enforcement_officer", "registerEnforcementEntity", "EntityInput",
                     {"agency": "CULTURE", "category": "INTERNET_CAFE", "name": text,
                      "registrationNo": f"INJ-{PAYLOADS.index(text)}", "address": text,
                      "licence": text},
                     "entity { id name }")
    assert entity["errors"] or entity["entity"]["name"] == text
