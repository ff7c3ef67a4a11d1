"""Enforcement in the gateway: culture and transport share one RPC API, so every field
routes to the agency's service (by argument, or by the agency in an id) and joins the
entities and officers it shows in batches."""
from __future__ import annotations

import graphene

from gateway.schema.base import Agency, EnforcementDomain, enum_value, plain, requires
from gateway.schema.enforcement import bodies
from gateway.schema.enforcement import case_types as c
from gateway.schema.enforcement import published_types as p
from gateway.schema.enforcement import support
from gateway.schema.enforcement import types as t
from gateway.schema.enforcement.mutations import Mutation as CaseMutation
from gateway.schema.base import public_read
from gateway.schema.enforcement.support import PUBLIC, READERS
from gateway.schema import paging
from gateway.schema.paging import field
from gateway.schema.scalars import DateTime

_agency = Agency(required=True)


class Mutation(CaseMutation, bodies.Mutation):
    """The directory, inspection and case mutations, and the register of bodies."""


class Query(bodies.Query, graphene.ObjectType):
    enforcement_entities = field(
        t.EntityConnection, "The agency's directory, by category and name.", agency=_agency,
        category=t.EntityCategory(), risk_level=t.RiskLevel(), domain=EnforcementDomain(),
        name_prefix=graphene.String(), registration_no=graphene.String())
    enforcement_entity = graphene.Field(t.EnforcementEntity, agency=_agency,
                                        id=graphene.ID(required=True))
    inspections = field(
        t.InspectionConnection, "Newest first.", agency=_agency, entity_id=graphene.ID(),
        operation_id=graphene.ID(), task_id=graphene.ID(), officer_id=graphene.ID(),
        kind=t.InspectionKind(), performed_from=DateTime(),
        performed_to=DateTime())
    inspection = graphene.Field(t.Inspection, id=graphene.ID(required=True))
    planned_inspection_tasks = field(
        t.PlannedInspectionTaskConnection, "Tasks handed over by joint operations.",
        agency=_agency, operation_id=graphene.ID(), status=t.TaskStatus())
    conflicts_of_interest = field(t.ConflictConnection, agency=_agency,
                                  entity_id=graphene.ID(), officer_id=graphene.ID())
    enforcement_cases = field(
        c.CaseConnection, "Newest filing first.", agency=_agency, state=c.CaseState(),
        domain=EnforcementDomain(), entity_id=graphene.ID(), operation_id=graphene.ID(),
        inspection_id=graphene.ID(), violation_code=graphene.String(),
        major=graphene.Boolean(), outcome=c.DecisionOutcome(),
        filed_from=DateTime(), filed_to=DateTime())
    enforcement_case = graphene.Field(c.EnforcementCase, id=graphene.ID(required=True))
    overdue_enforcement_deadlines = field(c.OverdueDeadlineConnection, "Earliest due first.",
                                          agency=_agency)
    verify_case_record = graphene.Field(
        t.RecordCheck, id=graphene.ID(required=True, description="A case or inspection id."),
        description="Checks the stored full-process record: intact, or where it breaks.")
    published_decisions = field(p.PublishedDecisionConnection, "Newest first.",
                                agency=_agency, published_from=DateTime(),
                                published_to=DateTime())
    published_decision = graphene.Field(p.PublishedDecision, case_id=graphene.ID(required=True))
    enforcement_statistics = graphene.Field(
        p.EnforcementStatistics, required=True, agency=_agency,
        period_from=graphene.Date(required=True), period_to=graphene.Date(required=True),
        description="Figures for the civil dates [periodFrom, periodTo] (Asia/Shanghai).")

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
        return svc.verify_record(id) if svc else None

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

    @requires(*PUBLIC)  # annual-report figures: cross-agency systems read them too
    def resolve_enforcement_statistics(root, info, agency, period_from, period_to):
        return support.service(info, enum_value(agency)).statistics(
            period_from.isoformat(), period_to.isoformat())
