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
    """An entity to register in the agency's directory, or to merge into the one with the same
    registration number (non-empty fields replace the stored ones)."""
    agency = Agency(required=True,
                    description="The directory's agency; enforcement officers register only in "
                                "their own agency's (another: FORBIDDEN).")
    registration_no = graphene.String(required=True,
                                      description="Its registration number (unified social credit "
                                                  "code, licence or plate): the key an entity is "
                                                  "merged on.")
    category = EntityCategory(required=True,
                              description="Its directory category, which sets its domain; not one "
                                          "of the agency's: UNKNOWN_CATEGORY; another than the "
                                          "stored entity's: CATEGORY_CONFLICT.")
    name = graphene.String(required=True,
                           description="Its name (a person's name for a natural person).")
    risk_level = RiskLevel(description="Its risk level; default LOW (a FLAGGED entity stays "
                                       "FLAGGED when merged).")
    sole_proprietor = graphene.Boolean(description="true for a sole proprietor (个体工商户): a natural "
                                                   "person, whose data is masked; default false.")
    id_number = graphene.String(description="Natural persons only.")
    address = graphene.String(description="Its address.")
    plate = graphene.String(description="A vehicle's plate number, e.g. 苏A12345: required for "
                                        "VEHICLE; missing or malformed: INVALID_INPUT.")
    seats = graphene.Int(description="A vehicle's approved passenger seats, a positive whole "
                                     "number (required for VEHICLE).")
    licence = graphene.String(description="Its business licence or permit number (required for "
                                          "categories that need one, e.g. INTERNET_CAFE, "
                                          "VEHICLE).")


class ConflictInput(graphene.InputObjectType):
    """A conflict of interest to declare (回避): the officer will not be let act on the entity."""
    agency = Agency(required=True,
                    description="The agency whose directory holds the entity; enforcement "
                                "officers act for their own agency only, legal-affairs staff for "
                                "any unless their token names one (another: FORBIDDEN).")
    officer_id = graphene.ID(required=True,
                             description="The officer who must recuse.")
    entity_id = graphene.ID(required=True,
                            description="The entity concerned; unknown: NOT_FOUND.")
    reason = graphene.String(required=True,
                             description="Why, in plain text (at most 500 characters).")


class ChecklistItemInput(graphene.InputObjectType):
    """One checklist line of an inspection."""
    item = graphene.String(required=True,
                           description="What was checked, in words.")
    result = ChecklistResult(required=True,
                             description="PASS, FAIL or NOT_APPLICABLE.")
    note = graphene.String(description="A remark on the line; optional.")


class InspectionFindingInput(graphene.InputObjectType):
    """A problem found in the inspection."""
    description = graphene.String(required=True,
                                  description="What was found, in plain text.")
    violation_code = graphene.String(description="The violation it amounts to (the agency "
                                                 "catalogue's code); unknown: UNKNOWN_VIOLATION.")


class _ActOnEntity(graphene.InputObjectType):
    agency = Agency(required=True,
                    description="The agency acting; enforcement officers act for the agency on "
                                "their token only (another: FORBIDDEN).")
    entity_id = graphene.ID(required=True,
                            description="The entity in the agency's directory; unknown: "
                                        "NOT_FOUND.")
    officer_ids = _ids


class RecordInspectionInput(_ActOnEntity):
    """An inspection to record: the entity, the officers (>= 2, qualified, no conflict), what was
    checked and found."""
    performed_at = DateTime(description="When the inspection was done; defaults to now; not in "
                                        "the future (INVALID_INPUT).")
    kind = InspectionKind(description="PLANNED for a task, else AD_HOC by default.")
    checklist = graphene.List(graphene.NonNull(ChecklistItemInput),
                              description="The checklist lines and their results; optional.")
    findings = graphene.List(graphene.NonNull(InspectionFindingInput),
                             description="What was found; absent or empty when nothing was.")
    evidence = _texts
    operation_id = graphene.ID(description="The joint operation it was done for, when it did no "
                                           "task (a task gives its own).")
    task_id = graphene.ID(description="The joint operation's task this inspection does.")


class PartyInput(graphene.InputObjectType):
    """The party of a case when it is not the entity as registered (e.g. the person responsible)."""
    name = graphene.String(required=True,
                           description="The party's name (at most 200 characters).")
    natural_person = graphene.Boolean(required=True,
                                      description="true for a natural person, whose data is "
                                                  "masked.")
    id_number = graphene.String(description="A natural person's resident ID number.")
    registration_no = graphene.String(description="An organisation's registration number (unified "
                                                  "social credit code).")


class FileCaseInput(_ActOnEntity):
    """A case to file (立案) against an entity by at least two qualified officers."""
    filed_at = DateTime(description="When it was filed; defaults to now; not in the future, nor "
                                    "before the inspection's last step.")
    violation_code = graphene.String(description="The suspected violation (the agency catalogue's "
                                                 "code): another domain's: DOMAIN_MISMATCH; "
                                                 "unknown: UNKNOWN_VIOLATION. A township body "
                                                 "must hold the power for it (POWER_NOT_HELD).")
    inspection_id = graphene.ID(description="The inspection the case comes from (of the same "
                                            "entity: INSPECTION_MISMATCH otherwise); its record "
                                            "is linked into the case's.")
    operation_id = graphene.ID(description="The joint operation the case belongs to; default: the "
                                           "inspection's.")
    complex = graphene.Boolean(description="Complex cases are always major.")
    party = PartyInput(description="Defaults to the entity.")
    kind = CaseKind(description="PENALTY by default.")
    documents = _texts


class DecisionInput(graphene.InputObjectType):
    """A decision's content: outcome, violation, circumstance, fine and measures, checked against
    the law's conditions and the discretion ranges."""
    outcome = DecisionOutcome(required=True,
                              description="What is decided; NO_PENALTY_FIRST_VIOLATION needs "
                                          "firstViolation, minorHarm and correctedInTime and the "
                                          "violation on the no-penalty list.")
    violation_code = graphene.String(description="The violation decided on (the agency "
                                                 "catalogue's code); unknown: UNKNOWN_VIOLATION.")
    circumstance = Circumstance(description="The discretion circumstance (自由裁量基准) setting the "
                                            "fine's range; required with a fine; LIGHTER and "
                                            "MITIGATED need the violation on that list "
                                            "(NOT_ON_LIGHTER_LIST, NOT_ON_MITIGATED_LIST).")
    fine = graphene.Int(description="The fine in yuan (元), a whole number within the "
                                    "circumstance's range (FINE_OUT_OF_RANGE otherwise); PENALTY "
                                    "only.")
    measures = graphene.List(graphene.NonNull(Measure),
                             description="Penalty measures besides a fine; PENALTY only. "
                                         "LICENCE_REVOCATION and CLOSURE_ORDER make the case "
                                         "major.")
    first_violation = graphene.Boolean(description="The party's first violation (首违): checked "
                                                   "against the entity's decided cases of the "
                                                   "same violation in the last 365 days by "
                                                   "default (FIRST_VIOLATION_CONDITIONS_NOT_MET).")
    minor_harm = graphene.Boolean(description="The harm was minor (危害后果轻微).")
    corrected_in_time = graphene.Boolean(description="The party corrected it in time (及时改正).")
    transfer_to = graphene.String(description="The authority the case goes to; required for "
                                              "TRANSFER.")
    reason = graphene.String(description="The reasoning, in plain text.")


class CaseStepInput(graphene.InputObjectType):
    """A case step done by at least two officers qualified for the case's domain at `at`."""
    case_id = graphene.ID(required=True,
                          description="The case (its id names its agency); unknown: NOT_FOUND.")
    officer_ids = _ids
    at = DateTime(description="Defaults to now; never before the previous step.")
    documents = _texts


class LegalReviewSubmissionInput(CaseStepInput):
    """A case sent to legal review (法制审核) at one stage, with the proposed decision at DECISION."""
    stage = ReviewStage(description="DECISION by default; submitted while the case is in "
                        "that stage.")
    proposal = DecisionInput(description="The proposed decision: DECISION stage only.")


class CompulsoryMeasureInput(CaseStepInput):
    """A compulsory measure taken before the decision (查封、扣押、冻结 ...)."""
    measure = CompulsoryMeasureKind(required=True,
                                    description="Which measure: SEAL_UP, SEIZE, FREEZE or OTHER.")
    items = graphene.List(graphene.NonNull(graphene.String),
                          description="What is sealed up, seized or frozen.")
    reason = graphene.String(description="Why, in plain text.")


class DecideCaseInput(CaseStepInput):
    """The decision of a case (行政处罚决定)."""
    decision = DecisionInput(required=True,
                             description="What is decided; within an approved proposal when one "
                                         "was reviewed (never harsher or different).")


class ServiceConsentInput(CaseStepInput):
    """The party's written consent to electronic service (电子送达) by e-mail or fax at an address."""
    method = ServiceMethod(required=True, description="EMAIL or FAX (other methods need no "
                                                      "consent: INVALID_INPUT).")
    address = graphene.String(required=True,
                              description="The e-mail address or fax number the party consented "
                                          "to (at most 200 characters).")


class AttemptServiceInput(CaseStepInput):
    """An attempt to serve a document on the party (送达)."""
    document = graphene.String(description="Defaults to DECISION.")
    method = ServiceMethod(required=True,
                           description="IN_PERSON, POST, EMAIL or FAX; EMAIL and FAX only with "
                                       "the party's consent (CONSENT_REQUIRED).")
    address = graphene.String(description="Where to send it; for EMAIL or FAX it must be the "
                                          "consented address (default it).")


class PublishDecisionInput(CaseStepInput):
    """The publication (公示) of a served decision whose outcome is published."""
    channel = graphene.String(description="Where it was published (e.g. the agency's website, the "
                                          "credit-publicity system); optional, at most 200 "
                                          "characters.")


class LegalReviewInput(graphene.InputObjectType):
    """A legal-affairs reviewer's answer to the pending legal review; the reviewer is the caller."""
    case_id = graphene.ID(required=True,
                          description="The case (its id names its agency); unknown: NOT_FOUND.")
    outcome = ReviewOutcome(required=True,
                            description="APPROVED or REJECTED (a rejected DECISION review sends "
                                        "the case back to investigation).")
    opinion = graphene.String(description="The reviewer's opinion, in plain text.")
    at = DateTime(description="When the review was done; defaults to now; never before the "
                              "previous step.")
    documents = _texts


class ServiceReceiptInput(graphene.InputObjectType):
    """The receipt of a served document: signature, return slip or arrival in the consented
    mailbox."""
    case_id = graphene.ID(required=True,
                          description="The case (its id names its agency); unknown: NOT_FOUND.")
    attempt_index = graphene.Int(required=True, description="Which attempt was received: its "
                                                            "position in serviceAttempts, 0 for "
                                                            "the first (NOT_FOUND otherwise).")
    at = DateTime(description="When it was received; defaults to now.")
    documents = _texts


class JusticeFilingInput(graphene.InputObjectType):
    """A major decision's filing with the justice bureau (向司法局备案)."""
    case_id = graphene.ID(required=True,
                          description="The case (its id names its agency); unknown: NOT_FOUND.")
    reference = graphene.String(required=True, description="The bureau's acknowledgement number "
                                                           "(at most 100 characters).")
    at = DateTime(description="When it was filed; defaults to now; never before the previous "
                              "step.")
    documents = _texts


class IssueCaseDocumentInput(graphene.InputObjectType):
    """Which reasoned document (说理式文书) to generate from which case."""
    case_id = graphene.ID(required=True, description="The case to generate the document from.")
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
