import pytest

from services.accountability.domain import (
    FINDING_RECORDED, Finding, FindingDraft, dedupe_key, open_automatic_findings, record_finding)
from services.common.errors import DomainError

from .conftest import NOW


def test_record_finding_stores_plain_text_and_raises_event(valid_events):
    finding, events = record_finding("f1", "o1", "  <b>rude</b>\r\nto party\x07 ", "COMPLAINT",
                                     NOW, case_id="c1", evidence=["photo-1"])
    assert finding.description == "<b>rude</b>\nto party"  # kept as text, never as markup
    assert valid_events(events)[0][0] == FINDING_RECORDED
    assert events[0][1]["evidence"] == ["photo-1"]
    assert Finding.from_dict(finding.to_dict()) == finding


@pytest.mark.parametrize("kwargs, field", [
    ({"description": "   "}, "description"),
    ({"description": "x" * 2001}, "description"),
    ({"source": "RUMOUR"}, "source"),
    ({"officer_id": ""}, "officerId"),
    ({"evidence": [""]}, "evidence"),
    ({"source": "AUTOMATIC"}, "source"),  # automatic without a rule
    ({"rule": "R", "trigger_event_ids": ["e"]}, "source"),  # a person posing as a rule
])
def test_record_finding_refusals(kwargs, field):
    args = {"finding_id": "f1", "officer_id": "o1", "description": "late", "source": "AUDIT",
            "now": NOW, **kwargs}
    with pytest.raises(DomainError) as err:
        record_finding(**args)
    assert err.value.code == "INVALID_INPUT" and err.value.field[-1] == field


def test_description_limit_is_inclusive():
    finding, _ = record_finding("f1", "o1", "x" * 2000, "AUDIT", NOW)
    assert len(finding.description) == 2000


def _draft(officer="o1", event="e1"):
    return FindingDraft(officer, "why", "R", (event,), dedupe_key("R", event, officer), case_id="c")


def test_automatic_findings_dedupe_across_deliveries(valid_events):
    first, events = open_automatic_findings([_draft(), _draft("o2"), _draft()], [], NOW)
    assert [f.officer_id for f in first] == ["o1", "o2"]
    valid_events(events)
    again, events = open_automatic_findings([_draft(), _draft("o2")],
                                            [f.dedupe_key for f in first], NOW)
    assert again == [] and events == []
    # Same key -> same id, so a racing second writer hits the unique index.
    other, _ = open_automatic_findings([_draft()], [], NOW)
    assert other[0].finding_id == first[0].finding_id
    assert first[0].source == "AUTOMATIC" and first[0].trigger_event_ids == ("e1",)
