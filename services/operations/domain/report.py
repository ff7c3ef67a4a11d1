"""The joint result report: figures by agency from the operation and its records."""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Mapping

from services.operations.domain.live import progress
from services.operations.domain.model import JointOperation, iso


def _linked(op: JointOperation, records: Iterable[Mapping]) -> list[Mapping]:
    # Records that say which operation they belong to must say this one; records without
    # the field were selected for this operation by the caller.
    return [r for r in records if r.get("operation_id", op.operation_id) == op.operation_id]


def joint_report(op: JointOperation, inspections: Iterable[Mapping],
                 cases: Iterable[Mapping]) -> dict:
    """Figures per participating agency. `inspections`: {inspection_id, agency, entity_id,
    officer_ids, violation_found[, operation_id]}; `cases`: {case_id, agency, outcome
    (None while undecided), officer_ids[, operation_id]}. An officer counts for the agency
    whose inspection or case they took part in (a mixed team's officer may count twice)."""
    inspections, cases = _linked(op, inspections), _linked(op, cases)
    by_agency = {}
    for agency in sorted(set(op.agencies) | {r["agency"] for r in inspections + cases}):
        mine = [i for i in inspections if i["agency"] == agency]
        their_cases = [c for c in cases if c["agency"] == agency]
        officers = {o for r in mine + their_cases for o in r.get("officer_ids", [])}
        by_agency[agency] = {
            "entities_inspected": len({i["entity_id"] for i in mine}),
            "inspections": len(mine),
            "violations_found": sum(bool(i.get("violation_found")) for i in mine),
            "cases_opened": len(their_cases),
            "cases_by_outcome": dict(sorted(Counter(
                c.get("outcome") or "UNDECIDED" for c in their_cases).items())),
            "officers_involved": len(officers),
        }
    totals = {k: sum(a[k] for a in by_agency.values())
              for k in ("entities_inspected", "inspections", "violations_found", "cases_opened")}
    totals["officers_involved"] = len({o for r in inspections + cases
                                       for o in r.get("officer_ids", [])})
    return {
        "operation": {"operation_id": op.operation_id, "name": op.name,
                      "legal_basis": op.legal_basis, "lead_agency": op.lead_agency,
                      "agencies": list(op.agencies), "status": op.status,
                      "starts_at": iso(op.starts_at), "ends_at": iso(op.ends_at),
                      "areas": list(op.areas), "objectives": list(op.objectives)},
        "by_agency": by_agency,
        "totals": totals,
        "tasks": progress(op)["total"],
        "alerts": len(op.alerts),
    }
