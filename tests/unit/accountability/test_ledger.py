import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from services.accountability.domain import (
    LedgerItem, fix_on_the_spot, mark_overdue, open_item, rectify, verify)
from services.common.errors import DomainError

from .conftest import NOW, UTC


def test_deadline_counts_working_days_across_national_day(valid_events):
    item, events = open_item("l1", "o1", "re-train on evidence rules", NOW, finding_ids=["f1"])
    # 29, 30 Sep, then 1-7 Oct are holidays, Sat 10 Oct is a make-up working day.
    assert item.deadline == dt.date(2026, 10, 16)
    assert valid_events(events)[0][1]["deadline"] == "2026-10-16"
    short, _ = open_item("l2", "o1", "x", NOW, deadline_workdays=3)
    assert short.deadline == dt.date(2026, 10, 8)
    assert LedgerItem.from_dict(item.to_dict()) == item


def test_overdue_is_raised_exactly_once(valid_events):
    item, _ = open_item("l1", "o1", "fix", NOW)
    on_deadline = dt.datetime(2026, 10, 16, 15, 59, tzinfo=UTC)  # 23:59 local
    assert mark_overdue([item], on_deadline) == ([], [])
    after = dt.datetime(2026, 10, 16, 16, 0, tzinfo=UTC)  # midnight local
    changed, events = mark_overdue([item], after)
    assert [i.status for i in changed] == ["OVERDUE"]
    assert valid_events(events)[0][0] == "accountability.ledger_item_overdue.v1"
    assert mark_overdue(changed, after + dt.timedelta(days=3)) == ([], [])


def test_lifecycle_and_illegal_transitions(valid_events):
    item, _ = open_item("l1", "o1", "fix", NOW)
    with pytest.raises(DomainError) as err:
        verify(item, NOW, "chief")
    assert err.value.code == "INVALID_TRANSITION"
    with pytest.raises(DomainError) as err:
        rectify(item, NOW, [" "])
    assert err.value.code == "INVALID_INPUT"
    overdue, _ = mark_overdue([item], NOW + dt.timedelta(days=40))
    done, events = rectify(overdue[0], NOW + dt.timedelta(days=41), ["report.pdf"])
    assert done.status == "RECTIFIED" and done.overdue_at is not None
    checked, more = verify(done, NOW + dt.timedelta(days=42), "chief")
    valid_events(events + more)
    assert checked.status == "VERIFIED"
    for action in (lambda i: rectify(i, NOW, ["e"]), lambda i: verify(i, NOW, "x")):
        with pytest.raises(DomainError) as err:
            action(checked)
        assert err.value.code == "INVALID_TRANSITION"
    assert mark_overdue([checked], NOW + dt.timedelta(days=99)) == ([], [])


def test_fix_on_the_spot_opens_and_rectifies_in_one_step(valid_events):
    item, events = fix_on_the_spot("l1", "o1", "badge not shown", NOW, ["photo"])
    assert item.status == "RECTIFIED" and item.on_the_spot and item.rectified_at == NOW
    assert [t for t, _ in valid_events(events)] == [
        "accountability.ledger_item_opened.v1", "accountability.ledger_item_rectified.v1"]
    assert events[0][1]["on_the_spot"] is True


def test_open_refusals():
    with pytest.raises(DomainError):
        open_item("l1", "", "fix", NOW)
    with pytest.raises(DomainError):
        open_item("l1", "o1", "", NOW)


@settings(max_examples=40, deadline=None)
@given(st.dates(dt.date(2025, 1, 1), dt.date(2026, 12, 20)), st.integers(0, 25))
def test_deadline_is_never_before_opening_and_overdue_never_early(day, n):
    opened = dt.datetime.combine(day, dt.time(4), UTC)
    item, _ = open_item("l", "o", "d", opened, deadline_workdays=n)
    assert item.deadline >= day
    end_of_deadline = dt.datetime.combine(item.deadline, dt.time(15, 59), UTC)
    assert mark_overdue([item], end_of_deadline)[0] == []


def test_verification_needs_a_second_person():
    item, _ = fix_on_the_spot("l1", "o1", "badge not shown", NOW, ["photo"], rectified_by="amy")
    assert item.rectified_by == "amy"
    with pytest.raises(DomainError) as err:
        verify(item, NOW, "amy")
    assert err.value.code == "SAME_PERSON"
    assert verify(item, NOW, "bob")[0].status == "VERIFIED"


@pytest.mark.parametrize("days", [-1, 251, 10**9, True, "5"])
def test_deadline_must_be_a_plausible_number_of_working_days(days):
    with pytest.raises(DomainError) as err:
        open_item("l1", "o1", "fix", NOW, deadline_workdays=days)
    assert err.value.field == ["input", "deadlineWorkdays"]
