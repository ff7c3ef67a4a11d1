"""Service of documents. E-mail and fax ("zero-contact") need the party's recorded
consent (APL art. 61); in person and by post are always allowed. Every attempt and
every receipt is kept on the case."""
from __future__ import annotations

import datetime as dt

from services.contracts.vocabulary import SERVICE_METHODS
from services.common.errors import DomainError
from services.enforcement.domain import case_model as m
from services.enforcement.domain import events
from services.enforcement.domain.cases import log, note_step
from services.enforcement.domain.team import Team

METHODS = SERVICE_METHODS
ELECTRONIC = ("EMAIL", "FAX")
DECISION_DOCUMENT = "DECISION"


def _method(method: str) -> str:
    if method not in METHODS:
        raise DomainError("INVALID_INPUT", f"method must be one of {METHODS}",
                          ["input", "method"])
    return method


def record_consent(case: m.Case, team: Team, at: dt.datetime, method: str, address: str,
                   documents=()):
    """The party's signed consent to be served electronically at `address`."""
    if _method(method) not in ELECTRONIC or not address:
        raise DomainError("INVALID_INPUT", "consent is to EMAIL or FAX at an address",
                          ["input", "method"])
    _, raised = note_step(case, team, at, "SERVICE_CONSENT_RECORDED", documents,
                          {"method": method})
    case.party.consent[method] = address
    return raised


def attempt_service(case: m.Case, team: Team, at: dt.datetime, document: str, method: str,
                    address: str | None = None, documents=()):
    """Record an attempt to serve `document`; the receipt comes with `record_receipt`."""
    if document == DECISION_DOCUMENT and case.state != m.DECIDED:
        m.refuse(case, m.SERVED, "only a decided, not yet served decision can be served")
    if _method(method) in ELECTRONIC:
        consented = case.party.consent.get(method)
        if consented is None or (address and address != consented):
            raise DomainError("CONSENT_REQUIRED",
                              f"the party has not consented to service by {method}"
                              + (f" at {address}" if address else ""),
                              ["input", "method"], case_id=case.id, method=method)
        address = consented
    officers, raised = note_step(case, team, at, "SERVICE_ATTEMPTED", documents,
                                 {"document": document, "method": method})
    case.service.append(m.ServiceAttempt(document=document, method=method, address=address,
                                         at=at, officer_ids=officers))
    return raised


def record_receipt(case: m.Case, attempt_index: int, received_at: dt.datetime,
                   documents=()):
    """The receipt (signature, return slip, or arrival in the consented mailbox).

    A fact, not an officers' action: no team. Receipt of the decision serves the case.
    """
    if not 0 <= attempt_index < len(case.service):
        raise DomainError("NOT_FOUND", f"no service attempt {attempt_index}",
                          ["input", "attemptIndex"])
    attempt = case.service[attempt_index]
    if attempt.received_at is not None:
        raise DomainError("ALREADY_RECEIVED", "this attempt already has a receipt",
                          ["input", "attemptIndex"])
    serves = attempt.document == DECISION_DOCUMENT
    if serves and case.state != m.DECIDED:
        m.refuse(case, m.SERVED)
    if case.state == m.CLOSED:
        m.refuse(case, m.CLOSED, "a closed case takes no receipt")
    attempt.received_at = received_at
    if serves:
        case.state = m.SERVED
    log(case, "SERVICE_RECEIVED", attempt.officer_ids, received_at, documents,
        {"document": attempt.document, "method": attempt.method, "attempt": attempt_index})
    return [events.make(events.DOCUMENT_SERVED, **events.case_base(case),
                        document=attempt.document, method=attempt.method,
                        electronic=attempt.method in ELECTRONIC, attempted_at=attempt.at,
                        served_at=received_at, officer_ids=attempt.officer_ids)]
