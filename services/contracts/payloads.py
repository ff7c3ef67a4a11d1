"""What a handler receives: the envelope's fields and its payload as a typed object.

One class per event type that some handler consumes (`PAYLOADS`, type -> class), each the
Python side of `schemas/events/<type>.json` (same field names; a field the schema requires
has no default; `tests/unit/test_payloads.py` keeps the two equal). `receive(envelope)`
is the one place a payload becomes its class (services.bus.subscriber calls it; a payload
that does not fit is dead-lettered with the reason). Times stay the ISO strings they are
on the wire: the schema's format check has already vouched for them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError


class Payload(BaseModel):
    # additionalProperties: false, and a handler cannot change what it was given
    model_config = ConfigDict(extra="forbid", frozen=True)

    def wire(self) -> dict:
        """The payload as it was on the wire (for handlers that forward it whole)."""
        return self.model_dump(mode="json", exclude_unset=True)


# ---- accountability
class SanctionImposed(Payload):
    sanction_id: str
    finding_id: str
    officer_id: str
    measure: str
    effective_at: str


class TrainingCompleted(Payload):
    sanction_id: str
    officer_id: str
    completed_at: str


class ReinstatedToPost(Payload):
    sanction_id: str
    officer_id: str
    reinstated_at: str


# ---- certification: every event is about one officer's record
class OfficerEvent(Payload):
    officer_id: str
    agency: str


class RecordChange(OfficerEvent):
    effective_at: str
    recorded_at: str
    cause: str | None


class OfficerRegistered(RecordChange):
    name: str
    id_number_masked: str


class ExamRecorded(RecordChange):
    exam: str
    score: float
    taken_on: str
    passed: bool
    pass_mark: float


class CertificateIssued(RecordChange):
    certificate_no: str
    domains: tuple[str, ...]
    valid_from: str
    valid_until: str


class CertificateRenewed(RecordChange):
    certificate_no: str
    previous_valid_until: str
    valid_until: str


class CertificateSuspended(RecordChange):
    certificate_no: str
    reason: str | None


class CertificateReinstated(RecordChange):
    certificate_no: str
    reason: str | None


class CertificateRevoked(RecordChange):
    certificate_no: str | None
    reason: str | None
    recertification_from: str


class CertificateExpired(RecordChange):
    certificate_no: str
    valid_until: str


class AnnualReviewRecorded(RecordChange):
    certificate_no: str
    next_review_due: str


class OfficerStatusChanged(RecordChange):
    change: str
    previous_status: str
    status: str


class QualificationChanged(RecordChange):
    qualified_before: tuple[str, ...]
    qualified_after: tuple[str, ...]
    trigger: str


class CredentialIssued(OfficerEvent):
    credential_id: str
    certificate_no: str
    list: int
    index: int
    issued_at: str
    valid_until: str
    kid: str


class CredentialStatusChanged(OfficerEvent):
    credential_id: str
    certificate_no: str
    list: int
    index: int
    previous_status: str
    status: str
    changed_at: str


# ---- delivery
class ClientChanged(Payload):
    client_id: str
    agency: str | None
    roles: tuple[str, ...]
    status: str
    change: str
    at: str


class PlatformDeliveryOverdue(Payload):
    delivery_id: str
    platform: str
    record_kind: str
    record_id: str
    agency: str
    due_on: str
    status: str
    delivered_late: bool
    detected_at: str


# ---- draws
class DrawRevealed(Payload):
    draw_id: str
    result_hash: str
    entity_count: int
    inspector_count: int
    seed: str | None = None
    directory_hash: str | None = None
    roster_hash: str | None = None
    rules_hash: str | None = None


class ResultsPublished(Payload):
    draw_id: str
    published_on: str
    due_date: str
    checks_published: int


# ---- enforcement (culture and transport alike: `agency` says which)
class InspectionRecorded(Payload):
    inspection_id: str
    agency: str
    domain: str
    entity_id: str
    officer_ids: tuple[str, ...]
    performed_at: str
    operation_id: str | None
    task_id: str | None
    findings_count: int
    violation_found: bool


class CaseStepRecorded(Payload):
    case_id: str
    agency: str
    domain: str
    step: str
    officer_ids: tuple[str, ...]
    at: str


class CaseDecided(Payload):
    case_id: str
    agency: str
    domain: str
    outcome: str
    violation_code: str | None
    major: bool
    legal_review_approved: bool
    justice_filing_required: bool
    filed_at: str
    decided_at: str
    decision_due: str
    publication_due: str | None
    officer_ids: tuple[str, ...]
    fine: int | None


class DecisionPublished(Payload):
    case_id: str
    agency: str
    decided_at: str
    published_at: str
    publication_due: str
    late: bool


# ---- operations
class InspectionTaskAssigned(Payload):
    operation_id: str
    task_id: str
    agency: str
    entity_id: str
    domain: str
    team: str
    officer_ids: tuple[str, ...]


# ---- bus (the probes of tests and benchmarks)
class ProbeRecorded(Payload):
    probe_id: str
    seq: int
    note: str | None = None


PAYLOADS: dict[str, type[Payload]] = {
    "accountability.sanction_imposed.v1": SanctionImposed,
    "accountability.training_completed.v1": TrainingCompleted,
    "accountability.reinstated_to_post.v1": ReinstatedToPost,
    "bus.probe_recorded.v1": ProbeRecorded,
    "certification.officer_registered.v1": OfficerRegistered,
    "certification.exam_recorded.v1": ExamRecorded,
    "certification.certificate_issued.v1": CertificateIssued,
    "certification.certificate_renewed.v1": CertificateRenewed,
    "certification.certificate_suspended.v1": CertificateSuspended,
    "certification.certificate_reinstated.v1": CertificateReinstated,
    "certification.certificate_revoked.v1": CertificateRevoked,
    "certification.certificate_expired.v1": CertificateExpired,
    "certification.annual_review_recorded.v1": AnnualReviewRecorded,
    "certification.officer_status_changed.v1": OfficerStatusChanged,
    "certification.qualification_changed.v1": QualificationChanged,
    "certification.credential_issued.v1": CredentialIssued,
    "certification.credential_status_changed.v1": CredentialStatusChanged,
    "delivery.client_changed.v1": ClientChanged,
    "delivery.platform_delivery_overdue.v1": PlatformDeliveryOverdue,
    "draws.draw_revealed.v1": DrawRevealed,
    "draws.results_published.v1": ResultsPublished,
    "enforcement.inspection_recorded.v1": InspectionRecorded,
    "enforcement.case_step_recorded.v1": CaseStepRecorded,
    "enforcement.case_decided.v1": CaseDecided,
    "enforcement.decision_published.v1": DecisionPublished,
    "operations.inspection_task_assigned.v1": InspectionTaskAssigned,
}


@dataclass(frozen=True)
class Event:
    """An event as a handler receives it."""
    event_id: str
    type: str
    occurred_at: str
    producer: str
    correlation_id: str
    causation_id: str | None
    actor: Any  # the envelope's actor as sent (services.common.actor reads it)
    payload: Payload


class PayloadMismatch(ValueError):
    """The payload does not fit its event type's class (or the type has none)."""


def receive(envelope: dict) -> Event:
    """The envelope (already checked against its schemas) with its payload typed;
    PayloadMismatch naming the first problem when the payload does not fit."""
    kind = PAYLOADS.get(envelope["type"])
    if kind is None:
        raise PayloadMismatch(f"no payload class for {envelope['type']} "
                              "(services/contracts/payloads.py)")
    try:
        payload = kind.model_validate(envelope["payload"])
    except ValidationError as exc:
        first = exc.errors()[0]
        where = "/".join(str(p) for p in first["loc"]) or "(root)"
        raise PayloadMismatch(f"payload does not fit {kind.__name__}: {where}: "
                              f"{first['msg']}") from None
    fields = {k: envelope[k] for k in ("event_id", "type", "occurred_at", "producer",
                                       "correlation_id", "causation_id", "actor")}
    return Event(**fields, payload=payload)
