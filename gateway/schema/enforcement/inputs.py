"""Input types of the enforcement mutations (snake_case keys reach the services as is)."""
from __future__ import annotations

import graphene

from gateway.schema.base import Agency
from gateway.schema.enforcement.case_types import (
    CaseKind, Circumstance, CompulsoryMeasureKind, DecisionOutcome, Measure, ReviewOutcome,
    ReviewStage, ServiceMethod)
from gateway.schema.enforcement.evidence_types import CaseDocumentKind
from gateway.schema.enforcement.types import (
    ChecklistResult, EntityCategory, InspectionKind, RiskLevel)
from gateway.schema.scalars import DateTime

_ids = graphene.List(graphene.NonNull(graphene.ID), required=True,
                     description="At least two officers qualified for the domain at `at`.")
_texts = graphene.List(graphene.NonNull(graphene.String),
                       description="References to documents, photos or recordings.")


class EntityInput(graphene.InputObjectType):
    agency = Agency(required=True)
    registration_no = graphene.String(required=True)
    category = EntityCategory(required=True)
    name = graphene.String(required=True)
    risk_level = RiskLevel()
    sole_proprietor = graphene.Boolean()
    id_number = graphene.String(description="Natural persons only.")
    address = graphene.String()
    plate = graphene.String()
    seats = graphene.Int()
    licence = graphene.String()


class ConflictInput(graphene.InputObjectType):
    agency = Agency(required=True)
    officer_id = graphene.ID(required=True)
    entity_id = graphene.ID(required=True)
    reason = graphene.String(required=True)


class ChecklistItemInput(graphene.InputObjectType):
    item = graphene.String(required=True)
    result = ChecklistResult(required=True)
    note = graphene.String()


class InspectionFindingInput(graphene.InputObjectType):
    description = graphene.String(required=True)
    violation_code = graphene.String()


class _ActOnEntity(graphene.InputObjectType):
    agency = Agency(required=True)
    entity_id = graphene.ID(required=True)
    officer_ids = _ids


class RecordInspectionInput(_ActOnEntity):
    performed_at = DateTime(description="Defaults to now.")
    kind = InspectionKind(description="PLANNED for a task, else AD_HOC by default.")
    checklist = graphene.List(graphene.NonNull(ChecklistItemInput))
    findings = graphene.List(graphene.NonNull(InspectionFindingInput))
    evidence = _texts
    operation_id = graphene.ID()
    task_id = graphene.ID(description="The joint operation's task this inspection does.")


class PartyInput(graphene.InputObjectType):
    name = graphene.String(required=True)
    natural_person = graphene.Boolean(required=True)
    id_number = graphene.String()
    registration_no = graphene.String()


class FileCaseInput(_ActOnEntity):
    filed_at = DateTime(description="Defaults to now.")
    violation_code = graphene.String()
    inspection_id = graphene.ID()
    operation_id = graphene.ID()
    complex = graphene.Boolean(description="Complex cases are always major.")
    party = PartyInput(description="Defaults to the entity.")
    kind = CaseKind(description="PENALTY by default.")
    documents = _texts


class DecisionInput(graphene.InputObjectType):
    outcome = DecisionOutcome(required=True)
    violation_code = graphene.String()
    circumstance = Circumstance()
    fine = graphene.Int(description="Yuan.")
    measures = graphene.List(graphene.NonNull(Measure))
    first_violation = graphene.Boolean()
    minor_harm = graphene.Boolean()
    corrected_in_time = graphene.Boolean()
    transfer_to = graphene.String()
    reason = graphene.String()


class CaseStepInput(graphene.InputObjectType):
    case_id = graphene.ID(required=True)
    officer_ids = _ids
    at = DateTime(description="Defaults to now; never before the previous step.")
    documents = _texts


class LegalReviewSubmissionInput(CaseStepInput):
    stage = ReviewStage(description="DECISION by default; submitted while the case is in "
                        "that stage.")
    proposal = DecisionInput(description="The proposed decision: DECISION stage only.")


class CompulsoryMeasureInput(CaseStepInput):
    measure = CompulsoryMeasureKind(required=True)
    items = graphene.List(graphene.NonNull(graphene.String),
                          description="What is sealed up, seized or frozen.")
    reason = graphene.String()


class DecideCaseInput(CaseStepInput):
    decision = DecisionInput(required=True)


class ServiceConsentInput(CaseStepInput):
    method = ServiceMethod(required=True, description="EMAIL or FAX.")
    address = graphene.String(required=True)


class AttemptServiceInput(CaseStepInput):
    document = graphene.String(description="Defaults to DECISION.")
    method = ServiceMethod(required=True)
    address = graphene.String()


class PublishDecisionInput(CaseStepInput):
    channel = graphene.String()


class LegalReviewInput(graphene.InputObjectType):
    case_id = graphene.ID(required=True)
    outcome = ReviewOutcome(required=True)
    opinion = graphene.String()
    at = DateTime()
    documents = _texts


class ServiceReceiptInput(graphene.InputObjectType):
    case_id = graphene.ID(required=True)
    attempt_index = graphene.Int(required=True, description="0 for the first attempt.")
    at = DateTime(description="When it was received; defaults to now.")
    documents = _texts


class JusticeFilingInput(graphene.InputObjectType):
    case_id = graphene.ID(required=True)
    reference = graphene.String(required=True, description="The bureau's acknowledgement.")
    at = DateTime()
    documents = _texts


class IssueCaseDocumentInput(graphene.InputObjectType):
    """Which reasoned document (说理式文书) to generate from which case."""
    case_id = graphene.ID(required=True, description="The case.")
    kind = CaseDocumentKind(required=True, description=(
        "RIGHTS_NOTICE once investigated (states a proposed penalty); PENALTY_DECISION, "
        "NO_PENALTY_DECISION or GUIDANCE_LETTER once decided that way."))
    proposal = DecisionInput(description=(
        "RIGHTS_NOTICE only: the penalty proposed; defaults to the DECISION review's "
        "proposal or the decision."))


class MarkTypicalCaseInput(graphene.InputObjectType):
    """A published decision to mark a typical case (典型案例)."""
    case_id = graphene.ID(required=True, description="A case whose decision is published.")
    summary = graphene.String(required=True, description=(
        "Why it is typical (at most 2000 characters); public: it must not name a "
        "natural-person party (INVALID_INPUT)."))
