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
from gateway.schema.scalars import Date, DateTime
from services.contracts.vocabulary import CASE_KINDS, REVIEW_STAGES
from services.contracts.vocabulary import COMPULSORY_MEASURES
from services.common.actor import stored
from services.common.clock import local_date, parse_day, utcnow
from services.common.workdays import workdays_left
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
    """The party of a case (当事人): the person or organisation the case is against, and how they
    agreed to be served."""
    name = graphene.String(required=True,
                           description="The party's name (shown masked for natural persons "
                                       "outside the holding agency and when published).")
    natural_person = graphene.Boolean(required=True,
                                      description="true for a natural person (or sole "
                                                  "proprietor), whose personal data is masked.")
    id_number = graphene.String(description="A natural person's resident ID number; null for "
                                            "organisations; masked outside the holding agency.")
    registration_no = graphene.String(description="The registration number (unified social credit "
                                                  "code, or a person's licence); null when not "
                                                  "given; masked for natural persons outside the "
                                                  "holding agency.")
    consent_methods = graphene.List(graphene.NonNull(ServiceMethod), required=True,
                                    resolver=lambda r, i: sorted(r.get("consent") or {}),
                                    description="The electronic service methods (EMAIL, FAX) the "
                                                "party consented to in writing (电子送达, APL art. "
                                                "61); empty: in person or by post only.")


class DecisionDraft(graphene.ObjectType):
    """A decision's content, as proposed for legal review or as decided: outcome, violation,
    circumstance, fine and measures."""
    outcome = graphene.Field(DecisionOutcome, required=True,
                             description="What was decided: a penalty, no penalty (first "
                                         "violation or not established), guidance, mediation or "
                                         "transfer.")
    violation_code = graphene.String(description="The violation decided on (the agency "
                                                 "catalogue's code); null for outcomes that name "
                                                 "none.")
    circumstance = graphene.Field(Circumstance,
                                  description="The discretion circumstance (自由裁量基准) that sets the "
                                              "fine's range; null without a fine.")
    fine = graphene.Int(description="The fine in yuan (元), a whole number within the "
                                    "circumstance's range; null when no fine.")
    measures = graphene.List(graphene.NonNull(Measure), required=True,
                             description="Penalty measures besides a fine (warning, confiscation, "
                                         "suspension, licence revocation, closure); empty when "
                                         "none.")
    first_violation = graphene.Boolean(required=True,
                                       description="The officers' claim that this is the party's "
                                                   "first violation (首违); checked against the "
                                                   "entity's earlier cases.")
    minor_harm = graphene.Boolean(required=True,
                                  description="The harm was minor (危害后果轻微): a condition of the "
                                              "first-violation waiver.")
    corrected_in_time = graphene.Boolean(required=True,
                                         description="The party corrected it in time (及时改正): a "
                                                     "condition of the first-violation waiver.")
    transfer_to = graphene.String(description="The authority the case is transferred to (outcome "
                                              "TRANSFER); null otherwise.")
    reason = graphene.String(description="The reasoning, in plain text; empty when none was "
                                         "given.")


class LegalReview(graphene.ObjectType):
    """A legal review (法制审核) of the case at one stage: submitted by the case officers, answered by
    an independent legal-affairs reviewer."""
    stage = graphene.Field(ReviewStage, required=True,
                           resolver=lambda r, i: r.get("stage") or "DECISION",
                           description="The stage reviewed: FILING, INVESTIGATION_END, DECISION "
                                       "or CLOSING.")
    submitted_at = DateTime(required=True,
                            description="When it was submitted for review.")
    submitted_by = graphene.String(description="Subject of who submitted it (never its reviewer).")
    proposal = graphene.Field(DecisionDraft, description="The DECISION stage's proposal.")
    outcome = graphene.Field(ReviewOutcome, description="APPROVED or REJECTED; null while "
                                                        "pending.")
    reviewer_id = graphene.ID(description="Who reviewed it (the reviewer's token subject); null "
                                          "while pending.")
    reviewed_at = DateTime(description="When the reviewer answered; null while pending.")
    opinion = graphene.String(description="The reviewer's opinion, in plain text; null or empty "
                                          "when none was given.")


class Decision(graphene.ObjectType):
    """The penalty decision (行政处罚决定) of a case, with what follows from it: major or not, justice-
    bureau filing and publication due."""
    draft = graphene.Field(DecisionDraft, required=True,
                           description="What was decided.")
    decided_at = DateTime(required=True,
                          description="When it was decided.")
    major = graphene.Boolean(required=True,
                             description="A major case (重大行政处罚): flagged complex, a licence "
                                         "revocation or closure, or a fine above the agency's "
                                         "threshold (by default 10,000 yuan for a person, 50,000 "
                                         "for an organisation).")
    legal_review_approved = graphene.Boolean(required=True,
                                             description="true when an approved legal review of "
                                                         "the proposal covers it (always for a "
                                                         "major case).")
    justice_filing_required = graphene.Boolean(required=True,
                                               description="true for a major decision: it is "
                                                           "filed with the justice bureau "
                                                           "(向司法局备案) before the case closes.")
    publication_required = graphene.Boolean(required=True,
                                            description="true when the outcome is published (公示), "
                                                        "by default within 7 working days of the "
                                                        "decision.")
    officer_ids = graphene.List(graphene.NonNull(graphene.ID), required=True,
                                description="The officers who decided (at least two).")


class ServiceAttempt(graphene.ObjectType):
    """One attempt to serve a document on the party (送达), with its receipt once recorded."""
    document = graphene.String(required=True,
                               description="The document served: DECISION (the penalty decision) "
                                           "or another document's name.")
    method = graphene.Field(ServiceMethod, required=True,
                            description="How it was served: IN_PERSON, POST, EMAIL or FAX.")
    address = graphene.String(description="Where it was sent (the consented address for EMAIL and "
                                          "FAX); null when not given.")
    at = DateTime(required=True,
                  description="When it was sent or handed over.")
    officer_ids = graphene.List(graphene.NonNull(graphene.ID), required=True,
                                description="The officers who served it.")
    received_at = DateTime(description="When the party received it (signature, return slip, "
                                       "arrival in the mailbox); null until recorded.")


class Publication(graphene.ObjectType):
    """The publication (公示) of a case's decision and whether it was in time."""
    published_at = DateTime(required=True,
                            description="When it was published.")
    due = Date(required=True,
               description="The last civil date (Asia/Shanghai) it was due: 7 working "
                           "days after the decision by default.")
    late = graphene.Boolean(required=True,
                            description="true when published after the due date.")
    channel = graphene.String(description="Where it was published (e.g. the agency's website, the "
                                          "credit-publicity system); empty when not given.")


class JusticeFiling(graphene.ObjectType):
    """A major decision's filing with the justice bureau (向司法局备案), recorded by legal-affairs staff."""
    filed_at = DateTime(required=True,
                        description="When it was filed.")
    reference = graphene.String(required=True,
                                description="The bureau's acknowledgement number.")
    filed_by = graphene.String(required=True, deprecation_reason=(
        "Subject of whoever filed it; use filedByActor. Removed in the next release."),
                               description="Subject of whoever recorded the filing (deprecated: "
                                           "use filedByActor).")
    filed_by_actor = graphene.Field(Actor, required=True, description="Who recorded the "
                                    "filing.", resolver=lambda root, info: root.get(
                                        "_actor") or stored(None))


class CompulsoryMeasure(graphene.ObjectType):
    """An administrative compulsory measure (行政强制措施) taken during a case before its decision:
    sealing up, seizure, freezing."""
    measure = graphene.Field(CompulsoryMeasureKind, required=True,
                             description="Which measure: SEAL_UP, SEIZE, FREEZE or OTHER.")
    at = DateTime(required=True,
                  description="When it was taken.")
    officer_ids = graphene.List(graphene.NonNull(graphene.ID), required=True,
                                description="The officers who took it (at least two).")
    items = graphene.List(graphene.NonNull(graphene.String), required=True,
                          description="What was sealed up, seized or frozen; empty when not "
                                      "listed.")
    reason = graphene.String(description="Why, in plain text; empty when not given.")


def _working_days_left(root, info):
    return workdays_left(parse_day(root["due"]), local_date(utcnow()))


_WORKING_DAYS_LEFT = (
    "Working days (Chinese calendar: weekends and public holidays skipped, make-up working "
    "days counted) after today (Asia/Shanghai) up to and including the due date; 0 on the "
    "due day; negative once passed: minus the working days since the due date.")


class CaseDeadline(graphene.ObjectType):
    """One of the case's legal deadlines (处罚决定 / 公示期限) with what is left of it."""
    kind = graphene.Field(DeadlineKind, required=True,
                          description="DECISION (decide by decisionDue) or PUBLICATION "
                                      "(publish by publicationDue).")
    due = Date(required=True,
               description="The last civil date (Asia/Shanghai) in time.")
    met = graphene.Boolean(required=True, description="The step is done (decided; "
                                                      "published): the deadline no longer runs.")
    overdue = graphene.Boolean(required=True, description="Passed with the step still undone "
                                                          "(逾期).")
    working_days_left = graphene.Int(description=_WORKING_DAYS_LEFT + " Null once met.")

    def resolve_working_days_left(root, info):
        return None if root["met"] else _working_days_left(root, info)


def _deadlines(root, info):
    found = [{"kind": "DECISION", "due": root["decision_due"], "met": bool(root.get("decision")),
              "overdue": "DECISION" in (root.get("overdue") or [])}]
    if root.get("publication_due"):
        found.append({"kind": "PUBLICATION", "due": root["publication_due"],
                      "met": bool(root.get("publication")),
                      "overdue": "PUBLICATION" in (root.get("overdue") or [])})
    return found


class EnforcementCase(graphene.ObjectType):
    """A penalty case (行政处罚案件): filing, investigation, notice of rights, legal review, decision,
    service, publication and closing, each step in its tamper-evident full-process record."""
    id = graphene.ID(required=True,
                     description="The case's id (it names its agency).")
    agency = graphene.Field(Agency, required=True,
                            description="The agency handling the case.")
    domain = graphene.Field(EnforcementDomain, required=True,
                            description="The enforcement domain (the entity's).")
    state = graphene.Field(CaseState, required=True,
                           description="Where the case stands (FILED ... CLOSED).")
    entity = graphene.Field(EnforcementEntity,
                            description="The entity the case is against; null if it is no longer "
                                        "in the directory.")
    party = graphene.Field(Party, required=True,
                           description="The party (当事人), masked for natural persons outside the "
                                       "holding agency.")
    violation_code = graphene.String(description="The violation the case was filed for (the "
                                                 "agency catalogue's code); null when not yet "
                                                 "named.")
    filed_at = DateTime(required=True,
                        description="When it was filed (立案).")
    decision_due = Date(required=True,
                        description="90 calendar days after filing by default.")
    complex = graphene.Boolean(required=True,
                               description="Flagged complex at filing: always a major case.")
    kind = graphene.Field(CaseKind, required=True, resolver=lambda r, i: r.get("kind")
                          or "PENALTY",
                          description="PENALTY (普通程序) or SUMMARY (简易程序), which sets the "
                                      "legal-review stages.")
    body = graphene.Field(lambda: EnforcementBody, description="The body that filed it "
                          "(the agency for cases filed before bodies were kept).")
    compulsory_measures = graphene.List(graphene.NonNull(CompulsoryMeasure), required=True,
                                        resolver=lambda r, i: r.get("compulsory_measures")
                                        or [],
                                        description="Compulsory measures taken during the case, "
                                                    "oldest first.")
    major = graphene.Boolean(required=True,
                             description="Whether it was decided as a major case (重大行政处罚); false "
                                         "until decided.")
    inspection_id = graphene.ID(description="The inspection it was opened from; null when none.")
    operation_id = graphene.ID(description="The joint operation it belongs to; null when none.")
    legal_reviews = graphene.List(graphene.NonNull(LegalReview), required=True,
                                  description="Its legal reviews, oldest first.")
    decision = graphene.Field(Decision,
                              description="The decision; null until decided.")
    publication_due = Date(description="7 working days after the decision.")
    service_attempts = graphene.List(graphene.NonNull(ServiceAttempt), required=True,
                                     source="service",
                                     description="Attempts to serve documents on the party, "
                                                 "oldest first (attemptIndex counts from 0 in "
                                                 "this order).")
    publication = graphene.Field(Publication,
                                 description="The decision's publication; null until published.")
    justice_filing = graphene.Field(JusticeFiling,
                                    description="The filing with the justice bureau; null until "
                                                "filed (major decisions only).")
    closed_at = DateTime(description="When it was closed (结案); null while open.")
    overdue = graphene.List(graphene.NonNull(DeadlineKind), required=True,
                            description="Deadlines passed with the step still undone.")
    deadlines = graphene.List(graphene.NonNull(lambda: CaseDeadline), required=True,
                              resolver=_deadlines,
                              description="Its deadlines (the decision's; the publication's "
                                          "once decided) with the working days left.")
    officers = graphene.List(graphene.NonNull(Officer), required=True, resolver=_officers,
                             description="The certified officers who acted in the case, in record "
                                         "order (reviewers and filers are not among them).")
    timeline = graphene.List(graphene.NonNull(RecordEntry), required=True, source="record",
                             description="Every step, oldest first (the full-process record).")
    record_check = graphene.Field(RecordCheck, required=True,
                                  description="Whether its full-process record is intact, checked "
                                              "by the enforcement service.")
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
    """A case deadline passed with its step undone (逾期)."""
    case = graphene.Field(EnforcementCase, required=True,
                          description="The case whose deadline passed.")
    kind = graphene.Field(DeadlineKind, required=True,
                          description="DECISION (not decided by decisionDue) or PUBLICATION (not "
                                      "published by publicationDue).")
    due = Date(required=True,
               description="The civil date (Asia/Shanghai) it was due.")
    working_days_left = graphene.Int(required=True, resolver=_working_days_left,
                                     description=_WORKING_DAYS_LEFT)


CaseConnection = connection(EnforcementCase)
OverdueDeadlineConnection = connection(OverdueDeadline)
