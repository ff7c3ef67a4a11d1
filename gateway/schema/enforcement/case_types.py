"""Case types: the case with its timeline, decisions, publication and the figures."""
from __future__ import annotations

import graphene

from gateway.schema.actors import Actor
from gateway.schema.base import Agency, EnforcementDomain, enum_of
from gateway.schema.certification_types import Officer
from gateway.schema.enforcement import evidence_types as ev
from gateway.schema.enforcement import support
from gateway.schema.enforcement.bodies import EnforcementBody, bodies_of
from gateway.schema.enforcement.types import (
    EnforcementEntity, RecordCheck, RecordEntry, _officers, first_actor)
from gateway.schema.paging import connection
from services.contracts.vocabulary import CASE_KINDS, REVIEW_STAGES
from services.contracts.vocabulary import COMPULSORY_MEASURES
from services.common.actor import stored
from services.contracts.vocabulary import CASE_STATES as STATES
from services.contracts.vocabulary import CIRCUMSTANCES, DECISION_MEASURES as MEASURES, DECISION_OUTCOMES as OUTCOMES
from services.contracts.vocabulary import JUSTICE_FILED as JUSTICE_STEP, SERVICE_METHODS as METHODS

CaseState = enum_of("CaseState", STATES)
DecisionOutcome = enum_of("DecisionOutcome", OUTCOMES)
Circumstance = enum_of("DecisionCircumstance", CIRCUMSTANCES)
Measure = enum_of("PenaltyMeasure", MEASURES)
ServiceMethod = enum_of("ServiceMethod", METHODS)
DeadlineKind = enum_of("DeadlineKind", ("DECISION", "PUBLICATION"))
ReviewOutcome = enum_of("LegalReviewOutcome", ("APPROVED", "REJECTED"))
ReviewStage = enum_of("LegalReviewStage", REVIEW_STAGES,
                      "立案 / 调查终结 / 处罚决定 / 结案: where a case is legally reviewed.")
CaseKind = enum_of("EnforcementCaseKind", CASE_KINDS,
                   "PENALTY: 普通程序 (reviewed at each configured stage); SUMMARY: 简易程序.")
CompulsoryMeasureKind = enum_of("CompulsoryMeasureKind", COMPULSORY_MEASURES,
                                "查封 / 扣押 / 冻结 / 其他行政强制措施.")


class Party(graphene.ObjectType):
    name = graphene.String(required=True)
    natural_person = graphene.Boolean(required=True)
    id_number = graphene.String()
    registration_no = graphene.String()
    consent_methods = graphene.List(graphene.NonNull(ServiceMethod), required=True,
                                    resolver=lambda r, i: sorted(r.get("consent") or {}))


class DecisionDraft(graphene.ObjectType):
    outcome = graphene.Field(DecisionOutcome, required=True)
    violation_code = graphene.String()
    circumstance = graphene.Field(Circumstance)
    fine = graphene.Int(description="Yuan.")
    measures = graphene.List(graphene.NonNull(Measure), required=True)
    first_violation = graphene.Boolean(required=True)
    minor_harm = graphene.Boolean(required=True)
    corrected_in_time = graphene.Boolean(required=True)
    transfer_to = graphene.String()
    reason = graphene.String()


class LegalReview(graphene.ObjectType):
    stage = graphene.Field(ReviewStage, required=True,
                           resolver=lambda r, i: r.get("stage") or "DECISION")
    submitted_at = support.when("submitted_at", required=True)
    submitted_by = graphene.String(description="Subject of who submitted it.")
    proposal = graphene.Field(DecisionDraft, description="The DECISION stage's proposal.")
    outcome = graphene.Field(ReviewOutcome, description="Null while pending.")
    reviewer_id = graphene.ID()
    reviewed_at = support.when("reviewed_at")
    opinion = graphene.String()


class Decision(graphene.ObjectType):
    draft = graphene.Field(DecisionDraft, required=True)
    decided_at = support.when("decided_at", required=True)
    major = graphene.Boolean(required=True)
    legal_review_approved = graphene.Boolean(required=True)
    justice_filing_required = graphene.Boolean(required=True)
    publication_required = graphene.Boolean(required=True)
    officer_ids = graphene.List(graphene.NonNull(graphene.ID), required=True)


class ServiceAttempt(graphene.ObjectType):
    document = graphene.String(required=True)
    method = graphene.Field(ServiceMethod, required=True)
    address = graphene.String()
    at = support.when("at", required=True)
    officer_ids = graphene.List(graphene.NonNull(graphene.ID), required=True)
    received_at = support.when("received_at")


class Publication(graphene.ObjectType):
    published_at = support.when("published_at", required=True)
    due = support.when("due", date=True, required=True)
    late = graphene.Boolean(required=True)
    channel = graphene.String()


class JusticeFiling(graphene.ObjectType):
    filed_at = support.when("filed_at", required=True)
    reference = graphene.String(required=True)
    filed_by = graphene.String(required=True, deprecation_reason=(
        "Subject of whoever filed it; use filedByActor. Removed in the next release."))
    filed_by_actor = graphene.Field(Actor, required=True, description="Who recorded the "
                                    "filing.", resolver=lambda root, info: root.get(
                                        "_actor") or stored(None))


class CompulsoryMeasure(graphene.ObjectType):
    measure = graphene.Field(CompulsoryMeasureKind, required=True)
    at = support.when("at", required=True)
    officer_ids = graphene.List(graphene.NonNull(graphene.ID), required=True)
    items = graphene.List(graphene.NonNull(graphene.String), required=True)
    reason = graphene.String()


class EnforcementCase(graphene.ObjectType):
    id = graphene.ID(required=True)
    agency = graphene.Field(Agency, required=True)
    domain = graphene.Field(EnforcementDomain, required=True)
    state = graphene.Field(CaseState, required=True)
    entity = graphene.Field(EnforcementEntity)
    party = graphene.Field(Party, required=True)
    violation_code = graphene.String()
    filed_at = support.when("filed_at", required=True)
    decision_due = support.when("decision_due", date=True, required=True,
                                description="90 calendar days after filing by default.")
    complex = graphene.Boolean(required=True)
    kind = graphene.Field(CaseKind, required=True, resolver=lambda r, i: r.get("kind")
                          or "PENALTY")
    body = graphene.Field(lambda: EnforcementBody, description="The body that filed it "
                          "(the agency for cases filed before bodies were kept).")
    compulsory_measures = graphene.List(graphene.NonNull(CompulsoryMeasure), required=True,
                                        resolver=lambda r, i: r.get("compulsory_measures")
                                        or [])
    major = graphene.Boolean(required=True)
    inspection_id = graphene.ID()
    operation_id = graphene.ID()
    legal_reviews = graphene.List(graphene.NonNull(LegalReview), required=True)
    decision = graphene.Field(Decision)
    publication_due = support.when("publication_due", date=True,
                                   description="7 working days after the decision.")
    service_attempts = graphene.List(graphene.NonNull(ServiceAttempt), required=True,
                                     source="service")
    publication = graphene.Field(Publication)
    justice_filing = graphene.Field(JusticeFiling)
    closed_at = support.when("closed_at")
    overdue = graphene.List(graphene.NonNull(DeadlineKind), required=True,
                            description="Deadlines passed with the step still undone.")
    officers = graphene.List(graphene.NonNull(Officer), required=True, resolver=_officers)
    timeline = graphene.List(graphene.NonNull(RecordEntry), required=True, source="record",
                             description="Every step, oldest first (the full-process record).")
    record_check = graphene.Field(RecordCheck, required=True)
    filed_by = graphene.Field(Actor, required=True, description="Who filed the case.",
                              resolver=lambda root, info: first_actor(root))
    evidence = graphene.List(graphene.NonNull(lambda: ev.EvidenceFile), required=True,
                             resolver=lambda r, i: ev.evidence_of(r, i), description=(
                                 "Evidence files of the case and of the inspection it came "
                                 "from, oldest first."))
    documents = graphene.List(graphene.NonNull(lambda: ev.CaseDocument), required=True,
                              resolver=lambda r, i: ev.documents_of(r, i), description=(
                                  "Reasoned documents generated from it (issueCaseDocument)."))
    typical_summary = graphene.String(description="典型案例: the public summary, when the "
                                      "decision was marked typical.",
                                      resolver=lambda r, i: (r.get("typical") or {}).get(
                                          "summary"))

    def resolve_justice_filing(root, info):
        filing = root.get("justice_filing")
        if not filing:
            return None
        entries = [e for e in root.get("record") or [] if e.get("action") == JUSTICE_STEP]
        return {**filing, "_actor": stored(entries[-1].get("actor") if entries else None)}

    def resolve_entity(root, info):
        return support.entities(info).get((root["agency"], root["entity_id"]))

    def resolve_body(root, info):
        return bodies_of(info, root["agency"]).get(root.get("body_id") or root["agency"])

    def resolve_record_check(root, info):
        return root["record_check"]  # checked by the enforcement service, which owns it


class OverdueDeadline(graphene.ObjectType):
    case = graphene.Field(EnforcementCase, required=True)
    kind = graphene.Field(DeadlineKind, required=True)
    due = support.when("due", date=True, required=True)


CaseConnection = connection(EnforcementCase)
OverdueDeadlineConnection = connection(OverdueDeadline)
