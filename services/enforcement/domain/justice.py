"""Filing a major decision with the justice bureau (重大执法决定备案), kept on the case.

A major decision must be filed before its case can close; the filing is recorded by the
legal-affairs staff who made it, with the bureau's acknowledgement number.
"""
from __future__ import annotations

import datetime as dt

from services.contracts.vocabulary import JUSTICE_FILED
from services.common.errors import DomainError
from services.enforcement.domain import case_model as m
from services.enforcement.domain import events
from services.enforcement.domain.cases import log

STEP = JUSTICE_FILED
_FILEABLE = (m.DECIDED, m.SERVED, m.PUBLISHED)


def file_with_justice_bureau(case: m.Case, at: dt.datetime, reference: str, filed_by: str,
                             documents=()):
    if case.decision is None or case.state not in _FILEABLE:
        m.refuse(case, STEP, "only a decided, open case is filed with the justice bureau")
    if not case.decision.justice_filing_required:
        raise DomainError("JUSTICE_FILING_NOT_REQUIRED",
                          f"case {case.id}: only major decisions are filed", None,
                          case_id=case.id)
    if case.justice_filing is not None:
        raise DomainError("ALREADY_FILED", f"case {case.id} was filed on "
                          f"{case.justice_filing.filed_at.isoformat()}", None, case_id=case.id)
    if not reference or not filed_by:
        raise DomainError("INVALID_INPUT", "the bureau's reference number is required",
                          ["input", "reference"])
    case.justice_filing = m.JusticeFiling(filed_at=at, reference=reference, filed_by=filed_by)
    log(case, STEP, [filed_by], at, documents, {"reference": reference})
    return [events.case_step(case, STEP, [filed_by], at)]
