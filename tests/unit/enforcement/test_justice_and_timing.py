"""Filing major decisions with the justice bureau, and when a step may be dated."""
import datetime as dt

import pytest

from services.common.errors import DomainError
from services.enforcement.domain import case_model as m
from services.enforcement.domain import cases, decisions, justice, publication
from services.enforcement.domain.timing import CLOCK_SKEW, check_step_time

from .builders import CULTURE, MAJOR, _serve, advance_to, at, new_case, penalty, team


def _major_decided():
    case = new_case()
    advance_to(case, m.RIGHTS_NOTIFIED)
    cases.submit_for_legal_review(case, team(), at(3), penalty(**MAJOR), CULTURE)
    cases.record_legal_review(case, "APPROVED", "lawyer", at(4))
    decisions.decide(case, team(), at(5), penalty(**MAJOR), CULTURE)
    return case


def test_major_case_is_filed_once_and_cannot_close_without_it():
    case = _major_decided()
    _serve(case, at(6))
    publication.publish_decision(case, team(), at(7))
    with pytest.raises(DomainError) as err:
        cases.close_case(case, team(), at(8))
    assert err.value.code == "JUSTICE_FILING_REQUIRED" and case.state == m.PUBLISHED
    (kind, payload), = justice.file_with_justice_bureau(case, at(8), "SFJ-1", "lawyer")
    assert payload["step"] == "JUSTICE_FILED" and case.record[-1].data == {"reference": "SFJ-1"}
    with pytest.raises(DomainError) as err:
        justice.file_with_justice_bureau(case, at(8), "SFJ-2", "lawyer")
    assert err.value.code == "ALREADY_FILED"
    cases.close_case(case, team(), at(9))
    assert case.state == m.CLOSED and m.Case.from_dict(case.to_dict()) == case


@pytest.mark.parametrize("state, code", [
    (m.RIGHTS_NOTIFIED, "INVALID_TRANSITION"), (m.DECIDED, "JUSTICE_FILING_NOT_REQUIRED")])
def test_filing_refusals_change_nothing(state, code):
    case = new_case()
    advance_to(case, state)
    before = case.to_dict()
    with pytest.raises(DomainError) as err:
        justice.file_with_justice_bureau(case, at(9), "SFJ-1", "lawyer")
    assert err.value.code == code and case.to_dict() == before


def test_filing_needs_a_reference():
    with pytest.raises(DomainError) as err:
        justice.file_with_justice_bureau(_major_decided(), at(9), "", "lawyer")
    assert err.value.code == "INVALID_INPUT"


def test_steps_may_be_entered_late_but_not_dated_in_the_future_or_out_of_order():
    case = new_case()                          # filed at at(0)
    now = at(10)
    assert check_step_time(at(3), now, case.record) == at(3)
    assert check_step_time(now + CLOCK_SKEW, now, case.record)     # device clocks drift
    with pytest.raises(DomainError) as err:
        check_step_time(now + CLOCK_SKEW + dt.timedelta(seconds=1), now, case.record)
    assert (err.value.code, err.value.field) == ("INVALID_INPUT", ["input", "at"])
    with pytest.raises(DomainError) as err:
        check_step_time(at(-1), now, case.record)
    assert err.value.code == "OUT_OF_ORDER" and "FILED" in err.value.message
