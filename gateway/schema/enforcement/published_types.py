"""What leaves the agency: published decisions (masked) and the annual-report figures."""
from __future__ import annotations

import graphene

from gateway.schema.base import Agency, EnforcementDomain
from gateway.schema.enforcement import support
from gateway.schema.enforcement.case_types import DecisionOutcome, Measure
from gateway.schema.paging import connection


class PublishedDecision(graphene.ObjectType):
    """A decision as published: natural persons' names and ID numbers masked."""
    case_id = graphene.ID(required=True)
    agency = graphene.Field(Agency, required=True)
    domain = graphene.Field(EnforcementDomain, required=True)
    party_name = graphene.String(required=True)
    party_id_number = graphene.String()
    party_registration_no = graphene.String()
    natural_person = graphene.Boolean(required=True)
    violation_code = graphene.String()
    violation = graphene.String()
    legal_basis = graphene.String()
    outcome = graphene.Field(DecisionOutcome, required=True)
    fine = graphene.Int()
    measures = graphene.List(graphene.NonNull(Measure), required=True)
    decided_at = support.when("decided_at", required=True)
    published_at = support.when("published_at", required=True)
    publication_due = support.when("publication_due", date=True, required=True)
    late = graphene.Boolean(required=True)


class DecisionOutcomeCount(graphene.ObjectType):
    outcome = graphene.Field(DecisionOutcome, required=True)
    count = graphene.Int(required=True)


class EnforcementStatistics(graphene.ObjectType):
    """The annual-report figures of one agency over a period (computed in the database)."""
    agency = graphene.Field(Agency, required=True)
    period_from = support.when("from", date=True, required=True)
    period_to = support.when("to", date=True, required=True)
    inspections = graphene.Int(required=True)
    cases_filed = graphene.Int(required=True)
    decided = graphene.Int(required=True)
    legally_reviewed = graphene.Int(required=True)
    major_filed_with_justice = graphene.Int(required=True)
    published_in_time = graphene.Int(required=True)
    published_late = graphene.Int(required=True)
    first_violation_waivers = graphene.Int(required=True)
    guidance = graphene.Int(required=True)
    mediation = graphene.Int(required=True)
    by_outcome = graphene.List(graphene.NonNull(DecisionOutcomeCount), required=True)

    def resolve_by_outcome(root, info):
        return [{"outcome": k, "count": v} for k, v in sorted(root["by_outcome"].items())]


PublishedDecisionConnection = connection(PublishedDecision)
