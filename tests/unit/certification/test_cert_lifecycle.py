import datetime as dt
import math

import pytest

from services.certification import domain as cd
from services.common.errors import DomainError

from .cert_helpers import VALID_ID, utc


def refused(code, fn, *args, **kw):
    with pytest.raises(DomainError) as err:
        fn(*args, **kw)
    assert err.value.code == code, err.value.message
    return err.value


@pytest.mark.parametrize("name", ["", "   ", "x" * 65, None])
def test_name_must_be_1_to_64_chars(name):
    refused("INVALID_INPUT", cd.register_officer, officer_id="o", name=name, agency="CULTURE",
            id_number=VALID_ID, now=utc(2026, 1, 1))


def test_register_trims_and_masks():
    record, events = cd.register_officer(officer_id="o", name="  Wang Fang ", agency="TRANSPORT",
                                         id_number=VALID_ID.lower(), now=utc(2026, 1, 1))
    assert record.name == "Wang Fang" and record.id_number == VALID_ID
    assert record.agency is cd.Agency.TRANSPORT
    assert events[0][1]["id_number_masked"] == "110*************2X"
    refused("INVALID_INPUT", cd.register_officer, officer_id="o", name="a", agency="POLICE",
            id_number=VALID_ID, now=utc(2026, 1, 1))
    refused("INVALID_ID_NUMBER", cd.register_officer, officer_id="o", name="a",
            agency="CULTURE", id_number="110105194912310021", now=utc(2026, 1, 1))


@pytest.mark.parametrize("exam, score", [("CIVIL_LAW", 70), ("PUBLIC_LAW", -1),
                                         ("PUBLIC_LAW", 100.5), ("PUBLIC_LAW", math.nan),
                                         ("PUBLIC_LAW", True), ("PUBLIC_LAW", "80")])
def test_bad_exam_input(registered, exam, score):
    refused("INVALID_INPUT", cd.record_exam, registered, exam=exam, score=score,
            taken_on=dt.date(2025, 11, 1), now=utc(2025, 11, 2))


def test_exam_in_the_future_is_refused(registered):
    refused("INVALID_INPUT", cd.record_exam, registered, exam="PUBLIC_LAW", score=80,
            taken_on=dt.date(2025, 11, 3), now=utc(2025, 11, 2))


def issue(record, **kw):
    args = dict(domains=["TOURISM"], valid_from=dt.date(2026, 1, 1),
                valid_until=dt.date(2026, 12, 31), sequence=1, now=utc(2025, 12, 1))
    return cd.issue_certificate(record, **{**args, **kw})


def test_both_exams_must_be_passed(registered):
    refused("EXAMS_NOT_PASSED", issue, registered)
    record, _ = cd.record_exam(registered, exam="PUBLIC_LAW", score=90,
                               taken_on=dt.date(2025, 11, 1), now=utc(2025, 11, 2))
    refused("EXAMS_NOT_PASSED", issue, record)
    record, _ = cd.record_exam(record, exam="PROFESSIONAL_LAW", score=59.5,
                               taken_on=dt.date(2025, 11, 1), now=utc(2025, 11, 2))
    refused("EXAMS_NOT_PASSED", issue, record)
    assert issue(record, config=cd.CertificationConfig(pass_mark=55))[0]
    record, _ = cd.record_exam(record, exam="PROFESSIONAL_LAW", score=60,
                               taken_on=dt.date(2025, 11, 10), now=utc(2025, 11, 10))
    assert issue(record)[0]


@pytest.mark.parametrize("kw, code", [
    (dict(domains=["ROAD_TRANSPORT", "TOURISM"]), "DOMAIN_NOT_IN_AGENCY"),
    (dict(domains=[]), "INVALID_INPUT"),
    (dict(domains=["SPACE"]), "INVALID_INPUT"),
    (dict(valid_until=dt.date(2025, 12, 31)), "INVALID_INPUT"),
])
def test_issue_refusals(examined, kw, code):
    refused(code, issue, examined, **kw)


def test_issue_numbers_and_duplicates(examined):
    record, events = issue(examined, sequence=42, domains=["TOURISM", "CULTURE_MARKET", "TOURISM"])
    assert events[0][1]["certificate_no"] == "CU-2025-000042"
    assert events[0][1]["domains"] == ["CULTURE_MARKET", "TOURISM"]
    assert cd.certificate_number(cd.Agency.TRANSPORT, 2026, 7) == "TR-2026-000007"
    refused("DUPLICATE_CERTIFICATE_NO", issue, record, sequence=42)


def test_renewal_keeps_number_and_moves_until(certified):
    record, events = cd.renew_certificate(certified, valid_until=dt.date(2027, 12, 31),
                                          now=utc(2026, 11, 1))
    assert events[0][1]["certificate_no"] == "CU-2025-000123"
    assert events[0][1]["previous_valid_until"] == "2026-12-31"
    cfg = cd.CertificationConfig(review_interval_days=3650)
    assert cd.qualification(record, "TOURISM", utc(2027, 6, 1), config=cfg).qualified
    refused("INVALID_INPUT", cd.renew_certificate, record, valid_until=dt.date(2027, 12, 31),
            now=utc(2026, 11, 2))


def test_renewal_refused_when_not_valid(certified):
    err = refused("INVALID_TRANSITION", cd.renew_certificate, certified,
                  valid_until=dt.date(2027, 12, 31), now=utc(2027, 1, 2))
    assert err.details == {"current_state": "EXPIRED"} and "EXPIRED" in err.message
    record, _ = cd.suspend_certificate(certified, now=utc(2026, 3, 1))
    err = refused("INVALID_TRANSITION", cd.renew_certificate, record,
                  valid_until=dt.date(2027, 12, 31), now=utc(2026, 3, 2))
    assert err.details["current_state"] == "SUSPENDED"
    refused("NO_CERTIFICATE", cd.renew_certificate, record,
            valid_until=dt.date(2027, 12, 31), now=utc(2025, 12, 1))
