"""The joint-operation aggregate: plain dataclasses that turn into dicts and back."""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from services.contracts.vocabulary import OPERATION_STATUSES
from services.common.clock import as_utc, parse_instant

AGENCIES = ("CULTURE", "TRANSPORT")
DOMAINS = ("CULTURE_MARKET", "PUBLICATION", "RADIO_TV", "TOURISM", "ROAD_TRANSPORT")
STATUSES = OPERATION_STATUSES
MIN_QUALIFIED = 2  # Administrative Penalty Law art. 42: at least two officers per action


def iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else as_utc(moment).isoformat()


def parse(value) -> dt.datetime | None:
    """ISO string or datetime (naive = UTC, as MongoDB returns it) -> aware UTC."""
    return None if value is None else parse_instant(value)


def _flat(cls, data: dict):
    return cls(**{f.name: data[f.name] for f in dataclasses.fields(cls) if f.name in data})


@dataclass
class Member:
    officer_id: str
    agency: str
    domain: str


@dataclass
class Team:
    name: str
    members: list[Member] = field(default_factory=list)
    # Domains that fell below MIN_QUALIFIED while LAUNCHED (kept so planners can query it).
    understaffed: list[str] = field(default_factory=list)

    def domain_count(self, domain: str) -> int:
        return sum(m.domain == domain for m in self.members)


@dataclass
class Task:
    task_id: str
    team: str
    agency: str
    entity_id: str
    domain: str
    category: str = ""
    officer_ids: list[str] = field(default_factory=list)
    inspection_id: str | None = None
    violation_found: bool | None = None

    @property
    def done(self) -> bool:
        return self.inspection_id is not None


@dataclass
class Alert:
    alert_id: str
    kind: str  # MEMBER_DISQUALIFIED | TEAM_UNDERSTAFFED
    team: str
    at: dt.datetime
    officer_id: str | None = None
    domain: str | None = None
    reasons: list[str] = field(default_factory=list)


@dataclass
class JointOperation:
    operation_id: str
    name: str
    legal_basis: str
    lead_agency: str
    agencies: list[str]
    starts_at: dt.datetime
    ends_at: dt.datetime
    areas: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)
    status: str = "DRAFT"
    teams: list[Team] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    planned_at: dt.datetime | None = None
    launched_at: dt.datetime | None = None
    closed_at: dt.datetime | None = None  # completed or cancelled
    cancel_reason: str | None = None

    def team(self, name: str) -> Team | None:
        return next((t for t in self.teams if t.name == name), None)

    def member(self, officer_id: str) -> tuple[Team, Member] | None:
        return next(((t, m) for t in self.teams for m in t.members
                     if m.officer_id == officer_id), None)

    def to_dict(self) -> dict:
        data = dataclasses.asdict(self)
        for name in ("starts_at", "ends_at", "planned_at", "launched_at", "closed_at"):
            data[name] = iso(data[name])
        for alert in data["alerts"]:
            alert["at"] = iso(alert["at"])
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "JointOperation":
        data = dict(data)
        for name in ("starts_at", "ends_at", "planned_at", "launched_at", "closed_at"):
            data[name] = parse(data.get(name))
        data["teams"] = [Team(t["name"], [_flat(Member, m) for m in t["members"]],
                              list(t.get("understaffed", []))) for t in data.get("teams", [])]
        data["tasks"] = [_flat(Task, t) for t in data.get("tasks", [])]
        data["alerts"] = [_flat(Alert, {**a, "at": parse(a["at"])}) for a in data.get("alerts", [])]
        return _flat(cls, data)
