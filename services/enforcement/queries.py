"""Reads: cases, the record verifier, published decisions, statistics, operation figures."""
from __future__ import annotations

import datetime as dt

from services.common.clock import LOCAL_TZ
from services.common.errors import InvalidInput, NotFound
from services.enforcement import files, ids, inputs, paging, repository, views
from services.enforcement.domain.case_model import Case
from services.enforcement.domain.publication import public_version
from services.enforcement.domain.statistics import statistics_pipeline

CASE_FILTERS = {"state": "state", "domain": "domain", "entity_id": "entity_id",
                "operation_id": "operation_id", "inspection_id": "inspection_id",
                "violation_code": "violation_code", "major": "decision.major",
                "outcome": "decision.draft.outcome"}
MAX_STATISTICS_DAYS = 3 * 366


def get_cases(docs, wanted, viewer) -> list[dict | None]:
    found = repository.many(docs.Case, inputs.strings(wanted, "ids", 1000))
    return [views.case(found[i], viewer) if i in found else None for i in wanted]


def get_case(docs, case_id, viewer) -> dict:
    return views.case(repository.raw(docs.Case, case_id, "case", ("id",)), viewer)


def list_cases(docs, filters, request, viewer) -> dict:
    filters = inputs.obj(filters, "filter")
    query = {**paging.equal(filters, CASE_FILTERS),
             **paging.period("filed_at", filters.get("from"), filters.get("to"))}
    return paging.page(docs.Case._get_collection(), query, [("filed_at", -1)],
                       request, lambda d: views.case(d, viewer))


def verify_record(docs, ident) -> dict:
    """Whether the full-process record of a case (or an inspection) is intact, and where
    it breaks: an edited entry fails its hash, a removed one a link, a cut tail the head,
    a stored file (evidence, a document) whose bytes changed its entry (FILE_CHANGED)."""
    is_case = ids.kind_of(ident) == ids.CASE
    doc_cls = docs.Case if is_case else docs.Inspection
    stored = repository.raw(doc_cls, ident, "case" if is_case else "inspection", ("id",))
    check = views.record_check(stored.get("record") or [], stored.get("record_head"), ident)
    if check["intact"]:  # the entries hold: now every stored file they name, re-hashed
        broken = files.check_record_files(docs, stored.get("record") or [])
        if broken:
            check.update(intact=False, index=broken["index"], reason=broken["reason"],
                         file_id=broken["file_id"])
    return {**check, "subject": "case" if is_case else "inspection"}


def published(catalogue, stored) -> dict:
    case = Case.from_dict(views.plain(stored))
    return {**public_version(case, catalogue),
            "published_at": stored["publication"]["published_at"],
            "publication_due": stored["publication"]["due"],
            "late": stored["publication"]["late"]}


def public_decision(docs, catalogue, case_id) -> dict:
    stored = repository.raw(docs.Case, case_id, "published decision", ("caseId",))
    if not stored.get("publication"):
        raise NotFound("published decision", case_id, ["caseId"])
    return published(catalogue, stored)


def public_decisions(docs, catalogue, wanted) -> list[dict | None]:
    found = repository.many(docs.Case, inputs.strings(wanted, "ids", 1000))
    return [published(catalogue, found[i]) if found.get(i, {}).get("publication") else None
            for i in wanted]


def list_published(docs, catalogue, filters, request) -> dict:
    filters = inputs.obj(filters, "filter")
    query = {"publication.published_at": {"$exists": True},
             **paging.period("publication.published_at", filters.get("from"), filters.get("to"))}
    return paging.page(docs.Case._get_collection(), query,
                       [("publication.published_at", -1)], request,
                       lambda d: published(catalogue, d))


def _local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), LOCAL_TZ).astimezone(dt.timezone.utc)


def statistics(docs, agency, first_day, last_day) -> dict:
    """The annual-report figures for the civil dates [first_day, last_day] (Shanghai),
    computed by the database: one aggregation, no documents loaded into Python."""
    start, end = inputs.day(first_day, "from"), inputs.day(last_day, "to")
    if not start <= end <= start + dt.timedelta(days=MAX_STATISTICS_DAYS):
        raise InvalidInput(f"the period must run forward, at most {MAX_STATISTICS_DAYS} days",
                           ["to"])
    pipeline = statistics_pipeline(agency, _local_midnight(start),
                                   _local_midnight(end + dt.timedelta(days=1)),
                                   inspections=docs.Inspection._meta["collection"])
    figures = next(docs.Case._get_collection().aggregate(pipeline), None)
    return {"agency": agency, "from": start.isoformat(), "to": end.isoformat(),
            **(figures or {}), "by_outcome": (figures or {}).get("by_outcome") or {}}


def operation_summary(docs, operation_id) -> dict:
    """What an operation's joint report counts from this agency: its linked records."""
    query = {"operation_id": inputs.text(operation_id, "operationId", max_len=100)}
    inspections = docs.Inspection._get_collection().find(
        query, {"agency": 1, "entity_id": 1, "officer_ids": 1, "findings": 1,
                "operation_id": 1, "task_id": 1})
    cases = docs.Case._get_collection().find(
        query, {"agency": 1, "state": 1, "decision.draft.outcome": 1, "record.officer_ids": 1,
                "operation_id": 1})
    return {"inspections": [views.summary_of_inspection(i) for i in inspections],
            "cases": [views.summary_of_case(c) for c in cases]}
