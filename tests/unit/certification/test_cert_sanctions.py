import pytest

from services.certification import domain as cd
from services.common.errors import DomainError

from .cert_helpers import utc

R = cd.Reason
DAY = utc(2026, 4, 1)


def sanction(record, measure, sid="s-1", at=DAY, now=DAY):
    return cd.apply_sanction(record, measure=measure, sanction_id=sid, now=now, effective_at=at)


def test_criticism_has_no_effect_but_is_kept(certified):
    record, events = sanction(certified, "CRITICISM_EDUCATION")
    assert events == [] and len(record.history) == len(certified.history) + 1
    assert cd.qualification(record, "TOURISM", utc(2026, 4, 2)).qualified


def test_off_post_training_until_completed(certified):
    record, events = sanction(certified, "OFF_POST_TRAINING")
    assert events[0][1]["status"] == "OFF_POST_TRAINING"
    assert cd.qualification(record, "TOURISM", utc(2026, 4, 2)).reasons == (R.OFF_POST_TRAINING,)
    assert cd.officer_view(record, utc(2026, 4, 2))["status"] == "OFF_POST_TRAINING"
    record, events = cd.complete_training(record, now=utc(2026, 4, 20), cause="s-1")
    assert events[0][1]["previous_status"] == "OFF_POST_TRAINING"
    assert cd.qualification(record, "TOURISM", utc(2026, 4, 21)).qualified
    assert not cd.qualification(record, "TOURISM", utc(2026, 4, 10)).qualified
    # The same completion delivered again changes nothing; a new one is an illegal move.
    assert cd.complete_training(record, now=utc(2026, 4, 22), cause="s-1") == (record, [])
    with pytest.raises(DomainError) as err:
        cd.complete_training(record, now=utc(2026, 4, 22))
    assert err.value.code == "INVALID_TRANSITION" and err.value.details["current_state"] == "ACTIVE"


def test_removal_from_post_until_reinstated(certified):
    record, _ = sanction(certified, "REMOVAL_FROM_POST")
    assert cd.qualification(record, "TOURISM", utc(2026, 4, 2)).reasons == (R.REMOVED_FROM_POST,)
    record, _ = cd.reinstate_to_post(record, now=utc(2026, 6, 1))
    assert cd.qualification(record, "TOURISM", utc(2026, 6, 2)).qualified


def test_qualification_revoked_revokes_the_certificate(certified):
    record, events = sanction(certified, "QUALIFICATION_REVOKED", at=utc(2026, 3, 1))
    assert events[0][0] == "certification.certificate_revoked.v1"
    assert events[0][1]["certificate_no"] == "CU-2025-000123"
    assert cd.qualification(record, "TOURISM", utc(2026, 3, 2)).reasons == (R.CERTIFICATE_REVOKED,)
    assert cd.qualification(record, "TOURISM", utc(2026, 2, 28)).qualified  # before it took effect


def test_revocation_sanction_without_certificate_still_bars_recertification(examined):
    record, events = sanction(examined, "QUALIFICATION_REVOKED")
    assert events[0][1]["certificate_no"] is None
    with pytest.raises(DomainError) as err:
        cd.issue_certificate(record, domains=["TOURISM"], valid_from=DAY.date(),
                             valid_until=DAY.date(), sequence=1, now=utc(2026, 5, 1))
    assert err.value.code == "REVOCATION_WAITING_PERIOD"


def test_future_sanction_takes_effect_later(certified):
    record, _ = sanction(certified, "REMOVAL_FROM_POST", at=utc(2026, 5, 1), now=DAY)
    assert cd.qualification(record, "TOURISM", utc(2026, 4, 30)).qualified
    assert not cd.qualification(record, "TOURISM", utc(2026, 5, 1)).qualified


def test_same_sanction_applied_once(certified):
    record, _ = sanction(certified, "OFF_POST_TRAINING")
    assert sanction(record, "OFF_POST_TRAINING") == (record, [])


def test_unknown_measure(certified):
    with pytest.raises(DomainError) as err:
        sanction(certified, "FINE")
    assert err.value.code == "INVALID_INPUT"
