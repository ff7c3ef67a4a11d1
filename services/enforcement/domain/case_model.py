"""The case record and its one state machine, shared by both agencies."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from services.common.errors import DomainError
from services.contracts.vocabulary import CASE_STATES
from services.enforcement.domain.record import RecordEntry
from services.enforcement.domain.serial import Plain

STATES = CASE_STATES
(FILED, UNDER_INVESTIGATION, RIGHTS_NOTIFIED, LEGAL_REVIEW, DECIDED, SERVED, PUBLISHED,
 CLOSED) = STATES

# Which states each state may move to; the action functions add the finer conditions
# (legal review for major cases, publication only for published outcomes, ...).
TRANSITIONS = {
    FILED: {UNDER_INVESTIGATION},
    # a transfer or "not established" may be decided before any rights notice
    UNDER_INVESTIGATION: {RIGHTS_NOTIFIED, DECIDED},
    RIGHTS_NOTIFIED: {LEGAL_REVIEW, DECIDED},
    LEGAL_REVIEW: {UNDER_INVESTIGATION, DECIDED},   # rejected goes back to investigation
    DECIDED: {SERVED, CLOSED},                      # CLOSED directly only for a transfer
    SERVED: {PUBLISHED, CLOSED},
    PUBLISHED: {CLOSED},
    CLOSED: set(),
}


@dataclass
class Party(Plain):
    name: str
    natural_person: bool
    id_number: str | None = None
    registration_no: str | None = None
    # electronic service methods (EMAIL/FAX) the party consented to, with addresses
    consent: dict[str, str] = field(default_factory=dict)


@dataclass
class DecisionDraft(Plain):
    outcome: str
    violation_code: str | None = None
    circumstance: str | None = None
    fine: int | None = None                  # yuan
    measures: list[str] = field(default_factory=list)
    first_violation: bool = False
    minor_harm: bool = False
    corrected_in_time: bool = False
    transfer_to: str | None = None
    reason: str = ""


@dataclass
class LegalReview(Plain):
    submitted_at: dt.datetime
    proposal: DecisionDraft | None = None    # the decision proposed (DECISION stage only)
    outcome: str | None = None               # APPROVED | REJECTED, None while pending
    reviewer_id: str | None = None
    reviewed_at: dt.datetime | None = None
    opinion: str = ""
    stage: str = "DECISION"                  # catalogue.REVIEW_STAGES; older ones: DECISION
    submitted_by: str | None = None          # subject of the actor who submitted it


@dataclass
class CompulsoryMeasure(Plain):
    """An administrative compulsory measure taken during the case (查封、扣押 ...)."""
    measure: str
    at: dt.datetime
    officer_ids: list[str]
    items: list[str] = field(default_factory=list)
    reason: str = ""


@dataclass
class Decision(Plain):
    draft: DecisionDraft
    decided_at: dt.datetime
    major: bool
    legal_review_approved: bool
    justice_filing_required: bool            # major decisions are filed with the bureau
    publication_required: bool
    officer_ids: list[str] = field(default_factory=list)


@dataclass
class ServiceAttempt(Plain):
    document: str
    method: str
    address: str | None
    at: dt.datetime
    officer_ids: list[str]
    received_at: dt.datetime | None = None


@dataclass
class Publication(Plain):
    published_at: dt.datetime
    due: dt.date
    late: bool
    channel: str = ""


@dataclass
class JusticeFiling(Plain):
    """A major decision's filing for the record with the justice bureau (备案)."""
    filed_at: dt.datetime
    reference: str                           # the bureau's acknowledgement number
    filed_by: str


@dataclass
class TypicalCase(Plain):
    """典型案例: a published decision marked typical, with its public summary."""
    summary: str
    marked_at: dt.datetime


@dataclass
class Case(Plain):
    id: str
    agency: str
    domain: str
    entity_id: str
    party: Party
    filed_at: dt.datetime
    decision_due: dt.date
    state: str = FILED
    complex: bool = False                    # flagged complex: always major
    kind: str = "PENALTY"                    # catalogue.CASE_KINDS: which stage reviews apply
    body_id: str | None = None               # the enforcement body that filed it
    violation_code: str | None = None
    inspection_id: str | None = None
    operation_id: str | None = None
    legal_reviews: list[LegalReview] = field(default_factory=list)
    decision: Decision | None = None
    publication_due: dt.date | None = None
    service: list[ServiceAttempt] = field(default_factory=list)
    publication: Publication | None = None
    justice_filing: JusticeFiling | None = None
    closed_at: dt.datetime | None = None
    overdue_reported: list[str] = field(default_factory=list)
    compulsory_measures: list[CompulsoryMeasure] = field(default_factory=list)
    typical: TypicalCase | None = None
    record: list[RecordEntry] = field(default_factory=list)

    def last_review(self, stage: str) -> LegalReview | None:
        return next((r for r in reversed(self.legal_reviews) if r.stage == stage), None)

    def approved(self, stage: str) -> LegalReview | None:
        """The stage's latest review if it was approved (a later rejection undoes it)."""
        last = self.last_review(stage)
        return last if last and last.outcome == "APPROVED" else None

    @property
    def approved_review(self) -> LegalReview | None:
        return self.approved("DECISION")


def require_state(case: Case, target: str, allowed_from=None) -> None:
    """Refuse with INVALID_TRANSITION unless `case` may move to `target` now (from one of
    `allowed_from`, when the action narrows the table)."""
    ok = target in TRANSITIONS[case.state] and (allowed_from is None
                                                 or case.state in allowed_from)
    if not ok:
        refuse(case, target)


def refuse(case: Case, target: str, why: str = "") -> None:
    """INVALID_TRANSITION naming the current state (message and details)."""
    raise DomainError("INVALID_TRANSITION",
                      f"case {case.id} is {case.state}; cannot move to {target}"
                      + (f" ({why})" if why else ""),
                      None, case_id=case.id, state=case.state, target=target)
