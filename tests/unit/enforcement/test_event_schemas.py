"""Every event the core raises matches its published schema and carries no personal data."""
import json
import pathlib

import jsonschema
import pytest

from services.enforcement.domain import case_model as m
from services.enforcement.domain import bodies, cases, events
from services.enforcement.domain.compulsory import record_measure
from services.enforcement.domain.deadlines import report_overdue
from services.enforcement.domain.delivery import attempt_service, record_consent, record_receipt
from services.enforcement.domain.entities import register_entity
from services.enforcement.domain.inspections import record_inspection

from .builders import (TRANSPORT, advance_to, at, driver, id_number, new_case, party_of,
                       penalty, team)

SCHEMAS = pathlib.Path(__file__).resolve().parents[3] / "schemas" / "events"


def _all_events():
    raised = register_entity(None, driver(), at())[1]
    raised += record_inspection("i1", driver(), team(), at(), operation_id="op")[1]
    case, filed = cases.file_case("c1", driver(), party_of(driver()), team(), at(), TRANSPORT,
                                  "COACH_WITHOUT_LICENCE", inspection_id="i1")
    raised += filed
    raised += advance_to(case, m.DECIDED, penalty(12_000, "LIGHTER", "COACH_WITHOUT_LICENCE"),
                         TRANSPORT, review="APPROVED")
    raised += record_consent(case, team(), at(8), "EMAIL", "zhang@example.cn")
    raised += cases.submit_for_legal_review(case, team(), at(8), None, TRANSPORT,
                                            stage="CLOSING", submitted_by="o1")
    raised += cases.record_legal_review(case, "APPROVED", "lawyer", at(8))
    raised += attempt_service(case, team(), at(8), "DECISION", "EMAIL")
    raised += record_receipt(case, 0, at(8))
    raised += advance_to(case, m.CLOSED, catalogue=TRANSPORT)
    raised += report_overdue(new_case(), at(400))
    raised += record_measure(new_case(catalogue=TRANSPORT), team(), at(1), "SEIZE",
                             ["coach 苏A12345"], "", TRANSPORT)
    body, registered = bodies.new_body("b1", TRANSPORT, "羊山街道", "SUB_DISTRICT", "平桥区",
                                       at())
    power, delegated = bodies.delegate(
        "p1", body, TRANSPORT, "ROUTE_DEVIATION", at().date(), None, "信交〔2023〕5号", [],
        at())
    raised += registered + delegated + bodies.end_power(power, at(30).date(), "", at(30))
    raised += bodies.assign_officer("o1", body, "TRANSPORT", at())
    return raised


def test_every_event_type_has_a_strict_schema():
    for event_type in events.ALL:
        schema = json.loads((SCHEMAS / f"{event_type}.json").read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["additionalProperties"] is False
        assert set(schema["required"]) == set(schema["properties"])


@pytest.mark.parametrize("event_type, payload", _all_events())
def test_raised_event_matches_schema(event_type, payload):
    schema = json.loads((SCHEMAS / f"{event_type}.json").read_text())
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    validator.validate(payload)


def test_all_types_raised_and_no_personal_data():
    raised = _all_events()
    assert {t for t, _ in raised} == set(events.ALL)
    text = json.dumps([p for _, p in raised], ensure_ascii=False)
    for secret in ("张三", id_number(), "DRV-0001", "zhang@example.cn"):
        assert secret not in text
