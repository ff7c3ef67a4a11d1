"""Paged, filtered officer lists and an officer's full history, for administrators.

Lists page over the roster's read model (documents.OfficerListing: one slim row per officer,
written with every save), never over the officer documents, which hold whole histories:
agency, name prefix and domains ever certified are stored fields; status, domain held now,
"expiring within N days" and "review due within N days" depend on the moment and are
decided on the row's facts (domain.listing_facts), or by replaying the history of the few
officers whose facts are not settled yet (a future-effective entry). Cursors are keyed by
(name, id), so a page boundary is stable while officers are added. Only the page's
records are loaded, in one batch.
"""
from __future__ import annotations

import datetime as dt

from services.certification import domain as cd
from services.certification import repository
from services.certification.access import admin_of
from services.certification.repository import listings
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


def _facts(flt: dict, now, config) -> dict:
    """The moment-dependent filters as a query on the rows' facts (domain.listing_facts),
    exact for rows settled by `now`."""
    today = local_date(now)
    query = {"settled": {"$lte": now}}
    if flt["status"]:
        query["status"] = flt["status"]
    if flt["domain"]:
        query["domains"] = flt["domain"]
    until = {}
    days = flt["expiring_within_days"]
    if days is not None:  # suspended still runs out; revoked and expired do not
        query["lifecycle"] = {"$in": ["VALID", "SUSPENDED"]}
        until = {"$gte": today.isoformat(),
                 "$lte": (today + dt.timedelta(days=days)).isoformat()}
    review = flt["review_due_within_days"]
    if review is not None:  # due = review base + interval, on a certificate VALID now
        query["lifecycle"] = "VALID"
        until.setdefault("$gte", today.isoformat())
        query["review_base"] = {"$lte": (today + dt.timedelta(
            days=review - config.review_interval_days)).isoformat()}
    if until:
        query["until"] = until
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


# SecantusDB narrows a query by the index of its FIRST indexed field only (measured: the
# facts of "expiring within 30 days" read 5,000 rows led by `settled`, 4 led by `until`),
# so the field likely to match fewest rows leads: a closed `until` range (expiring), then
# a name prefix, the review base, the agency. An open `until` (review due) matches most.
LEADS = ("name", "review_base", "agency", "domains_ever")


def _ordered(query: dict) -> dict:
    closed = "$lte" in query.get("until", {})
    lead = "until" if closed else next((k for k in LEADS if k in query), None)
    return query if lead is None else {lead: query[lead], **query}


def _depends_on_moment(flt) -> bool:
    return bool(flt["status"] or flt["domain"] or flt["expiring_within_days"] is not None
                or flt["review_due_within_days"] is not None)


def _unsettled(query: dict, now) -> dict:
    """id -> name of the rows the query narrows to whose facts are not settled by `now`
    (a future-effective entry): usually none, found off the `settled` index."""
    rows = listings().find({"settled": {"$gt": now}, **query}, {"name": 1})
    # a row without `settled` (an officer with no history entry) is decided by replay too
    rows = list(rows) + list(listings().find({"settled": None, **query}, {"name": 1}))
    return {r["_id"]: r["name"] for r in rows}


def _page(flt, request: Page, now, config) -> dict:
    """The page of [name, id] rows (or of rows with `_id`) and the total: the database
    pages and counts the read model off its (name, _id) index, unless some candidates
    need a replay; then the matching rows are gathered, merged in roster order and paged
    here (the same cursors either way)."""
    query = _ordered(_query(flt))
    if not _depends_on_moment(flt):
        return paging.keyed(listings(), query, SORT, request, projection={"name": 1})
    pending = _unsettled(query, now)
    facts = _ordered({**query, **_facts(flt, now, config)})
    if not pending:
        return paging.keyed(listings(), facts, SORT, request, projection={"name": 1})
    rows = [{"_id": r["_id"], "name": r["name"]} for r in listings().find(facts, {"name": 1})]
    loaded = repository.load_many(pending)
    rows += [{"_id": i, "name": name} for i, name in pending.items()
             if i in loaded and _matches(loaded[i][0], flt, now, config)]
    return paging.of_list(sorted(rows, key=_key), request, key=_key, kind="name+_id")


def _key(row: dict) -> list:
    return [row["name"], row["_id"]]


def list_officers(raw_filter, request: Page, viewer, config) -> dict:
    """One page of the filtered roster by name, then id (services.common.paging: numbered
    pages by `offset`, or a cursor that is the row's (name, id), so it stays valid while
    officers are added), with the total."""
    flt, now, admin = parse_filter(raw_filter), utcnow(), admin_of(viewer)
    found = _page(flt, request, now, config)
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
