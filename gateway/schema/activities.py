"""The register of rule-of-law activities (法治建设活动台账) over GraphQL: planners and
legal-affairs staff record meetings, study sessions, publicity, trainings, normative
documents, fair-competition reviews and government-service items, and list them."""
from __future__ import annotations


import graphene

from gateway.schema import paging
from gateway.schema.base import errors_field
from gateway.schema.base import Agency, enum_of, mutation, plain, requires
from gateway.schema.scalars import Date, DateTime
from services.contracts.vocabulary import ACTIVITY_KINDS as KINDS, MAX_ACTIVITY_QUANTITY as MAX_QUANTITY

ROLES = ("planner", "accountability_officer")
RuleOfLawActivityKind = enum_of(
    "RuleOfLawActivityKind", tuple(KINDS),
    "What the register of rule-of-law activities (法治建设活动) counts: " + "; ".join(
        f"{k}: {v}" for k, v in KINDS.items()) + ".",
    {k: f"{v}: counted in annualFigures.activities." for k, v in KINDS.items()})


class RuleOfLawActivity(graphene.ObjectType):
    """An entry of the register of rule-of-law activities (法治建设活动登记): what enforcement records
    cannot hold (meetings, study sessions, trainings, normative documents...). planner and
    accountability_officer."""
    id = graphene.ID(required=True,
                     description="The entry's id.")
    kind = graphene.Field(RuleOfLawActivityKind, required=True,
                          description="What kind of activity it is.")
    agency = graphene.Field(Agency, required=True,
                            description="The agency that held it.")
    title = graphene.String(required=True,
                            description="Its title as the report would name it (at most 200 "
                                        "characters).")
    held_on = Date(required=True,
                   description="The civil day it was held (Asia/Shanghai); decides its "
                               "year.")
    quantity = graphene.Int(required=True, description="How many of the kind it stands for.")
    recorded_by = graphene.String(required=True,
                                  description="Subject of whoever recorded the entry.")
    recorded_at = DateTime(required=True,
                           description="When the entry was recorded.")

    def resolve_id(row, info):
        return row["activity_id"]


RuleOfLawActivityConnection = paging.connection(RuleOfLawActivity)


class RecordRuleOfLawActivityInput(graphene.InputObjectType):
    """A rule-of-law activity to add to the register."""
    kind = graphene.Field(RuleOfLawActivityKind, required=True,
                          description="What kind of activity it is.")
    agency = graphene.Field(Agency, description="Default: the caller's own agency.")
    title = graphene.String(required=True,
                            description="Its title (1 to 200 characters).")
    held_on = Date(required=True,
                   description="The civil day it was held (Asia/Shanghai).")
    quantity = graphene.Int(description=f"Default 1, at most {MAX_QUANTITY}.")
    request_key = graphene.String(description="Sending the same key again records nothing "
                                              "new and returns the first entry.")


class RuleOfLawActivityPayload(graphene.ObjectType):
    """The answer of recordRuleOfLawActivity: the entry, or errors (nothing recorded)."""
    activity = graphene.Field(RuleOfLawActivity,
                              description="The entry recorded; null when refused.")
    errors = errors_field()


class Query(graphene.ObjectType):
    rule_of_law_activities = paging.field(
        RuleOfLawActivityConnection, "The register, newest first.", agency=Agency(description="Only "
                                                                                              "this "
                                                                                              "agency's "
                                                                                              "entries; "
                                                                                              "default: "
                                                                                              "the "
                                                                                              "caller's "
                                                                                              "own "
                                                                                              "agency, "
                                                                                              "else "
                                                                                              "all."),
        kind=RuleOfLawActivityKind(description="Only entries of this kind."), year=graphene.Int(description="Only entries held in this "
                                                                    "calendar year "
                                                                    "(Asia/Shanghai)."))

    @requires(*ROLES)
    def resolve_rule_of_law_activities(root, info, agency=None, kind=None, year=None,
                                       first=None, after=None, offset=None):
        filters = plain({"agency": agency, "kind": kind, "year": year})
        return paging.page(RuleOfLawActivityConnection, lambda page: info.context
                           .services.accountability.list_activities(filters, page),
                           first, after, offset)


class Mutation(graphene.ObjectType):
    record_rule_of_law_activity = mutation(
        RuleOfLawActivityPayload, roles=ROLES,
        description="Add an entry to the register of rule-of-law activities.",
        call=lambda services, who, input: services.accountability.record_activity(
            plain(input), who),
        input=RecordRuleOfLawActivityInput(required=True,
                                           description="The entry to record; see the input "
                                                       "type."))
