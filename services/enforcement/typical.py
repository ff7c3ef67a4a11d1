"""Typical cases (典型案例): a published decision marked typical with a summary, and the
public list of them (masked like published decisions)."""
from __future__ import annotations

from services.common.clock import utcnow
from services.common.errors import DomainError, InvalidInput
from services.contracts.events import TYPICAL_CASE_MARKED
from services.enforcement import inputs, paging, queries, repository
from services.enforcement.domain import case_model as m
from services.enforcement.domain.record import append, attribute
from services.common.clock import iso

MAX_SUMMARY = 2000


def _summary(value, case: m.Case) -> str:
    text = inputs.text(value, "summary", max_len=MAX_SUMMARY).strip()
    if not text:
        raise InvalidInput("summary is required", ["input", "summary"])
    party = case.party
    # the list is public: a natural person is never named in it (published decisions mask)
    if party.natural_person and any(v and v in text for v in (party.name, party.id_number)):
        raise InvalidInput("the summary is public: it must not name the party or give the "
                           "party's ID number", ["input", "summary"])
    return text


def mark(docs, store, catalogue, data) -> dict:
    data = inputs.obj(data)
    case, version = repository.load_case(docs, inputs.text(data.get("case_id"), "caseId",
                                                           max_len=100))
    if case.publication is None:
        raise DomainError("DECISION_NOT_PUBLISHED", f"case {case.id}: only a published "
                          "decision can be a typical case", ["input", "caseId"])
    if case.typical is not None:
        raise DomainError("TYPICAL_CASE_ALREADY_MARKED", f"case {case.id} is already a "
                          "typical case", ["input", "caseId"])
    now = utcnow()
    summary = _summary(data.get("summary"), case)
    case.typical = m.TypicalCase(summary=summary, marked_at=now)
    before = len(case.record)
    append(case.record, f"case:{case.id}", "MARKED_TYPICAL", [], now, [], {"summary": summary})
    attribute(case.record, before, store.actor.to_dict())
    with store.transaction() as uow:
        repository.save_case(uow, docs, case, version)
        uow.emit(TYPICAL_CASE_MARKED, {"case_id": case.id, "agency": case.agency,
                                       "domain": case.domain, "marked_at": iso(now)})
    return _public(catalogue, {**case.to_dict(), "_id": case.id})


def _public(catalogue, stored: dict) -> dict:
    return {**queries.published(catalogue, stored), "summary": stored["typical"]["summary"],
            "marked_at": stored["typical"]["marked_at"]}


def list_page(docs, catalogue, filters, request) -> dict:
    filters = inputs.obj(filters, "filter")
    query = {"typical.marked_at": {"$exists": True},
             **paging.period("typical.marked_at", filters.get("from"), filters.get("to"))}
    return paging.page(docs.Case._get_collection(), query, [("typical.marked_at", -1)],
                       request, lambda d: _public(catalogue, d))
