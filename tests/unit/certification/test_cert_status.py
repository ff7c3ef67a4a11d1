import datetime as dt

import pytest

from services.certification import domain as cd
from services.common.errors import DomainError

from .cert_helpers import utc


def state(fn, record, **kw):
    with pytest.raises(DomainError) as err:
        fn(record, **kw)
    assert err.value.code == "INVALID_TRANSITION"
    return err.value.details["current_state"]


def test_suspend_reinstate_cycle(certified):
    assert state(cd.reinstate_certificate, certified, now=utc(2026, 2, 1)) == "VALID"
    record, _ = cd.suspend_certificate(certified, now=utc(2026, 2, 1), reason="complaint")
    assert state(cd.suspend_certificate, record, now=utc(2026, 2, 2)) == "SUSPENDED"
    record, _ = cd.reinstate_certificate(record, now=utc(2026, 3, 1))
    assert cd.qualification(record, "TOURISM", utc(2026, 3, 2)).qualified
    assert not cd.qualification(record, "TOURISM", utc(2026, 2, 15)).qualified


def test_revocation_is_final(certified):
    record, _ = cd.suspend_certificate(certified, now=utc(2026, 2, 1))
    record, _ = cd.revoke_certificate(record, now=utc(2026, 2, 5))
    for fn in (cd.reinstate_certificate, cd.suspend_certificate, cd.revoke_certificate,
               cd.record_annual_review):
        assert state(fn, record, now=utc(2026, 2, 6)) == "REVOKED"


def test_expired_certificate_cannot_be_suspended(certified):
    assert state(cd.suspend_certificate, certified, now=utc(2027, 1, 1)) == "EXPIRED"


def test_future_effective_suspension(certified):
    record, _ = cd.suspend_certificate(certified, now=utc(2026, 2, 1), effective_at=utc(2026, 3, 1))
    assert cd.qualification(record, "TOURISM", utc(2026, 2, 20)).qualified
    assert not cd.qualification(record, "TOURISM", utc(2026, 3, 2)).qualified


def test_recertification_waits_after_revocation(certified):
    record, _ = cd.revoke_certificate(certified, now=utc(2026, 2, 1))
    issue = dict(domains=["TOURISM"], valid_from=dt.date(2027, 2, 1),
                 valid_until=dt.date(2028, 1, 31), sequence=9)
    with pytest.raises(DomainError) as err:
        cd.issue_certificate(record, now=utc(2027, 1, 31, 23, 59), **issue)
    assert err.value.code == "REVOCATION_WAITING_PERIOD"
    renewed, _ = cd.issue_certificate(record, now=utc(2027, 2, 1), **issue)
    assert cd.qualification(renewed, "TOURISM", utc(2027, 2, 2)).certificate_no == "CU-2027-000009"
    short = cd.CertificationConfig(revocation_wait_days=30)
    assert cd.issue_certificate(record, now=utc(2026, 3, 3), config=short, **issue)[0]


def test_review_record_resets_the_interval(certified):
    record, events = cd.record_annual_review(certified, now=utc(2026, 11, 1))
    assert events[0][1]["next_review_due"] == "2027-11-01"
    record, _ = cd.renew_certificate(record, valid_until=dt.date(2028, 12, 31), now=utc(2026, 11, 2))
    assert cd.qualification(record, "TOURISM", utc(2027, 11, 1, 15)).qualified
    assert not cd.qualification(record, "TOURISM", utc(2027, 11, 1, 16)).qualified
