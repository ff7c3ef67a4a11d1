"""Targets from both agencies' directories, split between teams into inspection tasks."""
from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Iterable, Mapping

from services.common.errors import DomainError, InvalidInput, NotFound
from services.operations.domain.model import DOMAINS, JointOperation, Task
from services.operations.domain.staffing import refresh_task_officers, require_status

# Config knobs: which enforcement domain inspects a directory category, and the
# fallback per agency for a category not listed.
CATEGORY_DOMAINS = {
    "INTERNET_CAFE": "CULTURE_MARKET", "ENTERTAINMENT_VENUE": "CULTURE_MARKET",
    "PERFORMANCE_VENUE": "CULTURE_MARKET", "PUBLICATION": "PUBLICATION",
    "COPYRIGHT": "PUBLICATION", "RADIO_TV": "RADIO_TV", "TRAVEL_AGENCY": "TOURISM",
    "SCENIC_SPOT": "TOURISM", "TOURIST_COACH": "ROAD_TRANSPORT",
    "PASSENGER_OPERATOR": "ROAD_TRANSPORT", "VEHICLE": "ROAD_TRANSPORT",
    "DRIVER": "ROAD_TRANSPORT",
}
AGENCY_DOMAINS = {"CULTURE": "CULTURE_MARKET", "TRANSPORT": "ROAD_TRANSPORT"}


@dataclass(frozen=True, order=True)
class Target:
    agency: str
    entity_id: str
    category: str
    domain: str

    @classmethod
    def of(cls, agency: str, entity_id: str, category: str, domain: str | None = None):
        domain = domain or CATEGORY_DOMAINS.get(category) or AGENCY_DOMAINS.get(agency)
        if not entity_id or domain not in DOMAINS:
            raise InvalidInput(f"target {agency}/{entity_id}: no entity id or domain",
                               ["input", "targets"])
        return cls(agency, entity_id, category, domain)


def targets_from_draw(entities: Iterable[Mapping]) -> list[Target]:
    """Targets from a draw result's entities ({agency, entity_id, category[, domain]})."""
    return [Target.of(e["agency"], e["entity_id"], e.get("category", ""), e.get("domain"))
            for e in entities]


def split_targets(targets: Iterable[Target], teams: Mapping[str, Iterable[str]]) -> dict:
    """Deterministic, balanced split: team name -> targets. `teams` maps a team to the
    domains its members cover. A target goes to the least-loaded team covering its domain
    (any team if none does: launch then reports the gap), ties to the first name. Input
    order does not matter; when every team is eligible, sizes differ by at most one."""
    names = sorted(teams)
    if not names:
        raise InvalidInput("form teams before splitting targets", ["input", "targets"])
    covers = {n: set(teams[n]) for n in names}
    load = {n: [] for n in names}
    for target in sorted(set(targets), key=lambda t: (t.domain, t.agency, t.category, t.entity_id)):
        eligible = [n for n in names if target.domain in covers[n]] or names
        load[min(eligible, key=lambda n: (len(load[n]), names.index(n)))].append(target)
    return load


def add_targets(op: JointOperation, targets: Iterable[Target],
                team: str | None = None) -> tuple[JointOperation, list]:
    """Add targets as tasks (DRAFT only): all to `team` when picked by hand, else split
    between the teams. A target already planned is skipped. Raises INVALID_TRANSITION,
    AGENCY_NOT_PARTICIPATING, NOT_FOUND (team), INVALID_INPUT (no teams).
    No event: tasks are announced at launch (inspection_task_assigned)."""
    require_status(op, ["DRAFT"], "add targets")
    planned = {(t.agency, t.entity_id, t.domain) for t in op.tasks}
    fresh = list(dict.fromkeys(t for t in targets if (t.agency, t.entity_id, t.domain) not in planned))
    for target in fresh:
        if target.agency not in op.agencies:
            raise DomainError("AGENCY_NOT_PARTICIPATING", f"target {target.entity_id} belongs "
                              f"to {target.agency}, not a participating agency",
                              ["input", "targets"])
    if team is not None:
        if op.team(team) is None:
            raise NotFound("team", team, ["input", "teamName"])
        split = {team: fresh}
    else:
        split = split_targets(fresh, {t.name: {m.domain for m in t.members} for t in op.teams})
    op = copy.deepcopy(op)
    for name, chosen in split.items():
        for target in chosen:
            op.tasks.append(Task(f"{op.operation_id}-T{len(op.tasks) + 1}", name, target.agency,
                                 target.entity_id, target.domain, target.category))
    refresh_task_officers(op)
    return op, []
