"""Mutations: directory, inspections and every case step. Refusals (codes from the case
core) come back in `errors`; who may act for which agency is checked first."""
from __future__ import annotations

import graphene

from gateway.schema.base import UserError, payload_type, payload_errors, plain, requires
from gateway.schema.enforcement import inputs as i
from gateway.schema.enforcement import support
from gateway.schema.enforcement.case_types import EnforcementCase
from gateway.schema.enforcement.evidence_types import CaseDocument, TypicalCase
from gateway.schema.enforcement.support import LEGAL, OFFICERS
from gateway.schema.enforcement.types import (
    ConflictOfInterest, EnforcementEntity, Inspection)
from services.contracts.vocabulary import agency_of


def _payload(name, key, node, what):
    return payload_type(name, key, node, what)


EntityPayload = _payload("EnforcementEntityPayload", "entity", EnforcementEntity,
                        "enforcement entity (检查对象)")
ConflictPayload = _payload("ConflictOfInterestPayload", "conflict", ConflictOfInterest,
                          "declared conflict of interest (回避)")
InspectionPayload = _payload("InspectionPayload", "inspection", Inspection,
                             "inspection (行政检查)")
CasePayload = _payload("EnforcementCasePayload", "case", EnforcementCase,
                       "enforcement case (案件)")
DocumentPayload = _payload("CaseDocumentPayload", "document", CaseDocument,
                           "reasoned document (说理式文书)")
TypicalPayload = _payload("TypicalCasePayload", "typical_case", TypicalCase,
                          "typical case (典型案例)")


def _on_case(info, input, method, payload, key, roles, timeout=None):
    """A write on a case by its id: the agency is the case's."""
    data = plain(dict(input))
    agency = agency_of(data.get("case_id"))
    if agency is None:
        return payload(**{key: None, "errors": [UserError(
            code="NOT_FOUND", message=f"case {data.get('case_id')} does not exist",
            field=["input", "caseId"])]})
    who = support.acting(info, agency, roles)
    return payload_errors(payload, key, lambda: getattr(support.service(info, agency),
                                                        method)(data, who, timeout=timeout))


def _new(info, input, method, payload, key, roles=OFFICERS, viewer=True):
    """A create-style mutation: the agency is in the input."""
    data = plain(dict(input))
    agency = data.pop("agency")
    who = support.acting(info, agency, roles)
    args = (data, who, who) if viewer else (data, who)
    return payload_errors(payload, key,
                          lambda: getattr(support.service(info, agency), method)(*args))


def _step(info, input, action, roles):
    """A case step: the agency is the case's (from its id)."""
    data = plain(dict(input))
    case_id = data.pop("case_id")
    agency = agency_of(case_id)
    if agency is None:
        return CasePayload(case=None, errors=[UserError(
            code="NOT_FOUND", message=f"case {case_id} does not exist",
            field=["input", "caseId"])])
    who = support.acting(info, agency, roles)
    return payload_errors(CasePayload, "case", lambda: support.service(info, agency)
                          .case_action(case_id, action, data, who, who))


def _case_mutation(action, input_type, roles=OFFICERS, description=None, **defaults):
    @requires(*roles)
    def resolve(root, info, input):
        return _step(info, {**defaults, **input}, action, roles)
    return graphene.Field(CasePayload, required=True, input=input_type(
        required=True, description="The case and the step's details."),
        description=description, resolver=resolve)


# What every case step may answer, and what one done by >= 2 officers adds.
_STEP = ("NOT_FOUND (case), INVALID_TRANSITION (not from the case's state), INVALID_INPUT, "
         "OUT_OF_ORDER (`at` before the previous step), CONCURRENT_UPDATE (changed meanwhile: "
         "retry)")
_TEAM = ("TOO_FEW_OFFICERS, OFFICER_NOT_QUALIFIED (not qualified for the domain at `at`), "
         "CONFLICT_OF_INTEREST")
_DRAFT = ("UNKNOWN_VIOLATION, FINE_OUT_OF_RANGE, FIRST_VIOLATION_CONDITIONS_NOT_MET, "
          "NOT_ON_NO_PENALTY_LIST, NOT_ON_LIGHTER_LIST, NOT_ON_MITIGATED_LIST")
_OFFICER = ("enforcement_officer, for the case's agency on their token (another agency: "
            "FORBIDDEN)")
_LEGAL = ("accountability_officer (legal-affairs staff), for any agency unless their token "
          "names another (then FORBIDDEN)")


class Mutation(graphene.ObjectType):
    register_enforcement_entity = graphene.Field(
        EntityPayload, required=True, input=i.EntityInput(
            required=True, description="The entity and the directory it goes into."),
        description="Register an entity in the agency's directory (检查对象名录库), or merge "
                    "into the one with its registration number. enforcement_officer, for the "
                    "agency on their token (another: FORBIDDEN). Errors: INVALID_INPUT, "
                    "UNKNOWN_CATEGORY, CATEGORY_CONFLICT.")
    declare_conflict_of_interest = graphene.Field(
        ConflictPayload, required=True, input=i.ConflictInput(
            required=True, description="The officer, the entity and why."),
        description="Declare that an officer must recuse (回避) from an entity: their later "
                    "inspections and case steps on it are refused with CONFLICT_OF_INTEREST "
                    "and draws never pair them. enforcement_officer (own agency) and "
                    f"{_LEGAL}. Errors: NOT_FOUND (entity), INVALID_INPUT.")
    record_inspection = graphene.Field(
        InspectionPayload, required=True, input=i.RecordInspectionInput(
            required=True, description="The entity, the officers and what they found."),
        description="Record an inspection (行政检查) by at least two officers qualified for "
                    "the entity's domain at performedAt and without a conflict with it; with "
                    f"a taskId it completes that joint-operation task. {_OFFICER}. Errors: "
                    f"NOT_FOUND (entity, task), INVALID_INPUT, UNKNOWN_VIOLATION, "
                    f"TASK_MISMATCH, TASK_ALREADY_DONE, {_TEAM}.")
    file_case = graphene.Field(
        CasePayload, required=True, input=i.FileCaseInput(
            required=True, description="The entity, the officers and the suspected violation."),
        description="File a case (立案), by the body the token names (or the officers' "
                    "shared body, else the agency), which must hold the power for the "
                    f"violation that day. {_OFFICER}. Errors: NOT_FOUND (entity, inspection), "
                    "INVALID_INPUT, OUT_OF_ORDER, INSPECTION_MISMATCH, DOMAIN_MISMATCH, "
                    "UNKNOWN_VIOLATION, POWER_NOT_HELD, UNKNOWN_BODY, OFFICER_NOT_IN_BODY, "
                    f"{_TEAM}.")
    start_investigation = _case_mutation(
        "start_investigation", i.CaseStepInput, description=(
            "FILED -> UNDER_INVESTIGATION (调查取证). Needs an approved FILING-stage review "
            f"where the agency requires one (LEGAL_REVIEW_REQUIRED). {_OFFICER}. Errors: "
            f"{_STEP}, LEGAL_REVIEW_REQUIRED, {_TEAM}."))
    notify_rights = _case_mutation(
        "notify_rights", i.CaseStepInput, description=(
            "UNDER_INVESTIGATION -> RIGHTS_NOTIFIED: the notice of the intended penalty and "
            "of the right to state a defence or ask for a hearing (告知). Needs an approved "
            "INVESTIGATION_END review where required. "
            f"{_OFFICER}. Errors: {_STEP}, LEGAL_REVIEW_REQUIRED, {_TEAM}."))
    submit_for_legal_review = _case_mutation(
        "submit_for_legal_review", i.LegalReviewSubmissionInput, description=(
            "Send the case to legal review (法制审核) at a stage: FILING, INVESTIGATION_END, "
            "DECISION (with the proposed decision; the case waits in LEGAL_REVIEW) or "
            f"CLOSING. {_OFFICER}. Errors: {_STEP}, REVIEW_PENDING (another stage's review "
            f"is pending), {_DRAFT}, {_TEAM}."))
    record_legal_review = _case_mutation(
        "record_legal_review", i.LegalReviewInput, LEGAL, (
            "The reviewer's answer to the pending review; the reviewer (the caller) is "
            "neither an officer of the case nor who submitted it. APPROVED at DECISION lets "
            "the case be decided within the proposal; REJECTED sends it back to "
            f"investigation. {_LEGAL}. Errors: {_STEP} (INVALID_TRANSITION: none pending), "
            "REVIEWER_NOT_INDEPENDENT."))
    record_compulsory_measure = _case_mutation(
        "record_compulsory_measure", i.CompulsoryMeasureInput, description=(
            "Record a compulsory measure (查封、扣押 ...) taken before the decision; refused for "
            "a violation on the no-compulsory-measures list that day "
            f"(COMPULSORY_MEASURE_NOT_ALLOWED). {_OFFICER}. Errors: {_STEP}, "
            f"COMPULSORY_MEASURE_NOT_ALLOWED, {_TEAM}."))
    decide_case = _case_mutation("decide", i.DecideCaseInput, description=(
        "Decide the case (行政处罚决定): from RIGHTS_NOTIFIED or LEGAL_REVIEW (a transfer or "
        "not-established outcome also from UNDER_INVESTIGATION). Needs the DECISION stage's "
        "approved review where configured, and always for a major case; the decision stays "
        f"within the approved proposal. {_OFFICER}. Errors: {_STEP}, LEGAL_REVIEW_REQUIRED, "
        f"{_DRAFT}, {_TEAM}."))
    record_service_consent = _case_mutation(
        "record_service_consent", i.ServiceConsentInput, description=(
            "Record the party's written consent to be served by EMAIL or FAX at an address "
            f"(APL art. 61). {_OFFICER}. Errors: {_STEP} (INVALID_INPUT: not EMAIL or FAX, "
            f"no address), {_TEAM}."))
    attempt_service = _case_mutation(
        "attempt_service", i.AttemptServiceInput, description=(
            "Record an attempt to serve a document (送达); the DECISION document only once "
            "decided and not yet served. EMAIL and FAX need the party's consent "
            f"(CONSENT_REQUIRED). {_OFFICER}. Errors: {_STEP}, CONSENT_REQUIRED, {_TEAM}."),
        document="DECISION")
    record_service_receipt = _case_mutation(
        "record_service_receipt", i.ServiceReceiptInput, OFFICERS + LEGAL, (
            "Record the receipt of a served document; the decision's receipt moves the case "
            "DECIDED -> SERVED. A fact, not a team step: no officers. enforcement_officer "
            f"(own agency) and {_LEGAL}. Errors: {_STEP} (NOT_FOUND also for an unknown "
            "attemptIndex), ALREADY_RECEIVED."))
    file_with_justice_bureau = _case_mutation(
        "file_with_justice_bureau", i.JusticeFilingInput, LEGAL, (
            "Record a major decision's filing with the justice bureau (向司法局备案), before "
            f"the case closes. {_LEGAL}. Errors: {_STEP}, JUSTICE_FILING_NOT_REQUIRED (not a "
            "major decision), ALREADY_FILED."))
    publish_decision = _case_mutation(
        "publish_decision", i.PublishDecisionInput, description=(
            "Record the decision's publication (公示): SERVED -> PUBLISHED, for outcomes that "
            "are published; lateness against publicationDue is kept, not refused. "
            f"{_OFFICER}. Errors: {_STEP}, {_TEAM}."))
    close_case = _case_mutation(
        "close", i.CaseStepInput, description=(
            "Close the case (结案): once served, and published when the outcome is (a "
            "transfer straight after the decision); a major decision must be filed with the "
            "justice bureau first. Needs an approved CLOSING review where required. "
            f"{_OFFICER}. Errors: {_STEP}, JUSTICE_FILING_REQUIRED, LEGAL_REVIEW_REQUIRED, "
            f"{_TEAM}."))
    issue_case_document = graphene.Field(
        DocumentPayload, required=True, input=i.IssueCaseDocumentInput(
            required=True, description="The case and the kind of document."),
        description="Generate a reasoned document (说理式文书) from the case, in Chinese, as "
                    "HTML and PDF; its SHA-256 enters the case record (enforcement officers "
                    "of the case's agency). Refused: DOCUMENT_NOT_AVAILABLE (the case is not "
                    "where that document belongs), INVALID_TRANSITION (closed), NOT_FOUND.")
    mark_typical_case = graphene.Field(
        TypicalPayload, required=True, input=i.MarkTypicalCaseInput(
            required=True, description="The published case and its public summary."),
        description="Mark a published decision a typical case (典型案例) with a public "
                    "summary (enforcement officers of the agency, legal-affairs staff). "
                    "Refused: DECISION_NOT_PUBLISHED, TYPICAL_CASE_ALREADY_MARKED, "
                    "INVALID_INPUT (a summary naming a natural-person party), NOT_FOUND.")

    @requires(*OFFICERS)
    def resolve_issue_case_document(root, info, input):
        # rendering a PDF takes a few seconds on a busy machine: more than a query's bound
        return _on_case(info, input, "issue_document", DocumentPayload, "document", OFFICERS,
                        timeout=30)

    @requires(*OFFICERS, *LEGAL)
    def resolve_mark_typical_case(root, info, input):
        return _on_case(info, input, "mark_typical", TypicalPayload, "typical_case",
                        OFFICERS + LEGAL)

    @requires(*OFFICERS)
    def resolve_register_enforcement_entity(root, info, input):
        return _new(info, input, "register_entity", EntityPayload, "entity")

    @requires(*OFFICERS, *LEGAL)
    def resolve_declare_conflict_of_interest(root, info, input):
        return _new(info, input, "declare_conflict", ConflictPayload, "conflict",
                    OFFICERS + LEGAL, viewer=False)

    @requires(*OFFICERS)
    def resolve_record_inspection(root, info, input):
        return _new(info, input, "record_inspection", InspectionPayload, "inspection",
                    viewer=False)

    @requires(*OFFICERS)
    def resolve_file_case(root, info, input):
        return _new(info, input, "file_case", CasePayload, "case")

