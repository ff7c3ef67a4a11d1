"""The four lists, dated, joined with the discretion circumstances; compulsory measures;
the first-violation waiver checked against the entity's earlier decisions."""
import datetime as dt
from dataclasses import replace

import pytest

from services.common.errors import DomainError
from services.enforcement.domain import case_model as m
from services.enforcement.domain import lists
from services.enforcement.domain.compulsory import record_measure
from services.enforcement.domain.discretion import check_first_violation, validate_draft

from .builders import CULTURE, advance_to, at, new_case, penalty, team

SH = dt.timezone(dt.timedelta(hours=8))
WAIVER = m.DecisionDraft("NO_PENALTY_FIRST_VIOLATION", violation_code="NETCAFE_NO_ID_CHECK",
                         first_violation=True, minor_harm=True, corrected_in_time=True)


def dated(list_kind, code, first, last):
    """CULTURE with `code` on `list_kind` only from `first` through `last`."""
    kept = tuple(e for e in CULTURE.lists if not (e.list == list_kind
                                                  and e.violation_code == code))
    return replace(CULTURE, lists=kept + (lists.ListEntry(list_kind, code, first, last),))


def local(day, hour=12):
    return dt.datetime.combine(day, dt.time(hour), SH)


@pytest.mark.parametrize("circumstance, fine, code", [
    ("LIGHTER", 2_000, "NOT_ON_LIGHTER_LIST"), ("MITIGATED", 500, "NOT_ON_MITIGATED_LIST")])
def test_lighter_and_mitigated_fines_need_the_violation_on_their_list_that_day(
        circumstance, fine, code):
    first, last = dt.date(2026, 1, 1), dt.date(2026, 6, 30)
    catalogue = dated(circumstance, "NETCAFE_ADMITS_MINORS", first, last)
    case, draft = new_case(), penalty(fine, circumstance)
    for day in (first, last):
        validate_draft(case, draft, catalogue, local(day))
    for day in (first - dt.timedelta(days=1), last + dt.timedelta(days=1)):
        with pytest.raises(DomainError) as err:
            validate_draft(case, draft, catalogue, local(day))
        assert err.value.code == code and day.isoformat() in err.value.message


def test_the_no_penalty_list_decides_which_violations_may_be_waived():
    case = new_case()
    validate_draft(case, WAIVER, CULTURE, at())
    not_listed = replace(WAIVER, violation_code="NETCAFE_ADMITS_MINORS")
    with pytest.raises(DomainError) as err:
        validate_draft(case, not_listed, CULTURE, at())
    assert err.value.code == "NOT_ON_NO_PENALTY_LIST"


def _prior(days_before, outcome="PENALTY", code="NETCAFE_NO_ID_CHECK", case_id="CUL-C-1"):
    return {"case_id": case_id, "violation_code": code, "outcome": outcome,
            "decided_at": at(-days_before)}


@pytest.mark.parametrize("prior, refused", [
    (_prior(365), True),                       # the period's last day: still refused
    (_prior(366), False),                      # the day after: a first violation again
    (_prior(1, "NO_PENALTY_FIRST_VIOLATION"), True),   # waived once already
    (_prior(1, "ADMINISTRATIVE_GUIDANCE"), False),
    (_prior(1, code="NETCAFE_ADMITS_MINORS"), False)])
def test_a_first_violation_is_checked_against_the_entitys_decisions(prior, refused):
    case = new_case(case_id="c2")
    if not refused:
        check_first_violation(case, WAIVER, at(), [prior], CULTURE)
        return
    with pytest.raises(DomainError) as err:
        check_first_violation(case, WAIVER, at(), [prior], CULTURE)
    assert err.value.code == "FIRST_VIOLATION_CONDITIONS_NOT_MET"
    assert "CUL-C-1" in err.value.message and err.value.details["earlier_case_id"] == "CUL-C-1"
    shorter = replace(CULTURE, first_violation_days=30)
    check_first_violation(case, WAIVER, at(), [_prior(31)], shorter)


def test_compulsory_measures_refused_on_the_list_and_after_the_decision():
    listed, free = new_case(case_id="c1"), new_case(case_id="c2")
    listed.violation_code, free.violation_code = "NETCAFE_NO_ID_CHECK", "NETCAFE_ADMITS_MINORS"
    with pytest.raises(DomainError) as err:
        record_measure(listed, team(), at(1), "SEAL_UP", ["terminals"], "", CULTURE)
    assert err.value.code == "COMPULSORY_MEASURE_NOT_ALLOWED" and not listed.compulsory_measures
    off = dated(lists.NO_COMPULSORY, "NETCAFE_NO_ID_CHECK", at(-30).date(), at(-1).date())
    record_measure(listed, team(), at(1), "SEAL_UP", ["terminals"], "", off)  # list ended
    raised = record_measure(free, team(), at(1), "SEIZE", ["12 terminals"], "", CULTURE)
    assert raised[0][1]["measure"] == "SEIZE" and free.record[-1].action == \
        "COMPULSORY_MEASURE_RECORDED"
    advance_to(free, m.DECIDED)
    with pytest.raises(DomainError) as err:
        record_measure(free, team(), at(30), "SEIZE", [], "", CULTURE)
    assert err.value.code == "INVALID_TRANSITION"
    with pytest.raises(DomainError) as err:
        record_measure(new_case(), team(), at(1), "DETAIN", [], "", CULTURE)
    assert err.value.code == "INVALID_INPUT"
