"""Paged, filtered officer lists and an officer's full history, for administrators.

Filters that follow from stored fields (agency, name prefix, domains ever certified)
narrow the database query; status, domain held now and "expiring within N days" depend on
the moment, so they are decided by replaying each candidate's history. Cursors are keyed
by (name, id), so a page boundary is stable while officers are added.
"""
from __future__ import annotations

import datetime as dt
import re

from services.certification import domain as cd
from services.certification import repository
from services.certification.access import admin_of
from services.common import paging
from services.common.clock import local_date, utcnow
from services.common.errors import InvalidInput
from services.common.paging import Page

MAX_EXPORT = 10_000  # one spreadsheet of a whole filtered roster
MAX_EXPIRY_DAYS = 3660


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


def _query(flt: dict) -> dict:
    query = {}
    if flt["agency"]:
        query["agency"] = flt["agency"]
    if flt["domain"]:
        query["domains_ever"] = flt["domain"]
    if flt["name_prefix"]:
        # Escaped text inside a fixed `^...` pattern: input never becomes an operator.
        query["name"] = {"$regex": "^" + re.escape(flt["name_prefix"])}
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


def _needs_replay(flt) -> bool:
    return bool(flt["status"] or flt["domain"] or flt["expiring_within_days"] is not None
                or flt["review_due_within_days"] is not None)


def list_officers(raw_filter, request: Page, viewer, config) -> dict:
    """One page of the filtered roster by name, then id (services.common.paging: numbered
    pages by `offset`, or a cursor that is the row's (name, id), so it stays valid while
    officers are added), with the total. Stored-field filters narrow the query (names and
    ids only); filters that depend on the moment replay the candidates (parsed records are
    cached by rev). Counting is done here, not by count_documents: SecantusDB's count
    refuses some $regex patterns."""
    flt, now, admin = parse_filter(raw_filter), utcnow(), admin_of(viewer)
    rows = [[raw["name"], raw["_id"]] for raw in repository.officers().find(
        _query(flt), {"_id": 1, "name": 1}).sort([("name", 1), ("_id", 1)])]
    if _needs_replay(flt):
        loaded = repository.load_many([i for _, i in rows])
        rows = [r for r in rows if r[1] in loaded and _matches(loaded[r[1]][0], flt, now, config)]
    found = paging.of_list(rows, request, key=lambda r: r, kind="name+_id")
    loaded = repository.load_many([i for _, i in found["items"]])
    found["items"] = [cd.officer_view(loaded[i][0], now, admin_of=admin, config=config)
                      for _, i in found["items"] if i in loaded]
    return found


def officer_history(officer_id, viewer, config) -> dict:
    """The officer now plus every history entry (effective order)."""
    record, _ = repository.load(officer_id, ["officerId"])
    return {"officer": cd.officer_view(record, utcnow(), admin_of=admin_of(viewer),
                                       config=config),
            "history": cd.history(record)}
