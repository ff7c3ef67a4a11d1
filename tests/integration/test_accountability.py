"""Accountability through the real broker and database, with the real certification
service: sanctions change the qualification answer and lifting them restores it; the
ledger's lifecycle, its timer-driven overdue transition (raised once); the record and
the period figures."""
import datetime as dt

import pytest
from nameko.standalone.rpc import ServiceRpcProxy

from services.accountability import rectification
from services.accountability.documents import LedgerItemDoc
from services.accountability.service import AccountabilityService
from services.certification.service import CertificationService
from services.common.clock import LOCAL_TZ
from tests.integration.cert_support import ID_CU, ID_CU2, ID_TR, certify, ok, refused
from tests.support import wait_until

pytestmark = pytest.mark.integration
STAFF = {"sub": "legal-1", "roles": ["accountability_officer"], "agency": None}
CHIEF = {**STAFF, "sub": "legal-chief"}
TRIO = (("Li Wei", "CULTURE", ID_CU, ["CULTURE_MARKET"]),
        ("Wang Fang", "CULTURE", ID_CU2, ["CULTURE_MARKET"]),
        ("Zhao Lei", "TRANSPORT", ID_TR, ["ROAD_TRANSPORT"]))


def certify_trio(cert) -> list[str]:
    """Two culture-market officers and one road-transport officer, qualified now."""
    return [certify(cert, *args)["id"] for args in TRIO]


@pytest.fixture
def stack(container_factory, service_config):
    container_factory(CertificationService, service_config).start()
    config = dict(service_config, ACCOUNTABILITY_SWEEP_SECONDS=0.1)
    container_factory(AccountabilityService, config).start()
    with ServiceRpcProxy("certification", service_config) as cert, \
            ServiceRpcProxy("accountability", service_config) as acc:
        yield cert, acc


def qualified(cert, officer_id, domain="CULTURE_MARKET"):
    answer = ok(cert.check_qualifications([{"officer_id": officer_id, "domain": domain, "at": None}]))[0]
    return answer["qualified"], answer["reasons"]


def sanction(acc, officer_id, measure):
    finding = ok(acc.record_finding({"officer_id": officer_id, "description": f"{measure} case",
                                     "source": "CASE_REVIEW"}, STAFF))
    return ok(acc.impose_sanction({"finding_id": finding["finding_id"], "measure": measure},
                                  STAFF))


def test_each_sanction_changes_the_qualification_answer_and_lifting_restores_it(stack):
    cert, acc = stack
    li, wang, zhao = certify_trio(cert)

    sanction(acc, li, "OFF_POST_TRAINING")
    wait_until(lambda: qualified(cert, li) == (False, ["OFF_POST_TRAINING"]))
    lifted = ok(acc.complete_training({"officer_id": li}, STAFF))
    assert [s["measure"] for s in lifted] == ["OFF_POST_TRAINING"] and lifted[0]["lifted_at"]
    wait_until(lambda: qualified(cert, li) == (True, []))
    assert refused(acc.complete_training({"officer_id": li}, STAFF)) == "INVALID_TRANSITION"

    sanction(acc, wang, "REMOVAL_FROM_POST")
    wait_until(lambda: qualified(cert, wang) == (False, ["REMOVED_FROM_POST"]))
    ok(acc.reinstate_to_post({"officer_id": wang}, STAFF))
    wait_until(lambda: qualified(cert, wang) == (True, []))

    criticism = sanction(acc, zhao, "CRITICISM_EDUCATION")
    wait_until(lambda: any(e.get("cause") == criticism["sanction_id"] for e in ok(
        cert.officer_history(zhao))["history"]))  # certification has applied it ...
    assert qualified(cert, zhao, "ROAD_TRANSPORT") == (True, [])  # ... and it changes nothing
    sanction(acc, zhao, "QUALIFICATION_REVOKED")
    wait_until(lambda: qualified(cert, zhao, "ROAD_TRANSPORT") == (False, ["CERTIFICATE_REVOKED"]))

    record = ok(acc.officer_record(zhao))
    assert [s["measure"] for s in record["sanctions"]] == ["CRITICISM_EDUCATION",
                                                           "QUALIFICATION_REVOKED"]
    assert record["standing"]["reasons"] == ["CERTIFICATE_REVOKED"]
    year = dt.datetime.now(LOCAL_TZ).year
    counts = ok(acc.period_counts(f"{year}-01-01", f"{year}-12-31"))
    assert counts["findings_by_source"]["CASE_REVIEW"] == 4
    assert counts["sanctions_by_measure"] == {"CRITICISM_EDUCATION": 1, "OFF_POST_TRAINING": 1,
                                              "REMOVAL_FROM_POST": 1, "QUALIFICATION_REVOKED": 1}
    assert ok(acc.period_counts(f"{year - 1}-01-01", f"{year - 1}-12-31"))[
        "sanctions_by_measure"]["OFF_POST_TRAINING"] == 0


def test_refusals_change_nothing(stack):
    cert, acc = stack
    li = certify(cert, "Li Wei", "CULTURE", ID_CU, ["CULTURE_MARKET"])["id"]
    assert refused(acc.record_finding({"officer_id": "nobody", "description": "x"}, STAFF)) \
        == "NOT_FOUND"
    assert refused(acc.record_finding({"officer_id": li, "description": "  "}, STAFF)) \
        == "INVALID_INPUT"
    assert refused(acc.record_finding({"officer_id": li, "description": "x",
                                       "source": "AUTOMATIC"}, STAFF)) == "INVALID_INPUT"
    key = {"officer_id": li, "description": "rude to a venue owner", "request_key": "k-1"}
    finding = ok(acc.record_finding(key, STAFF))
    assert ok(acc.record_finding(key, STAFF)) == finding  # a retried request: same finding
    first = ok(acc.impose_sanction({"finding_id": finding["finding_id"],
                                    "measure": "CRITICISM_EDUCATION"}, STAFF))
    assert refused(acc.impose_sanction({"finding_id": finding["finding_id"],
                                        "measure": "CRITICISM_EDUCATION"}, STAFF)) \
        == "SANCTION_ALREADY_IMPOSED"
    assert refused(acc.impose_sanction({"finding_id": "nope", "measure": "OFF_POST_TRAINING"},
                                       STAFF)) == "NOT_FOUND"
    assert refused(acc.impose_sanction({"finding_id": finding["finding_id"],
                                        "measure": "OFF_POST_TRAINING",
                                        "effective_at": "2020-01-01T00:00:00+00:00"}, STAFF)) \
        == "INVALID_INPUT"
    assert refused(acc.list_findings({"officer_id": {"$ne": None}})) == "INVALID_INPUT"
    assert refused(acc.list_findings(None, {"first": 10, "after": "garbage"})) == "INVALID_INPUT"
    record = ok(acc.officer_record(li))
    assert [s["sanction_id"] for s in record["sanctions"]] == [first["sanction_id"]]
    assert len(record["findings"]) == 1


def test_ledger_lifecycle_and_the_timer_marks_overdue_once(stack, monkeypatch):
    cert, acc = stack
    sweeps = []
    real_sweep = rectification.sweep_overdue
    monkeypatch.setattr(rectification, "sweep_overdue", lambda *a: sweeps.append(real_sweep(*a)))
    li = certify(cert, "Li Wei", "CULTURE", ID_CU, ["CULTURE_MARKET"])["id"]
    finding = ok(acc.record_finding({"officer_id": li, "description": "no badge"}, STAFF))
    spot = ok(acc.fix_on_the_spot({"owner": li, "description": "badge shown",
                                   "evidence": ["photo-1"], "finding_ids": [finding["finding_id"]]},
                                  STAFF))
    assert spot["status"] == "RECTIFIED" and spot["on_the_spot"]
    assert refused(acc.verify_ledger_item({"item_id": spot["item_id"]}, STAFF)) == "SAME_PERSON"
    assert ok(acc.verify_ledger_item({"item_id": spot["item_id"]}, CHIEF))["status"] == "VERIFIED"
    assert refused(acc.open_ledger_item({"owner": li, "description": "x",
                                         "finding_ids": ["nope"]}, STAFF)) == "NOT_FOUND"

    item = ok(acc.open_ledger_item({"owner": li, "description": "retrain", "deadline_workdays": 3,
                                    "finding_ids": [finding["finding_id"]]}, STAFF))
    wait_until(lambda: len(sweeps) >= 2)
    assert LedgerItemDoc.objects(id=item["item_id"]).first().status == "OPEN"
    # Time passes: the deadline is now a month ago.
    LedgerItemDoc.objects(id=item["item_id"]).update_one(set__deadline=(
        dt.date.today() - dt.timedelta(days=30)).isoformat())
    wait_until(lambda: LedgerItemDoc.objects(id=item["item_id"]).first().status == "OVERDUE")
    ticks = len(sweeps)
    wait_until(lambda: len(sweeps) >= ticks + 3)  # later sweeps find nothing more to do
    outbox = LedgerItemDoc._get_db()["outbox"]
    assert outbox.count_documents({"type": "accountability.ledger_item_overdue.v1"}) == 1
    late = ok(acc.rectify_ledger_item({"item_id": item["item_id"], "evidence": ["cert.pdf"]},
                                      STAFF))
    assert late["status"] == "RECTIFIED" and late["overdue_at"]
    assert [i["item_id"] for i in ok(acc.officer_record(li))["ledger_items"]] == [
        spot["item_id"], item["item_id"]]
    page = ok(acc.list_ledger_items({"status": "RECTIFIED"}, {"first": 1}))
    assert len(page["items"]) == 1 and page["has_next_page"] is False


def test_demo_load_is_idempotent(stack, service_config):
    from nameko.standalone.rpc import ClusterRpcProxy

    from services.accountability import demo
    from services.accountability.documents import FindingDoc, SanctionDoc

    cert, _ = stack
    with ClusterRpcProxy(service_config) as rpc:
        assert demo.load(rpc).startswith("skipped")
        for name, id_number in (("Li Wei", ID_CU), ("Wang Fang", ID_CU2), ("Zhou Min", ID_TR)):
            certify(cert, name, "CULTURE", id_number, ["CULTURE_MARKET"])
        first = demo.load(rpc)
        assert demo.load(rpc) == first and "RECTIFIED on the spot" in first
    assert (FindingDoc.objects.count(), SanctionDoc.objects.count()) == (3, 1)
    assert LedgerItemDoc.objects.count() == 2
