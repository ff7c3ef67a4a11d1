"""The register of rule-of-law activities (法治建设活动台账): what the annual report counts
that no enforcement record holds, typed by kind, each entry saying who recorded it.

It lives with accountability because that context is the legal-affairs office's (法制
科), which compiles the rule-of-law report; planners record their own meetings too. One
entry may stand for several of a kind (`quantity`: "12 normative documents cleared"), so
a year's count of a kind is the sum of its entries' quantities.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Iterable

from services.accountability.domain import codec
from services.accountability.domain.text import plain_text
from services.common.clock import local_date, parse_instant
from services.common.errors import InvalidInput
from services.contracts.vocabulary import ACTIVITY_KINDS, MAX_ACTIVITY_QUANTITY, MAX_TITLE

ACTIVITY_RECORDED = "accountability.rule_of_law_activity_recorded.v1"
KINDS = ACTIVITY_KINDS  # kind -> the report's wording (Chinese first, English second)
AGENCIES = ("CULTURE", "TRANSPORT")
MAX_QUANTITY = MAX_ACTIVITY_QUANTITY


@dataclasses.dataclass(frozen=True)
class Activity:
    activity_id: str
    kind: str
    agency: str
    title: str
    held_on: dt.date
    quantity: int
    recorded_by: str
    recorded_at: dt.datetime

    def to_dict(self) -> dict:
        return codec.dump(self)


def record_activity(activity_id: str, kind, agency, title, held_on: dt.date, quantity,
                    recorded_by: str, now: dt.datetime) -> tuple[Activity, list]:
    """Raises INVALID_INPUT."""
    if kind not in KINDS:
        raise InvalidInput(f"kind must be one of {', '.join(KINDS)}", ["input", "kind"])
    if agency not in AGENCIES:
        raise InvalidInput(f"agency must be one of {', '.join(AGENCIES)}", ["input", "agency"])
    if isinstance(quantity, bool) or not isinstance(quantity, int) or \
            not 1 <= quantity <= MAX_QUANTITY:
        raise InvalidInput(f"quantity must be a whole number 1..{MAX_QUANTITY}",
                           ["input", "quantity"])
    if not isinstance(held_on, dt.date) or held_on > local_date(now):  # what happened
        raise InvalidInput("heldOn must be a date not in the future", ["input", "heldOn"])
    activity = Activity(activity_id, kind, agency, plain_text(title, ["input", "title"],
                                                               MAX_TITLE),
                        held_on, quantity, recorded_by, parse_instant(now))
    return activity, [(ACTIVITY_RECORDED, activity.to_dict())]


def counts(rows: Iterable[dict]) -> list[dict]:
    """[{kind, count}] for every kind, in the register's order: rows are stored entries
    ({kind, quantity}) of one agency and year."""
    totals = dict.fromkeys(KINDS, 0)
    for row in rows:
        totals[row["kind"]] += int(row.get("quantity") or 1)
    return [{"kind": kind, "count": n} for kind, n in totals.items()]
