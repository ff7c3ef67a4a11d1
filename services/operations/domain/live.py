"""A launched operation as it runs: lost qualifications, inspections done, progress."""
from __future__ import annotations

import copy
import datetime as dt
from collections import defaultdict
from typing import Iterable

from services.common.errors import DomainError, NotFound
from services.operations.domain.model import JointOperation, parse
from services.operations.domain.staffing import raise_alert, require_status, restaff
from services.operations.domain.teams import take_off


def on_qualification_lost(op: JointOperation, officer_id: str, at: dt.datetime,
                          reasons: Iterable[str]) -> tuple[JointOperation, list]:
    """Certification says an officer lost qualification during a LAUNCHED operation: take
    them off their team, alert MEMBER_DISQUALIFIED and, if the team fell below two for a
    domain, TEAM_UNDERSTAFFED. Idempotent: a non-member (already taken off, or never on
    it) or an operation not LAUNCHED is returned unchanged with no events; a DRAFT
    operation catches the loss at launch instead."""
    if op.status != "LAUNCHED" or op.member(officer_id) is None:
        return op, []
    op, at, reasons = copy.deepcopy(op), parse(at), list(reasons)
    team, member, events = take_off(op, officer_id, "DISQUALIFIED", at, reasons)
    events.append(raise_alert(op, "MEMBER_DISQUALIFIED", team.name, at, officer_id=officer_id,
                              domain=member.domain, reasons=reasons))
    return op, events + restaff(op, team, at)


def record_inspection(op: JointOperation, task_id: str, inspection_id: str,
                      violation_found: bool) -> tuple[JointOperation, list]:
    """Mark a task done by an inspection. Same inspection again: no change. Raises
    INVALID_TRANSITION (not LAUNCHED), NOT_FOUND (task), TASK_ALREADY_DONE."""
    require_status(op, ["LAUNCHED"], "record inspections")
    task = next((t for t in op.tasks if t.task_id == task_id), None)
    if task is None:
        raise NotFound("task", task_id, ["input", "taskId"])
    if task.inspection_id == inspection_id:
        return op, []
    if task.done:
        raise DomainError("TASK_ALREADY_DONE", f"task {task_id} was done by inspection "
                          f"{task.inspection_id}", ["input", "taskId"])
    op = copy.deepcopy(op)
    task = next(t for t in op.tasks if t.task_id == task_id)
    task.inspection_id, task.violation_found = inspection_id, bool(violation_found)
    return op, []


def progress(op: JointOperation) -> dict:
    """Tasks planned / done / with findings, by team, by agency and in total."""
    def blank():
        return {"planned": 0, "done": 0, "with_findings": 0}
    by_team, by_agency, total = defaultdict(blank), defaultdict(blank), blank()
    for task in op.tasks:
        for figures in (by_team[task.team], by_agency[task.agency], total):
            figures["planned"] += 1
            figures["done"] += task.done
            figures["with_findings"] += bool(task.violation_found)
    return {"by_team": dict(sorted(by_team.items())), "by_agency": dict(sorted(by_agency.items())),
            "total": total}
