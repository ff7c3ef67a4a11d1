"""Publication of decisions, and the public version with personal data masked.

Natural persons' names and ID numbers are masked (the published-decision rules hide the
given name and the birth-date digits); organisations' names are public.
"""
from __future__ import annotations

import datetime as dt

from services.enforcement.domain import case_model as m
from services.enforcement.domain import deadlines, events
from services.enforcement.domain.cases import advance
from services.common.clock import iso
from services.enforcement.domain.team import Team


def mask_name(name: str) -> str:
    return name[:1] + "*" * (len(name) - 1) if name else name


def mask_identifier(value: str | None) -> str | None:
    """18-char resident IDs hide digits 7-14 (birth date); other numbers keep 2+2 chars."""
    if not value:
        return value
    if len(value) == 18:
        return value[:6] + "*" * 8 + value[14:]
    if len(value) <= 4:
        return "*" * len(value)
    return value[:2] + "*" * (len(value) - 4) + value[-2:]


def publish_decision(case: m.Case, team: Team, at: dt.datetime, channel: str = "",
                     documents=()):
    """Record the publication (SERVED -> PUBLISHED); lateness is kept for statistics."""
    if case.state == m.SERVED and not case.decision.publication_required:
        m.refuse(case, m.PUBLISHED, f"{case.decision.draft.outcome} is not published")
    m.require_state(case, m.PUBLISHED)
    late = deadlines.publication_late(at, case.publication_due)
    advance(case, team, at, m.PUBLISHED, "PUBLISHED", documents, {"channel": channel})
    case.publication = m.Publication(published_at=at, due=case.publication_due, late=late,
                                     channel=channel)
    return [events.make(events.DECISION_PUBLISHED, case_id=case.id, agency=case.agency,
                        decided_at=case.decision.decided_at, published_at=at,
                        publication_due=case.publication_due, late=late)]


def public_version(case: m.Case, catalogue) -> dict:
    """The decision as published: no personal data of natural persons."""
    party, draft = case.party, case.decision.draft
    person = party.natural_person
    violation = catalogue.violations.get(draft.violation_code or "")
    return {
        "case_id": case.id, "agency": case.agency, "domain": case.domain,
        "party_name": mask_name(party.name) if person else party.name,
        "party_id_number": mask_identifier(party.id_number) if person else None,
        "party_registration_no": (mask_identifier(party.registration_no) if person
                                  else party.registration_no),
        "natural_person": person,
        "violation_code": draft.violation_code,
        "violation": violation.title if violation else None,
        "legal_basis": violation.legal_basis if violation else None,
        "outcome": draft.outcome, "fine": draft.fine, "measures": list(draft.measures),
        "decided_at": iso(case.decision.decided_at),
    }
