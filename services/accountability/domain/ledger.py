"""The rectification ledger: what must be put right, by whom, by when."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Iterable

from services.contracts.vocabulary import LEDGER_STATUSES
from services.accountability.domain import codec
from services.accountability.domain.text import plain_text
from services.common.clock import local_date, parse_instant
from services.common.errors import DomainError, InvalidInput
from services.common.workdays import add_workdays

# Config knob: default deadline, working days after the day the item is opened.
DEFAULT_DEADLINE_WORKDAYS = 10
MAX_DEADLINE_WORKDAYS = 250  # about a year: a longer deadline is not a rectification plan
STATUSES = LEDGER_STATUSES
OPENED = "accountability.ledger_item_opened.v1"
RECTIFIED = "accountability.ledger_item_rectified.v1"
VERIFIED = "accountability.ledger_item_verified.v1"
OVERDUE = "accountability.ledger_item_overdue.v1"


@dataclasses.dataclass(frozen=True)
class LedgerItem:
    item_id: str
    owner: str
    description: str
    opened_at: dt.datetime
    deadline: dt.date
    status: str = "OPEN"
    finding_ids: tuple[str, ...] = ()
    on_the_spot: bool = False
    rectified_at: dt.datetime | None = None
    rectified_by: str | None = None
    evidence: tuple[str, ...] = ()
    verified_at: dt.datetime | None = None
    verified_by: str | None = None
    overdue_at: dt.datetime | None = None
    # Actors (services.common.actor); rectified_by / verified_by keep the subjects the
    # SAME_PERSON rule compares.
    opened_by: dict | None = None
    rectified_by_actor: dict | None = None
    verified_by_actor: dict | None = None

    def to_dict(self) -> dict:
        return codec.dump(self)

    @classmethod
    def from_dict(cls, data: dict) -> "LedgerItem":
        return codec.load(cls, data)


def _refuse(item: LedgerItem, action: str):
    raise DomainError("INVALID_TRANSITION", f"ledger item {item.item_id} is {item.status}; "
                      f"cannot {action}", ["input", "itemId"])


def open_item(item_id: str, owner: str, description: str, now: dt.datetime, *,
              finding_ids: Iterable[str] = (),
              deadline_workdays: int = DEFAULT_DEADLINE_WORKDAYS) -> tuple[LedgerItem, list]:
    """Open an item due `deadline_workdays` working days after today (Asia/Shanghai).
    Raises INVALID_INPUT. Returns (item, events)."""
    if not owner:
        raise InvalidInput("an owner is required", ["input", "owner"])
    if (isinstance(deadline_workdays, bool) or not isinstance(deadline_workdays, int)
            or not 0 <= deadline_workdays <= MAX_DEADLINE_WORKDAYS):
        raise InvalidInput(f"deadline must be 0..{MAX_DEADLINE_WORKDAYS} working days",
                           ["input", "deadlineWorkdays"])
    now = parse_instant(now)
    item = LedgerItem(item_id, owner, plain_text(description, ["input", "description"]), now,
                      add_workdays(local_date(now), deadline_workdays),
                      finding_ids=tuple(finding_ids))
    return item, [(OPENED, _payload(item, "owner", "description", "opened_at", "deadline",
                                    "finding_ids", "on_the_spot"))]


def rectify(item: LedgerItem, now: dt.datetime, evidence: Iterable[str],
            rectified_by: str | None = None) -> tuple[LedgerItem, list]:
    """OPEN or OVERDUE -> RECTIFIED (late rectification still counts, the lateness stays
    on record in overdue_at). Raises INVALID_INPUT (no evidence), INVALID_TRANSITION."""
    if item.status not in ("OPEN", "OVERDUE"):
        _refuse(item, "rectify")
    evidence = tuple(e for e in evidence if isinstance(e, str) and e.strip())
    if not evidence:
        raise InvalidInput("rectification needs evidence", ["input", "evidence"])
    item = dataclasses.replace(item, status="RECTIFIED", rectified_at=parse_instant(now),
                               rectified_by=rectified_by, evidence=evidence)
    return item, [(RECTIFIED, _payload(item, "owner", "rectified_at", "evidence"))]


def verify(item: LedgerItem, now: dt.datetime, verified_by: str) -> tuple[LedgerItem, list]:
    """RECTIFIED -> VERIFIED by a second person. Raises INVALID_TRANSITION,
    SAME_PERSON (whoever recorded the rectification cannot also verify it)."""
    if item.status != "RECTIFIED":
        _refuse(item, "verify")
    if not verified_by:
        raise InvalidInput("verified_by is required", ["input", "verifiedBy"])
    if verified_by == item.rectified_by:
        raise DomainError("SAME_PERSON", "verification needs someone other than whoever "
                          "recorded the rectification", ["input", "itemId"])
    item = dataclasses.replace(item, status="VERIFIED", verified_at=parse_instant(now),
                               verified_by=verified_by)
    return item, [(VERIFIED, _payload(item, "owner", "verified_at", "verified_by"))]


def fix_on_the_spot(item_id: str, owner: str, description: str, now: dt.datetime,
                    evidence: Iterable[str], *, finding_ids: Iterable[str] = (),
                    rectified_by: str | None = None):
    """"Fix on the spot": opened and RECTIFIED in one step. Returns (item, events)."""
    item, opened = open_item(item_id, owner, description, now, finding_ids=finding_ids,
                             deadline_workdays=0)
    item, rectified = rectify(dataclasses.replace(item, on_the_spot=True), now, evidence,
                              rectified_by)
    opened[0][1]["on_the_spot"] = True
    return item, opened + rectified


def mark_overdue(items: Iterable[LedgerItem], now: dt.datetime) -> tuple[list[LedgerItem], list]:
    """OPEN items past their deadline -> OVERDUE. Returns (only the changed items, events);
    an item already OVERDUE is not OPEN, so each raises its event exactly once."""
    now = parse_instant(now)
    today, changed, events = local_date(now), [], []
    for item in items:
        if item.status == "OPEN" and today > item.deadline:
            item = dataclasses.replace(item, status="OVERDUE", overdue_at=now)
            changed.append(item)
            events.append((OVERDUE, {**_payload(item, "owner", "deadline"),
                                     "detected_at": now.isoformat()}))
    return changed, events


def _payload(item: LedgerItem, *names: str) -> dict:
    data = item.to_dict()
    return {"item_id": item.item_id, **{n: data[n] for n in names}}
