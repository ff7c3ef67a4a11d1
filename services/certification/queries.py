"""Paged, filtered officer lists and an officer's full history, for administrators.

Filters that follow from stored fields (agency, name prefix, domains ever certified)
narrow the database query; status, domain held now, "expiring within N days" and "review
due within N days" depend on the moment: they are decided on facts stored with each
officer (domain.listing_facts), or by replaying the history where those facts are not yet
settled. Cursors are keyed by (name, id), so a page boundary is stable while officers are
added.
"""
from __future__ import annotations

import datetime as dt

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


SORT = [("name", 1), ("_id", 1)]  # the roster's order; an index of the same keys holds it


def _after_prefix(text: str) -> str | None:
    """The least text above every text starting with `text` (code point order, which is
    BSON's), or None when there is none."""
    for i in range(len(text) - 1, -1, -1):
        code = ord(text[i]) + 1
        code = 0xE000 if 0xD800 <= code <= 0xDFFF else code  # no surrogates in BSON text
        if code <= 0x10FFFF:
            return text[:i] + chr(code)
    return None


def _query(flt: dict) -> dict:
    query = {}
    if flt["agency"]:
        query["agency"] = flt["agency"]
    if flt["domain"]:
        query["domains_ever"] = flt["domain"]
    if flt["name_prefix"]:
        # A range, not a regex: it walks the name index and counts (SecantusDB's count
        # refuses some $regex patterns); input is only ever a compared value.
        query["name"] = {"$gte": flt["name_prefix"]}
        above = _after_prefix(flt["name_prefix"])
        if above is not None:
            query["name"]["$lt"] = above
    return query


def _facts(flt: dict, now, config) -> tuple[dict, list]:
    """The moment-dependent filters as a query on the stored facts (domain.listing_facts)
    of officers whose facts are settled by `now` (exact for them), and the index that
    narrows it most."""
    today = local_date(now)
    query, hint = {"listing.settled": {"$lte": now}}, [("listing.status", 1)]
    if flt["status"]:
        query["listing.status"] = flt["status"]
    if flt["domain"]:
        query["listing.domains"] = flt["domain"]
    until = {}
    days = flt["expiring_within_days"]
    if days is not None:  # suspended still runs out; revoked and expired do not
        query["listing.lifecycle"] = {"$in": ["VALID", "SUSPENDED"]}
        until = {"$gte": today.isoformat(),
                 "$lte": (today + dt.timedelta(days=days)).isoformat()}
        hint = [("listing.until", 1)]
    review = flt["review_due_within_days"]
    if review is not None:  # due = review base + interval, on a certificate VALID now
        query["listing.lifecycle"] = "VALID"
        until.setdefault("$gte", today.isoformat())
        query["listing.review_base"] = {"$lte": (today + dt.timedelta(
            days=review - config.review_interval_days)).isoformat()}
        hint = hint if days is not None else [("listing.review_base", 1)]
    if until:
        query["listing.until"] = until
    return query, hint


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


def _filtered_rows(flt, query, now, config) -> list:
    """[name, id] of every officer matching moment-dependent filters, in roster order: the
    settled ones by their stored facts (index-narrowed), the others (a future-effective
    entry, or stored before the facts were) by replaying their history."""
    officers, names = repository.officers(), {"name": 1}
    facts, hint = _facts(flt, now, config)
    rows = [[r["name"], r["_id"]] for r in officers.find({**query, **facts}, names).hint(hint)]
    pending = {r["_id"]: r["name"] for unsettled in ({"$gt": now}, None)
               for r in officers.find({**query, "listing.settled": unsettled}, names)
               .hint([("listing.settled", 1)])}
    loaded = repository.load_many(pending)
    rows += [[name, i] for i, name in pending.items()
             if i in loaded and _matches(loaded[i][0], flt, now, config)]
    return sorted(rows)


def list_officers(raw_filter, request: Page, viewer, config) -> dict:
    """One page of the filtered roster by name, then id (services.common.paging: numbered
    pages by `offset`, or a cursor that is the row's (name, id), so it stays valid while
    officers are added), with the total. Without moment-dependent filters the database
    pages the roster off its (name, _id) index and counts; with them the matching rows
    come from the stored facts (a replay only where those are not settled). Either way
    only the page's records are loaded, in one batch (parsed records are cached by rev)."""
    flt, now, admin = parse_filter(raw_filter), utcnow(), admin_of(viewer)
    if _needs_replay(flt):
        found = paging.of_list(_filtered_rows(flt, _query(flt), now, config), request,
                               key=lambda r: r, kind="name+_id")
        ids = [i for _, i in found["items"]]
    else:
        found = paging.keyed(repository.officers(), _query(flt), SORT, request,
                             projection={"name": 1})
        ids = [r["_id"] for r in found["items"]]
    loaded = repository.load_many(ids)
    found["items"] = [cd.officer_view(loaded[i][0], now, admin_of=admin, config=config)
                      for i in ids if i in loaded]
    return found


def officer_history(officer_id, viewer, config) -> dict:
    """The officer now plus every history entry (effective order)."""
    record, _ = repository.load(officer_id, ["officerId"])
    return {"officer": cd.officer_view(record, utcnow(), admin_of=admin_of(viewer),
                                       config=config),
            "history": cd.history(record)}
