"""Overdue deadlines: which cases are past their decision or publication due date, and
the sweep that announces each one once, the moment it becomes overdue.

The queries only preselect (indexed, in the database); the case core decides
(`report_overdue`), and the case keeps which deadlines it already announced, so running
the sweep twice, or on two replicas at once, announces nothing twice.
"""
from __future__ import annotations

import logging

from services.common.clock import local_date, utcnow
from services.common.errors import DomainError
from services.enforcement import repository, views
from services.enforcement.domain import deadlines
from services.enforcement.domain.case_model import Case

log = logging.getLogger(__name__)
OPEN = ["FILED", "UNDER_INVESTIGATION", "RIGHTS_NOTIFIED", "LEGAL_REVIEW"]
SWEEP_BATCH = 200


def _selectors(today: str, unannounced: bool) -> list[dict]:
    decision = {"state": {"$in": OPEN}, "decision_due": {"$lt": today}}
    publication = {"state": {"$in": ["DECIDED", "SERVED"]},
                   "decision.publication_required": True, "publication_due": {"$lt": today}}
    if unannounced:
        decision["overdue_reported"] = {"$ne": deadlines.DECISION}
        publication["overdue_reported"] = {"$ne": deadlines.PUBLICATION}
    return [decision, publication]


def overdue(docs, viewer=None, now=None) -> list[dict]:
    """Every overdue item now: {case_id, kind, due, case}."""
    now = now or utcnow()
    coll = docs.Case._get_collection()
    found = coll.find({"$or": _selectors(local_date(now).isoformat(), False)}).limit(1000)
    items = []
    for stored in found:
        view = views.case(stored, viewer, now)
        case = Case.from_dict(views.plain(stored))
        items += [{"case_id": i.case_id, "kind": i.kind, "due": i.due.isoformat(),
                   "case": view} for i in deadlines.overdue_items([case], now)]
    return sorted(items, key=lambda i: (i["due"], i["case_id"]))


def sweep(docs, store, now=None) -> int:
    """Announce newly overdue deadlines; returns how many events were raised."""
    now = now or utcnow()
    coll = docs.Case._get_collection()
    ids = [d["_id"] for d in coll.find(
        {"$or": _selectors(local_date(now).isoformat(), True)}, {"_id": 1}).limit(SWEEP_BATCH)]
    raised_total = 0
    for case_id in ids:
        case, version = repository.load_case(docs, case_id)
        raised = deadlines.report_overdue(case, now)
        if not raised:
            continue
        try:
            with store.transaction() as uow:
                repository.save_case(uow, docs, case, version)
                uow.emit_all(raised)
        except DomainError as exc:   # changed meanwhile: the next sweep looks again
            log.info("overdue sweep skipped %s: %s", case_id, exc.code)
            continue
        raised_total += len(raised)
    return raised_total
