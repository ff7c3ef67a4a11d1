"""Reading and writing the accountability model: documents <-> domain dataclasses, and
the queries the service answers (keyed pages, an officer's record, period counts)."""
from __future__ import annotations

import dataclasses
import datetime as dt

from services.accountability.documents import (ComplaintDoc, FindingDoc, LedgerItemDoc,
                                               SanctionDoc)
from services.accountability.domain import Finding, LedgerItem, Sanction, codec
from services.accountability.domain.complaints import Complaint
from services.accountability.domain.records import (counts_from_rows, officer_record,
                                                    period_counts_pipeline)
from services.common.clock import utcnow
from services.common import paging
from services.common.paging import Page

# document class -> (domain class, the domain's name for the primary key)
MODEL = {FindingDoc: (Finding, "finding_id"), SanctionDoc: (Sanction, "sanction_id"),
         LedgerItemDoc: (LedgerItem, "item_id"), ComplaintDoc: (Complaint, "complaint_id")}


def stored_now() -> dt.datetime:
    """Now, to the millisecond: BSON dates keep no more, and what a command returns and
    announces must equal what a later read gives back."""
    now = utcnow()
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def _stored(value):
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def to_doc(doc_cls, obj, version: int = 0):
    fields = {f.name: _stored(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    extra = {"version": version} if "version" in doc_cls._fields else {}
    return doc_cls(id=fields.pop(MODEL[doc_cls][1]), **fields, **extra)


def from_doc(doc):
    cls, key = MODEL[type(doc)]
    data = {name: doc[name] for name in cls.__dataclass_fields__ if name != key}
    return codec.load(cls, {**data, key: doc.id})


def load(doc_cls, **query) -> list:
    return [from_doc(d) for d in doc_cls.objects(**query)]


def get(doc_cls, ident: str):
    doc = doc_cls.objects(id=ident).first()
    return from_doc(doc) if doc else None


def load_versioned(doc_cls, **query) -> list[tuple]:
    """(domain object, stored version) pairs: a later save is refused if someone else
    changed the row in between (UnitOfWork.save with expect_version)."""
    return [(from_doc(d), d.version) for d in doc_cls.objects(**query)]


# ---- pages, newest first, keyed by (time, id): a cursor stays valid as rows are added
def page(doc_cls, time_field: str, query: dict, request: Page) -> dict:
    return paging.keyed(doc_cls._get_collection(), query, [(time_field, -1), ("_id", -1)],
                        request, lambda raw: from_doc(doc_cls._from_son(raw)).to_dict())


# ---- records and figures
def record_of(officer_id: str) -> dict:
    findings = load(FindingDoc, officer_id=officer_id)
    ids = [f.finding_id for f in findings]
    items = [from_doc(d) for d in LedgerItemDoc.objects(
        __raw__={"$or": [{"owner": officer_id}, {"finding_ids": {"$in": ids}}]})]
    return officer_record(officer_id, findings, load(SanctionDoc, officer_id=officer_id), items)


def period_counts(start, end) -> dict:
    rows = FindingDoc._get_collection().aggregate(period_counts_pipeline(start, end))
    return counts_from_rows(rows)
