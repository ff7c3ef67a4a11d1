"""Every payload the domain raises matches its schema and never carries the full ID."""
import datetime as dt
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from services.certification import domain as cd
from services.certification.domain import events as ev

from .cert_helpers import VALID_ID, utc

SCHEMAS = Path(__file__).resolve().parents[3] / "schemas" / "events"


def scenario():
    """A life touching every command; yields (event_type, payload)."""
    record, raised = cd.register_officer(officer_id="o-9", name="Zhao", agency="CULTURE",
                                         id_number=VALID_ID, now=utc(2025, 1, 1))
    steps = [
        lambda r: cd.record_exam(r, exam="PUBLIC_LAW", score=80, taken_on=dt.date(2025, 1, 2),
                                 now=utc(2025, 1, 3)),
        lambda r: cd.record_exam(r, exam="PROFESSIONAL_LAW", score=61,
                                 taken_on=dt.date(2025, 1, 2), now=utc(2025, 1, 3)),
        lambda r: cd.issue_certificate(r, domains=["TOURISM"], valid_from=dt.date(2025, 1, 5),
                                       valid_until=dt.date(2025, 12, 31), sequence=5,
                                       now=utc(2025, 1, 5)),
        lambda r: cd.suspend_certificate(r, now=utc(2025, 2, 1), reason="audit"),
        lambda r: cd.reinstate_certificate(r, now=utc(2025, 2, 10)),
        lambda r: cd.renew_certificate(r, valid_until=dt.date(2026, 6, 30), now=utc(2025, 3, 1)),
        lambda r: cd.apply_sanction(r, measure="OFF_POST_TRAINING", sanction_id="s1",
                                    now=utc(2025, 4, 1)),
        lambda r: cd.complete_training(r, now=utc(2025, 5, 1), cause="s1"),
        lambda r: cd.sweep(r, utc(2026, 2, 1)),   # annual review overdue since Jan 2026
        lambda r: cd.record_annual_review(r, now=utc(2026, 2, 2)),
        lambda r: cd.sweep(r, utc(2026, 7, 2)),   # expired
        lambda r: cd.apply_sanction(r, measure="QUALIFICATION_REVOKED", sanction_id="s2",
                                    now=utc(2026, 8, 1)),
    ]
    for step in steps:
        record, new = step(record)
        raised += new
    return record, raised


def test_payloads_match_schemas():
    _, raised = scenario()
    assert {t for t, _ in raised} == set(ev.EVENT_TYPES)
    for event_type, payload in raised:
        schema = json.loads((SCHEMAS / f"{event_type}.json").read_text())
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        assert not list(validator.iter_errors(payload)), (event_type, payload)
        assert VALID_ID[3:-2] not in json.dumps(payload)


def test_qualification_changed_before_and_after():
    _, raised = scenario()
    changes = [(p["trigger"], p["qualified_before"], p["qualified_after"])
               for t, p in raised if t == ev.QUALIFICATION_CHANGED]
    assert changes[:3] == [(ev.CERTIFICATE_ISSUED, [], ["TOURISM"]),
                           (ev.CERTIFICATE_SUSPENDED, ["TOURISM"], []),
                           (ev.CERTIFICATE_REINSTATED, [], ["TOURISM"])]
    assert ("ANNUAL_REVIEW_OVERDUE", ["TOURISM"], []) in changes
    assert (ev.CERTIFICATE_EXPIRED, ["TOURISM"], []) in changes
    # renewal inside the window changes nothing that day; no event for it
    assert not any(trigger == ev.CERTIFICATE_RENEWED for trigger, _, _ in changes)


def test_sweep_reports_once():
    record, _ = scenario()
    assert cd.sweep(record, utc(2026, 9, 1)) == (record, [])


@pytest.mark.parametrize("event_type", ev.EVENT_TYPES)
def test_every_schema_is_strict(event_type):
    schema = json.loads((SCHEMAS / f"{event_type}.json").read_text())
    assert schema["additionalProperties"] is False
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "id_number" not in schema["properties"]


def test_issue_ahead_of_validity_announces_the_change_when_validity_starts(examined):
    _, raised = cd.issue_certificate(examined, domains=["TOURISM"], valid_from=dt.date(2026, 1, 1),
                                     valid_until=dt.date(2026, 12, 31), sequence=1,
                                     now=utc(2025, 12, 15, 2))
    change = [p for t, p in raised if t == ev.QUALIFICATION_CHANGED]
    # 2026-01-01 00:00 in Asia/Shanghai
    assert [(p["effective_at"], p["qualified_after"]) for p in change] == [
        ("2025-12-31T16:00:00+00:00", ["TOURISM"])]
