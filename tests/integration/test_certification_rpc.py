"""The certification RPC API through the real broker and database: the cross-service
contract (check_qualifications, check_qualifications_over, get_officers, qualified_roster), the commands'
refusals, and the events each write commits with it."""
import pytest
from nameko.standalone.rpc import ServiceRpcProxy

from services.certification.documents import OfficerDocument
from services.certification.service import CertificationService
from tests.integration.cert_support import (ADMIN_CU, ID_CU, ID_CU2, ID_TR, certify, day,
                                            moment, ok, outbox_types, refused, valid_id)

pytestmark = pytest.mark.integration


@pytest.fixture
def cert(container_factory, service_config):
    container_factory(CertificationService, service_config).start()
    with ServiceRpcProxy("certification", service_config) as proxy:
        yield proxy


def test_register_exams_issue_then_the_contract_checks(cert):
    officer = certify(cert, "Li Wei", "CULTURE", ID_CU, ["CULTURE_MARKET", "TOURISM"])
    assert officer["certificate"]["number"] == f"CU-{day(-40)[:4]}-000001"
    oid = officer["id"]
    answers = ok(cert.check_qualifications([
        {"officer_id": oid, "domain": "TOURISM", "at": None},
        {"officer_id": oid, "domain": "ROAD_TRANSPORT", "at": moment(-35)},
        {"officer_id": "nobody", "domain": "TOURISM", "at": None},
        {"officer_id": oid, "domain": "TOURISM", "at": moment(-45)}]))
    assert [a["qualified"] for a in answers] == [True, False, False, False]
    assert answers[1]["reasons"] == ["CERTIFICATE_NOT_YET_VALID", "DOMAIN_NOT_COVERED"]
    assert answers[2]["reasons"] == ["UNKNOWN_OFFICER"] and answers[2]["officer_id"] == "nobody"
    assert answers[3]["reasons"] == ["NOT_CERTIFIED"]  # as of before the issue
    assert answers[0]["certificate_no"] == officer["certificate"]["number"]
    window = ok(cert.check_qualifications_over([{"officer_id": oid, "domain": "TOURISM",
                                         "start": moment(-35), "end": moment(10)}]))
    assert window[0]["reasons"] == ["CERTIFICATE_NOT_YET_VALID"] and window[0]["until"]
    assert ok(cert.check_qualifications_over([{"officer_id": oid, "domain": "TOURISM",
                                       "start": moment(-20), "end": moment(200)}]))[0]["qualified"]
    roster = ok(cert.qualified_roster("TOURISM", None, "CULTURE"))
    assert roster == [{"officer_id": oid, "agency": "CULTURE"}]
    assert ok(cert.qualified_roster("TOURISM", moment(-35), None)) == []
    assert outbox_types()[:4] == ["certification.officer_registered.v1",
                                  "certification.exam_recorded.v1",
                                  "certification.exam_recorded.v1",
                                  "certification.certificate_issued.v1"]
    assert "certification.qualification_changed.v1" in outbox_types()


def test_get_officers_masks_the_id_number_except_for_own_agency_admins(cert):
    oid = ok(cert.register_officer({"name": "Zhao", "agency": "CULTURE",
                                    "id_number": ID_CU}))["id"]
    masked, missing = ok(cert.get_officers([oid, "nobody"], None))
    assert missing is None and masked["id_number"] == ID_CU[:3] + "*" * 13 + ID_CU[-2:]
    assert ok(cert.get_officers([oid], ADMIN_CU))[0]["id_number"] == ID_CU
    other = {"roles": ["certification_admin"], "agency": "TRANSPORT"}
    assert ok(cert.get_officers([oid], other))[0]["id_number"] != ID_CU
    cross = {"roles": ["cross_agency"], "agency": None}
    assert ok(cert.get_officers([oid], cross))[0]["id_number"] != ID_CU


def test_refusals_have_stable_codes_and_change_nothing(cert):
    oid = ok(cert.register_officer({"name": "Qian", "agency": "CULTURE", "id_number": ID_CU}))["id"]
    before = outbox_types()
    assert refused(cert.register_officer({"name": "Twin", "agency": "CULTURE",
                                          "id_number": ID_CU})) == "DUPLICATE_ID_NUMBER"
    assert refused(cert.register_officer({"name": "Bad", "agency": "CULTURE",
                                          "id_number": ID_CU[:-1] + "0"})) == "INVALID_ID_NUMBER"
    issue = {"officer_id": oid, "domains": ["TOURISM"], "valid_from": day(0),
             "valid_until": day(300)}
    assert refused(cert.issue_certificate(issue)) == "EXAMS_NOT_PASSED"
    assert refused(cert.issue_certificate({**issue, "officer_id": "ghost"})) == "NOT_FOUND"
    assert refused(cert.suspend_certificate({"officer_id": oid})) == "NO_CERTIFICATE"
    transport_admin = {"sub": "t", "roles": ["certification_admin"], "agency": "TRANSPORT"}
    assert refused(cert.record_exam({"officer_id": oid, "exam": "PUBLIC_LAW", "score": 90,
                                     "taken_on": day(-1)}, transport_admin)) == "FORBIDDEN"
    assert refused(cert.register_officer({"name": "T", "agency": "CULTURE", "id_number": ID_CU2},
                                         transport_admin)) == "FORBIDDEN"
    assert refused(cert.check_qualifications([{"officer_id": oid, "domain": "TOURISM",
                                     "at": "yesterday"}])) == "INVALID_INPUT"
    assert outbox_types() == before


def test_certificate_numbers_are_unique_and_increase_per_agency(cert):
    numbers = [certify(cert, n, a, i, d)["certificate"]["number"] for n, a, i, d in [
        ("A", "CULTURE", ID_CU, ["TOURISM"]), ("B", "TRANSPORT", ID_TR, ["ROAD_TRANSPORT"]),
        ("C", "CULTURE", ID_CU2, ["RADIO_TV"])]]
    year = day(-40)[:4]
    assert numbers == [f"CU-{year}-000001", f"TR-{year}-000001", f"CU-{year}-000002"]


def test_certificates_issued_at_the_same_time_get_distinct_gapless_numbers(
        cert, service_config):
    import eventlet

    ids = []
    for n, id_number in enumerate([valid_id(f"110105198001{i + 1:02d}12{i}") for i in range(6)]):
        oid = ok(cert.import_officer({"officer_id": f"c-{n}", "name": f"N{n}",
                                      "agency": "CULTURE", "id_number": id_number,
                                      "exams": [{"exam": e, "score": 90, "taken_on": day(-50)}
                                                for e in ("PUBLIC_LAW", "PROFESSIONAL_LAW")]}))
        ids.append(oid["id"])

    def issue(oid):
        with ServiceRpcProxy("certification", service_config) as own:  # one per caller
            return ok(own.issue_certificate({"officer_id": oid, "domains": ["TOURISM"],
                                             "valid_from": day(0), "valid_until": day(300)})
                      )["certificate"]["number"]
    numbers = sorted(eventlet.GreenPool(6).imap(issue, ids))
    year = day(0)[:4]
    assert numbers == [f"CU-{year}-{i:06d}" for i in range(1, 7)]
    assert refused(cert.import_officer({"officer_id": "bad id!", "name": "X",
                                        "agency": "CULTURE", "id_number": ID_TR})) == \
        "INVALID_INPUT"


def test_an_officer_stored_afresh_under_the_same_id_is_never_answered_from_an_old_parse(cert):
    """The service keeps parsed records while their stored rev is unchanged; a record
    written anew (a restore, a re-registration after removal) has version 1 again but a new
    rev, so the answers follow the stored record, not the earlier parse."""
    oid = ok(cert.register_officer({"officer_id": "same-id", "name": "Li Wei",
                                    "agency": "CULTURE", "id_number": ID_CU}))["id"]
    checks = [{"officer_id": oid, "domain": "CULTURE_MARKET", "at": None}]
    for exam in ("PUBLIC_LAW", "PROFESSIONAL_LAW"):
        ok(cert.record_exam({"officer_id": oid, "exam": exam, "score": 80, "taken_on": day(-50)}))
    ok(cert.issue_certificate({"officer_id": oid, "domains": ["CULTURE_MARKET"],
                               "valid_from": day(-30), "valid_until": day(300),
                               "effective_at": moment(-40)}))
    assert ok(cert.check_qualifications(checks))[0]["qualified"]
    OfficerDocument._get_collection().delete_many({"_id": oid})
    assert ok(cert.register_officer({"officer_id": oid, "name": "Wang Fang",
                                     "agency": "CULTURE", "id_number": ID_CU2}))["name"] == \
        "Wang Fang"
    answer = ok(cert.check_qualifications(checks))[0]
    assert (answer["qualified"], answer["reasons"]) == (False, ["NOT_CERTIFIED"])
