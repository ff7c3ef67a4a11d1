import datetime as dt

import pytest

from services.accountability.domain import (
    Sanction, complete_training, impose_sanction, officer_standing, record_finding,
    reinstate_to_post)
from services.common.errors import DomainError, NotFound

from .conftest import NOW

FINDING, _ = record_finding("f1", "o1", "late publication", "AUDIT", NOW)
FINDINGS = {"f1": FINDING}
LATER = NOW + dt.timedelta(days=30)


def test_impose_takes_officer_from_finding_and_defaults_to_now(valid_events):
    sanction, events = impose_sanction("s1", "f1", "CRITICISM_EDUCATION", FINDINGS, NOW)
    assert (sanction.officer_id, sanction.effective_at) == ("o1", NOW)
    assert valid_events(events) == [("accountability.sanction_imposed.v1", {
        "sanction_id": "s1", "finding_id": "f1", "officer_id": "o1",
        "measure": "CRITICISM_EDUCATION", "effective_at": NOW.isoformat()})]
    assert Sanction.from_dict(sanction.to_dict()) == sanction


def test_impose_refusals():
    with pytest.raises(NotFound) as err:
        impose_sanction("s1", "nope", "OFF_POST_TRAINING", FINDINGS, NOW)
    assert err.value.code == "NOT_FOUND" and err.value.field == ["input", "findingId"]
    with pytest.raises(DomainError) as err:
        impose_sanction("s1", "f1", "FLOGGING", FINDINGS, NOW)
    assert err.value.code == "INVALID_INPUT"


def test_training_completion_lifts_off_post_training(valid_events):
    sanction, _ = impose_sanction("s1", "f1", "OFF_POST_TRAINING", FINDINGS, NOW)
    assert officer_standing([sanction], "o1", NOW)["reasons"] == ["OFF_POST_TRAINING"]
    lifted, events = complete_training([sanction], "o1", LATER)
    valid_events(events)
    assert events[0][0] == "accountability.training_completed.v1"
    assert officer_standing(lifted, "o1", LATER)["reasons"] == []
    # Still answers the past correctly (audits of past actions).
    assert officer_standing(lifted, "o1", NOW)["reasons"] == ["OFF_POST_TRAINING"]
    with pytest.raises(DomainError) as err:
        complete_training(lifted, "o1", LATER)
    assert err.value.code == "INVALID_TRANSITION"


def test_reinstatement_needs_an_active_removal(valid_events):
    training, _ = impose_sanction("s1", "f1", "OFF_POST_TRAINING", FINDINGS, NOW)
    with pytest.raises(DomainError) as err:
        reinstate_to_post([training], "o1", LATER)
    assert err.value.code == "INVALID_TRANSITION"
    future, _ = impose_sanction("s2", "f1", "REMOVAL_FROM_POST", FINDINGS, NOW, effective_at=LATER)
    with pytest.raises(DomainError):  # not yet in force
        reinstate_to_post([future], "o1", NOW)
    lifted, events = reinstate_to_post([training, future], "o1", LATER + dt.timedelta(days=1))
    assert [s.sanction_id for s in lifted] == ["s2"]
    assert valid_events(events)[0][0] == "accountability.reinstated_to_post.v1"


def test_revocation_maps_to_certificate_revoked():
    sanction, _ = impose_sanction("s1", "f1", "QUALIFICATION_REVOKED", FINDINGS, NOW)
    assert officer_standing([sanction], "o1", LATER)["reasons"] == ["CERTIFICATE_REVOKED"]
    assert officer_standing([sanction], "o2", LATER)["reasons"] == []


def test_no_backdating_beyond_clock_skew_and_one_decision_per_finding_and_measure():
    with pytest.raises(DomainError) as err:
        impose_sanction("s1", "f1", "OFF_POST_TRAINING", FINDINGS, NOW,
                        effective_at=NOW - dt.timedelta(hours=1))
    assert (err.value.code, err.value.field) == ("INVALID_INPUT", ["input", "effectiveAt"])
    skewed, _ = impose_sanction("s1", "f1", "OFF_POST_TRAINING", FINDINGS, NOW,
                                effective_at=NOW - dt.timedelta(minutes=1))
    with pytest.raises(DomainError) as err:
        impose_sanction("s2", "f1", "OFF_POST_TRAINING", FINDINGS, NOW, existing=[skewed])
    assert err.value.code == "SANCTION_ALREADY_IMPOSED"
    heavier, _ = impose_sanction("s2", "f1", "REMOVAL_FROM_POST", FINDINGS, NOW,
                                 existing=[skewed])
    assert heavier.measure == "REMOVAL_FROM_POST"


def test_completing_training_lifts_every_active_one_with_one_event(valid_events):
    other, _ = record_finding("f2", "o1", "second case", "AUDIT", NOW)
    findings = {**FINDINGS, "f2": other}
    first, _ = impose_sanction("s1", "f1", "OFF_POST_TRAINING", findings, NOW)
    second, _ = impose_sanction("s2", "f2", "OFF_POST_TRAINING", findings,
                                NOW + dt.timedelta(days=1))
    lifted, events = complete_training([second, first], "o1", LATER)
    assert {s.sanction_id for s in lifted} == {"s1", "s2"}
    # certification keeps one "in training" flag: a second event would be refused there
    assert [p["sanction_id"] for _, p in valid_events(events)] == ["s1"]
