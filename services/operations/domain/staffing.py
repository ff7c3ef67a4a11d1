"""Staffing rules shared by assignment, launch and live updates."""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from services.common.errors import DomainError
from services.operations.domain.model import MIN_QUALIFIED, Alert, JointOperation, Team, iso

ALERT_RAISED = "operations.alert_raised.v1"


def require_status(op: JointOperation, allowed: Iterable[str], action: str) -> None:
    allowed = tuple(allowed)
    if op.status not in allowed:
        raise DomainError("INVALID_TRANSITION",
                          f"operation {op.operation_id} is {op.status}; cannot {action} "
                          f"(only when {' or '.join(allowed)})", ["id"], status=op.status)


def covered_domains(op: JointOperation, team: Team) -> list[str]:
    """A team covers its members' domains and the domains of its open tasks."""
    domains = {m.domain for m in team.members}
    domains |= {t.domain for t in op.tasks if t.team == team.name and not t.done}
    return sorted(domains)


def overlaps(a: JointOperation, b: JointOperation) -> bool:
    return a.starts_at < b.ends_at and b.starts_at < a.ends_at


def check_not_busy(op: JointOperation, officer_id: str, others: Iterable[JointOperation]) -> None:
    """OFFICER_BUSY if the officer is in another LAUNCHED operation whose window overlaps:
    one officer cannot be on two inspection teams at once. The service passes the others."""
    for other in others:
        if (other.operation_id != op.operation_id and other.status == "LAUNCHED"
                and overlaps(op, other) and other.member(officer_id)):
            raise DomainError("OFFICER_BUSY", f"officer {officer_id} is on launched operation "
                              f"{other.operation_id} during this window",
                              ["input", "officerId"], operation_id=other.operation_id)


def refresh_task_officers(op: JointOperation) -> None:
    """Open tasks are carried out by their team's members for the task's domain."""
    for task in op.tasks:
        if not task.done:
            team = op.team(task.team)
            task.officer_ids = [m.officer_id for m in (team.members if team else [])
                                if m.domain == task.domain]


def restaff(op: JointOperation, team: Team, at: dt.datetime) -> list:
    """Recompute a LAUNCHED team's understaffed domains; alert on newly understaffed ones.
    Members still on a launched team are qualified (losing it takes them off), so the
    count of members per domain is the count of qualified officers."""
    refresh_task_officers(op)
    if op.status != "LAUNCHED":
        return []
    now_short = [d for d in covered_domains(op, team) if team.domain_count(d) < MIN_QUALIFIED]
    events = []
    for domain in now_short:
        if domain not in team.understaffed:
            events.append(raise_alert(op, "TEAM_UNDERSTAFFED", team.name, at, domain=domain))
    team.understaffed = now_short
    return events


def raise_alert(op: JointOperation, kind: str, team: str, at: dt.datetime, *,
                officer_id: str | None = None, domain: str | None = None,
                reasons: Iterable[str] = ()) -> tuple[str, dict]:
    alert = Alert(f"{op.operation_id}-A{len(op.alerts) + 1}", kind, team, at, officer_id,
                  domain, list(reasons))
    op.alerts.append(alert)
    return ALERT_RAISED, {"operation_id": op.operation_id, "alert_id": alert.alert_id,
                          "kind": kind, "team": team, "officer_id": officer_id,
                          "domain": domain, "reasons": alert.reasons, "at": iso(at)}
