"""The pull feed of qualification changes, for systems that cannot receive webhooks:
every change once, in one order, paged by a cursor that stays valid (see sequence)."""
from __future__ import annotations

import datetime as dt

from services.common import paging
from services.common.clock import as_utc, parse_instant
from services.common.paging import Page
from services.contracts.payloads import Event
from services.delivery import sequence
from services.delivery.documents import FeedEntryDoc


def record(store, clients, event: Event) -> None:
    p = event.payload
    at = parse_instant(p.effective_at)
    domains = list(p.qualified_after)
    # The certificate concerned: the one that counts from the change on, or, when the
    # officer is no longer qualified, the one that counted just before.
    domain = (domains or list(p.qualified_before) or [None])[0]
    certificate_no = None
    if domain is not None:
        when = at if domains else at - dt.timedelta(microseconds=1)
        answer = clients.certification.check_qualifications(
            [{"officer_id": p.officer_id, "domain": domain, "at": when.isoformat()}])[0]
        certificate_no = answer.get("certificate_no")
    entry = {"_id": event.event_id, "officer_id": p.officer_id,
             "agency": p.agency, "domains": domains, "qualified": bool(domains),
             "at": as_utc(at), "certificate_no": certificate_no, "cause": p.cause}

    def insert(session):
        entry["seq"] = sequence.take(session, "qualification_feed", 1)
        FeedEntryDoc._get_collection().insert_one(entry, session=session)
    with store.transaction() as uow:
        uow.run(insert)


def page(request: Page) -> dict:
    """In the order recorded; a cursor is an entry's seq (services.common.paging)."""
    return paging.keyed(FeedEntryDoc._get_collection(), {}, [("seq", 1)], request, _entry)


def _entry(r: dict) -> dict:
    return {"seq": r["seq"], "officer_id": r["officer_id"], "agency": r["agency"],
            "domains": r["domains"], "qualified": r["qualified"],
            "at": as_utc(r["at"]).isoformat(), "certificate_no": r.get("certificate_no"),
            "cause": r.get("cause")}
