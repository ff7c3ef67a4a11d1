import pytest

from services.common.errors import DomainError
from services.enforcement.domain.inspections import Inspection, record_inspection
from services.enforcement.domain.record import verify_chain

from .builders import CULTURE, at, cafe, team


def test_inspection_recorded_with_findings_and_event():
    inspection, raised = record_inspection(
        "i1", cafe(), team("a", "b"), at(), kind="AD_HOC",
        checklist=[{"item": "ID check", "result": "FAIL"}],
        findings=[{"description": "minor on site", "violation_code": "NETCAFE_ADMITS_MINORS"}],
        evidence=["photo-1"], operation_id="op1", task_id=None, catalogue=CULTURE)
    (kind, payload), = raised
    assert kind == "enforcement.inspection_recorded.v1"
    assert payload["violation_found"] and payload["findings_count"] == 1
    assert payload["operation_id"] == "op1" and payload["task_id"] is None
    assert payload["domain"] == "CULTURE_MARKET" and payload["officer_ids"] == ["a", "b"]
    assert verify_chain(inspection.record).intact
    assert Inspection.from_dict(inspection.to_dict()) == inspection


@pytest.mark.parametrize("kwargs, code", [
    ({"team": team("a")}, "TOO_FEW_OFFICERS"),
    ({"team": team("a", "b", unqualified={"b": ["CERTIFICATE_SUSPENDED"]})},
     "OFFICER_NOT_QUALIFIED"),
    ({"team": team("a", "b", conflicts={"a": "owner's cousin"})}, "CONFLICT_OF_INTEREST"),
    ({"kind": "SURPRISE"}, "INVALID_INPUT"),
    ({"checklist": [{"item": "x", "result": "MAYBE"}]}, "INVALID_INPUT"),
    ({"findings": [{"description": "x", "violation_code": "NOPE"}]}, "UNKNOWN_VIOLATION"),
])
def test_inspection_refusals(kwargs, code):
    args = {"team": team(), **kwargs}
    with pytest.raises(DomainError) as err:
        record_inspection("i1", cafe(), performed_at=at(), catalogue=CULTURE, **args)
    assert err.value.code == code
