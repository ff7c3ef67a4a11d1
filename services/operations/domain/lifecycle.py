"""Plan, launch, complete, cancel: DRAFT -> LAUNCHED -> COMPLETED, or CANCELLED."""
from __future__ import annotations

import copy
import datetime as dt
from typing import Iterable, Mapping

from services.common.errors import DomainError, InvalidInput
from services.operations.domain import inputs
from services.operations.domain.model import (
    AGENCIES, MIN_QUALIFIED, JointOperation, iso, parse)
from services.operations.domain.staffing import (
    check_not_busy, covered_domains, refresh_task_officers, require_status)

PLANNED = "operations.operation_planned.v1"
LAUNCHED = "operations.operation_launched.v1"
TASK_ASSIGNED = "operations.inspection_task_assigned.v1"
COMPLETED = "operations.operation_completed.v1"
CANCELLED = "operations.operation_cancelled.v1"


def plan_operation(operation_id: str, name: str, legal_basis: str, lead_agency: str,
                   agencies: Iterable[str], starts_at: dt.datetime, ends_at: dt.datetime,
                   now: dt.datetime, *, areas: Iterable[str] = (),
                   objectives: Iterable[str] = ()) -> tuple[JointOperation, list]:
    """A DRAFT operation. Raises INVALID_INPUT. Returns (operation, events)."""
    name = inputs.text(name, "name")
    legal_basis = inputs.text(legal_basis, "legalBasis", inputs.MAX_TEXT, required=False)
    areas, objectives = inputs.texts(areas, "areas"), inputs.texts(objectives, "objectives")
    agencies = list(agencies) if isinstance(agencies, (list, tuple)) else []
    if not agencies or not all(isinstance(a, str) and a in AGENCIES for a in agencies):
        raise InvalidInput(f"agencies must be one or more of {', '.join(AGENCIES)}",
                           ["input", "agencies"])
    if lead_agency not in agencies:
        raise InvalidInput("the lead agency must be a participating agency",
                           ["input", "leadAgency"])
    agencies = list(dict.fromkeys(agencies))
    starts_at = inputs.moment(starts_at, "startsAt")
    ends_at = inputs.moment(ends_at, "endsAt")
    if starts_at is None or ends_at is None or not starts_at < ends_at:
        raise InvalidInput("the window must start before it ends", ["input", "endsAt"])
    op = JointOperation(operation_id, name, legal_basis, lead_agency, agencies, starts_at,
                        ends_at, areas, objectives, planned_at=parse(now))
    payload = {k: v for k, v in op.to_dict().items() if k in (
        "operation_id", "name", "legal_basis", "lead_agency", "agencies", "starts_at",
        "ends_at", "areas", "objectives", "planned_at")}
    return op, [(PLANNED, payload)]


def launch_operation(op: JointOperation, qualifications: Mapping[str, Mapping],
                     now: dt.datetime, other_operations: Iterable[JointOperation] = ()):
    """Launch a DRAFT operation. `qualifications` maps officer_id -> {qualified, reasons}
    for the officer's team domain over what is left of the window (missing = not qualified). Raises INVALID_TRANSITION,
    TEAM_UNDERSTAFFED (details: team, domain), OFFICER_BUSY. Returns (operation, events)."""
    require_status(op, ["DRAFT"], "launch")
    if not op.teams:
        raise DomainError("TEAM_UNDERSTAFFED", "the operation has no teams", ["id"])
    for team in op.teams:
        for domain in covered_domains(op, team) or [None]:
            n = sum(m.domain == domain and bool(qualifications.get(m.officer_id, {})
                                                .get("qualified")) for m in team.members)
            if n < MIN_QUALIFIED:
                raise DomainError("TEAM_UNDERSTAFFED",
                                  f"team {team.name} has {n} officer(s) qualified for "
                                  f"{domain or 'any domain'}; at least {MIN_QUALIFIED} needed",
                                  ["id"], team=team.name, domain=domain)
    others = list(other_operations)
    for team in op.teams:
        for member in team.members:
            check_not_busy(op, member.officer_id, others)
    op = copy.deepcopy(op)
    op.status, op.launched_at = "LAUNCHED", parse(now)
    refresh_task_officers(op)
    events = [(LAUNCHED, {
        "operation_id": op.operation_id, "name": op.name, "lead_agency": op.lead_agency,
        "agencies": op.agencies, "starts_at": iso(op.starts_at), "ends_at": iso(op.ends_at),
        "launched_at": iso(op.launched_at),
        "teams": [{"name": t.name, "officer_ids": [m.officer_id for m in t.members]}
                  for t in op.teams],
        "task_count": len(op.tasks)})]
    events += [(TASK_ASSIGNED, {"operation_id": op.operation_id, "task_id": t.task_id,
                                "agency": t.agency, "entity_id": t.entity_id,
                                "domain": t.domain, "team": t.team,
                                "officer_ids": t.officer_ids}) for t in op.tasks]
    return op, events


def complete_operation(op: JointOperation, now: dt.datetime) -> tuple[JointOperation, list]:
    """LAUNCHED -> COMPLETED. Raises INVALID_TRANSITION."""
    require_status(op, ["LAUNCHED"], "complete")
    op = copy.deepcopy(op)
    op.status, op.closed_at = "COMPLETED", parse(now)
    return op, [(COMPLETED, {"operation_id": op.operation_id, "completed_at": iso(op.closed_at),
                             "tasks_planned": len(op.tasks),
                             "tasks_done": sum(t.done for t in op.tasks)})]


def cancel_operation(op: JointOperation, now: dt.datetime,
                     reason: str = "") -> tuple[JointOperation, list]:
    """DRAFT or LAUNCHED -> CANCELLED. Raises INVALID_TRANSITION."""
    require_status(op, ["DRAFT", "LAUNCHED"], "cancel")
    reason = inputs.text(reason, "reason", inputs.MAX_TEXT, required=False)
    op = copy.deepcopy(op)
    op.status, op.closed_at, op.cancel_reason = "CANCELLED", parse(now), reason or None
    return op, [(CANCELLED, {"operation_id": op.operation_id, "cancelled_at": iso(op.closed_at),
                             "previous_status": "LAUNCHED" if op.launched_at else "DRAFT",
                             "reason": op.cancel_reason})]
