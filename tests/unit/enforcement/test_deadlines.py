import datetime as dt

import pytest

from services.common.workdays import add_workdays, is_workday
from services.enforcement.domain import case_model as m
from services.enforcement.domain import deadlines, decisions, publication
from services.enforcement.domain.deadlines import overdue_items, report_overdue

from .builders import CULTURE, UTC, _serve, advance_to, new_case, penalty, team

SH = dt.timezone(dt.timedelta(hours=8))


def test_decision_due_is_90_calendar_days_from_the_local_filing_date():
    # 23:30 UTC on Aug 31 is already Sept 1 in Shanghai
    filed = dt.datetime(2026, 8, 31, 23, 30, tzinfo=UTC)
    assert deadlines.decision_due(filed, CULTURE) == dt.date(2026, 11, 30)


def test_publication_across_national_day_2026():
    # Decided Wed 2026-09-30. Oct 1-7 are holidays, Sat Oct 10 is a make-up working day,
    # Sun Oct 11 is not: Oct 8, 9, 10, 12, 13, 14, 15 -> due Thu Oct 15.
    decided = dt.datetime(2026, 9, 30, 16, 0, tzinfo=SH)
    assert deadlines.publication_due(decided, CULTURE) == dt.date(2026, 10, 15)
    assert is_workday(dt.date(2026, 10, 10)) and not is_workday(dt.date(2026, 10, 11))
    assert add_workdays(dt.date(2026, 9, 30), 3) == dt.date(2026, 10, 10)


def test_make_up_sunday_before_national_day_counts():
    # Sun 2026-09-20 is a make-up working day; Fri 2026-09-25 is Mid-autumn Festival.
    decided = dt.datetime(2026, 9, 18, 10, 0, tzinfo=SH)           # Friday
    # Sep 20 (Sun, make-up), 21, 22, 23, 24, 28, 29 -> 7th working day is Tue Sep 29
    assert deadlines.publication_due(decided, CULTURE) == dt.date(2026, 9, 29)


@pytest.mark.parametrize("published, late", [
    (dt.datetime(2026, 10, 15, 23, 59, tzinfo=SH), False),
    (dt.datetime(2026, 10, 16, 0, 1, tzinfo=SH), True),
    (dt.datetime(2026, 10, 15, 16, 30, tzinfo=UTC), True),    # 00:30 on Oct 16 in Shanghai
])
def test_publication_late(published, late):
    assert deadlines.publication_late(published, dt.date(2026, 10, 15)) is late


def test_configurable_knobs():
    from dataclasses import replace
    strict = replace(CULTURE, decision_days=30, publication_workdays=3)
    decided = dt.datetime(2026, 9, 30, 16, 0, tzinfo=SH)
    assert deadlines.publication_due(decided, strict) == dt.date(2026, 10, 10)
    assert deadlines.decision_due(decided, strict) == dt.date(2026, 10, 30)


def _decided_on(when):
    case = new_case()
    advance_to(case, m.RIGHTS_NOTIFIED)
    decisions.decide(case, team(), when, penalty(), CULTURE)
    return case


def test_overdue_items_for_decision_and_publication():
    undecided = new_case(case_id="late-decision")
    assert undecided.decision_due == dt.date(2026, 11, 30)
    decided = _decided_on(dt.datetime(2026, 9, 30, 8, 0, tzinfo=UTC))
    on_due_day = dt.datetime(2026, 10, 15, 12, 0, tzinfo=UTC)
    assert overdue_items([undecided, decided], on_due_day) == []
    later = dt.datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    assert [(i.case_id, i.kind, i.due) for i in overdue_items([undecided, decided], later)] == [
        ("late-decision", "DECISION", dt.date(2026, 11, 30)),
        ("c1", "PUBLICATION", dt.date(2026, 10, 15))]
    _serve(decided, later)
    publication.publish_decision(decided, team(), later)
    assert decided.publication.late
    assert overdue_items([decided], later) == []


def test_overdue_reported_once():
    case = new_case()
    later = dt.datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    (kind, payload), = report_overdue(case, later)
    assert kind == "enforcement.deadline_overdue.v1"
    assert payload == {"case_id": "c1", "agency": "CULTURE", "kind": "DECISION",
                       "due": "2026-11-30"}
    assert report_overdue(case, later) == []
