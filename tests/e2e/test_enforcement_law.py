"""The law as the bureau applies it, through the real gateway: a township body files what
was delegated to it and nothing else; a penalty case is reviewed at filing, end of
investigation, decision and closing (each missing review refused, its stage named) by an
independent reviewer; a second violation is refused the first-violation waiver; a
compulsory measure on the "no compulsory measures" list is refused."""
import datetime as dt

import pytest

from tests.e2e.test_enforcement import CU_OFFICER, LEGAL, call, officers, review, step  # noqa: F401

pytestmark = pytest.mark.e2e
ADMIN = dict(roles=("certification_admin",), agency="CULTURE")
TEAM = '["c1", "c2"]'


def _cafe(gql, reg):
    return call(gql, "registerEnforcementEntity", {
        "agency": "CULTURE", "registrationNo": f'"{reg}"', "category": "INTERNET_CAFE",
        "name": '"Star Net Cafe"', "licence": '"NC-001"'}, CU_OFFICER, "entity { id }")[
        "entity"]["id"]


def _file(gql, entity_id, code, who=CU_OFFICER, expect_error=None):
    return call(gql, "fileCase", {"agency": "CULTURE", "entityId": f'"{entity_id}"',
                                  "officerIds": TEAM, "violationCode": f'"{code}"'}, who,
                "case { id body { id name kind } }", expect_error)


def refused_for(gql, name, case_id, stage, **extra):
    payload = step(gql, name, case_id, TEAM, CU_OFFICER, "LEGAL_REVIEW_REQUIRED", **extra)
    assert f"the {stage} stage" in payload["errors"][0]["message"], payload


def test_a_township_body_files_only_what_was_delegated_to_it(officers, gql):
    today = dt.date.today().isoformat()
    body = call(gql, "registerEnforcementBody", {
        "agency": "CULTURE", "name": '"浉河区老城街道办事处"', "kind": "SUB_DISTRICT",
        "area": '"浉河区"'}, ADMIN, "body { id kind }")["body"]
    power = call(gql, "delegateEnforcementPower", {
        "agency": "CULTURE", "bodyId": f'"{body["id"]}"',
        "violationCode": '"NETCAFE_ADMITS_MINORS"', "effectiveFrom": f'"{today}"',
        "documentNo": '"信文广旅〔2023〕15号"'}, ADMIN,
        "power { id delegatedFrom documentNo body { name } }")["power"]
    assert (power["delegatedFrom"], power["body"]["name"]) == ("CULTURE", "浉河区老城街道办事处")
    for officer in ("c1", "c2"):
        call(gql, "assignOfficerToBody", {"agency": "CULTURE", "officerId": f'"{officer}"',
                                          "bodyId": f'"{body["id"]}"'}, ADMIN,
             "assignment { previousBodyId body { id } }")
    shown = gql(f'{{ enforcementBody(id: "{body["id"]}") {{ officerIds powers(inForceOn: '
                f'"{today}") {{ violationCode }} }} }}', roles=("cross_agency",))
    assert shown["data"]["enforcementBody"] == {
        "officerIds": ["c1", "c2"], "powers": [{"violationCode": "NETCAFE_ADMITS_MINORS"}]}
    cafe = _cafe(gql, "91320100MA1CAFE01X")
    township = dict(CU_OFFICER, body=body["id"])
    filed = _file(gql, cafe, "NETCAFE_ADMITS_MINORS", township)["case"]
    assert filed["body"] == {"id": body["id"], "name": "浉河区老城街道办事处",
                             "kind": "SUB_DISTRICT"}
    refusal = _file(gql, cafe, "NETCAFE_NO_ID_CHECK", township, "POWER_NOT_HELD")
    assert "NETCAFE_NO_ID_CHECK" in refusal["errors"][0]["message"]
    # without the claim the officers' own body files: the same refusal
    _file(gql, cafe, "NETCAFE_NO_ID_CHECK", expect_error="POWER_NOT_HELD")
    call(gql, "endEnforcementPower", {"powerId": f'"{power["id"]}"',
                                      "lastDay": f'"{(dt.date.today() - dt.timedelta(days=1))}"'
                                      }, ADMIN, "power { effectiveUntil }",
         "INVALID_INPUT")                      # before its first day: refused
    # a compulsory measure is allowed for a violation not on the list
    seized = step(gql, "recordCompulsoryMeasure", filed["id"], TEAM, township,
                  measure="SEIZE", items='["12 unregistered terminals"]')["case"]
    assert seized["state"] == "FILED"


def test_penalty_case_reviewed_at_every_stage_then_the_waiver_refused(officers, gql):
    cafe = _cafe(gql, "91320100MA1CAFE02X")
    first = _file(gql, cafe, "NETCAFE_NO_ID_CHECK")["case"]["id"]
    measure = step(gql, "recordCompulsoryMeasure", first, TEAM, CU_OFFICER,
                   "COMPULSORY_MEASURE_NOT_ALLOWED", measure="SEAL_UP")
    assert "免予行政强制清单" in measure["errors"][0]["message"]
    refused_for(gql, "startInvestigation", first, "FILING")
    step(gql, "submitForLegalReview", first, TEAM, CU_OFFICER, stage="FILING")
    own = call(gql, "recordLegalReview", {"caseId": f'"{first}"', "outcome": "APPROVED"},
               dict(LEGAL, sub="c1"), expect_error="REVIEWER_NOT_INDEPENDENT")
    assert "c1 is an officer of the case" in own["errors"][0]["message"]
    call(gql, "recordLegalReview", {"caseId": f'"{first}"', "outcome": "APPROVED"}, LEGAL)
    step(gql, "startInvestigation", first, TEAM, CU_OFFICER)
    refused_for(gql, "notifyRights", first, "INVESTIGATION_END")
    review(gql, first, TEAM, CU_OFFICER, "INVESTIGATION_END")
    step(gql, "notifyRights", first, TEAM, CU_OFFICER)
    fine = ('{outcome: PENALTY, violationCode: "NETCAFE_NO_ID_CHECK", circumstance: LIGHTER, '
            'fine: 2000}')
    refused_for(gql, "decideCase", first, "DECISION", decision=fine)
    review(gql, first, TEAM, CU_OFFICER, "DECISION", proposal=fine)
    step(gql, "decideCase", first, TEAM, CU_OFFICER, decision=fine)
    step(gql, "attemptService", first, TEAM, CU_OFFICER, method="IN_PERSON")
    call(gql, "recordServiceReceipt", {"caseId": f'"{first}"', "attemptIndex": 0}, CU_OFFICER)
    step(gql, "publishDecision", first, TEAM, CU_OFFICER)
    refused_for(gql, "closeCase", first, "CLOSING")
    review(gql, first, TEAM, CU_OFFICER, "CLOSING")
    closed = step(gql, "closeCase", first, TEAM, CU_OFFICER)["case"]
    assert closed["state"] == "CLOSED" and closed["recordCheck"]["intact"]
    assert [r["outcome"] for r in closed["legalReviews"]] == ["APPROVED"] * 4

    second = _file(gql, cafe, "NETCAFE_NO_ID_CHECK")["case"]["id"]
    for stage, name in (("FILING", "startInvestigation"), ("INVESTIGATION_END", "notifyRights")):
        review(gql, second, TEAM, CU_OFFICER, stage)
        step(gql, name, second, TEAM, CU_OFFICER)
    waiver = ('{outcome: NO_PENALTY_FIRST_VIOLATION, violationCode: "NETCAFE_NO_ID_CHECK", '
              'firstViolation: true, minorHarm: true, correctedInTime: true}')
    refused = step(gql, "submitForLegalReview", second, TEAM, CU_OFFICER,
                   "FIRST_VIOLATION_CONDITIONS_NOT_MET", proposal=waiver)
    assert first in refused["errors"][0]["message"]
