import datetime as dt

import pytest

from services.certification import domain as cd
from services.common.errors import DomainError

from .cert_helpers import utc

R = cd.Reason


def reasons(record, domain, at, **kw):
    return list(cd.qualification(record, domain, at, **kw).reasons)


def test_unknown_officer_has_only_that_reason():
    answer = cd.qualification(None, "TOURISM", utc(2026, 3, 1), officer_id="nobody")
    assert (answer.officer_id, answer.qualified, answer.reasons) == ("nobody", False,
                                                                      (R.UNKNOWN_OFFICER,))
    assert answer.certificate_no is None


def test_not_certified(examined):
    assert reasons(examined, "TOURISM", utc(2026, 3, 1)) == [R.NOT_CERTIFIED]


def test_qualified_inside_window(certified):
    answer = cd.qualification(certified, "TOURISM", utc(2026, 3, 1))
    assert answer.qualified and answer.reasons == ()
    assert answer.certificate_no == "CU-2025-000123"
    assert answer.to_dict()["at"] == "2026-03-01T00:00:00+00:00"


def test_domain_not_covered(certified):
    assert reasons(certified, "RADIO_TV", utc(2026, 3, 1)) == [R.DOMAIN_NOT_COVERED]


def test_unknown_domain_is_invalid_input(certified):
    with pytest.raises(DomainError) as err:
        cd.qualification(certified, "FISHING", utc(2026, 3, 1))
    assert err.value.code == "INVALID_INPUT"


@pytest.mark.parametrize("at, expected", [
    (utc(2025, 12, 31, 15, 59, 59), [R.CERTIFICATE_NOT_YET_VALID]),  # 23:59:59 on 31 Dec local
    (utc(2025, 12, 31, 16, 0, 0), []),                               # 00:00 on 1 Jan local
    (utc(2026, 12, 31, 15, 59, 59), []),                             # last second of validUntil
    (utc(2026, 12, 31, 16, 0, 0), [R.CERTIFICATE_EXPIRED]),          # next local day
])
def test_validity_window_is_in_shanghai_time(certified, at, expected):
    config = cd.CertificationConfig(review_interval_days=3650)  # keep the review out of it
    assert reasons(certified, "TOURISM", at, config=config) == expected


def test_suspended_and_revoked(certified):
    record, _ = cd.suspend_certificate(certified, now=utc(2026, 5, 1))
    assert reasons(record, "TOURISM", utc(2026, 5, 2)) == [R.CERTIFICATE_SUSPENDED]
    record, _ = cd.revoke_certificate(record, now=utc(2026, 6, 1))
    assert reasons(record, "TOURISM", utc(2026, 6, 2)) == [R.CERTIFICATE_REVOKED]


def test_every_applying_reason_in_contract_order(certified):
    record, _ = cd.suspend_certificate(certified, now=utc(2026, 5, 1))
    record, _ = cd.apply_sanction(record, measure="REMOVAL_FROM_POST", sanction_id="s1",
                                  now=utc(2026, 5, 2))
    record, _ = cd.apply_sanction(record, measure="OFF_POST_TRAINING", sanction_id="s2",
                                  now=utc(2026, 5, 3))
    assert reasons(record, "RADIO_TV", utc(2027, 6, 1)) == [
        R.CERTIFICATE_EXPIRED, R.CERTIFICATE_SUSPENDED, R.DOMAIN_NOT_COVERED,
        R.OFF_POST_TRAINING, R.REMOVED_FROM_POST]


def test_past_moment_is_answered_as_of_then(certified):
    record, _ = cd.suspend_certificate(certified, now=utc(2026, 5, 20))
    assert cd.qualification(record, "TOURISM", utc(2026, 4, 20)).qualified
    assert not cd.qualification(record, "TOURISM", utc(2026, 5, 21)).qualified


def test_retroactive_suspension_changes_the_past_answer(certified):
    record, _ = cd.suspend_certificate(certified, now=utc(2026, 5, 20),
                                       effective_at=utc(2026, 4, 1))
    assert reasons(record, "TOURISM", utc(2026, 4, 20)) == [R.CERTIFICATE_SUSPENDED]
    # ... but what the records said before the entry was recorded can still be asked.
    assert cd.qualification(record, "TOURISM", utc(2026, 4, 20), known_at=utc(2026, 5, 1)).qualified


def test_newest_issued_certificate_counts(certified):
    record, _ = cd.issue_certificate(certified, domains=["RADIO_TV"], valid_from=dt.date(2026, 7, 1),
                                     valid_until=dt.date(2027, 6, 30), sequence=200,
                                     now=utc(2026, 6, 1))
    assert cd.qualification(record, "TOURISM", utc(2026, 5, 31)).qualified
    answer = cd.qualification(record, "TOURISM", utc(2026, 6, 2))
    assert answer.reasons == (R.CERTIFICATE_NOT_YET_VALID, R.DOMAIN_NOT_COVERED)
    assert answer.certificate_no == "CU-2026-000200"
    assert cd.qualification(record, "RADIO_TV", utc(2026, 7, 2)).qualified


def test_annual_review_overdue_until_recorded(certified):
    # issued 2025-12-15 (local): on time through 2026-12-15, overdue from 16 Dec local.
    assert cd.qualification(certified, "TOURISM", utc(2026, 12, 15, 15, 59)).qualified
    assert reasons(certified, "TOURISM", utc(2026, 12, 15, 16)) == [R.ANNUAL_REVIEW_OVERDUE]
    record, _ = cd.record_annual_review(certified, now=utc(2026, 12, 20))
    assert cd.qualification(record, "TOURISM", utc(2026, 12, 21)).qualified
    assert reasons(record, "TOURISM", utc(2026, 12, 18)) == [R.ANNUAL_REVIEW_OVERDUE]


def test_review_interval_is_configuration(certified):
    short = cd.CertificationConfig(review_interval_days=30)
    assert reasons(certified, "TOURISM", utc(2026, 1, 20), config=short) == [
        R.ANNUAL_REVIEW_OVERDUE]


def test_qualified_domains_and_expiry_soon(certified):
    assert cd.qualified_domains(certified, utc(2026, 3, 1)) == [
        cd.EnforcementDomain.CULTURE_MARKET, cd.EnforcementDomain.TOURISM]
    assert not cd.expires_within(certified, utc(2026, 12, 1), 29)
    assert cd.expires_within(certified, utc(2026, 12, 1), 30)
    assert not cd.expires_within(certified, utc(2027, 1, 5), 30)  # already expired
