"""Complaints: intake (anonymous when unnamed), the acknowledgment deadline in working
days of the Chinese calendar, overdue the day after it, and the link to a finding."""
import datetime as dt

import pytest

from services.accountability.domain import complaints
from services.common.errors import DomainError
from services.common.workdays import add_workdays

from .conftest import NOW

ABOUT = {"agency": "CULTURE", "description": "执法人员未出示执法证件", "officer_ids": ["o1"]}


def test_public_and_unnamed_is_anonymous_and_the_event_carries_no_name(valid_events):
    c, events = complaints.receive("k1", {**ABOUT, "contact": "13800000000"}, "PUBLIC", NOW)
    assert c.anonymous and c.complainant is None and c.contact is None
    named, events2 = complaints.receive("k2", {**ABOUT, "complainant": "李四",
                                                "contact": "13800000000"}, "PUBLIC", NOW)
    assert not named.anonymous and named.contact == "13800000000"
    valid_events(events + events2)
    assert "李四" not in repr(events2) and "13800000000" not in repr(events2)


def test_deadline_counts_working_days_and_overdue_starts_the_day_after():
    c, _ = complaints.receive("k1", ABOUT, "STAFF", NOW)
    assert c.acknowledge_by == add_workdays(dt.date(2026, 9, 28), complaints.ACKNOWLEDGE_WORKDAYS)
    # 2026-09-28 is a Monday before the National Day holiday: five working days run past it
    assert c.acknowledge_by > dt.date(2026, 10, 3)
    last = dt.datetime.combine(c.acknowledge_by, dt.time(23, 0), dt.timezone.utc) \
        - dt.timedelta(hours=8)                              # 23:00 in Shanghai, last day
    assert complaints.overdue([c], last) == []
    assert complaints.overdue([c], last + dt.timedelta(hours=2)) == [c]
    done, events = complaints.acknowledge(c, "已受理，将在十五个工作日内答复", last)
    assert done.status == "ACKNOWLEDGED" and events[0][1]["late"] is False
    assert complaints.overdue([done], last + dt.timedelta(days=9)) == []
    with pytest.raises(DomainError) as err:
        complaints.acknowledge(done, "again", last)
    assert err.value.code == "INVALID_TRANSITION"


@pytest.mark.parametrize("bad,field", [
    ({**ABOUT, "agency": "POLICE"}, "agency"), ({**ABOUT, "description": "  "}, "description"),
    ({**ABOUT, "officer_ids": ["o"] * 11}, "officerIds"),
    ({**ABOUT, "officer_ids": [{"$ne": 1}]}, "officerIds")])
def test_bad_intake_is_refused_naming_the_field(bad, field):
    with pytest.raises(DomainError) as err:
        complaints.receive("k1", bad, "PUBLIC", NOW)
    assert err.value.code == "INVALID_INPUT" and err.value.field == ["input", field]


def test_a_finding_opened_from_it_is_linked():
    c, _ = complaints.receive("k1", ABOUT, "PUBLIC", NOW)
    linked, events = complaints.link_finding(c, "f1", "o1")
    assert linked.finding_ids == ("f1",)
    assert events == [(complaints.FINDING_OPENED, {"complaint_id": "k1", "finding_id": "f1",
                                                   "officer_id": "o1"})]
