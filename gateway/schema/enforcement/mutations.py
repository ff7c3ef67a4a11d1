"""Mutations: directory, inspections and every case step. Refusals (codes from the case
core) come back in `errors`; who may act for which agency is checked first."""
from __future__ import annotations

import graphene

from gateway.schema.base import mutation, payload_type, plain
from gateway.schema.enforcement import inputs as i
from gateway.schema.enforcement import support
from gateway.schema.enforcement.case_types import EnforcementCase
from gateway.schema.enforcement.evidence_types import CaseDocument, TypicalCase
from gateway.schema.enforcement.support import LEGAL, OFFICERS
from gateway.schema.enforcement.types import (
    ConflictOfInterest, EnforcementEntity, Inspection)
from services.common.errors import DomainError
from services.contracts.vocabulary import agency_of


EntityPayload = payload_type("EnforcementEntityPayload", "entity", EnforcementEntity,
                             "enforcement entity (检查对象)")
ConflictPayload = payload_type("ConflictOfInterestPayload", "conflict", ConflictOfInterest,
                               "declared conflict of interest (回避)")
InspectionPayload = payload_type("InspectionPayload", "inspection", Inspection,
                                 "inspection (行政检查)")
CasePayload = payload_type("EnforcementCasePayload", "case", EnforcementCase,
                           "enforcement case (案件)")
DocumentPayload = payload_type("CaseDocumentPayload", "document", CaseDocument,
                               "reasoned document (说理式文书)")
TypicalPayload = payload_type("TypicalCasePayload", "typical_case", TypicalCase,
                              "typical case (典型案例)")


def _case_agency(case_id):
    """The agency holding a case, from its id (NOT_FOUND for an id of no agency)."""
    agency = agency_of(case_id)
    if agency is None:
        raise DomainError("NOT_FOUND", f"case {case_id} does not exist", ["input", "caseId"])
    return agency


def _on_case(payload, method, roles, timeout=None, **field):
    """A write on a case by its id: the agency is the case's."""
    def call(services, who, input):
        data = plain(dict(input))
        agency = _case_agency(data.get("case_id"))
        who = support.acting(who, agency, roles)
        return getattr(support.client(services, agency), method)(data, who, timeout=timeout)
    return mutation(payload, roles=roles, call=call, **field)


def _new(payload, method, roles=OFFICERS, viewer=True, **field):
    """A create-style mutation: the agency is in the input."""
    def call(services, who, input):
        data = plain(dict(input))
        agency = data.pop("agency")
        who = support.acting(who, agency, roles)
        args = (data, who, who) if viewer else (data, who)
        return getattr(support.client(services, agency), method)(*args)
    return mutation(payload, roles=roles, call=call, **field)


def _case_mutation(action, input_type, roles=OFFICERS, description=None, **defaults):
    """A case step: the agency is the case's (from its id)."""
    def call(services, who, input):
        data = plain(dict({**defaults, **input}))
        case_id = data.pop("case_id")
        agency = _case_agency(case_id)
        who = support.acting(who, agency, roles)
        return support.client(services, agency).case_action(case_id, action, data, who, who)
    return mutation(CasePayload, roles=roles, description=description, call=call,
                    input=input_type(required=True,
                                     description="The case and the step's details."))


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
    register_enforcement_entity = _new(
        EntityPayload, "register_entity", input=i.EntityInput(
            required=True, description="The entity and the directory it goes into."),
        description="Register an entity in the agency's directory (检查对象名录库), or merge "
                    "into the one with its registration number. enforcement_officer, for the "
                    "agency on their token (another: FORBIDDEN). Errors: INVALID_INPUT, "
                    "UNKNOWN_CATEGORY, CATEGORY_CONFLICT.")
    declare_conflict_of_interest = _new(
        ConflictPayload, "declare_conflict", OFFICERS + LEGAL, viewer=False, input=i.ConflictInput(
            required=True, description="The officer, the entity and why."),
        description="Declare that an officer must recuse (回避) from an entity: their later "
                    "inspections and case steps on it are refused with CONFLICT_OF_INTEREST "
                    "and draws never pair them. enforcement_officer (own agency) and "
                    f"{_LEGAL}. Errors: NOT_FOUND (entity), INVALID_INPUT.")
    record_inspection = _new(
        InspectionPayload, "record_inspection", viewer=False, input=i.RecordInspectionInput(
            required=True, description="The entity, the officers and what they found."),
        description="Record an inspection (行政检查) by at least two officers qualified for "
                    "the entity's domain at performedAt and without a conflict with it; with "
                    f"a taskId it completes that joint-operation task. {_OFFICER}. Errors: "
                    f"NOT_FOUND (entity, task), INVALID_INPUT, UNKNOWN_VIOLATION, "
                    f"TASK_MISMATCH, TASK_ALREADY_DONE, {_TEAM}.")
    file_case = _new(
        CasePayload, "file_case", input=i.FileCaseInput(
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
    # rendering a PDF takes a few seconds on a busy machine: more than a query's bound
    issue_case_document = _on_case(
        DocumentPayload, "issue_document", OFFICERS, timeout=30, input=i.IssueCaseDocumentInput(
            required=True, description="The case and the kind of document."),
        description="Generate a reasoned document (说理式文书) from the case, in Chinese, as "
                    "HTML and PDF; its SHA-256 enters the case record (enforcement officers "
                    "of the case's agency). Refused: DOCUMENT_NOT_AVAILABLE (the case is not "
                    "where that document belongs), INVALID_TRANSITION (closed), NOT_FOUND.")
    mark_typical_case = _on_case(
        TypicalPayload, "mark_typical", OFFICERS + LEGAL, input=i.MarkTypicalCaseInput(
            required=True, description="The published case and its public summary."),
        description="Mark a published decision a typical case (典型案例) with a public "
                    "summary (enforcement officers of the agency, legal-affairs staff). "
                    "Refused: DECISION_NOT_PUBLISHED, TYPICAL_CASE_ALREADY_MARKED, "
                    "INVALID_INPUT (a summary naming a natural-person party), NOT_FOUND.")
