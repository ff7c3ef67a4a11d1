"""Legal deadlines: decision within N calendar days of filing, publication within N
working days of the decision (Chinese calendar, make-up working days included)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from services.common.clock import local_date
from services.common.workdays import add_workdays
from services.enforcement.domain import events

DECISION, PUBLICATION = "DECISION", "PUBLICATION"
_OPEN = ("FILED", "UNDER_INVESTIGATION", "RIGHTS_NOTIFIED", "LEGAL_REVIEW")


def decision_due(filed_at: dt.datetime, catalogue) -> dt.date:
    return local_date(filed_at) + dt.timedelta(days=catalogue.decision_days)


def publication_due(decided_at: dt.datetime, catalogue) -> dt.date:
    return add_workdays(local_date(decided_at), catalogue.publication_workdays)


def publication_late(published_at: dt.datetime, due: dt.date) -> bool:
    """Late when published (local civil date) after the due day; the due day is in time."""
    return local_date(published_at) > due


@dataclass(frozen=True)
class OverdueItem:
    case_id: str
    agency: str
    kind: str          # DECISION | PUBLICATION
    due: dt.date


def overdue_items(cases, now: dt.datetime) -> list[OverdueItem]:
    """Cases past their decision or publication due date that are still not done."""
    today, items = local_date(now), []
    for case in cases:
        if case.state in _OPEN and today > case.decision_due:
            items.append(OverdueItem(case.id, case.agency, DECISION, case.decision_due))
        waiting = case.state in ("DECIDED", "SERVED") and case.publication is None
        if (waiting and case.decision and case.decision.publication_required
                and case.publication_due and today > case.publication_due):
            items.append(OverdueItem(case.id, case.agency, PUBLICATION, case.publication_due))
    return items


def report_overdue(case, now: dt.datetime):
    """Events for this case's newly overdue deadlines (each kind announced once)."""
    raised = []
    for item in overdue_items([case], now):
        if item.kind not in case.overdue_reported:
            case.overdue_reported.append(item.kind)
            raised.append(events.make(events.DEADLINE_OVERDUE, case_id=item.case_id,
                                      agency=item.agency, kind=item.kind, due=item.due))
    return raised
