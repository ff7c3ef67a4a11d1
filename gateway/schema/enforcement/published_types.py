"""What leaves the agency: published decisions (masked) and the annual-report figures."""
from __future__ import annotations

import graphene

from gateway.schema.base import Agency, EnforcementDomain
from gateway.schema.enforcement.case_types import DecisionOutcome, Measure
from gateway.schema.paging import connection
from gateway.schema.scalars import Date, DateTime


class PublishedDecision(graphene.ObjectType):
    """A decision as published: natural persons' names and ID numbers masked."""
    case_id = graphene.ID(required=True,
                          description="The case the decision closed or will close.")
    agency = graphene.Field(Agency, required=True,
                            description="The agency that decided.")
    domain = graphene.Field(EnforcementDomain, required=True,
                            description="The enforcement domain of the case.")
    party_name = graphene.String(required=True,
                                 description="The party's name; a natural person's masked after "
                                             "its first character (e.g. 张**).")
    party_id_number = graphene.String(description="A natural person's ID number with the "
                                                  "birth-date digits masked; null for "
                                                  "organisations.")
    party_registration_no = graphene.String(description="The party's registration number; masked "
                                                        "for natural persons; null when none.")
    natural_person = graphene.Boolean(required=True,
                                      description="true when the party is a natural person (their "
                                                  "data is masked).")
    violation_code = graphene.String(description="The violation decided on (the agency "
                                                 "catalogue's code); null when none.")
    violation = graphene.String(description="The violation's title, in words; null when none.")
    legal_basis = graphene.String(description="The provision the decision rests on (e.g. Tourism "
                                              "Law art. 95); null when no violation is named.")
    outcome = graphene.Field(DecisionOutcome, required=True,
                             description="What was decided.")
    fine = graphene.Int(description="The fine in yuan (元); null when none.")
    measures = graphene.List(graphene.NonNull(Measure), required=True,
                             description="Penalty measures besides a fine; empty when none.")
    decided_at = DateTime(required=True,
                          description="When it was decided.")
    published_at = DateTime(required=True,
                            description="When it was published.")
    publication_due = Date(required=True,
                           description="The last civil date (Asia/Shanghai) it was due to "
                                       "be published: 7 working days after the decision "
                                       "by default.")
    late = graphene.Boolean(required=True,
                            description="true when published after publicationDue.")


class DecisionOutcomeCount(graphene.ObjectType):
    """How many cases were decided with one outcome in the period."""
    outcome = graphene.Field(DecisionOutcome, required=True,
                             description="The decision outcome counted.")
    count = graphene.Int(required=True,
                         description="How many cases decided in the period had it.")


class EnforcementStatistics(graphene.ObjectType):
    """The annual-report figures of one agency over a period (computed in the database)."""
    agency = graphene.Field(Agency, required=True,
                            description="The agency the figures are of.")
    period_from = Date(source="from", required=True,
                       description="First civil date counted (Asia/Shanghai).")
    period_to = Date(source="to", required=True,
                     description="Last civil date counted (Asia/Shanghai), inclusive.")
    inspections = graphene.Int(required=True,
                               description="Inspections performed in the period (count).")
    cases_filed = graphene.Int(required=True,
                               description="Cases filed (立案) in the period.")
    decided = graphene.Int(required=True,
                           description="Cases decided in the period.")
    legally_reviewed = graphene.Int(required=True,
                                    description="Cases with at least one approved legal review "
                                                "(法制审核, any stage) in the period, each case once.")
    major_filed_with_justice = graphene.Int(required=True,
                                            description="Major decisions whose filing with the "
                                                        "justice bureau was recorded in the "
                                                        "period.")
    published_in_time = graphene.Int(required=True,
                                     description="Decisions published in the period within their "
                                                 "publication deadline.")
    published_late = graphene.Int(required=True,
                                  description="Decisions published in the period after their "
                                              "publication deadline.")
    first_violation_waivers = graphene.Int(required=True,
                                           description="Cases decided NO_PENALTY_FIRST_VIOLATION "
                                                       "(首违不罚) in the period.")
    guidance = graphene.Int(required=True,
                            description="Cases decided ADMINISTRATIVE_GUIDANCE (行政指导) in the "
                                        "period.")
    mediation = graphene.Int(required=True,
                             description="Cases decided MEDIATION (行政调解) in the period.")
    by_outcome = graphene.List(graphene.NonNull(DecisionOutcomeCount), required=True,
                               description="Cases decided in the period, counted by outcome "
                                           "(outcomes with none left out).")

    def resolve_by_outcome(root, info):
        return [{"outcome": k, "count": v} for k, v in sorted(root["by_outcome"].items())]


PublishedDecisionConnection = connection(PublishedDecision)
