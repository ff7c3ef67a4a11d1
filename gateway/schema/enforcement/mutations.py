"""Mutations: directory, inspections and every case step. Refusals (codes from the case
core) come back in `errors`; who may act for which agency is checked first."""
from __future__ import annotations

import graphene

from gateway.schema.base import UserError, payload_errors, plain, requires
from gateway.schema.enforcement import inputs as i
from gateway.schema.enforcement import support
from gateway.schema.enforcement.case_types import EnforcementCase
from gateway.schema.enforcement.evidence_types import CaseDocument, TypicalCase
from gateway.schema.enforcement.support import LEGAL, OFFICERS
from gateway.schema.enforcement.types import (
    ConflictOfInterest, EnforcementEntity, Inspection)
from services.contracts.vocabulary import agency_of


def _payload(name, key, node):
    return type(name, (graphene.ObjectType,), {
        key: graphene.Field(node), "errors": graphene.List(graphene.NonNull(UserError),
                                                           required=True)})


EntityPayload = _payload("EnforcementEntityPayload", "entity", EnforcementEntity)
ConflictPayload = _payload("ConflictOfInterestPayload", "conflict", ConflictOfInterest)
InspectionPayload = _payload("InspectionPayload", "inspection", Inspection)
CasePayload = _payload("EnforcementCasePayload", "case", EnforcementCase)
DocumentPayload = type("CaseDocumentPayload", (graphene.ObjectType,), {
    "Meta": type("Meta", (), {"description": "The document generated, or why not."}),
    "document": graphene.Field(CaseDocument, description="The document; null when refused."),
    "errors": graphene.List(graphene.NonNull(UserError), required=True,
                            description="Refusals (codes).")})
TypicalPayload = type("TypicalCasePayload", (graphene.ObjectType,), {
    "Meta": type("Meta", (), {"description": "The typical case marked, or why not."}),
    "typical_case": graphene.Field(TypicalCase, description="The typical case; null when "
                                   "refused."),
    "errors": graphene.List(graphene.NonNull(UserError), required=True,
                            description="Refusals (codes).")})


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
    return graphene.Field(CasePayload, required=True, input=input_type(required=True),
                          description=description, resolver=resolve)


class Mutation(graphene.ObjectType):
    register_enforcement_entity = graphene.Field(
        EntityPayload, required=True, input=i.EntityInput(required=True),
        description="Register an entity, or merge into the one with its registration number.")
    declare_conflict_of_interest = graphene.Field(
        ConflictPayload, required=True, input=i.ConflictInput(required=True),
        description="The officer recuses from the entity (refused: CONFLICT_OF_INTEREST).")
    record_inspection = graphene.Field(
        InspectionPayload, required=True, input=i.RecordInspectionInput(required=True),
        description="Refused with TOO_FEW_OFFICERS, OFFICER_NOT_QUALIFIED or "
                    "CONFLICT_OF_INTEREST unless >= 2 qualified officers without a conflict.")
    file_case = graphene.Field(CasePayload, required=True, input=i.FileCaseInput(required=True),
                               description="Filed by the body the token names (or the "
                               "officers' body): POWER_NOT_HELD unless it holds the power.")
    start_investigation = _case_mutation("start_investigation", i.CaseStepInput)
    notify_rights = _case_mutation("notify_rights", i.CaseStepInput)
    submit_for_legal_review = _case_mutation(
        "submit_for_legal_review", i.LegalReviewSubmissionInput, description=(
            "Legal review at a stage: FILING, INVESTIGATION_END, DECISION (with the proposed "
            "decision) or CLOSING."))
    record_legal_review = _case_mutation(
        "record_legal_review", i.LegalReviewInput, LEGAL,
        "The reviewer's answer; neither a case officer nor the submitter "
        "(REVIEWER_NOT_INDEPENDENT).")
    record_compulsory_measure = _case_mutation(
        "record_compulsory_measure", i.CompulsoryMeasureInput, description=(
            "查封、扣押 ...; refused for a violation on the no-compulsory-measures list "
            "(COMPULSORY_MEASURE_NOT_ALLOWED)."))
    decide_case = _case_mutation("decide", i.DecideCaseInput, description=(
        "Needs the DECISION stage's approved legal review where configured, and always "
        "for a major case (LEGAL_REVIEW_REQUIRED)."))
    record_service_consent = _case_mutation("record_service_consent", i.ServiceConsentInput)
    attempt_service = _case_mutation("attempt_service", i.AttemptServiceInput,
                                     description="EMAIL/FAX need consent (CONSENT_REQUIRED).",
                                     document="DECISION")
    record_service_receipt = _case_mutation("record_service_receipt", i.ServiceReceiptInput,
                                            OFFICERS + LEGAL)
    file_with_justice_bureau = _case_mutation("file_with_justice_bureau", i.JusticeFilingInput,
                                              LEGAL, "Major decisions, before closing.")
    publish_decision = _case_mutation("publish_decision", i.PublishDecisionInput)
    close_case = _case_mutation("close", i.CaseStepInput)
    issue_case_document = graphene.Field(
        DocumentPayload, required=True, input=i.IssueCaseDocumentInput(required=True),
        description="Generate a reasoned document (说理式文书) from the case, in Chinese, as "
                    "HTML and PDF; its SHA-256 enters the case record (enforcement officers "
                    "of the case's agency). Refused: DOCUMENT_NOT_AVAILABLE (the case is not "
                    "where that document belongs), INVALID_TRANSITION (closed), NOT_FOUND.")
    mark_typical_case = graphene.Field(
        TypicalPayload, required=True, input=i.MarkTypicalCaseInput(required=True),
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

