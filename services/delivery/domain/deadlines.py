"""The legal deadline of a platform delivery, pure.

A penalty decision must be public within 7 working days of the decision (the case core
computes that day: the event's `publication_due`); an inspection record goes to the
provincial supervision platform, and draw results to the culture-market platform, within
7 working days of the inspection or publication. The deadline is a civil date in
Asia/Shanghai; the delivery is late from local midnight after it (`due_by`, UTC).
"""
from __future__ import annotations

import datetime as dt

from services.common.clock import local_date, local_midnight, parse_instant
from services.common.workdays import add_workdays
from services.contracts.payloads import (
    DecisionPublished, InspectionRecorded, Payload, ResultsPublished)

RECORD_WORKDAYS = 7  # inspections and draw results: the record's day + 7 working days


def due_on(payload: Payload, occurred_at: dt.datetime) -> dt.date:
    """The last day (Asia/Shanghai) the record announced by `payload` may reach its
    platforms."""
    if isinstance(payload, DecisionPublished):
        return dt.date.fromisoformat(payload.publication_due)
    if isinstance(payload, ResultsPublished):
        start = dt.date.fromisoformat(payload.published_on)
    elif isinstance(payload, InspectionRecorded):
        start = local_date(parse_instant(payload.performed_at))
    else:
        start = local_date(occurred_at)
    return add_workdays(start, RECORD_WORKDAYS)


def due_by(day: dt.date) -> dt.datetime:
    """The moment (UTC) a delivery due on `day` becomes late: local midnight after it."""
    return local_midnight(day + dt.timedelta(days=1))


def is_late(delivered_at: dt.datetime, day: dt.date) -> bool:
    return delivered_at >= due_by(day)
