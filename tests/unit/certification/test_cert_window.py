import pytest

from services.certification import domain as cd
from services.common.errors import DomainError

from .cert_helpers import utc

R = cd.Reason


def window(record, start, end, domain="TOURISM"):
    return cd.qualification_over_window(record, domain, start, end)


def test_whole_window_inside_validity(certified):
    answer = window(certified, utc(2026, 7, 1), utc(2026, 7, 31))
    assert answer.qualified and answer.until == utc(2026, 7, 31)


def test_certificate_expiring_mid_window_fails(certified):
    late = cd.CertificationConfig(review_interval_days=3650)
    answer = cd.qualification_over_window(certified, "TOURISM", utc(2026, 12, 20),
                                          utc(2027, 1, 10), config=late)
    assert answer.reasons == (R.CERTIFICATE_EXPIRED,)
    # ending at the last local second of validUntil is still fine
    assert cd.qualification_over_window(certified, "TOURISM", utc(2026, 12, 20),
                                        utc(2026, 12, 31, 15, 59, 59), config=late).qualified


def test_window_sees_a_suspension_that_ends_inside_it(certified):
    record, _ = cd.suspend_certificate(certified, now=utc(2026, 5, 1),
                                       effective_at=utc(2026, 5, 10))
    record, _ = cd.reinstate_certificate(record, now=utc(2026, 5, 1),
                                         effective_at=utc(2026, 5, 12))
    assert window(record, utc(2026, 5, 1), utc(2026, 5, 31)).reasons == (R.CERTIFICATE_SUSPENDED,)
    assert window(record, utc(2026, 5, 13), utc(2026, 5, 31)).qualified


def test_window_sees_review_overdue_and_sanction(certified):
    record, _ = cd.apply_sanction(certified, measure="OFF_POST_TRAINING", sanction_id="s",
                                  now=utc(2026, 12, 1), effective_at=utc(2026, 12, 10))
    assert window(record, utc(2026, 12, 1), utc(2026, 12, 20)).reasons == (
        R.OFF_POST_TRAINING, R.ANNUAL_REVIEW_OVERDUE)


def test_window_errors_and_unknown(certified):
    with pytest.raises(DomainError):
        window(certified, utc(2026, 2, 1), utc(2026, 1, 1))
    assert cd.qualification_over_window(None, "TOURISM", utc(2026, 1, 1), utc(2026, 2, 1),
                                        officer_id="x").reasons == (R.UNKNOWN_OFFICER,)


def test_stable_until_is_the_next_moment_the_answer_can_change_by_itself(certified):
    late = cd.CertificationConfig(review_interval_days=3650)
    # before validity: the window opening at local midnight of 2026-01-01 (16:00Z the day before)
    assert cd.stable_until(certified, utc(2025, 12, 20), late) == utc(2025, 12, 31, 16)
    # inside validity: the end of validUntil, local midnight after 2026-12-31
    assert cd.stable_until(certified, utc(2026, 7, 1), late) == utc(2026, 12, 31, 16)
    # the answer really does change there, and not before
    assert cd.qualification(certified, "TOURISM", utc(2026, 12, 31, 15, 59), config=late).qualified
    assert not cd.qualification(certified, "TOURISM", utc(2026, 12, 31, 16), config=late).qualified
    # with the default yearly review, the review falling due comes first
    assert cd.stable_until(certified, utc(2026, 7, 1)) < utc(2026, 12, 31, 16)
    assert cd.stable_until(None, utc(2026, 7, 1)) is None
