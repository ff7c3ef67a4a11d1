"""What an officer credential's status is at a moment, and when time alone changes it."""
import datetime as dt

import pytest

from services.certification import domain as cd
from services.certification.domain import credentials as cc
from services.common.errors import DomainError

from .cert_helpers import utc

S = cc.CredentialStatus
ISSUED = utc(2026, 2, 1)


@pytest.fixture
def held(certified):
    """(record, certificate number, credential valid until) for a credential issued 2026-02-01."""
    cert = cc.issuable(certified, ISSUED)
    return certified, cert.number, cc.expires_at(cert)


def status(record, number, until, at):
    return cc.status(record, number, until, at)


def test_valid_then_suspended_reinstated_and_revoked(held):
    record, number, until = held
    assert until == utc(2026, 12, 31, 16)  # 2027-01-01 00:00 in Asia/Shanghai
    assert status(record, number, until, ISSUED) is S.VALID
    record, _ = cd.suspend_certificate(record, now=utc(2026, 3, 1))
    assert status(record, number, until, utc(2026, 3, 2)) is S.SUSPENDED
    record, _ = cd.reinstate_certificate(record, now=utc(2026, 3, 5))
    assert status(record, number, until, utc(2026, 3, 6)) is S.VALID
    record, _ = cd.apply_sanction(record, measure="QUALIFICATION_REVOKED", sanction_id="s1",
                                  now=utc(2026, 4, 1))
    assert status(record, number, until, utc(2026, 4, 2)) is S.REVOKED
    assert status(record, number, until, utc(2026, 3, 31)) is S.VALID  # as of then


def test_off_post_and_overdue_review_suspend_it_expiry_ends_it(held):
    record, number, until = held
    trained, _ = cd.apply_sanction(record, measure="OFF_POST_TRAINING", sanction_id="s1",
                                   now=utc(2026, 5, 1))
    assert status(trained, number, until, utc(2026, 5, 2)) is S.SUSPENDED
    # Issued 2025-12-15: the annual review was due by 2026-12-15 (local).
    assert status(record, number, until, utc(2026, 12, 16, 0)) is S.SUSPENDED
    assert status(record, number, until, until) is S.EXPIRED
    assert cc.next_change(record, number, until, until) is None


def test_a_newer_certificate_supersedes_the_credential(held):
    record, number, until = held
    record, _ = cd.issue_certificate(record, domains=["TOURISM"], valid_from=dt.date(2026, 6, 1),
                                     valid_until=dt.date(2027, 5, 31), sequence=124,
                                     now=utc(2026, 6, 1))
    assert status(record, number, until, utc(2026, 6, 2)) is S.REVOKED


def test_next_change_is_the_earliest_moment_time_alone_may_change_it(held):
    record, number, until = held
    # Review due 2026-12-15: from 2026-12-16 00:00 local it is overdue.
    assert cc.next_change(record, number, until, ISSUED) == utc(2026, 12, 15, 16)
    later, _ = cd.suspend_certificate(record, now=ISSUED, effective_at=utc(2026, 7, 1))
    assert cc.next_change(later, number, until, ISSUED) == utc(2026, 7, 1)


def test_only_a_valid_certificate_of_an_officer_on_post_gets_one(examined, certified):
    with pytest.raises(DomainError) as none:
        cc.issuable(examined, ISSUED)
    assert none.value.code == "NO_CERTIFICATE"
    with pytest.raises(DomainError) as early:
        cc.issuable(certified, utc(2025, 12, 20))
    assert early.value.code == "CERTIFICATE_NOT_YET_VALID"
    suspended, _ = cd.suspend_certificate(certified, now=ISSUED)
    with pytest.raises(DomainError) as not_now:
        cc.issuable(suspended, ISSUED)
    assert not_now.value.code == "NOT_QUALIFIED"


@pytest.mark.parametrize("name,masked", [("李明华", "李**"), ("Li Wei", "L*****"), ("王", "王*"),
                                         ("", "*")])
def test_names_are_masked_to_their_first_character(name, masked):
    assert cc.mask_name(name) == masked
