"""The register of rule-of-law activities (entries, lists) and the accountability
service's annual figures: findings, sanctions by measure, activities by kind."""
from __future__ import annotations

import datetime as dt
import uuid

from services.accountability import repository as repo
from services.accountability.commands import _KEY_NS, acting_user
from services.accountability.documents import ActivityDoc, FindingDoc, SanctionDoc
from services.accountability.domain import activities
from services.accountability.domain.sanctions import MEASURES
from services.common.clock import check_year, parse_day, parse_instant, year_bounds
from services.common import paging
from services.common.errors import DomainError, InvalidInput
from services.common.paging import Page

OFFICERS_PER_CALL = 1000


def _date(value) -> dt.date:
    return parse_day(value, ["input", "heldOn"])


def _agency(data: dict, actor: dict | None) -> str | None:
    """The register written to: the caller's own agency when their token names one."""
    own, asked = (actor or {}).get("agency"), data.get("agency")
    if own and asked and own != asked:
        raise DomainError("FORBIDDEN", f"a {own} user records in the {own} register",
                          ["input", "agency"])
    return asked or own


def record(store, data, actor) -> dict:
    data = data if isinstance(data, dict) else {}
    key = data.get("request_key")  # a retried request finds what the first one stored
    ident = uuid.uuid5(_KEY_NS, f"activity:{key}").hex if key else uuid.uuid4().hex
    existing = ActivityDoc._get_collection().find_one({"_id": ident})
    if existing is not None:
        return view(existing)
    activity, events = activities.record_activity(
        ident, data.get("kind"), _agency(data, actor), data.get("title"),
        _date(data.get("held_on")), data.get("quantity", 1), acting_user(actor),
        repo.stored_now())
    doc = ActivityDoc(id=activity.activity_id, kind=activity.kind, agency=activity.agency,
                      title=activity.title, held_on=activity.held_on.isoformat(),
                      quantity=activity.quantity, recorded_by=activity.recorded_by,
                      recorded_at=activity.recorded_at)
    with store.transaction() as uow:
        uow.insert(doc)
        uow.emit_all(events)
    return activity.to_dict()


def view(doc: dict) -> dict:
    return {"activity_id": doc["_id"], **{k: doc[k] for k in (
        "kind", "agency", "title", "held_on", "quantity", "recorded_by")},
        "recorded_at": parse_instant(doc["recorded_at"]).isoformat()}


def _year_days(year) -> dict:
    year = check_year(year)
    return {"$gte": f"{year}-01-01", "$lte": f"{year}-12-31"}


def list_page(filters: dict | None, request: Page) -> dict:
    """Newest first; filters: agency, kind (exact values), year (of heldOn)."""
    filters, query = filters or {}, {}
    for key, allowed in (("agency", activities.AGENCIES), ("kind", tuple(activities.KINDS))):
        if filters.get(key) is not None:
            if filters[key] not in allowed:
                raise InvalidInput(f"{key} must be one of {', '.join(allowed)}", [key])
            query[key] = filters[key]
    if filters.get("year") is not None:
        query["held_on"] = _year_days(filters["year"])
    return paging.page(ActivityDoc._get_collection(), query, [("held_on", -1), ("_id", -1)],
                       request, view)


def _agencies(certification, officer_ids: set[str]) -> dict[str, str]:
    ids, out = sorted(officer_ids), {}
    for i in range(0, len(ids), OFFICERS_PER_CALL):
        chunk = ids[i:i + OFFICERS_PER_CALL]
        out.update({o: found["agency"] for o, found in zip(
            chunk, certification.get_officers(chunk)) if found})
    return out


def annual_figures(certification, year, agency) -> dict:
    """Findings recorded and sanctions taking effect in the year against the agency's
    officers (their agency asked of certification in one call), and the register's
    activities held in the year, by kind."""
    start, end = year_bounds(check_year(year))
    within = {"$gte": start, "$lt": end}
    findings = list(FindingDoc._get_collection().find({"recorded_at": within},
                                                      {"officer_id": 1}))
    sanctions = list(SanctionDoc._get_collection().find({"effective_at": within},
                                                        {"officer_id": 1, "measure": 1}))
    agency_of = _agencies(certification, {r["officer_id"] for r in findings + sanctions})
    ours = [s["measure"] for s in sanctions if agency_of.get(s["officer_id"]) == agency]
    entries = ActivityDoc._get_collection().find(
        {"agency": agency, "held_on": _year_days(year)}, {"kind": 1, "quantity": 1})
    return {"year": year, "agency": agency,
            "findings": sum(agency_of.get(f["officer_id"]) == agency for f in findings),
            "sanctions": [{"measure": m, "count": ours.count(m)} for m in MEASURES],
            "activities": activities.counts(entries)}
