"""Complaints about officers' conduct (投诉): received from the public (anonymous allowed)
or from staff, acknowledged within a number of working days (Chinese calendar), and
able to open a finding (source COMPLAINT) that stays linked to them."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Iterable

from services.accountability.domain import codec
from services.accountability.domain.text import plain_text
from services.common.clock import local_date, parse_instant
from services.common.errors import DomainError, InvalidInput
from services.common.workdays import add_workdays
from services.contracts import events
from services.contracts.vocabulary import Agency, COMPLAINT_ORIGINS

# Config knob: working days after the day of receipt by which a complaint is acknowledged
ACKNOWLEDGE_WORKDAYS = 5
MAX_OFFICERS = 10
MAX_CONTACT = 200
RECEIVED, ACKNOWLEDGED, FINDING_OPENED = (
    events.COMPLAINT_RECEIVED, events.COMPLAINT_ACKNOWLEDGED, events.COMPLAINT_FINDING_OPENED)
AGENCIES = tuple(a.value for a in Agency)


@dataclasses.dataclass(frozen=True)
class Complaint:
    complaint_id: str
    origin: str                       # PUBLIC | STAFF
    agency: str                       # whose officers it is about
    description: str
    received_at: dt.datetime
    acknowledge_by: dt.date           # civil date (Asia/Shanghai), last day to acknowledge
    anonymous: bool = False
    complainant: str | None = None    # name, absent when anonymous
    contact: str | None = None        # how to answer them, absent when anonymous
    officer_ids: tuple[str, ...] = ()  # the officers complained about, where known
    status: str = "RECEIVED"
    acknowledged_at: dt.datetime | None = None
    acknowledgment: str | None = None  # what the complainant was told
    finding_ids: tuple[str, ...] = ()
    received_by: dict | None = None    # Actors (services.common.actor)
    acknowledged_by: dict | None = None

    def to_dict(self) -> dict:
        return codec.dump(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Complaint":
        return codec.load(cls, data)

    def overdue_on(self, day: dt.date) -> bool:
        return self.status == "RECEIVED" and day > self.acknowledge_by


def _optional(value, field: str, limit: int) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return plain_text(value, ["input", field], limit)


def receive(complaint_id: str, data: dict, origin: str, now: dt.datetime,
            workdays: int = ACKNOWLEDGE_WORKDAYS) -> tuple[Complaint, list]:
    """A new complaint, to be acknowledged `workdays` working days after the day it was
    received. A public complaint without a name is anonymous. Raises INVALID_INPUT."""
    if origin not in COMPLAINT_ORIGINS:
        raise InvalidInput(f"origin must be one of {', '.join(COMPLAINT_ORIGINS)}",
                           ["input", "origin"])
    if data.get("agency") not in AGENCIES:
        raise InvalidInput(f"agency must be one of {', '.join(AGENCIES)}", ["input", "agency"])
    officers = data.get("officer_ids") or []
    if (not isinstance(officers, list) or len(officers) > MAX_OFFICERS
            or any(not isinstance(o, str) or not o.strip() or len(o) > 100 for o in officers)):
        raise InvalidInput(f"at most {MAX_OFFICERS} officer ids", ["input", "officerIds"])
    name = _optional(data.get("complainant"), "complainant", 100)
    anonymous = bool(data.get("anonymous")) or name is None
    now = parse_instant(now)
    complaint = Complaint(
        complaint_id, origin, data["agency"],
        plain_text(data.get("description"), ["input", "description"]), now,
        add_workdays(local_date(now), workdays), anonymous,
        None if anonymous else name,
        None if anonymous else _optional(data.get("contact"), "contact", MAX_CONTACT),
        tuple(dict.fromkeys(o.strip() for o in officers)))
    # names and contacts stay in the complaint; the event carries ids and dates only
    return complaint, [(RECEIVED, {
        "complaint_id": complaint_id, "origin": origin, "agency": complaint.agency,
        "anonymous": anonymous, "officer_ids": list(complaint.officer_ids),
        "received_at": now.isoformat(), "acknowledge_by": complaint.acknowledge_by.isoformat()})]


def acknowledge(complaint: Complaint, text, now: dt.datetime) -> tuple[Complaint, list]:
    """RECEIVED -> ACKNOWLEDGED with what the complainant was told; late is kept (the
    event says whether it was). Raises INVALID_TRANSITION, INVALID_INPUT."""
    if complaint.status != "RECEIVED":
        raise DomainError("INVALID_TRANSITION", f"complaint {complaint.complaint_id} is "
                          f"{complaint.status}; cannot acknowledge", ["input", "complaintId"])
    now = parse_instant(now)
    done = dataclasses.replace(complaint, status="ACKNOWLEDGED", acknowledged_at=now,
                               acknowledgment=plain_text(text, ["input", "acknowledgment"]))
    return done, [(ACKNOWLEDGED, {
        "complaint_id": complaint.complaint_id, "acknowledged_at": now.isoformat(),
        "acknowledge_by": complaint.acknowledge_by.isoformat(),
        "late": local_date(now) > complaint.acknowledge_by})]


def link_finding(complaint: Complaint, finding_id: str, officer_id: str
                 ) -> tuple[Complaint, list]:
    """The finding opened from the complaint, kept on it (and the event says so)."""
    linked = dataclasses.replace(complaint, finding_ids=complaint.finding_ids + (finding_id,))
    return linked, [(FINDING_OPENED, {"complaint_id": complaint.complaint_id,
                                      "finding_id": finding_id, "officer_id": officer_id})]


def overdue(complaints: Iterable[Complaint], now: dt.datetime) -> list[Complaint]:
    """Complaints still unacknowledged after their last day (Asia/Shanghai), oldest due
    first."""
    today = local_date(parse_instant(now))
    return sorted((c for c in complaints if c.overdue_on(today)),
                  key=lambda c: (c.acknowledge_by, c.complaint_id))
