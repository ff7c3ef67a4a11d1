"""Mutations: directory, inspections and every case step. Refusals (codes from the case
core) come back in `errors`; who may act for which agency is checked first."""
from __future__ import annotations

import graphene

from gateway.schema.base import payload_type
from gateway.schema.base import UserError, payload_errors, plain, requires
from gateway.schema.enforcement import inputs as i
from gateway.schema.enforcement import support
from gateway.schema.enforcement.case_types import EnforcementCase
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

