"""Paged, filtered officer lists and an officer's full history, for administrators.

Filters that follow from stored fields (agency, name prefix, domains ever certified)
narrow the database query; status, domain held now and "expiring within N days" depend on
the moment, so they are decided by replaying each candidate's history. Pages are keyed
by (name, id), so a page boundary is stable while officers are added.
"""
from __future__ import annotations

import base64
import datetime as dt
import json
import re

from services.certification import domain as cd
from services.certification import roster
from services.certification.access import admin_of
from services.common.clock import local_date, utcnow
from services.common.errors import InvalidInput

MAX_PAGE = 100
MAX_EXPORT = 10_000  # one spreadsheet of a whole filtered roster
SCAN_BATCH = 200
MAX_EXPIRY_DAYS = 3660


def encode_cursor(name: str, officer_id: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([name, officer_id]).encode()).decode()


def decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        name, officer_id = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        if isinstance(name, str) and isinstance(officer_id, str):
            return name, officer_id
    except (ValueError, TypeError, AttributeError):
        pass
    raise InvalidInput("after is not a cursor this list returned", ["after"])


def _enum(enum_cls, value, field):
    return None if value is None else cd.enums.parse_enum(enum_cls, value, field).value


def parse_filter(raw: dict | None) -> dict:
    raw = raw or {}
    days = raw.get("expiring_within_days")
    if days is not None and (isinstance(days, bool) or not isinstance(days, int)
                             or not 0 <= days <= MAX_EXPIRY_DAYS):
        raise InvalidInput(f"expiringWithinDays must be 0..{MAX_EXPIRY_DAYS}",
                           ["filter", "expiringWithinDays"])
    review = raw.get("review_due_within_days")
    if review is not None and (isinstance(review, bool) or not isinstance(review, int)
                               or not 0 <= review <= MAX_EXPIRY_DAYS):
        raise InvalidInput(f"reviewDueWithinDays must be 0..{MAX_EXPIRY_DAYS}",
                           ["filter", "reviewDueWithinDays"])
    prefix = raw.get("name_prefix")
    if prefix is not None and (not isinstance(prefix, str) or len(prefix) > cd.record.MAX_NAME):
        raise InvalidInput("namePrefix must be a short text", ["filter", "namePrefix"])
    return {"agency": _enum(cd.Agency, raw.get("agency"), "agency"),
            "domain": _enum(cd.EnforcementDomain, raw.get("domain"), "domain"),
            "status": _enum(cd.OfficerStatus, raw.get("status"), "status"),
            "expiring_within_days": days, "review_due_within_days": review,
            "name_prefix": prefix or None}


def _query(flt: dict, after) -> dict:
    query = {}
    if flt["agency"]:
        query["agency"] = flt["agency"]
    if flt["domain"]:
        query["domains_ever"] = flt["domain"]
    if flt["name_prefix"]:
        # Escaped text inside a fixed `^...` pattern: input never becomes an operator.
        query["name"] = {"$regex": "^" + re.escape(flt["name_prefix"])}
    if after:
        name, officer_id = after
        query["$or"] = [{"name": {"$gt": name}}, {"name": name, "_id": {"$gt": officer_id}}]
    return query


def _matches(record, flt, now, config) -> bool:
    view = None
    if flt["status"] or flt["domain"] or flt["review_due_within_days"] is not None:
        view = cd.officer_view(record, now, config=config)
    if flt["status"] and view["status"] != flt["status"]:
        return False
    if flt["domain"] and not (view["certificate"] and flt["domain"] in
                              view["certificate"]["domains"]):
        return False
    review = flt["review_due_within_days"]
    if review is not None:
        cert = view["certificate"]
        if not cert or cert["status"] != "VALID" or dt.date.fromisoformat(
                cert["next_review_due"]) > local_date(now) + dt.timedelta(days=review):
            return False
    days = flt["expiring_within_days"]
    return days is None or cd.expires_within(record, now, days)


def list_officers(raw_filter, first, after, viewer, config) -> dict:
    if isinstance(first, bool) or not isinstance(first, int) or not 1 <= first <= MAX_PAGE:
        raise InvalidInput(f"first must be 1..{MAX_PAGE}", ["first"])
    flt, now = parse_filter(raw_filter), utcnow()
    position = decode_cursor(after) if after else None
    found, admin = [], admin_of(viewer)
    while len(found) <= first:
        batch = list(roster.officers().find(_query(flt, position))
                     .sort([("name", 1), ("_id", 1)]).limit(SCAN_BATCH))
        for raw in batch:
            record = roster.record_from_raw(raw)
            if _matches(record, flt, now, config):
                found.append(record)
        if len(batch) < SCAN_BATCH:
            break
        position = (batch[-1]["name"], batch[-1]["_id"])
    page = found[:first]
    return {"edges": [{"cursor": encode_cursor(r.name, r.id),
                       "node": cd.officer_view(r, now, admin_of=admin, config=config)}
                      for r in page],
            "has_next_page": len(found) > first,
            "end_cursor": encode_cursor(page[-1].name, page[-1].id) if page else None}


def _needs_replay(flt) -> bool:
    return bool(flt["status"] or flt["domain"] or flt["expiring_within_days"] is not None
                or flt["review_due_within_days"] is not None)


def page_officers(raw_filter, offset, limit, viewer, config) -> dict:
    """One numbered page and the total, for tables with page numbers and for exports.
    Stored-field filters narrow the query (ids only, in page order); filters that depend
    on the moment replay the candidates (parsed records are cached by rev). Counting is
    done here, not by count_documents: SecantusDB's count refuses some $regex patterns."""
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise InvalidInput("offset must be 0 or more", ["offset"])
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_EXPORT:
        raise InvalidInput(f"limit must be 1..{MAX_EXPORT}", ["limit"])
    flt, now, admin = parse_filter(raw_filter), utcnow(), admin_of(viewer)
    ids = [raw["_id"] for raw in roster.officers().find(_query(flt, None), {"_id": 1})
           .sort([("name", 1), ("_id", 1)])]
    if _needs_replay(flt):
        loaded = roster.load_many(ids)
        matching = [loaded[i][0] for i in ids
                    if i in loaded and _matches(loaded[i][0], flt, now, config)]
        total, records = len(matching), matching[offset:offset + limit]
    else:
        wanted = ids[offset:offset + limit]
        loaded = roster.load_many(wanted)
        total, records = len(ids), [loaded[i][0] for i in wanted if i in loaded]
    return {"total": total, "offset": offset,
            "items": [cd.officer_view(r, now, admin_of=admin, config=config) for r in records]}


def officer_history(officer_id, viewer, config) -> dict:
    """The officer now plus every history entry (effective order)."""
    record, _ = roster.load(officer_id, ["officerId"])
    return {"officer": cd.officer_view(record, utcnow(), admin_of=admin_of(viewer),
                                       config=config),
            "history": cd.history(record)}
