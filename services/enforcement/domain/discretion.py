"""Checks on a proposed decision: outcome conditions, discretion ranges, major-ness."""
from __future__ import annotations

import datetime as dt

from services.common.clock import local_date
from services.contracts.vocabulary import DECISION_MEASURES, DECISION_OUTCOMES
from services.common.errors import DomainError
from services.enforcement.domain import lists
from services.enforcement.domain.catalogue import CIRCUMSTANCES, AgencyCatalogue

OUTCOMES, MEASURES = DECISION_OUTCOMES, DECISION_MEASURES
MAJOR_MEASURES = ("LICENCE_REVOCATION", "CLOSURE_ORDER")


def _bad(message: str, field: str, code: str = "INVALID_INPUT"):
    raise DomainError(code, message, ["input", field])


def _check_penalty(draft, catalogue: AgencyCatalogue, day: dt.date) -> None:
    violation = catalogue.violation(draft.violation_code or "")
    if draft.fine is None and not draft.measures:
        _bad("a penalty needs a fine or a measure", "fine")
    if draft.fine is not None:
        if draft.circumstance not in CIRCUMSTANCES:
            _bad(f"circumstance must be one of {CIRCUMSTANCES}", "circumstance")
        if draft.circumstance in lists.CIRCUMSTANCE_LIST:   # 从轻 / 减轻: on its list
            kind = lists.CIRCUMSTANCE_LIST[draft.circumstance]
            lists.listed_or_refuse(catalogue, kind, violation.code, day, "circumstance",
                                   "NOT_ON_LIGHTER_LIST" if kind == lists.LIGHTER
                                   else "NOT_ON_MITIGATED_LIST")
        low, high = violation.ranges[draft.circumstance]
        if not isinstance(draft.fine, int) or not low <= draft.fine <= high:
            raise DomainError(
                "FINE_OUT_OF_RANGE",
                f"fine {draft.fine} is outside {low}-{high} yuan for {violation.code} "
                f"({draft.circumstance})", ["input", "fine"],
                violation_code=violation.code, circumstance=draft.circumstance,
                min=low, max=high)


def validate_draft(case, draft, catalogue: AgencyCatalogue, at: dt.datetime | None = None
                   ) -> None:
    """Refuse a decision the law does not allow for this case on the day of `at` (the
    lists in force then; the filing day by default), whatever its state."""
    day = local_date(at or case.filed_at)
    if draft.outcome not in OUTCOMES:
        _bad(f"outcome must be one of {OUTCOMES}", "outcome")
    unknown = [x for x in draft.measures if x not in MEASURES]
    if unknown:
        _bad(f"unknown measures {unknown}", "measures")
    if draft.outcome == "PENALTY":
        return _check_penalty(draft, catalogue, day)
    if draft.fine or draft.measures:
        _bad(f"{draft.outcome} carries no fine and no measure", "fine")
    if draft.outcome == "NO_PENALTY_FIRST_VIOLATION":
        # APL art. 33: first violation, minor harm, corrected in time - all three.
        violation = catalogue.violation(draft.violation_code or "")
        if not (draft.first_violation and draft.minor_harm and draft.corrected_in_time):
            raise DomainError("FIRST_VIOLATION_CONDITIONS_NOT_MET",
                              "no penalty needs a first violation, minor harm and timely "
                              "correction", ["input", "outcome"])
        lists.listed_or_refuse(catalogue, lists.NO_PENALTY, violation.code, day,
                             "violationCode", "NOT_ON_NO_PENALTY_LIST")
    if draft.outcome == "TRANSFER" and not draft.transfer_to:
        _bad("a transfer names the receiving authority", "transferTo")


def is_major(case, draft, catalogue: AgencyCatalogue) -> bool:
    """Major: flagged complex, revocation / closure, or a fine above the threshold."""
    threshold = catalogue.major_fine_threshold(case.party.natural_person)
    return (case.complex or any(x in MAJOR_MEASURES for x in draft.measures)
            or (draft.fine or 0) > threshold)


def within_approval(draft, approved) -> bool:
    """The decision may be milder than the reviewed proposal, never harsher or different."""
    return (draft.outcome == approved.outcome
            and draft.violation_code == approved.violation_code
            and (draft.fine or 0) <= (approved.fine or 0)
            and set(draft.measures) <= set(approved.measures))


def check_first_violation(case, draft, at: dt.datetime, earlier, catalogue: AgencyCatalogue
                          ) -> None:
    """The officer's "first violation" is a claim: `earlier` are the entity's other decided
    cases ({case_id, violation_code, outcome, decided_at}); a penalty or a waiver for the
    same violation decided within `first_violation_days` before `at` refuses the waiver."""
    if draft.outcome != "NO_PENALTY_FIRST_VIOLATION":
        return
    day, window = local_date(at), dt.timedelta(days=catalogue.first_violation_days)
    for prior in sorted(earlier, key=lambda e: e["decided_at"], reverse=True):
        decided = local_date(prior["decided_at"])
        if (prior["case_id"] != case.id and prior["violation_code"] == draft.violation_code
                and prior["outcome"] in FIRST_VIOLATION_BARS and decided <= day
                and day <= decided + window):
            raise DomainError(
                "FIRST_VIOLATION_CONDITIONS_NOT_MET",
                f"not a first violation: case {prior['case_id']} decided "
                f"{prior['outcome']} for {draft.violation_code} on {decided.isoformat()}, "
                f"within {catalogue.first_violation_days} days", ["input", "firstViolation"],
                earlier_case_id=prior["case_id"])


# an established violation: a penalty, or an earlier waiver (the waiver is once only)
FIRST_VIOLATION_BARS = ("PENALTY", "NO_PENALTY_FIRST_VIOLATION")
