"""Inspections: who checked which entity, against which checklist, and what was found."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from services.contracts.vocabulary import CHECK_RESULTS, INSPECTION_KINDS
from services.common.errors import DomainError
from services.enforcement.domain import events, record
from services.enforcement.domain.serial import Plain
from services.enforcement.domain.team import Team, check

KINDS, RESULTS = INSPECTION_KINDS, CHECK_RESULTS


@dataclass
class ChecklistItem(Plain):
    item: str
    result: str
    note: str = ""


@dataclass
class InspectionFinding(Plain):
    description: str
    violation_code: str | None = None


@dataclass
class Inspection(Plain):
    id: str
    agency: str
    domain: str
    entity_id: str
    kind: str
    officer_ids: list[str]
    performed_at: dt.datetime
    checklist: list[ChecklistItem] = field(default_factory=list)
    findings: list[InspectionFinding] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)     # document / media references
    operation_id: str | None = None
    task_id: str | None = None
    record: list[record.RecordEntry] = field(default_factory=list)

    @property
    def violation_found(self) -> bool:
        return bool(self.findings)


def record_inspection(inspection_id: str, entity, team: Team, performed_at: dt.datetime,
                      kind: str = "PLANNED", checklist=(), findings=(), evidence=(),
                      operation_id: str | None = None, task_id: str | None = None,
                      catalogue=None):
    """(Inspection, events). `entity` is the directory Entity inspected.

    Findings naming a violation code are checked against the agency catalogue so a case
    can later be filed from them.
    """
    if kind not in KINDS:
        raise DomainError("INVALID_INPUT", f"kind must be one of {KINDS}", ["input", "kind"])
    items = [i if isinstance(i, ChecklistItem) else ChecklistItem(**i) for i in checklist]
    if any(i.result not in RESULTS for i in items):
        raise DomainError("INVALID_INPUT", f"checklist results must be one of {RESULTS}",
                          ["input", "checklist"])
    found = [f if isinstance(f, InspectionFinding) else InspectionFinding(**f)
             for f in findings]
    for finding in found:
        if catalogue is not None and finding.violation_code:
            catalogue.violation(finding.violation_code)
    officers = check(team)
    inspection = Inspection(id=inspection_id, agency=entity.agency, domain=entity.domain,
                            entity_id=entity.id, kind=kind, officer_ids=officers,
                            performed_at=performed_at, checklist=items, findings=found,
                            evidence=list(evidence), operation_id=operation_id,
                            task_id=task_id)
    record.append(inspection.record, f"inspection:{inspection_id}", "INSPECTION_RECORDED",
                  officers, performed_at, evidence,
                  {"entity_id": entity.id, "kind": kind, "checklist": items,
                   "findings": found})
    return inspection, [events.make(
        events.INSPECTION_RECORDED, inspection_id=inspection_id, agency=inspection.agency,
        domain=inspection.domain, entity_id=entity.id, officer_ids=officers,
        performed_at=performed_at, operation_id=operation_id, task_id=task_id,
        findings_count=len(found), violation_found=inspection.violation_found)]
