"""A case through the service on the real broker and database: refusals that change
nothing, delivery of the published decision to the credit publicity platforms through the
delivery service (a platform down is retried until it is back), statistics computed by
the database, and the record verifier against direct edits."""
import datetime as dt

import pytest

from services.bus.deadletters import list_dead_letters
from services.enforcement.domain.statistics import compute_statistics
from tests.integration.test_enforcement_support import (  # noqa: F401  (fixtures)
    CULTURE, OFFICER, cafe_row, config, receiver, rpc)
from tests.integration.test_operations_support import code, ok
from tests.support import wait_until

pytestmark = pytest.mark.integration
TEAM = {"officer_ids": ["cu-1", "cu-3"]}
MINOR = {"outcome": "PENALTY", "violation_code": "NETCAFE_ADMITS_MINORS",
         "circumstance": "LIGHTER", "fine": 3000}


LAWYER = {"sub": "lawyer-1", "roles": ["accountability_officer"]}


def step(rpc, case_id, action, **data):
    return rpc.culture.case_action(case_id, action, {**TEAM, **data}, OFFICER)


def reviewed(rpc, case_id, stage, **data):
    """The stage's review submitted by the officers and approved by legal-affairs staff."""
    ok(step(rpc, case_id, "submit_for_legal_review", stage=stage, **data))
    return ok(rpc.culture.case_action(case_id, "record_legal_review",
                                      {"outcome": "APPROVED"}, LAWYER))


def decided_penalty(rpc):
    entity_id = ok(rpc.culture.import_entities([cafe_row()]))["entity_ids"][0]
    case = ok(rpc.culture.file_case({"entity_id": entity_id, **TEAM,
                                     "violation_code": "NETCAFE_ADMITS_MINORS"}, OFFICER))
    for stage, action in (("FILING", "start_investigation"),
                          ("INVESTIGATION_END", "notify_rights")):
        reviewed(rpc, case["id"], stage)
        ok(step(rpc, case["id"], action))
    reviewed(rpc, case["id"], "DECISION", proposal=MINOR)
    ok(step(rpc, case["id"], "decide", decision=MINOR))
    return case["id"]


def test_refusals_name_the_state_and_change_nothing(rpc):
    case_id = decided_penalty(rpc)
    stored = CULTURE.Case._get_collection().find_one({"_id": case_id})
    refusal = step(rpc, case_id, "notify_rights")["error"]
    assert refusal["code"] == "INVALID_TRANSITION" and "DECIDED" in refusal["message"]
    assert refusal["details"]["state"] == "DECIDED"
    assert code(step(rpc, case_id, "attempt_service", document="DECISION",
                     method="EMAIL")) == "CONSENT_REQUIRED"
    assert code(step(rpc, case_id, "close", at="2001-01-01T00:00:00+00:00")) == "OUT_OF_ORDER"
    assert code(step(rpc, case_id, "fly")) == "INVALID_INPUT"
    assert code(step(rpc, case_id, "decide", decision={"outcome": 5})) == "INVALID_INPUT"
    assert code(rpc.culture.case_action("CUL-C-NOPE", "close", TEAM, OFFICER)) == "NOT_FOUND"
    assert CULTURE.Case._get_collection().find_one({"_id": case_id}) == stored


def test_published_decision_reaches_the_platform_after_an_outage(rpc, receiver, config,
                                                                container_factory):
    from services.delivery.service import DeliveryService

    container_factory(DeliveryService, config).start()
    case_id = decided_penalty(rpc)
    ok(step(rpc, case_id, "record_service_consent", method="EMAIL", address="boss@cafe.cn"))
    ok(step(rpc, case_id, "attempt_service", document="DECISION", method="EMAIL"))
    ok(step(rpc, case_id, "record_service_receipt", attempt_index=0))
    receiver.down = True
    published = ok(step(rpc, case_id, "publish_decision", channel="city portal"))
    assert published["state"] == "PUBLISHED" and published["publication"]["late"] is False
    wait_until(lambda: receiver.attempts >= 3)  # retried with backoff, nothing dead-lettered
    assert not list_dead_letters(config["AMQP_URI"])
    receiver.down = False
    # one adapter, one delivery per configured publicity platform, each accepted once
    sent = wait_until(lambda: (lambda got: len(got) == 2 and got)(
        [b for b in receiver.received.values() if b["record"]["case_id"] == case_id]))
    assert sorted(b["platform"] for b in sent) == ["CREDIT_PORTAL", "ENTERPRISE_CREDIT"]
    assert all(b["record"]["party_name"] == "Star Net Cafe" and b["record"]["fine"] == 3000
               for b in sent)
    reviewed(rpc, case_id, "CLOSING")
    ok(step(rpc, case_id, "close"))
    year = (dt.date.today().replace(month=1, day=1), dt.date.today().replace(month=12, day=31))
    figures = ok(rpc.culture.statistics(*(d.isoformat() for d in year)))
    cases = list(CULTURE.Case._get_collection().find())
    start, end = (dt.datetime(y.year, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=8)))
                  for y in (year[0], year[1] + dt.timedelta(days=1)))
    reference = compute_statistics(cases, [], "CULTURE", start, end)
    assert {k: figures[k] for k in reference} == reference
    assert figures["published_in_time"] == 1 and figures["by_outcome"] == {"PENALTY": 1}


def test_verifier_finds_an_entry_edited_in_the_database_and_a_cut_tail(rpc):
    case_id = decided_penalty(rpc)
    assert ok(rpc.culture.verify_record(case_id))["intact"]
    cases = CULTURE.Case._get_collection()
    original = cases.find_one({"_id": case_id})
    cases.update_one({"_id": case_id}, {"$set": {"record.2.officer_ids": ["cu-2", "cu-3"]}})
    broken = ok(rpc.culture.verify_record(case_id))
    assert (broken["intact"], broken["index"], broken["reason"]) == (False, 2, "HASH_MISMATCH")
    cases.replace_one({"_id": case_id}, original)
    cases.update_one({"_id": case_id}, {"$pop": {"record": 1}})
    cut = ok(rpc.culture.verify_record(case_id))
    entries = len(original["record"]) - 1
    assert (cut["intact"], cut["reason"], cut["entries"]) == (False, "HEAD_MISMATCH", entries)
    assert code(rpc.culture.verify_record("CUL-C-MISSING")) == "NOT_FOUND"
