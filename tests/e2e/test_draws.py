"""A draw through the real gateway over HTTP: commit -> reveal -> the published JSON read
anonymously -> `jointops draw verify` says OK -> a tampered assignment is named."""
import json

import pytest
from nameko.standalone.rpc import ClusterRpcProxy
from typer.testing import CliRunner

from services.draws.cli import app as draw_cli
from tests.integration.cert_support import day
from tests.integration.test_draws import RATES, seed

pytestmark = pytest.mark.e2e
DRAW = """id status seedCommitment seed entityCount inspectorCount resultsDue
          hashes { result } rules { tierRates { tier rate } joint }"""
CREATE = """mutation($input: CreateDrawInput!) { createDraw(input: $input) {
    draw { %s } errors { code message field } } }""" % DRAW
STEP = """mutation($id: ID!) { %s(id: $id) { draw { %s } errors { code message } } }"""
PUBLISHED = """query($id: ID!) { publishedDraw(id: $id) { drawId status resultHash document }
    drawVerification(id: $id) { verified differences }
    publishedDraws(first: 5) { totalCount edges { node { drawId resultHash } } } }"""
ASSIGNMENTS = """query($id: ID!, $after: String) { draw(id: $id) { assignments(first: 4,
    after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { entityId agency tier inspectorIds inspectors { id name agency } } } } } }"""


def step(gql, name, draw_id, **kw):
    return gql(STEP % (name, DRAW), {"id": draw_id}, **kw)["data"][name]


@pytest.fixture
def seeded(start_services, service_config, gateway_url):
    start_services("certification", "culture", "draws")
    with ClusterRpcProxy(service_config) as rpc:
        return seed(rpc)


def test_published_draw_verifies_with_the_cli_and_a_tampered_one_is_named(seeded, gql, tmp_path):
    rules = {"tierRates": [{"tier": t, "rate": r} for t, r in RATES.items()]}
    created = gql(CREATE, {"input": {"title": "September batch", "agency": "CULTURE",
                                     "domains": ["CULTURE_MARKET"], "inspectionDate": day(0),
                                     "rules": rules}}, agency="CULTURE")["data"]["createDraw"]
    assert created["errors"] == [] and created["draw"]["status"] == "CREATED"
    draw_id = created["draw"]["id"]
    committed = step(gql, "commitDraw", draw_id)["draw"]
    assert committed["seed"] is None and len(committed["seedCommitment"]) == 64
    before = gql(PUBLISHED, {"id": draw_id}, roles=None)["data"]
    assert before["publishedDraw"] is None and before["publishedDraws"]["totalCount"] == 0
    assert step(gql, "commitDraw", draw_id)["errors"][0]["code"] == "INVALID_TRANSITION"
    refused = gql(STEP % ("revealDraw", "id"), {"id": draw_id}, roles=("enforcement_officer",))
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"

    revealed = step(gql, "revealDraw", draw_id)["draw"]
    assert revealed["status"] == "REVEALED" and revealed["entityCount"] > 4

    public = gql(PUBLISHED, {"id": draw_id}, roles=None)  # anonymous: no token at all
    assert "errors" not in public, public
    assert public["data"]["drawVerification"] == {"verified": True, "differences": []}
    page = public["data"]["publishedDraw"]
    assert page["resultHash"] == revealed["hashes"]["result"]
    assert public["data"]["publishedDraws"]["edges"] == [
        {"node": {"drawId": draw_id, "resultHash": page["resultHash"]}}]
    good = tmp_path / "draw.json"
    good.write_text(page["document"], encoding="utf-8")
    result = CliRunner().invoke(draw_cli, ["verify", str(good)])
    assert result.exit_code == 0 and result.output.strip() == "OK", result.output

    document = json.loads(page["document"])
    tampered = document["result"]["assignments"][0]
    others = [i for i in document["roster"]["inspector_id"] if i not in tampered["inspectors"]]
    tampered["inspectors"][0] = others[0]
    bad = tmp_path / "tampered.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    result = CliRunner().invoke(draw_cli, ["verify", str(bad)])
    assert result.exit_code == 1
    assert f"DIFFERS entity {tampered['entity_id']}: claimed inspectors" in result.output


def test_assignments_page_with_inspectors_in_one_call_and_reads_need_a_role(seeded, gql):
    rules = {"tierRates": [{"tier": t, "rate": r} for t, r in RATES.items()]}
    draw_id = gql(CREATE, {"input": {"title": "b", "agency": "CULTURE", "domains": [
        "CULTURE_MARKET"], "inspectionDate": day(0), "rules": rules}})["data"]["createDraw"][
        "draw"]["id"]
    step(gql, "commitDraw", draw_id)
    total = step(gql, "revealDraw", draw_id)["draw"]["entityCount"]
    body = gql(ASSIGNMENTS, {"id": draw_id}, roles=("cross_agency",))
    conn = body["data"]["draw"]["assignments"]
    assert conn["totalCount"] == total and conn["pageInfo"]["hasNextPage"]
    assert body["extensions"]["serviceCalls"] == 3  # draw, its page, all inspectors at once
    for edge in conn["edges"]:
        node = edge["node"]
        assert [o["id"] for o in node["inspectors"]] == node["inspectorIds"]
        assert all(o["agency"] == "CULTURE" and o["name"] for o in node["inspectors"])
    nxt = gql(ASSIGNMENTS, {"id": draw_id, "after": conn["pageInfo"]["endCursor"]})
    seen = {e["node"]["entityId"] for e in conn["edges"]}
    assert not seen & {e["node"]["entityId"] for e in nxt["data"]["draw"]["assignments"]["edges"]}
    anonymous = gql(ASSIGNMENTS, {"id": draw_id}, roles=None)
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    bad = gql(CREATE, {"input": {"title": "x", "agency": "CULTURE", "domains": ["TOURISM"],
                                 "inspectionDate": day(0), "rules": {"tierRates": []}}})
    assert bad["data"]["createDraw"]["errors"][0]["code"] == "RULES_INCOMPLETE"
