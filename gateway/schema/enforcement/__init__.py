"""Enforcement in the gateway: culture and transport share one RPC API, so every field
routes to the agency's service (by argument, or by the agency in an id) and joins the
entities and officers it shows in batches."""
from __future__ import annotations

import graphene

from gateway.schema.base import Agency, EnforcementDomain, enum_value, plain, requires
from gateway.schema.enforcement import bodies
from gateway.schema.enforcement import case_types as c
from gateway.schema.enforcement import evidence_types as ev
from gateway.schema.enforcement import published_types as p
from gateway.schema.enforcement import support
from gateway.schema.enforcement import types as t
from gateway.schema.enforcement.mutations import Mutation as CaseMutation
from gateway.schema.base import public_read
from gateway.schema.enforcement.support import PUBLIC, READERS
from gateway.schema import paging
from gateway.schema.paging import field
from gateway.schema.scalars import Date, DateTime



def _agency(description="Which agency's records to read: CULTURE or TRANSPORT (each keeps "
            "its own in its own service)."):
    return Agency(required=True, description=description)


class Mutation(CaseMutation, bodies.Mutation):
    """The directory, inspection and case mutations, and the register of bodies."""


class Query(bodies.Query, graphene.ObjectType):
    enforcement_entities = field(
        t.EntityConnection, "The agency's directory of inspectable entities (检查对象名录库), by "
        "category then name; natural persons' registration and ID numbers masked unless you "
        "are staff of that agency. planner, enforcement_officer, accountability_officer.",
        agency=_agency(),
        category=t.EntityCategory(description="Only entities of this directory category."),
        risk_level=t.RiskLevel(description="Only entities at this risk level."),
        domain=EnforcementDomain(description="Only entities supervised in this domain."),
        name_prefix=graphene.String(description="Only entities whose name starts with this "
                                    "text (at most 100 characters)."),
        registration_no=graphene.String(description="Only the entity with exactly this "
                                        "registration number (unified social credit code, "
                                        "licence or plate)."))
    enforcement_entity = graphene.Field(
        t.EnforcementEntity, agency=_agency("The agency whose directory holds the entity."),
        id=graphene.ID(required=True, description="The entity's id in that directory."),
        description="One entity of an agency's directory; null when unknown. planner, "
                    "enforcement_officer, accountability_officer.")
    inspections = field(
        t.InspectionConnection, "The agency's inspections (行政检查), newest first, each with "
        "its full-process record. planner, enforcement_officer, accountability_officer.",
        agency=_agency(),
        entity_id=graphene.ID(description="Only inspections of this entity."),
        operation_id=graphene.ID(description="Only inspections done for this joint operation."),
        task_id=graphene.ID(description="Only the inspection that did this planned task."),
        officer_id=graphene.ID(description="Only inspections this officer took part in."),
        kind=t.InspectionKind(description="Only PLANNED or only AD_HOC inspections."),
        performed_from=DateTime(description="Only inspections performed at or after this "
                                "moment."),
        performed_to=DateTime(description="Only inspections performed before this moment "
                              "(exclusive)."))
    inspection = graphene.Field(
        t.Inspection, id=graphene.ID(required=True, description="The inspection's id (it "
                                     "names its agency)."),
        description="One inspection with its record; null when unknown. planner, "
                    "enforcement_officer, accountability_officer.")
    planned_inspection_tasks = field(
        t.PlannedInspectionTaskConnection, "Inspection tasks joint operations handed to the "
        "agency at launch, oldest first. planner, enforcement_officer, accountability_officer.",
        agency=_agency(),
        operation_id=graphene.ID(description="Only tasks of this joint operation."),
        status=t.TaskStatus(description="Only OPEN (still to inspect) or only DONE tasks."))
    conflicts_of_interest = field(
        t.ConflictConnection, description="Declared conflicts of interest (回避): officers "
        "who must not act on an entity, by officer then entity (at most 1,000). planner, "
        "enforcement_officer, accountability_officer.", agency=_agency(),
        entity_id=graphene.ID(description="Only conflicts with this entity."),
        officer_id=graphene.ID(description="Only this officer's conflicts."))
    enforcement_cases = field(
        c.CaseConnection, "The agency's penalty cases (案件), newest filing first; parties' "
        "personal data masked unless you are staff of that agency. planner, "
        "enforcement_officer, accountability_officer.", agency=_agency(),
        state=c.CaseState(description="Only cases in this state."),
        domain=EnforcementDomain(description="Only cases in this enforcement domain."),
        entity_id=graphene.ID(description="Only cases against this entity."),
        operation_id=graphene.ID(description="Only cases opened in this joint operation."),
        inspection_id=graphene.ID(description="Only cases opened from this inspection."),
        violation_code=graphene.String(description="Only cases of this violation (the "
                                       "agency catalogue's code, e.g. NETCAFE_ADMITS_MINORS)."),
        major=graphene.Boolean(description="true: only cases decided as major (重大); false: "
                               "only decided cases that are not major."),
        outcome=c.DecisionOutcome(description="Only cases decided with this outcome."),
        filed_from=DateTime(description="Only cases filed at or after this moment."),
        filed_to=DateTime(description="Only cases filed before this moment (exclusive)."))
    enforcement_case = graphene.Field(
        c.EnforcementCase, id=graphene.ID(required=True, description="The case's id (it "
                                          "names its agency)."),
        description="One case with its timeline; null when unknown. planner, "
                    "enforcement_officer, accountability_officer.")
    overdue_enforcement_deadlines = field(
        c.OverdueDeadlineConnection, "Deadlines passed with the step undone (逾期): decisions "
        "past their due date, publications past theirs; earliest due first. planner, "
        "enforcement_officer, accountability_officer.", agency=_agency())
    verify_case_record = graphene.Field(
        t.RecordCheck, id=graphene.ID(required=True, description="A case or inspection id."),
        description="Checks the stored full-process record (执法全过程记录) of a case or an "
                    "inspection: intact, or where it breaks; null for an id of no agency, "
                    "NOT_FOUND error for an unknown one. planner, enforcement_officer, "
                    "accountability_officer.")
    published_decisions = field(
        p.PublishedDecisionConnection, "Published penalty decisions (公示), newest publication "
        "first, natural persons' names and numbers masked. Everyone, without a token too.",
        agency=_agency("Which agency's publications to read: CULTURE or TRANSPORT."),
        published_from=DateTime(description="Only decisions published at or after this "
                                "moment."),
        published_to=DateTime(description="Only decisions published before this moment "
                              "(exclusive)."))
    published_decision = graphene.Field(
        p.PublishedDecision, case_id=graphene.ID(required=True, description="The case's id."),
        description="One published decision, masked as published; null unless the case's "
                    "decision was published. Everyone, without a token too.")
    typical_cases = field(ev.TypicalCaseConnection, (
        "典型案例: published decisions marked typical, newest mark first; public (no sign-in), "
        "natural persons masked as in published decisions. Everyone, without a token "
        "too."), agency=_agency("Which agency's typical cases to read: CULTURE or TRANSPORT."),
        marked_from=DateTime(description="Only cases marked at or after this moment."),
        marked_to=DateTime(description="Only cases marked before this moment (exclusive)."))
    enforcement_statistics = graphene.Field(
        p.EnforcementStatistics, required=True,
        agency=_agency("Whose figures: CULTURE or TRANSPORT."),
        period_from=Date(required=True, description="First civil date of the "
                         "period (Asia/Shanghai), inclusive."),
        period_to=Date(required=True, description="Last civil date of the period "
                       "(Asia/Shanghai), inclusive; at most 1,098 days after "
                       "periodFrom (INVALID_INPUT otherwise)."),
        description="The annual-report figures of one agency for the civil dates [periodFrom, "
                    "periodTo] (Asia/Shanghai), computed from its records. planner, "
                    "enforcement_officer, accountability_officer, cross_agency.")

    @requires(*READERS)
    def resolve_enforcement_entities(root, info, agency, first=None, after=None, offset=None, **filters):
        svc = support.service(info, agency)
        return paging.page(t.EntityConnection, lambda page: svc.list_entities(
            plain(filters), page, support.viewer(info)), first, after, offset)

    @requires(*READERS)
    def resolve_enforcement_entity(root, info, agency, id):
        return support.service(info, agency).get_entities([id], support.viewer(info))[0]

    @requires(*READERS)
    def resolve_inspections(root, info, agency, first=None, after=None, offset=None, performed_from=None,
                            performed_to=None, **filters):
        svc, query = support.service(info, agency), plain(
            {**filters, "from": performed_from, "to": performed_to})
        return paging.page(t.InspectionConnection, lambda page: svc.list_inspections(
            query, page), first, after, offset, prime=support.primer(info))

    @requires(*READERS)
    def resolve_inspection(root, info, id):
        svc = support.service_of(info, id)
        return svc.get_inspections([id])[0] if svc else None

    @requires(*READERS)
    def resolve_planned_inspection_tasks(root, info, agency, first=None, after=None, offset=None,
                                         **filters):
        svc = support.service(info, agency)
        return paging.page(t.PlannedInspectionTaskConnection,
                           lambda page: svc.list_tasks(plain(filters), page),
                           first, after, offset)

    @requires(*READERS)
    def resolve_conflicts_of_interest(root, info, agency, first=None, after=None, offset=None,
                                      entity_id=None, officer_id=None):
        found = support.service(info, agency).list_conflicts(entity_id, officer_id)
        return paging.from_list(t.ConflictConnection, found, first, after, offset)

    @requires(*READERS)
    def resolve_enforcement_cases(root, info, agency, first=None, after=None, offset=None, filed_from=None,
                                  filed_to=None, **filters):
        svc = support.service(info, agency)
        query = plain({**filters, "from": filed_from, "to": filed_to})
        return paging.page(c.CaseConnection, lambda page: svc.list_cases(
            query, page, support.viewer(info)), first, after, offset,
            prime=support.primer(info))

    @requires(*READERS)
    def resolve_enforcement_case(root, info, id):
        svc = support.service_of(info, id)
        return svc.get_cases([id], support.viewer(info))[0] if svc else None

    @requires(*READERS)
    def resolve_overdue_enforcement_deadlines(root, info, agency, first=None, after=None, offset=None):
        items = support.service(info, agency).overdue(support.viewer(info))
        support.prime_rows(info, [i["case"] for i in items])
        return paging.from_list(c.OverdueDeadlineConnection, items, first, after, offset)

    @requires(*READERS)
    def resolve_verify_case_record(root, info, id):
        svc = support.service_of(info, id)
        return svc.verify_record(id, timeout=30) if svc else None  # re-hashes stored files

    @public_read  # published to everyone: the console's public pages read it signed out
    def resolve_published_decisions(root, info, agency, first=None, after=None, offset=None,
                                     published_from=None, published_to=None):
        svc = support.service(info, agency)
        query = plain({"from": published_from, "to": published_to})
        return paging.page(p.PublishedDecisionConnection,
                           lambda page: svc.list_published(query, page), first, after, offset)

    @public_read
    def resolve_published_decision(root, info, case_id):
        svc = support.service_of(info, case_id)
        return svc.public_decisions([case_id])[0] if svc else None

    @public_read  # published to everyone, like the decisions themselves
    def resolve_typical_cases(root, info, agency, first=None, after=None, offset=None,
                              marked_from=None, marked_to=None):
        svc = support.service(info, agency)
        query = plain({"from": marked_from, "to": marked_to})
        return paging.page(ev.TypicalCaseConnection,
                           lambda page: svc.list_typical(query, page), first, after, offset)

    @requires(*PUBLIC)  # annual-report figures: cross-agency systems read them too
    def resolve_enforcement_statistics(root, info, agency, period_from, period_to):
        return support.service(info, enum_value(agency)).statistics(
            period_from.isoformat(), period_to.isoformat())
