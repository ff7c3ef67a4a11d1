"""Forming teams: assign, remove and move officers."""
from __future__ import annotations

import copy
import datetime as dt
from typing import Iterable, Mapping

from services.common.errors import DomainError, InvalidInput, NotFound
from services.operations.domain import inputs
from services.operations.domain.model import DOMAINS, JointOperation, Member, Team, iso
from services.operations.domain.staffing import check_not_busy, require_status, restaff

ASSIGNED = "operations.officer_assigned.v1"
REMOVED = "operations.member_removed.v1"
_OPEN = ("DRAFT", "LAUNCHED")
MAX_TEAM_NAME = 100


def assign_officer(op: JointOperation, team_name: str, officer_id: str, officer_agency: str,
                   domain: str, qualification_over_window: Mapping,
                   other_operations: Iterable[JointOperation] = (),
                   now: dt.datetime | None = None) -> tuple[JointOperation, list]:
    """Put an officer on a team (created on first assignment). `qualification_over_window`
    is certification's {qualified, reasons} for the domain over the WHOLE window.
    Raises INVALID_TRANSITION, INVALID_INPUT, AGENCY_NOT_PARTICIPATING,
    OFFICER_ALREADY_ASSIGNED, OFFICER_NOT_QUALIFIED (details: reasons), OFFICER_BUSY."""
    require_status(op, _OPEN, "assign officers")
    team_name = inputs.text(team_name, "teamName", MAX_TEAM_NAME)
    if domain not in DOMAINS:
        raise InvalidInput(f"unknown domain {domain}", ["input", "domain"])
    if officer_agency not in op.agencies:
        raise DomainError("AGENCY_NOT_PARTICIPATING", f"agency {officer_agency} does not take "
                          f"part in operation {op.operation_id}", ["input", "officerId"])
    found = op.member(officer_id)
    if found:
        raise DomainError("OFFICER_ALREADY_ASSIGNED", f"officer {officer_id} is already in "
                          f"team {found[0].name}", ["input", "officerId"], team=found[0].name)
    if not qualification_over_window.get("qualified"):
        reasons = list(qualification_over_window.get("reasons") or [])
        raise DomainError("OFFICER_NOT_QUALIFIED", f"officer {officer_id} is not qualified for "
                          f"{domain} over the whole window: {', '.join(reasons) or 'no reason'}",
                          ["input", "officerId"], reasons=reasons)
    check_not_busy(op, officer_id, other_operations)
    if op.status == "LAUNCHED" and now is None:  # alerts raised while live need a time
        raise ValueError("now is required to assign during a LAUNCHED operation")
    return _add(copy.deepcopy(op), team_name, Member(officer_id, officer_agency, domain), now)


def _add(op: JointOperation, team_name: str, member: Member, now) -> tuple[JointOperation, list]:
    team = op.team(team_name)
    if team is None:
        team = Team(team_name)
        op.teams.append(team)
    team.members.append(member)
    events = [(ASSIGNED, {"operation_id": op.operation_id, "team": team_name,
                          "officer_id": member.officer_id, "agency": member.agency,
                          "domain": member.domain})]
    return op, events + restaff(op, team, now)


def take_off(op: JointOperation, officer_id: str, reason: str, at: dt.datetime,
             reasons: Iterable[str] = ()) -> tuple[Team, Member, list]:
    """Remove a member from `op` in place (callers pass a copy); events for it."""
    found = op.member(officer_id)
    if found is None:
        raise NotFound("team member", officer_id, ["input", "officerId"])
    team, member = found
    team.members.remove(member)
    if not team.members and not any(t.team == team.name for t in op.tasks):
        op.teams.remove(team)  # nothing left to it; an empty team would block launch
    event = (REMOVED, {"operation_id": op.operation_id, "team": team.name,
                       "officer_id": officer_id, "reason": reason, "reasons": list(reasons),
                       "at": iso(at)})
    return team, member, [event]


def remove_officer(op: JointOperation, officer_id: str, now: dt.datetime):
    """Take an officer off their team. Raises INVALID_TRANSITION, NOT_FOUND."""
    require_status(op, _OPEN, "remove officers")
    op = copy.deepcopy(op)
    team, _member, events = take_off(op, officer_id, "REMOVED", now)
    return op, events + restaff(op, team, now)


def move_officer(op: JointOperation, officer_id: str, to_team: str, now: dt.datetime):
    """Move a member to another (possibly new) team; their qualification is unchanged.
    Raises INVALID_TRANSITION, NOT_FOUND, INVALID_INPUT."""
    require_status(op, _OPEN, "move officers")
    to_team = inputs.text(to_team, "teamName", MAX_TEAM_NAME)
    found = op.member(officer_id)
    if found and found[0].name == to_team:
        raise InvalidInput(f"officer {officer_id} is already in team {to_team}",
                           ["input", "teamName"])
    op = copy.deepcopy(op)
    team, member, events = take_off(op, officer_id, "MOVED", now)
    events += restaff(op, team, now)
    op, added = _add(op, to_team, member, now)
    return op, events + added
