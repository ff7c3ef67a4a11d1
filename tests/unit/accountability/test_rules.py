import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from services.accountability.domain import (
    decision_deadline_missed, decision_published_late, major_decision_without_review,
    open_automatic_findings, unqualified_or_understaffed_action)
from services.accountability.domain.rules import is_after
from services.contracts.payloads import (
    CaseDecided, CaseStepRecorded, DecisionPublished, Event, InspectionRecorded,
    InspectionTaskAssigned)

from .conftest import NOW

DECIDED = CaseDecided(
    case_id="c1", agency="CULTURE", domain="CULTURE_MARKET", outcome="PENALTY",
    violation_code=None, major=True, legal_review_approved=False,
    justice_filing_required=False, filed_at="2026-06-01T02:00:00+00:00",
    decided_at="2026-08-20T02:00:00+00:00", decision_due="2026-08-30",
    publication_due="2026-08-31", officer_ids=["o1", "o2", "o1"], fine=5000)
PUBLISHED = DecisionPublished(
    case_id="c1", agency="CULTURE", decided_at="2026-08-20T02:00:00+00:00",
    published_at="2026-08-28T02:00:00+00:00", publication_due="2026-08-31", late=False)
OK = {"qualified": True, "reasons": []}
EXPIRED = {"qualified": False, "reasons": ["CERTIFICATE_EXPIRED"]}


def inspection(officers):
    return InspectionRecorded(
        inspection_id="i1", agency="TRANSPORT", domain="ROAD_TRANSPORT", entity_id="bus-co",
        officer_ids=officers, performed_at=NOW.isoformat(), operation_id=None, task_id=None,
        findings_count=0, violation_found=False)


def changed(payload, **fields):
    return type(payload)(**{**payload.wire(), **fields})


def test_published_late_fires_per_case_officer():
    assert decision_published_late("e1", PUBLISHED, ["o1", "o2"]) == []
    late = changed(PUBLISHED, published_at="2026-08-31T17:00:00+00:00")  # Sept 1 in Shanghai
    drafts = decision_published_late("e1", late, ["o1", "o2"])
    assert [d.officer_id for d in drafts] == ["o1", "o2"]
    assert drafts[0].rule == "DECISION_PUBLISHED_LATE" and drafts[0].case_id == "c1"
    # The producer's own flag is enough.
    assert decision_published_late("e1", changed(PUBLISHED, late=True), ["o1"])


def test_major_without_review_names_each_officer_once():
    drafts = major_decision_without_review("e2", DECIDED)
    assert [d.officer_id for d in drafts] == ["o1", "o2"]
    assert drafts[0].dedupe_key == "MAJOR_DECISION_WITHOUT_LEGAL_REVIEW:e2:o1"
    assert major_decision_without_review("e2", changed(DECIDED, legal_review_approved=True)) == []
    assert major_decision_without_review("e2", changed(DECIDED, major=False)) == []


def test_deadline_missed():
    assert decision_deadline_missed("e3", DECIDED) == []
    late = changed(DECIDED, decided_at="2026-08-30T16:30:00+00:00")  # Aug 31 in Shanghai
    assert [d.rule for d in decision_deadline_missed("e3", late)] == ["DECISION_DEADLINE_MISSED"] * 2
    exact = changed(DECIDED, decision_due="2026-08-20T01:00:00+00:00")
    assert decision_deadline_missed("e3", exact)


def test_action_with_two_qualified_officers_is_fine():
    assert unqualified_or_understaffed_action("e4", inspection(["o1", "o2"]),
                                              {"o1": OK, "o2": OK}) == []


def test_unqualified_officer_named_alone_when_two_others_qualified():
    drafts = unqualified_or_understaffed_action(
        "e4", inspection(["o1", "o2", "o3"]), {"o1": OK, "o2": OK, "o3": EXPIRED})
    assert [d.officer_id for d in drafts] == ["o3"]
    assert "CERTIFICATE_EXPIRED" in drafts[0].description and drafts[0].inspection_id == "i1"


def test_understaffed_names_everyone_present():
    drafts = unqualified_or_understaffed_action("e4", inspection(["o1", "o3"]),
                                                {"o1": OK, "o3": EXPIRED})
    assert [d.officer_id for d in drafts] == ["o1", "o3"]
    assert unqualified_or_understaffed_action("e4", inspection(["o1"]), {"o1": OK})


def test_case_step_variant_and_missing_answer():
    step = CaseStepRecorded(case_id="c1", agency="CULTURE", domain="TOURISM",
                            step="INVESTIGATION", officer_ids=["o1"], at=NOW.isoformat())
    drafts = unqualified_or_understaffed_action("e5", step, {"o1": OK})
    assert drafts[0].case_id == "c1" and "INVESTIGATION" in drafts[0].description
    with pytest.raises(ValueError):
        unqualified_or_understaffed_action("e5", step, {})


def test_redelivered_event_opens_one_finding_per_officer():
    drafts = major_decision_without_review("e2", DECIDED)
    findings, _ = open_automatic_findings(drafts, [], NOW)
    redelivered, _ = open_automatic_findings(major_decision_without_review("e2", DECIDED),
                                             {f.dedupe_key for f in findings}, NOW)
    assert len(findings) == 2 and redelivered == []


answers = st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), st.booleans(), min_size=1)


@settings(max_examples=60, deadline=None)
@given(answers)
def test_rule_c_fires_iff_art42_is_broken(qualified):
    officers = list(qualified)
    drafts = unqualified_or_understaffed_action(
        "e", inspection(officers), {o: {"qualified": q, "reasons": []} for o, q in qualified.items()})
    broken = sum(qualified.values()) < 2 or not all(qualified.values())
    assert bool(drafts) == broken
    assert len({d.dedupe_key for d in drafts}) == len(drafts)
    assert {d.officer_id for d in drafts} >= {o for o, q in qualified.items() if not q}


@settings(max_examples=60, deadline=None)
@given(st.datetimes(min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2026, 12, 31),
                    timezones=st.just(dt.timezone.utc)))
def test_date_due_means_end_of_that_day_in_shanghai(moment):
    due = (moment + dt.timedelta(hours=8)).date()
    assert not is_after(moment.isoformat(), due.isoformat())
    assert is_after(moment.isoformat(), (due - dt.timedelta(days=1)).isoformat())


def test_task_assignment_variant_uses_the_event_moment():
    from services.accountability.domain import action_moment

    task = InspectionTaskAssigned(operation_id="op1", task_id="t1", agency="CULTURE",
                                  entity_id="ktv", domain="CULTURE_MARKET", team="A",
                                  officer_ids=["o1", "o2", "o3"])

    def event(payload, occurred_at):
        return Event(event_id="e", type="x", occurred_at=occurred_at, producer="p",
                     correlation_id="c", causation_id=None, actor=None, payload=payload)
    assert action_moment(event(task, NOW.isoformat())) == NOW.isoformat()
    assert action_moment(event(inspection(["o1"]), "2020-01-01T00:00:00+00:00")) == \
        NOW.isoformat()  # an inspection's own moment, not the event's
    drafts = unqualified_or_understaffed_action("e6", task, {"o1": OK, "o2": OK, "o3": EXPIRED},
                                                NOW.isoformat())
    assert [d.officer_id for d in drafts] == ["o3"]
    assert "task t1 of joint operation op1" in drafts[0].description
    assert "assigned to officer o3" in drafts[0].description
    assert drafts[0].case_id is None and drafts[0].inspection_id is None


def test_published_late_is_the_flag_or_the_date():
    from services.accountability.domain import published_late

    assert not published_late(PUBLISHED)
    assert published_late(changed(PUBLISHED, late=True))
    assert published_late(changed(PUBLISHED, published_at="2026-08-31T17:00:00+00:00"))
